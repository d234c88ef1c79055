#pragma once
// The rules pipeline run over a remittance that was just posted, and its findings applied to
// the worklist: what `clearhouse post` (and POST /v1/remittances) call after each 835
// transaction set commits. For every claim paid in the remittance: the claim payment as read
// and as posted, the submitted claim, the ledger's history of the claim (which includes this
// remittance, so a reversal followed by its correction reads as corrected) and the posting's
// own findings for it. Remittance-level findings (BPR02 does not balance) become an item keyed
// "remittance:<trace number>".

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/posting.hpp"
#include "engine/model/remittance.hpp"
#include "engine/rules/pipeline.hpp"
#include "engine/worklist/worklist.hpp"

namespace clearhouse::worklist {

// Where the review reads the ledger (the posting and submission stores in production; plain
// lambdas in tests).
struct ReviewSources {
  // Every posting of (payer, claim id), oldest first.
  std::function<std::vector<model::Posting>(std::string_view payer_id, std::string_view claim_id)> history;
  // The submitted claim (latest) of (payer, claim id).
  std::function<std::optional<ledger::ClaimRecord>(std::string_view payer_id, std::string_view claim_id)> submitted;
  // The date of the remittance that brought the claim's latest posting (sweeps age reversals by it).
  std::function<model::Date(std::string_view payer_id, std::string_view claim_id)> last_posted_on;
  // Optional: reads what the functions above return for all these claims of the payer at once
  // (a few multi-row queries instead of several per claim: round trips are what a PostgreSQL
  // ledger pays for). Answers must not change; a claim not prefetched is read on its own.
  // Replaces what an earlier call kept; an empty list drops it. When set, review_remittance
  // prefetches the worklist items of the claims too (WorklistStore::prefetch) and holds back
  // the worklist's finding and event rows for multi-row INSERTs (WorklistStore::defer_writes).
  std::function<void(std::string_view payer_id, std::span<const std::string> claim_ids)> prefetch;
};

struct ReviewResult {
  std::vector<model::Finding> findings;  // everything the rules found, in claim order
  ApplyCounts worklist;
};

// postings[i] is the posting of remittance.claims[i]; posting_findings are the posting's
// findings for the whole remittance (balancing, matching), routed through per claim.
ReviewResult review_remittance(const model::Remittance& remittance, std::span<const model::Posting> postings,
                               std::span<const model::Finding> posting_findings, const ReviewSources& sources,
                               const rules::Pipeline& pipeline, const rules::RuleEnvironment& env, Worklist& worklist,
                               std::string_view now);

// The remittance's date for aging and deadlines: BPR16, else DTM*405, else `fallback`.
model::Date remittance_date(const model::Remittance& remittance, model::Date fallback);

}  // namespace clearhouse::worklist
