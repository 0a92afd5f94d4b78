import Store

/// A candidate theme found by discovery, as the report shows it (the caller runs the clustering).
public struct DiscoveredTheme: Sendable, Equatable {
    /// Excerpts in the cluster.
    public var size: Int
    /// Most specific lemmas, most specific first.
    public var terms: [String]
    /// Representative excerpts, original text.
    public var examples: [String]
    /// The taxonomy theme whose terms are closest, if any.
    public var nearestTheme: String?

    public init(size: Int, terms: [String], examples: [String], nearestTheme: String?) {
        self.size = size
        self.terms = terms
        self.examples = examples
        self.nearestTheme = nearestTheme
    }
}

/// What the caller adds to the data: provenance of the report itself and the optional sections.
public struct ReportOptions: Sendable {
    /// The report generator, e.g. "Verbatim 0.1.0".
    public var generator: String
    /// When the report was made, as text (e.g. "2026-12-01 09:30 UTC"); nil leaves it out.
    public var generatedAt: String?
    /// Discovered clusters; nil leaves the section out (discovery not run or unavailable).
    public var clusters: [DiscoveredTheme]?
    /// How the clusters were made (method, k, seed, excerpts clustered).
    public var discoveryNote: String?
    /// The comparison by field shows at most this many values (the most frequent ones).
    public var maxFieldValues: Int

    public init(generator: String, generatedAt: String? = nil, clusters: [DiscoveredTheme]? = nil,
                discoveryNote: String? = nil, maxFieldValues: Int = 12) {
        self.generator = generator
        self.generatedAt = generatedAt
        self.clusters = clusters
        self.discoveryNote = discoveryNote
        self.maxFieldValues = maxFieldValues
    }
}

/// Assembles the report: one self-contained HTML document (inline CSS and SVG, no script, no
/// external resource, no web font) that reads on screen and prints on A4.
public enum ReportBuilder {
    /// |z| at or above this is significant at 5 % (two-sided).
    public static let significance = 1.96

