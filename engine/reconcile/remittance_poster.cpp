#include "engine/reconcile/remittance_poster.hpp"

#include "engine/reconcile/remittance_planner.hpp"
#include "engine/util/timestamp.hpp"

namespace clearhouse::reconcile {

RemittancePoster::RemittancePoster(ledger::Ledger& ledger, std::string source_name,
                                   const worklist::PostReview* review, Transactions transactions, std::string now)
    : ledger_(ledger),
      reads_(ledger),
      store_(ledger.connection()),
      source_name_(std::move(source_name)),
      review_(review),
      transactions_(transactions),
      now_(std::move(now)) {}

RemittanceOutcome RemittancePoster::post(const model::Remittance& r) {
  RemittanceOutcome out;
  out.claims = r.claims.size();
  PlanContext context{source_name_, now_.empty() ? util::utc_timestamp_now() : now_, review_};
  if (!r.complete) {
    auto plan = plan_remittance(r, {}, context);
    out.result = RemittanceOutcome::Result::not_posted;
    out.findings = std::move(plan.findings);
    return out;
  }

  // Read, decide and write in the set's one transaction (SQLite: the write lock is taken
  // first, so what was read still holds when the plan is written), or in the caller's.
  std::optional<ledger::sql::Transaction> tx;
  if (transactions_ == Transactions::own) tx.emplace(ledger_.connection());
  auto plan = plan_remittance(r, reads_.read(posting_query(r, review_ != nullptr)), context);
  out.matched = plan.matched;
  out.unmatched = plan.unmatched;
  if (plan.result == model::PostingPlan::Result::already_posted) {
    out.result = RemittanceOutcome::Result::already_posted;
    return out;  // the transaction rolls back (it wrote nothing)
  }
  const auto applied = store_.apply(plan);
  if (!applied) {
    // Another poster of the same content committed between our read and our write.
    out.result = RemittanceOutcome::Result::already_posted;
    return out;
  }
  if (tx) {
    tx->commit();
    refresh_statistics(plan.postings.size());  // between transactions only
  }

  out.result = RemittanceOutcome::Result::posted;
  out.remittance_row = applied->remittance_id;
  out.unbalanced = plan.unbalanced;
  for (std::size_t i = 0; i < plan.postings.size(); ++i) {
    auto& p = plan.postings[i];
    p.id = applied->posting_ids[i];
    p.reverses = model::resolve_posting_id(p.reverses, applied->posting_ids);
    ++out.written;
    if (p.matched) ++out.posted;
    out.paid += p.paid;
    out.patient_responsibility += p.adjustments.patient_responsibility();
    out.adjustments += p.adjustments.non_patient();
  }
  for (auto& change : plan.worklist) {
    model::resolve_posting_ids(change, applied->posting_ids);
    out.worklist += worklist::counts_of(change);
  }
  out.provider_adjustments = r.provider_adjustment_total();
  out.postings = std::move(plan.postings);
  out.findings = std::move(plan.findings);
  out.rule_findings = std::move(plan.rule_findings);
  out.worklist_changes = std::move(plan.worklist);
  return out;
}

// A long post into fresh payment tables would otherwise look reversals up by scanning every
// payment written so far (see sql::Connection::refresh_statistics). Refreshed when the payments
// written pass 10,000, 40,000, 160,000, ... (row estimates scale with the table's size in between).
void RemittancePoster::refresh_statistics(std::size_t written) {
  written_ += written;
  if (written_ < next_analyze_at_) return;
  next_analyze_at_ *= 4;
  ledger_.connection().refresh_statistics("claim_payments");
}

}  // namespace clearhouse::reconcile
