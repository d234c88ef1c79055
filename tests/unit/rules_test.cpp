// Every rule of the pipeline with a positive and a negative case, built from model structs
// (no database, no X12), against the test-owned configuration of tests/support/rules_fixtures.
#include <gtest/gtest.h>

#include <algorithm>

#include "engine/rules/adjustment_category.hpp"
#include "engine/rules/fee_schedule.hpp"
#include "engine/rules/pipeline.hpp"
#include "engine/rules/rule.hpp"
#include "engine/rules/rule_ids.hpp"
#include "tests/support/rules_fixtures.hpp"

namespace clearhouse::rules {
namespace {

using testing::adj;
using testing::clp;
using testing::posting_of;
using testing::submitted_of;
using testing::svc;

const RulesConfig& config() {
  static const RulesConfig c = testing::test_rules_config();
  return c;
}

// One claim payment in hand, with its posting and submitted claim, ready to run a rule on.
struct Case {
  model::ClaimPayment payment;
  model::Posting posting;
  ledger::ClaimRecord submitted;
  std::vector<model::Posting> history;
  std::vector<model::Finding> posting_findings;
  FeeSchedule fees;
  bool matched = true;
  model::Date today{2024, 6, 1};

  explicit Case(model::ClaimPayment p) : payment(std::move(p)), posting(posting_of(payment)), submitted(submitted_of(payment)) {
    history.push_back(posting);
  }
  ClaimContext context() const {
    ClaimContext ctx;
    ctx.payment = &payment;
    ctx.posting = &posting;
    ctx.submitted = matched ? &submitted : nullptr;
    ctx.history = history;
    ctx.posting_findings = posting_findings;
    ctx.payer_id = "PAYER1";
    ctx.trace_number = "TRACE1";
    ctx.remittance_date = model::Date{2024, 4, 1};
    return ctx;
  }
  // The findings of one rule id (several ids share one rule function).
  Findings run(RuleFn rule, std::string_view only = {}) const {
    Findings all;
    RuleEnvironment env{config(), &fees, today};
    rule(context(), env, all);
    if (only.empty()) return all;
    Findings out;
    for (auto& f : all)
      if (f.rule == only) out.push_back(std::move(f));
    return out;
  }
};

// ---- denial.claim ---------------------------------------------------------------------------

TEST(DeniedClaimRule, DeniedClaimIsCategorisedByItsLargestReason) {
  Case c(clp("C1", "4", {svc("99213", 15000, 0, {adj("CO", "197", 15000)}), svc("36415", 2000, 0, {adj("CO", "16", 2000)})}));
  const auto f = c.run(denial_rule, rule_id::denied_claim);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, rule_id::denied_claim);
  EXPECT_EQ(f[0].category, "authorization");
  EXPECT_EQ(f[0].claim_id, "C1");
  EXPECT_EQ(f[0].line_number, 0);
  EXPECT_EQ(f[0].amount.cents(), 17000);
  EXPECT_EQ(f[0].action, "obtain_auth");
  EXPECT_EQ(f[0].carc, (std::vector<std::string>{"197", "16"}));
  EXPECT_NE(f[0].message.find("170.00"), std::string::npos) << f[0].message;
}

TEST(DeniedClaimRule, PatientShareIsNotAtStake) {
  Case c(clp("C1", "4", {svc("99213", 10000, 0, {adj("CO", "27", 8000), adj("PR", "1", 2000)})}));
  const auto f = c.run(denial_rule, rule_id::denied_claim);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, "eligibility");
  EXPECT_EQ(f[0].amount.cents(), 8000);
}

TEST(DeniedClaimRule, PaidClaimIsNotADenial) {
  Case c(clp("C1", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}));
  EXPECT_TRUE(c.run(denial_rule, rule_id::denied_claim).empty());
}

// ---- denial.line ----------------------------------------------------------------------------

TEST(DeniedLineRule, UnpaidLineWithNonContractualAdjustment) {
  Case c(clp("C2", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)}),
                         svc("97110", 5000, 0, {adj("CO", "97", 5000)})}));
  const auto f = c.run(denial_rule, rule_id::denied_line);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].line_number, 2);
  EXPECT_EQ(f[0].line_control_number, "C2-2");
  EXPECT_EQ(f[0].category, "coding");
  EXPECT_EQ(f[0].amount.cents(), 5000);
  EXPECT_EQ(f[0].carc, std::vector<std::string>{"97"});
}

