#pragma once
// ReviewSources read from the ledger itself: submitted claims from the submission tables, a
// claim's posting history and the date of its last remittance from the posting tables
// (claim_payments, remittances). Reads go through the ledger's connection, so inside the
// posting transaction they see what it has written so far.

#include "engine/ledger/ledger.hpp"
#include "engine/worklist/remittance_review.hpp"

namespace clearhouse::worklist {

// The returned functions keep a reference to `ledger`.
ReviewSources ledger_review_sources(ledger::Ledger& ledger);

}  // namespace clearhouse::worklist
