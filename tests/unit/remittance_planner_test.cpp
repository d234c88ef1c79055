// Deciding what posting an 835 transaction set does (reconcile::plan_remittance) and what a
// review does to a worklist item (worklist::plan_item_change), with no database: the ledger's
// answers (ledger::PostingInputs) are built in the test.
#include "engine/reconcile/remittance_planner.hpp"

#include <gtest/gtest.h>

#include "engine/worklist/item_change.hpp"
#include "tests/support/rules_fixtures.hpp"

namespace clearhouse::reconcile {
namespace {

using model::Money;
using model::PostingPlan;
using testing::adj;
using testing::clp;
using testing::svc;

const rules::RulesConfig& config() {
  static const rules::RulesConfig c = testing::test_rules_config();
  return c;
}

model::Remittance remittance(std::vector<model::ClaimPayment> claims, const std::string& trace = "T1") {
  model::Remittance r;
  r.complete = true;
  r.control_number = "0001";
  r.payer.party.id = "PAYER1";
  r.trace.reference = trace;
  r.content_hash = 0xabc;
  r.payment.payment_date = model::Date{2024, 5, 1};
  std::uint64_t segment = 10;
  for (auto& c : claims) {
    c.segment = segment;
    segment += 10;
  }
  r.claims = std::move(claims);
  for (const auto& c : r.claims) r.payment.total += c.paid;
  return r;
}

// The submitted claim of a payment, with its ledger row.
ledger::ClaimRecord submitted(const model::ClaimPayment& payment, std::int64_t row) {
  auto c = testing::submitted_of(payment);
  c.row_id = row;
  for (std::size_t i = 0; i < c.lines.size(); ++i) c.lines[i].row_id = row * 100 + static_cast<std::int64_t>(i);
  return c;
}

PlanContext context(const worklist::PostReview* review = nullptr) { return {"test.835", "2024-05-10T00:00:00Z", review}; }

model::ClaimPayment paid(const std::string& id, std::int64_t billed = 10000, std::int64_t paid_cents = 8000) {
  return clp(id, "1", {svc("99213", billed, paid_cents, {adj("CO", "45", billed - paid_cents)})});
}
model::ClaimPayment reversal_of(const model::ClaimPayment& p) {
  auto r = clp(p.patient_control_number, "22",
               {svc("99213", -p.billed.cents(), -p.paid.cents(), {adj("CO", "45", -(p.billed - p.paid).cents())})});
  r.payer_claim_control_number = p.payer_claim_control_number;
  return r;
}
model::ClaimPayment denied(const std::string& id) {
  return clp(id, "4", {svc("99213", 12000, 0, {adj("CO", "16", 12000)}, {"N290"})});
}

const model::Finding* find_rule(const std::vector<model::Finding>& findings, std::string_view rule) {
  for (const auto& f : findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

TEST(RemittancePlanner, MatchesEveryClaimAndPlansItsPostingWithProvisionalIds) {
  const auto r = remittance({paid("C1"), paid("C2")});
  ledger::PostingInputs in;
  in.submitted = {submitted(r.claims[0], 11)};
  const auto plan = plan_remittance(r, in, context());
  ASSERT_EQ(plan.result, PostingPlan::Result::post);
  EXPECT_EQ(plan.matched, 1u);
  EXPECT_EQ(plan.unmatched, 1u);
  ASSERT_EQ(plan.postings.size(), 2u);
  EXPECT_EQ(plan.postings[0].id, -1);
  EXPECT_EQ(plan.postings[1].id, -2);
  EXPECT_TRUE(plan.postings[0].matched);
  EXPECT_EQ(plan.postings[0].claim_row, 11);
  EXPECT_EQ(plan.postings[0].lines[0].service_line_row, 1100);
  EXPECT_FALSE(plan.postings[1].matched);
  EXPECT_EQ(plan.remittance.payer_id, "PAYER1");
  EXPECT_EQ(plan.remittance.trace_number, "T1");
  EXPECT_EQ(plan.remittance.content_hash, "0000000000000abc");
  EXPECT_EQ(plan.remittance.paid.cents(), 16000);
  EXPECT_EQ(plan.remittance.posted_at, "2024-05-10T00:00:00Z");
  // The unmatched claim is posted as unmatched, with its finding attributed to its posting.
  ASSERT_EQ(plan.findings.size(), 1u);
  EXPECT_EQ(plan.findings[0].rule, "match.unmatched_claim");
  ASSERT_EQ(plan.finding_postings.size(), 1u);
  EXPECT_EQ(plan.finding_postings[0], -2);
  // Only the matched claim moves.
  ASSERT_EQ(plan.claim_statuses.size(), 1u);
  EXPECT_EQ(plan.claim_statuses[0].first, 11);
  EXPECT_EQ(plan.claim_statuses[0].second, model::ClaimStatus::paid);
  // Without a review: no rules, no worklist.
  EXPECT_TRUE(plan.rule_findings.empty());
  EXPECT_TRUE(plan.worklist.empty());
}

TEST(RemittancePlanner, PairsAReversalWithAPaymentEarlierInTheSetByItsProvisionalId) {
  const auto first = paid("C1");
  const auto correction = paid("C1", 10000, 9000);
  const auto r = remittance({first, reversal_of(first), correction});
  ledger::PostingInputs in;
  in.submitted = {submitted(first, 11)};
  const auto plan = plan_remittance(r, in, context());
  ASSERT_EQ(plan.postings.size(), 3u);
  EXPECT_TRUE(plan.postings[1].reversal);
  EXPECT_EQ(plan.postings[1].reverses, -1);
  EXPECT_EQ(plan.postings[2].reverses, 0);
  EXPECT_EQ(find_rule(plan.findings, "post.reversal_without_original"), nullptr);
  EXPECT_EQ(find_rule(plan.findings, "post.reversal_amount_differs"), nullptr);
  // The last payment wins: paid (the correction), not reversed.
  ASSERT_EQ(plan.claim_statuses.size(), 1u);
  EXPECT_EQ(plan.claim_statuses[0].second, model::ClaimStatus::paid);
  // The ids become the real ones as the ledger writes them.
  const std::vector<std::int64_t> real = {501, 502, 503};
  EXPECT_EQ(model::resolve_posting_id(plan.postings[1].reverses, real), 501);
  EXPECT_EQ(model::resolve_posting_id(77, real), 77);
  EXPECT_EQ(model::resolve_posting_id(0, real), 0);
}

TEST(RemittancePlanner, PairsAReversalWithALedgerPaymentByItsRealIdAndSaysWhenAmountsDiffer) {
  const auto first = paid("C1");
  const auto r = remittance({reversal_of(first)});
  ledger::PostingInputs in;
  in.submitted = {submitted(first, 11)};
  in.open_payments = {{41, 11, "C1", first.payer_claim_control_number, 10000, 7000}};
  const auto plan = plan_remittance(r, in, context());
  ASSERT_EQ(plan.postings.size(), 1u);
  EXPECT_EQ(plan.postings[0].reverses, 41);
  const auto* differs = find_rule(plan.findings, "post.reversal_amount_differs");
  ASSERT_NE(differs, nullptr);
  EXPECT_EQ(differs->amount.cents(), -1000);  // takes back 80.00 of a 70.00 payment
  EXPECT_EQ(plan.claim_statuses[0].second, model::ClaimStatus::reversed);
  // A reversal nothing pairs with is recorded as it stands, with a warning.
  in.open_payments.clear();
  const auto alone = plan_remittance(r, in, context());
  EXPECT_EQ(alone.postings[0].reverses, 0);
  EXPECT_NE(find_rule(alone.findings, "post.reversal_without_original"), nullptr);
}

TEST(RemittancePlanner, AttributesEachFindingToTheClaimPaymentItFollows) {
  auto second = paid("C2");
  second.lines.push_back(svc("97110", 4000, 0, {adj("CO", "97", 4000)}));
  second.lines.back().line_control_number = "NOT-SENT";
  auto r = remittance({paid("C1"), second});
  r.claims[1].lines.back().segment = 25;  // after the second CLP (segment 20)
  ledger::PostingInputs in;
  auto sent = submitted(r.claims[1], 12);
  sent.lines.pop_back();
  in.submitted = {submitted(r.claims[0], 11), sent};
  const auto plan = plan_remittance(r, in, context());
  ASSERT_EQ(plan.findings.size(), plan.finding_postings.size());
  bool line_finding = false;
  for (std::size_t i = 0; i < plan.findings.size(); ++i) {
    if (plan.findings[i].rule != "match.unmatched_line") continue;
    line_finding = true;
    EXPECT_EQ(plan.finding_postings[i], -2);
  }
  EXPECT_TRUE(line_finding);
}

TEST(RemittancePlanner, AnAlreadyPostedSetPlansNothingAndAnIncompleteOneIsNotPosted) {
  auto r = remittance({paid("C1"), paid("C2")});
  ledger::PostingInputs in;
  in.already_posted = true;
  in.submitted = {submitted(r.claims[0], 11)};
  const auto plan = plan_remittance(r, in, context());
  EXPECT_EQ(plan.result, PostingPlan::Result::already_posted);
  EXPECT_FALSE(plan.writes());
  EXPECT_EQ(plan.matched, 1u);
  EXPECT_EQ(plan.unmatched, 1u);
  EXPECT_TRUE(plan.postings.empty());
  EXPECT_TRUE(plan.findings.empty());

  r.complete = false;
  model::Finding cut;
  cut.rule = "read.incomplete_transaction";
  r.findings.push_back(cut);
  const auto incomplete = plan_remittance(r, {}, context());
  EXPECT_EQ(incomplete.result, PostingPlan::Result::not_posted);
  EXPECT_TRUE(incomplete.postings.empty());
  ASSERT_EQ(incomplete.findings.size(), 1u);
  EXPECT_EQ(incomplete.findings[0].rule, "read.incomplete_transaction");
}

TEST(RemittancePlanner, ASameTraceWithOtherContentIsPostedWithAFinding) {
  const auto r = remittance({paid("C1")});
  ledger::PostingInputs in;
  in.trace_posted_with_other_content = true;
  const auto plan = plan_remittance(r, in, context());
  EXPECT_EQ(plan.result, PostingPlan::Result::post);
  EXPECT_NE(find_rule(plan.findings, "post.trace_reused"), nullptr);
}

TEST(RemittancePlanner, AskingTheLedgerNamesTheKeyTheClaimsAndTheReversedPayments) {
  const auto first = paid("C1");
  const auto r = remittance({first, paid("C2"), reversal_of(first), paid("C1")});
  const auto q = posting_query(r, true);
  EXPECT_EQ(q.payer_id, "PAYER1");
  EXPECT_EQ(q.trace_number, "T1");
  EXPECT_EQ(q.claim_ids, (std::vector<std::string>{"C1", "C2"}));
  EXPECT_EQ(q.reversed_control_numbers, std::vector<std::string>{first.payer_claim_control_number});
  EXPECT_EQ(q.item_claim_ids, (std::vector<std::string>{"C1", "C2", "remittance:T1"}));
  EXPECT_FALSE(posting_query(r, false).review);
}

// ---- the review and the worklist in the plan ----------------------------------------------

TEST(RemittancePlanner, TheRulesSeeTheLedgerHistoryFollowedByThisSetsPostings) {
  const worklist::PostReview review(config(), rules::FeeSchedule{}, model::Date{2024, 5, 10});
  const auto again = paid("C5");
  ledger::PostingInputs in;
  in.submitted = {submitted(again, 15)};
  in.latest_claims.emplace("C5", submitted(again, 15));
  auto earlier = testing::posting_of(again, true, 30);
  earlier.claim_row = 15;
  in.histories["C5"] = {earlier};
  // Paid again without a reversal: a duplicate payment (the ledger's one and this set's).
  auto plan = plan_remittance(remittance({again}), in, context(&review));
  const auto* duplicate = find_rule(plan.rule_findings, "payment.duplicate");
  ASSERT_NE(duplicate, nullptr);
  EXPECT_EQ(duplicate->amount.cents(), 8000);
  ASSERT_EQ(plan.worklist.size(), 1u);
  EXPECT_EQ(plan.worklist[0].event->posting_id, -1);

  // Reversed in this set (pairing with ledger payment 30) and paid again: nothing stands twice.
  auto reversal = reversal_of(again);
  in.open_payments = {{30, 15, "C5", again.payer_claim_control_number, 10000, 8000}};
  plan = plan_remittance(remittance({reversal, again}), in, context(&review));
  EXPECT_EQ(plan.postings[0].reverses, 30);
  EXPECT_EQ(find_rule(plan.rule_findings, "payment.duplicate"), nullptr);
  EXPECT_EQ(find_rule(plan.rule_findings, "reversal.uncorrected"), nullptr);
}

TEST(RemittancePlanner, PlansWorklistChangesOpenResolveByPaymentReopenAndUpdate) {
  const worklist::PostReview review(config(), rules::FeeSchedule{}, model::Date{2024, 5, 10});
  const auto r = remittance({denied("C1"), paid("C2"), denied("C3"), denied("C4")});
  ledger::PostingInputs in;
  for (std::size_t i = 0; i < r.claims.size(); ++i) {
    in.submitted.push_back(submitted(r.claims[i], static_cast<std::int64_t>(11 + i)));
    in.latest_claims.emplace(r.claims[i].patient_control_number, in.submitted.back());
  }
  auto item = [](std::int64_t id, const std::string& claim, model::WorklistStatus status) {
    model::WorklistItem w;
    w.id = id;
    w.payer_id = "PAYER1";
    w.claim_id = claim;
    w.status = status;
    w.category = "coding";
    w.opened_at = "2024-04-01T00:00:00Z";
    model::WorklistFinding f;
    f.id = id * 10;
    f.source = "posting";
    f.rule = "denial.line";
    f.category = "coding";
    f.open = model::is_active(status);
    w.findings = {f};
    return w;
  };
  in.items.emplace("C2", item(7, "C2", model::WorklistStatus::in_progress));
  in.items.emplace("C3", item(8, "C3", model::WorklistStatus::resolved));
  in.items.emplace("C4", item(9, "C4", model::WorklistStatus::open));
  const auto plan = plan_remittance(r, in, context(&review));
  ASSERT_EQ(plan.worklist.size(), 4u);

  const auto& opened = plan.worklist[0];
  EXPECT_TRUE(opened.opens());
  EXPECT_EQ(opened.item.claim_id, "C1");
  EXPECT_EQ(opened.what(), "opened");
  EXPECT_EQ(opened.item.category, "missing_information");
  EXPECT_EQ(opened.item.amount.cents(), 12000);
  EXPECT_EQ(opened.item.rarc, std::vector<std::string>{"N290"});
  EXPECT_EQ(opened.event->posting_id, -1);
  ASSERT_FALSE(opened.added.empty());
  EXPECT_EQ(opened.added[0].posting_id, -1);
  EXPECT_EQ(opened.added[0].source, "posting");

  auto resolved = plan.worklist[1];
  EXPECT_EQ(resolved.item.id, 7);
  EXPECT_EQ(resolved.what(), "resolved_by_payment");
  EXPECT_EQ(resolved.close, model::WorklistChange::Close::all);
  EXPECT_EQ(resolved.item.status, model::WorklistStatus::resolved);
  EXPECT_EQ(resolved.event->amount.cents(), 8000);
  ASSERT_TRUE(resolved.resolution);
  EXPECT_EQ(resolved.resolution->posting_id, -2);
  // Its note names the posting once its real id is known.
  model::resolve_posting_ids(resolved, std::vector<std::int64_t>{101, 102, 103, 104});
  EXPECT_EQ(resolved.item.resolution_note, "paid in full by posting 102 (80.00 paid)");
  EXPECT_EQ(resolved.event->note, resolved.item.resolution_note);
  EXPECT_EQ(resolved.event->posting_id, 102);

  const auto& reopened = plan.worklist[2];
  EXPECT_EQ(reopened.item.id, 8);
  EXPECT_EQ(reopened.what(), "reopened");
  EXPECT_EQ(reopened.item.status, model::WorklistStatus::open);
  EXPECT_TRUE(reopened.item.resolved_at.empty());

  const auto& updated = plan.worklist[3];
  EXPECT_EQ(updated.item.id, 9);
  EXPECT_EQ(updated.what(), "updated");
  EXPECT_EQ(updated.close, model::WorklistChange::Close::all);
  EXPECT_EQ(updated.item.category, "missing_information");
  EXPECT_EQ(updated.item.trace_number, "T1");

  worklist::ApplyCounts counts;
  for (const auto& ch : plan.worklist) counts += worklist::counts_of(ch);
  EXPECT_EQ(counts.opened, 1u);
  EXPECT_EQ(counts.resolved, 1u);
  EXPECT_EQ(counts.reopened, 1u);
  EXPECT_EQ(counts.updated, 1u);
}

TEST(RemittancePlanner, AnUnbalancedRemittanceGetsAnItemOfItsOwn) {
  const worklist::PostReview review(config(), rules::FeeSchedule{}, model::Date{2024, 5, 10});
  auto r = remittance({paid("C1")});
  r.payment.total = Money::from_cents(9000);  // BPR02 says 90.00, the claims pay 80.00
  ledger::PostingInputs in;
  in.submitted = {submitted(r.claims[0], 11)};
  const auto plan = plan_remittance(r, in, context(&review));
  EXPECT_EQ(plan.unbalanced, 1u);
  ASSERT_FALSE(plan.worklist.empty());
  EXPECT_EQ(plan.worklist.back().item.claim_id, "remittance:T1");
  EXPECT_EQ(plan.worklist.back().item.category, "unbalanced");
  EXPECT_EQ(plan.worklist.back().item.amount.cents(), 1000);
}

// ---- one item's change, as the sweep decides it ---------------------------------------------

TEST(WorklistItemChange, ASweepClosesOnlyItsOwnFindingsAndDoesNotRepeatAPostings) {
  model::WorklistItem item;
  item.id = 5;
  item.payer_id = "PAYER1";
  item.claim_id = "C1";
  item.status = model::WorklistStatus::open;
  model::WorklistFinding posting_finding;
  posting_finding.source = "posting";
  posting_finding.rule = "reversal.uncorrected";
  posting_finding.category = "reversal";
  posting_finding.amount = Money::from_cents(8000);
  posting_finding.open = true;
  model::WorklistFinding sweep_finding = posting_finding;
  sweep_finding.source = "sweep";
  sweep_finding.rule = "remittance.missing";
  sweep_finding.category = "missing_remittance";
  item.findings = {posting_finding, sweep_finding};

  worklist::ClaimReview review;
  review.payer_id = "PAYER1";
  review.claim_id = "C1";
  model::Finding again;
  again.rule = "reversal.uncorrected";
  again.category = "reversal";
  again.amount = Money::from_cents(8000);
  review.findings = {again};
  const auto change = worklist::plan_item_change(item, review, config(), "2024-06-01T00:00:00Z");
  ASSERT_TRUE(change);
  EXPECT_EQ(change->close, model::WorklistChange::Close::sweep);
  EXPECT_TRUE(change->added.empty());  // the posting already found it
  EXPECT_FALSE(change->event);         // nothing new: refreshed only
  EXPECT_EQ(change->what(), "refreshed");
  EXPECT_EQ(change->item.status, model::WorklistStatus::open);
  EXPECT_EQ(change->item.category, "reversal");  // summarized from what stays open
  EXPECT_EQ(change->item.updated_at, "2024-06-01T00:00:00Z");

  // Nothing found and nothing left open once the sweep's own close: resolved by the sweep.
  item.findings = {sweep_finding};
  review.findings.clear();
  const auto resolved = worklist::plan_item_change(item, review, config(), "2024-06-01T00:00:00Z");
  ASSERT_TRUE(resolved);
  EXPECT_EQ(resolved->what(), "resolved");
  EXPECT_EQ(resolved->item.resolution_note, "nothing left to work (ledger sweep)");

  // No item and nothing that opens one: no change.
  EXPECT_FALSE(worklist::plan_item_change(std::nullopt, review, config(), "t"));
}

}  // namespace
}  // namespace clearhouse::reconcile
