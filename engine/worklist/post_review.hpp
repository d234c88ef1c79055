#pragma once
// What reviewing a posting needs besides the ledger: the rules configuration, the fee schedule
// (read from the ledger once), the pipeline and the date rules count days to. Handed to
// posting (reconcile::RemittancePoster), which plans each 835 transaction set's review
// (remittance_review.hpp) with its postings and writes both in the set's one transaction.
// Used by `clearhouse post` and the HTTP service.

#include <string>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/model/date.hpp"
#include "engine/rules/fee_schedule.hpp"
#include "engine/rules/pipeline.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::worklist {

class PostReview {
 public:
  // Reads the fee schedule from the ledger now; `config` must outlive the review.
  PostReview(ledger::Ledger& ledger, const rules::RulesConfig& config, model::Date today);
  // With a fee schedule of its own (nothing read from the ledger).
  PostReview(const rules::RulesConfig& config, rules::FeeSchedule fees, model::Date today);

  const rules::RulesConfig& config() const { return config_; }
  const rules::Pipeline& pipeline() const { return pipeline_; }
  rules::RuleEnvironment environment() const { return {config_, &fees_, today_}; }
  rules::FeeSchedule& fees() { return fees_; }

 private:
  const rules::RulesConfig& config_;
  rules::FeeSchedule fees_;
  rules::Pipeline pipeline_;
  model::Date today_;
};

// Parses a fee schedule CSV file and upserts it into the ledger. Returns the rows stored, or
// the problems (nothing is stored when there are any).
struct FeeScheduleLoad {
  std::size_t rows = 0;
  std::vector<std::string> errors;
};
FeeScheduleLoad load_fee_schedule_file(ledger::Ledger& ledger, const std::string& path);
// The same file's rows added to `fees` only, nothing stored (a dry run).
FeeScheduleLoad add_fee_schedule_file(rules::FeeSchedule& fees, const std::string& path);

}  // namespace clearhouse::worklist
