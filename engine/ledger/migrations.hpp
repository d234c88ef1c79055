#pragma once
// The ledger's schema as numbered migrations, applied in order on open. A migration is never
// edited once landed: a change is a new migration with the next number. Each carries its SQL in
// the dialect-neutral subset both SQLite and PostgreSQL accept, with {{id}} for an
// auto-assigned primary key (see sql::expand_dialect).

#include <optional>
#include <string_view>
#include <vector>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
  // Set for a migration that concerns one dialect only: on the other it is recorded as applied
  // without running, so that version numbers mean the same on both.
  std::optional<sql::Dialect> only = std::nullopt;
};

// Every migration, in version order.
const std::vector<Migration>& migrations();

// Creates schema_migrations when missing and applies each migration newer than the recorded
// version, each in its own transaction. Returns the schema version now in force. Throws
// LedgerError when the database is newer than this program knows.
int apply_migrations(sql::Connection& connection);

}  // namespace clearhouse::ledger
