// The denial worklist over an in-memory SQLite ledger: items opened from findings, updated,
// resolved by a later payment (with that payment in the history), resolved and assigned by
// hand, reopened; the list query's filters, sort and priority; the renderers; the review of a
// posted remittance.
#include <gtest/gtest.h>

#include <map>

#include "engine/ledger/ledger.hpp"
#include "engine/rules/pipeline.hpp"
#include "engine/rules/rule_ids.hpp"
#include "engine/worklist/item_summary.hpp"
#include "engine/worklist/ledger_sweep.hpp"
#include "engine/worklist/remittance_review.hpp"
#include "engine/worklist/worklist.hpp"
#include "engine/worklist/worklist_format.hpp"
#include "engine/worklist/worklist_query.hpp"
#include "generators/render/json_writer.hpp"
#include "tests/support/rules_fixtures.hpp"

namespace clearhouse::worklist {
namespace {

using testing::adj;
using testing::clp;
using testing::posting_of;
using testing::svc;

const rules::RulesConfig& config() {
  static const rules::RulesConfig c = testing::test_rules_config();
  return c;
}

model::Finding finding(std::string rule, std::string category, std::int64_t cents, int line = 0) {
  model::Finding f;
  f.rule = std::move(rule);
  f.category = std::move(category);
  f.amount = model::Money::from_cents(cents);
  f.line_number = line;
  f.action = config().category(f.category).action;
  f.message = "m";
  return f;
}

ClaimReview review(std::string claim, std::vector<model::Finding> findings, std::int64_t posting = 1,
                   model::Date date = {2024, 5, 1}) {
  ClaimReview r;
  r.payer_id = "PAYER1";
  r.claim_id = std::move(claim);
  r.trace_number = "TRN1";
  r.posting_id = posting;
  r.reference_date = date;
  r.adjudicated = true;
  r.findings = std::move(findings);
  return r;
}

class WorklistTest : public ::testing::Test {
 protected:
  std::unique_ptr<ledger::Ledger> ledger = ledger::open_ledger("sqlite::memory:");
  Worklist worklist{ledger->connection(), config()};
};

TEST_F(WorklistTest, FindingsOpenOneItemPerClaim) {
  const auto counts = worklist.apply(
      review("C1", {finding("denial.line", "authorization", 5000, 1), finding("denial.line", "coding", 2000, 2)}),
      "2024-05-02T10:00:00Z");
  EXPECT_EQ(counts.opened, 1u);
  const auto item = worklist.item("C1");
  EXPECT_EQ(item.status, model::WorklistStatus::open);
  EXPECT_EQ(item.amount.cents(), 7000);
}

TEST_F(WorklistTest, CategoryIsTheFindingWithTheMostExpectedRecovery) {
  worklist.apply(review("C1", {finding("denial.line", "authorization", 5000, 1), finding("denial.line", "coding", 2000, 2)}),
                 "2024-05-02T10:00:00Z");
  const auto item = worklist.item("C1");
  EXPECT_EQ(item.category, "authorization");  // 5000 x 50 = 250000 > 2000 x 75 = 150000
  EXPECT_EQ(item.action, "obtain_auth");
  EXPECT_EQ(item.rules, std::vector<std::string>{"denial.line"});
  ASSERT_EQ(item.history.size(), 1u);
  EXPECT_EQ(item.history[0].event, "opened");
  EXPECT_EQ(item.history[0].actor, "clearhouse");
}

TEST_F(WorklistTest, FindingsThatDoNotOpenItemsAreIgnored) {
  const auto counts = worklist.apply(review("C1", {finding("patient.responsibility", "patient_responsibility", 3000),
                                                   finding("codes.unknown", "unknown_code", 0)}),
                                     "2024-05-02T10:00:00Z");
  EXPECT_EQ(counts.opened, 0u);
  EXPECT_THROW(worklist.item("C1"), WorklistError);
}

TEST_F(WorklistTest, LaterPaymentInFullResolvesTheItemWithThatPaymentInItsHistory) {
  worklist.apply(review("C1", {finding("denial.claim", "missing_information", 12000)}, 7), "2024-05-02T10:00:00Z");
  auto paid = review("C1", {}, 42, {2024, 6, 1});
  paid.paid = model::Money::from_cents(9600);
  paid.paid_in_full = true;
  const auto counts = worklist.apply(paid, "2024-06-02T09:00:00Z");
  EXPECT_EQ(counts.resolved, 1u);
  const auto item = worklist.item("C1");
  EXPECT_EQ(item.status, model::WorklistStatus::resolved);
  EXPECT_EQ(item.resolved_by, "clearhouse");
  EXPECT_EQ(item.resolved_at, "2024-06-02T09:00:00Z");
  ASSERT_EQ(item.history.size(), 2u);
  EXPECT_EQ(item.history[1].event, "resolved_by_payment");
  EXPECT_EQ(item.history[1].posting_id, 42);
  EXPECT_EQ(item.history[1].amount.cents(), 9600);
  for (const auto& f : item.findings) EXPECT_FALSE(f.open);
}

TEST_F(WorklistTest, LaterAdjudicationWithNewFindingsSupersedesTheOldOnes) {
  worklist.apply(review("C1", {finding("denial.claim", "missing_information", 12000)}, 7), "2024-05-02T10:00:00Z");
  worklist.apply(review("C1", {finding("payment.underpaid", "underpayment", 800, 1)}, 8, {2024, 6, 1}),
                 "2024-06-02T09:00:00Z");
  const auto item = worklist.item("C1");
  EXPECT_EQ(item.status, model::WorklistStatus::open);
  EXPECT_EQ(item.category, "underpayment");
  EXPECT_EQ(item.amount.cents(), 800);
  EXPECT_EQ(item.reference_date, (model::Date{2024, 6, 1}));
  ASSERT_EQ(item.findings.size(), 2u);
  EXPECT_FALSE(item.findings[0].open);
  EXPECT_TRUE(item.findings[1].open);
  EXPECT_EQ(item.history.back().event, "updated");
}

TEST_F(WorklistTest, ResolvingByHandKeepsWhoWhenAndWhy) {
  worklist.apply(review("C1", {finding("denial.claim", "coding", 5000)}), "2024-05-02T10:00:00Z");
  const auto item = worklist.resolve("C1", "", "dana", "corrected claim sent", false, "2024-05-03T08:00:00Z");
  EXPECT_EQ(item.status, model::WorklistStatus::resolved);
  EXPECT_EQ(item.resolved_by, "dana");
  EXPECT_EQ(item.resolved_at, "2024-05-03T08:00:00Z");
  EXPECT_EQ(item.resolution_note, "corrected claim sent");
  EXPECT_EQ(item.history.back().event, "resolved");
  EXPECT_EQ(item.history.back().actor, "dana");
  EXPECT_EQ(item.history.back().note, "corrected claim sent");
}

TEST_F(WorklistTest, WriteOffAndAssign) {
  worklist.apply(review("C1", {finding("denial.claim", "timely_filing", 5000)}), "2024-05-02T10:00:00Z");
  worklist.apply(review("C2", {finding("denial.claim", "coding", 5000)}), "2024-05-02T10:00:00Z");
  auto assigned = worklist.assign("C2", "", "lee", "sam", "", "2024-05-02T11:00:00Z");
  EXPECT_EQ(assigned.status, model::WorklistStatus::in_progress);
  EXPECT_EQ(assigned.owner, "lee");
  EXPECT_EQ(assigned.history.back().event, "assigned");
  EXPECT_EQ(assigned.history.back().actor, "sam");
  auto gone = worklist.resolve("C1", "PAYER1", "sam", "past the filing limit", true, "2024-05-02T12:00:00Z");
  EXPECT_EQ(gone.status, model::WorklistStatus::written_off);
  EXPECT_EQ(gone.history.back().event, "written_off");
}

TEST_F(WorklistTest, ResolvedItemReopensWhenANewProblemArrives) {
  worklist.apply(review("C1", {finding("denial.claim", "coding", 5000)}), "2024-05-02T10:00:00Z");
  worklist.resolve("C1", "", "dana", "appealed", false, "2024-05-03T08:00:00Z");
  const auto counts = worklist.apply(review("C1", {finding("denial.claim", "medical_necessity", 5000)}, 9),
                                     "2024-06-01T08:00:00Z");
  EXPECT_EQ(counts.reopened, 1u);
  const auto item = worklist.item("C1");
  EXPECT_EQ(item.status, model::WorklistStatus::open);
  EXPECT_EQ(item.category, "medical_necessity");
  EXPECT_TRUE(item.resolved_by.empty());
  EXPECT_EQ(item.history.back().event, "reopened");
}

TEST_F(WorklistTest, SweepRefreshesItsOwnFindingsOnly) {
  worklist.apply(review("C1", {finding("denial.claim", "coding", 5000)}), "2024-05-02T10:00:00Z");
  auto sweep = review("C1", {finding("reversal.uncorrected", "reversal", 5000)}, 0);
  sweep.adjudicated = false;
  worklist.apply(sweep, "2024-05-20T00:00:00Z");
  worklist.apply(sweep, "2024-05-21T00:00:00Z");  // again: replaces, does not pile up
  const auto item = worklist.item("C1");
  int open = 0;
  for (const auto& f : item.findings) open += f.open ? 1 : 0;
  EXPECT_EQ(open, 2);
  EXPECT_EQ(item.amount.cents(), 10000);  // two different stakes
}

TEST(ItemSummary, OverlappingFindingsCountOnce) {
  std::vector<model::WorklistFinding> open(4);
  open[0].rule = "denial.line", open[0].category = "coding", open[0].line_number = 1, open[0].amount = model::Money::from_cents(3000);
  open[1].rule = "payment.underpaid", open[1].category = "underpayment", open[1].line_number = 1,
  open[1].amount = model::Money::from_cents(2500);
  open[2].rule = "denial.line", open[2].category = "coding", open[2].line_number = 2, open[2].amount = model::Money::from_cents(1000);
  open[3].rule = "billed.claim_mismatch", open[3].category = "billed_mismatch", open[3].amount = model::Money::from_cents(500);
  const auto s = summarize(open, config());
  EXPECT_EQ(s.amount.cents(), 3000 + 1000 + 500);
  EXPECT_EQ(s.rules, (std::vector<std::string>{"denial.line", "payment.underpaid", "billed.claim_mismatch"}));
  // A denied claim and its denied lines: the larger of the two readings.
  std::vector<model::WorklistFinding> denied(2);
  denied[0].rule = "denial.claim", denied[0].category = "coding", denied[0].amount = model::Money::from_cents(9000);
  denied[1].rule = "denial.line", denied[1].category = "coding", denied[1].line_number = 1,
  denied[1].amount = model::Money::from_cents(4000);
  EXPECT_EQ(summarize(denied, config()).amount.cents(), 9000);
}

TEST(Priority, CentsTimesRecoverabilityAgedAndCutPastTheDeadline) {
  const auto& coding = config().category("coding");  // 75%, corrected claim 90 days
  const rules::PriorityConfig p{90, 25};
  EXPECT_EQ(priority_score(model::Money::from_cents(10000), coding, 0, false, p), 7500);
  EXPECT_EQ(priority_score(model::Money::from_cents(10000), coding, 45, false, p), 11250);
  EXPECT_EQ(priority_score(model::Money::from_cents(10000), coding, 90, false, p), 15000);
  EXPECT_EQ(priority_score(model::Money::from_cents(10000), coding, 400, false, p), 15000);
  EXPECT_EQ(priority_score(model::Money::from_cents(10000), coding, 100, true, p), 3750);
}

TEST_F(WorklistTest, QueryFiltersSortsAndComputesDeadlines) {
  worklist.apply(review("A", {finding("denial.claim", "coding", 10000)}, 1, {2024, 5, 1}), "t");
  worklist.apply(review("B", {finding("denial.claim", "authorization", 30000)}, 2, {2024, 3, 1}), "t");
  auto other = review("C", {finding("denial.claim", "coding", 500)}, 3, {2024, 5, 20});
  other.payer_id = "PAYER2";
  worklist.apply(other, "t");
  worklist.resolve("A", "", "x", "done", false, "t");
  const model::Date today{2024, 6, 1};

  auto page = query_worklist(ledger->connection(), WorklistQuery{}, config(), today);
  ASSERT_EQ(page.rows.size(), 2u);  // A is resolved
  EXPECT_EQ(page.rows[0].item.claim_id, "B");
  EXPECT_EQ(page.rows[0].age_days, 92);
  ASSERT_TRUE(page.rows[0].deadline);
  EXPECT_EQ(*page.rows[0].deadline, (model::Date{2024, 4, 30}));  // appeal, 60 days
  EXPECT_TRUE(page.rows[0].past_deadline);
  EXPECT_EQ(page.rows[0].priority, 30000 * 50 / 100 * 2 * 25 / 100);

  WorklistQuery q;
  q.status = "all";
  q.sort = WorklistSort::amount;
  page = query_worklist(ledger->connection(), q, config(), today);
  ASSERT_EQ(page.rows.size(), 3u);
  EXPECT_EQ(page.rows[0].item.claim_id, "B");
  EXPECT_EQ(page.rows[1].item.claim_id, "A");
  EXPECT_EQ(page.rows[2].item.claim_id, "C");

  q = WorklistQuery{};
  q.payer_id = "PAYER2";
  EXPECT_EQ(query_worklist(ledger->connection(), q, config(), today).rows.size(), 1u);
  q = WorklistQuery{};
  q.category = "authorization";
  EXPECT_EQ(query_worklist(ledger->connection(), q, config(), today).rows.size(), 1u);
  q = WorklistQuery{};
  q.older_than_days = 30;
  page = query_worklist(ledger->connection(), q, config(), today);
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(page.rows[0].item.claim_id, "B");
  q = WorklistQuery{};
  q.sort = WorklistSort::age;
  q.limit = 1;
  page = query_worklist(ledger->connection(), q, config(), today);
  EXPECT_EQ(page.total, 2u);
  ASSERT_EQ(page.rows.size(), 1u);
  EXPECT_EQ(page.rows[0].item.claim_id, "B");
  q.status = "resolved";
  EXPECT_EQ(query_worklist(ledger->connection(), q, config(), today).rows[0].item.claim_id, "A");
  q.status = "nonsense";
  EXPECT_THROW(query_worklist(ledger->connection(), q, config(), today), WorklistError);
}

TEST_F(WorklistTest, JsonItemsCarryTheDocumentedFields) {
  auto r = review("C1", {finding("denial.claim", "coding", 10000)});
  r.findings[0].carc = {"97"};
  r.findings[0].rarc = {"M15"};
  worklist.apply(r, "t");
  const auto page = query_worklist(ledger->connection(), WorklistQuery{}, config(), model::Date{2024, 5, 11});
  render::JsonWriter json;
  write_worklist_json(page, config(), json);
  const std::string text = json.take();
  for (auto key : {"\"claim_id\":\"C1\"", "\"category\":\"coding\"", "\"rules\":[\"denial.claim\"]", "\"carc\":[\"97\"]",
                   "\"rarc\":[\"M15\"]", "\"amount_cents\":10000", "\"priority\":8333", "\"status\":\"open\"",
                   "\"action\":\"correct_coding\"", "\"deadline\":\"2024-07-30\"", "\"age_days\":10"})
    EXPECT_NE(text.find(key), std::string::npos) << key << " in " << text;
}

TEST_F(WorklistTest, TableFitsATerminal) {
  auto r = review("A-VERY-LONG-CLAIM-ID-0001", {finding("denial.claim", "coordination_of_benefits", 123456789)});
  r.payer_id = "PAYERWITHLONGID";
  worklist.apply(r, "t");
  const auto page = query_worklist(ledger->connection(), WorklistQuery{}, config(), model::Date{2024, 6, 1});
  char* buf = nullptr;
  std::size_t size = 0;
  std::FILE* mem = open_memstream(&buf, &size);
  write_worklist_table(page, mem);
  std::fclose(mem);
  const std::string text(buf, size);
  std::free(buf);
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    EXPECT_LE(end - start, 100u) << text.substr(start, end - start);
    start = end + 1;
  }
  EXPECT_NE(text.find("CLAIM"), std::string::npos);
  EXPECT_NE(text.find("1234567.89"), std::string::npos);
  EXPECT_NE(text.find("1 item(s)"), std::string::npos);
}

// ---- review of a posted remittance -----------------------------------------------------------

model::Remittance remittance(std::vector<model::ClaimPayment> claims, const std::string& trace, model::Date paid_on) {
  model::Remittance r;
  r.payer.party.id = "PAYER1";
  r.trace.reference = trace;
  r.payment.payment_date = paid_on;
  r.claims = std::move(claims);
  return r;
}

TEST_F(WorklistTest, ReviewOfAPostedRemittanceOpensItemsAndALaterPaymentClosesThem) {
  std::map<std::string, std::vector<model::Posting>> ledger_postings;
  ReviewSources sources;
  sources.history = [&](std::string_view, std::string_view claim) { return ledger_postings[std::string(claim)]; };
  sources.submitted = [&](std::string_view, std::string_view) -> std::optional<ledger::ClaimRecord> { return std::nullopt; };
  const rules::Pipeline pipeline(config());
  const rules::RuleEnvironment env{config(), nullptr, model::Date{2024, 5, 10}};

  auto first = remittance({clp("C1", "4", {svc("99213", 12000, 0, {adj("CO", "16", 12000)}, {"N290"})}),
                           clp("C2", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}),
                           clp("C3", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)}),
                                           svc("97110", 4000, 0, {adj("CO", "97", 4000)})})},
                          "T1", {2024, 5, 1});
  std::vector<model::Posting> postings;
  for (std::size_t i = 0; i < first.claims.size(); ++i) {
    postings.push_back(posting_of(first.claims[i], true, static_cast<std::int64_t>(i + 1)));
    ledger_postings[postings.back().claim_id].push_back(postings.back());
  }
  auto result = review_remittance(first, postings, {}, sources, pipeline, env, worklist, "2024-05-10T00:00:00Z");
  EXPECT_EQ(result.worklist.opened, 2u);
  const auto page = query_worklist(ledger->connection(), WorklistQuery{}, config(), env.today);
  ASSERT_EQ(page.rows.size(), 2u);
  std::map<std::string, const WorklistRow*> by_claim;
  for (const auto& r : page.rows) by_claim[r.item.claim_id] = &r;
  ASSERT_TRUE(by_claim.count("C1") && by_claim.count("C3"));
  EXPECT_EQ(by_claim["C1"]->item.category, "missing_information");
  EXPECT_EQ(by_claim["C1"]->item.amount.cents(), 12000);
  EXPECT_EQ(by_claim["C1"]->item.action, "correct_resubmit");
  EXPECT_EQ(by_claim["C1"]->item.rarc, std::vector<std::string>{"N290"});
  EXPECT_EQ(by_claim["C3"]->item.category, "coding");
  EXPECT_EQ(by_claim["C3"]->item.amount.cents(), 4000);
  EXPECT_EQ(by_claim["C1"]->item.reference_date, (model::Date{2024, 5, 1}));

  // The corrected C1 is paid in full by a later remittance.
  auto second = remittance({clp("C1", "1", {svc("99213", 12000, 9600, {adj("CO", "45", 2400)})})}, "T2", {2024, 6, 1});
  std::vector<model::Posting> later = {posting_of(second.claims[0], true, 77)};
  ledger_postings["C1"].push_back(later[0]);
  result = review_remittance(second, later, {}, sources, pipeline, env, worklist, "2024-06-02T00:00:00Z");
  EXPECT_EQ(result.worklist.resolved, 1u);
  const auto c1 = worklist.item("C1");
  EXPECT_EQ(c1.status, model::WorklistStatus::resolved);
  EXPECT_EQ(c1.history.back().event, "resolved_by_payment");
  EXPECT_EQ(c1.history.back().posting_id, 77);
  EXPECT_EQ(c1.history.back().amount.cents(), 9600);
  EXPECT_EQ(worklist.item("C3").status, model::WorklistStatus::open);
}

