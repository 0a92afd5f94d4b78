import HTTPTypes
import Hummingbird
import NIOCore
import Report
import Store
import VerbatimCore

/// The page handlers: read the query, call the shared queries, render HTML or JSON.
enum Pages {
    static let pageSize = 20

    static func wantsJSON(_ request: Request) -> Bool {
        request.uri.path.hasSuffix(".json") || (request.headers[.accept]?.contains("application/json") ?? false)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func json(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func errorPage(_ status: HTTPResponse.Status, _ message: String, json wantsJSON: Bool) -> Response {
        wantsJSON ? json("{\"error\":\(JSON.string(message)),\"status\":\(status.code)}", status: status)
            : html(Templates.page("error", title: "\(status.code) \(status.reasonPhrase)", ["message": message]), status: status)
    }

    static func fieldsText(_ fields: [(name: String, value: String)]) -> String {
        fields.map { "\($0.name)=\($0.value)" }.joined(separator: " · ")
    }

    // MARK: themes

    static func themes(_ site: Site, _ request: Request, json wantsJSON: Bool) throws -> Response {
        let counts = try site.stats().overall
        if wantsJSON || Self.wantsJSON(request) {
            let rows = counts.rows.map { r in
                "{\"id\":\(JSON.string(r.theme)),\"label\":\(JSON.string(r.label)),\"answers\":\(r.answers),\"excerpts\":\(r.excerpts),"
                    + "\"negatedExcerpts\":\(r.negatedExcerpts),\"plainte\":\(r.plainte),\"attente\":\(r.attente),\"satisfaction\":\(r.satisfaction)}"
            }
            return json("{\"answers\":\(counts.totalAnswers),\"unclassifiedAnswers\":\(counts.unclassifiedAnswers),\"themes\":[\(rows.joined(separator: ","))]}")
        }
        let top = max(1, counts.rows.map(\.answers).max() ?? 1)
        let rows: [[String: Any]] = counts.rows.map { r in
            ["id": r.theme, "label": r.label, "answers": r.answers, "share": Percent.text(r.answers, counts.totalAnswers),
             "barWidth": r.answers * 200 / top, "plainte": r.plainte, "attente": r.attente, "satisfaction": r.satisfaction]
        }
        return html(Templates.page("themes", title: "Thèmes", [
            "rows": rows, "answers": counts.totalAnswers, "unclassified": counts.unclassifiedAnswers,
            "unclassifiedShare": Percent.text(counts.unclassifiedAnswers, counts.totalAnswers),
        ]))
    }

    static func theme(_ site: Site, _ request: Request, _ rawID: String) throws -> Response {
        let wantsJSON = rawID.hasSuffix(".json") || Self.wantsJSON(request)
        let id = FormQuery.decode(Substring(rawID.hasSuffix(".json") ? String(rawID.dropLast(5)) : rawID))
        let store = try site.store()
        guard let theme = try ReportQueries.themes(store).first(where: { $0.id == id }) else {
            throw HTTPError(.notFound, message: "Thème inconnu : \(id)")
        }
        let stats = try site.stats()
        let field = stats.field
        let counts = stats.byField ?? stats.overall
        let row = counts.rows.first { $0.theme == id }
        let terms = stats.terms[id] ?? []
        let quotes = try site.withAnalyzer {
            try QuoteSearch(store: store, analyzer: $0).search("", options: SearchOptions(consultation: site.consultation, theme: id, limit: 10))
        }
        if wantsJSON {
            let groups = counts.values.map { v in
                "{\"value\":\(JSON.string(v)),\"answers\":\(row?.answersByValue[v] ?? 0),\"groupAnswers\":\(counts.answersByValue[v] ?? 0)}"
            }
            return json("{\"id\":\(JSON.string(theme.id)),\"label\":\(JSON.string(theme.label)),\"description\":\(JSON.string(theme.description)),"
                + "\"answers\":\(row?.answers ?? 0),\"excerpts\":\(row?.excerpts ?? 0),\"negatedExcerpts\":\(row?.negatedExcerpts ?? 0),"
                + "\"intents\":{\"plainte\":\(row?.plainte ?? 0),\"attente\":\(row?.attente ?? 0),\"satisfaction\":\(row?.satisfaction ?? 0)},"
                + "\"terms\":[\(terms.map { "{\"term\":\(JSON.string($0.term)),\"excerpts\":\($0.excerpts)}" }.joined(separator: ","))],"
                + "\"groups\":[\(groups.joined(separator: ","))],\"quotes\":[\(quotes.map(hitJSON).joined(separator: ","))]}")
        }
        let groups: [[String: Any]] = counts.values.map { v in
            let n = row?.answersByValue[v] ?? 0
            let z = ThemeCounts.zScore(observed: n, groupAnswers: counts.answersByValue[v] ?? 0, themeAnswers: row?.answers ?? 0,
                                       totalAnswers: counts.totalAnswers)
            return ["value": v, "n": n, "share": Percent.text(n, counts.answersByValue[v] ?? 0),
                    "z": NumberText.fixed(z, decimals: 1) + (abs(z) >= 1.96 ? " *" : "")]
        }
        return html(Templates.page("theme", title: theme.label, [
            "id": theme.id, "description": theme.description, "answers": row?.answers ?? 0, "excerpts": row?.excerpts ?? 0,
            "negated": row?.negatedExcerpts ?? 0, "plainte": row?.plainte ?? 0, "attente": row?.attente ?? 0,
            "satisfaction": row?.satisfaction ?? 0,
            "terms": terms.map { ["term": $0.term, "excerpts": $0.excerpts] }, "hasGroups": field != nil, "field": field ?? "",
            "groups": groups, "quotes": quotes.map(hitContext),
        ]))
    }

