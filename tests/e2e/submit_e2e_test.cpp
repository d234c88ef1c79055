// `clearhouse submit` end to end: counts in == claims out + rejected (also with broken lines),
// the 837P output parses with zero errors and reads back into the claims that went in, the
// sample output is reproducible byte for byte, and a second run of the same input is rejected
// as duplicates while control numbers continue.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>
#include <sstream>

#include "parsers/encounter/encounter_reader.hpp"
#include "parsers/x12_837p/claim_837p_reader.hpp"
#include "tests/support/edit_helpers.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

namespace fs = std::filesystem;
using testing::run_clearhouse;

rapidjson::Document summary_of(const std::string& out) {
  rapidjson::Document d;
  d.Parse(out.c_str());
  EXPECT_FALSE(d.HasParseError()) << out;
  return d;
}

std::vector<std::string> files_of(const rapidjson::Document& d) {
  std::vector<std::string> out;
  for (const auto& f : d["files"].GetArray()) out.emplace_back(f.GetString());
  return out;
}

std::size_t count_lines(const fs::path& p) {
  std::istringstream in(testing::read_file(p));
  std::string line;
  std::size_t n = 0;
  while (std::getline(in, line)) n += !line.empty();
  return n;
}

// The claims the edits make of an input, by claim id (what the 837 must read back as).
std::map<std::string, model::Claim> expected_claims(const fs::path& input, std::string_view now_iso) {
  std::map<std::string, model::Claim> out;
  std::string error;
  auto reader = encounter::EncounterReader::open(input.string(), error);
  EXPECT_TRUE(reader) << error;
  auto context = testing::test_context();
  context.today = *model::Date::parse_iso(now_iso);
  edits::ClaimEditor editor(context);
  while (reader->next()) {
    if (!reader->problems().empty()) continue;
    auto e = reader->encounter();
    submit::resolve_parties(e, submit::SubmitOptions{});
    auto outcome = editor.edit(std::move(e));
    for (auto& c : outcome.claims) out.emplace(c.claim_id, std::move(c));
  }
  return out;
}

// Reads every claim of the files back and compares each with what went in, line by line.
std::size_t expect_read_back_equal(const std::vector<std::string>& files, const std::map<std::string, model::Claim>& expected) {
  std::size_t read = 0;
  for (const auto& file : files) {
    const std::string text = testing::read_file(file);
    x12::Diagnostics d(file);
    x12::MemorySource source(text);
    x12::SegmentReader segments(source, d);
    x12::EnvelopeReader envelopes(segments, d);
    x12_837p::Claim837pReader reader(envelopes, d);
    model::Claim c;
    while (reader.next(c)) {
      ++read;
      auto it = expected.find(c.claim_id);
      if (it == expected.end()) {
        ADD_FAILURE() << "unexpected claim " << c.claim_id;
        continue;
      }
      if (c.lines.size() != it->second.lines.size()) {
        ADD_FAILURE() << c.claim_id << ": " << c.lines.size() << " lines read, " << it->second.lines.size() << " sent";
        continue;
      }
      for (std::size_t k = 0; k < c.lines.size(); ++k) EXPECT_EQ(c.lines[k], it->second.lines[k]) << c.claim_id << " line " << k + 1;
      EXPECT_EQ(c, it->second) << c.claim_id;
    }
    EXPECT_FALSE(d.has_errors()) << file;
  }
  return read;
}

void expect_parses_clean(const std::vector<std::string>& files) {
  for (const auto& f : files) {
    const auto r = run_clearhouse({"parse", f, "--format", "summary"});
    EXPECT_EQ(r.exit_code, 0) << f << r.out << r.err;
    EXPECT_NE(r.out.find("\"error_count\":0"), std::string::npos) << r.out;
    // And the implementation-guide validator (clearhouse validate, 005010X222A1 spec) accepts it.
    const auto v = run_clearhouse({"validate", f, "--format", "text"});
    EXPECT_EQ(v.exit_code, 0) << f << "\n" << v.out << v.err;
  }
}

