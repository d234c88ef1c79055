// The worklist and the report on a shared PostgreSQL ledger: the samples loop gives the same
// items and totals as on SQLite, and billers can work the items (the worklist's SQL is written
// once for both databases).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <map>

#include "engine/ledger/ledger.hpp"
#include "engine/ledger/worklist_store.hpp"
#include "engine/worklist/ledger_sources.hpp"
#include "tests/support/postgres_server.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  EXPECT_FALSE(d.HasParseError()) << text.substr(0, 300);
  return d;
}

TEST(WorklistPostgres, SamplesLoopGivesTheSameItemsAndTotalsAsOnSqlite) {
  const std::string url = PostgresServer::instance().create_database(fmt::format("worklist_{}", ::getpid()));
  const auto dir = scratch_dir("worklist_postgres");
  const auto s = run_clearhouse({"submit", (source_dir() / "samples" / "encounters.jsonl").string(), "--out",
                                 (dir / "out").string(), "--db", url, "--now", "2024-05-25T12:00"});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const auto p = run_clearhouse({"post", (source_dir() / "samples" / "remittance.835").string(), "--db", url,
                                 "--fee-schedule", (source_dir() / "samples" / "fee_schedule.csv").string(),
                                 "--as-of", "2024-06-20"});
  ASSERT_EQ(p.exit_code, 0) << p.err;

  const auto listed = run_clearhouse({"worklist", "--format", "json", "--as-of", "2024-06-20", "--db", url});
  ASSERT_EQ(listed.exit_code, 0) << listed.err;
  std::map<std::string, std::pair<std::string, std::int64_t>> items;
  for (const auto& i : parse_json(listed.out)["items"].GetArray())
    items[i["claim_id"].GetString()] = {i["category"].GetString(), i["amount_cents"].GetInt64()};
  const std::map<std::string, std::pair<std::string, std::int64_t>> expected = {
      {"SFM1005", {"missing_information", 14000}}, {"DOE3001", {"eligibility", 12000}},
      {"SFM1004", {"coding", 6500}},               {"SFM1002", {"non_covered", 5200}},
      {"LKO2002", {"underpayment", 1200}}};
  EXPECT_EQ(items, expected);

  const auto shown = run_clearhouse({"worklist", "show", "LKO2003", "--db", url});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const auto d = parse_json(shown.out);
  EXPECT_STREQ(d["item"]["status"].GetString(), "resolved");
  EXPECT_STREQ(d["history"][d["history"].Size() - 1]["event"].GetString(), "resolved_by_payment");

  EXPECT_EQ(run_clearhouse({"worklist", "assign", "SFM1004", "--to", "dana", "--db", url}).exit_code, 0);
  const auto resolved = run_clearhouse({"worklist", "resolve", "SFM1004", "--note", "corrected", "--by", "dana", "--db", url});
  ASSERT_EQ(resolved.exit_code, 0) << resolved.err;
  EXPECT_STREQ(parse_json(resolved.out)["item"]["resolved_by"].GetString(), "dana");

  const auto report = run_clearhouse({"report", "--as-of", "2024-06-20", "--db", url});
  ASSERT_EQ(report.exit_code, 0) << report.err;
  const auto r = parse_json(report.out);
  EXPECT_EQ(r["totals"]["claims"]["submitted"].GetUint64(), 12u);
  EXPECT_EQ(r["totals"]["cents"]["paid"].GetInt64(), 237377);
  EXPECT_EQ(r["totals"]["cents"]["adjusted"].GetInt64(), 202653);
  EXPECT_EQ(r["totals"]["cents"]["patient_responsibility"].GetInt64(), 25820);
  EXPECT_EQ(r["denials_by_category"].Size(), 4u);
  EXPECT_EQ(r["ar_total_cents"].GetInt64(), 38900 - 6500);  // SFM1004 was resolved above
  EXPECT_NE(report.out.find("\"average_days_to_payment\":10.9"), std::string::npos) << report.out;

  const auto refresh = run_clearhouse({"worklist", "refresh", "--as-of", "2024-09-01", "--db", url});
  EXPECT_EQ(refresh.exit_code, 0) << refresh.err;
}

