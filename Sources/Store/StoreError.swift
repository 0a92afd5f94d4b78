/// Errors of the quote store, each naming the database file.
public enum StoreError: Error, CustomStringConvertible, Equatable, Sendable {
    case cannotOpen(path: String, reason: String)
    /// SQLite refused a statement: its extended result code, its message and the SQL.
    case sqlite(path: String, code: Int, message: String, sql: String)
    /// The file is not a Verbatim database, or was written by a newer Verbatim.
    case unknownSchema(path: String, migration: String)
    /// The database has no consultation of that name; lists those it has.
    case unknownConsultation(path: String, name: String, available: [String])
    /// A search query with nothing to search for (only exclusions, or no words).
    case emptyQuery(String)
    /// A `--where` filter that is not FIELD=VALUE, or names a field no respondent has.
    case badFilter(path: String, filter: String, available: [String])
    /// Another process holds the writer lock of the database (another `verbatim run`).
    case busy(path: String, waitedSeconds: Int)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "\(path): cannot open the database: \(reason)"
        case let .sqlite(path, code, message, sql):
            let shortSQL = sql.count > 120 ? String(sql.prefix(120)) + "…" : sql
            return "\(path): SQLite error \(code): \(message) (in: \(shortSQL))"
        case let .unknownSchema(path, migration):
            return "\(path): applied migration '\(migration)' is unknown to this Verbatim; the database was written by a newer version"
        case let .unknownConsultation(path, name, available):
            let list = available.isEmpty ? "none" : available.map { "'\($0)'" }.joined(separator: ", ")
            return "\(path): no consultation named '\(name)'; the database has: \(list)"
        case let .emptyQuery(query):
            return "the query '\(query)' has no word to search for (exclusions alone match nothing)"
        case let .badFilter(path, filter, available):
            let list = available.isEmpty ? "none" : available.joined(separator: ", ")
            return "\(path): bad filter '\(filter)': expected FIELD=VALUE with FIELD among: \(list)"
        case let .busy(path, waited):
            return "\(path): another `verbatim run` is writing to this database (waited \(waited) s); "
                + "let it finish, or raise --wait-seconds"
        }
    }
}
