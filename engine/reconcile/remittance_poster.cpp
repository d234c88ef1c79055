#include "engine/reconcile/remittance_poster.hpp"

#include <algorithm>
#include <map>

#include "engine/patient/remittance_shares.hpp"
#include "engine/reconcile/remittance_planner.hpp"
#include "engine/util/timestamp.hpp"

namespace clearhouse::reconcile {

RemittancePoster::RemittancePoster(ledger::Ledger& ledger, std::string source_name,
                                   const worklist::PostReview* review, Transactions transactions, std::string now)
    : ledger_(ledger),
      reads_(ledger),
      store_(ledger.connection()),
      patients_(ledger.connection()),
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
  auto inputs = reads_.read(posting_query(r, review_ != nullptr));
  // What the patient's share needs of the submitted claims the set can match: their payer order,
  // their payers, and which claim ids had a payment posted before (a claim still 'submitted' at
  // every payer has none: nothing to read for it).
  PatientShareContext shares;
  for (const auto& c : inputs.submitted) {
    shares.levels.emplace_back(c.row_id, patient::payer_order(c.payer_level));  // by row id, as read
    if (std::find(shares.payers.begin(), shares.payers.end(), c.payer_id) == shares.payers.end())
      shares.payers.push_back(c.payer_id);
    if (c.status != "submitted") shares.posted_before.push_back(c.claim_id);
  }
  auto plan = plan_remittance(r, std::move(inputs), context);
  out.matched = plan.matched;
  out.unmatched = plan.unmatched;
  if (plan.result == model::PostingPlan::Result::already_posted) {
    out.result = RemittanceOutcome::Result::already_posted;
    return out;  // the transaction rolls back (it wrote nothing)
  }
  const auto share_entries = plan_patient_shares(plan, shares);
  const auto applied = store_.apply(plan);
  if (!applied) {
    // Another poster of the same content committed between our read and our write.
    out.result = RemittanceOutcome::Result::already_posted;
    return out;
  }
  patients_.insert_entries(share_entries, "", applied->remittance_id);
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

// The patient's share: what each matched claim payment changes (engine/patient/remittance_shares),
// written in the set's transaction.
std::vector<model::PatientShareEntry> RemittancePoster::plan_patient_shares(const model::PostingPlan& plan,
                                                                          PatientShareContext& shares) {
  std::vector<patient::PostedShare> posted;
  posted.reserve(plan.postings.size());
  for (const auto& p : plan.postings) {
    if (!p.matched || p.claim_row == 0) continue;
    const auto level = std::lower_bound(shares.levels.begin(), shares.levels.end(), p.claim_row,
                                        [](const std::pair<std::int64_t, int>& l, std::int64_t row) { return l.first < row; });
    posted.push_back({p.claim_id, level != shares.levels.end() && level->first == p.claim_row ? level->second : 1,
                      p.reversal, p.adjustments.patient_responsibility()});
  }
  if (posted.empty()) return {};
  patient::RemittanceRef remittance;
  remittance.date = model::remittance_date(plan.remittance.payment_date, plan.at);
  remittance.trace_number = plan.remittance.trace_number;
  remittance.payer_id = plan.remittance.payer_id;
  auto& claim_ids = shares.posted_before;
  std::sort(claim_ids.begin(), claim_ids.end());
  claim_ids.erase(std::unique(claim_ids.begin(), claim_ids.end()), claim_ids.end());
  patient::PriorAdjudications prior;
  if (!claim_ids.empty()) prior = patients_.posted_shares(shares.payers, claim_ids);
  return patient::plan_share_entries(std::move(prior), remittance, posted);
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
