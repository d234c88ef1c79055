// Bad 277 input: each problem is a finding with its exact position (segment ordinal, byte
// offset, segment id, loop, element, component), reading goes on, and a set cut short is
// delivered as incomplete.
#include "parsers/x12_277/claim_status_reader.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/claim_status_files.hpp"

namespace clearhouse::testing {
namespace {

const std::string kEnvelopeHead =
    "ISA*00*          *00*          *ZZ*ACMEHEALTH     *ZZ*CLEARHOUSE     *240605*0900*^*00501*000000201*0*P*:~\n"
    "GS*HN*ACMEHEALTH*CLEARHOUSE*20240605*0900*201*X*005010X214~\n";
const std::string kEnvelopeTail = "GE*1*201~\nIEA*1*000000201~\n";

// A 277CA set from ST to SE (SE01 counted here) with the given claim part after the patient HL.
std::string set(const std::string& control, const std::string& body) {
  std::string segments =
      "ST*277*" + control + "*005010X214~\n"
      "BHT*0085*08*ACK1*20240605*0900*TH~\n"
      "HL*1**20*1~\n"
      "NM1*PR*2*ACME HEALTH PLAN*****PI*60054~\n"
      "TRN*1*RCPT0001~\n"
      "DTP*050*D8*20240604~\n"
      "DTP*009*D8*20240605~\n"
      "HL*2*1*21*1~\n"
      "NM1*41*2*NORTHWIND BILLING*****46*SUB0001~\n"
      "TRN*2*BATCH0001~\n"
      "STC*A1:19:PR*20240605*WQ*325~\n"
      "HL*3*2*19*1~\n"
      "NM1*85*2*LAKESIDE CLINIC*****XX*1234567893~\n"
      "TRN*1*0~\n" +
      body;
  int count = 1;  // the SE
  for (char c : segments) count += c == '~';
  return segments + "SE*" + std::to_string(count) + "*" + control + "~\n";
}

std::string file(const std::string& sets) { return kEnvelopeHead + sets + kEnvelopeTail; }

const std::string kClaim =
    "HL*4*3*PT~\n"
    "NM1*QC*1*DOE*JANE****MI*W1000001~\n"
    "TRN*2*PCN1001~\n"
    "STC*A2:20*20240605*WQ*125~\n"
    "REF*1K*24157000123~\n"
    "DTP*472*D8*20240601~\n";

const model::Finding* find_rule(const std::vector<model::Finding>& findings, const std::string& rule) {
  for (const auto& f : findings)
    if (f.rule == rule) return &f;
  return nullptr;
}

// Segment ordinal (ISA = 1) and byte offset of the first segment starting with `start`.
struct Where {
  std::uint64_t segment = 0, offset = 0;
};
Where where(const std::string& text, const std::string& start) {
  const std::size_t at = text.find(start);
  Where w;
  w.offset = at;
  w.segment = 1;
  for (std::size_t i = 0; i < at; ++i) w.segment += text[i] == '~';
  return w;
}

TEST(ClaimStatusReaderErrors, AnStcWithoutItsCategoryIsReportedAndNotRead) {
  const std::string text = file(set("0001",
                                    "HL*4*3*PT~\n"
                                    "NM1*QC*1*DOE*JANE****MI*W1000001~\n"
                                    "TRN*2*PCN1001~\n"
                                    "STC*:20*20240605*WQ*125~\n"
                                    "STC*A7:21*20240605*WQ*125~\n"
                                    "DTP*472*D8*20240601~\n"));
  const auto read = read_claim_statuses_text(text);
  ASSERT_EQ(read.reports.size(), 1u);
  const auto& r = read.reports[0];
  EXPECT_TRUE(r.complete);
  ASSERT_EQ(r.claims.size(), 1u);
  ASSERT_EQ(r.claims[0].statuses.size(), 1u);  // the readable one
  EXPECT_EQ(r.claims[0].category(), "A7");
  ASSERT_EQ(r.findings.size(), 1u);
  const auto& f = r.findings[0];
  EXPECT_EQ(f.rule, "read.missing_element");
  EXPECT_TRUE(f.is_error());
  const Where w = where(text, "STC*:20");
  EXPECT_EQ(f.location.segment, w.segment);
  EXPECT_EQ(f.location.offset, w.offset);
  EXPECT_EQ(f.location.to_string(), "ST 0001 / segment " + std::to_string(w.segment) + " / 2200D STC01-1");
  EXPECT_EQ(f.claim_id, "PCN1001");
  EXPECT_EQ(f.payer_id, "60054");
}

TEST(ClaimStatusReaderErrors, TextInAnStcAmountIsAnErrorAndTheStatusStays) {
  const std::string text = file(set("0001",
                                    "HL*4*3*PT~\n"
                                    "NM1*QC*1*DOE*JANE****MI*W1000001~\n"
                                    "TRN*2*PCN1001~\n"
                                    "STC*A2:20*20240605*WQ*12O~\n"
                                    "DTP*472*D8*20240601~\n"));
  const auto read = read_claim_statuses_text(text);
  ASSERT_EQ(read.reports.size(), 1u);
  const auto& r = read.reports[0];
  ASSERT_EQ(r.claims.size(), 1u);
  ASSERT_EQ(r.claims[0].statuses.size(), 1u);
  EXPECT_FALSE(r.claims[0].statuses[0].charge.has_value());
  const auto* f = find_rule(r.findings, "read.invalid_value");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->location.segment_id, "STC");
  EXPECT_EQ(f->location.element, 4);
  EXPECT_EQ(f->location.loop, "2200D");
  EXPECT_NE(f->message.find("'12O'"), std::string::npos) << f->message;
}

TEST(ClaimStatusReaderErrors, ASetWithoutSeIsIncompleteAndTheNextOneIsRead) {
  std::string cut = set("0001", kClaim);
  cut.erase(cut.rfind("SE*"));
  const std::string text = file(cut + set("0002", kClaim));
  const auto read = read_claim_statuses_text(text);
  ASSERT_EQ(read.reports.size(), 2u);
  const auto& first = read.reports[0];
  EXPECT_FALSE(first.complete);
  EXPECT_EQ(first.claims.size(), 1u);  // read, but never to be posted
  const auto* f = find_rule(first.findings, "read.incomplete_transaction");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->location.segment_id, "ST");
  EXPECT_EQ(f->location.segment, where(text, "ST*277*0001").segment);
  EXPECT_NE(f->message.find("1 claim statuses"), std::string::npos) << f->message;
  const auto& second = read.reports[1];
  EXPECT_TRUE(second.complete);
  EXPECT_EQ(second.control_number, "0002");
  EXPECT_EQ(second.claims.size(), 1u);
  EXPECT_EQ(error_count(second.findings), 0u);
}

