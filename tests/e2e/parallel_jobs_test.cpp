// `--jobs N` changes nothing but the speed: `clearhouse parse` (JSON and summary) and
// `clearhouse validate` (findings as JSON, exit code, stderr) print byte for byte what `--jobs 1`
// prints, on every corpus file and on generated files good and malformed (truncated, envelope
// errors, text before the ISA, stray segments, a second interchange with other delimiters).
// Small parts ($CLEARHOUSE_PART_BYTES) make even small files go through the cutting, the
// workers and the re-reading in order; $CLEARHOUSE_PARTS_STATS shows the workers' parts were
// taken where they should be.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

namespace fs = std::filesystem;
using testing::run_command;
using testing::shell_quote;

struct Run {
  testing::CommandResult result;
};

testing::CommandResult clearhouse(const std::vector<std::string>& args, std::size_t part_bytes = 0,
                                  bool stats = false) {
  std::string line;
  if (part_bytes != 0) line += "CLEARHOUSE_PART_BYTES=" + std::to_string(part_bytes) + " ";
  if (stats) line += "CLEARHOUSE_PARTS_STATS=1 ";
  line += shell_quote(testing::clearhouse_binary().string());
  for (const auto& a : args) line += " " + shell_quote(a);
  return run_command(line);
}

const std::vector<std::vector<std::string>>& commands() {
  static const std::vector<std::vector<std::string>> c = {
      {"parse"}, {"parse", "--format", "summary"}, {"validate", "--format", "json"}, {"validate"}};
  return c;
}

// --jobs 1 against each (jobs, part size) pair.
void expect_same_for_any_jobs(const fs::path& file, const std::vector<std::pair<unsigned, std::size_t>>& runs) {
  for (const auto& base : commands()) {
    auto one = base;
    one.insert(one.end(), {file.string(), "--jobs", "1"});
    const auto expected = clearhouse(one);
    for (const auto& [jobs, part] : runs) {
      auto many = base;
      many.insert(many.end(), {file.string(), "--jobs", std::to_string(jobs)});
      const auto got = clearhouse(many, part);
      const std::string what = base[0] + (base.size() > 1 ? " " + base[2] : std::string()) + " of " +
                               file.filename().string() + " --jobs " + std::to_string(jobs) + " in parts of " +
                               std::to_string(part) + " bytes";
      EXPECT_EQ(got.exit_code, expected.exit_code) << what;
      EXPECT_TRUE(got.out == expected.out) << what << ": stdout differs (" << got.out.size() << " against "
                                           << expected.out.size() << " bytes)";
      EXPECT_EQ(got.err, expected.err) << what;
    }
  }
}

TEST(ParallelJobs, CorpusOutputIsTheSameForAnyJobs) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto files = testing::corpus_files();
  ASSERT_FALSE(files.empty());
  for (const auto& f : files) expect_same_for_any_jobs(f, {{2, 64}, {3, 300}, {4, 4096}});
}

