#pragma once
// ReviewSources over the ledger's own reads (ledger::PostingReads, ledger::Ledger::find_claims):
// submitted claims from the submission tables, a claim's posting history and the date of its
// last remittance from the posting tables. Reads go through the ledger's connection, so inside
// a transaction they see what it has written so far. For reviews outside posting (the ledger
// sweep); posting reads everything a transaction set needs at once (ledger::PostingReads::read).

#include "engine/ledger/ledger.hpp"
#include "engine/worklist/remittance_review.hpp"

namespace clearhouse::worklist {

// The returned functions keep a reference to `ledger`.
ReviewSources ledger_review_sources(ledger::Ledger& ledger);

}  // namespace clearhouse::worklist
