import Mustache

/// The page templates (Mustache; `{{x}}` is HTML-escaped, `{{{x}}}` only for HTML this module
/// built and escaped itself). No scripts, no external resources: the pages work offline.
enum Templates {
    static let layout = """
        <!doctype html>
        <html lang="fr"><head><meta charset="utf-8"><title>{{title}} — Verbatim</title>
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <style>
        body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2330;background:#fafafa}
        header{background:#1d2330;color:#fff;padding:.6em 1.2em}header a{color:#fff;margin-right:1.2em;text-decoration:none}
        main{max-width:980px;margin:1em auto;padding:0 1em}table{border-collapse:collapse;width:100%}
        td,th{padding:.3em .5em;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        .bar{background:#4a6fa5;height:.8em;display:inline-block}
        blockquote{margin:.6em 0;padding:.4em .8em;background:#fff;border-left:4px solid #4a6fa5}
        mark{background:#ffe08a}.meta{color:#5b6475;font-size:.9em}.neg{color:#a33}
        form input,form select{font:inherit;padding:.2em}
        </style></head>
        <body><header><a href="/themes">Thèmes</a><a href="/search">Recherche</a><a href="/clusters">Classes</a><a href="/about">Provenance</a></header>
        <main><h1>{{title}}</h1>{{{body}}}</main></body></html>
        """

    static let themes = """
        <p class="meta">{{answers}} réponses · {{unclassified}} sans thème ({{unclassifiedShare}}) · <a href="/themes.json">JSON</a></p>
        <table><tr><th>Thème</th><th>Réponses</th><th></th><th>Part</th><th>Plaintes</th><th>Attentes</th><th>Satisfaction</th></tr>
        {{#rows}}<tr><td><a href="/themes/{{id}}">{{label}}</a><br><span class="meta">{{id}}</span></td><td class="n">{{answers}}</td>
        <td><span class="bar" style="width:{{barWidth}}px"></span></td><td class="n">{{share}}</td>
        <td class="n">{{plainte}}</td><td class="n">{{attente}}</td><td class="n">{{satisfaction}}</td></tr>{{/rows}}
        </table>
        """

    static let theme = """
        <p>{{description}}</p>
        <p class="meta">{{answers}} réponses · {{excerpts}} extraits (dont {{negated}} niés) · intentions : {{plainte}} plaintes, {{attente}} attentes, {{satisfaction}} satisfactions · <a href="/search?theme={{id}}">tous les extraits</a> · <a href="/themes/{{id}}.json">JSON</a></p>
        <h2>Termes</h2><p>{{#terms}}<span>{{term}} ({{excerpts}})</span> · {{/terms}}</p>
        {{#hasGroups}}<h2>Par {{field}}</h2><table><tr><th>{{field}}</th><th>Réponses</th><th>Part</th><th>z</th></tr>
        {{#groups}}<tr><td>{{value}}</td><td class="n">{{n}}</td><td class="n">{{share}}</td><td class="n">{{z}}</td></tr>{{/groups}}</table>{{/hasGroups}}
        <h2>Citations</h2>{{#quotes}}<blockquote>{{{html}}}<div class="meta"><a href="/answers/{{answerID}}">{{respondent}} · {{question}}</a> · {{fields}}</div></blockquote>{{/quotes}}
        """

    static let search = """
        <form action="/search" method="get">
        <input name="q" value="{{q}}" placeholder="mots, &quot;expression&quot;, OR, -exclure" size="40">
        <select name="theme"><option value="">tous les thèmes</option>{{#themes}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/themes}}</select>
        <input name="question" value="{{question}}" placeholder="question (q2)" size="8">
        <input name="where" value="{{where}}" placeholder="champ=valeur" size="18">
        <button>Chercher</button></form>
        {{#message}}<p class="meta">{{message}}</p>{{/message}}
        {{#hits}}<blockquote>{{{html}}}<div class="meta"><a href="/answers/{{answerID}}">{{respondent}} · {{question}}</a> · {{fields}}</div></blockquote>{{/hits}}
        <p>{{#previous}}<a href="{{previous}}">← précédents</a> {{/previous}}{{#next}}<a href="{{next}}">suivants →</a>{{/next}}</p>
        """

    static let answer = """
        <p class="meta">{{respondent}} · {{question}} {{questionLabel}} · {{fields}} · <a href="/answers/{{id}}.json">JSON</a></p>
        <blockquote style="white-space:pre-wrap">{{text}}</blockquote>
        <h2>Extraits</h2><table><tr><th>#</th><th>Texte</th><th>Thèmes</th><th>Intention</th></tr>
        {{#excerpts}}<tr><td class="n">{{ordinal}}</td><td>{{text}}</td><td>{{#themes}}<a href="/themes/{{theme}}">{{theme}}</a>{{#negated}} <span class="neg">(nié)</span>{{/negated}} {{/themes}}</td><td>{{intent}}</td></tr>{{/excerpts}}</table>
        """

    static let clusters = """
        <p class="meta">{{summary}} · <a href="/clusters.json">JSON</a></p>
        {{#clusters}}<h2>Classe {{number}} — {{size}} extraits ({{share}}){{#nearest}}, proche de <a href="/themes/{{nearest}}">{{nearest}}</a>{{/nearest}}</h2>
        <p>{{terms}}</p>{{#examples}}<blockquote>{{text}}</blockquote>{{/examples}}{{/clusters}}
        """

    static let about = """
        {{#run}}<table><tr><th>Outil</th><td>Verbatim {{toolVersion}}</td></tr><tr><th>Run</th><td>{{id}} · {{startedAt}} → {{finishedAt}}</td></tr>
        <tr><th>Étapes</th><td><code>{{stages}}</code></td></tr><tr><th>Lexiques</th><td><code>{{lexicons}}</code></td></tr>
        <tr><th>Réglages</th><td><code>{{settings}}</code></td></tr><tr><th>Source</th><td>{{sourceFile}} ({{sourceSha256}})</td></tr>
        <tr><th>Runs</th><td>{{runs}} dont {{unfinished}} interrompus</td></tr></table>{{/run}}
        {{^run}}<p>Aucun run terminé.</p>{{/run}}<p class="meta"><a href="/about.json">JSON</a></p>
        """

    static let error = """
        <p>{{message}}</p><p><a href="/themes">Retour aux thèmes</a></p>
        """

    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [("layout", layout), ("themes", themes), ("theme", theme), ("search", search), ("answer", answer),
                             ("clusters", clusters), ("about", about), ("error", error)] {
            try! library.register(text, named: name)
        }
        return library
    }()

    /// A whole page: `template` rendered with `context`, inside the layout.
    static func page(_ template: String, title: String, _ context: [String: Any]) -> String {
        let body = library.render(context, withTemplate: template) ?? ""
        return library.render(["title": title, "body": body], withTemplate: "layout") ?? ""
    }
}
