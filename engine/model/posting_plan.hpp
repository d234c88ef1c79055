#pragma once
// What posting one 835 transaction set will do, decided before anything is written
// (engine/reconcile/remittance_planner.hpp) and applied by the ledger in the set's one
// transaction (ledger::PostingStore::apply); `clearhouse post --dry-run` prints it.
//
// Rows the plan writes have no ids yet: planned postings carry provisional ids, -(index + 1)
// for postings[index], so that the plan can link to them (a reversal to an original posted
// earlier in the same set, a finding or a worklist event to its posting, a claim's history).
// Ids already in the ledger are positive. The ledger maps provisional ids to real ones as it
// writes (resolve_posting_id).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/claim_status.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/money.hpp"
#include "engine/model/posting.hpp"
#include "engine/model/provider_adjustment.hpp"
#include "engine/model/worklist_change.hpp"

namespace clearhouse::model {

inline constexpr std::int64_t provisional_posting_id(std::size_t index) { return -static_cast<std::int64_t>(index) - 1; }
inline constexpr bool is_provisional(std::int64_t id) { return id < 0; }
// The id to write: a provisional id becomes the real id of that posting (real_ids[index]);
// ledger ids and 0 (none) stay as they are.
inline std::int64_t resolve_posting_id(std::int64_t id, std::span<const std::int64_t> real_ids) {
  if (!is_provisional(id)) return id;
  const auto index = static_cast<std::size_t>(-(id + 1));
  return index < real_ids.size() ? real_ids[index] : 0;
}

// The remittance as recorded (one row per transaction set posted).
struct RemittanceEntry {
  std::string payer_id, trace_number, content_hash;  // the idempotency key
  std::string payer_name, payee_id;
  std::string interchange_control_number, transaction_control_number;
  std::string handling_code, payment_method;
  Money payment;               // BPR02
  std::string payment_date;    // ISO, or empty
  std::int64_t claim_count = 0;
  Money paid;                  // sum of CLP04
  Money provider_adjustments;  // sum of PLB amounts
  std::string source_name;     // the file posted
  std::string posted_at;       // ISO timestamp
};

struct PostingPlan {
  enum class Result : std::uint8_t {
    post,            // write everything below
    already_posted,  // the same payer + trace + content is in the ledger: write nothing
    not_posted,      // an incomplete transaction set (no SE): write nothing
  };
  Result result = Result::not_posted;
  std::string at;  // ISO timestamp recorded with findings and worklist changes
  RemittanceEntry remittance;
  std::uint64_t matched = 0, unmatched = 0;  // CLPs that match a submitted claim, and that do not
  std::uint64_t unbalanced = 0;              // lines, claims and the transaction that do not balance

  // The claim payments in CLP order (postings[i] is CLP i + 1): id provisional; reverses the
  // original's id (provisional when it is posted earlier in this set, else its ledger id).
  std::vector<Posting> postings;
  // Submitted claim row -> its new status (the last payment here that moves it).
  std::vector<std::pair<std::int64_t, ClaimStatus>> claim_statuses;
  std::vector<ProviderAdjustment> provider_adjustments;
  // What posting found (reading, balancing, matching, reversals), stored with the remittance;
  // finding_postings[i] is the posting findings[i] belongs to (0: the remittance as a whole).
  std::vector<Finding> findings;
  std::vector<std::int64_t> finding_postings;
  // What the rules pipeline found, and what it changes on the worklist, in claim order.
  std::vector<Finding> rule_findings;
  std::vector<WorklistChange> worklist;

  bool writes() const { return result == Result::post; }
};

}  // namespace clearhouse::model
