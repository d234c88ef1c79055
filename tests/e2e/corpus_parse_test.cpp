// `clearhouse parse` over every file of ../shared/corpus: no crash, transaction and segment
// counts equal to ../shared/tools/corpus_check.py's, and the files the MANIFEST marks invalid
// report the errors it names.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>
#include <regex>
#include <sstream>
#include <string>

#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

namespace fs = std::filesystem;
using testing::corpus_dir;
using testing::corpus_files;
using testing::run_clearhouse;

struct CheckerCounts {
  int transactions = 0;
  int segments = -1;  // -1: the checker could not read the file
};

// Runs corpus_check.py -v over the whole corpus once and reads its per-file counts.
const std::map<std::string, CheckerCounts>& checker_counts() {
  static std::map<std::string, CheckerCounts> counts = [] {
    std::map<std::string, CheckerCounts> out;
    auto tools = testing::shared_tools_dir();
    if (!tools) return out;
    auto r = testing::run_command("python3 " + testing::shell_quote((*tools / "corpus_check.py").string()) + " -v " +
                                  testing::shell_quote(corpus_dir()->string()));
    std::istringstream lines(r.out);
    std::string line, current;
    const std::regex file_line(R"(^(\S+)\s+(\S+)\s+claims=)");
    const std::regex segments_re(R"(segments=(\d+))");
    std::smatch m;
    while (std::getline(lines, line)) {
      if (line[0] != ' ' && std::regex_search(line, m, file_line)) {
        current = m[1];
        const std::string label = m[2];
        CheckerCounts c;
        if (label == "TA1" || label == "none" || label == "?") c.transactions = 0;
        else if (auto x = label.rfind('x'); x != std::string::npos) c.transactions = std::stoi(label.substr(x + 1));
        else c.transactions = 1;
        out[current] = c;
      } else if (!current.empty() && line.find("delimiters:") != std::string::npos &&
                 std::regex_search(line, m, segments_re)) {
        out[current].segments = std::stoi(m[1]);
      }
    }
    return out;
  }();
  return counts;
}

struct Summary {
  int exit_code = -1;
  rapidjson::Document json;
  std::string err;
};

Summary summarize(const fs::path& file) {
  Summary s;
  auto r = run_clearhouse({"parse", file.string(), "--format", "summary"});
  s.exit_code = r.exit_code;
  s.err = r.err;
  s.json.Parse(r.out.c_str());
  return s;
}

std::string corpus_name(const fs::path& file) { return fs::relative(file, *corpus_dir()).generic_string(); }

TEST(CorpusParse, EveryFileParsesAndCountsAgreeWithTheChecker) {
  CLEARHOUSE_REQUIRE_CORPUS();
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  const auto files = corpus_files();
  ASSERT_GE(files.size(), 74u);
  const auto& checker = checker_counts();
  ASSERT_EQ(checker.size(), files.size());
  for (const auto& file : files) {
    const std::string name = corpus_name(file);
    SCOPED_TRACE(name);
    Summary s = summarize(file);
    ASSERT_TRUE(s.exit_code == 0 || s.exit_code == 1) << "exit " << s.exit_code << " " << s.err;
    ASSERT_FALSE(s.json.HasParseError()) << "output is not JSON";
    const auto& c = checker.at(name);
    const bool has_errors = s.json["error_count"].GetUint64() > 0;
    EXPECT_EQ(s.exit_code, has_errors ? 1 : 0);
    if (c.segments < 0) {  // unreadable for the checker (no ISA): we must reject it too
      EXPECT_EQ(s.exit_code, 1);
      EXPECT_EQ(s.json["segments"].GetInt(), 0);
      continue;
    }
    EXPECT_EQ(s.json["segments"].GetInt(), c.segments);
    if (name == "835/jdavisp3_4010-835-example-pipe.835") {
      // Documented policy: LF then '~' before every segment reads '~' as the terminator, so we
      // see the 835 the checker cannot (it rejects every "~GS"-style id).
      EXPECT_EQ(c.transactions, 0);
      EXPECT_EQ(s.json["transactions"].GetInt(), 1);
      continue;
    }
    EXPECT_EQ(s.json["transactions"].GetInt(), c.transactions);
  }
}

struct ExpectedFinding {
  std::string code;       // X12Errc name
  std::string id;         // segment id ("" for end of input / no segment)
  int element = 0;
  bool warning = false;
  std::string text = {};  // a fragment the message must contain
};

