// The validator's SNIP 5 checks (parsers/x12/spec/code_set_checker), by engine/codes' rules:
// every NPI the guides qualify (NM108/N103 XX, REF01 HPI) in 837Ps and 835s, procedure codes
// and modifiers by format, and code lists (warnings, or errors with strict lists).
#include <gtest/gtest.h>

#include "engine/codes/code_lists.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/spec/file_validator.hpp"
#include "tests/support/spec_paths.hpp"
#include "tests/support/test_paths.hpp"
#include "tests/support/x12_samples.hpp"  // isa_segment

namespace clearhouse::x12::spec {
namespace {

std::string valid_837p() {
  return testing::read_file(testing::source_dir() / "tests" / "golden" / "validate" / "valid_837p.x12");
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

// A small valid 835: one paid claim with one line; every NPI slot is filled.
std::string valid_835() {
  return testing::isa_segment() +
         "GS*HP*SENDER*RECEIVER*20240612*0701*905*X*005010X221A1~"
         "ST*835*0001~"
         "BPR*I*100*C*ACH*CCP*01*999999999*DA*123456*1234567890**01*999999999*DA*98765*20240619~"
         "TRN*1*12345*1234567890~"
         "N1*PR*PAYER ONE~N3*1 PAYER WAY~N4*SPRINGFIELD*IL*62704~PER*BL*EDI DESK*TE*5555550100~"
         "N1*PE*PROVIDER ONE*XX*1234567893~"
         "LX*1~"
         "CLP*PCN1*1*150*100*20*12*CLM1*11*1~"
         "NM1*QC*1*DOE*JOHN~"
         "NM1*82*1*CARTER*ANNA****XX*1987654328~"
         "SVC*HC:99213:25*150*100**1~"
         "DTM*472*20240601~"
         "CAS*CO*45*30~"
         "CAS*PR*2*20~"
         "REF*HPI*1234567893~"
         "SE*18*0001~"
         "GE*1*905~"
         "IEA*1*000000905~";
}

ValidationReport validate_text(const std::string& text, const ValidationOptions& options = {}) {
  MemorySource source(text);
  return validate_x12(source, *testing::spec_catalog(), options);
}

// The findings as "SEG el/comp IK403 severity" lines, for exact expectations.
std::vector<std::string> findings_of(const ValidationReport& r) {
  std::vector<std::string> out;
  for (const auto& f : r.findings)
    out.push_back(f.segment_id + " " + std::to_string(f.element) + "/" + std::to_string(f.component) + " " + f.element_code +
                  (f.is_error() ? " error" : " warning"));
  return out;
}

TEST(CodeSetChecker, TheBaseFilesAreClean) {
  ASSERT_TRUE(testing::spec_catalog()->ok()) << testing::spec_catalog()->error();
  const auto claim = validate_text(valid_837p());
  EXPECT_TRUE(claim.fully_accepted()) << (claim.findings.empty() ? "" : claim.findings[0].message);
  const auto remittance = validate_text(valid_835());
  EXPECT_EQ(findings_of(remittance), std::vector<std::string>{});
}

TEST(CodeSetChecker, EveryNpiOfAnInterchangeIsChecked) {
  // Billing (2010AA) and rendering (2310B) providers of an 837P.
  std::string text = replaced(valid_837p(), "NM1*85*2*LAKESIDE CLINIC*****XX*1234567893~",
                              "NM1*85*2*LAKESIDE CLINIC*****XX*12345678A3~");
  text = replaced(text, "HI*ABK:J069*ABF:R509~", "HI*ABK:J069*ABF:R509~NM1*82*1*CARTER*ANNA****XX*1987654321~");
  text = replaced(text, "SE*29*0001~", "SE*30*0001~");
  const auto r = validate_text(text);
  EXPECT_EQ(findings_of(r), (std::vector<std::string>{"NM1 9/0 7 error", "NM1 9/0 7 error"}));
  ASSERT_EQ(r.findings.size(), 2u);
  EXPECT_EQ(r.findings[0].loop_id, "2010AA");
  EXPECT_EQ(r.findings[0].level, model::SnipLevel::code_set);
  EXPECT_EQ(r.findings[0].data_element, "67");
  EXPECT_EQ(r.findings[0].bad_value, "12345678A3");  // a provider's identifier, not a patient's: echoed
  EXPECT_NE(r.findings[0].message.find("not a valid NPI: holds a character other than a digit"), std::string::npos)
      << r.findings[0].message;
  EXPECT_EQ(r.findings[1].loop_id, "2310B");
  EXPECT_NE(r.findings[1].message.find("fails its check digit: expected 8"), std::string::npos) << r.findings[1].message;
  EXPECT_EQ(r.rejected, 1u);
}

TEST(CodeSetChecker, RemittanceNpisPayeeRenderingAndHpi) {
  // The 835's payee (N1*PE N103 XX), rendering provider (NM1*82 NM108 XX) and line-level
  // rendering provider reference (REF*HPI).
  std::string text = replaced(valid_835(), "N1*PE*PROVIDER ONE*XX*1234567893~", "N1*PE*PROVIDER ONE*XX*123456789~");
  text = replaced(text, "XX*1987654328~", "XX*1987654320~");
  text = replaced(text, "REF*HPI*1234567893~", "REF*HPI*16900720081~");
  const auto r = validate_text(text);
  EXPECT_EQ(findings_of(r), (std::vector<std::string>{"N1 4/0 7 error", "NM1 9/0 7 error", "REF 2/0 7 error"}));
  // Other qualifiers are not NPIs: a tax id (FI) or a payer-assigned number (REF*G2) of 9 digits.
  std::string other = replaced(valid_835(), "N1*PE*PROVIDER ONE*XX*1234567893~", "N1*PE*PROVIDER ONE*FI*123456789~");
  other = replaced(other, "REF*HPI*1234567893~", "REF*G2*123456789~");
  EXPECT_EQ(findings_of(validate_text(other)), std::vector<std::string>{});
}

TEST(CodeSetChecker, ProcedureCodesAndModifiersByFormat) {
  for (const char* code : {"0001U", "0359U", "0002M", "3008F", "0042T", "J1100", "G0439"}) {
    const auto r = validate_text(replaced(valid_837p(), "SV1*HC:99213*", std::string("SV1*HC:") + code + "*"));
    EXPECT_EQ(findings_of(r), std::vector<std::string>{}) << code;
  }
  const auto bad = validate_text(replaced(valid_837p(), "SV1*HC:87880:QW*", "SV1*HC:0001X:Q-*"));
  EXPECT_EQ(findings_of(bad), (std::vector<std::string>{"SV1 1/2 7 error", "SV1 1/3 7 error"}));
  ASSERT_EQ(bad.findings.size(), 2u);
  EXPECT_EQ(bad.findings[0].bad_value, "0001X");
  EXPECT_NE(bad.findings[0].message.find(
                "expected CPT (5 digits, or 4 digits and A, F, T, U or M) or HCPCS Level II (a letter and 4 digits)"),
            std::string::npos)
      << bad.findings[0].message;
}

TEST(CodeSetChecker, ListsWarnOrRejectWithStrict) {
  codes::CodeLists lists;
  lists.of(codes::CodeKind::cpt).emplace();
  lists.of(codes::CodeKind::cpt)->add("99213");
  lists.of(codes::CodeKind::icd10cm).emplace();
  lists.of(codes::CodeKind::icd10cm)->add("J069");
  ValidationOptions options;
  options.code_sets = &lists;
  // 87880 is not on the CPT list; R509 not on the ICD-10-CM list (and a diagnosis is not echoed).
  const auto warned = validate_text(valid_837p(), options);
  EXPECT_EQ(findings_of(warned), (std::vector<std::string>{"HI 2/2 7 warning", "SV1 1/2 7 warning"}));
  ASSERT_EQ(warned.findings.size(), 2u);
  EXPECT_EQ(warned.findings[0].bad_value, "");
  EXPECT_EQ(warned.findings[1].bad_value, "87880");
  EXPECT_EQ(warned.accepted_with_errors, 1u);
  options.strict_code_sets = true;
  const auto rejected = validate_text(valid_837p(), options);
  EXPECT_EQ(findings_of(rejected), (std::vector<std::string>{"HI 2/2 7 error", "SV1 1/2 7 error"}));
  EXPECT_EQ(rejected.rejected, 1u);
  // HCPCS codes have their own list: none given, so J1100 is checked by format only.
  EXPECT_EQ(findings_of(validate_text(replaced(valid_837p(), "SV1*HC:87880:QW*", "SV1*HC:J1100:QW*"), options)),
            (std::vector<std::string>{"HI 2/2 7 error"}));
}

}  // namespace
}  // namespace clearhouse::x12::spec
