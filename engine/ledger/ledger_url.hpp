#pragma once
// Which ledger a command uses: `--db URL`, else $CLEARHOUSE_DB, else sqlite:clearhouse.db.
//   sqlite:PATH            a SQLite file (created on first use); sqlite::memory: for a private one
//   postgresql://...       PostgreSQL (libpq connection URI) — postgres://... is accepted too

#include <string>
#include <string_view>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {

inline constexpr std::string_view kDefaultLedgerUrl = "sqlite:clearhouse.db";

// A URL that names no ledger this program can open (a usage error at the CLI, exit 2).
struct LedgerUrlError : LedgerError {
  using LedgerError::LedgerError;
};

struct LedgerUrl {
  sql::Dialect dialect = sql::Dialect::sqlite;
  std::string target;  // the SQLite path, or the whole PostgreSQL URI
};

// Throws LedgerUrlError for an empty or unknown scheme.
LedgerUrl parse_ledger_url(std::string_view url);
// $CLEARHOUSE_DB when set and not empty, else kDefaultLedgerUrl.
std::string default_ledger_url();

}  // namespace clearhouse::ledger
