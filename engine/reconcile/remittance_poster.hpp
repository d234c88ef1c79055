#pragma once
// Posts one 835 transaction set to the ledger, all or nothing, in one database transaction:
// read what the set needs (ledger::PostingReads), decide (plan_remittance: matching, balancing,
// reversals, statuses, the rules pipeline and the worklist), write the plan
// (ledger::PostingStore::apply), with the patient share entries the postings make
// (patient::plan_share_entries, ledger::PatientStore). Idempotent on payer + trace number + content hash; see
// remittance_planner.hpp for what is decided. Database failures throw LedgerError (the
// transaction rolls back); input problems never do.
//
// In the caller's transaction instead, post() opens none of its own: a dry run
// (RemittanceFilePosting) reads, decides and writes every set inside one transaction it never
// commits, so that later sets of a file see what earlier ones would have written and nothing
// stays.

#include <cstdint>
#include <string>
#include <vector>

#include <utility>

#include "engine/ledger/ledger.hpp"
#include "engine/ledger/patient_store.hpp"
#include "engine/ledger/posting_reads.hpp"
#include "engine/ledger/posting_store.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/money.hpp"
#include "engine/model/posting.hpp"
#include "engine/model/posting_plan.hpp"
#include "engine/model/remittance.hpp"
#include "engine/worklist/item_change.hpp"
#include "engine/worklist/post_review.hpp"

namespace clearhouse::reconcile {

struct RemittanceOutcome {
  enum class Result : std::uint8_t {
    posted,          // written now
    already_posted,  // the same payer + trace + content was posted before: nothing changed
    not_posted,      // incomplete transaction set (no SE): nothing written
  };
  Result result = Result::not_posted;
  std::int64_t remittance_row = 0;
  std::uint64_t claims = 0;     // CLPs in the transaction set
  std::uint64_t matched = 0;    // CLPs that match a submitted claim (complete sets, posted now or before)
  std::uint64_t unmatched = 0;  // CLPs that match none (complete sets, posted now or before)
  std::uint64_t posted = 0;     // matched claim payments written now
  std::uint64_t written = 0;    // claim payments written now, matched or not
  std::uint64_t unbalanced = 0; // lines, claims and the transaction that do not balance (posted now)
  model::Money paid;                    // sum of CLP04 written now
  model::Money patient_responsibility;  // PR adjustments written now
  model::Money adjustments;             // every other adjustment (CO, OA, PI, ...) written now
  model::Money provider_adjustments;    // PLB amounts written now
  // What the plan decided, with the ids the ledger gave (in a dry run, those of the rolled-back
  // transaction): postings in CLP order (reverses: the payment undone), posting findings (none
  // for already posted sets), what the rules found and what changed on the worklist.
  std::vector<model::Posting> postings;
  std::vector<model::Finding> findings;
  std::vector<model::Finding> rule_findings;
  std::vector<model::WorklistChange> worklist_changes;
  worklist::ApplyCounts worklist;  // what the worklist changes count as
};

class RemittancePoster {
 public:
  enum class Transactions : std::uint8_t {
    own,       // one per transaction set, committed when the set is written
    callers,   // the caller's, open around post() (a dry run never commits it)
  };
  // source_name is recorded with each remittance (the file posted). review: the rules pipeline
  // and the worklist, planned and written with each set (null: posting only). now: the ISO
  // timestamp recorded (empty: the clock's at each post).
  RemittancePoster(ledger::Ledger& ledger, std::string source_name, const worklist::PostReview* review = nullptr,
                   Transactions transactions = Transactions::own, std::string now = {});

  RemittanceOutcome post(const model::Remittance& remittance);

 private:
  void refresh_statistics(std::size_t written);
  struct PatientShareContext {
    std::vector<std::pair<std::int64_t, int>> levels;  // submitted claim row -> payer order, by row
    std::vector<std::string> payers;        // the payers of the submitted claims
    std::vector<std::string> posted_before; // claim ids with a claim no longer 'submitted'
  };
  // Decided before the plan is written (what the ledger had posted before this set).
  std::vector<model::PatientShareEntry> plan_patient_shares(const model::PostingPlan& plan, PatientShareContext& shares);
  ledger::Ledger& ledger_;
  ledger::PostingReads reads_;
  ledger::PostingStore store_;
  ledger::PatientStore patients_;
  std::string source_name_;
  const worklist::PostReview* review_;
  Transactions transactions_;
  std::string now_;
  std::size_t written_ = 0, next_analyze_at_ = 10'000;  // claim payments; see refresh_statistics
};

}  // namespace clearhouse::reconcile
