// What the worklist refuses, with a message a biller can act on.
#include <gtest/gtest.h>

#include "engine/ledger/ledger.hpp"
#include "engine/worklist/worklist.hpp"
#include "tests/support/rules_fixtures.hpp"

namespace clearhouse::worklist {
namespace {

const rules::RulesConfig& config() {
  static const rules::RulesConfig c = testing::test_rules_config();
  return c;
}

ClaimReview denied(std::string payer, std::string claim) {
  ClaimReview r;
  r.payer_id = std::move(payer);
  r.claim_id = std::move(claim);
  r.adjudicated = true;
  r.reference_date = model::Date{2024, 5, 1};
  model::Finding f;
  f.rule = "denial.claim";
  f.category = "coding";
  f.amount = model::Money::from_cents(100);
  r.findings.push_back(f);
  return r;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const WorklistError& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(WorklistErrors, UnknownClaim) {
  auto ledger = ledger::open_ledger("sqlite::memory:");
  Worklist w(ledger->connection(), config());
  EXPECT_EQ(message_of([&] { w.resolve("NOPE", "", "x", "n", false, "t"); }), "no worklist item for claim NOPE");
  EXPECT_EQ(message_of([&] { w.assign("NOPE", "P1", "x", "", "", "t"); }), "no worklist item for claim NOPE of payer P1");
}

TEST(WorklistErrors, SameClaimIdAtTwoPayersNeedsThePayer) {
  auto ledger = ledger::open_ledger("sqlite::memory:");
  Worklist w(ledger->connection(), config());
  w.apply(denied("P1", "C1"), "t");
  w.apply(denied("P2", "C1"), "t");
  const auto msg = message_of([&] { w.resolve("C1", "", "x", "n", false, "t"); });
  EXPECT_NE(msg.find("several payers (P1, P2)"), std::string::npos) << msg;
  EXPECT_NE(msg.find("--payer"), std::string::npos) << msg;
  EXPECT_EQ(w.resolve("C1", "P2", "x", "n", false, "t").payer_id, "P2");
}

TEST(WorklistErrors, ClosedItemsCannotBeResolvedOrAssignedAgain) {
  auto ledger = ledger::open_ledger("sqlite::memory:");
  Worklist w(ledger->connection(), config());
  w.apply(denied("P1", "C1"), "t");
  w.resolve("C1", "", "x", "n", true, "t");
  EXPECT_EQ(message_of([&] { w.resolve("C1", "", "x", "n", false, "t"); }),
            "the item for claim C1 is already written_off");
  EXPECT_NE(message_of([&] { w.assign("C1", "", "lee", "", "", "t"); }).find("is written_off"), std::string::npos);
}

}  // namespace
}  // namespace clearhouse::worklist