TEST(DeniedLineRule, PiAndOaCountAsDenialsToo) {
  Case c(clp("C2", "1", {svc("99213", 10000, 10000, {}), svc("97110", 5000, 0, {adj("PI", "50", 5000)}),
                         svc("97112", 4000, 0, {adj("OA", "18", 4000)})}));
  const auto f = c.run(denial_rule, rule_id::denied_line);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].category, "medical_necessity");
  EXPECT_EQ(f[1].category, "duplicate");
}

TEST(DeniedLineRule, LineGoingToTheDeductibleIsNotDenied) {
  Case c(clp("C2", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)}),
                         svc("97110", 5000, 0, {adj("PR", "1", 4000), adj("CO", "45", 1000)})}));
  EXPECT_TRUE(c.run(denial_rule, rule_id::denied_line).empty());
}

TEST(DeniedLineRule, LinesOfADeniedClaimAreLeftToTheClaimRule) {
  Case c(clp("C2", "4", {svc("97110", 5000, 0, {adj("CO", "97", 5000)})}));
  EXPECT_TRUE(c.run(denial_rule, rule_id::denied_line).empty());
}

// ---- categories from CARC (+RARC) -----------------------------------------------------------

struct CategoryCase {
  std::string group, carc;
  std::vector<std::string> rarcs;
  std::string category;
  bool denial;
};

class AdjustmentCategoryTest : public ::testing::TestWithParam<CategoryCase> {};

TEST_P(AdjustmentCategoryTest, Classifies) {
  const auto& p = GetParam();
  const auto c = classify_adjustment(adj(p.group, p.carc, 100), p.rarcs, {}, config());
  EXPECT_EQ(c.category, p.category) << p.group << "-" << p.carc;
  EXPECT_EQ(c.denial, p.denial) << p.group << "-" << p.carc;
}

INSTANTIATE_TEST_SUITE_P(
    Categories, AdjustmentCategoryTest,
    ::testing::Values(
        CategoryCase{"CO", "16", {"N290"}, "missing_information", true},
        CategoryCase{"CO", "16", {}, "missing_information", true},
        CategoryCase{"CO", "16", {"M62"}, "authorization", true},  // the RARC refines a generic CARC
        CategoryCase{"CO", "15", {}, "authorization", true}, CategoryCase{"CO", "197", {}, "authorization", true},
        CategoryCase{"CO", "198", {}, "authorization", true}, CategoryCase{"CO", "26", {}, "eligibility", true},
        CategoryCase{"CO", "27", {}, "eligibility", true}, CategoryCase{"CO", "31", {}, "eligibility", true},
        CategoryCase{"CO", "29", {}, "timely_filing", true}, CategoryCase{"CO", "50", {}, "medical_necessity", true},
        CategoryCase{"CO", "55", {}, "medical_necessity", true}, CategoryCase{"CO", "56", {}, "medical_necessity", true},
        CategoryCase{"CO", "4", {}, "coding", true}, CategoryCase{"CO", "5", {}, "coding", true},
        CategoryCase{"CO", "6", {}, "coding", true}, CategoryCase{"CO", "11", {}, "coding", true},
        CategoryCase{"CO", "97", {}, "coding", true}, CategoryCase{"CO", "236", {}, "coding", true},
        CategoryCase{"OA", "18", {}, "duplicate", true}, CategoryCase{"CO", "96", {}, "non_covered", true},
        CategoryCase{"CO", "96", {"N30"}, "eligibility", true}, CategoryCase{"CO", "204", {}, "non_covered", true},
        CategoryCase{"CO", "22", {}, "coordination_of_benefits", true},
        CategoryCase{"OA", "23", {}, "coordination_of_benefits", false},  // prior payer impact: expected
        CategoryCase{"CO", "109", {}, "coordination_of_benefits", true},
        CategoryCase{"CO", "45", {}, "contractual", false}, CategoryCase{"CO", "253", {}, "contractual", false},
        CategoryCase{"PR", "1", {}, "patient_responsibility", false},
        CategoryCase{"PR", "204", {}, "patient_responsibility", false},  // the patient's to pay
        CategoryCase{"CO", "Z99", {}, "other", true},                     // default bucket
        CategoryCase{"CO", "999", {"N30"}, "eligibility", true}));        // unknown CARC, known RARC

