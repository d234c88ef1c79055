// Implementation-guide validation over ../shared/corpus: every 837P, 835 and 999 the MANIFEST
// calls valid validates with no findings; every file it calls invalid gets the errors it
// names, at their locations. A few files pass the envelope checker (MANIFEST "valid") but are
// not valid under the 5010 guides; each is listed below with the findings that say why (and
// those whose only fault is a made-up NPI in sample_npis()).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "parsers/x12/input_source.hpp"
#include "parsers/x12/spec/file_validator.hpp"
#include "tests/support/spec_paths.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

namespace fs = std::filesystem;

struct Want {
  std::string segment_id;  // "" = any (envelope findings)
  std::uint64_t position;  // 0 = any
  std::string ik3;         // "" = not checked
  std::string ik4;         // "" = not checked
  int element;             // 0 = not checked
  std::string message;     // substring; "" = not checked
};

struct Case {
  bool accepted;
  std::vector<Want> wants;
  const char* why = "";
};

x12::spec::ValidationReport validate(const fs::path& p) {
  std::string error;
  auto source = x12::FileSource::open(p.string(), error);
  EXPECT_TRUE(source) << error;
  x12::spec::ValidationOptions options;
  return x12::spec::validate_x12(*source, *testing::spec_catalog(), options);
}

bool matches(const model::ValidationFinding& f, const Want& w) {
  if (!w.segment_id.empty() && f.segment_id != w.segment_id) return false;
  if (w.position != 0 && f.position != w.position) return false;
  if (!w.ik3.empty() && f.segment_code != w.ik3) return false;
  if (!w.ik4.empty() && f.element_code != w.ik4) return false;
  if (w.element != 0 && f.element != w.element) return false;
  if (!w.message.empty() && f.message.find(w.message) == std::string::npos) return false;
  return true;
}

