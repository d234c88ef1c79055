#pragma once
// Posts one 835 transaction set to the ledger, all or nothing, in one database transaction:
//   1. balance it (findings, never exceptions);
//   2. claim its idempotency key: payer + trace number + content hash. Already there: nothing
//      changes and it is reported as already posted. The same payer and trace with other content
//      is posted too, with a finding (never a silent overwrite);
//   3. match every CLP to the submitted claim (and each SVC to a submitted line), build the
//      postings, post unmatched CLPs as unmatched (kept, visible, never dropped);
//   4. link reversals (CLP02 22) to the payment they undo, found by payer claim control number,
//      in this remittance or the ledger; both stay in the history;
//   5. move each matched claim to its new status; record PLB adjustments and the findings.
// A transaction set that did not end with its SE is not posted; its findings are returned.
// Database failures throw LedgerError (the transaction rolls back); input problems never do.

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/ledger/posting_store.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/money.hpp"
#include "engine/model/posting.hpp"
#include "engine/model/remittance.hpp"

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
  std::vector<model::Posting> postings; // what was written, in CLP order
  std::vector<model::Finding> findings; // what needs attention (none for already posted sets)
};

class RemittancePoster {
 public:
  // source_name is recorded with each remittance (the file posted).
  RemittancePoster(ledger::Ledger& ledger, std::string source_name);

  RemittanceOutcome post(const model::Remittance& remittance);

  // Work that belongs in the same database transaction as the posting (the rules pipeline and
  // the worklist: engine/worklist/post_review.hpp), called with the postings as written and the
  // posting's findings just before each commit. Not called for sets already posted.
  using BeforeCommit = std::function<void(const model::Remittance&, std::span<const model::Posting>,
                                          std::span<const model::Finding>)>;
  void before_commit(BeforeCommit hook) { before_commit_ = std::move(hook); }

 private:
  void refresh_statistics(std::size_t written);
  BeforeCommit before_commit_;
  ledger::Ledger& ledger_;
  ledger::PostingStore store_;
  std::string source_name_;
  std::size_t written_ = 0, next_analyze_at_ = 10'000;  // claim payments; see refresh_statistics
};

std::string content_hash_hex(std::uint64_t hash);

}  // namespace clearhouse::reconcile
