import HTTPTypes
import Hummingbird
import Report
import Store
import VerbatimCore

/// Builds the router: every page has a JSON twin (`.json`, or `Accept: application/json`).
/// Handlers only read the query, call the same Store queries as the CLI, and render.
public func buildRouter(site: Site, token: String? = nil) -> Router<BasicRequestContext> {
    let router = Router()
    router.add(middleware: SecurityHeadersMiddleware())
    if let token { router.add(middleware: TokenMiddleware(token: token)) }
    router.get("/") { _, _ in Response(status: .seeOther, headers: [.location: "/themes"]) }
    router.get("/themes") { request, _ in try Pages.themes(site, request, json: false) }
    router.get("/themes.json") { request, _ in try Pages.themes(site, request, json: true) }
    router.get("/themes/:id") { request, context in try Pages.theme(site, request, context.parameters.require("id")) }
    router.get("/search") { request, _ in try Pages.search(site, request, json: false) }
    router.get("/search.json") { request, _ in try Pages.search(site, request, json: true) }
    router.get("/answers/:id") { request, context in try Pages.answer(site, request, context.parameters.require("id")) }
    router.get("/clusters") { request, _ in try Pages.clusters(site, request, json: false) }
    router.get("/clusters.json") { request, _ in try Pages.clusters(site, request, json: true) }
    router.get("/about") { request, _ in try Pages.about(site, request, json: false) }
    router.get("/about.json") { request, _ in try Pages.about(site, request, json: true) }
    router.get("/login") { request, _ in Pages.login(request, token: token) }
    return router
}

/// Content-Security-Policy without scripts, no sniffing, no framing, no referrer.
/// Also times each request (`Server-Timing: app;dur=…`; one stderr line per request when
/// `$VERBATIM_TIMING_LOG` is set, for load tests).
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var timingLog: Bool { Environment.variable("VERBATIM_TIMING_LOG") != nil }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = Clock.now()
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as HTTPError {
            response = Pages.errorPage(error.status, error.body ?? "", json: Pages.wantsJSON(request))
        } catch {
            // No stack trace or SQL to the browser.
            response = Pages.errorPage(.internalServerError, "Erreur interne.", json: Pages.wantsJSON(request))
        }
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
        response.headers[.xContentTypeOptions] = "nosniff"
        let milliseconds = (Clock.now() - started) * 1000
        response.headers[HTTPField.Name("Server-Timing")!] = "app;dur=" + NumberText.fixed(milliseconds, decimals: 2)
        if Self.timingLog { FileIO.writeStandardError("timing\t\(request.uri.path)\t\(NumberText.fixed(milliseconds, decimals: 3))\n") }
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        return response
    }
}

/// With a token: every request needs `Authorization: Bearer TOKEN` or the `verbatim_token` cookie
/// set by `/login?token=TOKEN`.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == "/login" { return try await next(request, context) }
        let bearer = request.headers[.authorization].map { $0 == "Bearer \(token)" } ?? false
        let cookie = request.cookies["verbatim_token"]?.value == token
        guard bearer || cookie else {
            throw HTTPError(.unauthorized, message: "Jeton requis : ouvrez /login?token=… ou envoyez Authorization: Bearer ….")
        }
        return try await next(request, context)
    }
}
