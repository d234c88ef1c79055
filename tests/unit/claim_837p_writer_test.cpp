// The 837P writer: segment order, HL numbering and parents, and counts from the envelope writer.
#include "generators/x12_837p/claim_837p_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "tests/support/edit_helpers.hpp"
#include "tests/support/sample_encounter.hpp"

namespace clearhouse::x12_837p {
namespace {

std::vector<std::string> segments(std::string_view text) {
  std::vector<std::string> out;
  std::string s;
  std::istringstream in{std::string(text)};
  while (std::getline(in, s, '~')) {
    if (!s.empty() && s[0] == '\n') s.erase(0, 1);
    if (!s.empty()) out.push_back(s);
  }
  return out;
}

model::Claim claim_from(const std::string& json) {
  edits::ClaimEditor editor(testing::test_context());
  auto out = testing::edit_json(json, editor);
  EXPECT_FALSE(out.rejected());
  return out.claims.at(0);
}

std::string write(const std::vector<model::Claim>& claims) {
  x12::X12Writer w(model::Delimiters{}, "\n");
  Claim837pWriter writer(w);
  x12::InterchangeEnvelope isa;
  isa.sender_id = "SENDER";
  isa.receiver_id = "60054";
  isa.date = "240630";
  isa.time = "1200";
  isa.control_number = "7";
  x12::GroupEnvelope gs{"HC", "SENDER", "60054", "20240630", "1200", "7", std::string(kImplementation)};
  writer.open_interchange(isa, gs);
  writer.open_transaction({"0001", "REF1", model::Date{2024, 6, 30}, "1200"}, claims[0].submitter, claims[0].receiver);
  for (const auto& c : claims) writer.write_claim(c);
  writer.close_interchange();
  EXPECT_FALSE(w.error().has_value());
  return std::string(w.view());
}

TEST(Claim837pWriterTest, OneSelfClaimInGuideOrder) {
  const auto segs = segments(write({claim_from(testing::sample_encounter_json())}));
  std::vector<std::string> ids;
  for (const auto& s : segs) ids.push_back(s.substr(0, s.find('*')));
  const std::vector<std::string> expected = {"ISA", "GS",  "ST",  "BHT", "NM1", "PER", "NM1", "HL",  "PRV", "NM1",
                                             "N3",  "N4",  "REF", "HL",  "SBR", "NM1", "N3",  "N4",  "DMG", "NM1",
                                             "CLM", "HI",  "NM1", "PRV", "LX",  "SV1", "DTP", "REF", "LX",  "SV1",
                                             "DTP", "REF", "SE",  "GE",  "IEA"};
  EXPECT_EQ(ids, expected);
  EXPECT_EQ(segs[2], "ST*837*0001*005010X222A1");
  EXPECT_EQ(segs[3], "BHT*0019*00*REF1*20240630*1200*CH");
  EXPECT_EQ(segs[7], "HL*1**20*1");
  EXPECT_EQ(segs[13], "HL*2*1*22*0");
  EXPECT_EQ(segs[14], "SBR*P*18*GRP1001******CI");
  EXPECT_EQ(segs[15], "NM1*IL*1*MILLER*ROBERT*J***MI*ACM100200301");
  EXPECT_EQ(segs[18], "DMG*D8*19680314*M");
  EXPECT_EQ(segs[19], "NM1*PR*2*ACME HEALTH PLAN*****PI*60054");
  EXPECT_EQ(segs[20], "CLM*T1001*165***11:B:1*Y*A*Y*Y");
  EXPECT_EQ(segs[21], "HI*ABK:E119*ABF:I10");
  EXPECT_EQ(segs[25], "SV1*HC:99213:25*140*UN*1***1:2");
  EXPECT_EQ(segs[26], "DTP*472*D8*20240506");
  EXPECT_EQ(segs[27], "REF*6R*T1001-1");
  EXPECT_EQ(segs[32], "SE*31*0001");  // ST..SE inclusive
  EXPECT_EQ(segs[33], "GE*1*7");
  EXPECT_EQ(segs[34], "IEA*1*000000007");
}

TEST(Claim837pWriterTest, DependentsGetA2000CAndSharedLoopsAreReused) {
  const std::string self = testing::sample_encounter_json();
  const std::string child = testing::replaced(
      testing::replaced(self, R"("claim_id":"T1001")", R"("claim_id":"T1002")"), R"("patient":{"relationship":"18"})",
      R"("patient":{"relationship":"19","last":"MILLER","first":"EMMA","dob":"2016-09-02","gender":"F"})");
  const std::string child2 = testing::replaced(child, R"("claim_id":"T1002")", R"("claim_id":"T1003")");
  const auto segs = segments(write({claim_from(self), claim_from(child), claim_from(child2)}));
  std::vector<std::string> hls;
  for (const auto& s : segs)
    if (s.rfind("HL*", 0) == 0 || s.rfind("PAT*", 0) == 0 || s.rfind("SBR*", 0) == 0) hls.push_back(s);
  EXPECT_EQ(hls, (std::vector<std::string>{"HL*1**20*1", "HL*2*1*22*0", "SBR*P*18*GRP1001******CI", "HL*3*1*22*1",
                                           "SBR*P**GRP1001******CI", "HL*4*3*23*0", "PAT*19"}));
  // The dependent's subscriber loop carries no address or demographics.
  int dmg = 0;
  for (const auto& s : segs) dmg += s.rfind("DMG*", 0) == 0;
  EXPECT_EQ(dmg, 2);
}

TEST(Claim837pWriterTest, SituationalSegments) {
  std::string json = testing::replaced(testing::sample_encounter_json(), R"("prior_authorization":null)",
                                       R"("prior_authorization":"PA1","referral_number":"RF2","onset_date":"2024-05-01",)"
                                       R"("accident":{"cause":"AA","date":"2024-05-01","state":"IL"},)"
                                       R"("referring_provider":{"last":"PATEL","first":"RAJ","npi":"1678901236"},)"
                                       R"("service_facility":{"name":"ASC ONE","npi":"1876543210","address":{"line1":"1 A ST","city":"AB","state":"IL","zip":"627041234"}},)"
                                       R"("pay_to_address":{"line1":"PO BOX 9","city":"SPRINGFIELD","state":"IL","zip":"62705"})");
  json = testing::replaced(json, R"("frequency_code":"1")", R"("frequency_code":"7","original_claim_number":"ICN9")");
  json = testing::replaced(json, R"("date":"2024-05-06","diagnosis_pointers":[1])",
                           R"("date":"2024-05-06","date_end":"2024-05-08","place_of_service":"81","diagnosis_pointers":[1])");
  const auto text = write({claim_from(json)});
  for (const char* expected :
       {"NM1*87*2~", "N3*PO BOX 9~", "CLM*T1001*165***11:B:7*Y*A*Y*Y**AA:::IL~", "DTP*431*D8*20240501~",
        "DTP*439*D8*20240501~", "REF*9F*RF2~\nREF*G1*PA1~\nREF*F8*ICN9~\nHI*", "NM1*DN*1*PATEL*RAJ****XX*1678901236~",
        "NM1*77*2*ASC ONE*****XX*1876543210~", "SV1*HC:36415*25*UN*1*81**1~", "DTP*472*RD8*20240506-20240508~"})
    EXPECT_NE(text.find(expected), std::string::npos) << expected;
  // 2310A before 2310B before 2310C.
  EXPECT_LT(text.find("NM1*DN"), text.find("NM1*82"));
  EXPECT_LT(text.find("NM1*82"), text.find("NM1*77"));
}

TEST(Claim837pWriterTest, OtherPayersFollowThe2310LoopsAndPrecedeTheLines) {
  const std::string json = testing::replaced(
      testing::sample_encounter_json(), R"("patient":{"relationship":"18"},)",
      R"("patient":{"relationship":"18"},"other_coverage":[{"payer":{"name":"BLUE CROSS","id":"00590",)"
      R"("claim_filing_indicator":"BL"},"subscriber":{"last":"MILLER","first":"JANE","member_id":"XBL1"},"relationship":"01"}],)");
  const auto segs = segments(write({claim_from(json)}));
  std::vector<std::string> ids;
  for (const auto& s : segs) ids.push_back(s.substr(0, s.find('*')));
  const std::vector<std::string> expected = {"ISA", "GS",  "ST",  "BHT", "NM1", "PER", "NM1", "HL",  "PRV", "NM1",
                                             "N3",  "N4",  "REF", "HL",  "SBR", "NM1", "N3",  "N4",  "DMG", "NM1",
                                             "CLM", "HI",  "NM1", "PRV", "SBR", "OI",  "NM1", "NM1", "LX",  "SV1",
                                             "DTP", "REF", "LX",  "SV1", "DTP", "REF", "SE",  "GE",  "IEA"};
  EXPECT_EQ(ids, expected);
  EXPECT_EQ(segs[24], "SBR*S*01*******BL");
  EXPECT_EQ(segs[25], "OI***Y***Y");
  EXPECT_EQ(segs[26], "NM1*IL*1*MILLER*JANE****MI*XBL1");
  EXPECT_EQ(segs[27], "NM1*PR*2*BLUE CROSS*****PI*00590");
  EXPECT_EQ(segs[36], "SE*35*0001");
}

}  // namespace
}  // namespace clearhouse::x12_837p
