#pragma once
// The rules pipeline over a remittance being posted, and what its findings change on the
// worklist, decided as values (plan_review: pure, no database). For every claim paid in the
// remittance: the claim payment as read and as posted, the submitted claim, the claim's history
// (which includes this remittance's postings, so a reversal followed by its correction reads as
// corrected) and the posting's own findings for it. Remittance-level findings (BPR02 does not
// balance) become an item keyed "remittance:<trace number>". Posting plans it for each 835
// transaction set (engine/reconcile/remittance_planner.hpp); the ledger writes the changes with
// the postings, in the set's one transaction.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/posting.hpp"
#include "engine/model/remittance.hpp"
#include "engine/model/worklist_change.hpp"
#include "engine/model/worklist_item.hpp"
#include "engine/rules/pipeline.hpp"
#include "engine/worklist/item_change.hpp"
#include "engine/worklist/worklist.hpp"

namespace clearhouse::worklist {

// What the review reads, per claim id of the remittance's payer (absent: none).
struct ReviewInputs {
  // Every posting of the claim, oldest first, this remittance's included (ids may be provisional).
  std::map<std::string, std::vector<model::Posting>, std::less<>> histories;
  // The latest submitted claim.
  std::map<std::string, ledger::ClaimRecord, std::less<>> submitted;
  // The claim's worklist item with its open findings ("remittance:<trace>" for the remittance's own).
  std::map<std::string, model::WorklistItem, std::less<>> items;
};

struct ReviewPlan {
  std::vector<model::Finding> findings;          // everything the rules found, in claim order
  std::vector<model::WorklistChange> changes;    // in claim order, the remittance's own last
  ApplyCounts worklist;
};

// postings[i] is the posting of remittance.claims[i]; posting_findings are the posting's
// findings for the whole remittance (balancing, matching), routed through per claim. `now` is
// the ISO timestamp recorded.
ReviewPlan plan_review(const model::Remittance& remittance, std::span<const model::Posting> postings,
                       std::span<const model::Finding> posting_findings, const ReviewInputs& inputs,
                       const rules::Pipeline& pipeline, const rules::RuleEnvironment& env, std::string_view now);

// The worklist item key of the remittance's own findings: "remittance:<trace number>".
std::string remittance_item_key(const model::Remittance& remittance);

// The remittance's date for aging and deadlines: BPR16, else DTM*405, else `fallback`.
model::Date remittance_date(const model::Remittance& remittance, model::Date fallback);

// Where a review outside posting reads the ledger (the ledger sweep; ledger_sources.hpp reads
// the ledger, tests use plain lambdas).
struct ReviewSources {
  // Every posting of (payer, claim id), oldest first.
  std::function<std::vector<model::Posting>(std::string_view payer_id, std::string_view claim_id)> history;
  // The submitted claim (latest) of (payer, claim id).
  std::function<std::optional<ledger::ClaimRecord>(std::string_view payer_id, std::string_view claim_id)> submitted;
  // The date of the remittance that brought the claim's latest posting (sweeps age reversals by it).
  std::function<model::Date(std::string_view payer_id, std::string_view claim_id)> last_posted_on;
  // Optional: reads what the functions above return for all these claims of the payer at once
  // (a few multi-row queries instead of several per claim). Answers must not change; a claim
  // not prefetched is read on its own. Replaces what an earlier call kept; an empty list drops
  // it. When set, review_remittance prefetches the worklist items of the claims too.
  std::function<void(std::string_view payer_id, std::span<const std::string> claim_ids)> prefetch;
};

struct ReviewResult {
  std::vector<model::Finding> findings;  // everything the rules found, in claim order
  ApplyCounts worklist;
};

// plan_review over postings already in the ledger, read through `sources` and the worklist's
// store, and its changes written at once (the caller owns the transaction).
ReviewResult review_remittance(const model::Remittance& remittance, std::span<const model::Posting> postings,
                               std::span<const model::Finding> posting_findings, const ReviewSources& sources,
                               const rules::Pipeline& pipeline, const rules::RuleEnvironment& env, Worklist& worklist,
                               std::string_view now);

}  // namespace clearhouse::worklist
