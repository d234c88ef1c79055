#pragma once
// The SQLite driver of the ledger's SQL layer: a file database in WAL mode, created on first
// use, foreign keys on, synchronous=FULL (a commit is on disk when it returns), and a busy
// timeout so that concurrent processes wait for the write lock instead of failing.

#include <memory>
#include <string>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger::sqlite {

// Opens (creating if needed) the database at path; ":memory:" gives a private in-memory one.
// Throws LedgerError when the file cannot be opened or is not a database.
std::unique_ptr<sql::Connection> open_sqlite(const std::string& path);

}  // namespace clearhouse::ledger::sqlite
