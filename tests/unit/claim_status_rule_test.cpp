#include "engine/reconcile/claim_status_rule.hpp"

#include <gtest/gtest.h>

namespace clearhouse::reconcile {
namespace {

using model::ClaimStatus;
using model::Money;

model::ClaimPayment payment(const char* code, std::int64_t paid, std::vector<std::pair<std::int64_t, const char*>> lines) {
  model::ClaimPayment c;
  c.status_code = code;
  c.paid = Money::from_cents(paid);
  for (auto [line_paid, pr] : lines) {
    model::LinePayment l;
    l.billed = Money::from_cents(100);
    l.paid = Money::from_cents(line_paid);
    if (pr != nullptr) l.adjustments.push_back({model::AdjustmentGroup::patient, "PR", pr, Money::from_cents(100 - line_paid), {}});
    else if (line_paid < 100)
      l.adjustments.push_back({model::AdjustmentGroup::contractual, "CO", "50", Money::from_cents(100 - line_paid), {}});
    c.lines.push_back(l);
  }
  return c;
}

TEST(ClaimStatusRule, FollowsClaimStatusCodesAndAmounts) {
  EXPECT_EQ(status_after(payment("1", 200, {{100, nullptr}, {100, nullptr}})), ClaimStatus::paid);
  EXPECT_EQ(status_after(payment("2", 100, {{100, nullptr}, {0, nullptr}})), ClaimStatus::partially_paid);
  EXPECT_EQ(status_after(payment("1", 0, {{0, nullptr}, {0, nullptr}})), ClaimStatus::denied);
  EXPECT_EQ(status_after(payment("1", 0, {{0, "1"}, {0, "1"}})), ClaimStatus::paid);  // all to the deductible
  EXPECT_EQ(status_after(payment("3", 100, {{100, nullptr}, {0, "1"}})), ClaimStatus::paid);
  EXPECT_EQ(status_after(payment("4", 0, {{0, nullptr}})), ClaimStatus::denied);
  EXPECT_EQ(status_after(payment("19", 100, {{100, nullptr}})), ClaimStatus::forwarded);
  EXPECT_EQ(status_after(payment("20", 100, {{100, nullptr}})), ClaimStatus::forwarded);
  EXPECT_EQ(status_after(payment("21", 100, {{100, nullptr}})), ClaimStatus::forwarded);
  EXPECT_EQ(status_after(payment("23", 0, {{0, nullptr}})), ClaimStatus::forwarded);
  EXPECT_EQ(status_after(payment("22", -100, {{-100, nullptr}})), ClaimStatus::reversed);
  EXPECT_EQ(status_after(payment("25", 0, {{0, nullptr}})), std::nullopt);
  EXPECT_EQ(status_after(payment("X", 0, {})), std::nullopt);
}

}  // namespace
}  // namespace clearhouse::reconcile
