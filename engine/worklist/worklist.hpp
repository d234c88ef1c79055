#pragma once
// The denial worklist's rules of life, over the worklist store:
//  - after a remittance adjudicates a claim, the findings whose category opens items replace
//    the item's earlier posting findings (a new adjudication supersedes the old one); a claim
//    with such findings gets an item (opened, or reopened if it had been resolved);
//  - when a later remittance pays the claim in full (processed, paid, nothing left to work),
//    its open item resolves itself, with that payment in its history;
//  - the ledger sweep adds or refreshes time-based findings (missing remittance, reversal never
//    corrected) without touching posting findings;
//  - billers assign items (in_progress) and resolve or write them off by hand; who, when and why
//    stay in the history.
// Every change is recorded as an event. The caller owns the transaction.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/sql/connection.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/worklist_item.hpp"
#include "engine/rules/rules_config.hpp"
#include "engine/worklist/worklist_store.hpp"

namespace clearhouse::worklist {

// A claim id or action the worklist cannot apply (unknown claim, ambiguous between payers, an
// item already closed): reported to the user, never a crash.
struct WorklistError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline constexpr std::string_view kSystemActor = "clearhouse";

// What the rules found about one claim, after a post or in a sweep.
struct ClaimReview {
  std::string payer_id;
  std::string claim_id;          // "remittance:<trace>" for remittance-level findings
  std::string trace_number;
  std::int64_t posting_id = 0;   // the claim's latest posting in this remittance (0 in a sweep)
  model::Date reference_date;    // remittance date (after post) or submission date (sweep)
  model::Money paid;             // what the latest posting paid
  bool adjudicated = false;      // a remittance adjudicated the claim: supersedes earlier posting findings
  bool paid_in_full = false;     // processed and paid, nothing to work (set by the caller's reading of the status)
  std::vector<model::Finding> findings;  // everything found; only categories with opens_item count
};

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

class Worklist {
 public:
  Worklist(ledger::sql::Connection& connection, const rules::RulesConfig& config);

  // Applies a review (see the rules above). `now` is the ISO timestamp recorded.
  ApplyCounts apply(const ClaimReview& review, std::string_view now);

  // The item of a claim id; payer_id may be empty when the claim id names one item only.
  // Throws WorklistError when there is none or several.
  model::WorklistItem item(std::string_view claim_id, std::string_view payer_id = {}, bool details = true);

  // By hand. resolve: status resolved (or written_off), keeping who, when and why. assign:
  // owner set, status in_progress. note: adds a note. Each throws WorklistError when the item
  // cannot be found or is closed (assign, resolve).
  model::WorklistItem resolve(std::string_view claim_id, std::string_view payer_id, std::string_view by,
                              std::string_view note, bool write_off, std::string_view now);
  model::WorklistItem assign(std::string_view claim_id, std::string_view payer_id, std::string_view to,
                             std::string_view by, std::string_view note, std::string_view now);
  model::WorklistItem add_note(std::string_view claim_id, std::string_view payer_id, std::string_view by,
                               std::string_view note, std::string_view now);

  WorklistStore& store() { return store_; }

 private:
  void refresh_summary(model::WorklistItem& item);

  ledger::sql::Connection& c_;
  const rules::RulesConfig& config_;
  WorklistStore store_;
};

}  // namespace clearhouse::worklist