// Files the MANIFEST marks invalid (or that the 5010 guides reject), with what they must report.
const std::map<std::string, Case>& expectations() {
  static const std::map<std::string, Case> cases = {
      // --- intended invalid / checker FAIL -------------------------------------------------
      {"imsweb_x12_bad_first_line.837", {false, {{"ISA", 0, "", "", 0, "TA1 011"}, {"", 0, "", "", 0, "SE01"}}}},
      {"imsweb_x12_bad_segment_identifier.837",
       {false, {{"", 4, "1", "", 0, ""}, {"Nd4", 9, "1", "", 0, ""}, {"NM31", 18, "1", "", 0, ""}}}},
      {"imsweb_x12_complex.837", {false, {{"", 0, "", "", 0, "SE01"}, {"", 0, "", "", 0, "AK905 5"}}}},
      {"imsweb_x12_many_claims.837", {false, {{"", 0, "", "", 0, "SE01"}}}},
      {"imsweb_x12_missing_elements.837",
       {false, {{"NM1", 5, "8", "1", 2, ""}, {"CLM", 0, "8", "1", 5, ""}, {"", 0, "", "", 0, "SE01"}}}},
      {"imsweb_x12_multiple_gs.837", {false, {{"", 0, "", "", 0, "SE01"}, {"", 0, "", "", 0, "TA1 021"}}}},
      {"imsweb_x12_multiple_isa.837", {false, {{"", 0, "", "", 0, "SE01"}}}},
      {"imsweb_x12_no_isa_line.837", {false, {{"", 0, "", "", 0, "does not start with an ISA"}}}},
      {"imsweb_x12_segment_errors.837",
       {false, {{"N3", 0, "3", "", 0, ""}, {"HI", 0, "3", "", 0, ""}, {"REF", 0, "5", "", 0, ""}}}},
      {"imsweb_x12_segments_out_of_order.837",
       {false, {{"N4", 10, "7", "", 0, ""}, {"N3", 15, "7", "", 0, ""}, {"N4", 9, "3", "", 0, ""}}}},
      {"imsweb_x12_valid_different_separators.837", {false, {{"", 0, "", "", 0, "SE01"}}}},
      {"KeyMarkInc_837P-UnicodeExample.837",
       {false, {{"", 0, "", "", 0, "no SE at end"}, {"", 0, "", "", 0, "TA1 023"}}}},
      {"xlate_837-header-ref-only.837", {false, {{"REF", 3, "2", "", 0, ""}, {"HL", 0, "3", "", 0, "2000A"}}}},
      {"xlate_sample837-HL-nested.837", {false, {{"", 0, "", "", 0, "not supported"}},
                                        "GS08 005010 names no implementation guide: a bare HL-nesting test"}},
      {"affect-therapeutics_nevada_medicaid.835",
       {false, {{"ISA", 0, "", "", 0, "TA1 011"}, {"", 0, "", "", 0, "TA1 001"}}}},
      {"affect-therapeutics_sample_835.835", {false, {{"", 0, "", "", 0, "SE01"}, {"MIA", 0, "8", "6", 24, ""}}}},
      {"albmarin_error_validation.835",
       {false,
        {{"", 0, "", "", 0, "SE02"}, {"", 0, "", "", 0, "SE01"}, {"", 0, "", "", 0, "AK905 4"},
         {"", 0, "", "", 0, "AK905 5"}, {"", 0, "", "", 0, "TA1 001"}, {"", 0, "", "", 0, "TA1 021"}}}},
      {"jdavisp3_4010-835-example-pipe.835", {false, {{"", 0, "", "", 0, "not supported"}}}},
      {"KeyMarkInc_835-Example1-reversals.835", {false, {{"", 0, "", "", 0, "not supported"}}, "GS08 '5010'"}},
      {"KeyMarkInc_835_WithMultipleInterchanges.835",
       {false, {{"CLP", 0, "8", "I12", 4, "CLP03 - CLP04"}, {"SVC", 0, "8", "I12", 3, "SVC02 - SVC03"},
                {"BPR", 0, "8", "I12", 2, "BPR02"}}}},
      {"LinuxForHealth_tertiary-payment.835", {false, {{"SVC", 0, "8", "I12", 3, "SVC02 - SVC03"}}}},
      {"imsweb_x12_999_accepted.x12", {false, {{"", 0, "", "", 0, "TA1 001"}}}},
      {"xlate_invalid999.x12",
       {false, {{"IK5", 2, "2", "", 0, ""}, {"AK2", 4, "8", "3", 4, ""}, {"", 0, "", "", 0, "SE01"}}}},
      // --- checker-valid, but not valid under the 5010 guides ------------------------------
      {"KeyMarkInc_837P-Example1_2_And_3_Combined.837",
       {false, {{"SBR", 52, "8", "I10", 8, ""}, {"DMG", 74, "2", "", 0, ""}},
        "carries 4010-only content: SBR08 in 2000B and DMG in 2320"}},
      {"KeyMarkInc_837P-MedicaidExample.837",
       {false, {{"BHT", 2, "2", "", 0, ""}, {"CLM", 20, "8", "7", 5, ""}}, "values masked to 9/X are not valid codes"}},
      {"LinuxForHealth_medicare-part-a.835",
       {false, {{"PER", 9, "3", "", 0, "PER*BL"}, {"TS3", 11, "8", "I10", 9, ""}},
        "4010-shaped example: no PER*BL, TS309/TS311 used"}},
      {"LinuxForHealth_secondary-payment.835",
       {false, {{"BPR", 2, "8", "1", 16, ""}, {"SVC", 27, "2", "", 0, ""}},
        "BPR16 empty; SVC01 uses '>' where ISA16 is ':'"}},
      {"keironstoddart_united_healthcare_legacy_sample.835",
       {false, {{"N4", 14, "8", "7", 2, ""}}, "scrubbed state code NP"}},
      {"KeyMarkInc_999-DHS_Wisconsin_Sample.x12",
       {false, {{"AK2", 5, "8", "4", 2, ""}, {"CTX", 12, "8", "6", 6, ""}}, "AK202 '002' is 3 characters; CTX06-1 'C023'"}},
      {"xlate_simple999.x12", {false, {{"CTX", 12, "8", "I10", 1, ""}}, "CTX01-2 repeated where the guide says not used"}},
  };
  return cases;
}

// Files the MANIFEST calls valid that are valid but for their NPIs: public samples carry made-up
// provider numbers (1234567890, 9876543210, 9999999999, 9 or 11 digits) that fail the NPI check
// (10 digits, Luhn over 80840 + the first nine). Each NPI finding, and nothing else, is expected.
struct NpiAt {
  const char* segment_id;
  std::uint64_t position;
  int element;  // NM109 or N104
};

