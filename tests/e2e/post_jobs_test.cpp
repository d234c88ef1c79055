// `clearhouse post --jobs N` changes nothing but the speed: posted with N threads reading the
// 835 in parts (small parts through $CLEARHOUSE_PART_BYTES, so that even small files go through
// the cutting, the workers and the re-reading in order), every input gives byte for byte the
// stdout, stderr (every finding with its segment ordinal and byte offset) and exit status of
// `--jobs 1`, and leaves the ledger holding exactly the same rows (every table, in rowid order;
// only the clock's timestamps blanked). Inputs: every corpus 835 into an empty ledger, and
// generated 835s paying submitted encounters, clean and malformed (truncated, envelope errors,
// element errors inside parts the workers read, stray segments, text before the ISA, two
// interchanges, sets of another type), posted once and again, as JSON, CSV and dry runs.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "tests/support/ledger_dump.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::run_command;
using testing::shell_quote;

using Runs = std::vector<std::pair<unsigned, std::size_t>>;  // (jobs, part bytes)

CommandResult clearhouse(const std::vector<std::string>& args, std::size_t part_bytes = 0, bool stats = false) {
  std::string line;
  if (part_bytes != 0) line += "CLEARHOUSE_PART_BYTES=" + std::to_string(part_bytes) + " ";
  if (stats) line += "CLEARHOUSE_PARTS_STATS=1 ";
  line += shell_quote(testing::clearhouse_binary().string());
  for (const auto& a : args) line += " " + shell_quote(a);
  return run_command(line);
}

bool digits(const std::string& s, std::size_t at, std::size_t n) {
  for (std::size_t i = at; i < at + n; ++i)
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
  return true;
}

// The ledger's rows with the clock's timestamps (2026-12-02T21:50:01.123Z, the time posted or
// migrated) blanked: the only thing two runs may write differently.
std::string ledger_rows(const fs::path& db) {
  std::string dump = testing::ledger_dump("sqlite:" + db.string()), out;
  out.reserve(dump.size());
  for (std::size_t i = 0; i < dump.size();) {
    if (digits(dump, i, 4) && dump.compare(i + 4, 1, "-") == 0 && digits(dump, i + 5, 2) &&
        dump.compare(i + 7, 1, "-") == 0 && digits(dump, i + 8, 2) && i + 10 < dump.size() &&
        (dump[i + 10] == 'T' || dump[i + 10] == ' ') && digits(dump, i + 11, 2) && dump.compare(i + 13, 1, ":") == 0 &&
        digits(dump, i + 14, 2)) {
      i += 16;
      while (i < dump.size() && (dump[i] == ':' || dump[i] == '.' || dump[i] == 'Z' || (dump[i] >= '0' && dump[i] <= '9')))
        ++i;
      out += "<time>";
      continue;
    }
    out += dump[i++];
  }
  return out;
}

