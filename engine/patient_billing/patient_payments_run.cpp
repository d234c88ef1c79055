#include "engine/patient_billing/patient_payments_run.hpp"

#include <algorithm>

#include "engine/worklist/worklist.hpp"
#include "parsers/patient_payments/patient_payment_reader.hpp"

namespace clearhouse::patient_billing {

namespace {

// What the plan reads: the accounts the payments name (through their claims or their account
// column), and the payments already imported with their references (or the ones they reverse).
patient::PaymentLedgerView read_view(ledger::PatientStore& store, const std::vector<model::PatientPayment>& payments) {
  std::vector<std::string> claim_ids, numbers, references;
  for (const auto& p : payments) {
    if (!p.claim_id.empty()) claim_ids.push_back(p.claim_id);
    if (!p.account.empty()) numbers.push_back(p.account);
    references.push_back(p.reference);
    if (!p.reversed_reference().empty()) references.emplace_back(p.reversed_reference());
  }
  for (const auto& [claim, account] : store.accounts_of_claims(claim_ids)) numbers.push_back(account);
  patient::PaymentLedgerView view;
  view.payments = store.prior_payments(references);
  for (const auto& p : view.payments) numbers.push_back(p.account_number);
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  // Shares and entries only: a payment needs no visit's services.
  store.for_each_account(numbers, ledger::PatientStore::AccountDetail::shares, [&](const ledger::PatientAccountRecord& rec) {
    patient::AccountBalances balances;
    balances.account_number = rec.account.account_number;
    for (const auto& claim : rec.claims) {
      const auto share = patient::decide_claim_share(claim.share);
      balances.claims.push_back({claim.share.claim_id, claim.visit.date, share.balance, share.pending_insurance});
    }
    for (const auto& e : rec.account_entries) balances.credit -= e.amount;
    view.accounts.push_back(std::move(balances));
  });
  return view;
}

}  // namespace

PatientPaymentsRun import_patient_payments(ledger::Ledger& ledger, std::string_view csv,
                                           const rules::RulesConfig& config, const PatientPaymentsOptions& options) {
  PatientPaymentsRun run;
  run.dry_run = options.dry_run;
  const auto read = patient_payments::read_patient_payments(csv);
  run.rows = read.rows;
  for (const auto& e : read.errors) run.rejected.push_back({e.line, "", e.message});

  auto& c = ledger.connection();
  ledger::sql::Transaction tx(c);
  ledger::PatientStore store(c);
  run.accounts = store.assign_accounts(options.now);
  const auto plan = patient::plan_patient_payments(read_view(store, read.payments), read.payments, config);
  run.applied = plan.applied;
  run.duplicates = plan.duplicates;
  for (const auto& d : plan.decisions) {
    if (d.outcome == patient::PaymentOutcome::rejected)
      run.rejected.push_back({d.payment.line, d.payment.reference, d.message});
    if (d.outcome != patient::PaymentOutcome::applied) continue;
    run.applied_amount += d.payment.amount;
    for (const auto& a : d.applications)
      if (a.claim_id.empty()) run.credited += a.amount;
  }
  std::sort(run.rejected.begin(), run.rejected.end(),
            [](const PaymentRejection& a, const PaymentRejection& b) { return a.line < b.line; });
  store.record_payments(plan, options.source_name, options.now);
  worklist::Worklist items(c, config);
  const auto today =
      options.today.empty() ? model::Date::parse_timestamp_day(options.now).value_or(model::Date{}) : options.today;
  for (const auto& f : plan.findings) {
    run.refund_due_accounts.push_back(f.claim_id);
    worklist::ClaimReview review;
    review.payer_id = f.payer_id;
    review.claim_id = f.claim_id;
    review.reference_date = today;
    review.findings.push_back(f);
    run.worklist += items.apply(review, options.now);
  }
  run.decisions = plan.decisions;
  if (!options.dry_run) tx.commit();
  return run;
}

void write_patient_payments_fields(render::JsonWriter& json, const PatientPaymentsRun& run) {
  json.field("dry_run", run.dry_run);
  json.key("rows").number(run.rows);
  json.key("applied").number(run.applied);
  json.key("duplicates").number(run.duplicates);
  json.key("rejected").number(static_cast<std::int64_t>(run.rejected.size()));
  json.key("applied_cents").number(run.applied_amount.cents());
  json.key("credited_cents").number(run.credited.cents());
  json.key("accounts_opened").unsigned_number(run.accounts.opened);
  json.key("claims_given_accounts").unsigned_number(run.accounts.claims);
  json.key("accounts_refused").unsigned_number(run.accounts.refused);
  json.field("refund_due", run.refund_due_accounts);
  json.key("worklist").begin_object();
  json.key("opened").unsigned_number(run.worklist.opened);
  json.key("updated").unsigned_number(run.worklist.updated);
  json.key("reopened").unsigned_number(run.worklist.reopened);
  json.end_object();
  json.key("payments").begin_array();
  for (const auto& d : run.decisions) {
    json.begin_object();
    json.key("line").number(d.payment.line);
    json.field("reference", d.payment.reference);
    json.field("outcome", patient::to_string(d.outcome));
    json.field("account", d.account_number);
    json.key("amount_cents").number(d.payment.amount.cents());
    json.key("applications").begin_array();
    for (const auto& a : d.applications) {
      json.begin_object();
      json.field("claim_id", a.claim_id);
      json.key("amount_cents").number(a.amount.cents());
      json.end_object();
    }
    json.end_array();
    if (!d.message.empty()) json.field("message", d.message);
    json.end_object();
  }
  json.end_array();
  json.key("rejections").begin_array();
  for (const auto& r : run.rejected) {
    json.begin_object();
    json.key("line").number(r.line);
    if (!r.reference.empty()) json.field("reference", r.reference);
    json.field("message", r.message);
    json.end_object();
  }
  json.end_array();
}

}  // namespace clearhouse::patient_billing
