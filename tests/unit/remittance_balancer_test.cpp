// 835 balancing rules (005010X221A1 1.10.2.1), the one implementation both posting and the
// validator use: lines, claims (their CAS and their lines' CAS), the transaction, reversals and
// denials, and unreadable amounts switching off exactly the checks they take part in.
#include "engine/model/remittance_balancer.hpp"

#include <gtest/gtest.h>

namespace clearhouse::model {
namespace {

Money cents(std::int64_t c) { return Money::from_cents(c); }
using Amount = RemittanceBalancer::Amount;

TEST(RemittanceBalancer, LinesClaimsAndTheTransactionBalance) {
  RemittanceBalancer b;
  b.payment(cents(11250));
  b.open_claim(cents(20000), cents(12000));
  b.adjustment(cents(2000));  // claim-level CAS
  b.open_line(cents(12000), cents(8000));
  b.adjustment(cents(2000));
  b.adjustment(cents(2000));
  const auto first = b.close_line();
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->balances());
  EXPECT_EQ(first->adjusted, cents(4000));
  b.open_line(cents(8000), cents(4000));
  b.adjustment(cents(2000));  // 20.00 short: this line is off by 20.00
  const auto second = b.close_line();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->off(), cents(2000));
  const auto claim = b.close_claim();
  ASSERT_TRUE(claim);
  EXPECT_EQ(claim->adjusted, cents(8000));  // claim CAS + both lines' CAS
  EXPECT_EQ(claim->off(), cents(0));        // the claim's own numbers still add up
  b.provider_adjustment(cents(-250));        // interest paid
  b.provider_adjustment(cents(1000));        // overpayment recovered
  const auto payment = b.finish();
  ASSERT_TRUE(payment);
  EXPECT_EQ(payment->expected(), cents(11250));
  EXPECT_TRUE(payment->balances());
}

TEST(RemittanceBalancer, DenialsAndReversalsBalanceByTheSameRules) {
  RemittanceBalancer b;
  b.payment(cents(-8000));
  b.open_claim(cents(15000), cents(0));  // CLP02 4: denied, the whole charge adjusted
  b.adjustment(cents(15000));
  EXPECT_TRUE(b.close_claim()->balances());
  b.open_claim(cents(-10000), cents(-8000));  // CLP02 22: every amount negated
  b.open_line(cents(-10000), cents(-8000));
  b.adjustment(cents(-2000));
  EXPECT_TRUE(b.close_line()->balances());
  EXPECT_TRUE(b.close_claim()->balances());
  EXPECT_TRUE(b.finish()->balances());
}

TEST(RemittanceBalancer, OneCentIsAnImbalanceWithItsSign) {
  RemittanceBalancer b;
  b.payment(cents(100));
  b.open_claim(cents(100), cents(101));
  const auto claim = b.close_claim();
  EXPECT_EQ(claim->off(), cents(-1));
  EXPECT_EQ(b.finish()->off(), cents(-1));
}

// Each unreadable amount switches off exactly the checks whose sums it is in.
TEST(RemittanceBalancer, AnUnreadableAmountSwitchesOffExactlyTheChecksItTakesPartIn) {
  struct Case {
    const char* what;
    Amount clp03, clp04, claim_cas, svc02, svc03, line_cas, plb;
    bool line, claim, transaction;  // which checks still run
  };
  const Money c = cents(0);
  const Case cases[] = {
      {"all read", c, c, c, c, c, c, c, true, true, true},
      {"SVC02", c, c, c, std::nullopt, c, c, c, false, true, true},
      {"SVC03", c, c, c, c, std::nullopt, c, c, false, true, true},
      {"line CAS", c, c, c, c, c, std::nullopt, c, false, false, true},
      {"claim CAS", c, c, std::nullopt, c, c, c, c, true, false, true},
      {"CLP03", std::nullopt, c, c, c, c, c, c, true, false, true},
      {"CLP04", c, std::nullopt, c, c, c, c, c, true, false, false},
      {"PLB", c, c, c, c, c, c, std::nullopt, true, true, false},
  };
  for (const auto& k : cases) {
    SCOPED_TRACE(k.what);
    RemittanceBalancer b;
    b.payment(cents(0));
    b.open_claim(k.clp03, k.clp04);
    b.adjustment(k.claim_cas);
    b.open_line(k.svc02, k.svc03);
    b.adjustment(k.line_cas);
    EXPECT_EQ(b.close_line().has_value(), k.line);
    EXPECT_EQ(b.close_claim().has_value(), k.claim);
    b.provider_adjustment(k.plb);
    EXPECT_EQ(b.finish().has_value(), k.transaction);
  }
}

TEST(RemittanceBalancer, AnUnreadableAmountLeavesTheOtherLinesAndClaimsChecked) {
  RemittanceBalancer b;
  b.payment(cents(5000));
  b.open_claim(cents(10000), cents(5000));
  b.open_line(cents(6000), cents(3000));
  b.adjustment(std::nullopt);  // "ABC" where a CAS amount belongs
  EXPECT_FALSE(b.close_line());
  b.open_line(cents(4000), cents(1000));  // the other line is still checked (and is off)
  EXPECT_EQ(b.close_line()->off(), cents(3000));
  EXPECT_FALSE(b.close_claim());  // its line's CAS is in the claim's sum
  b.open_claim(cents(100), cents(100));
  EXPECT_TRUE(b.close_claim()->balances());  // the next claim is checked
  const auto payment = b.finish();         // CLP04s and BPR02 were all read
  ASSERT_TRUE(payment);
  EXPECT_EQ(payment->off(), cents(-100));
}

TEST(RemittanceBalancer, NoReadableBpr02MeansNoTransactionCheck) {
  RemittanceBalancer never_given;
  never_given.open_claim(cents(100), cents(100));
  EXPECT_TRUE(never_given.close_claim()->balances());
  EXPECT_FALSE(never_given.finish());

  RemittanceBalancer unreadable;
  unreadable.payment(std::nullopt);
  EXPECT_FALSE(unreadable.finish());

  RemittanceBalancer bad_plb;
  bad_plb.payment(cents(0));
  bad_plb.provider_adjustment(std::nullopt);
  EXPECT_FALSE(bad_plb.finish());
}

TEST(RemittanceBalancer, CasOutsideAClaimCountsNowhereAndStartResets) {
  RemittanceBalancer b;
  b.payment(cents(100));
  b.adjustment(cents(999));  // before any CLP
  b.open_claim(cents(100), cents(100));
  EXPECT_TRUE(b.close_claim()->balances());
  b.adjustment(cents(999));  // after the claim closed
  EXPECT_TRUE(b.finish()->balances());

  b.start();
  EXPECT_FALSE(b.claim_open());
  EXPECT_FALSE(b.finish());  // the new set has no BPR02 yet
}

TEST(RemittanceBalancer, ClosingAClaimClosesItsLine) {
  RemittanceBalancer b;
  b.open_claim(cents(100), cents(0));
  b.open_line(cents(100), cents(0));
  b.adjustment(cents(100));
  EXPECT_TRUE(b.line_open());
  const auto claim = b.close_claim();
  EXPECT_FALSE(b.line_open());
  EXPECT_EQ(claim->adjusted, cents(100));
  EXPECT_TRUE(claim->balances());
  EXPECT_FALSE(b.close_line());
  EXPECT_FALSE(b.close_claim());
}

}  // namespace
}  // namespace clearhouse::model