class PostJobs : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(testing::scratch_dir("post_jobs"));
    if (!testing::shared_tools_dir()) return;
    // 3000 encounters submitted, and the 835 that pays them (about 20 sets, 1.5 MB).
    const auto gen = *testing::shared_tools_dir() / "gen_x12.py";
    const auto r = run_command("python3 " + shell_quote(gen.string()) + " --type 835 --claims 3000 --seed 7 -o " +
                               shell_quote((*dir_ / "clean.835").string()) + " --encounters-json " +
                               shell_quote((*dir_ / "encounters.jsonl").string()) + " 2>/dev/null");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto s = clearhouse({"submit", (*dir_ / "encounters.jsonl").string(), "--out", (*dir_ / "out").string(),
                               "--db", "sqlite:" + (*dir_ / "submitted.db").string()});
    ASSERT_EQ(s.exit_code, 0) << s.err.substr(0, 2000);
    const auto p = run_command("python3 " + shell_quote(gen.string()) + " --type 837p --claims 200 --seed 8 -o " +
                               shell_quote((*dir_ / "other.837").string()) + " 2>/dev/null");
    ASSERT_EQ(p.exit_code, 0) << p.err;
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }

  struct Outcome {
    std::vector<CommandResult> runs;  // one per post of the same file into the same ledger
    std::string rows;                 // the ledger afterwards
  };

  // Posts `file` `times` times with `args` into a fresh ledger (the submitted claims' or an empty one).
  static Outcome post(const fs::path& file, bool submitted, unsigned jobs, std::size_t part,
                      const std::vector<std::string>& args, int times = 1) {
    static int run = 0;
    const auto db = *dir_ / ("ledger" + std::to_string(++run) + ".db");
    if (submitted) {
      fs::copy_file(*dir_ / "submitted.db", db, fs::copy_options::overwrite_existing);
      if (fs::exists(*dir_ / "submitted.db-wal"))
        fs::copy_file(*dir_ / "submitted.db-wal", fs::path(db.string() + "-wal"), fs::copy_options::overwrite_existing);
    }
    Outcome o;
    for (int i = 0; i < times; ++i) {
      std::vector<std::string> line = {"post", file.string(), "--db", "sqlite:" + db.string(), "--as-of",
                                       "2024-07-01", "--jobs", std::to_string(jobs)};
      line.insert(line.end(), args.begin(), args.end());
      o.runs.push_back(clearhouse(line, part));
    }
    o.rows = ledger_rows(db);
    return o;
  }

  // --jobs 1 against each (jobs, part size) pair: output, findings, exit status, ledger rows.
  static void expect_same(const fs::path& file, bool submitted, const Runs& runs,
                          const std::vector<std::string>& args = {}, int times = 1) {
    const Outcome one = post(file, submitted, 1, 0, args, times);
    for (const auto& [jobs, part] : runs) {
      const Outcome many = post(file, submitted, jobs, part, args, times);
      std::string what = "post " + file.filename().string();
      for (const auto& a : args) what += " " + a;
      what += " --jobs " + std::to_string(jobs) + " in parts of " + std::to_string(part) + " bytes";
      ASSERT_EQ(many.runs.size(), one.runs.size());
      for (std::size_t i = 0; i < one.runs.size(); ++i) {
        const auto& e = one.runs[i];
        const auto& g = many.runs[i];
        EXPECT_EQ(g.exit_code, e.exit_code) << what << " (run " << i + 1 << ")\n" << g.err.substr(0, 2000);
        EXPECT_TRUE(g.out == e.out) << what << " (run " << i + 1 << "): stdout differs\n--- jobs 1:\n"
                                    << e.out.substr(0, 1500) << "\n--- jobs " << jobs << ":\n" << g.out.substr(0, 1500);
        EXPECT_EQ(g.err, e.err) << what << " (run " << i + 1 << ")";
      }
      EXPECT_TRUE(many.rows == one.rows) << what << ": the ledgers differ (" << many.rows.size() << " against "
                                         << one.rows.size() << " bytes of rows)";
    }
  }

  static std::string clean() { return testing::read_file(*dir_ / "clean.835"); }
  static fs::path write(const std::string& name, const std::string& text) {
    const auto p = *dir_ / name;
    testing::write_file(p, text);
    return p;
  }
  // The n-th occurrence (0-based) of what in text.
  static std::size_t nth(const std::string& text, const std::string& what, int n) {
    std::size_t at = text.find(what);
    for (int i = 0; i < n && at != std::string::npos; ++i) at = text.find(what, at + 1);
    EXPECT_NE(at, std::string::npos) << what << " #" << n;
    return at;
  }
  static void expect_same_generated(const fs::path& p) {
    expect_same(p, true, {{2, 2000}, {3, 9000}, {4, 65536}});
  }

  static fs::path* dir_;
};
fs::path* PostJobs::dir_ = nullptr;

TEST_F(PostJobs, CorpusRemittancesPostTheSameForAnyJobs) {
  CLEARHOUSE_REQUIRE_CORPUS();
  int posted = 0;
  for (const auto& f : testing::corpus_files()) {
    if (f.extension() != ".835") continue;
    expect_same(f, false, {{2, 64}, {3, 300}, {4, 4096}});
    ++posted;
  }
  EXPECT_GT(posted, 0) << "no 835 in the corpus";
}

TEST_F(PostJobs, PaymentsOfSubmittedClaimsPostTheSameForAnyJobs) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  const auto p = *dir_ / "clean.835";
  // Posted, then posted again (already posted: nothing changes) into the same ledger.
  expect_same(p, true, {{2, 2000}, {3, 9000}, {4, 65536}}, {}, 2);
  expect_same(p, true, {{2, 5000}}, {"--format", "csv"});
  expect_same(p, true, {{2, 3000}, {3, 64}}, {"--dry-run"});
  expect_same(p, true, {{3, 7000}}, {"--dry-run", "--format", "text"});
  // The first run pays every claim, and most parts are the workers'.
  const auto first = post(p, true, 2, 9000, {});
  EXPECT_EQ(first.runs[0].exit_code, 0) << first.runs[0].err.substr(0, 2000);
  EXPECT_NE(first.runs[0].out.find("\"unmatched\":0,"), std::string::npos) << first.runs[0].out;
  const auto r = clearhouse({"post", p.string(), "--db", "sqlite:" + (*dir_ / "stats.db").string(), "--jobs", "2"},
                            9000, true);
  const auto at = r.err.find("parts taken ");
  ASSERT_NE(at, std::string::npos) << r.err.substr(0, 2000);
  const auto taken = std::stoull(r.err.substr(at + 12));
  const auto in_order = std::stoull(r.err.substr(r.err.find("read in order ") + 14));
  EXPECT_GE(taken, 3 * in_order) << r.err.substr(0, 2000);
  EXPECT_GE(taken, 15u);  // of 23 sets
  EXPECT_NE(r.err.find("one stream from byte -1"), std::string::npos) << r.err.substr(0, 2000);
}

