#pragma once
// The denial worklist over the ledger: reviews applied one claim at a time (the ledger sweep),
// and what billers do by hand (assign, note, resolve or write off; who, when and why stay in
// the history). What a review changes is decided by plan_item_change (item_change.hpp); this
// reads the item, decides and writes the change. The caller owns the transaction.

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/sql/connection.hpp"
#include "engine/ledger/worklist_store.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/worklist_item.hpp"
#include "engine/rules/rules_config.hpp"
#include "engine/worklist/item_change.hpp"

namespace clearhouse::worklist {

// A claim id or action the worklist cannot apply (unknown claim, ambiguous between payers, an
// item already closed): reported to the user, never a crash.
struct WorklistError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Worklist {
 public:
  Worklist(ledger::sql::Connection& connection, const rules::RulesConfig& config);

  // Applies a review: reads the claim's item, plan_item_change, writes the change. `now` is the
  // ISO timestamp recorded.
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

  ledger::WorklistStore& store() { return store_; }

 private:
  const rules::RulesConfig& config_;
  ledger::WorklistStore store_;
};

}  // namespace clearhouse::worklist