    // MARK: search

    static func search(_ site: Site, _ request: Request, json wantsJSON: Bool) throws -> Response {
        let query = FormQuery(request.uri.query)
        let text = query["q"] ?? ""
        let page = max(1, Int(query["page"] ?? "1") ?? 1)
        let filters = query.all("where").compactMap { w -> (name: String, value: String)? in
            guard let eq = w.firstIndex(of: "="), eq != w.startIndex else { return nil }
            return (String(w[..<eq]), String(w[w.index(after: eq)...]))
        }
        let options = SearchOptions(consultation: site.consultation, question: query["question"], theme: query["theme"],
                                    filters: filters, limit: page * pageSize + 1, includeAnswer: false)
        let store = try site.store()
        var hits: [SearchHit] = []
        var message: String? = nil
        if !text.isEmpty || options.theme != nil {
            do {
                hits = try site.withAnalyzer { try QuoteSearch(store: store, analyzer: $0).search(text, options: options) }
            } catch let error as StoreError {
                if case .sqlite = error { throw error }
                message = error.description
            }
        }
        let hasNext = hits.count > page * pageSize
        let shown = Array(hits.dropFirst((page - 1) * pageSize).prefix(pageSize))
        if wantsJSON || Self.wantsJSON(request) {
            return json("{\"query\":\(JSON.string(text)),\"page\":\(page),\"hasNext\":\(hasNext),"
                + (message.map { "\"message\":\(JSON.string($0))," } ?? "") + "\"hits\":[\(shown.map(hitJSON).joined(separator: ","))]}")
        }
        func link(_ p: Int) -> String {
            var parts = ["page=\(p)"]
            for pair in query.pairs where pair.name != "page" && !pair.value.isEmpty {
                parts.append("\(FormQuery.encode(pair.name))=\(FormQuery.encode(pair.value))")
            }
            return "/search?" + parts.joined(separator: "&")
        }
        let themes = try ReportQueries.themes(store).map { ["id": $0.id, "label": $0.label, "selected": $0.id == options.theme] as [String: Any] }
        if message == nil && shown.isEmpty && (!text.isEmpty || options.theme != nil) { message = "Aucun extrait ne correspond." }
        var context: [String: Any] = [
            "q": text, "question": query["question"] ?? "", "where": query.all("where").first ?? "", "themes": themes,
            "hits": shown.map(hitContext),
        ]
        // Absent keys, not nil values: Mustache would print an Optional inside Any.
        if let message { context["message"] = message }
        if page > 1 { context["previous"] = link(page - 1) }
        if hasNext { context["next"] = link(page + 1) }
        return html(Templates.page("search", title: "Recherche", context))
    }

    /// The excerpt as HTML with its matched words in <mark>; every piece escaped.
    static func highlighted(_ hit: SearchHit) -> String {
        SearchJob.marked(hit, open: "<mark>", close: "</mark>", escape: HTML.escape)
    }

    static func hitContext(_ hit: SearchHit) -> [String: Any] {
        ["html": highlighted(hit), "answerID": hit.answerID, "respondent": hit.respondent, "question": hit.question,
         "fields": fieldsText(hit.fields)]
    }

