import Hummingbird
import Ingest
import HummingbirdTesting
import Server
import Testing
import VerbatimCore
#if canImport(Glibc)
import Glibc
#endif

/// In-process tests of every route. Public API only: `@testable import` of our modules would
/// expose the system ICU module next to Foundation's (NOTES-swift-linux.md).
@Suite struct ServerTests {
    static let root: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    /// A consultation written by hand (fake respondents): 25 lift answers from tenants for
    /// pagination, one partner answer, and one answer holding HTML.
    static let database: String = {
        let folder = "/tmp/verbatim-server-test-\(getpid())"
        mkdir(folder, 0o700)
        var csv = "id;groupe;q1\n"
        for i in 1...25 { csv += "L\(i);locataire;L'ascenseur numéro \(i) est en panne.\n" }
        csv += "P1;partenaire;Les réunions avec la mairie sur l'ascenseur sont utiles.\n"
        csv += "X1;locataire;\"<script>alert('x')</script> & le gardien <b>absent</b>\"\n"
        let input = folder + "/c.csv", db = folder + "/c.sqlite"
        try! FileIO.writeAll(path: input, bytes: Array(csv.utf8))
        unlink(db)
        _ = try! RunJob.run(RunSettings(input: input, database: db,
                                        mapping: ColumnMapping(idColumn: "id", textColumns: ["q1"], segmentColumns: ["groupe"]),
                                        lexicons: root + "/lexicons/fr"))
        return db
    }()

    static func app(token: String? = nil) throws -> some ApplicationProtocol {
        let site = try Site(database: database, lexicons: root + "/lexicons/fr")
        return Application(router: buildRouter(site: site, token: token))
    }

    static func body(_ r: TestResponse) -> String { String(buffer: r.body) }

    @Test func themesPageAndJSONTwin() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/themes", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "text/html; charset=utf-8")
                #expect(Self.body(r).contains("href=\"/themes/equipements-communs\""))
                #expect(r.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
            }
            try await client.execute(uri: "/themes.json", method: .get) { r in
                #expect(r.headers[.contentType] == "application/json; charset=utf-8")
                #expect(Self.body(r).hasPrefix("{\"answers\":27,"))
            }
            try await client.execute(uri: "/themes", method: .get, headers: [.accept: "application/json"]) { r in
                #expect(Self.body(r).hasPrefix("{\"answers\":27,"))
            }
            try await client.execute(uri: "/", method: .get) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/themes")
            }
        }
    }

    @Test func themePageAndUnknownTheme() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/themes/equipements-communs", method: .get) { r in
                #expect(r.status == .ok)
                #expect(Self.body(r).contains("<mark>") == false)  // theme quotes have no word highlights
                #expect(Self.body(r).contains("ascenseur"))
            }
            try await client.execute(uri: "/themes/equipements-communs.json", method: .get) { r in
                #expect(Self.body(r).contains("\"id\":\"equipements-communs\""))
            }
            try await client.execute(uri: "/themes/nope", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/themes/nope.json", method: .get) { r in
                #expect(r.status == .notFound)
                #expect(Self.body(r).hasPrefix("{\"error\":"))
            }
        }
    }

    @Test func searchFiltersAndPages() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/search?q=ascenseur", method: .get) { r in
                let html = Self.body(r)
                #expect(html.components(separatedBy: "<blockquote>").count - 1 == 20)
                #expect(html.contains("<mark>ascenseur</mark>"))
                #expect(html.contains("href=\"/search?page=2&amp;q=ascenseur\""))
                #expect(!html.contains("nil"))
                #expect(!html.contains("précédents"))
            }
            try await client.execute(uri: "/search.json?q=ascenseur&page=2", method: .get) { r in
                let json = Self.body(r)
                #expect(json.contains("\"page\":2,\"hasNext\":false"))
                #expect(json.components(separatedBy: "\"answerId\"").count - 1 == 6)  // 26 hits, 20 on page 1
            }
            try await client.execute(uri: "/search.json?q=ascenseur&where=groupe%3Dpartenaire", method: .get) { r in
                let json = Self.body(r)
                #expect(json.components(separatedBy: "\"answerId\"").count - 1 == 1)
                #expect(json.contains("\"respondent\":\"P1\""))
            }
            try await client.execute(uri: "/search.json?q=r%C3%A9unions+mairie", method: .get) { r in
                #expect(Self.body(r).contains("\"respondent\":\"P1\""))
            }
        }
    }

    @Test(arguments: ["%22", "NEAR(", "*", "%3Cscript%3E", "a%22+OR+%22b", "-ascenseur"])
    func hostileQueriesNeverFail(_ q: String) async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/search?q=\(q)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(!Self.body(r).contains("<script>"))
            }
        }
    }

    @Test func answersAreEscapedAndUnknownOnesAre404() async throws {
        try await Self.app().test(.router) { client in
            let id = try await client.execute(uri: "/search.json?q=gardien", method: .get) { r -> String in
                let json = Self.body(r)
                let start = try #require(json.range(of: "\"answerId\":"))
                return String(json[start.upperBound...].prefix { $0.isNumber })
            }
            try await client.execute(uri: "/answers/\(id)", method: .get) { r in
                let html = Self.body(r)
                #expect(r.status == .ok)
                #expect(!html.contains("<script>"))
                #expect(!html.contains("<b>absent"))
                #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; le gardien &lt;b&gt;absent&lt;/b&gt;"))
            }
            try await client.execute(uri: "/answers/\(id).json", method: .get) { r in
                #expect(Self.body(r).contains("\"respondent\":\"X1\""))
            }
            try await client.execute(uri: "/answers/999999", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(uri: "/answers/abc", method: .get) { r in #expect(r.status == .notFound) }
        }
    }

    @Test func clustersAndProvenance() async throws {
        try await Self.app().test(.router) { client in
            try await client.execute(uri: "/about.json", method: .get) { r in
                #expect(Self.body(r).contains("\"toolVersion\":\"\(VerbatimVersion.string)\""))
            }
            try await client.execute(uri: "/about", method: .get) { r in #expect(Self.body(r).contains("Verbatim \(VerbatimVersion.string)")) }
            try await client.execute(uri: "/clusters.json", method: .get) { r in
                #expect(r.status == .ok)
                #expect(Self.body(r).hasPrefix("{\"method\":\"reinert\""))
            }
            try await client.execute(uri: "/clusters", method: .get) { r in #expect(r.status == .ok) }
        }
    }

    @Test func tokenIsRequiredWhenSet() async throws {
        try await Self.app(token: "s3cret").test(.router) { client in
            try await client.execute(uri: "/themes", method: .get) { r in #expect(r.status == .unauthorized) }
            try await client.execute(uri: "/themes", method: .get, headers: [.authorization: "Bearer wrong"]) { r in
                #expect(r.status == .unauthorized)
            }
            try await client.execute(uri: "/themes", method: .get, headers: [.authorization: "Bearer s3cret"]) { r in
                #expect(r.status == .ok)
            }
            try await client.execute(uri: "/login?token=s3cret", method: .get) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.setCookie]?.contains("verbatim_token=s3cret") == true)
            }
            try await client.execute(uri: "/themes", method: .get, headers: [.cookie: "verbatim_token=s3cret"]) { r in
                #expect(r.status == .ok)
            }
            try await client.execute(uri: "/login?token=bad", method: .get) { r in #expect(r.status == .unauthorized) }
        }
    }
}
