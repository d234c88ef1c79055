#include "engine/report/patient_receivables.hpp"

#include <algorithm>

#include "engine/ledger/patient_store.hpp"
#include "engine/patient/claim_share.hpp"

namespace clearhouse::report {

PatientReceivables build_patient_receivables(ledger::sql::Connection& c, const rules::RulesConfig& config,
                                             model::Date today) {
  PatientReceivables out;
  out.aging = empty_aging(config);
  ledger::sql::Transaction tx(c, false);  // never committed: the report writes nothing
  ledger::PatientStore store(c);
  store.assign_accounts(today.to_iso());
  const auto numbers = store.account_numbers();
  out.accounts = numbers.size();
  store.for_each_account(numbers, ledger::PatientStore::AccountDetail::shares, [&](const ledger::PatientAccountRecord& rec) {
    model::Money owed;
    for (const auto& claim : rec.claims) {
      const auto share = patient::decide_claim_share(claim.share);
      if (share.pending_insurance) {
        ++out.claims_pending;
        out.pending_insurance += share.balance;
        continue;
      }
      owed += share.balance;
      if (share.balance.cents() <= 0) continue;
      const int age = share.due_since.empty() ? 0 : std::max(0, model::days_between(share.due_since, today));
      age_into(out.aging, config, age, share.balance);
      out.due += share.balance;
    }
    for (const auto& e : rec.account_entries) owed += e.amount;
    if (owed.cents() > 0) ++out.accounts_owing;
    if (owed.cents() < 0) {
      ++out.accounts_in_credit;
      out.credits -= owed;
    }
  });
  const auto sent = store.statement_counts();
  out.statements_sent = sent.first;
  out.accounts_sent_statements = sent.second;
  return out;
}

}  // namespace clearhouse::report
