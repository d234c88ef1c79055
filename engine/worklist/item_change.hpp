#pragma once
// The denial worklist's rules of life, as one pure decision: what a claim's review does to its
// item (model::WorklistChange), given the item as it stands (with its open findings). The
// ledger writes the change (ledger::WorklistStore::apply); posting plans it for every claim of a
// transaction set (remittance_review.hpp), the sweep and Worklist::apply for one claim.
//  - after a remittance adjudicates a claim, the findings whose category opens items replace
//    the item's earlier findings (a new adjudication supersedes the old one); a claim with such
//    findings gets an item (opened, or reopened if it had been resolved);
//  - when a later remittance leaves nothing to work (paid in full: processed and paid), its
//    open item resolves itself, with that payment in its history;
//  - a 277CA rejection (or a 277 denial / not found) is an adjudication of its own: its findings
//    (source claim_status) replace the item's; a later acceptance with nothing found resolves it;
//  - a corrected claim (sent again after a front-door rejection, a replacement or a void)
//    supersedes the claim's active item: it resolves, its findings close (plan_correction);
//  - the ledger sweep adds or refreshes time-based findings (missing remittance, reversal never
//    corrected) without touching posting findings, and does not repeat what a posting found.
// Every change is recorded as an event.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/finding.hpp"
#include "engine/model/worklist_change.hpp"
#include "engine/model/worklist_item.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::worklist {

inline constexpr std::string_view kSystemActor = "clearhouse";

// What the rules found about one claim, after a post or in a sweep.
struct ClaimReview {
  std::string payer_id;
  std::string claim_id;          // "remittance:<trace>" for remittance-level findings
  std::string trace_number;
  std::int64_t posting_id = 0;   // the claim's latest posting in this remittance (0 in a sweep); may be provisional
  model::Date reference_date;    // remittance date (after post) or submission date (sweep)
  model::Money paid;             // what the latest posting paid
  bool adjudicated = false;      // a remittance adjudicated the claim: supersedes earlier posting findings
  bool paid_in_full = false;     // processed and paid, nothing to work (set by the caller's reading of the status)
  std::vector<model::Finding> findings;  // everything found; only categories with opens_item count
  // What the stored findings are from: empty for "posting" (adjudicated) or "sweep";
  // kClaimStatusSource for a 277CA/277 (adjudicated is then set: a payer's answer about the
  // claim supersedes earlier findings, and an acceptance resolves the item it opened).
  std::string_view source;
};

// The source of findings a 277CA or 277 status put on an item (engine/ack).
inline constexpr std::string_view kClaimStatusSource = "claim_status";

struct ApplyCounts {
  std::uint64_t opened = 0, updated = 0, reopened = 0, resolved = 0, findings = 0;
  ApplyCounts& operator+=(const ApplyCounts& o) {
    opened += o.opened;
    updated += o.updated;
    reopened += o.reopened;
    resolved += o.resolved;
    findings += o.findings;
    return *this;
  }
};

// One entry of an item's history, made at `now` by `actor` (posting_id 0: no posting caused it).
model::WorklistEvent worklist_event(std::string_view now, std::string_view actor, std::string_view what,
                                    std::int64_t posting_id, model::Money amount, std::string note);

// `existing` is the claim's item, if it has one, with its open findings (oldest first) in
// `findings`. nullopt: nothing to change (no item and nothing that opens one). `now` is the ISO
// timestamp recorded.
std::optional<model::WorklistChange> plan_item_change(const std::optional<model::WorklistItem>& existing,
                                                      const ClaimReview& review, const rules::RulesConfig& config,
                                                      std::string_view now);

// A corrected claim for `item`'s claim went out in `batch_file`: the item (active) resolves,
// every finding closes, and the history says which file carried the correction. If the payer
// rejects or denies the corrected claim, its answer reopens the item as any later answer does.
model::WorklistChange plan_correction(const model::WorklistItem& item, std::string_view batch_file,
                                      std::string_view frequency_code, std::string_view now);

// What a change counts as: opened, updated, reopened, resolved; findings added.
ApplyCounts counts_of(const model::WorklistChange& change);

}  // namespace clearhouse::worklist
