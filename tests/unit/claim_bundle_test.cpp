// Cutting an 837P transaction set into claims for intake, and writing them back out per payer:
// HL chains followed through HL02, the payer from the subscriber loop, claims sharing HL loops,
// HL renumbering, SE counts, and several transaction sets when a set is full.
#include <gtest/gtest.h>

#include "engine/intake/claim_bundle.hpp"
#include "engine/intake/outbound_batch.hpp"

namespace clearhouse::intake {
namespace {

std::vector<std::string> segments_of(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('~', at);
    if (end == std::string::npos) end = text.size();
    out.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  return out;
}

// Two providers' claims: provider 1 -> subscriber (self) -> claims A and B; provider 2 ->
// subscriber -> dependent patient -> claim C (another payer).
const std::string kSet =
    "ST*837*0001*005010X222A1~BHT*0019*00*REF1*20240601*1200*CH~NM1*41*2*SUB*****46*S1~"
    "PER*IC*EDI*TE*8005550100~NM1*40*2*RCV*****46*R1~"
    "HL*1**20*1~NM1*85*2*CLINIC ONE*****XX*1234567893~"
    "HL*2*1*22*0~SBR*P*18*******CI~NM1*IL*1*DOE*JANE****MI*W1~NM1*PR*2*ACME*****PI*60054~"
    "CLM*A*100***11:B:1*Y*A*Y*Y~LX*1~SV1*HC:99213*100*UN*1***1~"
    "CLM*B*50***11:B:7*Y*A*Y*Y~REF*F8*ORIG1~LX*1~SV1*HC:99212*50*UN*1***1~"
    "HL*3**20*1~NM1*85*2*CLINIC TWO*****XX*1245319599~"
    "HL*4*3*22*1~SBR*P********CI~NM1*IL*1*ROE*RICH****MI*W2~NM1*PR*2*BLUE*****PI*00590~"
    "HL*5*4*23*0~PAT*19~NM1*QC*1*ROE*KID~"
    "CLM*C*75***11:B:1*Y*A*Y*Y~LX*1~SV1*HC:99211*75*UN*1***1~SE*30*0001";

TEST(ClaimBundle, CutsClaimsWithTheirHlChainsAndPayers) {
  const auto bundle = bundle_transaction(segments_of(kSet), model::Delimiters{});
  EXPECT_TRUE(bundle.problems.empty());
  EXPECT_EQ(bundle.bht_type, "CH");
  ASSERT_EQ(bundle.blocks.size(), 5u);
  ASSERT_EQ(bundle.claims.size(), 3u);
  const auto& a = bundle.claims[0];
  EXPECT_EQ(a.claim_id, "A");
  EXPECT_EQ(a.frequency_code, "1");
  EXPECT_EQ(a.payer_id, "60054");
  EXPECT_EQ(a.payer_name, "ACME");
  EXPECT_EQ(a.chain, (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(a.segments.size(), 3u);
  EXPECT_EQ(bundle.claims[1].frequency_code, "7");
  EXPECT_EQ(bundle.claims[1].segments[1], "REF*F8*ORIG1");
  const auto& c = bundle.claims[2];
  EXPECT_EQ(c.payer_id, "00590");
  EXPECT_EQ(c.chain, (std::vector<std::size_t>{2, 3, 4}));
  EXPECT_EQ(bundle.blocks[4].segments.size(), 3u);  // HL, PAT, NM1*QC
}

OutboundEnvelope envelope(const std::string& payer) {
  OutboundEnvelope e;
  e.submitter = {"CLEARHOUSE BILLING", "CHOUSE", "EDI SUPPORT", "8005550100", ""};
  e.payer_id = payer;
  e.payer_name = "ACME";
  e.interchange_number = 42;
  e.date = model::Date{2024, 6, 2};
  e.hhmm = "0800";
  return e;
}

TEST(OutboundBatch, SharesHlLoopsAndRenumbers) {
  const auto bundle = bundle_transaction(segments_of(kSet), model::Delimiters{});
  OutboundBatch batch(envelope("60054"), model::Delimiters{});
  std::uint64_t st = 100;
  batch.add_claim(bundle, bundle.claims[0], [&] { return ++st; });
  batch.add_claim(bundle, bundle.claims[1], [&] { return ++st; });
  const std::string text = batch.finish();
  EXPECT_EQ(text.rfind("ISA*00*          *00*          *ZZ*CHOUSE         *ZZ*60054          *240602*0800*^*00501*000000042*0*P*:~\n", 0), 0u) << text;
  EXPECT_NE(text.find("ST*837*0101*005010X222A1~\nBHT*0019*00*000000042-0101*20240602*0800*CH~\n"), std::string::npos) << text;
  EXPECT_NE(text.find("NM1*40*2*ACME*****46*60054~"), std::string::npos);
  // One 2000A and one 2000B for both claims (they share them in the source).
  EXPECT_NE(text.find("HL*1**20*1~"), std::string::npos);
  EXPECT_NE(text.find("HL*2*1*22*0~"), std::string::npos);
  EXPECT_EQ(text.find("HL*3"), std::string::npos);
  // ST, BHT, 1000A (2), 1000B, HL+NM1, HL+SBR+NM1+NM1, claim A (3), claim B (4), SE = 19.
  EXPECT_NE(text.find("SE*19*0101~\nGE*1*42~\nIEA*1*000000042~\n"), std::string::npos) << text;
  EXPECT_EQ(batch.claims(), 2u);
  EXPECT_EQ(batch.transactions(), 1u);
}

TEST(OutboundBatch, ADependentsChainIsRenumberedFromOne) {
  const auto bundle = bundle_transaction(segments_of(kSet), model::Delimiters{});
  OutboundBatch batch(envelope("00590"), model::Delimiters{});
  std::uint64_t st = 0;
  batch.add_claim(bundle, bundle.claims[2], [&] { return ++st; });
  const std::string text = batch.finish();
  EXPECT_NE(text.find("HL*1**20*1~\nNM1*85*2*CLINIC TWO"), std::string::npos) << text;
  EXPECT_NE(text.find("HL*2*1*22*1~"), std::string::npos);
  EXPECT_NE(text.find("HL*3*2*23*0~\nPAT*19~"), std::string::npos);
}

TEST(OutboundBatch, OpensANewSetWhenOneIsFull) {
  const auto bundle = bundle_transaction(segments_of(kSet), model::Delimiters{});
  OutboundBatch batch(envelope("60054"), model::Delimiters{}, 1);
  std::uint64_t st = 0;
  batch.add_claim(bundle, bundle.claims[0], [&] { return ++st; });
  batch.add_claim(bundle, bundle.claims[1], [&] { return ++st; });
  const std::string text = batch.finish();
  EXPECT_EQ(batch.transactions(), 2u);
  EXPECT_EQ(batch.first_transaction(), 1u);
  EXPECT_EQ(batch.last_transaction(), 2u);
  EXPECT_NE(text.find("ST*837*0002*"), std::string::npos);
  EXPECT_NE(text.find("GE*2*42~"), std::string::npos);
}

// An id that does not fit ISA06/ISA08 is refused with the field named, never cut to 15.
TEST(OutboundBatch, RefusesAnIdLongerThanTheIsaHolds) {
  const auto bundle = bundle_transaction(segments_of(kSet), model::Delimiters{});
  std::uint64_t st = 0;
  OutboundBatch to_payer(envelope("PAYER-ID-OF-17-CH"), model::Delimiters{});
  ASSERT_TRUE(to_payer.error().has_value());
  EXPECT_EQ(x12::to_string(*to_payer.error()), "ISA08: receiver id 'PAYER-ID-OF-17-CH' is 17 characters; at most 15 fit");
  EXPECT_FALSE(to_payer.add_claim(bundle, bundle.claims[0], [&] { return ++st; }));
  EXPECT_EQ(to_payer.claims(), 0u);
  EXPECT_EQ(st, 0u);  // no transaction set number taken for it

  OutboundEnvelope e = envelope("60054");
  e.submitter.id = "CLEARINGHOUSE-0001";
  OutboundBatch from_us(e, model::Delimiters{});
  ASSERT_TRUE(from_us.error().has_value());
  EXPECT_EQ(x12::to_string(*from_us.error()), "ISA06: sender id 'CLEARINGHOUSE-0001' is 18 characters; at most 15 fit");
  EXPECT_FALSE(from_us.add_claim(bundle, bundle.claims[0], [&] { return ++st; }));
}

// The clearinghouse's own 1000A data is checked against the delimiters like every element.
TEST(OutboundBatch, RefusesADelimiterInTheSubmittersName) {
  const auto bundle = bundle_transaction(segments_of(kSet), model::Delimiters{});
  OutboundEnvelope e = envelope("60054");
  e.submitter.name = "BILLING*PLUS";
  OutboundBatch batch(e, model::Delimiters{});
  std::uint64_t st = 0;
  EXPECT_FALSE(batch.add_claim(bundle, bundle.claims[0], [&] { return ++st; }));
  ASSERT_TRUE(batch.error().has_value());
  EXPECT_EQ(x12::to_string(*batch.error()), "NM103: value contains the delimiter '*'");
  EXPECT_EQ(batch.claims(), 0u);
}

}  // namespace
}  // namespace clearhouse::intake
