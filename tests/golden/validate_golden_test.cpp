// Golden 999s for hand-made 837Ps, 277CAs and 276s (tests/golden/validate/*.x12 -> *.999): the
// valid_* bases and broken copies with one defect each,
// the acknowledgment written with fixed dates and control numbers so that it is byte-stable.
// Set CLEARHOUSE_UPDATE_GOLDEN=1 to (re)write the .999 files after reviewing a change.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "generators/x12_999/implementation_ack_writer.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/spec/file_validator.hpp"
#include "tests/support/spec_paths.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

namespace fs = std::filesystem;
using testing::read_file;

x12::spec::ValidationReport validate_text(const std::string& text) {
  x12::MemorySource source(text);
  return x12::spec::validate_x12(source, *testing::spec_catalog());
}

std::string ack_for(const x12::spec::ValidationReport& report) {
  x12::AckWriteOptions options;
  options.date8 = "20240602";
  options.time4 = "0800";
  std::string out;
  for (const auto& i : report.interchanges) out += x12::write_999(i.parties, i.groups, {9001, 9001, 1}, options);
  return out;
}

class Golden999 : public ::testing::TestWithParam<std::string> {};

TEST_P(Golden999, AcknowledgmentMatchesAndValidatesAgainstThe999Spec) {
  ASSERT_TRUE(testing::spec_catalog()->ok()) << testing::spec_catalog()->error();
  const fs::path dir = testing::source_dir() / "tests" / "golden" / "validate";
  const fs::path input = dir / (GetParam() + ".x12");
  const fs::path expected = dir / (GetParam() + ".999");
  const auto report = validate_text(read_file(input));
  const std::string ack = ack_for(report);
  if (const char* update = std::getenv("CLEARHOUSE_UPDATE_GOLDEN"); update != nullptr && std::string(update) == "1")
    testing::write_file(expected, ack);
  ASSERT_TRUE(fs::exists(expected)) << expected << " missing (CLEARHOUSE_UPDATE_GOLDEN=1 writes it)";
  EXPECT_EQ(ack, read_file(expected)) << GetParam();
  // Our own 999 is a valid 005010X231A1 999.
  const auto self = validate_text(ack);
  EXPECT_TRUE(self.fully_accepted()) << GetParam() << ": "
                                     << (self.findings.empty() ? std::string() : self.findings.front().message);
}

std::vector<std::string> golden_cases() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(testing::source_dir() / "tests" / "golden" / "validate"))
    if (e.path().extension() == ".x12") names.push_back(e.path().stem().string());
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(HandMade, Golden999, ::testing::ValuesIn(golden_cases()));

// The defects the issue names, each with the IK3/IK4 codes it must produce.
struct Expectation {
  const char* file;
  const char* segment;     // IK301
  const char* ik3;         // IK304
  const char* loop;        // IK303 (as written: at most 4 characters)
  int element;             // IK401 (0: no IK4)
  const char* ik4;         // IK403
};

class DefectCodes : public ::testing::TestWithParam<Expectation> {};

TEST_P(DefectCodes, NamedDefectGetsItsCodes) {
  const Expectation& e = GetParam();
  const auto report =
      validate_text(read_file(testing::source_dir() / "tests" / "golden" / "validate" / (std::string(e.file) + ".x12")));
  ASSERT_EQ(report.interchanges.size(), 1u);
  ASSERT_EQ(report.interchanges[0].groups.size(), 1u);
  const auto& group = report.interchanges[0].groups[0];
  ASSERT_EQ(group.sets.size(), 1u);
  const auto& set = group.sets[0];
  EXPECT_EQ(set.code, 'R');
  EXPECT_EQ(group.code, 'R');
  bool found = false;
  for (const auto& seg : set.segments) {
    if (seg.segment_id != e.segment || seg.code != e.ik3) continue;
    if (x12::ik3_loop_id(seg.loop_id) != e.loop) continue;
    if (e.element == 0) {
      found = true;
      break;
    }
    for (const auto& el : seg.elements)
      if (el.element == e.element && el.code == e.ik4) found = true;
  }
  EXPECT_TRUE(found) << e.file << ": no IK3*" << e.segment << "*..*" << e.loop << "*" << e.ik3 << " with IK4 " << e.element
                     << " " << e.ik4;
}

INSTANTIATE_TEST_SUITE_P(
    IssueDefects, DefectCodes,
    ::testing::Values(Expectation{"missing_nm1_85", "NM1", "3", "2010", 0, ""},
                      Expectation{"clm02_not_sum_of_sv102", "CLM", "8", "2300", 2, "I12"},
                      Expectation{"hl_parent_wrong", "HL", "8", "2000", 2, "7"},
                      Expectation{"sv1_invalid_unit_code", "SV1", "8", "2400", 3, "7"},
                      Expectation{"dtp_invalid_date", "DTP", "8", "2400", 3, "8"},
                      Expectation{"element_too_long", "NM1", "8", "2010", 7, "5"},
                      Expectation{"segment_after_se", "REF", "6", "", 0, ""},
                      // NM109 with NM108 XX is an NPI: 10 digits, the last a Luhn check digit.
                      Expectation{"nm1_85_npi_9_digits", "NM1", "8", "2010", 9, "7"},
                      Expectation{"nm1_85_npi_11_digits", "NM1", "8", "2010", 9, "7"},
                      Expectation{"nm1_85_npi_check_digit", "NM1", "8", "2010", 9, "7"},
                      Expectation{"stc_invalid_action_code_277ca", "STC", "8", "2220", 3, "7"}));

TEST(Golden999, ValidBasesAreAccepted) {
  for (const char* name : {"valid_837p", "valid_277ca", "valid_276"}) {
    const auto report =
        validate_text(read_file(testing::source_dir() / "tests" / "golden" / "validate" / (std::string(name) + ".x12")));
    EXPECT_TRUE(report.fully_accepted()) << name;
    EXPECT_EQ(report.error_count, 0u) << name;
    EXPECT_EQ(report.accepted, 1u) << name;
  }
}

// A 277CA (HN) and a 276 (HR) are acknowledged under their own functional group and guide.
TEST(Golden999, ClaimStatusSetsAreAcknowledgedUnderTheirGuide) {
  const fs::path dir = testing::source_dir() / "tests" / "golden" / "validate";
  const std::string ack277 = read_file(dir / "valid_277ca.999");
  EXPECT_NE(ack277.find("AK1*HN*201*005010X214~"), std::string::npos);
  EXPECT_NE(ack277.find("AK2*277*0001*005010X214~"), std::string::npos);
  EXPECT_NE(ack277.find("IK5*A~"), std::string::npos);
  const std::string ack276 = read_file(dir / "valid_276.999");
  EXPECT_NE(ack276.find("AK1*HR*301*005010X212~"), std::string::npos);
  EXPECT_NE(ack276.find("AK2*276*0001*005010X212~"), std::string::npos);
  const std::string broken = read_file(dir / "stc_invalid_action_code_277ca.999");
  EXPECT_NE(broken.find("IK3*STC*37*2220*8~"), std::string::npos) << broken;
  EXPECT_NE(broken.find("IK4*3*306*7*X~"), std::string::npos) << broken;
  EXPECT_NE(broken.find("IK5*R*I5~"), std::string::npos) << broken;
}

}  // namespace
}  // namespace clearhouse