TEST(AdjustmentCategory, RemarkCodesTakeAppealRightsAway) {
  std::vector<std::string> none, ma130 = {"MA130"}, n211 = {"N211"};
  EXPECT_TRUE(classify_adjustment(adj("CO", "97", 1), none, {}, config()).appealable);
  EXPECT_FALSE(classify_adjustment(adj("CO", "97", 1), n211, {}, config()).appealable);
  EXPECT_FALSE(classify_adjustment(adj("CO", "16", 1), {}, ma130, config()).appealable);
}

// ---- denial.partial -------------------------------------------------------------------------

TEST(PartialDenialRule, PaidLineWithABundlingCut) {
  Case c(clp("C3", "1", {svc("99214", 20000, 12000, {adj("CO", "45", 3000), adj("CO", "97", 5000)})}));
  const auto f = c.run(denial_rule, rule_id::partial_denial);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].line_number, 1);
  EXPECT_EQ(f[0].category, "coding");
  EXPECT_EQ(f[0].amount.cents(), 5000);
}

TEST(PartialDenialRule, ContractualAndPatientShareOnlyIsClean) {
  Case c(clp("C3", "1", {svc("99214", 20000, 12000, {adj("CO", "45", 3000), adj("PR", "2", 5000)})}));
  EXPECT_TRUE(c.run(denial_rule, rule_id::partial_denial).empty());
}

TEST(PartialDenialRule, BelowTheMinimumIsIgnored) {
  Case c(clp("C3", "1", {svc("99214", 20000, 19950, {adj("CO", "97", 50)})}));
  EXPECT_TRUE(c.run(denial_rule, rule_id::partial_denial).empty());
}

// ---- payment.underpaid / payment.overpaid / payment.allowed_below_schedule ------------------

Case fee_case(std::int64_t paid, std::int64_t patient, std::int64_t allowed_in_schedule) {
  const std::int64_t billed = 20000;
  std::vector<model::Adjustment> adjustments = {adj("CO", "45", billed - paid - patient)};
  if (patient > 0) adjustments.push_back(adj("PR", "2", patient));
  Case c(clp("C4", "1", {svc("99214", billed, paid, adjustments, {}, "25")}));
  c.fees.add({"PAYER1", "99214", "25", allowed_in_schedule});
  return c;
}

TEST(UnderpaymentRule, PaidLessThanScheduleLessPatientShare) {
  const auto f = fee_case(9000, 2000, 12000).run(fee_schedule_rule, rule_id::underpaid);  // expected 10000
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, "underpayment");
  EXPECT_EQ(f[0].amount.cents(), 1000);
  EXPECT_EQ(f[0].line_number, 1);
}

TEST(UnderpaymentRule, WithinToleranceOrNoScheduleIsQuiet) {
  EXPECT_TRUE(fee_case(9850, 2000, 12000).run(fee_schedule_rule, rule_id::underpaid).empty());  // 1.50 short < max(1.00, 2%=2.00)
  EXPECT_TRUE(fee_case(10000, 2000, 12000).run(fee_schedule_rule, rule_id::underpaid).empty());
  auto c = fee_case(5000, 0, 12000);
  c.fees = FeeSchedule{};
  EXPECT_TRUE(c.run(fee_schedule_rule, rule_id::underpaid).empty());
}

TEST(UnderpaymentRule, SecondaryPaymentsAreNotCompared) {
  auto c = fee_case(5000, 0, 12000);
  c.payment.status_code = "2";
  EXPECT_TRUE(c.run(fee_schedule_rule, rule_id::underpaid).empty());
}

TEST(OverpaymentRule, PaidMoreThanSchedule) {
  const auto f = fee_case(14000, 0, 12000).run(fee_schedule_rule, rule_id::overpaid);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, "overpayment");
  EXPECT_EQ(f[0].amount.cents(), 2000);
}

TEST(OverpaymentRule, PaidAsScheduledIsQuiet) {
  EXPECT_TRUE(fee_case(12000, 0, 12000).run(fee_schedule_rule, rule_id::overpaid).empty());
  EXPECT_TRUE(fee_case(9000, 2000, 12000).run(fee_schedule_rule, rule_id::overpaid).empty());
}

