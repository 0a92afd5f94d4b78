// The system SQLite (libsqlite3-dev) with the few helpers Swift cannot express.
#ifndef VERBATIM_CSQLITE_SHIM_H
#define VERBATIM_CSQLITE_SHIM_H

#include <sqlite3.h>

/// SQLITE_TRANSIENT is a cast of -1 to a function pointer, which Swift cannot import.
static inline int vb_sqlite_bind_text(sqlite3_stmt *stmt, int index, const char *text, int byteCount) {
    return sqlite3_bind_text(stmt, index, text, byteCount, SQLITE_TRANSIENT);
}

/// Turns off SQLite's memory statistics, which take a global mutex on every allocation. Must run
/// before the first connection opens (sqlite3_config is variadic: Swift cannot call it).
static inline int vb_sqlite_disable_memstatus(void) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

/// Binds "" (an empty Swift buffer has no base address to pass).
static inline int vb_sqlite_bind_empty_text(sqlite3_stmt *stmt, int index) {
    return sqlite3_bind_text(stmt, index, "", 0, SQLITE_STATIC);
}

static inline int vb_sqlite_bind_blob(sqlite3_stmt *stmt, int index, const void *bytes, int byteCount) {
    return sqlite3_bind_blob(stmt, index, bytes, byteCount, SQLITE_TRANSIENT);
}

#endif
