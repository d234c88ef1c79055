#pragma once
// ReviewSources read from the ledger itself: submitted claims from the submission tables and a
// claim's posting history from the posting store (empty until remittance posting records
// postings in this ledger).

#include "engine/ledger/ledger.hpp"
#include "engine/worklist/remittance_review.hpp"

namespace clearhouse::worklist {

// The returned functions keep a reference to `ledger`.
ReviewSources ledger_review_sources(ledger::Ledger& ledger);

}  // namespace clearhouse::worklist