class GeneratedFiles : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!testing::shared_tools_dir()) return;
    dir_ = new fs::path(testing::scratch_dir("parallel_jobs"));
    auto gen = [](const std::string& type, int claims, int seed, const fs::path& out, const std::string& extra = "") {
      const auto r = run_command("python3 " + shell_quote((*testing::shared_tools_dir() / "gen_x12.py").string()) +
                                 " --type " + type + " --claims " + std::to_string(claims) + " --seed " +
                                 std::to_string(seed) + " " + extra + " -o " + shell_quote(out.string()) + " 2>/dev/null");
      ASSERT_EQ(r.exit_code, 0) << r.err;
    };
    gen("835", 3000, 7, *dir_ / "clean.835");
    gen("837p", 1500, 8, *dir_ / "clean.837");
    gen("835", 1500, 9, *dir_ / "newlines.835", "--newlines");
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  void SetUp() override { CLEARHOUSE_REQUIRE_SHARED_TOOLS(); }

  static std::string clean_835() { return testing::read_file(*dir_ / "clean.835"); }
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
  static void expect_same(const fs::path& p) { expect_same_for_any_jobs(p, {{2, 2000}, {3, 9000}, {4, 65536}}); }

  // The 999 `validate --ack 999` writes, each run with a ledger of its own (so the same control
  // numbers), the creation date and time (ISA09/10, GS04/05) blanked.
  static std::string ack_999(const fs::path& file, unsigned jobs, std::size_t part) {
    static int run = 0;
    const auto db = *dir_ / ("ack" + std::to_string(++run) + ".db");
    const auto ack = *dir_ / ("ack" + std::to_string(run) + ".999");
    const auto r = clearhouse({"validate", file.string(), "--ack", "999", "-o", ack.string(), "--db",
                               "sqlite:" + db.string(), "--jobs", std::to_string(jobs)},
                              part);
    EXPECT_TRUE(fs::exists(ack)) << r.err;
    std::string text = testing::read_file(ack), out;
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('~', start);
      if (end == std::string::npos) end = text.size();
      std::string seg = text.substr(start, end - start);
      const bool isa = seg.rfind("ISA", 0) == 0, gs = seg.rfind("GS", 0) == 0;
      if (isa || gs) {
        std::vector<std::string> el;
        std::size_t a = 0;
        for (;;) {
          const std::size_t b = seg.find('*', a);
          el.push_back(seg.substr(a, b == std::string::npos ? std::string::npos : b - a));
          if (b == std::string::npos) break;
          a = b + 1;
        }
        for (std::size_t i : isa ? std::vector<std::size_t>{9, 10} : std::vector<std::size_t>{4, 5})
          if (i < el.size()) el[i] = "-";
        seg.clear();
        for (std::size_t i = 0; i < el.size(); ++i) seg += (i ? "*" : "") + el[i];
      }
      out += seg + "~";
      start = end + 1;
    }
    return out;
  }
  static void expect_same_999(const fs::path& p) {
    const std::string one = ack_999(p, 1, 0);
    EXPECT_NE(one.find("IK5*"), std::string::npos) << one.substr(0, 400);
    for (const auto& [jobs, part] : std::vector<std::pair<unsigned, std::size_t>>{{2, 2000}, {3, 9000}})
      EXPECT_TRUE(ack_999(p, jobs, part) == one) << p.filename() << " --jobs " << jobs << ": the 999 differs";
  }

  static fs::path* dir_;
};
fs::path* GeneratedFiles::dir_ = nullptr;

TEST_F(GeneratedFiles, CleanFilesAreReadByTheWorkers) {
  for (const char* name : {"clean.835", "clean.837", "newlines.835"}) {
    const auto p = *dir_ / name;
    expect_same(p);
    // Most parts are the workers' (the first and last, with the envelope, are read in order).
    for (const char* command : {"parse", "validate"}) {
      const auto r = clearhouse({command, p.string(), "--jobs", "2"}, 9000, true);
      const auto at = r.err.find("parts taken ");
      ASSERT_NE(at, std::string::npos) << r.err;
      const auto taken = std::stoull(r.err.substr(at + 12));
      const auto in_order = std::stoull(r.err.substr(r.err.find("read in order ") + 14));
      EXPECT_GE(taken, 3 * in_order) << name << " " << command << ": " << r.err;
      EXPECT_NE(r.err.find("one stream from byte -1"), std::string::npos) << r.err;
    }
  }
}

TEST_F(GeneratedFiles, TruncatedFiles) {
  const std::string text = clean_835();
  expect_same(write("truncated_middle.835", text.substr(0, text.size() / 2)));
  expect_same(write("truncated_in_segment.835", text.substr(0, nth(text, "~CLP*", 40) + 7)));
  expect_same(write("no_trailers.835", text.substr(0, text.find("~GE*") + 1)));
}

TEST_F(GeneratedFiles, EnvelopeErrorsInTheMiddle) {
  std::string text = clean_835();
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
  expect_same(write("envelope_errors.835", text));
  expect_same_999(*dir_ / "envelope_errors.835");
}

