#pragma once
// The patient share entries a remittance writes, decided from values (no database): for each
// matched claim payment of the transaction set, in CLP order, the claim's patient share
// (decide_claim_share) before and after it, over what the ledger had posted for the claim
// (every payer, in payer order) and what this set posted before it; a difference is an entry
// (source remittance, or reversal for a CLP02 22) dated with the remittance. Posting writes
// them in the set's transaction (reconcile::RemittancePoster). Whether the claim is still
// pending insurance is not decided here: it is derived when the share is read (a next payer's
// claim due or sent), so `clearhouse secondary` needs to write nothing for it.
// tests/unit/remittance_shares_test.cpp.

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/money.hpp"
#include "engine/model/patient_share_entry.hpp"
#include "engine/patient/claim_share.hpp"

namespace clearhouse::patient {

// SBR01 as a payer order: P 1, S 2, T 3, A..H 4..11 (anything else 1).
int payer_order(std::string_view sbr01);

// One matched claim payment of the set: what the share needs of it.
struct PostedShare {
  std::string_view claim_id;
  int level = 1;
  bool reversal = false;
  model::Money patient_responsibility;  // PR, claim and lines (negated in a reversal)
};

// The remittance the payments are in.
struct RemittanceRef {
  model::Date date;          // its payment date, else the day it posted
  std::string trace_number;  // TRN02
  std::string payer_id;
};

using PriorAdjudications = std::map<std::string, std::vector<PayerAdjudication>, std::less<>>;

// `prior`: per claim id, the adjudications posted before this set, in payer order then posting
// order (claims absent: none). `posted`: this set's matched claim payments in CLP order.
std::vector<model::PatientShareEntry> plan_share_entries(PriorAdjudications prior, const RemittanceRef& remittance,
                                                         std::span<const PostedShare> posted);

}  // namespace clearhouse::patient
