// `clearhouse post --dry-run` end to end: on a ledger with submitted claims and earlier
// postings, a dry run prints what posting would do and leaves the ledger exactly as it was
// (every table read in full, the sqlite3 CLI's .dump where it is installed, and the main
// database file byte for byte); and what it prints for a file whose later set reverses an
// earlier set's payment is what the real post then does (postings, reversal links, statuses,
// worklist, totals).
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>

#include "engine/ledger/ledger.hpp"
#include "tests/support/ledger_dump.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

namespace fs = std::filesystem;

std::string db_url(const fs::path& dir) { return "sqlite:" + (dir / "ledger.db").string(); }

// Every row of every table (schema included), each value quoted as SQLite quotes it.
std::string full_read(const fs::path& dir) { return ledger_dump(db_url(dir)); }

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  EXPECT_FALSE(d.HasParseError()) << text;
  return d;
}

// A ledger with the samples submitted (and, when asked, their remittance posted).
fs::path ledger_with_samples(const std::string& name, bool posted) {
  const auto dir = scratch_dir(name);
  const auto s = run_clearhouse({"submit", (source_dir() / "samples" / "encounters.jsonl").string(), "--out",
                                 (dir / "out").string(), "--db", db_url(dir), "--now", "2024-05-25T12:00"});
  EXPECT_EQ(s.exit_code, 0) << s.err;
  if (posted) {
    const auto p = run_clearhouse({"post", (source_dir() / "samples" / "remittance.835").string(), "--db", db_url(dir),
                                   "--as-of", "2024-06-20"});
    EXPECT_EQ(p.exit_code, 0) << p.err;
  }
  return dir;
}

TEST(PostDryRun, WritesNothingToALedgerWithSubmittedClaimsAndEarlierPostings) {
  const auto dir = ledger_with_samples("post_dry_run_nothing", true);
  const fs::path db = dir / "ledger.db";
  const bool have_sqlite3 = run_command("command -v sqlite3 >/dev/null").exit_code == 0;
  auto dump = [&] { return have_sqlite3 ? run_command("sqlite3 " + shell_quote(db.string()) + " .dump").out : ""; };
  const std::string read_before = full_read(dir);
  const std::string dump_before = dump();
  const std::string bytes_before = read_file(db);
  ASSERT_NE(read_before.find("== claim_payments"), std::string::npos);
  ASSERT_NE(read_before.find("== worklist_items"), std::string::npos);

  // A later payment of a denied claim (an existing item resolves), with a fee schedule, and the
  // samples' remittance again (already posted), in JSON and in text.
  const auto later = run_clearhouse({"post", (source_dir() / "tests" / "fixtures" / "worklist" /
                                              "sfm1005_paid_after_correction.835").string(),
                                     "--dry-run", "--db", db_url(dir), "--as-of", "2024-06-20", "--fee-schedule",
                                     (source_dir() / "samples" / "fee_schedule.csv").string()});
  EXPECT_EQ(later.exit_code, 0) << later.err;
  const auto plan = parse(later.out);
  ASSERT_TRUE(plan.IsObject() && plan.HasMember("sets") && plan["sets"].IsArray()) << later.out;
  EXPECT_TRUE(plan["dry_run"].GetBool());
  ASSERT_EQ(plan["sets"].Size(), 1u);
  const auto& set = plan["sets"][0];
  EXPECT_STREQ(set["result"].GetString(), "post");
  ASSERT_GE(set["postings"].Size(), 1u);
  EXPECT_TRUE(set["postings"][0]["submitted_claim"].IsInt64());
  bool resolved = false;
  for (const auto& change : set["worklist"].GetArray())
    resolved = resolved || std::string(change["change"].GetString()) == "resolved_by_payment";
  EXPECT_TRUE(resolved) << later.out;
  EXPECT_EQ(plan["summary"]["posted"].GetUint64(), set["postings"].Size());

  const auto again = run_clearhouse({"post", (source_dir() / "samples" / "remittance.835").string(), "--dry-run",
                                     "--format", "text", "--db", db_url(dir), "--as-of", "2024-06-20"});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("already posted"), std::string::npos) << again.out;
  EXPECT_NE(again.out.find("Nothing was written"), std::string::npos) << again.out;

  EXPECT_TRUE(read_file(db) == bytes_before) << "the main database file changed";
  EXPECT_FALSE(fs::exists(dir / "ledger.db-wal") && fs::file_size(dir / "ledger.db-wal") > 0);
  EXPECT_EQ(dump(), dump_before);
  EXPECT_EQ(full_read(dir), read_before);
}

