// Several workers, one PostgreSQL ledger, with real concurrent `clearhouse` processes: two posts
// of different files at once and of the same file at once leave every payment in the ledger
// exactly once; two submits at once get distinct control numbers. Also the samples end to end
// through the CLI on PostgreSQL.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>
#include <regex>
#include <set>

#include "engine/ledger/ledger.hpp"
#include "tests/support/postgres_server.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

namespace fs = std::filesystem;

std::int64_t query_int(const std::string& url, const std::string& sql) {
  auto ledger = ledger::open_ledger(url);
  return ledger->connection().prepare(sql)->single_int().value_or(-1);
}

std::int64_t json_int(const std::string& out, const char* key) {
  rapidjson::Document d;
  d.Parse(out.c_str());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember(key) || !d[key].IsInt64()) return -1;
  return d[key].GetInt64();
}

// A generated 835 and its encounters (gen_x12.py: the same claims on both sides).
struct Generated {
  fs::path remittance, encounters;
  std::int64_t claims = 0, transaction_sets = 0;
};

Generated generate(const fs::path& dir, int seed, int claims) {
  Generated g{dir / fmt::format("g{}.835", seed), dir / fmt::format("g{}.jsonl", seed)};
  const auto stats = dir / fmt::format("g{}.json", seed);
  const auto r = run_command(fmt::format("python3 {} --type 835 --claims {} --seed {} -o {} --encounters-json {} --stats {}",
                                         shell_quote((*shared_tools_dir() / "gen_x12.py").string()), claims, seed,
                                         shell_quote(g.remittance.string()), shell_quote(g.encounters.string()),
                                         shell_quote(stats.string())));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  g.claims = json_int(read_file(stats), "claims");
  g.transaction_sets = json_int(read_file(stats), "transaction_sets");
  return g;
}

struct Run {
  int exit_code = -1;
  std::string out, err;
};

// Runs each argument list as its own clearhouse process, all at the same time.
std::vector<Run> run_at_once(const fs::path& dir, const std::vector<std::vector<std::string>>& commands) {
  std::string script;
  for (std::size_t i = 0; i < commands.size(); ++i) {
    std::string cmd = shell_quote(clearhouse_binary().string());
    for (const auto& a : commands[i]) cmd += " " + shell_quote(a);
    const auto base = dir / fmt::format("run{}", i);
    script += fmt::format("({} >{} 2>{}; echo $? >{}) & ", cmd, shell_quote(base.string() + ".out"),
                          shell_quote(base.string() + ".err"), shell_quote(base.string() + ".rc"));
  }
  script += "wait";
  run_command(script);
  std::vector<Run> out(commands.size());
  for (std::size_t i = 0; i < commands.size(); ++i) {
    const auto base = dir / fmt::format("run{}", i);
    out[i].exit_code = std::stoi(read_file(base.string() + ".rc"));
    out[i].out = read_file(base.string() + ".out");
    out[i].err = read_file(base.string() + ".err");
  }
  return out;
}

class PostgresWorkers : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!shared_tools_dir()) GTEST_SKIP() << "../shared/tools not found";
    dir_ = scratch_dir(std::string("pg_workers_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    url_ = PostgresServer::instance().create_database(
        fmt::format("workers_{}_{}", ::getpid(), ::testing::UnitTest::GetInstance()->random_seed() + counter_++));
  }
  fs::path dir_;
  std::string url_;
  static inline int counter_ = 0;
};

TEST_F(PostgresWorkers, TwoPostsOfDifferentFilesAtOnceRecordEveryPaymentOnce) {
  const auto a = generate(dir_, 21, 1500), b = generate(dir_, 22, 1500);
  for (const auto* g : {&a, &b}) {
    const auto s = run_clearhouse({"submit", g->encounters.string(), "--out", (dir_ / "out").string(), "--db", url_});
    ASSERT_TRUE(s.exit_code == 0 || s.exit_code == 1) << s.err;
  }
  const auto runs = run_at_once(dir_, {{"post", a.remittance.string(), "--db", url_},
                                       {"post", b.remittance.string(), "--db", url_}});
  for (const auto& r : runs) {
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    EXPECT_EQ(json_int(r.out, "already_posted"), 0) << r.out;
  }
  EXPECT_EQ(json_int(runs[0].out, "claims"), a.claims);
  EXPECT_EQ(json_int(runs[1].out, "claims"), b.claims);
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM remittances"), a.transaction_sets + b.transaction_sets);
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM claim_payments"), a.claims + b.claims);
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM (SELECT remittance_id, sequence FROM claim_payments "
                            "GROUP BY remittance_id, sequence HAVING COUNT(*) > 1) d"),
            0);
  // Matched against the submitted claims: the encounters of both files were submitted.
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM claim_payments WHERE claim_row IS NOT NULL"),
            json_int(runs[0].out, "posted") + json_int(runs[1].out, "posted"));
  EXPECT_GT(json_int(runs[0].out, "posted"), a.claims * 9 / 10);
  EXPECT_EQ(query_int(url_, "SELECT SUM(paid_cents) FROM claim_payments"),
            json_int(runs[0].out, "paid_cents") + json_int(runs[1].out, "paid_cents"));
}