const std::map<std::string, std::vector<NpiAt>>& sample_npis() {
  static const std::map<std::string, std::vector<NpiAt>> files = {
      {"KeyMarkInc_837P-ST1309-XX.837", {{"NM1", 7, 9}, {"NM1", 32, 9}, {"NM1", 33, 9}}},
      {"LinuxForHealth_X222A2-autoaccident.837", {{"NM1", 7, 9}, {"NM1", 27, 9}, {"NM1", 29, 9}}},
      {"albmarin_X221-dollars-and-data-sent-separate.835", {{"N1", 9, 4}}},
      {"albmarin_X222-COB-billing-provider-to-payer-b.837", {{"NM1", 7, 9}, {"NM1", 31, 9}, {"NM1", 34, 9}}},
      {"albmarin_X222-COB-payer-a-to-payer-b.837", {{"NM1", 7, 9}, {"NM1", 31, 9}, {"NM1", 34, 9}}},
      {"albmarin_X222-ambulance.837", {{"NM1", 8, 9}}},
      {"albmarin_X222-anesthesia.837", {{"NM1", 7, 9}, {"NM1", 20, 9}, {"NM1", 23, 9}}},
      {"albmarin_X222-chiropractic.837", {{"NM1", 7, 9}}},
      {"albmarin_X222-commercial-health-insurance.837", {{"NM1", 8, 9}}},
      {"albmarin_X222-encounter.837", {{"NM1", 8, 9}, {"NM1", 26, 9}}},
      {"albmarin_X222-medicare-secondary-payer-COB.837", {{"NM1", 7, 9}, {"NM1", 25, 9}}},
      {"albmarin_X222-out-of-network-repriced.837", {{"NM1", 29, 9}}},
      {"albmarin_X222-oxygen.837", {{"NM1", 7, 9}, {"NM1", 28, 9}, {"NM1", 51, 9}}},
      {"albmarin_X222-ppo-repriced-claim.837", {{"NM1", 7, 9}, {"NM1", 24, 9}}},
      {"apimeister_005010_837.837", {{"NM1", 8, 9}}},
      {"jdavisp3_5010-835-example-3.835", {{"NM1", 20, 9}, {"NM1", 33, 9}}},
      {"xlate_sample837-original.837", {{"NM1", 8, 9}, {"NM1", 36, 9}}},
  };
  return files;
}

std::vector<fs::path> validated_files() {
  std::vector<fs::path> out;
  for (const auto& p : testing::corpus_files()) {
    const std::string dir = p.parent_path().filename().string();
    if (dir == "837p" || dir == "835" || dir == "999") out.push_back(p);
  }
  return out;
}

TEST(ValidateCorpus, ValidFilesAreCleanAndInvalidOnesReportWhatTheManifestNames) {
  CLEARHOUSE_REQUIRE_CORPUS();
  ASSERT_TRUE(testing::spec_catalog()->ok()) << testing::spec_catalog()->error();
  int clean = 0, invalid = 0, sample_npi_only = 0;
  for (const auto& path : validated_files()) {
    const std::string name = path.filename().string();
    SCOPED_TRACE(name);
    const auto report = validate(path);
    if (auto npis = sample_npis().find(name); npis != sample_npis().end()) {
      // Rejected for exactly its NPIs: no other finding.
      EXPECT_FALSE(report.fully_accepted()) << name;
      EXPECT_EQ(report.findings.size(), npis->second.size()) << name;
      for (const auto& f : report.findings) {
        const bool listed = std::any_of(npis->second.begin(), npis->second.end(), [&](const NpiAt& n) {
          return f.segment_id == n.segment_id && f.position == n.position && f.element == n.element;
        });
        EXPECT_TRUE(listed && f.element_code == "7" && f.message.find("not a valid NPI") != std::string::npos)
            << name << ": " << model::location_of(f) << ": " << f.message;
      }
      EXPECT_GT(report.transactions, 0u);
      ++sample_npi_only;
      continue;
    }
    auto it = expectations().find(name);
    if (it == expectations().end()) {
      // Valid: accepted with nothing to say.
      EXPECT_TRUE(report.fully_accepted()) << name;
      for (const auto& f : report.findings) ADD_FAILURE() << name << ": " << model::location_of(f) << ": " << f.message;
      EXPECT_GT(report.transactions, 0u);
      ++clean;
      continue;
    }
    ++invalid;
    EXPECT_EQ(report.fully_accepted(), it->second.accepted) << name;
    for (const Want& w : it->second.wants) {
      bool found = false;
      for (const auto& f : report.findings) found = found || matches(f, w);
      EXPECT_TRUE(found) << name << ": missing finding " << w.segment_id << " @" << w.position << " IK3 " << w.ik3
                         << " IK4 " << w.ik4 << " el " << w.element << " '" << w.message << "'";
    }
  }
  // At least 30 files about which the validator says nothing but what the guides require (the
  // sample-NPI files have nothing else to say).
  EXPECT_GE(clean + sample_npi_only, 30);
  EXPECT_EQ(sample_npi_only, static_cast<int>(sample_npis().size()));
  EXPECT_EQ(invalid, static_cast<int>(expectations().size()));
}