    static func hitJSON(_ hit: SearchHit) -> String {
        "{\"answerId\":\(hit.answerID),\"excerptId\":\(hit.excerptID),\"respondent\":\(JSON.string(hit.respondent)),"
            + "\"question\":\(JSON.string(hit.question)),\"fields\":\(JSON.fields(hit.fields)),\"text\":\(JSON.string(hit.text)),"
            + "\"utf8Start\":\(hit.utf8Start),\"utf8End\":\(hit.utf8End),"
            + "\"highlights\":[\(hit.highlights.map { "{\"utf8Start\":\($0.lowerBound),\"utf8End\":\($0.upperBound)}" }.joined(separator: ","))]}"
    }

    // MARK: answer, clusters, about

    static func answer(_ site: Site, _ request: Request, _ rawID: String) throws -> Response {
        let wantsJSON = rawID.hasSuffix(".json") || Self.wantsJSON(request)
        guard let id = Int64(rawID.hasSuffix(".json") ? String(rawID.dropLast(5)) : rawID),
              let detail = try AnswerDetail.load(try site.store(), id: id) else {
            throw HTTPError(.notFound, message: "Réponse inconnue : \(rawID)")
        }
        if wantsJSON {
            let excerpts = detail.excerpts.map { e in
                "{\"id\":\(e.id),\"ordinal\":\(e.ordinal),\"utf8Start\":\(e.utf8Start),\"utf8End\":\(e.utf8End),\"text\":\(JSON.string(e.text)),"
                    + "\"intent\":\(e.intent.map(JSON.string) ?? "null"),"
                    + "\"themes\":[\(e.themes.map { "{\"theme\":\(JSON.string($0.theme)),\"negated\":\($0.negated)}" }.joined(separator: ","))]}"
            }
            return json("{\"id\":\(detail.id),\"respondent\":\(JSON.string(detail.respondent)),\"question\":\(JSON.string(detail.question)),"
                + "\"questionLabel\":\(detail.questionLabel.map(JSON.string) ?? "null"),\"fields\":\(JSON.fields(detail.fields)),"
                + "\"text\":\(JSON.string(detail.text)),\"excerpts\":[\(excerpts.joined(separator: ","))]}")
        }
        let excerpts: [[String: Any]] = detail.excerpts.map { e in
            ["ordinal": e.ordinal + 1, "text": e.text, "intent": e.intent ?? "",
             "themes": e.themes.map { ["theme": $0.theme, "negated": $0.negated] }]
        }
        return html(Templates.page("answer", title: "Réponse \(detail.respondent) · \(detail.question)", [
            "id": detail.id, "respondent": detail.respondent, "question": detail.question, "questionLabel": detail.questionLabel ?? "",
            "fields": fieldsText(detail.fields), "text": detail.text, "excerpts": excerpts,
        ]))
    }

    static func clusters(_ site: Site, _ request: Request, json wantsJSON: Bool) throws -> Response {
        let result = try site.clusters()
        if wantsJSON || Self.wantsJSON(request) { return json(result.json) }
        return html(Templates.page("clusters", title: "Classes découvertes", result.context))
    }

    static func about(_ site: Site, _ request: Request, json wantsJSON: Bool) throws -> Response {
        let store = try site.store()
        let run = try ReportQueries.latestRun(store, consultation: try store.resolveConsultation(site.consultation))
        if wantsJSON || Self.wantsJSON(request) {
            guard let run else { return json("{\"run\":null}") }
            return json("{\"run\":{\"id\":\(run.id),\"toolVersion\":\(JSON.string(run.toolVersion)),\"startedAt\":\(JSON.string(run.startedAt)),"
                + "\"finishedAt\":\(JSON.string(run.finishedAt)),\"stages\":\(run.stagesJSON),\"lexicons\":\(run.lexiconsJSON),"
                + "\"settings\":\(run.settingsJSON),\"sourceFile\":\(JSON.string(run.sourceFile)),\"sourceSha256\":\(JSON.string(run.sourceSha256)),"
                + "\"runs\":\(run.runs),\"unfinishedRuns\":\(run.unfinishedRuns)}}")
        }
        let context: [String: Any] = run.map { r in
            ["run": ["id": r.id, "toolVersion": r.toolVersion, "startedAt": r.startedAt, "finishedAt": r.finishedAt,
                     "stages": r.stagesJSON, "lexicons": r.lexiconsJSON, "settings": r.settingsJSON, "sourceFile": r.sourceFile,
                     "sourceSha256": r.sourceSha256, "runs": r.runs, "unfinished": r.unfinishedRuns] as [String: Any]]
        } ?? [:]
        return html(Templates.page("about", title: "Provenance", context))
    }

    /// `/login?token=…` sets the token cookie and goes to the themes.
    static func login(_ request: Request, token: String?) -> Response {
        let given = FormQuery(request.uri.query)["token"]
        guard let token, given == token else {
            return errorPage(.unauthorized, "Jeton invalide.", json: wantsJSON(request))
        }
        var response = Response(status: .seeOther, headers: [.location: "/themes"])
        response.setCookie(Cookie(name: "verbatim_token", value: token, path: "/", httpOnly: true, sameSite: .strict))
        return response
    }
}