TEST(AllowedBelowScheduleRule, PayerAllowedLessThanSchedule) {
  auto c = fee_case(10000, 0, 12000);
  c.payment.lines[0].allowed = model::Money::from_cents(10000);
  const auto f = c.run(fee_schedule_rule, rule_id::allowed_below_schedule);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, rule_id::allowed_below_schedule);
  EXPECT_EQ(f[0].amount.cents(), 2000);
}

TEST(AllowedBelowScheduleRule, AllowedAtScheduleOrAbsentIsQuiet) {
  auto c = fee_case(12000, 0, 12000);
  EXPECT_TRUE(c.run(fee_schedule_rule, rule_id::allowed_below_schedule).empty());  // no AMT*B6
  c.payment.lines[0].allowed = model::Money::from_cents(12000);
  EXPECT_TRUE(c.run(fee_schedule_rule, rule_id::allowed_below_schedule).empty());
}

// ---- billed.claim_mismatch / billed.line_mismatch -------------------------------------------

TEST(BilledMismatchRule, ClaimChargeDiffersFromSubmittedTotal) {
  Case c(clp("C5", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}));
  c.submitted.billed_cents = 12000;
  const auto f = c.run(billed_mismatch_rule, rule_id::billed_claim_mismatch);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, "billed_mismatch");
  EXPECT_EQ(f[0].amount.cents(), 2000);
  EXPECT_TRUE(c.run(billed_mismatch_rule, rule_id::billed_line_mismatch).empty());
}

TEST(BilledMismatchRule, LineChargeDiffersFromSubmittedLine) {
  Case c(clp("C5", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)}), svc("36415", 1500, 1500, {})}));
  c.submitted.lines[1].charge_cents = 2500;
  const auto f = c.run(billed_mismatch_rule, rule_id::billed_line_mismatch);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].line_number, 2);
  EXPECT_EQ(f[0].amount.cents(), 1000);
}

TEST(BilledMismatchRule, MatchingChargesAndReversalsAreQuiet) {
  Case c(clp("C5", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}));
  EXPECT_TRUE(c.run(billed_mismatch_rule, rule_id::billed_claim_mismatch).empty());
  EXPECT_TRUE(c.run(billed_mismatch_rule, rule_id::billed_line_mismatch).empty());
  Case r(clp("C5", "22", {svc("99213", -10000, -8000, {adj("CO", "45", -2000)})}));  // negated amounts
  r.submitted.billed_cents = 10000;
  r.submitted.lines[0].charge_cents = 10000;
  EXPECT_TRUE(r.run(billed_mismatch_rule, rule_id::billed_claim_mismatch).empty());
  EXPECT_TRUE(r.run(billed_mismatch_rule, rule_id::billed_line_mismatch).empty());
}

// ---- posting.unmatched / posting.unbalanced -------------------------------------------------

TEST(UnmatchedClaimRule, PaymentForAClaimNeverSubmitted) {
  Case c(clp("NOPE", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}));
  c.posting.matched = false;
  c.matched = false;
  const auto f = c.run(unmatched_claim_rule);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, "unmatched");
  EXPECT_EQ(f[0].amount.cents(), 8000);
}

TEST(UnmatchedClaimRule, MatchedPaymentIsQuiet) {
  Case c(clp("C6", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}));
  EXPECT_TRUE(c.run(unmatched_claim_rule).empty());
}

TEST(UnbalancedRule, PostingsBalancingFindingsAreRoutedThrough) {
  Case c(clp("C7", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 1999)})}));
  model::Finding b;
  b.rule = "balance.line";
  b.category = std::string(model::finding_category::unbalanced);
  b.claim_id = "C7";
  b.line_number = 1;
  b.amount = model::Money::from_cents(-1);
  b.message = "off by a cent";
  c.posting_findings = {b};
  const auto f = c.run(unbalanced_rule);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].rule, "balance.line");
  EXPECT_EQ(f[0].category, "unbalanced");
  EXPECT_EQ(f[0].amount.cents(), 1);
  EXPECT_EQ(f[0].action, "contact_payer");
}

TEST(UnbalancedRule, OtherPostingFindingsAreNotUnbalanced) {
  Case c(clp("C7", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}));
  model::Finding m;
  m.rule = "read.invalid_value";
  m.category = std::string(model::finding_category::malformed);
  c.posting_findings = {m};
  EXPECT_TRUE(c.run(unbalanced_rule).empty());
}

