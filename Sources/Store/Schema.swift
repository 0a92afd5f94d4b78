/// The database schema as named, forward-only migrations. `docs/schema.md` documents the tables
/// for outside tools (DB Browser, Datasette, R, Python).
///
/// A migration is applied once, in order, in its own transaction, and recorded in
/// `schemaMigration`. Never edit a published migration: add a new one.
public enum Schema {
    public struct Migration: Sendable {
        public let name: String
        public let sql: String
    }

    public static let migrations: [Migration] = [
        Migration(name: "v1-consultations-answers-excerpts", sql: """
            CREATE TABLE consultation(
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
                createdAt TEXT NOT NULL
            );
            CREATE TABLE question(
                id INTEGER PRIMARY KEY,
                consultationId INTEGER NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
                code TEXT NOT NULL CHECK (length(code) > 0),
                label TEXT,
                UNIQUE (consultationId, code)
            );
            CREATE TABLE respondent(
                id INTEGER PRIMARY KEY,
                consultationId INTEGER NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
                code TEXT NOT NULL,
                UNIQUE (consultationId, code)
            );
            CREATE TABLE respondentField(
                respondentId INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                value TEXT NOT NULL,
                PRIMARY KEY (respondentId, name)
            ) WITHOUT ROWID;
            CREATE INDEX respondentFieldByValue ON respondentField(name, value);
            CREATE TABLE run(
                id INTEGER PRIMARY KEY,
                consultationId INTEGER NOT NULL REFERENCES consultation(id) ON DELETE CASCADE,
                startedAt TEXT NOT NULL,
                finishedAt TEXT,
                toolVersion TEXT NOT NULL,
                stages TEXT NOT NULL,
                lexicons TEXT NOT NULL,
                settings TEXT NOT NULL,
                sourceFile TEXT NOT NULL,
                sourceSha256 TEXT NOT NULL CHECK (length(sourceSha256) = 64),
                answersRead INTEGER,
                answersAdded INTEGER,
                answersUpdated INTEGER,
                answersUnchanged INTEGER,
                excerptsAdded INTEGER
            );
            CREATE TABLE answer(
                id INTEGER PRIMARY KEY,
                respondentId INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
                questionId INTEGER NOT NULL REFERENCES question(id) ON DELETE CASCADE,
                text TEXT NOT NULL CHECK (length(text) > 0),
                sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
                runId INTEGER NOT NULL REFERENCES run(id),
                sourceLine INTEGER CHECK (sourceLine >= 1),
                UNIQUE (respondentId, questionId)
            );
            CREATE INDEX answerByQuestion ON answer(questionId);
            CREATE TABLE excerpt(
                id INTEGER PRIMARY KEY,
                answerId INTEGER NOT NULL REFERENCES answer(id) ON DELETE CASCADE,
                runId INTEGER NOT NULL REFERENCES run(id),
                ordinal INTEGER NOT NULL CHECK (ordinal >= 0),
                utf8Start INTEGER NOT NULL CHECK (utf8Start >= 0),
                utf8End INTEGER NOT NULL CHECK (utf8End > utf8Start),
                text TEXT NOT NULL CHECK (length(CAST(text AS BLOB)) = utf8End - utf8Start),
                forms TEXT NOT NULL,
                lemmas TEXT NOT NULL,
                tokenCount INTEGER NOT NULL CHECK (tokenCount >= 0),
                UNIQUE (answerId, ordinal)
            );
            CREATE INDEX excerptByRun ON excerpt(runId);
            CREATE VIRTUAL TABLE excerptSearch USING fts5(
                forms, lemmas,
                content = 'excerpt', content_rowid = 'id',
                tokenize = 'unicode61 remove_diacritics 2'
            );
            -- No insert trigger: the writer indexes each new excerpt itself (a trigger made bulk
            -- loads 6x slower, measured on 40k excerpts). Deletes and updates stay in sync here.
            CREATE TRIGGER excerptIndexDelete AFTER DELETE ON excerpt BEGIN
                INSERT INTO excerptSearch(excerptSearch, rowid, forms, lemmas)
                    VALUES ('delete', old.id, old.forms, old.lemmas);
            END;
            CREATE TRIGGER excerptIndexUpdate AFTER UPDATE ON excerpt BEGIN
                INSERT INTO excerptSearch(excerptSearch, rowid, forms, lemmas)
                    VALUES ('delete', old.id, old.forms, old.lemmas);
                INSERT INTO excerptSearch(rowid, forms, lemmas) VALUES (new.id, new.forms, new.lemmas);
            END;
            """),
        Migration(name: "v2-themes-intents", sql: """
            CREATE TABLE theme(
                id TEXT PRIMARY KEY CHECK (length(id) > 0),
                label TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                source TEXT NOT NULL CHECK (source IN ('taxonomy', 'discovered'))
            );
            CREATE TABLE excerptTheme(
                excerptId INTEGER NOT NULL REFERENCES excerpt(id) ON DELETE CASCADE,
                themeId TEXT NOT NULL REFERENCES theme(id),
                runId INTEGER NOT NULL REFERENCES run(id),
                score REAL NOT NULL CHECK (score > 0),
                evidence TEXT NOT NULL,
                negated INTEGER NOT NULL CHECK (negated IN (0, 1)),
                source TEXT NOT NULL CHECK (source IN ('taxonomy', 'discovered')),
                PRIMARY KEY (excerptId, themeId)
            ) WITHOUT ROWID;
            CREATE INDEX excerptThemeByTheme ON excerptTheme(themeId);
            ALTER TABLE excerpt ADD COLUMN intent TEXT CHECK (intent IN ('plainte', 'attente', 'satisfaction', 'neutre'));
            """),
        Migration(name: "v3-redaction-counts", sql: """
            ALTER TABLE answer ADD COLUMN redactions TEXT;
            ALTER TABLE run ADD COLUMN redactions TEXT;
            """),
        Migration(name: "v4-excerpt-history", sql: """
            -- Decisions a rerun replaced: the themes and intent an excerpt had at an earlier run.
            -- The current decision stays in excerpt(intent, runId) and excerptTheme; a rerun copies
            -- it here before replacing it, so that `verbatim diff` can compare any two runs.
            CREATE TABLE excerptRun(
                excerptId INTEGER NOT NULL REFERENCES excerpt(id) ON DELETE CASCADE,
                runId INTEGER NOT NULL REFERENCES run(id),
                themes TEXT NOT NULL,
                intent TEXT,
                PRIMARY KEY (excerptId, runId)
            ) WITHOUT ROWID;
            ALTER TABLE run ADD COLUMN kind TEXT NOT NULL DEFAULT 'import';
            ALTER TABLE run ADD COLUMN scores TEXT;
            -- Reindex only when the indexed columns change (a rerun updates intents and run ids).
            DROP TRIGGER excerptIndexUpdate;
            CREATE TRIGGER excerptIndexUpdate AFTER UPDATE OF forms, lemmas ON excerpt BEGIN
                INSERT INTO excerptSearch(excerptSearch, rowid, forms, lemmas)
                    VALUES ('delete', old.id, old.forms, old.lemmas);
                INSERT INTO excerptSearch(rowid, forms, lemmas) VALUES (new.id, new.forms, new.lemmas);
            END;
            """),
    ]

