// A claim naming other coverage is kept as the one-claim transaction set it went out in:
// copied from the batch as the writer wrote it (its loops above it included), read back whole.
#include "engine/submit/claim_rendering.hpp"

#include <gtest/gtest.h>

#include "generators/x12/x12_writer.hpp"
#include "tests/support/edit_helpers.hpp"
#include "tests/support/sample_encounter.hpp"

namespace clearhouse::submit {
namespace {

model::Claim claim_from(const std::string& json) {
  edits::ClaimEditor editor(testing::test_context());
  auto out = testing::edit_json(json, editor);
  EXPECT_FALSE(out.rejected());
  return out.claims.at(0);
}

std::string with_other_coverage(const std::string& json) {
  return testing::replaced(
      json, R"("patient":{"relationship":)",
      R"("other_coverage":[{"payer":{"name":"BLUE CROSS","id":"00590","claim_filing_indicator":"BL"},)"
      R"("subscriber":{"last":"MILLER","first":"JANE","member_id":"XBL1"},"relationship":"01"}],)"
      R"("patient":{"relationship":)");
}

const std::string kSelf = testing::sample_encounter_json();
const std::string kChild = testing::replaced(
    testing::replaced(kSelf, R"("claim_id":"T1001")", R"("claim_id":"T1002")"), R"("patient":{"relationship":"18"})",
    R"("patient":{"relationship":"19","last":"MILLER","first":"EMMA","dob":"2016-09-02","gender":"F"})");

// Writes the claims as submit does (a batch with line breaks, loops kept, the 2300 of the
// claims the ledger keeps) and returns the rendering of each claim, "" for one not kept.
std::vector<std::string> batch_renderings(const std::vector<model::Claim>& claims) {
  x12::X12Writer out(model::Delimiters{'*', ':', '^', '~'}, "\n");
  x12_837p::Claim837pWriter writer(out);
  writer.keep_written_loops(true);
  x12::InterchangeEnvelope isa;
  isa.sender_id = "SENDER";
  isa.receiver_id = "60054";
  isa.date = "240630";
  isa.time = "1200";
  isa.control_number = "7";
  writer.open_interchange(isa, {"HC", "SENDER", "60054", "20240630", "1200", "7", std::string(x12_837p::kImplementation)});
  writer.open_transaction({"0042", "REF1", model::Date{2024, 6, 30}, "1200"}, claims[0].submitter, claims[0].receiver);
  std::vector<std::string> renderings;
  for (const auto& c : claims) {
    writer.keep_claim(keeps_rendering(c));
    writer.write_claim(c);
    renderings.push_back(claim_rendering(c, &writer));
  }
  EXPECT_FALSE(out.error().has_value());
  return renderings;
}

// The claim read back from a rendering, written again on its own: equal to the claim written
// on its own means the rendering carried everything the writer uses.
std::string read_back_and_rewrite(const std::string& rendering) {
  std::string error;
  auto claim = read_rendered_claim(rendering, error);
  EXPECT_TRUE(claim.has_value()) << error;
  return claim ? claim_rendering(*claim, nullptr) : std::string();
}

TEST(ClaimRendering, OnlyAClaimNamingOtherCoverageIsKept) {
  const auto kept = batch_renderings({claim_from(kSelf), claim_from(with_other_coverage(kChild))});
  EXPECT_EQ(kept[0], "");
  ASSERT_NE(kept[1], "");
}

TEST(ClaimRendering, IsTheBatchsOwnSegmentsWithTheLoopsAboveItAsOneTransactionSet) {
  const auto c1 = claim_from(kSelf);
  const auto c2 = claim_from(with_other_coverage(kChild));
  const auto kept = batch_renderings({c1, c2});
  const std::string& r = kept[1];
  EXPECT_EQ(r.find('\n'), std::string::npos) << "line breaks of the batch are not kept";
  EXPECT_TRUE(r.starts_with("ST*837*0042*005010X222A1~BHT*0019*00*REF1*20240630*1200*CH~NM1*41*")) << r;
  // The 2000A written for the first claim, a new 2000B and the 2000C, with the batch's HL ids.
  EXPECT_NE(r.find("~HL*1**20*1~"), std::string::npos) << r;
  EXPECT_NE(r.find("~HL*3*1*22*1~"), std::string::npos) << r;
  EXPECT_NE(r.find("~HL*4*3*23*0~PAT*19~"), std::string::npos) << r;
  EXPECT_EQ(r.find("HL*2*"), std::string::npos) << "the first claim's subscriber loop is not in it";
  EXPECT_EQ(r.find("CLM*T1001*"), std::string::npos);
  EXPECT_NE(r.find("CLM*T1002*"), std::string::npos);
  // SE counts ST..SE of the rendering.
  std::size_t segments = 0;
  for (char ch : r) segments += ch == '~';
  EXPECT_TRUE(r.ends_with("~SE*" + std::to_string(segments) + "*0042~")) << r;
  // It reads back into the claim that was written.
  EXPECT_EQ(read_back_and_rewrite(r), claim_rendering(c2, nullptr));
}

TEST(ClaimRendering, LoopsSharedWithAnEarlierClaimAreCarriedOver) {
  // The second claim reuses the first one's 2000B (same subscriber and payer): its rendering
  // still has it, as it was written for the first claim.
  const auto first = claim_from(kSelf);
  const auto second = claim_from(with_other_coverage(testing::replaced(kSelf, R"("claim_id":"T1001")", R"("claim_id":"T1009")")));
  const auto kept = batch_renderings({first, second});
  EXPECT_NE(kept[1].find("~HL*2*1*22*0~SBR*P*18*"), std::string::npos) << kept[1];
  EXPECT_EQ(kept[1].find("CLM*T1001*"), std::string::npos);
  EXPECT_EQ(read_back_and_rewrite(kept[1]), claim_rendering(second, nullptr));
}

TEST(ClaimRendering, AClaimNotWrittenByUsIsWrittenOnItsOwnAndReadsBack) {
  const auto c = claim_from(with_other_coverage(kSelf));
  const std::string alone = claim_rendering(c, nullptr);
  EXPECT_TRUE(alone.starts_with("ST*837*0001*")) << alone;
  EXPECT_EQ(read_back_and_rewrite(alone), alone);
}

TEST(ClaimRendering, AWholeInterchangeKeptBeforeMigration11ReadsBackAsItIs) {
  const auto c = claim_from(with_other_coverage(kSelf));
  const std::string transaction = claim_rendering(c, nullptr);
  const std::string interchange =
      "ISA*00*          *00*          *ZZ*CLEARHOUSE     *ZZ*00590          *240517*0000*^*00501*000000001*0*P*:~"
      "GS*HC*CLEARHOUSE*00590*20240517*0000*1*X*005010X222A1~" +
      transaction + "GE*1*1~IEA*1*000000001~";
  EXPECT_EQ(read_back_and_rewrite(interchange), transaction);
}

TEST(ClaimRendering, ARenderingThatDoesNotReadBackSaysWhy) {
  std::string error;
  EXPECT_FALSE(read_rendered_claim("ST*837*0001*005010X222A1~SE*9*0001~", error).has_value());
  EXPECT_FALSE(error.empty());
}

}  // namespace
}  // namespace clearhouse::submit