// The files MANIFEST.md marks invalid (or broken without meaning to be), with the envelope
// level errors it names. Implementation-guide level defects (imsweb segment_errors, ...) are
// the validator's (`clearhouse validate`); here they show only what the envelope shows.
const std::map<std::string, std::vector<ExpectedFinding>>& manifest_expectations() {
  static const std::map<std::string, std::vector<ExpectedFinding>> kExpected = {
      {"835/albmarin_error_validation.835",
       {{"control_number_mismatch", "SE", 2}, {"count_mismatch", "SE", 1}, {"control_number_mismatch", "GE", 2},
        {"count_mismatch", "GE", 1}, {"control_number_mismatch", "IEA", 2}, {"count_mismatch", "IEA", 1}}},
      {"837p/imsweb_x12_bad_first_line.837",
       {{"isa_field_width", "", 0, true, "ISA02 is 9 characters (expected 10)"}, {"count_mismatch", "SE", 1}}},
      {"837p/imsweb_x12_bad_segment_identifier.837",
       {{"bad_segment_id", "", 0, false, "empty id"}, {"bad_segment_id", "Nd4", 0}, {"bad_segment_id", "NM31", 0},
        {"count_mismatch", "SE", 1}}},
      {"837p/imsweb_x12_no_isa_line.837", {{"no_isa", "", 0}}},
      {"837p/imsweb_x12_segment_errors.837", {{"count_mismatch", "SE", 1}}},
      {"837p/imsweb_x12_missing_elements.837", {{"count_mismatch", "SE", 1}}},
      {"837p/imsweb_x12_segments_out_of_order.837", {{"count_mismatch", "SE", 1}}},
      {"837p/imsweb_x12_complex.837", {{"count_mismatch", "SE", 1}, {"count_mismatch", "SE", 1}, {"count_mismatch", "GE", 1}}},
      {"837p/imsweb_x12_multiple_gs.837",
       {{"count_mismatch", "SE", 1}, {"count_mismatch", "SE", 1}, {"count_mismatch", "SE", 1}, {"count_mismatch", "IEA", 1}}},
      {"837p/KeyMarkInc_837P-UnicodeExample.837",
       {{"bad_encoding", "", 0, true, "UTF-16LE"}, {"missing_trailer", "", 0, false, "no SE"},
        {"missing_trailer", "", 0, false, "no GE"}, {"missing_trailer", "", 0, false, "no IEA"}}},
      {"999/xlate_invalid999.x12", {{"count_mismatch", "SE", 1}}},
      {"999/imsweb_x12_999_accepted.x12", {{"control_number_mismatch", "IEA", 2}}},
      {"835/affect-therapeutics_nevada_medicaid.835",
       {{"isa_field_width", "", 0, true, "72 characters"}, {"control_number_mismatch", "IEA", 2}}},
      {"835/affect-therapeutics_sample_835.835", {{"count_mismatch", "SE", 1}, {"count_mismatch", "SE", 1}}},
      {"835/jdavisp3_4010-835-example-pipe.835",
       {{"terminator_convention", "", 0, true, "reading '~' as the segment terminator"}, {"count_mismatch", "SE", 1}}},
      {"other/albmarin_segment_terminator.x12", {{"missing_trailer", "", 0, false, "no IEA"}}},
      {"other/KeyMarkInc_277CA-FromBogeyone.x12",
       {{"missing_trailer", "", 0, false, "no SE"}, {"missing_trailer", "", 0, false, "no GE"},
        {"missing_trailer", "", 0, false, "no IEA"}}},
      {"other/KeyMarkInc_277CA-FromLatitude81uk.x12",
       {{"control_number_mismatch", "IEA", 2}, {"isa_field_width", "", 0, true, "ISA12 is 6 characters"}}},
      {"other/UHIN_TA1.x12", {{"isa_field_width", "", 0, true, "77 characters"}}},
  };
  return kExpected;
}

TEST(CorpusParse, ManifestInvalidFilesReportTheNamedErrors) {
  CLEARHOUSE_REQUIRE_CORPUS();
  for (const auto& [name, expected] : manifest_expectations()) {
    SCOPED_TRACE(name);
    const fs::path file = *corpus_dir() / name;
    ASSERT_TRUE(fs::exists(file));
    Summary s = summarize(file);
    ASSERT_FALSE(s.json.HasParseError());
    std::vector<bool> used_errors(s.json["errors"].Size()), used_warnings(s.json["warnings"].Size());
    int expected_errors = 0;
    for (const auto& want : expected) {
      if (!want.warning) ++expected_errors;
      const auto& list = s.json[want.warning ? "warnings" : "errors"];
      auto& used = want.warning ? used_warnings : used_errors;
      bool found = false;
      for (rapidjson::SizeType i = 0; i < list.Size() && !found; ++i) {
        const auto& e = list[i];
        const std::string message = e["message"].GetString();
        if (used[i] || want.code != e["code"].GetString()) continue;
        if (!want.id.empty() && want.id != e["id"].GetString()) continue;
        if (want.element != 0 && want.element != e["element"].GetInt()) continue;
        if (!want.text.empty() && message.find(want.text) == std::string::npos) continue;
        // Every error says where: a byte offset, and a segment ordinal when there is a segment.
        EXPECT_TRUE(e.HasMember("offset"));
        if (!want.id.empty()) {
          EXPECT_GT(e["segment"].GetUint64(), 0u);
        }
        used[i] = true;
        found = true;
      }
      EXPECT_TRUE(found) << "missing " << want.code << " " << want.id << " " << want.text;
    }
    // Nothing more than what the manifest names.
    EXPECT_EQ(s.json["error_count"].GetInt(), expected_errors);
    EXPECT_EQ(s.exit_code, expected_errors > 0 ? 1 : 0);
  }
}

