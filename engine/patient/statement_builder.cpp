#include "engine/patient/statement_builder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "engine/patient/owed_reasons.hpp"
#include "engine/rules/rule_ids.hpp"

namespace clearhouse::patient {

using model::Money;
using model::ShareSource;

namespace {

// What each payer did, in payer order: net paid and net adjusted over its adjudications.
std::vector<model::PayerResult> payer_results(const ClaimShareInput& input) {
  std::map<int, model::PayerResult> levels;
  for (const auto& adj : input.adjudications) {
    auto& r = levels[adj.level];
    r.level = adj.level;
    if (!adj.payer_name.empty()) r.payer_name = adj.payer_name;
    else if (r.payer_name.empty()) r.payer_name = adj.payer_id;
    r.paid += adj.paid;
    r.adjusted += adj.other_adjustments();
  }
  std::vector<model::PayerResult> out;
  for (auto& [level, r] : levels) out.push_back(std::move(r));
  return out;
}

bool after(const model::Date& d, const std::optional<PreviousStatement>& previous) {
  return !previous || d > previous->date;
}

}  // namespace

StatementDecision build_statement(const StatementInput& input, const rules::RulesConfig& config) {
  const auto& settings = config.patient_statements;
  StatementDecision out;
  auto& st = out.statement;
  st.account_number = input.account.account_number;
  st.guarantor = input.account.guarantor;
  st.statement_date = input.as_of;
  st.due_date = model::Date::from_days_since_epoch(input.as_of.days_since_epoch() + settings.due_days);
  st.statement_number = (input.previous ? input.previous->number : 0) + 1;
  st.previous_balance = input.previous ? input.previous->amount_due : Money{};
  st.practice = input.practice;

  Money due;
  model::Date oldest_owed;  // the oldest date a balance still owed became due
  std::vector<model::StatementVisit> pending;
  for (const auto& claim : input.claims) {
    const ClaimShare share = decide_claim_share(claim.share);
    model::StatementVisit v;
    v.claim_id = claim.share.claim_id;
    v.date = claim.visit.date;
    v.patient_name = claim.visit.patient_name;
    v.provider = claim.visit.provider;
    v.services = claim.visit.services;
    v.billed = claim.visit.billed;
    v.payers = payer_results(claim.share);
    for (const auto& p : v.payers) v.insurance_adjustments += p.adjusted;
    v.patient_share = share.patient_share;
    for (const auto& e : share.entries) {
      if (e.source == ShareSource::payment || (e.source == ShareSource::reversal && e.payer_id.empty()))
        v.patient_paid -= e.amount;
      else if (e.source == ShareSource::adjustment)
        v.patient_adjustments += e.amount;
    }
    v.owed = share.balance;
    v.reasons = owed_reasons(share, claim.share, config.codes);
    v.pending_insurance = share.pending_insurance;
    if (v.pending_insurance) {
      st.pending_insurance += share.balance;
      pending.push_back(std::move(v));
      continue;
    }
    due += share.balance;
    for (const auto& e : share.entries) {
      if (!after(e.date, input.previous)) continue;
      if (e.source == ShareSource::payment || (e.source == ShareSource::reversal && e.payer_id.empty()))
        st.payments_received -= e.amount;
      else if (e.source == ShareSource::adjustment)
        st.adjustments += e.amount;
    }
    if (share.balance.cents() > 0 && (oldest_owed.empty() || share.due_since < oldest_owed)) oldest_owed = share.due_since;
    st.visits.push_back(std::move(v));
  }
  for (const auto& e : input.account_entries) {
    due += e.amount;
    if (!after(e.date, input.previous)) continue;
    if (e.source == ShareSource::adjustment) st.adjustments += e.amount;
    else st.payments_received -= e.amount;
  }
  std::stable_sort(st.visits.begin(), st.visits.end(),
                   [](const model::StatementVisit& a, const model::StatementVisit& b) { return a.date < b.date; });
  std::stable_sort(pending.begin(), pending.end(),
                   [](const model::StatementVisit& a, const model::StatementVisit& b) { return a.date < b.date; });
  for (auto& v : pending) st.visits.push_back(std::move(v));

  st.amount_due = due;
  // Shares that became due since the last statement: what makes the arithmetic close.
  st.new_charges = st.amount_due - st.previous_balance + st.payments_received - st.adjustments;

  if (st.in_credit()) {
    st.message = settings.credit_message;
  } else if (st.statement_number > 1 && !oldest_owed.empty()) {
    st.message = std::string(settings.dunning_message(model::days_between(oldest_owed, input.as_of)));
  }

  const Money minimum = std::max(Money::from_cents(settings.min_balance_cents), input.min_balance);
  if (st.amount_due.is_zero()) {
    out.reason = "nothing owed";
  } else if (!st.in_credit() && st.amount_due < minimum) {
    out.reason = fmt::format("balance below the minimum of {}", to_display_amount(minimum));
  } else if (input.previous && input.previous->amount_due == st.amount_due &&
             model::days_between(input.previous->date, input.as_of) < settings.cycle_days) {
    out.reason = "already sent this cycle, balance unchanged";
  } else {
    out.send = true;
    out.reason = st.in_credit() ? "credit" : "balance due";
  }

  const int after_statements = settings.collections_after_statements;
  if (out.send && !st.in_credit() && after_statements > 0 && input.previous && input.previous->number >= after_statements &&
      config.enabled(rules::rule_id::patient_collections)) {
    const auto& category = config.category("patient_collections");
    model::Finding f;
    f.rule = std::string(rules::rule_id::patient_collections);
    f.category = category.id;
    f.severity = model::FindingSeverity::warning;
    f.claim_id = st.account_number;
    f.payer_id = "patient";
    f.amount = st.amount_due;
    f.message = fmt::format("Patient account {} still owes {} after {} statements ({} days since it became due)",
                            st.account_number, to_display_amount(st.amount_due), input.previous->number,
                            oldest_owed.empty() ? 0 : model::days_between(oldest_owed, input.as_of));
    f.action = std::string(config.action_text(category.action));
    out.findings.push_back(std::move(f));
  }
  return out;
}

}  // namespace clearhouse::patient