TEST_F(WorklistTest, ReversalAndCorrectionInOneRemittanceLeaveNothingToWork) {
  std::vector<model::Posting> stored;
  ReviewSources sources;
  sources.history = [&](std::string_view, std::string_view) { return stored; };
  const rules::Pipeline pipeline(config());
  const rules::RuleEnvironment env{config(), nullptr, model::Date{2024, 5, 10}};
  auto original = posting_of(clp("C9", "1", {svc("99213", 10000, 8000, {adj("CO", "45", 2000)})}), true, 1);
  auto rev_claim = clp("C9", "22", {svc("99213", -10000, -8000, {adj("CO", "45", -2000)})});
  auto fix_claim = clp("C9", "1", {svc("99213", 10000, 9000, {adj("CO", "45", 1000)})});
  auto reversal = posting_of(rev_claim, true, 2);
  reversal.reverses = 1;
  auto correction = posting_of(fix_claim, true, 3);
  stored = {original, reversal, correction};
  auto r = remittance({rev_claim, fix_claim}, "T3", {2024, 5, 5});
  std::vector<model::Posting> postings = {reversal, correction};
  const auto result = review_remittance(r, postings, {}, sources, pipeline, env, worklist, "t");
  EXPECT_EQ(result.worklist.opened, 0u);
  // Without the correction, the reversal is an item.
  stored = {original, reversal};
  auto only = remittance({rev_claim}, "T4", {2024, 5, 5});
  std::vector<model::Posting> just = {reversal};
  review_remittance(only, just, {}, sources, pipeline, env, worklist, "t");
  EXPECT_EQ(worklist.item("C9").category, "reversal");
}