    public static func build(_ data: ReportData, options: ReportOptions) -> String {
        var html = ""
        html.reserveCapacity(200_000)
        let title = "Consultation report: " + data.overview.consultation
        html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"\(HTML.attribute(options.generator))\">\n"
        html += "<title>\(HTML.text(title))</title>\n<style>\n\(stylesheet)</style>\n</head>\n<body>\n"
        html += header(data, options: options, title: title)
        html += overview(data)
        html += themesSection(data)
        if data.field != nil { html += fieldSection(data, options: options) }
        html += intentSection(data)
        html += detailSection(data)
        if let clusters = options.clusters { html += clusterSection(clusters, data: data, note: options.discoveryNote) }
        html += methodsSection(data, options: options)
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: - Pieces

    static func e(_ s: String) -> String { HTML.escape(s) }
    static func n(_ v: Int) -> String { NumberText.integer(v) }

    /// Themes that have at least one answer, in the counts' order (most answers first).
    static func usedRows(_ data: ReportData) -> [ThemeCounts.Row] { data.counts.rows.filter { $0.answers > 0 } }

    static func label(_ row: ThemeCounts.Row) -> String { row.label.isEmpty ? row.theme : row.label }

    static func label(theme id: String, _ data: ReportData) -> String {
        if let t = data.themes[id], !t.label.isEmpty { return t.label }
        return id
    }

    static func header(_ data: ReportData, options: ReportOptions, title: String) -> String {
        var s = "<header>\n<h1>\(e(title))</h1>\n<p class=\"subtitle\">"
        s += "\(n(data.overview.respondents)) respondents · \(n(data.overview.answers)) answers · \(data.overview.questions.count) "
            + (data.overview.questions.count == 1 ? "question" : "questions")
        if let run = data.run { s += " · analysed \(e(run.finishedAt))" }
        s += "<br>Source: <code>\(e(data.databasePath))</code>"
        if let at = options.generatedAt { s += " · report generated \(e(at))" }
        s += " · \(e(options.generator))</p>\n"
        var entries = [("overview", "Overview"), ("themes", "Themes")]
        if let field = data.field { entries.append(("by-field", "Themes by " + field)) }
        entries += [("intents", "Intent by theme"), ("details", "Themes in detail")]
        if options.clusters != nil { entries.append(("discovered", "Discovered clusters")) }
        entries.append(("methods", "Methods"))
        s += "<nav class=\"toc\"><ol>" + entries.map { "<li><a href=\"#\($0.0)\">\(e($0.1))</a></li>" }.joined() + "</ol></nav>\n"
        return s + "</header>\n"
    }

    static func figure(_ value: String, _ caption: String) -> String {
        "<div class=\"figure\"><b>\(value)</b>\(e(caption))</div>"
    }

    static func overview(_ data: ReportData) -> String {
        let o = data.overview
        let classified = o.answers - o.unclassifiedAnswers
        var s = "<section id=\"overview\">\n<h2>Overview</h2>\n<div class=\"figures\">"
        s += figure(n(o.respondents), "respondents")
        s += figure(n(o.answers), "answers")
        s += figure(n(o.excerpts), "excerpts (sentences, lines, list items)")
        s += figure(n(classified), "answers with at least one theme (\(NumberText.percent(classified, of: o.answers)))")
        s += figure(n(o.unclassifiedAnswers), "unclassified answers (\(NumberText.percent(o.unclassifiedAnswers, of: o.answers)))")
        s += figure(n(usedRows(data).count), "themes found, of \(data.counts.rows.count) in the taxonomy")
        s += "</div>\n<h3>Questions</h3>\n<table>\n<thead><tr><th>Question</th><th>Wording</th><th class=\"n\">Answers</th>"
            + "<th class=\"n\">With a theme</th></tr></thead>\n<tbody>\n"
        for q in o.questions {
            s += "<tr><td><code>\(e(q.code))</code></td><td>\(q.label.map(e) ?? "<span class=\"muted\">(no wording recorded)</span>")</td>"
                + "<td class=\"n\">\(n(q.answers))</td><td class=\"n\">\(n(q.classifiedAnswers)) (\(NumberText.percent(q.classifiedAnswers, of: q.answers)))</td></tr>\n"
        }
        s += "</tbody>\n</table>\n"
        if !o.fields.isEmpty {
            s += "<p>Respondent fields: " + o.fields.map { "<code>\(e($0))</code>" }.joined(separator: ", ") + ".</p>\n"
        }
        return s + "</section>\n"
    }

    static func themesSection(_ data: ReportData) -> String {
        let c = data.counts
        let rows = usedRows(data)
        var bars = rows.map { r in
            SVGCharts.Bar(label: label(r), value: Double(r.answers), share: c.totalAnswers > 0 ? Double(r.answers) / Double(c.totalAnswers) : 0)
        }
        bars.append(SVGCharts.Bar(label: "(unclassified)", value: Double(c.unclassifiedAnswers),
                                  share: c.totalAnswers > 0 ? Double(c.unclassifiedAnswers) / Double(c.totalAnswers) : 0, emphasis: true))
        var s = "<section id=\"themes\">\n<h2>Themes</h2>\n"
        s += "<p>Answers mentioning each theme, and their share of the \(n(c.totalAnswers)) answers. An answer can mention "
            + "several themes, so the shares add up to more than 100 %. The hatched bar counts the answers with no theme at all.</p>\n"
        s += "<figure>" + SVGCharts.barChart(bars, title: "Answers per theme", id: "chart-themes")
            + "<figcaption>Answers per theme (share of all answers); hatched: unclassified answers.</figcaption></figure>\n"
        s += "<table>\n<thead><tr><th>Theme</th><th class=\"n\">Answers</th><th class=\"n\">Share</th><th class=\"n\">Excerpts</th>"
            + "<th class=\"n\">Negated</th></tr></thead>\n<tbody>\n"
        for r in rows {
            s += "<tr><td><a href=\"#\(HTML.anchor("theme-", r.theme))\">\(e(label(r)))</a> <code>\(e(r.theme))</code></td>"
                + "<td class=\"n\">\(n(r.answers))</td><td class=\"n\">\(NumberText.percent(r.answers, of: c.totalAnswers))</td>"
                + "<td class=\"n\">\(n(r.excerpts))</td><td class=\"n\">\(n(r.negatedExcerpts))</td></tr>\n"
        }
        s += "<tr class=\"total\"><td>(unclassified)</td><td class=\"n\">\(n(c.unclassifiedAnswers))</td>"
            + "<td class=\"n\">\(NumberText.percent(c.unclassifiedAnswers, of: c.totalAnswers))</td><td></td><td></td></tr>\n"
        s += "</tbody>\n</table>\n"
        let unused = c.rows.filter { $0.answers == 0 }
        if !unused.isEmpty {
            s += "<p>No answer for: " + unused.map { e(label($0)) + " <code>\(e($0.theme))</code>" }.joined(separator: ", ") + ".</p>\n"
        }
        return s + "</section>\n"
    }

