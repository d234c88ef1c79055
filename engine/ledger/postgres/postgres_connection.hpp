#pragma once
// The PostgreSQL driver of the ledger's SQL layer (libpq): what several clearhouse workers on
// several machines share. `?` placeholders become $1..$n; statements are prepared on the server
// once per Statement and run with text parameters; transactions are READ COMMITTED, and the
// ledger's concurrency rules rest on unique indexes, ON CONFLICT and row locks (control
// numbers, claim statuses), never on in-process counters.

#include <memory>
#include <string>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger::postgres {

// Connects to a libpq URI (postgresql://user@host:port/db?...). Throws LedgerError when the
// server cannot be reached or refuses the connection.
std::unique_ptr<sql::Connection> open_postgres(const std::string& uri);

// Rewrites `?` placeholders (outside quoted literals) as $1, $2, ...
std::string number_placeholders(std::string_view sql);

}  // namespace clearhouse::ledger::postgres