TEST(SubmitE2eTest, SamplesSubmitCleanlyParseAndReadBack) {
  const auto dir = testing::scratch_dir("submit_e2e_samples");
  const auto input = testing::source_dir() / "samples" / "encounters.jsonl";
  const auto r = run_clearhouse({"submit", input.string(), "--out", (dir / "out").string(), "--db",
                                 "sqlite:" + (dir / "l.db").string(), "--now", "2024-06-30"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto s = summary_of(r.out);
  EXPECT_EQ(s["encounters"].GetUint64(), count_lines(input));
  EXPECT_EQ(s["encounters"].GetUint64(), s["claims"].GetUint64() + s["rejected"].GetUint64());
  const auto files = files_of(s);
  EXPECT_EQ(files.size(), 4u);  // four payers, four receivers
  for (const auto& f : files) EXPECT_TRUE(fs::path(f).filename().string().ends_with("-000000001.837")) << f;
  expect_parses_clean(files);
  EXPECT_EQ(expect_read_back_equal(files, expected_claims(input, "2024-06-30")), s["claims"].GetUint64());
  EXPECT_EQ(count_lines(dir / "out" / "rejections.jsonl"), 0u);
}

// A misspelt field is said on stderr and in the summary's warnings, and the claim still goes out.
TEST(SubmitE2eTest, UnknownFieldsAreWarnedAboutOnStderrAndInTheSummary) {
  const auto dir = testing::scratch_dir("submit_e2e_unknown_field");
  const std::string samples = testing::read_file(testing::source_dir() / "samples" / "encounters.jsonl");
  std::string line = samples.substr(0, samples.find('\n'));
  const auto lines_at = line.find(R"("service_lines":[{)") + std::string(R"("service_lines":[{)").size();
  line.insert(lines_at, R"("modifer":["59"],)");
  testing::write_file(dir / "in.jsonl", "\n" + line + "\n");
  const auto r = run_clearhouse({"submit", (dir / "in.jsonl").string(), "--out", (dir / "out").string(), "--db",
                                 "sqlite:" + (dir / "l.db").string(), "--now", "2024-06-30"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const std::string warning =
      R"(line 2: unknown field "service_lines[0].modifer" (not in schemas/encounter.schema.json); ignored)";
  EXPECT_NE(r.err.find("clearhouse submit: warning: " + warning), std::string::npos) << r.err;
  const auto s = summary_of(r.out);
  EXPECT_EQ(s["submitted"].GetUint64(), 1u);
  bool listed = false;
  for (const auto& w : s["warnings"].GetArray()) listed |= w.GetString() == warning;
  EXPECT_TRUE(listed) << r.out;
}

TEST(SubmitE2eTest, SampleClaimsFileIsReproducible) {
  const auto dir = testing::scratch_dir("submit_e2e_golden");
  const auto r = run_clearhouse({"submit", (testing::source_dir() / "samples" / "encounters.jsonl").string(), "--out",
                                 (dir / "out").string(), "--db", "sqlite:" + (dir / "l.db").string(), "--now",
                                 "2024-06-03T09:30", "--receiver", "CLAIMSHUB", "--receiver-name", "CLAIMS HUB CLEARINGHOUSE"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(testing::read_file(dir / "out" / "CLAIMSHUB-000000001.837"),
            testing::read_file(testing::source_dir() / "samples" / "claims.837"))
      << "samples/claims.837 is the submit output of samples/encounters.jsonl (see README)";
}

TEST(SubmitE2eTest, GeneratedEncountersSubmitParseAndReadBack) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  const auto dir = testing::scratch_dir("submit_e2e_generated");
  const auto gen = testing::run_command(fmt::format(
      "python3 {} --type 837p --claims 400 --seed 11 -o {} --encounters-json {} 2>/dev/null",
      testing::shell_quote((*testing::shared_tools_dir() / "gen_x12.py").string()),
      testing::shell_quote((dir / "gen.837").string()), testing::shell_quote((dir / "gen.jsonl").string())));
  ASSERT_EQ(gen.exit_code, 0);
  const auto r = run_clearhouse({"submit", (dir / "gen.jsonl").string(), "--out", (dir / "out").string(), "--db",
                                 "sqlite:" + (dir / "l.db").string(), "--now", "2026-01-01",
                                 "--max-claims-per-transaction", "50"});
  ASSERT_EQ(r.exit_code, 0) << r.out << testing::read_file(dir / "out" / "rejections.jsonl");
  const auto s = summary_of(r.out);
  EXPECT_EQ(s["encounters"].GetUint64(), 400u);
  EXPECT_EQ(s["claims"].GetUint64(), 400u);
  const auto files = files_of(s);
  expect_parses_clean(files);
  EXPECT_EQ(expect_read_back_equal(files, expected_claims(dir / "gen.jsonl", "2026-01-01")), 400u);
}

TEST(SubmitE2eTest, EveryThirdLineBrokenCountsStillAddUp) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  const auto dir = testing::scratch_dir("submit_e2e_broken");
  ASSERT_EQ(testing::run_command(fmt::format("python3 {} --type 837p --claims 90 --seed 5 -o {} --encounters-json {} 2>/dev/null",
                                             testing::shell_quote((*testing::shared_tools_dir() / "gen_x12.py").string()),
                                             testing::shell_quote((dir / "gen.837").string()),
                                             testing::shell_quote((dir / "gen.jsonl").string())))
                .exit_code,
            0);
  std::istringstream in(testing::read_file(dir / "gen.jsonl"));
  std::string line, broken;
  std::size_t n = 0, damaged = 0;
  while (std::getline(in, line)) {
    if (++n % 3 == 0) {
      line = line.substr(0, line.size() / 2);  // cut mid-object: not JSON
      ++damaged;
    }
    broken += line + "\n";
  }
  testing::write_file(dir / "broken.jsonl", broken);
  const auto r = run_clearhouse({"submit", (dir / "broken.jsonl").string(), "--out", (dir / "out").string(), "--db",
                                 "sqlite:" + (dir / "l.db").string(), "--now", "2026-01-01"});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const auto s = summary_of(r.out);
  EXPECT_EQ(s["encounters"].GetUint64(), n);
  EXPECT_EQ(s["rejected"].GetUint64(), damaged);
  EXPECT_EQ(s["encounters"].GetUint64(), s["claims"].GetUint64() + s["rejected"].GetUint64());
  EXPECT_EQ(count_lines(dir / "out" / "rejections.jsonl"), damaged);
  std::istringstream rej(testing::read_file(dir / "out" / "rejections.jsonl"));
  std::size_t k = 0;
  while (std::getline(rej, line)) {
    ++k;
    EXPECT_NE(line.find(fmt::format("\"line\":{}", 3 * k)), std::string::npos) << line;
    EXPECT_NE(line.find("\"code\":\"json_syntax\""), std::string::npos) << line;
  }
  expect_parses_clean(files_of(s));
}

TEST(SubmitE2eTest, SecondRunIsRejectedAsDuplicatesAndControlNumbersContinue) {
  const auto dir = testing::scratch_dir("submit_e2e_twice");
  const auto input = testing::source_dir() / "samples" / "encounters.jsonl";
  const std::string db = "sqlite:" + (dir / "l.db").string();
  auto first = run_clearhouse({"submit", input.string(), "--out", (dir / "one").string(), "--db", db});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  auto second = run_clearhouse({"submit", input.string(), "--out", (dir / "two").string(), "--db", db});
  EXPECT_EQ(second.exit_code, 1);
  const auto s = summary_of(second.out);
  EXPECT_EQ(s["claims"].GetUint64(), 0u);
  EXPECT_EQ(s["rejected"].GetUint64(), count_lines(input));
  EXPECT_TRUE(files_of(s).empty());  // not a second 837
  std::istringstream rej(testing::read_file(dir / "two" / "rejections.jsonl"));
  std::string line;
  while (std::getline(rej, line)) EXPECT_NE(line.find("duplicate_claim_in_ledger"), std::string::npos) << line;
  // New claims to the same payers continue the control numbers.
  std::string renamed = testing::read_file(input);
  for (std::size_t pos = 0; (pos = renamed.find("\"claim_id\":\"", pos)) != std::string::npos; pos += 13)
    renamed.replace(pos, 12, "\"claim_id\":\"N");
  testing::write_file(dir / "new.jsonl", renamed);
  auto third = run_clearhouse({"submit", (dir / "new.jsonl").string(), "--out", (dir / "three").string(), "--db", db});
  ASSERT_EQ(third.exit_code, 0) << third.out;
  for (const auto& f : files_of(summary_of(third.out))) {
    EXPECT_TRUE(f.ends_with("-000000002.837")) << f;
    EXPECT_NE(testing::read_file(f).find("*000000002*0*P*:~"), std::string::npos);
    EXPECT_NE(testing::read_file(f).find("ST*837*0002*005010X222A1~"), std::string::npos);
  }
}

TEST(SubmitE2eTest, UsageErrorsExitTwo) {
  const auto dir = testing::scratch_dir("submit_e2e_usage");
  const auto input = (testing::source_dir() / "samples" / "encounters.jsonl").string();
  EXPECT_EQ(run_clearhouse({"submit", input}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"submit", "--out", (dir / "o").string()}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"submit", input, "--out", (dir / "o").string(), "--code-set", "loinc=x"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"submit", input, "--out", (dir / "o").string(), "--now", "yesterday"}).exit_code, 2);
  // A PostgreSQL URL is valid usage; a server that cannot be reached is an error (exit 1).
  const auto pg = run_clearhouse(
      {"submit", input, "--out", (dir / "o").string(), "--db", "postgresql://x@127.0.0.1:1/x?connect_timeout=2"});
  EXPECT_EQ(pg.exit_code, 1);
  EXPECT_NE(pg.err.find("cannot connect"), std::string::npos) << pg.err;
  const auto missing = run_clearhouse({"submit", (dir / "none.jsonl").string(), "--out", (dir / "o").string(), "--db",
                                       "sqlite:" + (dir / "l.db").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.err.find("cannot open"), std::string::npos);
}

}  // namespace
}  // namespace clearhouse
