#pragma once
// The rules pipeline and the worklist wired into remittance posting: hand an instance to
// RemittancePoster::before_commit and every 835 transaction set that posts is reviewed inside
// its own database transaction (posting and worklist commit together, or neither does; an
// already-posted file reviews nothing twice). Used by `clearhouse post` and the HTTP service.

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/posting.hpp"
#include "engine/model/remittance.hpp"
#include "engine/rules/fee_schedule.hpp"
#include "engine/rules/pipeline.hpp"
#include "engine/rules/rules_config.hpp"
#include "engine/worklist/remittance_review.hpp"
#include "engine/worklist/worklist.hpp"

namespace clearhouse::worklist {

class PostReview {
 public:
  // Reads the fee schedule from the ledger now; `config` must outlive the review.
  PostReview(ledger::Ledger& ledger, const rules::RulesConfig& config, model::Date today);

  // The before-commit hook.
  void operator()(const model::Remittance& remittance, std::span<const model::Posting> postings,
                  std::span<const model::Finding> posting_findings);

  // Totals since construction.
  const ApplyCounts& counts() const { return counts_; }
  std::uint64_t findings() const { return findings_; }
  // The findings of the last review whose category opens worklist items (denials,
  // underpayments, ...), for printing.
  const std::vector<model::Finding>& last_worklist_findings() const { return last_; }

 private:
  ledger::Ledger& ledger_;
  const rules::RulesConfig& config_;
  rules::FeeSchedule fees_;
  rules::Pipeline pipeline_;
  model::Date today_;
  ReviewSources sources_;
  Worklist worklist_;
  ApplyCounts counts_;
  std::uint64_t findings_ = 0;
  std::vector<model::Finding> last_;
};

// Parses a fee schedule CSV file and upserts it into the ledger. Returns the rows stored, or
// the problems (nothing is stored when there are any).
struct FeeScheduleLoad {
  std::size_t rows = 0;
  std::vector<std::string> errors;
};
FeeScheduleLoad load_fee_schedule_file(ledger::Ledger& ledger, const std::string& path);

}  // namespace clearhouse::worklist
