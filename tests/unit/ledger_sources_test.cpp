// The ledger's review sources with and without prefetch: the samples submitted and posted into
// two SQLite ledgers, one reviewed with the batched reads (ReviewSources::prefetch, the worklist
// store's prefetch), one claim at a time; findings, worklist items, their findings and history
// come out identical, and so does every per-claim answer of the sources.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <functional>

#include "engine/ledger/fee_schedule_store.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/reconcile/remittance_file_posting.hpp"
#include "engine/reconcile/remittance_poster.hpp"
#include "engine/reconcile/remittance_read_ahead.hpp"
#include "engine/rules/fee_schedule.hpp"
#include "engine/rules/pipeline.hpp"
#include "engine/worklist/ledger_sources.hpp"
#include "engine/worklist/post_review.hpp"
#include "engine/worklist/remittance_review.hpp"
#include "engine/worklist/worklist.hpp"
#include "parsers/x12/input_source.hpp"
#include "tests/support/rules_fixtures.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::worklist {
namespace {

namespace fs = std::filesystem;

const rules::RulesConfig& config() {
  static const rules::RulesConfig c = testing::test_rules_config();
  return c;
}

std::string describe(const model::Posting& p) {
  return fmt::format("{} {} {} {} {} {} {} {} {} {} {} {} {}|", p.id, p.claim_id, p.payer_id,
                     p.payer_claim_control_number, p.status_code.view(),
                     p.claim_status ? std::string(model::to_string(*p.claim_status)) : "-", p.reversal, p.reverses,
                     p.billed.cents(), p.paid.cents(), p.patient_responsibility.cents(),
                     p.adjustments.contractual.cents() + 10 * p.adjustments.unclassified.cents(), p.claim_row);
}

std::string describe(const std::vector<model::Posting>& history) {
  std::string out;
  for (const auto& p : history) out += describe(p);
  return out;
}

std::string describe(const std::optional<ledger::ClaimRecord>& c) {
  if (!c) return "none";
  std::string out = fmt::format("{} {} {} {} {} {} {} {} {} {} {} {} {}:", c->row_id, c->batch_id, c->claim_id,
                                c->payer_id, c->payer_name, c->billing_npi, c->frequency_code,
                                c->original_claim_number, c->billed_cents, c->service_date_from, c->service_date_to,
                                c->transaction_control_number, c->status);
  for (const auto& l : c->lines)
    out += fmt::format("[{} {} {} {} {} {} {} {} {}]", l.row_id, l.line_number, l.line_control_number,
                       l.procedure_code, l.modifiers, l.charge_cents, l.units, l.unit_code, l.service_date);
  return out;
}

std::string describe(const model::Finding& f) {
  return fmt::format("{} {} {} {} {} {} {} {}|", f.rule, f.category, f.claim_id, f.line_number, f.amount.cents(),
                     f.message, f.action, fmt::join(f.carc, ","));
}

// Every worklist item with its findings and events (ids included: both ledgers insert in the
// same order).
std::string describe_worklist(ledger::WorklistStore& store) {
  std::string out;
  for (const auto& i : store.list({})) {
    out += fmt::format("{} {} {} {} {} {} {} {} {} {}\n", i.id, i.payer_id, i.claim_id, i.category,
                       fmt::join(i.rules, ","), i.amount.cents(), i.action, model::to_string(i.status),
                       i.trace_number, i.resolution_note);
    for (const auto& f : store.findings(i.id, false))
      out += fmt::format("  {} {} {} {} {} {} {}\n", f.id, f.posting_id, f.rule, f.category, f.amount.cents(), f.open,
                         f.closed_at);
    for (const auto& e : store.history(i.id))
      out += fmt::format("  {} {} {} {} {}\n", e.event, e.posting_id, e.amount.cents(), e.note, e.at);
  }
  return out;
}

struct Posted {
  std::string findings;
  std::string worklist;
  ApplyCounts counts;
};

// Submits the samples into a fresh SQLite ledger (the CLI), then posts the samples' 835 in
// process with the review wired in, with or without prefetch.
Posted post_samples(const fs::path& dir, bool prefetch, std::unique_ptr<ledger::Ledger>& ledger) {
  fs::create_directories(dir);
  const auto db = "sqlite:" + (dir / "ledger.db").string();
  const auto s = testing::run_clearhouse({"submit", (testing::source_dir() / "samples" / "encounters.jsonl").string(),
                                          "--out", (dir / "out").string(), "--db", db, "--now", "2024-05-25T12:00"});
  EXPECT_EQ(s.exit_code, 0) << s.err;
  ledger = ledger::open_ledger(db);
  const auto fees = load_fee_schedule_file(*ledger, (testing::source_dir() / "samples" / "fee_schedule.csv").string());
  EXPECT_TRUE(fees.errors.empty());
  const rules::FeeSchedule schedule(ledger::read_fee_schedule(ledger->connection()));
  const rules::Pipeline pipeline(config());
  const rules::RuleEnvironment env{config(), &schedule, model::Date{2024, 6, 20}};
  auto sources = ledger_review_sources(*ledger);
  if (!prefetch) sources.prefetch = nullptr;
  Worklist worklist(ledger->connection(), config());

  Posted out;
  // Each set posted in a transaction of ours, and reviewed in it once its postings are written
  // (the history includes them), as posting did before it planned its review.
  reconcile::RemittancePoster poster(*ledger, "remittance.835", nullptr, reconcile::RemittancePoster::Transactions::callers);
  // The samples, then a later payment of a denied claim (an existing item, resolved).
  for (const auto& path : {testing::source_dir() / "samples" / "remittance.835",
                           testing::source_dir() / "tests" / "fixtures" / "worklist" / "sfm1005_paid_after_correction.835"}) {
    std::string error;
    auto source = x12::FileSource::open(path.string(), error);
    EXPECT_TRUE(source) << error;
    if (!source) return out;
    reconcile::RemittanceReadAhead ahead(*source, path.filename().string());
    std::uint64_t posted = 0;
    while (auto* item = ahead.next()) {
      ledger::sql::Transaction tx(ledger->connection());
      const auto outcome = poster.post(item->remittance);
      if (outcome.result == reconcile::RemittanceOutcome::Result::posted) {
        const auto result = review_remittance(item->remittance, outcome.postings, outcome.findings, sources, pipeline,
                                              env, worklist, "2024-06-20T00:00:00Z");
        for (const auto& f : result.findings) out.findings += describe(f);
        out.counts += result.worklist;
      }
      tx.commit();
      posted += outcome.posted;
    }
    EXPECT_GT(posted, 0u);
  }
  out.worklist = describe_worklist(worklist.store());
  return out;
}

TEST(LedgerSources, PrefetchedReviewIsTheSameAsOneClaimAtATime) {
  const auto base = testing::scratch_dir("ledger_sources_review");
  std::unique_ptr<ledger::Ledger> batched_ledger, single_ledger;
  const auto batched = post_samples(base / "batched", true, batched_ledger);
  const auto single = post_samples(base / "single", false, single_ledger);
  EXPECT_FALSE(single.findings.empty());
  EXPECT_GT(single.counts.opened, 0u);
  EXPECT_GT(single.counts.resolved, 0u);
  EXPECT_EQ(batched.findings, single.findings);
  EXPECT_EQ(batched.worklist, single.worklist);
  EXPECT_EQ(batched.counts.opened, single.counts.opened);
  EXPECT_EQ(batched.counts.updated, single.counts.updated);
  EXPECT_EQ(batched.counts.resolved, single.counts.resolved);
  EXPECT_EQ(batched.counts.findings, single.counts.findings);
}

// Posting as a plan (read, decide, write: the rules see this set's planned postings with
// provisional ids, the worklist changes are written with the postings) comes out row for row
// as reviewing each set after its postings were written, one claim at a time.
TEST(LedgerSources, PlannedPostingWritesWhatTheReviewAfterWritingWrote) {
  const auto base = testing::scratch_dir("ledger_sources_planned");
  std::unique_ptr<ledger::Ledger> single_ledger;
  const auto single = post_samples(base / "single", false, single_ledger);

  const auto dir = base / "planned";
  fs::create_directories(dir);
  const auto db = "sqlite:" + (dir / "ledger.db").string();
  const auto s = testing::run_clearhouse({"submit", (testing::source_dir() / "samples" / "encounters.jsonl").string(),
                                          "--out", (dir / "out").string(), "--db", db, "--now", "2024-05-25T12:00"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  auto ledger = ledger::open_ledger(db);
  ASSERT_TRUE(load_fee_schedule_file(*ledger, (testing::source_dir() / "samples" / "fee_schedule.csv").string())
                  .errors.empty());
  const PostReview review(*ledger, config(), model::Date{2024, 6, 20});
  Posted planned;
  for (const auto& path : {testing::source_dir() / "samples" / "remittance.835",
                           testing::source_dir() / "tests" / "fixtures" / "worklist" / "sfm1005_paid_after_correction.835"}) {
    std::string error;
    auto source = x12::FileSource::open(path.string(), error);
    ASSERT_TRUE(source) << error;
    reconcile::RemittanceFilePosting posting(*ledger, *source,
                                             {"remittance.835", &review, false, "2024-06-20T00:00:00Z"});
    while (const auto* set = posting.next()) {
      for (const auto& f : set->outcome.rule_findings) planned.findings += describe(f);
      planned.counts += set->outcome.worklist;
    }
    EXPECT_GT(posting.totals().posted, 0u);
  }
  ledger::WorklistStore store(ledger->connection());
  planned.worklist = describe_worklist(store);
  EXPECT_FALSE(planned.worklist.empty());
  EXPECT_EQ(planned.findings, single.findings);
  EXPECT_EQ(planned.worklist, single.worklist);
  EXPECT_EQ(planned.counts.opened, single.counts.opened);
  EXPECT_EQ(planned.counts.updated, single.counts.updated);
  EXPECT_EQ(planned.counts.reopened, single.counts.reopened);
  EXPECT_EQ(planned.counts.resolved, single.counts.resolved);
  EXPECT_EQ(planned.counts.findings, single.counts.findings);
}

TEST(LedgerSources, PrefetchedAnswersAreTheSameAsSingleReads) {
  const auto base = testing::scratch_dir("ledger_sources_answers");
  std::unique_ptr<ledger::Ledger> ledger;
  post_samples(base, true, ledger);

  // Every claim paid, one never submitted nor paid, one paid twice (reversal and correction).
  std::vector<std::pair<std::string, std::string>> claims;
  auto q = ledger->connection().prepare("SELECT DISTINCT payer_id, claim_id FROM claim_payments ORDER BY 1, 2");
  while (q->step()) claims.emplace_back(q->column_text(0), q->column_text(1));
  q->reset();
  ASSERT_GT(claims.size(), 3u);
  claims.emplace_back(claims.front().first, "NEVER-SENT");

  const auto direct = ledger_review_sources(*ledger);
  std::map<std::string, std::vector<std::string>> by_payer;
  for (const auto& [payer, claim] : claims) by_payer[payer].push_back(claim);
  int with_history = 0, submitted = 0;
  for (const auto& [payer, ids] : by_payer) {
    const auto batched = ledger_review_sources(*ledger);
    batched.prefetch(payer, ids);
    for (const auto& id : ids) {
      SCOPED_TRACE(id);
      const auto history = direct.history(payer, id);
      with_history += history.empty() ? 0 : 1;
      EXPECT_EQ(describe(batched.history(payer, id)), describe(history));
      const auto claim = direct.submitted(payer, id);
      submitted += claim ? 1 : 0;
      EXPECT_EQ(describe(batched.submitted(payer, id)), describe(claim));
      EXPECT_EQ(batched.last_posted_on(payer, id), direct.last_posted_on(payer, id));
      // Asked again (handed out once, then read from the database): still the same.
      EXPECT_EQ(describe(batched.history(payer, id)), describe(history));
      EXPECT_EQ(describe(batched.submitted(payer, id)), describe(claim));
    }
    // Everything was handed out: read on their own, and so is another payer's claim.
    EXPECT_EQ(describe(batched.history(payer, ids.front())), describe(direct.history(payer, ids.front())));
    EXPECT_EQ(describe(batched.submitted("OTHER", ids.front())), "none");
    batched.prefetch(payer, {});
    EXPECT_EQ(describe(batched.history(payer, ids.front())), describe(direct.history(payer, ids.front())));
  }
  EXPECT_EQ(with_history, static_cast<int>(claims.size()) - 1);
  EXPECT_GT(submitted, 3);
}

// An open coding item for payer P1's claim C1, stored.
model::WorklistItem coding_item_of_c1(ledger::WorklistStore& store) {
  model::WorklistItem item;
  item.payer_id = "P1";
  item.claim_id = "C1";
  item.category = "coding";
  item.action = "correct_resubmit";
  item.opened_at = item.updated_at = "t";
  item.id = store.insert(item);
  return item;
}

TEST(LedgerSources, WorklistStorePrefetchHandsOutEachItemOnceAndForgetsWhatIsWritten) {
  auto ledger = ledger::open_ledger("sqlite::memory:");
  ledger::WorklistStore store(ledger->connection());
  model::WorklistItem item = coding_item_of_c1(store);

  const std::vector<std::string> ids = {"C1", "C2"};
  store.prefetch("P1", ids);
  const auto found = store.find("P1", "C1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, item.id);
  EXPECT_EQ(found->category, "coding");
  EXPECT_FALSE(store.find("P1", "C2"));
  EXPECT_FALSE(store.find("P2", "C1"));

  // An item written after the prefetch is read from the database, not from the prefetch.
  store.prefetch("P1", ids);
  item.category = "authorization";
  store.update(item);
  EXPECT_EQ(store.find("P1", "C1")->category, "authorization");
  store.prefetch("P1", ids);
  model::WorklistItem other = item;
  other.claim_id = "C2";
  other.id = store.insert(other);
  ASSERT_TRUE(store.find("P1", "C2"));
  EXPECT_EQ(store.find("P1", "C2")->id, other.id);
}

TEST(LedgerSources, DeferredWorklistWritesAreSeenByEveryReadAndDiscardedOnRollback) {
  auto ledger = ledger::open_ledger("sqlite::memory:");
  ledger::WorklistStore store(ledger->connection());
  model::WorklistItem item = coding_item_of_c1(store);
  model::WorklistFinding f;
  f.source = "posting";
  f.rule = "denial.line";
  f.category = "coding";
  f.carc = {"16"};
  f.amount = model::Money::from_cents(500);
  f.open = true;
  f.created_at = "t";
  model::WorklistEvent e;
  e.at = "t";
  e.actor = "clearhouse";
  e.event = "opened";

  store.defer_writes(true);
  store.add_finding(item.id, f);
  store.add_event(item.id, e);
  const auto findings = store.findings(item.id, true);  // flushes first
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].carc, std::vector<std::string>{"16"});
  EXPECT_EQ(findings[0].closed_at, "");
  EXPECT_EQ(store.history(item.id).size(), 1u);
  store.add_finding(item.id, f);
  store.close_findings(item.id, "t2");  // flushes first: both are closed
  EXPECT_TRUE(store.findings(item.id, true).empty());
  EXPECT_EQ(store.findings(item.id, false).size(), 2u);

  {
    ledger::sql::Transaction tx(ledger->connection());
    store.add_event(item.id, e);
    store.discard_deferred();
  }
  store.defer_writes(false);
  EXPECT_EQ(store.history(item.id).size(), 1u);
}

}  // namespace
}  // namespace clearhouse::worklist
