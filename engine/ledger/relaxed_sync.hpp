#pragma once
// How durably posting commits. Posting a remittance is idempotent (payer + trace + content
// hash), so a commit lost to a power failure is simply posted again: on SQLite, posting commits
// with synchronous=NORMAL, which in WAL mode keeps every commit atomic and safe from a crash of
// the process (kill -9) without an fsync per transaction set. Everything else the ledger does
// (control numbers above all) commits with synchronous=FULL (sqlite_connection.cpp): the scope
// puts it back when it ends, for whatever uses the connection next. PostgreSQL: nothing changes.
//
//   { ledger::RelaxedSync relaxed(ledger); ...post... }

#include "engine/ledger/ledger.hpp"

namespace clearhouse::ledger {

class RelaxedSync {
 public:
  explicit RelaxedSync(Ledger& ledger);
  ~RelaxedSync();
  RelaxedSync(const RelaxedSync&) = delete;
  RelaxedSync& operator=(const RelaxedSync&) = delete;

 private:
  Ledger& ledger_;
};

}  // namespace clearhouse::ledger
