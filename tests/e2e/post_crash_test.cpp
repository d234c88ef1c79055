// Crash safety of `clearhouse post`: a 100,000-claim generated 835 (its encounters submitted
// first) is posted, the process is killed with SIGKILL part-way (twice, at different points),
// and posted again. Every transaction set is in the ledger exactly once, all or nothing, and
// every claim payment exactly once.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <chrono>
#include <csignal>
#include <thread>

#include "engine/ledger/ledger.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

namespace fs = std::filesystem;

std::int64_t json_int(const std::string& text, const char* key) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  if (d.HasParseError() || !d.IsObject() || !d.HasMember(key) || !d[key].IsInt64()) return -1;
  return d[key].GetInt64();
}

std::int64_t query_int(const std::string& url, const std::string& sql) {
  auto ledger = ledger::open_ledger(url);
  return ledger->connection().prepare(sql)->single_int().value_or(-1);
}

struct Input {
  fs::path remittance, encounters;
  std::int64_t claims = 0, transaction_sets = 0;
};

// Generated once into the build tree and reused by later runs.
Input generated_input(int claims, int seed) {
  const fs::path dir = build_dir() / "test-data";
  fs::create_directories(dir);
  const std::string stem = fmt::format("crash-{}-s{}", claims, seed);
  Input in{dir / (stem + ".835"), dir / (stem + ".jsonl")};
  const fs::path stats = dir / (stem + ".json");
  if (!fs::exists(stats)) {
    const auto r = run_command(fmt::format(
        "python3 {} --type 835 --claims {} --seed {} -o {} --encounters-json {} --stats {}.tmp && mv {}.tmp {}",
        shell_quote((*shared_tools_dir() / "gen_x12.py").string()), claims, seed, shell_quote(in.remittance.string()),
        shell_quote(in.encounters.string()), shell_quote(stats.string()), shell_quote(stats.string()),
        shell_quote(stats.string())));
    EXPECT_EQ(r.exit_code, 0) << r.err;
  }
  const std::string s = read_file(stats);
  in.claims = json_int(s, "claims");
  in.transaction_sets = json_int(s, "transaction_sets");
  return in;
}

// Starts a post in the background; returns its pid.
int start_post(const Input& in, const std::string& url, const fs::path& dir, int run) {
  const auto r = run_command(fmt::format("{} post {} --db {} >{} 2>{} </dev/null & echo $!",
                                         shell_quote(clearhouse_binary().string()), shell_quote(in.remittance.string()),
                                         shell_quote(url), shell_quote((dir / fmt::format("post{}.out", run)).string()),
                                         shell_quote((dir / fmt::format("post{}.err", run)).string())));
  return std::stoi(r.out);
}

// Waits until at least `sets` transaction sets are committed (or the post ends), then kills it.
// Returns how many were committed when it died.
std::int64_t kill_after(int pid, const std::string& url, std::int64_t sets) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(5);
  while (std::chrono::steady_clock::now() < deadline) {
    if (query_int(url, "SELECT COUNT(*) FROM remittances") >= sets) break;
    if (::kill(pid, 0) != 0) break;  // already finished
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid, SIGKILL);
  run_command(fmt::format("while kill -0 {} 2>/dev/null; do sleep 0.05; done", pid));
  return query_int(url, "SELECT COUNT(*) FROM remittances");
}

// Every remittance in the ledger holds exactly its claims: nothing half-written.
void expect_whole_remittances(const std::string& url) {
  EXPECT_EQ(query_int(url, "SELECT COUNT(*) FROM remittances r WHERE r.claim_count <> "
                           "(SELECT COUNT(*) FROM claim_payments p WHERE p.remittance_id = r.id)"),
            0);
  EXPECT_EQ(query_int(url, "SELECT COUNT(*) FROM (SELECT payer_id, trace_number, content_hash FROM remittances "
                           "GROUP BY payer_id, trace_number, content_hash HAVING COUNT(*) > 1) d"),
            0);
}

TEST(PostCrash, KilledMidwayAndPostedAgainHoldsEveryPaymentExactlyOnce) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  const Input in = generated_input(100'000, 51);
  ASSERT_GT(in.claims, 100'000);
  ASSERT_GT(in.transaction_sets, 100);
  const auto dir = scratch_dir("post_crash");
  const std::string url = "sqlite:" + (dir / "ledger.db").string();
  const auto submitted = run_clearhouse({"submit", in.encounters.string(), "--out", (dir / "out").string(), "--db", url});
  ASSERT_TRUE(submitted.exit_code == 0 || submitted.exit_code == 1) << submitted.err;

  // Two crashes at different points, each checked for torn writes.
  const std::int64_t first = kill_after(start_post(in, url, dir, 1), url, in.transaction_sets / 4);
  EXPECT_GT(first, 0);
  EXPECT_LT(first, in.transaction_sets) << "the post finished before it could be killed";
  expect_whole_remittances(url);
  const std::int64_t second = kill_after(start_post(in, url, dir, 2), url, in.transaction_sets * 3 / 5);
  EXPECT_GE(second, first);
  EXPECT_LT(second, in.transaction_sets) << "the post finished before it could be killed";
  expect_whole_remittances(url);

  // Posting again finishes the job: what was committed is recognised, the rest is posted.
  const auto last = run_clearhouse({"post", in.remittance.string(), "--db", url});
  ASSERT_TRUE(last.exit_code == 0 || last.exit_code == 1) << last.err.substr(0, 2000);
  EXPECT_EQ(json_int(last.out, "remittances"), in.transaction_sets);
  EXPECT_EQ(json_int(last.out, "already_posted"), second);
  EXPECT_EQ(json_int(last.out, "claims"), in.claims);
  EXPECT_EQ(json_int(last.out, "unmatched"), 0);

  expect_whole_remittances(url);
  EXPECT_EQ(query_int(url, "SELECT COUNT(*) FROM remittances"), in.transaction_sets);
  EXPECT_EQ(query_int(url, "SELECT COUNT(*) FROM claim_payments"), in.claims);
  EXPECT_EQ(query_int(url, "SELECT COUNT(*) FROM claim_payments WHERE claim_row IS NULL"), 0);
  EXPECT_EQ(query_int(url, "SELECT COUNT(*) FROM (SELECT remittance_id, sequence FROM claim_payments "
                           "GROUP BY remittance_id, sequence HAVING COUNT(*) > 1) d"),
            0);
  // Every submitted claim was paid, denied or otherwise moved on by its payment.
  EXPECT_EQ(query_int(url, "SELECT COUNT(*) FROM claims WHERE status = 'submitted'"), 0);
}

}  // namespace
}  // namespace clearhouse::testing
