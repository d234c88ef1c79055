#include "engine/worklist/post_review.hpp"

#include <fstream>
#include <sstream>

#include "engine/ledger/fee_schedule_store.hpp"
#include "engine/util/timestamp.hpp"
#include "engine/worklist/ledger_sources.hpp"

namespace clearhouse::worklist {

PostReview::PostReview(ledger::Ledger& ledger, const rules::RulesConfig& config, model::Date today)
    : ledger_(ledger),
      config_(config),
      fees_(ledger::read_fee_schedule(ledger.connection())),
      pipeline_(config),
      today_(today),
      sources_(ledger_review_sources(ledger)),
      worklist_(ledger.connection(), config) {}

void PostReview::operator()(const model::Remittance& remittance, std::span<const model::Posting> postings,
                            std::span<const model::Finding> posting_findings) {
  const rules::RuleEnvironment env{config_, &fees_, today_};
  auto result = review_remittance(remittance, postings, posting_findings, sources_, pipeline_, env, worklist_,
                                  util::utc_timestamp_now());
  counts_ += result.worklist;
  findings_ += result.findings.size();
  last_.clear();
  for (auto& f : result.findings)
    if (config_.category(f.category).opens_item && f.category != model::finding_category::unbalanced &&
        f.category != model::finding_category::unmatched)  // posting reports those itself
      last_.push_back(std::move(f));
}

FeeScheduleLoad load_fee_schedule_file(ledger::Ledger& ledger, const std::string& path) {
  FeeScheduleLoad out;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.errors.push_back("cannot read " + path);
    return out;
  }
  std::ostringstream text;
  text << in.rdbuf();
  auto parsed = rules::parse_fee_schedule_csv(text.str());
  for (auto& e : parsed.errors) out.errors.push_back(path + ": " + e);
  if (!out.errors.empty()) return out;
  out.rows = ledger::store_fee_schedule(ledger.connection(), parsed.rows, util::utc_timestamp_now());
  return out;
}

}  // namespace clearhouse::worklist