// What a dry run says each set would do, as comparable lines: per posting its set, CLP, claim,
// submitted claim, paid, status and the payment it reverses (ledger id).
struct Described {
  std::vector<std::string> postings;
  std::map<std::string, std::string> items;  // claim id -> status category amount, as last changed
};

Described described_plan(const rapidjson::Document& plan) {
  Described out;
  for (const auto& set : plan["sets"].GetArray()) {
    if (std::string(set["result"].GetString()) != "post") continue;
    std::map<std::int64_t, std::int64_t> reverses;
    for (const auto& r : set["reversals"].GetArray())
      if (r["reverses_payment"].IsInt64()) reverses[r["clp"].GetInt64()] = r["reverses_payment"].GetInt64();
    for (const auto& p : set["postings"].GetArray()) {
      const auto clp = p["clp"].GetInt64();
      out.postings.push_back(fmt::format(
          "{} {} {} {} {} {} {}", set["transaction"].GetString(), clp, p["claim_id"].GetString(),
          p["submitted_claim"].IsInt64() ? p["submitted_claim"].GetInt64() : 0, p["paid_cents"].GetInt64(),
          p["claim_status"].IsString() ? p["claim_status"].GetString() : "-", reverses.count(clp) ? reverses[clp] : 0));
    }
    for (const auto& ch : set["worklist"].GetArray())
      out.items[ch["claim_id"].GetString()] =
          fmt::format("{} {} {}", ch["status"].GetString(), ch["category"].GetString(), ch["amount_cents"].GetInt64());
  }
  return out;
}

Described described_ledger(const fs::path& dir) {
  Described out;
  auto ledger = ledger::open_ledger(db_url(dir));
  auto q = ledger->connection().prepare(
      "SELECT r.transaction_control_number, p.sequence, p.claim_id, p.claim_row, p.paid_cents, p.claim_status, "
      "p.reverses FROM claim_payments p JOIN remittances r ON r.id = p.remittance_id ORDER BY p.id");
  while (q->step())
    out.postings.push_back(fmt::format("{} {} {} {} {} {} {}", q->column_text(0), q->column_int(1), q->column_text(2),
                                       q->column_is_null(3) ? 0 : q->column_int(3), q->column_int(4),
                                       q->column_is_null(3) || q->column_text(5).empty() ? "-" : q->column_text(5),
                                       q->column_is_null(6) ? 0 : q->column_int(6)));
  q->reset();
  auto items = ledger->connection().prepare("SELECT claim_id, status, category, amount_cents FROM worklist_items");
  while (items->step())
    out.items[items->column_text(0)] =
        fmt::format("{} {} {}", items->column_text(1), items->column_text(2), items->column_int(3));
  items->reset();
  return out;
}

TEST(PostDryRun, PrintsWhatTheRealPostDoesWhenALaterSetReversesAnEarlierOne) {
  // The samples' remittance: its second interchange reverses a payment of the first
  // (LKO2003, set 0002) and pays the claim again; the reversal pairs with a payment the dry
  // run never committed.
  const auto dir = ledger_with_samples("post_dry_run_reversal", false);
  const auto file = (source_dir() / "samples" / "remittance.835").string();
  const auto dry = run_clearhouse({"post", file, "--dry-run", "--db", db_url(dir), "--as-of", "2024-06-20"});
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  const auto plan = parse(dry.out);
  ASSERT_TRUE(plan.IsObject() && plan.HasMember("sets")) << dry.out;
  const auto planned = described_plan(plan);
  bool reversal_of_earlier_set = false;
  for (const auto& set : plan["sets"].GetArray())
    for (const auto& r : set["reversals"].GetArray())
      reversal_of_earlier_set = reversal_of_earlier_set || r["reverses_payment"].IsInt64();
  EXPECT_TRUE(reversal_of_earlier_set) << dry.out;
  EXPECT_EQ(described_ledger(dir).postings.size(), 0u);  // nothing was written

  const auto real = run_clearhouse({"post", file, "--db", db_url(dir), "--as-of", "2024-06-20"});
  ASSERT_EQ(real.exit_code, 0) << real.err;
  const auto done = described_ledger(dir);
  EXPECT_EQ(planned.postings, done.postings);
  EXPECT_EQ(planned.items, done.items);
  EXPECT_FALSE(done.items.empty());
  // The same totals, to the cent.
  const auto summary = parse(real.out);
  for (const auto& member : summary.GetObject()) {
    const char* key = member.name.GetString();
    ASSERT_TRUE(plan["summary"].HasMember(key)) << key;
    EXPECT_EQ(plan["summary"][key].GetInt64(), member.value.GetInt64()) << key;
  }
}

}  // namespace
}  // namespace clearhouse::testing