// The 277CA and 277 files of other/: what each validates to, and why (pyx12's verdict on each
// is compared in schemas/x12/README.md and the issue 13 report).
TEST(ValidateCorpus, ClaimAcknowledgmentsAndStatusResponses) {
  CLEARHOUSE_REQUIRE_CORPUS();
  ASSERT_TRUE(testing::spec_catalog()->ok()) << testing::spec_catalog()->error();
  const std::map<std::string, Case> cases = {
      // Clean but for their made-up provider NPIs (NM108 XX with 9 digits or a wrong check
      // digit): the NYSDOH rejection (2200C without STC: situational in the guide, required in
      // pyx12's map) and the X212 guide example.
      {"imsweb_x12_277CA_rejected.x12",
       {false, {{"NM1", 15, "8", "7", 9, "has 9 digits"}}, "2100C NPI of 9 digits"}},
      {"LinuxForHealth_277-X212-claim-level-status.x12",
       {false, {{"NM1", 8, "8", "7", 9, "fails its check digit"}, {"NM1", 26, "8", "7", 9, "has 9 digits"}},
        "2100C NPIs: a wrong check digit, 9 digits"}},
      {"imsweb_x12_277CA_accepted.x12",
       {false, {{"DTP", 22, "8", "8", 3, "invalid date"}},
        "claim service date 10010101: year 1001 is outside the 1800-2999 both validators accept"}},
      {"KeyMarkInc_277CA-Deidentified_from_nth.x12",
       {false, {{"BHT", 2, "2", "", 0, ""}, {"STC", 0, "8", "7", 1, "STC01-03"}},
        "masked values: BHT01 9999, STC01-03 entity codes 99 and XX"}},
      {"KeyMarkInc_277CA-FromBogeyone.x12",
       {false, {{"", 0, "", "", 0, "no SE at end"}, {"", 0, "", "", 0, "TA1 023"}}, "truncated after 2000B"}},
      {"KeyMarkInc_277CA-FromLatitude81uk.x12",
       {false, {{"", 0, "", "", 0, "TA1 001"}, {"STC", 0, "8", "8", 2, "not a date"}}, "junk values"}},
  };
  int seen = 0;
  for (const auto& path : testing::corpus_files()) {
    const std::string name = path.filename().string();
    if (name.find("_277") == std::string::npos || path.extension() != ".x12") continue;
    SCOPED_TRACE(name);
    ++seen;
    auto it = cases.find(name);
    ASSERT_NE(it, cases.end()) << name << " has no expectation here";
    const auto report = validate(path);
    EXPECT_EQ(report.transactions, 1u);
    EXPECT_EQ(report.fully_accepted(), it->second.accepted) << it->second.why;
    if (it->second.accepted) {
      for (const auto& f : report.findings) ADD_FAILURE() << model::location_of(f) << ": " << f.message;
    }
    if (std::string_view(it->second.why).find("NPI") != std::string_view::npos) {
      // Nothing to say about these but their NPIs: exactly the findings wanted.
      EXPECT_EQ(report.findings.size(), it->second.wants.size());
      for (const auto& f : report.findings)
        EXPECT_NE(f.message.find("not a valid NPI"), std::string::npos) << model::location_of(f) << ": " << f.message;
    }
    for (const Want& w : it->second.wants) {
      bool found = false;
      for (const auto& f : report.findings) found = found || matches(f, w);
      EXPECT_TRUE(found) << "missing finding " << w.segment_id << " @" << w.position << " IK3 " << w.ik3 << " IK4 "
                         << w.ik4 << " el " << w.element << " '" << w.message << "'";
    }
  }
  EXPECT_EQ(seen, static_cast<int>(cases.size()));
}

TEST(ValidateCorpus, FindingsCarryTheirLocation) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto report = validate(*testing::corpus_dir() / "837p" / "imsweb_x12_segment_errors.837");
  bool saw = false;
  for (const auto& f : report.findings) {
    if (f.segment_id != "REF" || f.segment_code != "5") continue;
    saw = true;
    EXPECT_EQ(f.transaction_control, "987654");
    EXPECT_EQ(f.loop_id, "2010AA");
    EXPECT_GT(f.position, 0u);
    EXPECT_GT(f.file_segment, f.position);
    EXPECT_GT(f.offset, 0u);
    EXPECT_NE(model::location_of(f).find("ST 987654 / segment"), std::string::npos);
  }
  EXPECT_TRUE(saw);
}

TEST(ValidateCorpus, GeneratedClaimsAndRemittancesValidateClean) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  const auto dir = testing::scratch_dir("validate_generated");
  for (const char* type : {"837p", "835"}) {
    const auto out = dir / (std::string("gen.") + type);
    const auto r = testing::run_command("python3 " + testing::shell_quote((*testing::shared_tools_dir() / "gen_x12.py").string()) +
                                        " --type " + type + " --claims 300 --seed 11 -o " + testing::shell_quote(out.string()));
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto report = validate(out);
    EXPECT_TRUE(report.fully_accepted()) << type << ": "
                                         << (report.findings.empty() ? std::string() : report.findings.front().message);
    EXPECT_GT(report.accepted, 0u);
  }
}

}  // namespace
}  // namespace clearhouse
