#pragma once
// Per-connection settings that trade memory or durability for speed, set by the ledger in the
// database's own terms. Each is a no-op where the database has no such per-session setting
// (PostgreSQL: the server's configuration bounds its caches, and every commit is durable).
// The defaults every connection starts with are the driver's (sqlite/sqlite_connection.hpp:
// WAL, synchronous=FULL, 64 MB page caches).

#include <cstdint>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger {

// Bounds this connection's page caches (the ledger's and its TEMP tables') to kib KiB each, for
// a process that keeps several connections open (the service's pool). kib <= 0 keeps the
// driver's default.
void limit_page_cache(sql::Connection& connection, std::int64_t kib);

// While it lives, commits on this connection stay atomic and crash-safe (SQLite WAL with
// synchronous=NORMAL: a kill -9 loses nothing committed) but skip the fsync of each commit, so
// a power failure may lose the last ones. For idempotent work only: posting a remittance
// (payer + trace + content hash) again posts it again, so `clearhouse post` and POST
// /v1/remittances post under it. Afterwards the connection is back to durable commits
// (synchronous=FULL: control numbers above all) for whatever uses it next.
class RelaxedDurability {
 public:
  explicit RelaxedDurability(sql::Connection& connection);
  ~RelaxedDurability();
  RelaxedDurability(const RelaxedDurability&) = delete;
  RelaxedDurability& operator=(const RelaxedDurability&) = delete;

 private:
  sql::Connection& connection_;
};

}  // namespace clearhouse::ledger
