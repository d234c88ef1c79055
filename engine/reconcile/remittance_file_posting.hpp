#pragma once
// Posting a whole 835 file: read it one transaction set at a time (parsers/x12_835, one set
// ahead on a thread of its own: RemittanceReadAhead; or, with jobs >= 2 and an input that never
// waits, in parts on that many threads: RemittancePartsAhead, the same sets in the same order),
// post each (RemittancePoster: read the
// ledger, plan, write, in the set's own transaction), and add up what happened. Pulled set by
// set, so that the caller gets every outcome as a value:
//
//   RemittanceFilePosting posting(ledger, source, {.source_name = path, .review = &review});
//   while (const auto* set = posting.next()) { ...set->outcome..., set->bytes_consumed... }
//   posting.totals();  // complete once next() returned nullptr
//
// `clearhouse post` and the HTTP service's POST /v1/remittances both use it, so they count the
// same way. A dry run (`clearhouse post --dry-run`) does everything inside one transaction
// that is rolled back when the posting ends, never committed: each set's outcome is what a real
// post would do (later sets see what earlier ones would have written), and the ledger is left
// as it was.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/remittance.hpp"
#include "engine/reconcile/remittance_poster.hpp"
#include "engine/worklist/item_change.hpp"
#include "engine/worklist/post_review.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/parallel_reading.hpp"

namespace clearhouse::render {
class JsonWriter;
}

namespace clearhouse::reconcile {

class RemittanceSets;

struct RemittanceFileTotals {
  std::uint64_t remittances = 0, claims = 0, posted = 0, matched = 0, unmatched = 0, unbalanced = 0;
  std::uint64_t already_posted = 0, not_posted = 0, findings = 0;
  std::int64_t paid = 0, patient_resp = 0, adjustments = 0, provider_adjustments = 0;
  std::uint64_t rule_findings = 0;  // what the rules pipeline found
  worklist::ApplyCounts worklist;   // what the worklist changes count as
  bool rejected = false;        // something needs attention (the CLI exits 1)
  std::vector<std::string> problems;  // the file as a whole: "holds no 835 transaction set", ...
};

struct FilePostingOptions {
  std::string source_name;  // recorded with each remittance and used in messages (a path, or "upload")
  const worklist::PostReview* review = nullptr;  // the rules pipeline and the worklist (null: posting only)
  bool dry_run = false;
  std::string now;  // the ISO timestamp recorded; empty: the clock's, set by set
  unsigned jobs = 1;  // threads reading the input (>= 2: in parts; a pipe is read as with 1)
};

// One transaction set, as posted (or as a dry run would post it).
struct SetOutcome {
  const model::Remittance* remittance = nullptr;
  std::vector<model::Finding> file_findings;  // found outside any set, before this one
  RemittanceOutcome outcome;
  std::uint64_t bytes_consumed = 0;           // of the input, once this set was read
};

class RemittanceFilePosting {
 public:
  // Database failures throw LedgerError (from next()).
  RemittanceFilePosting(ledger::Ledger& ledger, x12::InputSource& source, FilePostingOptions options);
  ~RemittanceFilePosting();
  RemittanceFilePosting(const RemittanceFilePosting&) = delete;
  RemittanceFilePosting& operator=(const RemittanceFilePosting&) = delete;

  // The next set's outcome, valid until the following call; nullptr at the end of the input.
  const SetOutcome* next();
  // What happened so far; complete once next() returned nullptr.
  const RemittanceFileTotals& totals() const { return totals_; }
  // Once next() returned nullptr: what the reader found outside any set after the last one.
  const std::vector<model::Finding>& final_findings() const { return final_findings_; }
  // Once next() returned nullptr, when the input was read in parts: how (else nullptr).
  const x12::PartsRead* parts_read() const;

 private:
  void count(const std::vector<model::Finding>& findings);
  void finish();

  FilePostingOptions options_;
  RemittancePoster poster_;
  std::optional<ledger::sql::Transaction> dry_run_;  // never committed: rolls back when the posting ends
  std::unique_ptr<RemittanceSets> ahead_;
  SetOutcome current_;
  RemittanceFileTotals totals_;
  std::vector<model::Finding> final_findings_;
  bool finished_ = false;
};

// The summary fields of issue 4, into an object the caller has opened: remittances, claims,
// posted, matched, unmatched, unbalanced, already_posted, paid_cents, patient_resp_cents,
// adjustment_cents, provider_adjustment_cents, findings.
void write_remittance_totals_fields(render::JsonWriter& json, const RemittanceFileTotals& totals);
// The object "worklist" (rule_findings, opened, reopened, updated, resolved) into an object the
// caller has opened: what posting did (or would do) to the denial worklist.
void write_remittance_worklist_field(render::JsonWriter& json, const RemittanceFileTotals& totals);

}  // namespace clearhouse::reconcile