    /// z of a theme in a field value.
    static func z(_ row: ThemeCounts.Row, _ value: String, _ c: ThemeCounts) -> Double {
        ThemeCounts.zScore(observed: row.answersByValue[value] ?? 0, groupAnswers: c.answersByValue[value] ?? 0,
                           themeAnswers: row.answers, totalAnswers: c.totalAnswers)
    }

    static func mark(_ z: Double) -> SVGCharts.Mark {
        z >= significance ? .above : z <= -significance ? .below : .none
    }

    /// The values compared: the `limit` most frequent, shown in the counts' (sorted) order.
    static func shownValues(_ c: ThemeCounts, limit: Int) -> [String] {
        guard c.values.count > limit else { return c.values }
        let top = Set(c.values.sorted { (c.answersByValue[$0] ?? 0, $1) > (c.answersByValue[$1] ?? 0, $0) }.prefix(limit))
        return c.values.filter(top.contains)
    }

    static func fieldSection(_ data: ReportData, options: ReportOptions) -> String {
        guard let field = data.field else { return "" }
        let c = data.counts
        let rows = usedRows(data)
        let values = shownValues(c, limit: max(1, options.maxFieldValues))
        func share(_ part: Int, _ whole: Int) -> Double { whole > 0 ? Double(part) / Double(whole) : 0 }
        var maxShare = 0.0
        for r in rows { for v in values { maxShare = max(maxShare, share(r.answersByValue[v] ?? 0, c.answersByValue[v] ?? 0)) } }
        if maxShare == 0 { maxShare = 1 }
        var cells: [[SVGCharts.HeatCell]] = []
        for r in rows {
            var line: [SVGCharts.HeatCell] = []
            for v in values {
                let k = r.answersByValue[v] ?? 0, total = c.answersByValue[v] ?? 0
                let zv = z(r, v, c)
                let m = mark(zv)
                let verdict = m == .above ? ", above the overall share (significant at 5 %)"
                    : m == .below ? ", below the overall share (significant at 5 %)" : ""
                line.append(SVGCharts.HeatCell(
                    intensity: share(k, total) / maxShare, text: NumberText.percent(k, of: total),
                    detail: "n \(n(k)) · z \(NumberText.signed(zv))", mark: m,
                    title: "\(label(r)) × \(v): \(n(k)) of \(n(total)) answers (\(NumberText.percent(k, of: total))), z = \(NumberText.signed(zv))\(verdict)"))
            }
            line.append(SVGCharts.HeatCell(
                intensity: share(r.answers, c.totalAnswers) / maxShare, text: NumberText.percent(r.answers, of: c.totalAnswers),
                detail: "n \(n(r.answers))", title: "\(label(r)), all answers: \(n(r.answers)) of \(n(c.totalAnswers))"))
            cells.append(line)
        }
        var s = "<section id=\"by-field\">\n<h2>Themes by \(e(field))</h2>\n"
        s += "<p>For each value of <code>\(e(field))</code>: the share of its answers that mention the theme, the number of "
            + "answers (n) and the z-score against the share among all answers. Framed cells with a triangle differ "
            + "significantly (|z| ≥ 1.96, 5 %): ▲ more often than overall, ▼ less often. Darker cells: larger shares.</p>\n"
        if values.count < c.values.count {
            s += "<p>Shown: the \(values.count) values with the most answers, of \(c.values.count).</p>\n"
        }
        s += "<figure>" + SVGCharts.heatmap(
            rows: rows.map(label), columns: values + ["all"],
            columnNotes: values.map { "\(n(c.answersByValue[$0] ?? 0)) answers" } + ["\(n(c.totalAnswers)) answers"],
            cells: cells, title: "Themes by \(field): share of answers, z-score", id: "chart-by-field")
            + "<figcaption>Share of each \(e(field)) value's answers mentioning the theme; n = answers, z = binomial z-score "
            + "against the overall share.</figcaption></figure>\n"
        // The largest differences, as bars against the overall share.
        var strongest: [(row: ThemeCounts.Row, z: Double)] = []
        for r in rows {
            var largest = 0.0
            for v in values { largest = max(largest, abs(z(r, v, c))) }
            if largest >= significance { strongest.append((r, largest)) }
        }
        strongest.sort { a, b in a.z != b.z ? a.z > b.z : a.row.theme < b.row.theme }
        let notable = strongest.prefix(8)
        if notable.isEmpty {
            s += "<p>No theme differs significantly between values of <code>\(e(field))</code>.</p>\n"
        } else {
            let groups = notable.map { r, _ in
                SVGCharts.BarGroup(label: label(r), bars: values.map { v in
                    let k = r.answersByValue[v] ?? 0, total = c.answersByValue[v] ?? 0
                    let zv = z(r, v, c)
                    return SVGCharts.GroupedBar(series: v, value: share(k, total),
                                                text: NumberText.percent(k, of: total) + " (z \(NumberText.signed(zv)))", mark: mark(zv))
                }, reference: share(r.answers, c.totalAnswers))
            }
            s += "<h3>Largest differences</h3>\n<figure>" + SVGCharts.groupedBars(
                groups, title: "Themes with significant differences by \(field)", id: "chart-differences", referenceLabel: "all answers")
                + "<figcaption>The \(groups.count) themes with the largest significant differences: share of each value's answers; "
                + "dashed line: share among all answers; dark bar with a triangle: significant (▲ above, ▼ below).</figcaption></figure>\n"
        }
        let small = values.filter { (c.answersByValue[$0] ?? 0) < 30 }
        if !small.isEmpty {
            s += "<p class=\"note\">Fewer than 30 answers: " + small.map { "<code>\(e($0))</code>" }.joined(separator: ", ")
                + ". Their z-scores are rough; read them with care.</p>\n"
        }
        return s + "</section>\n"
    }

