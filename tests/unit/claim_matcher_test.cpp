#include "engine/reconcile/claim_matcher.hpp"

#include <gtest/gtest.h>

namespace clearhouse::reconcile {
namespace {

using model::Money;

ledger::ClaimRecord submitted(std::int64_t row, std::string id, std::string payer) {
  ledger::ClaimRecord c;
  c.row_id = row;
  c.claim_id = std::move(id);
  c.payer_id = std::move(payer);
  c.lines.push_back({row * 10 + 1, 1, "LCN-1", "99213", "25:59", 10000, "1", "UN", "2024-03-01"});
  c.lines.push_back({row * 10 + 2, 2, "LCN-2", "99213", "", 10000, "1", "UN", "2024-03-01"});
  c.lines.push_back({row * 10 + 3, 3, "LCN-3", "81002", "", 5000, "1", "UN", "2024-03-02"});
  return c;
}

model::LinePayment line(std::string code, std::vector<model::Code> modifiers, std::int64_t billed,
                        std::string lcn = {}, std::string date = "20240301") {
  model::LinePayment l;
  l.procedure.qualifier = "HC";
  l.procedure.code = std::move(code);
  l.procedure.modifiers = std::move(modifiers);
  l.billed = Money::from_cents(billed);
  l.line_control_number = std::move(lcn);
  if (!date.empty()) l.service_date = *model::Date::parse_ccyymmdd(date);
  return l;
}

TEST(ClaimMatcher, PrefersTheLatestClaimSentToThisPayer) {
  const auto a = submitted(1, "C1", "P1"), b = submitted(2, "C1", "P1"), other = submitted(3, "C1", "P2");
  model::ClaimPayment pay;
  pay.patient_control_number = "C1";
  const ledger::ClaimRecord* candidates[] = {&a, &b, &other};
  const auto m = match_claim(pay, "P1", candidates);
  ASSERT_NE(m.claim, nullptr);
  EXPECT_EQ(m.claim->row_id, 2);
  EXPECT_FALSE(m.payer_differs);
}

TEST(ClaimMatcher, TakesTheOnlyOtherPayerWithAWarningAndRefusesSeveral) {
  const auto a = submitted(1, "C1", "P2"), b = submitted(2, "C1", "P3");
  model::ClaimPayment pay;
  pay.patient_control_number = "C1";
  const ledger::ClaimRecord* one[] = {&a};
  auto m = match_claim(pay, "P1", one);
  ASSERT_NE(m.claim, nullptr);
  EXPECT_TRUE(m.payer_differs);
  const ledger::ClaimRecord* two[] = {&a, &b};
  m = match_claim(pay, "P1", two);
  EXPECT_EQ(m.claim, nullptr);
  EXPECT_TRUE(m.ambiguous);
  const ledger::ClaimRecord* none[] = {&a};
  pay.patient_control_number = "C9";
  EXPECT_EQ(match_claim(pay, "P1", none).claim, nullptr);
}

TEST(ClaimMatcher, MatchesLinesByControlNumberFirst) {
  const auto c = submitted(1, "C1", "P1");
  model::ClaimPayment pay;
  pay.lines.push_back(line("81002", {}, 5000, "LCN-3"));
  pay.lines.push_back(line("99213", {}, 10000, "LCN-2"));
  const auto m = match_lines(pay, c);
  EXPECT_EQ(m[0].submitted_index, 2);
  EXPECT_EQ(m[0].kind, LineMatchKind::control_number);
  EXPECT_EQ(m[1].submitted_index, 1);
}

TEST(ClaimMatcher, MatchesByProcedureDateAndChargeToleratingDroppedModifiers) {
  const auto c = submitted(1, "C1", "P1");
  model::ClaimPayment pay;
  pay.lines.push_back(line("99213", {"25"}, 10000));        // 25 of 25:59: the payer dropped 59
  pay.lines.push_back(line("99213", {}, 10000));            // exact: line 2 (no modifiers)
  pay.lines.push_back(line("81002", {}, 5000, {}, "20240302"));
  const auto m = match_lines(pay, c);
  EXPECT_EQ(m[0].submitted_index, 0);
  EXPECT_EQ(m[0].kind, LineMatchKind::procedure_fewer_modifiers);
  EXPECT_EQ(m[1].submitted_index, 1);
  EXPECT_EQ(m[1].kind, LineMatchKind::procedure);
  EXPECT_EQ(m[2].submitted_index, 2);
}

TEST(ClaimMatcher, DoesNotMatchAnotherDateChargeOrAnUnknownModifier) {
  const auto c = submitted(1, "C1", "P1");
  model::ClaimPayment pay;
  pay.lines.push_back(line("81002", {}, 5000, {}, "20240301"));  // wrong date
  pay.lines.push_back(line("99213", {}, 9999));                 // wrong charge
  pay.lines.push_back(line("99213", {"GT"}, 10000));            // modifier never billed
  for (const auto& m : match_lines(pay, c)) EXPECT_EQ(m.kind, LineMatchKind::none);
}

TEST(ClaimMatcher, UsesTheOriginalProcedureAndMatchesReversalsByMagnitude) {
  const auto c = submitted(1, "C1", "P1");
  model::ClaimPayment pay;
  auto l = line("81003", {}, -5000, {}, "20240302");  // payer changed 81002 -> 81003; reversal
  l.original_procedure = model::ServiceProcedure{"HC", "81002", {}, {}};
  pay.lines.push_back(l);
  const auto m = match_lines(pay, c);
  EXPECT_EQ(m[0].submitted_index, 2);
}

TEST(ClaimMatcher, EachSubmittedLineAnswersOnce) {
  const auto c = submitted(1, "C1", "P1");
  model::ClaimPayment pay;
  pay.lines.push_back(line("81002", {}, 5000, {}, "20240302"));
  pay.lines.push_back(line("81002", {}, 5000, {}, "20240302"));
  const auto m = match_lines(pay, c);
  EXPECT_EQ(m[0].submitted_index, 2);
  EXPECT_EQ(m[1].kind, LineMatchKind::none);
}

}  // namespace
}  // namespace clearhouse::reconcile