// The review's batched reads (chunked IN lists, $n placeholders, the history's join) answer
// exactly what the one-claim queries answer on PostgreSQL.
TEST(WorklistPostgres, PrefetchedReviewReadsAnswerAsOneClaimAtATime) {
  const std::string url = PostgresServer::instance().create_database(fmt::format("prefetch_{}", ::getpid()));
  const auto dir = scratch_dir("worklist_postgres_prefetch");
  ASSERT_EQ(run_clearhouse({"submit", (source_dir() / "samples" / "encounters.jsonl").string(), "--out",
                            (dir / "out").string(), "--db", url, "--now", "2024-05-25T12:00"})
                .exit_code,
            0);
  ASSERT_EQ(run_clearhouse({"post", (source_dir() / "samples" / "remittance.835").string(), "--db", url, "--as-of",
                            "2024-06-20"})
                .exit_code,
            0);
  auto ledger = ledger::open_ledger(url);
  std::map<std::string, std::vector<std::string>> by_payer;
  auto q = ledger->connection().prepare("SELECT DISTINCT payer_id, claim_id FROM claim_payments ORDER BY 1, 2");
  while (q->step()) by_payer[q->column_text(0)].push_back(q->column_text(1));
  q->reset();
  ASSERT_FALSE(by_payer.empty());
  const auto direct = worklist::ledger_review_sources(*ledger);
  ledger::WorklistStore items(ledger->connection());
  int claims = 0, lines = 0, postings = 0, with_items = 0;
  for (auto& [payer, ids] : by_payer) {
    ids.push_back("NEVER-SENT");
    const auto batched = worklist::ledger_review_sources(*ledger);
    batched.prefetch(payer, ids);
    items.prefetch(payer, ids);
    for (const auto& id : ids) {
      SCOPED_TRACE(id);
      const auto want = direct.history(payer, id);
      const auto got = batched.history(payer, id);
      ASSERT_EQ(got.size(), want.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].id, want[i].id);
        EXPECT_EQ(got[i].paid, want[i].paid);
        EXPECT_EQ(got[i].reverses, want[i].reverses);
        EXPECT_EQ(got[i].claim_row, want[i].claim_row);
      }
      postings += static_cast<int>(got.size());
      const auto want_claim = direct.submitted(payer, id);
      const auto got_claim = batched.submitted(payer, id);
      ASSERT_EQ(got_claim.has_value(), want_claim.has_value());
      if (got_claim) {
        ++claims;
        EXPECT_EQ(got_claim->row_id, want_claim->row_id);
        EXPECT_EQ(got_claim->billed_cents, want_claim->billed_cents);
        ASSERT_EQ(got_claim->lines.size(), want_claim->lines.size());
        for (std::size_t i = 0; i < got_claim->lines.size(); ++i) {
          EXPECT_EQ(got_claim->lines[i].row_id, want_claim->lines[i].row_id);
          EXPECT_EQ(got_claim->lines[i].units, want_claim->lines[i].units);
          ++lines;
        }
      }
      EXPECT_EQ(batched.last_posted_on(payer, id), direct.last_posted_on(payer, id));
      const auto item = items.find(payer, id);
      const auto want_item = items.find(payer, id);  // the prefetched one was handed out: a fresh read
      ASSERT_EQ(item.has_value(), want_item.has_value());
      if (item) {
        ++with_items;
        EXPECT_EQ(item->id, want_item->id);
        EXPECT_EQ(item->amount, want_item->amount);
        EXPECT_EQ(item->rules, want_item->rules);
      }
    }
  }
  EXPECT_GT(claims, 5);
  EXPECT_GT(lines, claims);
  EXPECT_GT(postings, claims);
  EXPECT_GE(with_items, 4);  // without the fee schedule: no underpayment item
}

}  // namespace
}  // namespace clearhouse::testing
