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
  // The payer order of each submitted claim the set can match, and the payers of the claim ids
  // (what the patient's share before this set is read from).
  std::map<std::int64_t, int> levels;
  std::vector<std::string> payers;
  for (const auto& c : inputs.submitted) {
    levels.emplace(c.row_id, patient::payer_order(c.payer_level));
    if (std::find(payers.begin(), payers.end(), c.payer_id) == payers.end()) payers.push_back(c.payer_id);
  }
  auto plan = plan_remittance(r, std::move(inputs), context);
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
  write_patient_shares(plan, levels, payers, applied->remittance_id);
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
void RemittancePoster::write_patient_shares(const model::PostingPlan& plan, const std::map<std::int64_t, int>& levels,
                                            std::span<const std::string> payers, std::int64_t remittance_id) {
  std::vector<patient::PostedAdjudication> posted;
  std::vector<std::string> claim_ids;
  const model::Date date = model::Date::parse_iso(plan.remittance.payment_date)
                               .value_or(model::Date::parse_timestamp_day(plan.at).value_or(model::Date{}));
  for (const auto& p : plan.postings) {
    if (!p.matched || p.claim_row == 0) continue;
    patient::PostedAdjudication a;
    a.claim_id = p.claim_id;
    const auto level = levels.find(p.claim_row);
    a.adjudication.level = level == levels.end() ? 1 : level->second;
    a.adjudication.payer_id = p.payer_id;
    a.adjudication.date = date;
    a.adjudication.reference = plan.remittance.trace_number;
    a.adjudication.reversal = p.reversal;
    model::Adjustment pr;
    pr.group = model::AdjustmentGroup::patient;
    pr.group_code = model::Code("PR");
    pr.amount = p.adjustments.patient_responsibility();
    a.adjudication.claim_adjustments.push_back(std::move(pr));
    claim_ids.push_back(p.claim_id);
    posted.push_back(std::move(a));
  }
  if (posted.empty()) return;
  std::sort(claim_ids.begin(), claim_ids.end());
  claim_ids.erase(std::unique(claim_ids.begin(), claim_ids.end()), claim_ids.end());
  const auto entries = patient::plan_share_entries(patients_.posted_shares(payers, claim_ids), posted);
  patients_.insert_entries(entries, "", remittance_id, plan.at);
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
