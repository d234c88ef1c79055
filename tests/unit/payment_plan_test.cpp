// Applying patient payments: to the named claim, else oldest visit first across the account;
// an overpayment leaves a credit and a "refund due" finding; the reference is the idempotency
// key; reversals take the money back from where it went; bad rows are rejected with their line.
#include "engine/patient/payment_plan.hpp"

#include <gtest/gtest.h>

#include "engine/rules/rule_ids.hpp"
#include "tests/support/patient_fixtures.hpp"

namespace clearhouse::patient {
namespace {

using model::Money;
using model::PatientPayment;
using model::ShareSource;

Money cents(std::int64_t c) { return Money::from_cents(c); }

const rules::RulesConfig& config() {
  static const rules::RulesConfig c = testing::patient_rules_config();
  return c;
}

// Account A: C1 (March, owes 46.00), C2 (April, owes 20.00), C3 (May, pending insurance).
// Account B: D1 (owes 10.00).
PaymentLedgerView ledger() {
  PaymentLedgerView v;
  v.accounts.push_back({"PA000000000001",
                        {{"C2", {2026, 4, 2}, cents(2000), false},
                         {"C1", {2026, 3, 1}, cents(4600), false},
                         {"C3", {2026, 5, 1}, Money{}, true}},
                        Money{}});
  v.accounts.push_back({"PA000000000002", {{"D1", {2026, 3, 1}, cents(1000), false}}, Money{}});
  return v;
}

PatientPayment pay(int line, const std::string& claim, std::int64_t amount, const std::string& reference,
                   const std::string& account = {}) {
  PatientPayment p;
  p.line = line;
  p.date = {2026, 6, 1};
  p.claim_id = claim;
  p.account = account;
  p.amount = cents(amount);
  p.method = model::PaymentMethod::check;
  p.reference = reference;
  return p;
}

TEST(PaymentPlan, PartialPaymentToItsClaim) {
  const std::vector<PatientPayment> payments = {pay(2, "C1", 3000, "CHK1")};
  const auto plan = plan_patient_payments(ledger(), payments, config());
  ASSERT_EQ(plan.decisions.size(), 1u);
  const auto& d = plan.decisions[0];
  EXPECT_EQ(d.outcome, PaymentOutcome::applied);
  EXPECT_EQ(d.account_number, "PA000000000001");
  ASSERT_EQ(d.applications.size(), 1u);
  EXPECT_EQ(d.applications[0], (Application{"C1", cents(3000)}));
  ASSERT_EQ(d.entries.size(), 1u);
  EXPECT_EQ(d.entries[0].source, ShareSource::payment);
  EXPECT_EQ(d.entries[0].amount, cents(-3000));
  EXPECT_EQ(d.entries[0].reference, "CHK1");
  EXPECT_TRUE(plan.findings.empty());
  EXPECT_EQ(plan.applied, 1);
}

TEST(PaymentPlan, NoClaimPaysTheAccountOldestVisitFirst) {
  const std::vector<PatientPayment> payments = {pay(2, "", 5000, "CASH7", "PA000000000001")};
  const auto plan = plan_patient_payments(ledger(), payments, config());
  const auto& d = plan.decisions[0];
  ASSERT_EQ(d.applications.size(), 2u);
  EXPECT_EQ(d.applications[0], (Application{"C1", cents(4600)}));  // March before April
  EXPECT_EQ(d.applications[1], (Application{"C2", cents(400)}));
  EXPECT_TRUE(plan.findings.empty());
}

TEST(PaymentPlan, ExcessOnAClaimGoesToTheAccountsOtherBalancesThenToACredit) {
  const std::vector<PatientPayment> payments = {pay(2, "C2", 10000, "CHK2")};
  const auto plan = plan_patient_payments(ledger(), payments, config());
  const auto& d = plan.decisions[0];
  ASSERT_EQ(d.applications.size(), 3u);
  EXPECT_EQ(d.applications[0], (Application{"C2", cents(2000)}));
  EXPECT_EQ(d.applications[1], (Application{"C1", cents(4600)}));
  EXPECT_EQ(d.applications[2], (Application{"", cents(3400)}));
  EXPECT_EQ(d.entries[2].claim_id, "");
  EXPECT_EQ(d.entries[2].amount, cents(-3400));
  ASSERT_EQ(plan.findings.size(), 1u);
  const auto& f = plan.findings[0];
  EXPECT_EQ(f.rule, rules::rule_id::patient_refund_due);
  EXPECT_EQ(f.category, "patient_refund");
  EXPECT_EQ(f.claim_id, "PA000000000001");
  EXPECT_EQ(f.amount, cents(3400));
  EXPECT_EQ(f.action, "Refund the patient");
  EXPECT_NE(f.message.find("34.00"), std::string::npos);
}

TEST(PaymentPlan, APaymentOnAClaimPendingInsuranceIsTakenInFull) {
  // A copay taken at the visit: no credit, no refund until the payer decides.
  const std::vector<PatientPayment> payments = {pay(2, "C3", 2500, "CARD9")};
  const auto plan = plan_patient_payments(ledger(), payments, config());
  ASSERT_EQ(plan.decisions[0].applications.size(), 1u);
  EXPECT_EQ(plan.decisions[0].applications[0], (Application{"C3", cents(2500)}));
  EXPECT_TRUE(plan.findings.empty());
}

TEST(PaymentPlan, TheSameReferenceTwiceChangesNothing) {
  const std::vector<PatientPayment> payments = {pay(2, "C1", 4600, "CHK1"), pay(3, "C1", 4600, "CHK1"),
                                                pay(4, "C1", 100, "CHK1")};
  const auto plan = plan_patient_payments(ledger(), payments, config());
  EXPECT_EQ(plan.applied, 1);
  EXPECT_EQ(plan.duplicates, 2);
  EXPECT_EQ(plan.decisions[1].outcome, PaymentOutcome::duplicate);
  EXPECT_TRUE(plan.decisions[1].entries.empty());
  EXPECT_EQ(plan.decisions[1].message, "");
  EXPECT_NE(plan.decisions[2].message.find("other values (line 2)"), std::string::npos);  // said, not applied
  EXPECT_TRUE(plan.decisions[2].entries.empty());
  EXPECT_TRUE(plan.findings.empty());  // the exact payment left no credit

  // Imported before (in the ledger): nothing again.
  auto view = ledger();
  view.payments.push_back({"CHK1", "PA000000000001", {{"C1", cents(4600)}}});
  const auto again = plan_patient_payments(view, std::span(payments.data(), 1), config());
  EXPECT_EQ(again.duplicates, 1);
  EXPECT_EQ(again.applied, 0);
  EXPECT_TRUE(again.decisions[0].entries.empty());
}

TEST(PaymentPlan, ReversalTakesTheMoneyBackCreditFirst) {
  const std::vector<PatientPayment> payments = {pay(2, "C2", 10000, "CHK2"), pay(3, "C2", -10000, "reverses:CHK2")};
  const auto plan = plan_patient_payments(ledger(), payments, config());
  ASSERT_EQ(plan.applied, 2);
  const auto& r = plan.decisions[1];
  ASSERT_EQ(r.applications.size(), 3u);
  EXPECT_EQ(r.applications[0], (Application{"", cents(-3400)}));
  EXPECT_EQ(r.applications[1], (Application{"C1", cents(-4600)}));
  EXPECT_EQ(r.applications[2], (Application{"C2", cents(-2000)}));
  EXPECT_EQ(r.entries[1].source, ShareSource::reversal);
  EXPECT_EQ(r.entries[1].amount, cents(4600));
  EXPECT_TRUE(plan.findings.empty());  // the credit is gone again: no refund due
}

TEST(PaymentPlan, PartialReversalOfAnEarlierImport) {
  auto view = ledger();
  view.payments.push_back({"CHK0", "PA000000000001", {{"C1", cents(4000)}}});
  const std::vector<PatientPayment> payments = {pay(2, "C1", -1500, "reverses:CHK0")};
  const auto plan = plan_patient_payments(view, payments, config());
  ASSERT_EQ(plan.applied, 1);
  EXPECT_EQ(plan.decisions[0].applications[0], (Application{"C1", cents(-1500)}));
}

TEST(PaymentPlan, RejectedRowsSayWhyAndTheOthersApply) {
  auto view = ledger();
  view.payments.push_back({"CHK0", "PA000000000002", {{"D1", cents(1000)}}});
  const std::vector<PatientPayment> payments = {
      pay(2, "NOPE", 1000, "A1"),                          // unknown claim
      pay(3, "", 1000, "A2"),                              // no claim, no account
      pay(4, "", 1000, "A3", "PA999"),                     // unknown account
      pay(5, "D1", 1000, "A4", "PA000000000001"),          // claim not on that account
      pay(6, "C1", -1000, "A5"),                           // negative, not a reversal
      pay(7, "C1", -1000, "reverses:NEVER"),               // reversal of an unknown payment
      pay(8, "C1", -1000, "reverses:CHK0"),                // reversal of another account's payment
      pay(9, "D1", -2000, "reverses:CHK0"),                // reversal of more than it paid
      pay(10, "C1", 0, "A9"),                              // zero
      pay(11, "C1", 1000, ""),                             // no reference
      pay(12, "C1", 1000, "reverses:CHK0b"),               // reversal reference on a payment
      pay(13, "C1", 1000, "GOOD"),
  };
  const auto plan = plan_patient_payments(view, payments, config());
  EXPECT_EQ(plan.rejected, 11);
  EXPECT_EQ(plan.applied, 1);
  const char* expected[] = {"unknown claim 'NOPE'",
                            "no claim and no account",
                            "unknown account 'PA999'",
                            "claim 'D1' is not on account 'PA000000000001'",
                            "a negative amount must be a reversal",
                            "reverses unknown payment 'NEVER'",
                            "reverses payment 'CHK0' of another account",
                            "reverses 20.00 but the original paid only 10.00",
                            "a payment of zero",
                            "no reference",
                            "a reversal's amount must be negative"};
  for (std::size_t i = 0; i < std::size(expected); ++i) {
    EXPECT_EQ(plan.decisions[i].outcome, PaymentOutcome::rejected) << i;
    EXPECT_NE(plan.decisions[i].message.find(expected[i]), std::string::npos) << plan.decisions[i].message;
    EXPECT_EQ(plan.decisions[i].payment.line, static_cast<int>(i) + 2);
    EXPECT_TRUE(plan.decisions[i].entries.empty());
  }
  EXPECT_EQ(plan.decisions.back().outcome, PaymentOutcome::applied);
}

TEST(PaymentPlan, RefundFindingCanBeSwitchedOff) {
  const auto off = testing::patient_rules_config(R"("patient.refund_due": {"enabled": false})");
  const std::vector<PatientPayment> payments = {pay(2, "D1", 5000, "CHK5")};
  EXPECT_TRUE(plan_patient_payments(ledger(), payments, off).findings.empty());
  EXPECT_EQ(plan_patient_payments(ledger(), payments, config()).findings.size(), 1u);
}

TEST(PaymentPlan, MoneyInEqualsMoneyApplied) {
  const std::vector<PatientPayment> payments = {pay(2, "", 12345, "X1", "PA000000000001"), pay(3, "D1", 999, "X2"),
                                                pay(4, "C3", 500, "X3")};
  const auto plan = plan_patient_payments(ledger(), payments, config());
  for (const auto& d : plan.decisions) {
    Money applied, entries;
    for (const auto& a : d.applications) applied += a.amount;
    for (const auto& e : d.entries) entries += e.amount;
    EXPECT_EQ(applied, d.payment.amount);
    EXPECT_EQ(entries, -d.payment.amount);
  }
}

}  // namespace
}  // namespace clearhouse::patient