TEST_F(PostgresWorkers, TwoPostsOfTheSameFileAtOnceRecordEveryPaymentOnce) {
  const auto g = generate(dir_, 23, 3000);
  const auto runs = run_at_once(dir_, {{"post", g.remittance.string(), "--db", url_},
                                       {"post", g.remittance.string(), "--db", url_},
                                       {"post", g.remittance.string(), "--db", url_}});
  std::int64_t already = 0, unmatched_written = 0;
  for (const auto& r : runs) {
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    EXPECT_EQ(json_int(r.out, "remittances"), g.transaction_sets) << r.out;
    already += json_int(r.out, "already_posted");
  }
  // Every transaction set was posted by exactly one of the three; the others saw it posted.
  EXPECT_EQ(already, 2 * g.transaction_sets);
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM remittances"), g.transaction_sets);
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM claim_payments"), g.claims);
  unmatched_written = query_int(url_, "SELECT COUNT(*) FROM claim_payments WHERE claim_row IS NULL");
  EXPECT_EQ(unmatched_written, g.claims);
}

TEST_F(PostgresWorkers, TwoSubmitsAtOnceGetDistinctControlNumbers) {
  const auto a = generate(dir_, 24, 1200), b = generate(dir_, 25, 1200);
  const auto runs = run_at_once(dir_, {{"submit", a.encounters.string(), "--out", (dir_ / "a").string(), "--db", url_},
                                       {"submit", b.encounters.string(), "--out", (dir_ / "b").string(), "--db", url_}});
  std::map<std::string, std::set<std::string>> isa13_by_receiver;
  std::size_t files = 0;
  for (const auto& r : runs) {
    ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.err;
    EXPECT_GT(json_int(r.out, "submitted"), 0) << r.out;
  }
  for (const char* sub : {"a", "b"}) {
    for (const auto& entry : fs::directory_iterator(dir_ / sub)) {
      std::smatch m;
      const std::string name = entry.path().filename().string();
      if (!std::regex_match(name, m, std::regex(R"((.+)-(\d{9})\.837)"))) continue;
      ++files;
      EXPECT_TRUE(isa13_by_receiver[m[1]].insert(m[2]).second) << "ISA13 " << m[2] << " for " << m[1] << " used twice";
      // GS06 and every ST02 in the file come from the ledger too: ST02s are checked below.
    }
  }
  EXPECT_GE(files, 4u);
  // No ST02 was handed out twice for a sender/receiver pair either.
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM (SELECT b1.id FROM batches b1 JOIN batches b2 ON b1.id < b2.id "
                            "AND b1.sender_id = b2.sender_id AND b1.receiver_id = b2.receiver_id "
                            "AND b1.first_transaction_number <= b2.last_transaction_number "
                            "AND b2.first_transaction_number <= b1.last_transaction_number) overlap"),
            0);
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM batches"), static_cast<std::int64_t>(files));
}

TEST_F(PostgresWorkers, SamplesEndToEndOnPostgres) {
  const auto s = run_clearhouse({"submit", (source_dir() / "samples" / "encounters.jsonl").string(), "--out",
                                 (dir_ / "out").string(), "--db", url_});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const auto p = run_clearhouse({"post", (source_dir() / "samples" / "remittance.835").string(), "--db", url_});
  EXPECT_EQ(p.exit_code, 0) << p.err;
  EXPECT_EQ(json_int(p.out, "posted"), 14);
  EXPECT_EQ(json_int(p.out, "unmatched"), 0);
  EXPECT_EQ(json_int(p.out, "paid_cents"), 237377);
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM claims WHERE status = 'paid'"), 7);
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM claims WHERE status = 'partially_paid'"), 2);
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM claims WHERE status = 'denied'"), 2);
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM claims WHERE status = 'forwarded'"), 1);
  const auto again = run_clearhouse({"post", (source_dir() / "samples" / "remittance.835").string(), "--db", url_});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(json_int(again.out, "already_posted"), 10);
  EXPECT_EQ(query_int(url_, "SELECT COUNT(*) FROM claim_payments"), 14);
}

// PostgreSQL plans from statistics autovacuum gathers only a minute after a bulk load; without
// them a post right after a large submit scans whole tables. A large submit and a long post
// refresh the statistics of the tables they filled themselves.
TEST_F(PostgresWorkers, LargeSubmitsAndPostsRefreshThePlannerStatistics) {
  const auto g = generate(dir_, 25, 12000);
  const auto s = run_clearhouse({"submit", g.encounters.string(), "--out", (dir_ / "out").string(), "--db", url_});
  ASSERT_EQ(s.exit_code, 0) << s.err;
  const auto analyzed = [&](const char* table) {
    return query_int(url_, fmt::format("SELECT COUNT(*) FROM pg_stat_user_tables WHERE relname = '{}' AND "
                                       "(last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL)",
                                       table));
  };
  EXPECT_EQ(analyzed("claims"), 1);
  EXPECT_EQ(analyzed("service_lines"), 1);
  // With statistics, the match lookup by claim id is an index scan, not a scan of every claim.
  auto ledger = ledger::open_ledger(url_);
  auto plan = ledger->connection().prepare(
      "EXPLAIN SELECT id FROM service_lines WHERE claim_row IN (1, 2, 3, 4, 5, 6, 7, 8)");
  std::string text;
  while (plan->step()) text += plan->column_text(0) + "\n";
  EXPECT_EQ(text.find("Seq Scan"), std::string::npos) << text;

  const auto p = run_clearhouse({"post", g.remittance.string(), "--db", url_});
  ASSERT_LE(p.exit_code, 1) << p.err;
  EXPECT_EQ(json_int(p.out, "claims"), g.claims);
  EXPECT_EQ(analyzed("claim_payments"), 1);  // past 10,000 payments
}

}  // namespace
}  // namespace clearhouse::testing