TEST_F(GeneratedFiles, ElementErrorsAndStraySegments) {
  std::string text = clean_835();
  const auto clp = nth(text, "~CLP*", 100);
  text.insert(clp + 5, "X");  // a bad CLP01..CLP02 shift
  const auto se = nth(text, "~SE*", 20);
  text.insert(text.find('~', se + 1), "~ZZZ*1~NM1*QC");  // stray segments after an SE
  const auto amt = nth(text, "~AMT*", 300);
  text.insert(amt + 1, "\n");  // a line break before a segment id
  expect_same(write("content_errors.835", text));
  expect_same_999(*dir_ / "content_errors.835");
  expect_same_999(*dir_ / "clean.837");
}

TEST_F(GeneratedFiles, TextBeforeTheIsaAndAByteOrderMark) {
  const std::string text = clean_835();
  expect_same(write("text_before.835", "$$ADD ID=ABC BID='X'\nSome banner text ST*835 here~ST*1*2~\n" + text));
  expect_same(write("bom.835", "\xEF\xBB\xBF" + text));
}

TEST_F(GeneratedFiles, InterchangesWithOtherDelimitersAndGroups) {
  const std::string text = clean_835();
  // A second interchange of the same file with '|' elements and '\n' terminators.
  std::string second = text;
  for (char& c : second) {
    if (c == '*') c = '|';
    else if (c == '~') c = '\n';
  }
  expect_same(write("two_delimiter_sets.835", text + second + text));
  // The same with '*' elements and '\n' terminators, and a value holding "~ST*": the cut made
  // there with the first interchange's delimiters is not a segment boundary, so the rest of
  // the input is read as one stream.
  std::string third = text;
  for (char& c : third)
    if (c == '~') c = '\n';
  const auto clp = nth(third, "\nCLP*", 200);
  third.insert(clp, "\nNTE*ADD*NOTE~ST*835*9999~MORE");
  const auto p = write("false_cut.835", text + third + text);
  expect_same(p);
  const auto r = clearhouse({"validate", p.string(), "--jobs", "2"}, 9000, true);
  EXPECT_EQ(r.err.find("one stream from byte -1"), std::string::npos) << r.err;
  // Two interchanges of the same delimiters and an 837P: parts cut at ISAs too.
  expect_same(write("three_interchanges.835", text + testing::read_file(*dir_ / "clean.837") + text));
}

TEST_F(GeneratedFiles, EmptyBlankAndBinaryInputsAndStdin) {
  expect_same(write("empty.835", ""));
  expect_same(write("blank.835", "  \r\n\n  "));
  expect_same(write("binary.835", std::string("\0\1\2ISA\0", 7) + std::string(5000, '\xff')));
  // From a pipe: the same as from the file.
  const auto file = *dir_ / "clean.837";
  for (const char* command : {"parse", "validate"}) {
    const auto one = clearhouse({command, file.string(), "--jobs", "1"});
    const auto piped = run_command("cat " + shell_quote(file.string()) + " | CLEARHOUSE_PART_BYTES=3000 " +
                                   shell_quote(testing::clearhouse_binary().string()) + " " + command + " - --jobs 3");
    EXPECT_EQ(piped.exit_code, one.exit_code) << command;
    std::string expected = one.out;
    // The file name in the output is "-" for stdin.
    for (std::size_t at; (at = expected.find(file.string())) != std::string::npos;) expected.replace(at, file.string().size(), "-");
    EXPECT_TRUE(piped.out == expected) << command << " from a pipe differs";
  }
}

TEST(ParallelJobsUsage, JobsMustBeAPositiveNumber) {
  for (const char* bad : {"0", "-1", "x", "2x", "99999"}) {
    const auto r = clearhouse({"parse", "-", "--jobs", bad});
    EXPECT_EQ(r.exit_code, 2) << bad << ": " << r.err;
    EXPECT_NE(r.err.find("--jobs"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace clearhouse
