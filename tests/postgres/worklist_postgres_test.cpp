// The worklist and the report on a shared PostgreSQL ledger: the samples loop gives the same
// items and totals as on SQLite, and billers can work the items (the worklist's SQL is written
// once for both databases).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <unistd.h>

#include <map>

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

}  // namespace
}  // namespace clearhouse::testing
