// One account's statement from values: visits with each payer's part and the patient's, why in
// words, the amount due (adjudicated claims only; pending insurance apart), the arithmetic of
// previous balance + new charges - payments + adjustments, the due date, dunning at 30/60/90
// days, a credit statement, no statement when nothing is owed or the cycle already had one,
// and "send to collections" after N statements.
#include "engine/patient/statement_builder.hpp"

#include <gtest/gtest.h>

#include "engine/rules/rule_ids.hpp"
#include "tests/support/patient_fixtures.hpp"

namespace clearhouse::patient {
namespace {

using model::Money;
using model::ShareSource;
using testing::adjudication;
using testing::cas;
using testing::line;

Money cents(std::int64_t c) { return Money::from_cents(c); }
model::Date day(const char* iso) { return *model::Date::parse_iso(iso); }

const rules::RulesConfig& config() {
  static const rules::RulesConfig c = testing::patient_rules_config();
  return c;
}

StatementClaim claim(const char* id, const char* date, std::vector<PayerAdjudication> adjudications, bool pending = false) {
  StatementClaim c;
  c.visit.date = day(date);
  c.visit.patient_name = "JANE DOE";
  c.visit.provider = "DR SMITH";
  c.visit.services = {{"99213", "Office visit", day(date), cents(20000)}};
  c.visit.billed = cents(20000);
  c.share.claim_id = id;
  c.share.adjudications = std::move(adjudications);
  c.share.another_payer_due = pending;
  return c;
}

// C1: deductible 20 + coinsurance 26; C2: copay 25; C3: no 835 yet.
StatementInput input() {
  StatementInput in;
  in.account.account_number = "PA00000000000A";
  in.account.guarantor.last = "DOE";
  in.account.guarantor.first = "JANE";
  in.claims.push_back(claim("C1", "2026-03-01",
                            {adjudication(1, "P1", "2026-03-10",
                                          {line("99213", 20000, 10400,
                                                {cas("CO", "45", 5000), cas("PR", "1", 2000), cas("PR", "2", 2600)})})}));
  in.claims.push_back(claim("C2", "2026-04-01",
                            {adjudication(1, "P1", "2026-04-10",
                                          {line("99213", 20000, 12500, {cas("CO", "45", 5000), cas("PR", "3", 2500)})})}));
  in.claims.push_back(claim("C3", "2026-05-01", {}));
  in.practice = {"Main Street Clinic", {"1 Main St", "", "Springfield", "IL", "62701", ""}, "555-0100"};
  in.as_of = day("2026-05-15");
  return in;
}

TEST(StatementBuilder, FirstStatementListsVisitsAndTheAmountDue) {
  auto in = input();
  in.claims[0].share.patient_entries.push_back({"C1", day("2026-05-01"), ShareSource::payment, cents(-1000), "CHK1", ""});
  const auto d = build_statement(in, config());
  ASSERT_TRUE(d.send) << d.reason;
  const auto& s = d.statement;
  EXPECT_EQ(s.account_number, "PA00000000000A");
  EXPECT_EQ(s.statement_number, 1);
  EXPECT_EQ(s.due_date, day("2026-06-05"));  // 21 days
  EXPECT_EQ(s.amount_due, cents(4600 + 2500 - 1000));
  EXPECT_EQ(s.previous_balance, Money{});
  EXPECT_EQ(s.payments_received, cents(1000));
  EXPECT_EQ(s.new_charges, cents(7100));
  EXPECT_EQ(s.amount_due, s.previous_balance + s.new_charges - s.payments_received + s.adjustments);
  EXPECT_EQ(s.message, "");  // no dunning on a first statement
  ASSERT_EQ(s.visits.size(), 3u);
  const auto& v1 = s.visits[0];
  EXPECT_EQ(v1.claim_id, "C1");
  EXPECT_EQ(v1.patient_share, cents(4600));
  EXPECT_EQ(v1.patient_paid, cents(1000));
  EXPECT_EQ(v1.owed, cents(3600));
  ASSERT_EQ(v1.payers.size(), 1u);
  EXPECT_EQ(v1.payers[0].paid, cents(10400));
  EXPECT_EQ(v1.payers[0].adjusted, cents(5000));
  EXPECT_EQ(v1.insurance_adjustments, cents(5000));
  ASSERT_EQ(v1.reasons.size(), 2u);
  EXPECT_EQ(v1.reasons[0].words, "your deductible");
  EXPECT_EQ(v1.reasons[1].words, "your coinsurance (20%)");
  EXPECT_EQ(s.visits[1].reasons[0].words, "your copay");
  EXPECT_TRUE(s.visits[2].pending_insurance);  // last, and not in the amount due
  EXPECT_EQ(s.visits[2].claim_id, "C3");
  EXPECT_EQ(s.practice.phone, "555-0100");
}

TEST(StatementBuilder, SecondaryStillDueIsPendingNotDue) {
  auto in = input();
  in.claims[1].share.another_payer_due = true;
  const auto d = build_statement(in, config());
  EXPECT_EQ(d.statement.amount_due, cents(4600));
  EXPECT_EQ(d.statement.pending_insurance, cents(2500));
}

TEST(StatementBuilder, NothingOwedNoStatement) {
  auto in = input();
  in.claims[0].share.patient_entries.push_back({"C1", day("2026-05-01"), ShareSource::payment, cents(-4600), "CHK1", ""});
  in.claims[1].share.patient_entries.push_back({"C2", day("2026-05-01"), ShareSource::payment, cents(-2500), "CHK2", ""});
  const auto d = build_statement(in, config());
  EXPECT_FALSE(d.send);
  EXPECT_EQ(d.reason, "nothing owed");
  EXPECT_EQ(d.statement.amount_due, Money{});
}

TEST(StatementBuilder, BelowTheMinimumNoStatement) {
  auto in = input();
  in.claims[0].share.patient_entries.push_back({"C1", day("2026-05-01"), ShareSource::payment, cents(-4600), "CHK1", ""});
  in.claims[1].share.patient_entries.push_back({"C2", day("2026-05-01"), ShareSource::payment, cents(-2100), "CHK2", ""});
  auto d = build_statement(in, config());  // 4.00 < 5.00
  EXPECT_FALSE(d.send);
  EXPECT_NE(d.reason.find("below the minimum"), std::string::npos);
  in.claims[1].share.patient_entries.back().amount = cents(-1500);  // 10.00
  EXPECT_TRUE(build_statement(in, config()).send);
  in.min_balance = cents(2000);  // --min-balance raises it
  EXPECT_FALSE(build_statement(in, config()).send);
}

TEST(StatementBuilder, AnAccountInCreditGetsAStatementSayingSo) {
  auto in = input();
  in.claims.resize(1);
  in.claims[0].share.patient_entries.push_back({"C1", day("2026-05-01"), ShareSource::payment, cents(-4600), "CHK1", ""});
  in.account_entries.push_back({"", day("2026-05-01"), ShareSource::payment, cents(-1200), "CHK1", ""});
  const auto d = build_statement(in, config());
  ASSERT_TRUE(d.send);
  EXPECT_EQ(d.reason, "credit");
  EXPECT_TRUE(d.statement.in_credit());
  EXPECT_EQ(d.statement.credit(), cents(1200));
  EXPECT_EQ(d.statement.message, "You have a credit.");
  EXPECT_EQ(d.statement.payments_received, cents(5800));
  EXPECT_TRUE(d.findings.empty());
}

TEST(StatementBuilder, SameCycleUnchangedBalanceWritesNothingNew) {
  auto in = input();
  in.previous = PreviousStatement{day("2026-05-01"), cents(7100), 1};
  auto d = build_statement(in, config());
  EXPECT_FALSE(d.send);
  EXPECT_EQ(d.reason, "already sent this cycle, balance unchanged");
  // A changed balance sends a new one within the cycle.
  in.claims[0].share.patient_entries.push_back({"C1", day("2026-05-10"), ShareSource::payment, cents(-1000), "CHK1", ""});
  d = build_statement(in, config());
  ASSERT_TRUE(d.send);
  EXPECT_EQ(d.statement.statement_number, 2);
  EXPECT_EQ(d.statement.previous_balance, cents(7100));
  EXPECT_EQ(d.statement.payments_received, cents(1000));
  EXPECT_EQ(d.statement.new_charges, Money{});
  EXPECT_EQ(d.statement.amount_due, cents(6100));
  // The next cycle sends again, unchanged or not.
  in.claims[0].share.patient_entries.clear();
  in.as_of = day("2026-06-01");
  EXPECT_TRUE(build_statement(in, config()).send);
}

TEST(StatementBuilder, DunningMessagesByTheAgeOfTheOldestBalance) {
  auto in = input();
  in.previous = PreviousStatement{day("2026-03-15"), cents(4600), 1};
  struct Case {
    const char* as_of;
    const char* message;
  } cases[] = {{"2026-04-08", ""},  // 29 days after the March 10 remittance
               {"2026-04-09", "30 days"},
               {"2026-05-09", "60 days"},
               {"2026-06-08", "90 days"},
               {"2026-12-01", "90 days"}};
  for (const auto& c : cases) {
    in.as_of = day(c.as_of);
    EXPECT_EQ(build_statement(in, config()).statement.message, c.message) << c.as_of;
  }
}

TEST(StatementBuilder, CollectionsAfterNStatements) {
  auto in = input();
  in.as_of = day("2026-07-01");
  in.previous = PreviousStatement{day("2026-06-01"), cents(7100), 2};
  EXPECT_TRUE(build_statement(in, config()).findings.empty());
  in.previous->number = 3;
  const auto d = build_statement(in, config());
  ASSERT_TRUE(d.send);
  ASSERT_EQ(d.findings.size(), 1u);
  EXPECT_EQ(d.findings[0].rule, rules::rule_id::patient_collections);
  EXPECT_EQ(d.findings[0].category, "patient_collections");
  EXPECT_EQ(d.findings[0].claim_id, "PA00000000000A");
  EXPECT_EQ(d.findings[0].amount, cents(7100));
  EXPECT_EQ(d.findings[0].action, "Send to collections");
  EXPECT_EQ(d.findings[0].message.find("DOE"), std::string::npos);  // no PHI in what may be logged
  const auto off = testing::patient_rules_config(R"("patient.collections": {"enabled": false})");
  EXPECT_TRUE(build_statement(in, off).findings.empty());
}

}  // namespace
}  // namespace clearhouse::patient
