import Hummingbird
import Logging

/// Runs the web UI until interrupted.
public func runServer(site: Site, host: String, port: Int, token: String?) async throws {
    let router = buildRouter(site: site, token: token)
    var logger = Logger(label: "verbatim.serve")
    logger.logLevel = .notice
    let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "Verbatim"),
                          logger: logger)
    try await app.runService()
}
