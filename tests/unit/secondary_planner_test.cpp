// The next payer's claim, decided without a database: which candidates are due, and the claim
// built for the next payer (engine/secondary/secondary_planner.hpp). Also the CAS codec the
// ledger keeps the payer's exact triples with (engine/ledger/adjustment_codec.hpp).
#include "engine/secondary/secondary_planner.hpp"

#include <gtest/gtest.h>

#include "engine/ledger/adjustment_codec.hpp"
#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::secondary {
namespace {

model::Adjustment cas(std::string_view group, std::string_view reason, std::int64_t cents,
                      std::optional<model::Decimal> quantity = std::nullopt) {
  model::Adjustment a;
  a.group_code = model::Code(group);
  a.group = model::adjustment_group_from_code(group);
  a.reason = model::Code(reason);
  a.amount = model::Money::from_cents(cents);
  a.quantity = quantity;
  return a;
}

model::Claim primary_claim() {
  model::Claim c;
  c.claim_id = "C1";
  c.total_charge = model::Money::from_cents(25000);
  c.place_of_service = "11";
  c.submitter = {"CLEARHOUSE BILLING", "SUBMITTER1", "EDI", "8005550100", ""};
  c.receiver = {"CLEARINGHOUSE", "CH1"};
  c.payer = {"MEDICARE", "00590", "MB", std::nullopt};
  c.subscriber.name.last = "DOE";
  c.subscriber.name.first = "JANE";
  c.subscriber.member_id = "M1";
  c.subscriber.payer_responsibility = "P";
  c.subscriber.birth_date = model::Date{1950, 1, 2};
  c.subscriber.gender = "F";
  c.diagnoses = {"J069"};
  for (int i = 1; i <= 2; ++i) {
    model::ServiceLine l;
    l.line_number = i;
    l.procedure_code = i == 1 ? "99213" : "85025";
    if (i == 1) l.modifiers = {"25"};
    l.charge = model::Money::from_cents(i == 1 ? 15000 : 10000);
    l.service_date = model::Date{2024, 5, 6};
    c.lines.push_back(l);
  }
  model::OtherCoverage gap;
  gap.payer = {"MEDIGAP PLAN", "MGAP1", "CI", std::nullopt};
  gap.subscriber.name.last = "DOE";
  gap.subscriber.name.first = "JANE";
  gap.subscriber.member_id = "G7";
  gap.subscriber.payer_responsibility = "S";
  c.other_coverage.push_back(gap);
  return c;
}

ledger::CoordinationPayment paid(std::int64_t id, std::string status = "1") {
  ledger::CoordinationPayment p;
  p.id = id;
  p.status_code = std::move(status);
  p.paid_cents = 16000;
  p.patient_responsibility_cents = 4000;
  p.payer_claim_control_number = "PCN" + std::to_string(id);
  p.adjustments = {cas("OA", "23", 0)};
  p.payment_date = "2024-06-01";
  ledger::CoordinationPayment::Line l1{1, "99213", "25", 15000, 10000, "", {cas("CO", "45", 2000), cas("PR", "2", 3000)}};
  ledger::CoordinationPayment::Line l2{2, "85025", "", 10000, 6000, "2", {cas("CO", "45", 3000), cas("PR", "3", 1000, model::Decimal{1, 0})}};
  p.lines = {l1, l2};
  return p;
}

Candidate candidate(std::vector<ledger::CoordinationPayment> payments, std::vector<ledger::CoordinationEvent> history = {},
                    std::vector<std::string> numbers = {}) {
  Candidate c;
  c.claim = primary_claim();
  c.row.claim.row_id = 10;
  c.row.claim.claim_id = "C1";
  c.row.claim.payer_id = "00590";
  c.row.claim.payer_name = "MEDICARE";
  c.row.claim.payer_level = "P";
  c.row.payments = std::move(payments);
  c.row.history = std::move(history);
  c.row.next_claim_numbers = std::move(numbers);
  if (c.row.next_claim_numbers.size() < c.row.history.size()) c.row.next_claim_numbers.resize(c.row.history.size());
  return c;
}

ledger::CoordinationEvent event(std::string name, std::int64_t payment, std::int64_t next_row = 0) {
  ledger::CoordinationEvent e;
  e.claim_row = 10;
  e.next_payer_id = "MGAP1";
  e.event = std::move(name);
  e.based_on_payment = payment;
  e.next_claim_row = next_row;
  return e;
}

TEST(SecondaryPlanner, ProcessedPrimaryIsSentWithItsAdjudicationLineByLine) {
  const auto plan = plan_claim(candidate({paid(5)}));
  ASSERT_EQ(plan.decision, Decision::send);
  EXPECT_EQ(plan.next_payer_id, "MGAP1");
  EXPECT_EQ(plan.next_level, "S");
  EXPECT_EQ(plan.based_on_payment, 5);
  ASSERT_TRUE(plan.next_claim);
  const auto& c = *plan.next_claim;
  EXPECT_EQ(c.payer.id, "MGAP1");
  EXPECT_EQ(c.subscriber.member_id, "G7");
  EXPECT_EQ(c.subscriber.payer_responsibility, "S");
  EXPECT_EQ(c.subscriber.birth_date, (model::Date{1950, 1, 2}));  // the patient is the subscriber: DMG kept
  EXPECT_EQ(c.frequency_code, "1");
  EXPECT_EQ(c.total_charge, model::Money::from_cents(25000));
  EXPECT_EQ(c.receiver.id, "CH1");  // a clearinghouse receiver stays
  ASSERT_EQ(c.other_coverage.size(), 1u);
  const auto& prior = c.other_coverage[0];
  EXPECT_EQ(prior.payer.id, "00590");
  EXPECT_EQ(prior.subscriber.member_id, "M1");
  EXPECT_EQ(prior.subscriber.payer_responsibility, "P");
  ASSERT_TRUE(prior.adjudication);
  EXPECT_EQ(prior.adjudication->paid, model::Money::from_cents(16000));  // AMT*D = CLP04
  EXPECT_EQ(prior.adjudication->remaining_patient_liability, model::Money::from_cents(4000));  // CLP05
  EXPECT_EQ(prior.adjudication->adjustments, std::vector<model::Adjustment>{cas("OA", "23", 0)});
  EXPECT_EQ(prior.adjudication->adjudication_date, (model::Date{2024, 6, 1}));
  EXPECT_EQ(prior.adjudication->payer_claim_number, "PCN5");
  ASSERT_EQ(c.lines.size(), 2u);
  const auto& a1 = c.lines[0].supplements->prior_adjudications;
  ASSERT_EQ(a1.size(), 1u);
  EXPECT_EQ(a1[0].payer_id, "00590");
  EXPECT_EQ(a1[0].paid, model::Money::from_cents(10000));
  EXPECT_EQ(a1[0].procedure_code, "99213");
  EXPECT_EQ(a1[0].modifiers, std::vector<std::string>{"25"});
  EXPECT_EQ(a1[0].paid_units, model::Decimal::from_integer(1));
  EXPECT_EQ(a1[0].adjustments, (std::vector<model::Adjustment>{cas("CO", "45", 2000), cas("PR", "2", 3000)}));
  const auto& a2 = c.lines[1].supplements->prior_adjudications;
  ASSERT_EQ(a2.size(), 1u);
  EXPECT_EQ(a2[0].paid_units, model::Decimal::from_integer(2));
  EXPECT_EQ(a2[0].adjustments[1].quantity, (model::Decimal{1, 0}));
  EXPECT_EQ(a2[0].adjudication_date, (model::Date{2024, 6, 1}));
  // The claim balances the way the guide checks it: CLM02 = AMT*D + 2320 CAS + 2430 CAS.
  model::Money sum = prior.adjudication->paid;
  for (const auto& a : prior.adjudication->adjustments) sum += a.amount;
  for (const auto& l : c.lines)
    for (const auto& a : l.supplements->prior_adjudications[0].adjustments) sum += a.amount;
  EXPECT_EQ(sum, model::Money::from_cents(25000));
}

TEST(SecondaryPlanner, DeniedPrimaryWithAPatientShareIsStillSentWithTheDenial) {
  auto p = paid(5, "4");
  p.paid_cents = 0;
  p.patient_responsibility_cents = 25000;
  EXPECT_EQ(plan_claim(candidate({p})).decision, Decision::send);
}

TEST(SecondaryPlanner, NothingLeftToThePatientIsNotBilledOnward) {
  auto p = paid(5);
  p.patient_responsibility_cents = 0;
  const auto plan = plan_claim(candidate({p}));
  EXPECT_EQ(plan.decision, Decision::nothing_owed);
  EXPECT_FALSE(plan.next_claim);
  EXPECT_NE(plan.message.find("CLP05 0"), std::string::npos) << plan.message;
  EXPECT_EQ(plan_claim(candidate({p}, {event("nothing_owed", 5)})).decision, Decision::nothing);
}

TEST(SecondaryPlanner, CrossoverIsNotSentAndRecordedOnce) {
  // 23: not its claim, sent on to another payer without adjudication: nothing to coordinate.
  for (const char* status : {"19", "20", "21", "23"}) {
    const auto plan = plan_claim(candidate({paid(5, status)}));
    EXPECT_EQ(plan.decision, Decision::forwarded) << status;
    EXPECT_FALSE(plan.next_claim);
    EXPECT_NE(plan.message.find("forwarded"), std::string::npos) << plan.message;
  }
  auto tt = paid(5, "1");
  tt.crossover_payer = "MEDIGAP PLAN";
  const auto plan = plan_claim(candidate({tt}));
  EXPECT_EQ(plan.decision, Decision::forwarded);
  EXPECT_NE(plan.message.find("MEDIGAP PLAN"), std::string::npos);
  EXPECT_EQ(plan_claim(candidate({paid(5, "19")}, {event("forwarded", 5)})).decision, Decision::nothing);
}

TEST(SecondaryPlanner, AlreadySentOnThisPaymentIsNothing) {
  EXPECT_EQ(plan_claim(candidate({paid(5)}, {event("sent", 5, 20)})).decision, Decision::nothing);
}

TEST(SecondaryPlanner, ReversedAndNotCorrectedWaits) {
  auto original = paid(5);
  original.reversed_by = 6;
  auto reversal = paid(6, "22");
  reversal.reversal = true;
  const auto plan = plan_claim(candidate({original, reversal}));
  EXPECT_EQ(plan.decision, Decision::waiting_reversed);
  EXPECT_FALSE(plan.next_claim);
  EXPECT_EQ(plan_claim(candidate({original, reversal}, {event("waiting_reversed", 6)})).decision, Decision::nothing);
}

TEST(SecondaryPlanner, CorrectedPaymentAfterSendingIsAReplacementWithTheNextPayersNumber) {
  auto original = paid(5);
  original.reversed_by = 6;
  auto reversal = paid(6, "22");
  reversal.reversal = true;
  auto corrected = paid(7);
  corrected.paid_cents = 17000;
  const auto plan = plan_claim(candidate({original, reversal, corrected}, {event("sent", 5, 20)}, {"GAP-CLAIM-9"}));
  ASSERT_EQ(plan.decision, Decision::replace);
  ASSERT_TRUE(plan.next_claim);
  EXPECT_EQ(plan.next_claim->frequency_code, "7");
  EXPECT_EQ(plan.next_claim->original_claim_number, "GAP-CLAIM-9");
  EXPECT_EQ(plan.next_claim->other_coverage[0].adjudication->paid, model::Money::from_cents(17000));
  EXPECT_EQ(plan.based_on_payment, 7);
}

TEST(SecondaryPlanner, ReplacementWithoutTheNextPayersNumberWaitsUntilItIsKnown) {
  auto original = paid(5);
  original.reversed_by = 6;
  auto reversal = paid(6, "22");
  reversal.reversal = true;
  const auto plan = plan_claim(candidate({original, reversal, paid(7)}, {event("sent", 5, 20)}));
  EXPECT_EQ(plan.decision, Decision::waiting_claim_number);
  EXPECT_FALSE(plan.next_claim);
  const auto again =
      plan_claim(candidate({original, reversal, paid(7)}, {event("sent", 5, 20), event("waiting_claim_number", 7)}));
  EXPECT_EQ(again.decision, Decision::nothing);
  const auto known = plan_claim(
      candidate({original, reversal, paid(7)}, {event("sent", 5, 20), event("waiting_claim_number", 7)}, {"N1", ""}));
  EXPECT_EQ(known.decision, Decision::replace);
}

TEST(SecondaryPlanner, TertiaryFollowsTheSecondaryWithBothAdjudications) {
  auto c = candidate({paid(5)});
  model::OtherCoverage medicaid;
  medicaid.payer = {"MEDICAID", "MCD1", "MC", std::nullopt};
  medicaid.subscriber.member_id = "MCD-9";
  medicaid.subscriber.payer_responsibility = "T";
  c.claim.other_coverage.push_back(medicaid);
  const auto secondary = plan_claim(c);
  ASSERT_EQ(secondary.decision, Decision::send);
  // The secondary's claim names the primary with adjudication, then Medicaid without.
  const auto& sc = *secondary.next_claim;
  ASSERT_EQ(sc.other_coverage.size(), 2u);
  EXPECT_TRUE(sc.other_coverage[0].adjudication);
  EXPECT_FALSE(sc.other_coverage[1].adjudication);
  EXPECT_EQ(sc.other_coverage[1].payer.id, "MCD1");

  // Its payment in turn makes the tertiary claim.
  Candidate second;
  second.claim = sc;
  second.row.claim.row_id = 20;
  second.row.claim.claim_id = "C1";
  second.row.claim.payer_id = "MGAP1";
  second.row.claim.payer_name = "MEDIGAP PLAN";
  second.row.claim.payer_level = "S";
  auto gap_paid = paid(8, "2");
  gap_paid.paid_cents = 3000;
  second.row.payments = {gap_paid};
  const auto tertiary = plan_claim(second);
  ASSERT_EQ(tertiary.decision, Decision::send);
  EXPECT_EQ(tertiary.next_level, "T");
  const auto& tc = *tertiary.next_claim;
  EXPECT_EQ(tc.payer.id, "MCD1");
  ASSERT_EQ(tc.other_coverage.size(), 2u);
  EXPECT_EQ(tc.other_coverage[0].payer.id, "00590");
  EXPECT_EQ(tc.other_coverage[1].payer.id, "MGAP1");
  EXPECT_EQ(tc.other_coverage[1].subscriber.payer_responsibility, "S");
  EXPECT_EQ(tc.other_coverage[1].adjudication->paid, model::Money::from_cents(3000));
  EXPECT_EQ(tc.lines[0].supplements->prior_adjudications.size(), 2u);
  // Nothing after the tertiary.
  Candidate third;
  third.claim = tc;
  third.row.payments = {paid(9, "3")};
  EXPECT_EQ(plan_claim(third).decision, Decision::no_next_payer);
}

TEST(SecondaryPlanner, DependentOfTheNextSubscriberGetsThePatientLoop) {
  auto c = candidate({paid(5)});
  c.claim.other_coverage[0].relationship = "01";  // spouse's plan
  c.claim.other_coverage[0].subscriber.name.first = "JOHN";
  const auto plan = plan_claim(c);
  ASSERT_TRUE(plan.next_claim);
  EXPECT_EQ(plan.next_claim->patient.relationship, "01");
  EXPECT_EQ(plan.next_claim->patient.name.first, "JANE");
  EXPECT_EQ(plan.next_claim->patient.birth_date, (model::Date{1950, 1, 2}));
  // And the primary, now an other payer, says the patient was its subscriber.
  EXPECT_EQ(plan.next_claim->other_coverage[0].relationship, "18");
}

TEST(AdjustmentCodec, RoundTripsTheTriplesExactly) {
  const std::vector<model::Adjustment> list = {cas("CO", "45", 1200), cas("PR", "2", -500, model::Decimal{15, 1}),
                                               cas("OA", "A1", 0), cas("ZZ", "X", 1)};
  const auto text = ledger::encode_adjustments(list);
  EXPECT_EQ(text, "CO,45,1200,;PR,2,-500,1.5;OA,A1,0,;ZZ,X,1,");
  EXPECT_EQ(ledger::decode_adjustments(text), list);
  EXPECT_TRUE(ledger::decode_adjustments("").empty());
  EXPECT_THROW(ledger::decode_adjustments("CO,45"), ledger::LedgerError);
  EXPECT_THROW(ledger::decode_adjustments("CO,45,12x,"), ledger::LedgerError);
}

}  // namespace
}  // namespace clearhouse::secondary