    static let intentSeries = ["plainte (complaint)", "attente (expectation)", "satisfaction", "neutre (neutral)"]

    static func intentValues(_ i: ReportQueries.IntentSplit) -> [Double] {
        [Double(i.plainte), Double(i.attente), Double(i.satisfaction), Double(i.neutre + i.unknown)]
    }

    static func intentSection(_ data: ReportData) -> String {
        let rows = usedRows(data)
        var s = "<section id=\"intents\">\n<h2>Intent by theme</h2>\n"
        s += "<p>Each excerpt (sentence, line or list item) is tagged with one intent: a complaint, an expectation "
            + "(a request or wish), satisfaction, or neutral. Bars split each theme's excerpts by intent (100 % = the theme's excerpts).</p>\n"
        let stack = rows.map { r in SVGCharts.StackRow(label: label(r), values: intentValues(data.intents[r.theme] ?? .init())) }
        s += "<figure>" + SVGCharts.stackedBars(stack, series: intentSeries, title: "Intent of each theme's excerpts", id: "chart-intents")
            + "<figcaption>Intent of each theme's excerpts, in % of the theme's excerpts; n = excerpts.</figcaption></figure>\n"
        return s + "</section>\n"
    }

    static func fieldsText(_ fields: [ReportQueries.Field]) -> String {
        fields.map { "\(e($0.name))=\(e($0.value))" }.joined(separator: " · ")
    }

