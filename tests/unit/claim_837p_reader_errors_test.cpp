// Malformed values in an 837P are reported with their position; reading goes on.
#include <gtest/gtest.h>

#include "parsers/x12_837p/claim_837p_reader.hpp"

namespace clearhouse::x12_837p {
namespace {

constexpr std::string_view kIsa = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240630*1200*^*00501*000000001*0*P*:~";

TEST(Claim837pReaderErrorsTest, BadAmountsDatesAndPointersAreDiagnosedAndTheNextClaimStillReads) {
  std::string text(kIsa);
  text +=
      "GS*HC*SENDER*RECEIVER*20240630*1200*1*X*005010X222A1~ST*837*0001*005010X222A1~"
      "HL*1**20*1~NM1*85*2*ORG*****XX*1234567893~HL*2*1*22*0~SBR*P*18*******CI~NM1*IL*1*A*B****MI*M1~"
      "DMG*D8*19991340*F~NM1*PR*2*PAYER*****PI*P1~"
      "CLM*A1*1X0***11:B:1*Y*A*Y*Y~HI*ABK:I10~LX*1~SV1*HC:99213*ABC*UN*1***Q~DTP*472*D8*20240230~"
      "CLM*A2*10***11:B:1*Y*A*Y*Y~HI*ABK:I10~LX*1~SV1*HC:99213*10*UN*1***1~DTP*472*D8*20240229~"
      "SE*19*0001~GE*1*1~IEA*1*000000001~";
  x12::Diagnostics d;
  x12::MemorySource source(text);
  x12::SegmentReader segments(source, d);
  x12::EnvelopeReader envelopes(segments, d);
  Claim837pReader reader(envelopes, d);
  model::Claim c;
  std::vector<std::string> ids;
  while (reader.next(c)) ids.push_back(c.claim_id);
  EXPECT_EQ(ids, (std::vector<std::string>{"A1", "A2"}));
  EXPECT_EQ(c.lines.at(0).charge.cents(), 1000);
  std::vector<std::string> where;
  for (const auto& e : d.errors())
    if (e.code == x12::X12Errc::invalid_value) where.push_back(e.segment_id + std::to_string(e.element));
  EXPECT_EQ(where, (std::vector<std::string>{"DMG2", "CLM2", "SV12", "SV17", "DTP3"}));
  for (const auto& e : d.errors()) {
    if (e.segment_id == "DMG") {
      EXPECT_TRUE(e.found.empty()) << "birth dates are PHI";
    }
  }
}

TEST(Claim837pReaderErrorsTest, NonClaimTransactionsAndEmptyInputYieldNothing) {
  std::string text(kIsa);
  text += "GS*HP*S*R*20240630*1200*1*X*005010X221A1~ST*835*0001~BPR*I*1*C*ACH~CLP*X*1*1*1~SE*4*0001~GE*1*1~IEA*1*000000001~";
  x12::Diagnostics d;
  x12::MemorySource source(text);
  x12::SegmentReader segments(source, d);
  x12::EnvelopeReader envelopes(segments, d);
  Claim837pReader reader(envelopes, d);
  model::Claim c;
  EXPECT_FALSE(reader.next(c));
}

}  // namespace
}  // namespace clearhouse::x12_837p
