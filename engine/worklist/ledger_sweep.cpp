#include "engine/worklist/ledger_sweep.hpp"

#include "engine/ledger/sweep_candidates.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::worklist {
SweepResult sweep_ledger(ledger::Ledger& ledger, const ReviewSources& sources, const rules::Pipeline& pipeline,
                         const rules::RuleEnvironment& env, Worklist& worklist, std::string_view now) {
  SweepResult result;
  auto& c = ledger.connection();
  // Claims that may be late: still 'submitted' and sent at least after_days ago, plus reversed
  // ones; only the latest row of a claim id (a replacement supersedes the original).
  const int after = env.config.rule_at(rules::rule_id::slot<rules::rule_id::missing_remittance>).after_days;
  const model::Date cutoff = model::Date::from_days_since_epoch(env.today.days_since_epoch() - after + 1);
  struct Candidate {
    ledger::ClaimRecord claim;
    std::string status;
    model::Date submitted_on;
  };
  std::vector<Candidate> candidates;
  for (auto& read : ledger::read_sweep_candidates(c, cutoff)) {
    Candidate k;
    k.status = read.claim.status;
    k.submitted_on = model::Date::parse_timestamp_day(read.submitted_at).value_or(model::Date{});
    k.claim = std::move(read.claim);
    candidates.push_back(std::move(k));
  }

  ledger::sql::Transaction tx(c);
  for (const auto& k : candidates) {
    std::vector<model::Posting> history;
    if (k.status != "submitted") {
      if (!sources.history) continue;
      history = sources.history(k.claim.payer_id, k.claim.claim_id);
      if (history.empty()) continue;  // no posting store to read the reversal from
    }
    ++result.claims_checked;
    rules::ClaimContext ctx;
    ctx.submitted = &k.claim;
    ctx.history = history;
    ctx.payer_id = k.claim.payer_id;
    ctx.submitted_on = k.submitted_on;
    if (!history.empty() && sources.last_posted_on) ctx.latest_posting_on = sources.last_posted_on(k.claim.payer_id, k.claim.claim_id);
    ClaimReview review;
    review.payer_id = k.claim.payer_id;
    review.claim_id = k.claim.claim_id;
    review.reference_date = ctx.latest_posting_on.empty() ? k.submitted_on : ctx.latest_posting_on;
    pipeline.sweep(ctx, env, review.findings);
    if (review.findings.empty() && worklist.store().find(review.payer_id, review.claim_id) == std::nullopt) continue;
    result.worklist += worklist.apply(review, now);
    result.findings.insert(result.findings.end(), review.findings.begin(), review.findings.end());
  }
  tx.commit();
  return result;
}

}  // namespace clearhouse::worklist