    static func quote(_ text: String, who: String?) -> String {
        "<blockquote class=\"quote\" lang=\"fr\"><p>« \(e(text)) »</p>" + (who.map { "<span class=\"who\">\($0)</span>" } ?? "") + "</blockquote>\n"
    }

    static func detailSection(_ data: ReportData) -> String {
        let c = data.counts
        var s = "<section id=\"details\">\n<h2>Themes in detail</h2>\n"
        s += "<p>For each theme: its description, its figures, the terms that matched most often, and five quotes, "
            + "exactly as the respondents wrote them.</p>\n"
        for r in usedRows(data) {
            s += "<article class=\"theme\" id=\"\(HTML.anchor("theme-", r.theme))\">\n<h3>\(e(label(r))) <code>\(e(r.theme))</code></h3>\n"
            if let d = data.themes[r.theme]?.description, !d.isEmpty { s += "<p class=\"description\">\(e(d))</p>\n" }
            let i = data.intents[r.theme] ?? .init()
            s += "<p class=\"counts\"><b>\(n(r.answers))</b> answers (\(NumberText.percent(r.answers, of: c.totalAnswers)) of all), "
                + "\(n(r.excerpts)) excerpts, \(n(r.negatedExcerpts)) negated · intent: complaint \(n(i.plainte)), expectation \(n(i.attente)), "
                + "satisfaction \(n(i.satisfaction)), neutral \(n(i.neutre + i.unknown))</p>\n"
            if let field = data.field {
                let differences = c.values.compactMap { v -> (String, Int, Double)? in
                    let zv = z(r, v, c)
                    return abs(zv) >= significance ? (v, r.answersByValue[v] ?? 0, zv) : nil
                }
                if differences.isEmpty {
                    s += "<p class=\"by\">By <code>\(e(field))</code>: no significant difference.</p>\n"
                } else {
                    s += "<p class=\"by\">By <code>\(e(field))</code>: " + differences.map { v, k, zv in
                        (zv > 0 ? "▲ more often among " : "▼ less often among ") + "<code>\(e(v))</code> ("
                            + "\(NumberText.percent(k, of: c.answersByValue[v] ?? 0)), z \(NumberText.signed(zv)))"
                    }.joined(separator: "; ") + " — overall \(NumberText.percent(r.answers, of: c.totalAnswers)).</p>\n"
                }
            }
            if let terms = data.terms[r.theme], !terms.isEmpty {
                s += "<p class=\"terms\">Terms found: " + terms.map { "\(e($0.term)) (\(n($0.excerpts)))" }.joined(separator: ", ") + "</p>\n"
            }
            let quotes = data.quotes[r.theme] ?? []
            if quotes.isEmpty { s += "<p class=\"muted\">No quote.</p>\n" }
            for q in quotes {
                var who = "\(e(q.respondent)) · <abbr title=\"\(HTML.attribute(q.questionLabel ?? q.question))\">\(e(q.question))</abbr>"
                if !q.fields.isEmpty { who += " · " + fieldsText(q.fields) }
                if let intent = q.intent { who += " · \(e(intent))" + (q.negated ? " (negated)" : "") }
                s += quote(q.text, who: who)
            }
            s += "</article>\n"
        }
        return s + "</section>\n"
    }