TEST_F(WorklistTest, RemittanceLevelImbalanceBecomesAnItemOfItsOwn) {
  ReviewSources sources;
  const rules::Pipeline pipeline(config());
  const rules::RuleEnvironment env{config(), nullptr, model::Date{2024, 5, 10}};
  auto r = remittance({}, "T5", {2024, 5, 5});
  model::Finding off;
  off.rule = "balance.remittance";
  off.category = "unbalanced";
  off.amount = model::Money::from_cents(-250);
  off.message = "BPR02 off by 2.50";
  std::vector<model::Finding> findings = {off};
  review_remittance(r, {}, findings, sources, pipeline, env, worklist, "t");
  const auto item = worklist.item("remittance:T5");
  EXPECT_EQ(item.category, "unbalanced");
  EXPECT_EQ(item.amount.cents(), 250);
}

// ---- the ledger sweep -------------------------------------------------------------------------

ledger::ClaimRecord submitted_claim(const std::string& id, std::int64_t cents) {
  ledger::ClaimRecord c;
  c.claim_id = id;
  c.payer_id = "PAYER1";
  c.payer_name = "ACME";
  c.billing_npi = "1234567893";
  c.frequency_code = "1";
  c.billed_cents = cents;
  c.service_date_from = c.service_date_to = "2024-02-20";
  c.transaction_control_number = "0001";
  c.lines.push_back({0, 1, id + "-1", "99213", "", cents, "1", "UN", "2024-02-20"});
  return c;
}

