#include "engine/ledger/relaxed_sync.hpp"

namespace clearhouse::ledger {

RelaxedSync::RelaxedSync(Ledger& ledger) : ledger_(ledger) {
  if (ledger_.dialect() == sql::Dialect::sqlite) ledger_.connection().execute("PRAGMA synchronous=NORMAL");
}

RelaxedSync::~RelaxedSync() {
  try {
    if (ledger_.dialect() == sql::Dialect::sqlite) ledger_.connection().execute("PRAGMA synchronous=FULL");
  } catch (...) {
    // A connection that failed is dropped by its owner; destructors do not throw.
  }
}

}  // namespace clearhouse::ledger