    static func clusterSection(_ clusters: [DiscoveredTheme], data: ReportData, note: String?) -> String {
        var s = "<section id=\"discovered\">\n<h2>Discovered clusters</h2>\n"
        s += "<p>Excerpts the taxonomy leaves unclassified, grouped by the words they share: candidate themes to review, "
            + "not results. Each cluster lists its most specific words and representative excerpts.</p>\n"
        if let note { s += "<p class=\"note\">\(e(note))</p>\n" }
        if clusters.isEmpty { s += "<p>No cluster: too few unclassified excerpts with words to group.</p>\n" }
        let total = clusters.reduce(0) { $0 + $1.size }
        for (k, cluster) in clusters.enumerated() {
            s += "<article class=\"cluster\">\n<h3>Cluster \(k + 1): \(n(cluster.size)) excerpts (\(NumberText.percent(cluster.size, of: total)))</h3>\n"
            s += "<p>Nearest theme: " + (cluster.nearestTheme.map { "\(e(label(theme: $0, data))) <code>\(e($0))</code>" } ?? "none") + "</p>\n"
            if !cluster.terms.isEmpty { s += "<p class=\"terms\">Words: " + cluster.terms.map(e).joined(separator: ", ") + "</p>\n" }
            for example in cluster.examples { s += quote(example, who: nil) }
            s += "</article>\n"
        }
        return s + "</section>\n"
    }

    static func methodsSection(_ data: ReportData, options: ReportOptions) -> String {
        var s = "<section id=\"methods\">\n<h2>Methods</h2>\n"
        s += "<h3>Provenance</h3>\n<table class=\"provenance\">\n<tbody>\n"
        func row(_ key: String, _ value: String) -> String { "<tr><th>\(e(key))</th><td>\(value)</td></tr>\n" }
        s += row("Report", e(options.generator) + (options.generatedAt.map { ", " + e($0) } ?? ""))
        s += row("Database", "<code>\(e(data.databasePath))</code>, consultation <code>\(e(data.overview.consultation))</code> (created \(e(data.overview.createdAt)))")
        if let run = data.run {
            s += row("Analysis", "run #\(run.id), \(e(run.startedAt)) – \(e(run.finishedAt)), Verbatim \(e(run.toolVersion)); "
                + "\(n(run.runs)) run\(run.runs == 1 ? "" : "s") recorded" + (run.unfinishedRuns > 0 ? ", \(n(run.unfinishedRuns)) interrupted" : ""))
            s += row("Source file", "<code>\(e(run.sourceFile))</code>, sha256 <code class=\"hash\">\(e(run.sourceSha256))</code>; "
                + "\(n(run.answersRead)) answers read, \(n(run.excerptsAdded)) excerpts added by this run")
            s += row("Stages", "<pre>\(e(run.stagesJSON))</pre>")
            s += row("Lexicons", "<pre>\(e(run.lexiconsJSON))</pre>")
            s += row("Settings", "<pre>\(e(run.settingsJSON))</pre>")
        } else {
            s += row("Analysis", "no finished run recorded")
        }
        s += "</tbody>\n</table>\n"
        s += "<h3>How the figures are computed</h3>\n<ul>\n"
        s += "<li>Each answer is split into excerpts (sentences, lines, list items). An excerpt gets a theme when the weights "
            + "of the taxonomy terms found in it (lemmatized, accents and case ignored) reach 1; an answer has a theme when "
            + "one of its excerpts has it. <em>Answers</em> counts answers with the theme; <em>share</em> divides by all "
            + "answers (or all answers of a group). An answer can have several themes.</li>\n"
        s += "<li><em>Unclassified</em> answers have no theme in any excerpt.</li>\n"
        s += "<li>Comparison by field: for a value with n answers, of which k mention the theme, and p the theme's share "
            + "among all answers, z = (k − n·p) / √(n·p·(1 − p)) (binomial z-score). |z| ≥ 1.96 is marked significant at 5 %. "
            + "With many cells, about one in twenty differs by chance; groups under 30 answers give rough z-scores.</li>\n"
        s += "<li>Intent (complaint, expectation, satisfaction, neutral) is tagged per excerpt from cue words, with "
            + "negation taken into account (“aucun problème” is satisfaction). <em>Negated</em> excerpts are those where "
            + "every term of the theme was negated.</li>\n"
        s += "<li>Terms found: the taxonomy terms that matched, counted once per excerpt.</li>\n"
        s += "<li>Quotes are original text: each is an excerpt exactly as the respondent typed it (the stored byte span "
            + "of the answer), with spelling, accents and punctuation untouched — never corrected, shortened or paraphrased. "
            + "Per theme, the five quotes are the excerpts with the highest theme score, excerpts of 40 to 300 bytes first, "
            + "at most one per answer and no repeated text.</li>\n"
        if options.clusters != nil {
            s += "<li>Discovered clusters: descending hierarchical classification (Reinert method, as in Alceste/IRaMuTeQ) "
                + "of the unclassified excerpts on their lemmas; the words listed are the most specific of each cluster "
                + "(χ² against the other clusters). Same data and seed, same clusters.</li>\n"
        }
        s += "</ul>\n"
        return s + "</section>\n"
    }

