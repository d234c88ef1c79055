#include "engine/patient/payment_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "engine/rules/rule_ids.hpp"

namespace clearhouse::patient {

using model::Money;

std::string_view to_string(PaymentOutcome outcome) {
  switch (outcome) {
    case PaymentOutcome::applied: return "applied";
    case PaymentOutcome::duplicate: return "duplicate";
    case PaymentOutcome::rejected: return "rejected";
  }
  return "applied";
}

namespace {

// The ledger's state as the plan moves through the payments.
struct State {
  std::map<std::string, AccountBalances, std::less<>> accounts;
  std::map<std::string, std::string, std::less<>> account_of_claim;
  std::map<std::string, PriorPayment, std::less<>> payments;             // by reference
  std::map<std::string, model::PatientPayment, std::less<>> imported;     // this run's, by reference
  std::set<std::string, std::less<>> credited;                            // accounts a payment left in credit
};

ClaimBalance* find_claim(AccountBalances& account, std::string_view claim_id) {
  for (auto& c : account.claims)
    if (c.claim_id == claim_id) return &c;
  return nullptr;
}

// The account's claims that owe, oldest visit first.
std::vector<ClaimBalance*> owing_oldest_first(AccountBalances& account, std::string_view except) {
  std::vector<ClaimBalance*> out;
  for (auto& c : account.claims)
    if (!c.pending_insurance && c.balance.cents() > 0 && c.claim_id != except) out.push_back(&c);
  std::stable_sort(out.begin(), out.end(), [](const ClaimBalance* a, const ClaimBalance* b) {
    return a->service_date != b->service_date ? a->service_date < b->service_date : a->claim_id < b->claim_id;
  });
  return out;
}

void apply_to(ClaimBalance& claim, Money amount, PaymentDecision& d) {
  if (amount.is_zero()) return;
  claim.balance -= amount;
  d.applications.push_back({claim.claim_id, amount});
}

void apply_payment(State& s, AccountBalances& account, PaymentDecision& d) {
  const auto& p = d.payment;
  Money left = p.amount;
  if (!p.claim_id.empty()) {
    ClaimBalance& claim = *find_claim(account, p.claim_id);
    const Money take = claim.pending_insurance ? left : std::clamp(claim.balance, Money{}, left);
    apply_to(claim, take, d);
    left -= take;
  }
  for (ClaimBalance* c : owing_oldest_first(account, p.claim_id)) {
    if (left.cents() <= 0) break;
    const Money take = std::min(c->balance, left);
    apply_to(*c, take, d);
    left -= take;
  }
  if (left.cents() > 0) {
    account.credit += left;
    d.applications.push_back({"", left});
    s.credited.insert(account.account_number);
  }
}

// Takes back -p.amount from where the original went: the credit first, then claims last paid first.
bool apply_reversal(AccountBalances& account, const PriorPayment& original, PaymentDecision& d) {
  Money back = -d.payment.amount;
  Money paid;
  for (const auto& a : original.applications) paid += a.amount;
  if (back > paid) {
    d.message = fmt::format("reverses {} but the original paid only {}", to_display_amount(back), to_display_amount(paid));
    return false;
  }
  std::vector<Application> order(original.applications.rbegin(), original.applications.rend());
  std::stable_partition(order.begin(), order.end(), [](const Application& a) { return a.claim_id.empty(); });
  for (const auto& a : order) {
    if (back.cents() <= 0) break;
    Money take = std::min(a.amount, back);
    if (a.claim_id.empty()) {
      take = std::min(take, account.credit);
      account.credit -= take;
    } else if (ClaimBalance* c = find_claim(account, a.claim_id)) {
      c->balance += take;
    } else {
      continue;
    }
    if (!take.is_zero()) d.applications.push_back({a.claim_id, -take});
    back -= take;
  }
  if (back.cents() > 0) {  // the credit was spent since: the rest is owed on the account
    account.credit -= back;
    d.applications.push_back({"", -back});
  }
  return true;
}

void write_entries(PaymentDecision& d) {
  const bool reversal = d.payment.is_reversal();
  for (const auto& a : d.applications)
    d.entries.push_back({a.claim_id, d.payment.date, reversal ? model::ShareSource::reversal : model::ShareSource::payment,
                         -a.amount, d.payment.reference, ""});
}

std::string reject(PaymentDecision& d, std::string message) {
  d.outcome = PaymentOutcome::rejected;
  d.message = std::move(message);
  return {};
}

// The account the payment belongs to ("" and a message when rejected).
std::string account_for(State& s, PaymentDecision& d) {
  const auto& p = d.payment;
  if (!p.claim_id.empty()) {
    const auto it = s.account_of_claim.find(p.claim_id);
    if (it == s.account_of_claim.end()) return reject(d, fmt::format("unknown claim '{}'", p.claim_id));
    if (!p.account.empty() && p.account != it->second)
      return reject(d, fmt::format("claim '{}' is not on account '{}'", p.claim_id, p.account));
    return it->second;
  }
  if (p.account.empty()) return reject(d, "no claim and no account: cannot tell whose payment it is");
  if (!s.accounts.count(p.account)) return reject(d, fmt::format("unknown account '{}'", p.account));
  return p.account;
}

}  // namespace

PatientPaymentPlan plan_patient_payments(const PaymentLedgerView& ledger, std::span<const model::PatientPayment> payments,
                                         const rules::RulesConfig& config) {
  State s;
  for (const auto& a : ledger.accounts) {
    for (const auto& c : a.claims) s.account_of_claim.emplace(c.claim_id, a.account_number);
    s.accounts.emplace(a.account_number, a);
  }
  for (const auto& p : ledger.payments) s.payments.emplace(p.reference, p);

  PatientPaymentPlan plan;
  for (const auto& p : payments) {
    PaymentDecision d;
    d.payment = p;
    if (const auto it = s.imported.find(p.reference); it != s.imported.end()) {
      d.outcome = PaymentOutcome::duplicate;
      if (!(it->second.amount == p.amount && it->second.claim_id == p.claim_id && it->second.date == p.date))
        d.message = fmt::format("reference '{}' was imported before with other values (line {}); nothing changed",
                                p.reference, it->second.line);
    } else if (s.payments.count(p.reference)) {
      d.outcome = PaymentOutcome::duplicate;
    } else if (p.reference.empty()) {
      reject(d, "no reference: a payment needs one (it is what makes importing it twice safe)");
    } else if (p.amount.is_zero()) {
      reject(d, "a payment of zero");
    } else if (p.is_reversal() && p.reversed_reference().empty()) {
      reject(d, fmt::format("a negative amount must be a reversal, with reference '{}ORIGINAL'",
                            model::kReversalReferencePrefix));
    } else if (!p.is_reversal() && !p.reversed_reference().empty()) {
      reject(d, "a reversal's amount must be negative");
    } else if (const std::string account = account_for(s, d); !account.empty()) {
      d.account_number = account;
      AccountBalances& balances = s.accounts.at(account);
      if (p.is_reversal()) {
        const auto original = s.payments.find(p.reversed_reference());
        if (original == s.payments.end())
          reject(d, fmt::format("reverses unknown payment '{}'", p.reversed_reference()));
        else if (original->second.account_number != account)
          reject(d, fmt::format("reverses payment '{}' of another account", p.reversed_reference()));
        else if (!apply_reversal(balances, original->second, d))
          d.outcome = PaymentOutcome::rejected;
      } else {
        apply_payment(s, balances, d);
      }
      if (d.outcome == PaymentOutcome::applied) {
        write_entries(d);
        s.payments.emplace(p.reference, PriorPayment{p.reference, account, d.applications});
        s.imported.emplace(p.reference, p);
      }
    }
    switch (d.outcome) {
      case PaymentOutcome::applied: ++plan.applied; break;
      case PaymentOutcome::duplicate: ++plan.duplicates; break;
      case PaymentOutcome::rejected: ++plan.rejected; break;
    }
    plan.decisions.push_back(std::move(d));
  }

  if (config.enabled(rules::rule_id::patient_refund_due)) {
    for (const auto& account : s.credited) {
      const auto& balances = s.accounts.at(account);
      if (balances.credit.cents() <= 0) continue;
      const auto& category = config.category("patient_refund");
      model::Finding f;
      f.rule = std::string(rules::rule_id::patient_refund_due);
      f.category = category.id;
      f.severity = model::FindingSeverity::warning;
      f.claim_id = account;
      f.payer_id = "patient";
      f.amount = balances.credit;
      f.message = fmt::format("Patient account {} has a credit of {} after its payments", account,
                              to_display_amount(balances.credit));
      f.action = std::string(config.action_text(category.action));
      plan.findings.push_back(std::move(f));
    }
  }
  return plan;
}

}  // namespace clearhouse::patient