// ---- remittance.missing ---------------------------------------------------------------------

TEST(MissingRemittanceRule, NoRemittanceAfterThirtyDaysIsAgedIntoABucket) {
  ledger::ClaimRecord claim;
  claim.claim_id = "C8";
  claim.payer_id = "PAYER1";
  claim.billed_cents = 30000;
  ClaimContext ctx;
  ctx.submitted = &claim;
  ctx.payer_id = "PAYER1";
  ctx.submitted_on = model::Date{2024, 1, 1};
  Findings out;
  missing_remittance_rule(ctx, RuleEnvironment{config(), nullptr, model::Date{2024, 3, 15}}, out);  // 74 days
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].category, "missing_remittance");
  EXPECT_EQ(out[0].claim_id, "C8");
  EXPECT_EQ(out[0].amount.cents(), 30000);
  EXPECT_NE(out[0].message.find("61-90"), std::string::npos) << out[0].message;
}

TEST(MissingRemittanceRule, YoungClaimsAndClaimsWithARemittanceAreQuiet) {
  ledger::ClaimRecord claim;
  claim.claim_id = "C8";
  ClaimContext ctx;
  ctx.submitted = &claim;
  ctx.submitted_on = model::Date{2024, 1, 1};
  Findings out;
  missing_remittance_rule(ctx, RuleEnvironment{config(), nullptr, model::Date{2024, 1, 31}}, out);  // day 30
  EXPECT_TRUE(out.empty());
  std::vector<model::Posting> history(1);
  ctx.history = history;
  missing_remittance_rule(ctx, RuleEnvironment{config(), nullptr, model::Date{2024, 6, 1}}, out);
  EXPECT_TRUE(out.empty());
}

// ---- payment.duplicate ----------------------------------------------------------------------

TEST(DuplicatePaymentRule, TwoStandingPrimaryPayments) {
  Case c(clp("C9", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}));
  auto second = c.posting;
  second.id = 2;
  c.history = {c.posting, second};
  const auto f = c.run(duplicate_payment_rule);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, "duplicate_payment");
  EXPECT_EQ(f[0].amount.cents(), 8000);
}

TEST(DuplicatePaymentRule, ReversedPaymentOrSecondaryPayerIsNotADuplicate) {
  Case c(clp("C9", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}));
  auto reversal = c.posting;
  reversal.id = 2;
  reversal.reversal = true;
  reversal.status_code = "22";
  reversal.reverses = 1;
  reversal.paid = -reversal.paid;
  auto correction = c.posting;
  correction.id = 3;
  c.history = {c.posting, reversal, correction};
  EXPECT_TRUE(c.run(duplicate_payment_rule).empty());
  auto secondary = c.posting;
  secondary.id = 4;
  secondary.status_code = "2";
  c.history = {c.posting, secondary};
  EXPECT_TRUE(c.run(duplicate_payment_rule).empty());
}

// ---- reversal.uncorrected -------------------------------------------------------------------

TEST(UncorrectedReversalRule, LatestPostingIsAReversal) {
  Case c(clp("C10", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}));
  auto reversal = c.posting;
  reversal.id = 2;
  reversal.reversal = true;
  reversal.status_code = "22";
  reversal.paid = model::Money::from_cents(-8000);
  c.history = {c.posting, reversal};
  const auto f = c.run(uncorrected_reversal_rule);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, "reversal");
  EXPECT_EQ(f[0].amount.cents(), 8000);
}

TEST(UncorrectedReversalRule, CorrectionAfterTheReversalOrWithinGraceIsQuiet) {
  Case c(clp("C10", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}));
  auto reversal = c.posting;
  reversal.reversal = true;
  reversal.status_code = "22";
  c.history = {c.posting, reversal, c.posting};
  EXPECT_TRUE(c.run(uncorrected_reversal_rule).empty());

  const RulesConfig graceful = testing::test_rules_config_with(R"("reversal.uncorrected": {"grace_days": 14})");
  c.history = {c.posting, reversal};
  ClaimContext ctx = c.context();
  ctx.latest_posting_on = model::Date{2024, 5, 25};
  Findings out;
  uncorrected_reversal_rule(ctx, RuleEnvironment{graceful, nullptr, model::Date{2024, 6, 1}}, out);  // 7 days
  EXPECT_TRUE(out.empty());
  uncorrected_reversal_rule(ctx, RuleEnvironment{graceful, nullptr, model::Date{2024, 6, 20}}, out);  // 26 days
  EXPECT_EQ(out.size(), 1u);
}

