#pragma once
// Deciding what posting one 277 transaction set does -- a 277CA front-door acknowledgment
// (005010X214) or a 277 answer to our 276 (005010X212): pure, over values (the "decide" of
// read -> decide -> write; tested without a database).
//   1. a set cut short or with an error finding (an STC that cannot be read) is not posted;
//      the same set posted before (payer + content hash) changes nothing;
//   2. each claim (2200D/2200E) is matched by payer (2100A) + patient control number (TRN02 of
//      a 277CA, REF*EJ or the trace of our 276 in a 277) and, when the 277 names one, the
//      billing provider's NPI (2100C); what matches nothing is kept and reported as unmatched;
//   3. its status comes from its STC category codes (schemas/codes/stc_categories.json): in a
//      277CA rejected when any composite rejects (A3/A6/A7/A8, and not found or error), else the
//      first STC's (A1/A2 accepted, A0 forwarded, P* pended); in a 277 the first STC's
//      (finalized F0/F3 becomes paid or denied by its STC05 payment);
//   4. a status at 2200B (batch) or 2200C (provider) with no claim loop under it applies to
//      every claim of that batch's transaction set (the 837's BHT03, "<ISA13>-<ST02>", echoed
//      in the 2200B TRN02), of that provider when at 2200C;
//   5. a rejection (and in a 277 a denial or not found) opens the claim's worklist item: its
//      category from the status code (stc_statuses.json; a provider's when the entity is one)
//      or else the category code, action "correct and resubmit" unless the tables say
//      otherwise, the STC codes and their texts in the finding; an acceptance resolves an item
//      that only 277 statuses opened (a corrected claim got through).
// Counts in == counts out: every claim status of the set is a change (matched or not).

#include <string>

#include "engine/ledger/claim_status_reads.hpp"
#include "engine/model/claim_status_plan.hpp"
#include "engine/model/claim_status_report.hpp"
#include "engine/model/date.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::ack {

struct StatusPlanContext {
  std::string source_name;  // recorded with the report (the file posted)
  std::string now;          // ISO timestamp recorded
  model::Date today;        // reference date of items when the 277 carries none
  const rules::RulesConfig* config = nullptr;  // code tables and worklist categories (required)
};

// What deciding this set needs from the ledger.
ledger::ClaimStatusQuery claim_status_query(const model::ClaimStatusReport& report, const rules::RulesConfig& config);

// The plan for the set, given what the ledger answered to claim_status_query.
model::ClaimStatusPlan plan_claim_status(const model::ClaimStatusReport& report, const ledger::ClaimStatusInputs& inputs,
                                         const StatusPlanContext& context);

// "277CA" or "277".
std::string_view guide_name(model::ClaimStatusGuide guide);
// The claim status an STC category code records (rules::StcStatus as text), given the guide
// and the payment amount (F0/F3: paid or denied). Unknown codes: "unknown".
std::string status_of(const model::ReportedClaim& claim, model::ClaimStatusGuide guide, const rules::RulesConfig& config);

}  // namespace clearhouse::ack