TEST(CorpusParse, ValidFilesHaveNoErrors) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto& invalid = manifest_expectations();
  int checked = 0;
  for (const auto& file : corpus_files()) {
    const std::string name = corpus_name(file);
    if (invalid.count(name) || name.rfind("837p/imsweb_", 0) == 0) continue;  // imsweb SE01 is a copied constant
    SCOPED_TRACE(name);
    Summary s = summarize(file);
    EXPECT_EQ(s.exit_code, 0);
    EXPECT_EQ(s.json["error_count"].GetInt(), 0);
    ++checked;
  }
  EXPECT_GE(checked, 45);
}

// Every corpus file behind a mainframe "$$ADD" line (after its byte-order mark, in UTF-16 for the
// UTF-16 file): the same counts, delimiters, errors and warnings, every offset moved by the
// line's length, plus one text_before_isa warning. The file with no ISA is still rejected.
TEST(CorpusParse, EveryFileReadsTheSameBehindAHeaderLine) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto dir = testing::scratch_dir("corpus_parse_prefix");
  const std::string line = "$$ADD ID=ACME01 BID='DIV00001'\r\n";
  int files = 0;
  for (const auto& file : corpus_files()) {
    const std::string name = corpus_name(file);
    SCOPED_TRACE(name);
    const std::string bytes = testing::read_file(file);
    std::string prefixed;
    if (bytes.size() >= 4 && bytes[1] == '\0' && bytes[3] == '\0') {
      for (char c : line) prefixed += std::string{c, '\0'};
      prefixed += bytes;
    } else {
      const std::size_t bom = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
      prefixed = bytes.substr(0, bom) + line + bytes.substr(bom);
    }
    const auto copy = dir / file.filename();
    testing::write_file(copy, prefixed);
    Summary a = summarize(file), b = summarize(copy);
    ASSERT_FALSE(a.json.HasParseError() || b.json.HasParseError());
    EXPECT_EQ(b.exit_code, a.exit_code);
    for (const char* key : {"interchanges", "groups", "transactions", "segments", "types", "delimiters", "error_count"})
      EXPECT_TRUE(a.json[key] == b.json[key]) << key;
    const bool no_isa = a.json["error_count"].GetInt() > 0 && std::string(a.json["errors"][0]["code"].GetString()) == "no_isa";
    const auto shift = no_isa ? 0 : static_cast<std::int64_t>(line.size());
    const auto& ea = a.json["errors"];
    const auto& eb = b.json["errors"];
    ASSERT_EQ(eb.Size(), ea.Size());
    for (rapidjson::SizeType i = 0; i < ea.Size(); ++i) {
      EXPECT_STREQ(eb[i]["code"].GetString(), ea[i]["code"].GetString());
      EXPECT_STREQ(eb[i]["id"].GetString(), ea[i]["id"].GetString());
      EXPECT_EQ(eb[i]["segment"].GetInt(), ea[i]["segment"].GetInt());
      EXPECT_EQ(eb[i]["element"].GetInt(), ea[i]["element"].GetInt());
      EXPECT_EQ(eb[i]["offset"].GetInt64(), ea[i]["offset"].GetInt64() + shift) << ea[i]["message"].GetString();
    }
    // The warnings: the file's own (offsets of those after the line moved), and one for the line.
    std::vector<std::string> wa, wb;
    for (const auto& w : a.json["warnings"].GetArray()) {
      const auto offset = w["offset"].GetInt64();
      const std::string code = w["code"].GetString();
      const bool before_line = code == "byte_order_mark" || code == "bad_encoding";
      wa.push_back(code + "@" + std::to_string(offset + (before_line ? 0 : shift)));
    }
    std::size_t skipped = 0;
    for (const auto& w : b.json["warnings"].GetArray()) {
      const std::string code = w["code"].GetString();
      if (code == "text_before_isa") {
        ++skipped;
        EXPECT_NE(std::string(w["message"].GetString()).find(std::to_string(line.size()) + " bytes"), std::string::npos);
        continue;
      }
      wb.push_back(code + "@" + std::to_string(w["offset"].GetInt64()));
    }
    EXPECT_EQ(wb, wa);
    EXPECT_EQ(skipped, no_isa ? 0u : 1u);
    ++files;
  }
  EXPECT_GE(files, 74);
}

}  // namespace
}  // namespace clearhouse