// ---- patient.responsibility -----------------------------------------------------------------

TEST(PatientResponsibilityRule, PatientShareWithItsSplit) {
  Case c(clp("C11", "1", {svc("99213", 10000, 5000, {adj("CO", "45", 2000), adj("PR", "1", 2000), adj("PR", "3", 1000)})}));
  const auto f = c.run(patient_responsibility_rule);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].category, "patient_responsibility");
  EXPECT_EQ(f[0].amount.cents(), 3000);
  EXPECT_EQ(f[0].action, "bill_patient");
  EXPECT_NE(f[0].message.find("deductible 20.00"), std::string::npos) << f[0].message;
  EXPECT_NE(f[0].message.find("copay 10.00"), std::string::npos) << f[0].message;
}

TEST(PatientResponsibilityRule, NothingOwedIsQuiet) {
  Case c(clp("C11", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}));
  EXPECT_TRUE(c.run(patient_responsibility_rule).empty());
}

// ---- codes.unknown --------------------------------------------------------------------------

TEST(UnknownCodesRule, UnknownAndRetiredCodesAreWarningsWithTheRawCode) {
  Case c(clp("C12", "1", {svc("99213", 10000, 7000, {adj("CO", "X9", 2000), adj("CO", "42", 1000)}, {"N9999"})}));
  const auto f = c.run(unknown_codes_rule);
  ASSERT_EQ(f.size(), 3u);
  for (const auto& x : f) {
    EXPECT_EQ(x.category, "unknown_code");
    EXPECT_EQ(x.severity, model::FindingSeverity::warning);
  }
  EXPECT_EQ(f[0].carc, std::vector<std::string>{"X9"});
  EXPECT_NE(f[1].message.find("retired"), std::string::npos);
  EXPECT_EQ(f[2].rarc, std::vector<std::string>{"N9999"});
}

TEST(UnknownCodesRule, KnownCodesAreQuiet) {
  Case c(clp("C12", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)}, {"N290"})}));
  EXPECT_TRUE(c.run(unknown_codes_rule).empty());
}

// ---- the pipeline ---------------------------------------------------------------------------

TEST(DenialRule, EachIdHasItsOwnSwitch) {
  Case c(clp("C2", "1", {svc("99213", 10000, 7000, {adj("CO", "97", 3000)}), svc("97110", 5000, 0, {adj("CO", "97", 5000)})}));
  EXPECT_EQ(c.run(denial_rule).size(), 2u);
  const RulesConfig no_lines = testing::test_rules_config_with(R"("denial.line": {"enabled": false})");
  Findings out;
  denial_rule(c.context(), RuleEnvironment{no_lines, nullptr, c.today}, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].rule, rule_id::partial_denial);
}

TEST(Pipeline, RunsEnabledRulesAtTheirStage) {
  Case c(clp("C13", "4", {svc("99213", 10000, 0, {adj("CO", "29", 10000)})}));
  Pipeline pipeline(config());
  Findings out;
  pipeline.after_post(c.context(), RuleEnvironment{config(), nullptr, c.today}, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].category, "timely_filing");

  const RulesConfig off = testing::test_rules_config_with(R"("denial.claim": {"enabled": false})");
  Pipeline quiet(off);
  out.clear();
  quiet.after_post(c.context(), RuleEnvironment{off, nullptr, c.today}, out);
  EXPECT_TRUE(out.empty());
  // The sweep does not repeat payment rules.
  pipeline.sweep(c.context(), RuleEnvironment{config(), nullptr, c.today}, out);
  EXPECT_TRUE(out.empty());
}

TEST(Pipeline, CleanPaidClaimHasNoFindings) {
  Case c(clp("C14", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)}), svc("36415", 1500, 1200, {adj("CO", "45", 300)})}));
  c.fees.add({"PAYER1", "99213", "", 8000});
  c.fees.add({"PAYER1", "36415", "", 1200});
  Pipeline pipeline(config());
  Findings out;
  pipeline.after_post(c.context(), RuleEnvironment{config(), &c.fees, c.today}, out);
  for (const auto& f : out) ADD_FAILURE() << f.rule << ": " << f.message;
}

}  // namespace
}  // namespace clearhouse::rules