TEST(ClaimStatusReaderErrors, ASetWithNoClaimsSaysSo) {
  // The batch rejected as a whole at 2200B: no provider, no claims.
  std::string text = file(set("0001", ""));
  const std::string provider = "HL*3*2*19*1~\nNM1*85*2*LAKESIDE CLINIC*****XX*1234567893~\nTRN*1*0~\n";
  text.erase(text.find(provider), provider.size());
  text.replace(text.find("HL*2*1*21*1~"), 12, "HL*2*1*21*0~");
  text.replace(text.find("STC*A1:19:PR"), 12, "STC*A3:24:41");
  text.replace(text.find("SE*15*"), 6, "SE*12*");
  const auto read = read_claim_statuses_text(text);
  ASSERT_EQ(read.reports.size(), 1u);
  const auto& r = read.reports[0];
  EXPECT_TRUE(r.complete);
  EXPECT_TRUE(r.claims.empty());
  ASSERT_EQ(r.receivers.size(), 1u);
  EXPECT_EQ(r.receivers[0].statuses[0].first().category, "A3");
  ASSERT_EQ(r.findings.size(), 1u) << r.findings[0].message;
  const auto& f = r.findings[0];
  EXPECT_EQ(f.rule, "read.no_claims");
  EXPECT_EQ(f.severity, model::FindingSeverity::warning);
  EXPECT_EQ(f.location.segment_id, "ST");
  EXPECT_NE(f.message.find("1 batch or provider statuses"), std::string::npos) << f.message;
}

TEST(ClaimStatusReaderErrors, AnUnknownHlLevelIsReportedAndItsSegmentsAreNotRead) {
  const std::string text = file(set("0001",
                                    "HL*4*3*22*0~\n"  // a 276/277 subscriber level: not in the 277CA
                                    "NM1*IL*1*DOE*JANE****MI*W1000001~\n"
                                    "TRN*2*PCN0999~\n"
                                    "STC*A2:20*20240605*WQ*125~\n"
                                    "HL*5*3*PT~\n"
                                    "NM1*QC*1*ROE*RICHARD****MI*W1000002~\n"
                                    "TRN*2*PCN1002~\n"
                                    "STC*A2:20*20240605*WQ*200~\n"
                                    "DTP*472*D8*20240601~\n"));
  const auto read = read_claim_statuses_text(text);
  ASSERT_EQ(read.reports.size(), 1u);
  const auto& r = read.reports[0];
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(r.claims[0].patient_control_number, "PCN1002");
  const auto* f = find_rule(r.findings, "read.unknown_level");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->is_error());
  EXPECT_EQ(f->location.segment, where(text, "HL*4*3*22").segment);
  EXPECT_EQ(f->location.offset, where(text, "HL*4*3*22").offset);
  EXPECT_EQ(f->location.element, 3);
  EXPECT_NE(f->message.find("levels 20, 21, 19, PT"), std::string::npos) << f->message;
  EXPECT_EQ(error_count(r.findings), 1u);
}