TEST_F(PostJobs, TruncatedFiles) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  const std::string text = clean();
  expect_same_generated(write("truncated_middle.835", text.substr(0, text.size() / 2)));
  expect_same_generated(write("truncated_in_segment.835", text.substr(0, nth(text, "~CLP*", 400) + 7)));
  expect_same_generated(write("no_trailers.835", text.substr(0, text.find("~GE*") + 1)));
}

TEST_F(PostJobs, EnvelopeErrorsInTheMiddle) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  std::string text = clean();
  // SE01 wrong in one set, a duplicate ST02, a set without SE, GE01 and IEA02 wrong.
  const auto se = nth(text, "~SE*", 5);
  text.replace(se + 4, 1, "9");
  const auto st = nth(text, "~ST*835*", 9);
  const auto st_prev = nth(text, "~ST*835*", 3);
  text.replace(st + 8, 4, text.substr(st_prev + 8, 4));
  const auto se2 = nth(text, "~SE*", 12);
  text.erase(se2, text.find('~', se2 + 1) - se2);
  const auto ge = text.find("~GE*");
  text.replace(ge + 4, 1, "7");
  const auto iea = text.find("~IEA*1*");
  text.replace(iea + 7, 1, "8");
  expect_same_generated(write("envelope_errors.835", text));
}

TEST_F(PostJobs, ElementErrorsStraySegmentsAndSetsOfAnotherType) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  std::string text = clean();
  // Bad amounts deep inside sets the workers read: findings whose ordinals the ordering thread
  // shifts.
  for (int n : {150, 1700, 2900}) {
    const auto clp = nth(text, "~CLP*", n);
    const auto e4 = nth(text.substr(clp), "*", 3);
    text.insert(clp + e4 + 1, "X");  // CLP04 is not an amount
  }
  const auto svc = nth(text, "~SVC*", 5000);
  text.insert(text.find('*', svc + 5) + 1, "1.234");  // SVC02 with three decimals
  const auto se = nth(text, "~SE*", 10);
  text.insert(text.find('~', se + 1), "~ZZZ*1~NM1*QC");  // stray segments after an SE
  const auto amt = nth(text, "~AMT*", 300);
  text.insert(amt + 1, "\n");  // a line break before a segment id
  const auto other = nth(text, "~ST*835*", 15);
  text.replace(other + 4, 3, "837");  // a set of another type in the group
  expect_same_generated(write("content_errors.835", text));
}

TEST_F(PostJobs, TextBeforeTheIsaAndOtherInterchanges) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  const std::string text = clean();
  expect_same_generated(write("text_before.835", "$$ADD ID=ABC BID='X'\nSome banner text ST*835 here~ST*1*2~\n" + text));
  // A second interchange of the same file with '|' elements and '\n' terminators (posted
  // again: already posted), then an 837P interchange, then the first again.
  std::string second = text;
  for (char& c : second) {
    if (c == '*') c = '|';
    else if (c == '~') c = '\n';
  }
  expect_same_generated(write("two_delimiter_sets.835", text + second));
  expect_same_generated(write("three_interchanges.835", text + testing::read_file(*dir_ / "other.837") + text));
  // Only sets of another type: "holds no 835 transaction set".
  expect_same(*dir_ / "other.837", true, {{2, 2000}, {3, 64}});
}

TEST_F(PostJobs, EmptyAndBinaryInputsAndStdin) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  expect_same(write("empty.835", ""), false, {{2, 64}, {3, 4096}});
  expect_same(write("binary.835", std::string("\0\1\2ISA\0", 7) + std::string(5000, '\xff')), false, {{2, 64}});
  // From a pipe: read on the posting thread, the same as --jobs 1 from the file.
  const auto file = *dir_ / "clean.835";
  const Outcome one = post(file, true, 1, 0, {});
  const auto db = *dir_ / "piped.db";
  fs::copy_file(*dir_ / "submitted.db", db, fs::copy_options::overwrite_existing);
  const auto piped =
      run_command("cat " + shell_quote(file.string()) + " | CLEARHOUSE_PART_BYTES=3000 " +
                  shell_quote(testing::clearhouse_binary().string()) + " post - --as-of 2024-07-01 --jobs 3 --db " +
                  shell_quote("sqlite:" + db.string()));
  EXPECT_EQ(piped.exit_code, one.runs[0].exit_code);
  EXPECT_TRUE(piped.out == one.runs[0].out) << piped.out;
}

TEST(PostJobsUsage, JobsMustBeAPositiveNumber) {
  for (const char* bad : {"0", "-1", "x", "99999"}) {
    const auto r = clearhouse({"post", "-", "--jobs", bad});
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
  }
}

}  // namespace
}  // namespace clearhouse
