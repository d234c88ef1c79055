#pragma once
// The claims the worklist sweep (engine/worklist/ledger_sweep.hpp) puts through the time-based
// rules: the latest row of each claim id that is still 'submitted' and was sent before a date
// (no remittance yet), or that is 'reversed' (its payment taken back, no correction yet). One
// pass over the claims, so a ledger of a million claims sweeps quickly when few are late.

#include <string>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/ledger/sql/connection.hpp"
#include "engine/model/date.hpp"

namespace clearhouse::ledger {

struct SweepCandidate {
  // row_id, claim_id, payer_id, billed_cents, status and frequency_code (no lines).
  ClaimRecord claim;
  std::string submitted_at;  // ISO timestamp
};

// By row id.
std::vector<SweepCandidate> read_sweep_candidates(sql::Connection& connection, model::Date submitted_before);

}  // namespace clearhouse::ledger