TEST(ClaimStatusReaderErrors, AMissingLevelStillLeavesEveryClaimAProviderAndAPayer) {
  // A patient level straight under the receiver: no 2000C.
  std::string text = file(set("0001", kClaim));
  const std::string provider = "HL*3*2*19*1~\nNM1*85*2*LAKESIDE CLINIC*****XX*1234567893~\nTRN*1*0~\n";
  text.erase(text.find(provider), provider.size());
  const auto read = read_claim_statuses_text(text);
  ASSERT_EQ(read.reports.size(), 1u);
  const auto& r = read.reports[0];
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_EQ(r.payer_of(r.claims[0]).payer_id(), "60054");
  EXPECT_TRUE(r.provider_of(r.claims[0]).npi().empty());
  EXPECT_EQ(r.provider_of(r.claims[0]).segment, 0u);  // a placeholder, not from the file
  const auto* f = find_rule(r.findings, "read.missing_level");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->location.segment_id, "HL");
  EXPECT_EQ(f->location.segment, where(text, "HL*4*3*PT").segment);
}

TEST(ClaimStatusReaderErrors, AnHl02ThatNamesAnotherLevelIsAWarning) {
  std::string claim = kClaim;
  claim.replace(claim.find("HL*4*3*PT"), 9, "HL*4*2*PT");
  const auto read = read_claim_statuses_text(file(set("0001", claim)));
  ASSERT_EQ(read.reports.size(), 1u);
  const auto& r = read.reports[0];
  ASSERT_EQ(r.claims.size(), 1u);
  const auto* f = find_rule(r.findings, "read.wrong_parent");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->severity, model::FindingSeverity::warning);
  EXPECT_EQ(f->location.element, 2);
}

TEST(ClaimStatusReaderErrors, SegmentsOutOfPlaceAreReported) {
  const auto read = read_claim_statuses_text(file(set("0001",
                                                      "HL*4*3*PT~\n"
                                                      "NM1*QC*1*DOE*JANE****MI*W1000001~\n"
                                                      "SVC*HC:99213*150*****1~\n"  // before the claim's TRN
                                                      "TRN*2*PCN1001~\n"
                                                      "STC*A2:20*20240605*WQ*125~\n")));
  ASSERT_EQ(read.reports.size(), 1u);
  const auto& r = read.reports[0];
  const auto* f = find_rule(r.findings, "read.segment_out_of_place");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->location.segment_id, "SVC");
  EXPECT_EQ(f->location.loop, "2100D");
  ASSERT_EQ(r.claims.size(), 1u);
  EXPECT_TRUE(r.claims[0].lines.empty());
}

TEST(ClaimStatusReaderErrors, OtherSetsAreSkippedAndUnknownGuidesSaidSo) {
  std::string text = file(set("0001", kClaim));
  // A 4010 277 (X093) in a group of its own: skipped with a file finding.
  text.insert(text.find("IEA*"),
              "GS*HN*ACMEHEALTH*CLEARHOUSE*20240605*0900*202*X*004010X093A1~\n"
              "ST*277*0002~\nBHT*0010*08*X*20240605*0900*DG~\nSE*3*0002~\nGE*1*202~\n");
  text.replace(text.find("IEA*1*"), 6, "IEA*2*");
  const auto read = read_claim_statuses_text(text);
  ASSERT_EQ(read.reports.size(), 1u);
  EXPECT_EQ(read.skipped, 1u);
  const auto* f = find_rule(read.file_findings, "read.unsupported_guide");
  ASSERT_NE(f, nullptr) << read.file_findings.size();
  EXPECT_EQ(f->location.transaction, "0002");
  EXPECT_EQ(f->location.segment_id, "ST");
  EXPECT_NE(f->message.find("004010X093A1"), std::string::npos);
}

}  // namespace
}  // namespace clearhouse::testing