    // MARK: - Style

    static let stylesheet = """
        :root { color-scheme: light; }
        html { background: #ffffff; }
        body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.45;
               color: #1a1a1a; background: #ffffff; max-width: 190mm; margin: 0 auto; padding: 10mm 8mm; }
        h1 { font-size: 20pt; line-height: 1.2; margin: 0 0 4pt; }
        h2 { font-size: 15pt; margin: 22pt 0 8pt; padding-bottom: 2pt; border-bottom: 1.5pt solid #1a1a1a; }
        h3 { font-size: 12pt; margin: 14pt 0 4pt; }
        h3 code { font-size: 9pt; font-weight: normal; color: #555555; }
        code, pre { font-family: "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 8pt; background: #f3f3f3; padding: 4pt 6pt; margin: 0; }
        .subtitle { color: #444444; margin: 0 0 8pt; font-size: 10pt; }
        .muted, .note { color: #555555; }
        .note { font-size: 9.5pt; }
        nav.toc ol { margin: 4pt 0 0; padding-left: 18pt; columns: 2; font-size: 10pt; }
        a { color: #1d4f86; }
        .figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 6pt; margin: 8pt 0 12pt; }
        .figure { border: 0.75pt solid #888888; padding: 5pt 7pt; font-size: 9.5pt; break-inside: avoid; }
        .figure b { display: block; font-size: 17pt; line-height: 1.2; }
        table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: 6pt 0; }
        th, td { text-align: left; vertical-align: top; padding: 2pt 5pt; border-bottom: 0.5pt solid #9a9a9a; }
        thead th { border-bottom: 1pt solid #1a1a1a; }
        .n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.total td { font-style: italic; }
        table.provenance th { width: 22%; }
        .hash { overflow-wrap: anywhere; font-size: 8pt; }
        figure { margin: 8pt 0 12pt; break-inside: avoid; }
        figcaption { font-size: 9pt; color: #444444; margin-top: 3pt; }
        svg.chart { display: block; width: 100%; height: auto; max-width: 100%; }
        article.theme, article.cluster { border-top: 0.75pt solid #bbbbbb; padding-top: 2pt; }
        .description { font-style: italic; margin: 2pt 0; }
        .counts, .by, .terms { margin: 3pt 0; font-size: 10pt; }
        blockquote.quote { margin: 5pt 0 5pt 6pt; padding: 2pt 0 2pt 9pt; border-left: 3pt solid #3a6595; break-inside: avoid; }
        blockquote.quote p { margin: 0; white-space: pre-line; }
        .who { display: block; font-size: 8.5pt; color: #444444; }
        abbr { text-decoration: none; }
        @page { size: A4; margin: 14mm 12mm 16mm 12mm; }
        @media print {
          * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
          nav.toc { display: none; }
          section { break-before: page; }
          section#overview { break-before: auto; }
          h2, h3 { break-after: avoid; }
          article.theme, article.cluster { break-inside: avoid; }
          a { color: inherit; text-decoration: none; }
        }

        """
}