    /// Sets the connection pragmas and applies the migrations this file lacks.
    /// - Throws: `StoreError.unknownSchema` when the file has a migration this version does not know.
    static func prepare(_ db: SQLiteDatabase, writable: Bool) throws {
        try db.execute("PRAGMA foreign_keys = ON")
        guard writable else { return }
        try db.execute("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -65536")
        try db.execute("CREATE TABLE IF NOT EXISTS schemaMigration(name TEXT PRIMARY KEY, appliedAt TEXT NOT NULL)")
        let applied = try appliedMigrations(db)
        let known = Set(migrations.map(\.name))
        if let stranger = applied.first(where: { !known.contains($0) }) {
            throw StoreError.unknownSchema(path: db.path, migration: stranger)
        }
        for migration in migrations where !applied.contains(migration.name) {
            try db.transaction {
                try db.execute(migration.sql)
                try db.prepare("INSERT INTO schemaMigration(name, appliedAt) VALUES (?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))")
                    .run([.text(migration.name)])
            }
        }
    }

    /// Names of the migrations recorded in the file, in the order they were applied.
    static func appliedMigrations(_ db: SQLiteDatabase) throws -> [String] {
        let exists = try db.scalarInt("SELECT count(*) FROM sqlite_schema WHERE name = 'schemaMigration'") ?? 0
        guard exists > 0 else { return [] }
        let statement = try db.prepare("SELECT name FROM schemaMigration ORDER BY rowid")
        var names: [String] = []
        while try statement.step() { names.append(statement.text(0)) }
        return names
    }
}