void record_submission(ledger::Ledger& l, const std::vector<ledger::ClaimRecord>& claims, const std::string& at) {
  auto& rec = l.recorder();
  for (std::size_t i = 0; i < claims.size(); ++i) rec.stage(0, static_cast<std::int64_t>(i + 1), claims[i]);
  ledger::BatchRecord b;
  b.file_name = "b.837";
  b.sha256 = std::string(64, 'a');
  b.sender_id = "S";
  b.receiver_id = "PAYER1";
  b.interchange_control_number = 1;
  b.group_control_number = 1;
  b.first_transaction_number = b.last_transaction_number = b.transaction_count = 1;
  b.claim_count = claims.size();
  b.created_at = at;
  rec.commit({{0, b}}, at);
}

TEST_F(WorklistTest, SweepAgesClaimsWithNoRemittanceIntoBuckets) {
  record_submission(*ledger, {submitted_claim("S1", 15000), submitted_claim("S2", 9000), submitted_claim("S3", 4000)},
                    "2024-03-01T12:00:00Z");
  ledger->connection().execute("UPDATE claims SET status = 'paid' WHERE claim_id = 'S3'");
  const rules::Pipeline pipeline(config());
  auto sweep = [&](model::Date today) {
    return sweep_ledger(*ledger, ReviewSources{}, pipeline, rules::RuleEnvironment{config(), nullptr, today}, worklist,
                        "2024-04-15T00:00:00Z");
  };
  auto result = sweep(model::Date{2024, 3, 31});  // 30 days: not yet late
  EXPECT_EQ(result.worklist.opened, 0u);
  result = sweep(model::Date{2024, 4, 15});  // 45 days
  EXPECT_EQ(result.claims_checked, 2u);
  EXPECT_EQ(result.worklist.opened, 2u);
  ASSERT_EQ(result.findings.size(), 2u);
  EXPECT_NE(result.findings[0].message.find("31-60"), std::string::npos) << result.findings[0].message;
  auto page = query_worklist(ledger->connection(), WorklistQuery{}, config(), model::Date{2024, 4, 15});
  ASSERT_EQ(page.rows.size(), 2u);
  EXPECT_EQ(page.rows[0].item.category, "missing_remittance");
  EXPECT_EQ(page.rows[0].item.claim_id, "S1");
  EXPECT_EQ(page.rows[0].age_days, 45);
  EXPECT_EQ(page.rows[0].item.amount.cents(), 15000);
  // Sweeping again refreshes rather than piles up; a remittance for S1 closes its item.
  result = sweep(model::Date{2024, 5, 15});
  EXPECT_EQ(worklist.item("S1").findings.size(), 2u);
  auto paid = review("S1", {}, 5, {2024, 5, 20});
  paid.paid = model::Money::from_cents(15000);
  paid.paid_in_full = true;
  worklist.apply(paid, "2024-05-21T00:00:00Z");
  EXPECT_EQ(worklist.item("S1").status, model::WorklistStatus::resolved);
  EXPECT_EQ(worklist.item("S2").status, model::WorklistStatus::open);
}

}  // namespace
}  // namespace clearhouse::worklist
