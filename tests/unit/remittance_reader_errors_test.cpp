#include "parsers/x12_835/remittance_reader.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/remittance_files.hpp"

namespace clearhouse::testing {
namespace {

const model::Finding* find_rule(const std::vector<model::Finding>& findings, const std::string& rule, int element = -1) {
  for (const auto& f : findings)
    if (f.rule == rule && (element < 0 || f.location.element == element)) return &f;
  return nullptr;
}

// Text where an amount belongs: each bad value is a finding with its exact position, the set
// is still read to its end, and the sets around it are untouched.
TEST(RemittanceReaderErrors, TextInAnAmountIsReportedWithItsPosition) {
  const auto read = read_remittances(fixture_835("text_in_amount.835"));
  ASSERT_EQ(read.remittances.size(), 3u);
  EXPECT_TRUE(read.remittances[0].findings.empty());
  EXPECT_TRUE(read.remittances[2].findings.empty());
  const auto& bad = read.remittances[1];
  EXPECT_TRUE(bad.complete);
  EXPECT_EQ(bad.claims.size(), 2u);
  const auto* clp = find_rule(bad.findings, "read.invalid_value", 4);
  ASSERT_NE(clp, nullptr);
  EXPECT_EQ(clp->category, "malformed");
  EXPECT_EQ(clp->claim_id, "CLAIM003");
  EXPECT_EQ(clp->location.segment, 68u);  // ISA = 1; the CLP is line 68 of the fixture
  EXPECT_EQ(clp->location.to_string(), "ST 0002 / segment 68 / 2100 CLP04");
  EXPECT_NE(clp->message.find("'12O'"), std::string::npos) << clp->message;
  EXPECT_EQ(clp->trace_number, "EFT0000002");
  // The two CAS amounts that are words, on lines 1 and 2 of the first claim.
  int cas = 0;
  for (const auto& f : bad.findings) {
    if (f.rule != "read.invalid_value" || f.location.segment_id != "CAS") continue;
    ++cas;
    EXPECT_EQ(f.location.element, 3);  // CAS01 group, CAS02 reason, CAS03 amount
    EXPECT_EQ(f.claim_id, "CLAIM003");
    EXPECT_EQ(f.line_number, cas);
    EXPECT_NE(f.message.find("'ABC'"), std::string::npos);
  }
  EXPECT_EQ(cas, 2);
  EXPECT_EQ(bad.findings.size(), 3u);
  // Bad values are not counted: the claim's paid amount stays zero, the CAS triples are dropped.
  EXPECT_EQ(bad.claims[0].paid, model::Money{});
  EXPECT_TRUE(bad.claims[0].lines[0].adjustments.size() == 1);  // only PR*2 is left
}

TEST(RemittanceReaderErrors, MissingSeDeliversTheSetAsIncompleteAndGoesOn) {
  const auto read = read_remittances(fixture_835("missing_se.835"));
  ASSERT_EQ(read.remittances.size(), 3u);
  EXPECT_TRUE(read.remittances[0].complete);
  EXPECT_TRUE(read.remittances[0].findings.empty());
  EXPECT_TRUE(read.remittances[2].complete);
  EXPECT_TRUE(read.remittances[2].findings.empty());
  const auto& cut = read.remittances[1];
  EXPECT_FALSE(cut.complete);
  EXPECT_EQ(cut.control_number, "0002");
  EXPECT_EQ(cut.claims.size(), 2u);
  const auto* incomplete = find_rule(cut.findings, "read.incomplete_transaction");
  ASSERT_NE(incomplete, nullptr);
  EXPECT_EQ(incomplete->location.to_string(), "ST 0002 / segment 51 / ST");
  EXPECT_NE(incomplete->message.find("2 claims"), std::string::npos);
  // The envelope reader's own error says where the SE should have been: at the next ST.
  const auto* missing = find_rule(cut.findings, "read.missing_trailer");
  ASSERT_NE(missing, nullptr);
  EXPECT_EQ(missing->location.segment, 98u);
}

TEST(RemittanceReaderErrors, CutMidSegmentKeepsTheSetsBeforeIt) {
  const auto read = read_remittances(fixture_835("truncated_mid_segment.835"));
  ASSERT_EQ(read.remittances.size(), 2u);
  EXPECT_TRUE(read.remittances[0].complete);
  EXPECT_TRUE(read.remittances[0].findings.empty());
  EXPECT_EQ(read.remittances[0].claims.size(), 2u);
  const auto& cut = read.remittances[1];
  EXPECT_FALSE(cut.complete);
  ASSERT_NE(find_rule(cut.findings, "read.incomplete_transaction"), nullptr);
  // The cut SVC ("SVC*HC:992") has no amounts: reported, with its position.
  const auto* svc = find_rule(cut.findings, "read.missing_element", 2);
  ASSERT_NE(svc, nullptr);
  EXPECT_EQ(svc->location.segment_id, "SVC");
  EXPECT_EQ(svc->location.segment, 78u);
  // The missing GE and IEA are file-level.
  EXPECT_NE(find_rule(read.file_findings, "read.missing_trailer"), nullptr);
}

TEST(RemittanceReaderErrors, MissingRequiredElementsAreFindings) {
  const std::string text =
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240401*1200*^*00501*000000001*0*T*:~"
      "GS*HP*SENDER*RECEIVER*20240401*1200*1*X*005010X221A1~ST*835*0001~BPR*I**C*CHK~TRN*1~"
      "CLP*C1*1~CAS*CO~SVC**10~PLB*1234567893*2024~SE*9*0001~GE*1*1~IEA*1*000000001~";
  const auto read = read_remittances_text(text);
  ASSERT_EQ(read.remittances.size(), 1u);
  const auto& f = read.remittances[0].findings;
  EXPECT_NE(find_rule(f, "read.missing_element", 2), nullptr);   // BPR02, TRN02
  EXPECT_NE(find_rule(f, "read.missing_element", 3), nullptr);   // CLP03
  EXPECT_NE(find_rule(f, "read.missing_element", 4), nullptr);   // CLP04
  EXPECT_NE(find_rule(f, "read.invalid_value", 2), nullptr);     // PLB02 "2024" is no date
  int missing = 0;
  for (const auto& x : f) missing += x.rule == "read.missing_element";
  // BPR02, TRN02, CLP03, CLP04, CAS02, SVC01-2, SVC03, PLB03
  EXPECT_EQ(missing, 8);
}

TEST(RemittanceReaderErrors, UnknownAdjustmentGroupIsReportedButCounted) {
  const std::string text =
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240401*1200*^*00501*000000001*0*T*:~"
      "GS*HP*SENDER*RECEIVER*20240401*1200*1*X*005010X221A1~ST*835*0001~BPR*I*0*C*NON~TRN*1*T~"
      "CLP*C1*1*10*0*0~CAS*XX*45*10~SE*6*0001~GE*1*1~IEA*1*000000001~";
  const auto read = read_remittances_text(text);
  ASSERT_EQ(read.remittances.size(), 1u);
  const auto& r = read.remittances[0];
  ASSERT_EQ(r.claims[0].adjustments.size(), 1u);
  EXPECT_EQ(r.claims[0].adjustments[0].group, model::AdjustmentGroup::unknown);
  EXPECT_EQ(r.claims[0].adjustments[0].group_code, "XX");
  EXPECT_NE(find_rule(r.findings, "read.invalid_value", 1), nullptr);
}

TEST(RemittanceReaderErrors, EnvelopeErrorsInsideASetAreItsFindings) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto read = read_remittances(*corpus_dir() / "835" / "albmarin_error_validation.835");
  ASSERT_EQ(read.remittances.size(), 1u);
  const auto& r = read.remittances[0];
  EXPECT_TRUE(r.complete);
  EXPECT_NE(find_rule(r.findings, "read.control_number_mismatch"), nullptr);  // SE02
  EXPECT_NE(find_rule(r.findings, "read.count_mismatch"), nullptr);           // SE01
  // GE and IEA errors belong to the file, not to the set.
  EXPECT_GE(read.file_findings.size(), 4u);
}

TEST(RemittanceReaderErrors, GarbageAndEmptyInputEndCleanly) {
  EXPECT_TRUE(read_remittances_text("").remittances.empty());
  for (const std::string& text : {std::string("not x12 at all"), std::string("ISA*00*"),
                                 std::string(200, '\0'), std::string("ISA*00*          *00*          *ZZ*S              "
                                                                     "*ZZ*R              *240401*1200*^*00501*000000001*0*T*:~ST*835*1~CLP*")}) {
    const auto read = read_remittances_text(text);
    for (const auto& r : read.remittances) EXPECT_FALSE(r.complete);
    EXPECT_GT(read.errors, 0u);
  }
}

}  // namespace
}  // namespace clearhouse::testing
