// Claim edits, the passing side: a valid encounter becomes one claim, normalized as submitted.
#include "engine/edits/claim_edits.hpp"

#include <gtest/gtest.h>

#include "tests/support/edit_helpers.hpp"
#include "tests/support/sample_encounter.hpp"

namespace clearhouse::edits {
namespace {

using testing::edit_json;
using testing::replaced;
using testing::sample_encounter_json;

TEST(ClaimEditsTest, AValidEncounterBecomesOneNormalizedClaim) {
  ClaimEditor editor(testing::test_context());
  const auto out = edit_json(sample_encounter_json(), editor);
  ASSERT_FALSE(out.rejected()) << out.rejections[0].field << " " << out.rejections[0].code;
  ASSERT_EQ(out.claims.size(), 1u);
  const auto& c = out.claims[0];
  EXPECT_EQ(c.diagnoses, (std::vector<std::string>{"E119", "I10"}));
  EXPECT_EQ(c.total_charge.cents(), 16500);
  EXPECT_EQ(c.lines[1].place_of_service, "11");  // filled from the claim
  EXPECT_EQ(c.lines[1].line_number, 2);
  EXPECT_EQ(c.receiver.id, "60054");  // the payer is the receiver by default
  EXPECT_EQ(c.submitter.id, "CLEARHOUSE");
  EXPECT_TRUE(c.patient.is_subscriber());
}

TEST(ClaimEditsTest, NormalizesCodesZipEinAndDefaults) {
  ClaimEditor editor(testing::test_context());
  std::string json = replaced(sample_encounter_json(), R"("E11.9","I10")", R"("e11.9","i10")");
  json = replaced(json, R"("tax_id":"123456789")", R"("tax_id":"12-3456789")");
  json = replaced(json, R"("zip":"62704")", R"("zip":"62704-1111")");
  json = replaced(json, R"("modifiers":["25"])", R"("modifiers":["rt"])");
  json = replaced(json, R"(,"line_control_number":"T1001-2")", "");
  json = replaced(json, R"("units":1,"unit_code":"UN","charge":"25.00")", R"("charge":"25.00")");
  const auto out = edit_json(json, editor);
  ASSERT_FALSE(out.rejected()) << out.rejections[0].field << " " << out.rejections[0].code;
  const auto& c = out.claims[0];
  EXPECT_EQ(c.diagnoses[0], "E119");
  EXPECT_EQ(c.billing_provider.tax_id, "123456789");
  EXPECT_EQ(c.subscriber.address.postal_code, "627041111");
  EXPECT_EQ(c.lines[0].modifiers[0], "RT");
  EXPECT_EQ(c.lines[1].line_control_number, "T1001-2");
  EXPECT_EQ(c.lines[1].unit_code, "UN");
  EXPECT_EQ(c.lines[1].units, model::Decimal::from_integer(1));
}

TEST(ClaimEditsTest, DependentPatientDropsSubscriberDemographicsAndBorrowsTheAddress) {
  ClaimEditor editor(testing::test_context());
  const auto json = replaced(sample_encounter_json(), R"("patient":{"relationship":"18"})",
                             R"("patient":{"relationship":"19","last":"MILLER","first":"EMMA","dob":"2016-09-02","gender":"F"})");
  const auto out = edit_json(json, editor);
  ASSERT_FALSE(out.rejected()) << out.rejections[0].field << " " << out.rejections[0].code;
  const auto& c = out.claims[0];
  EXPECT_FALSE(c.patient.is_subscriber());
  EXPECT_EQ(c.patient.address.line1, "12 OAK AVE");
  EXPECT_TRUE(c.subscriber.birth_date.empty());
  EXPECT_TRUE(c.subscriber.address.line1.empty());
}

TEST(ClaimEditsTest, RenderingProviderEqualToBillingIsNotSent) {
  ClaimEditor editor(testing::test_context());
  const auto json = replaced(sample_encounter_json(), R"("npi":"1987654328")", R"("npi":"1234567893")");
  const auto out = edit_json(json, editor);
  ASSERT_FALSE(out.rejected());
  EXPECT_FALSE(out.claims[0].rendering_provider.has_value());
}

TEST(ClaimEditsTest, ReplacementsMayReuseAClaimIdAndNameTheOriginal) {
  ClaimEditor editor(testing::test_context());
  ASSERT_FALSE(edit_json(sample_encounter_json(), editor).rejected());
  const auto json = replaced(sample_encounter_json(), R"("frequency_code":"1")",
                             R"("frequency_code":"7","original_claim_number":"PAYERICN1")");
  const auto out = edit_json(json, editor);
  ASSERT_FALSE(out.rejected()) << out.rejections[0].code;
  EXPECT_EQ(out.claims[0].original_claim_number, "PAYERICN1");
}

// The duplicate check compares whole keys. These two claim ids for payer 60054 have the same
// 64-bit FNV-1a hash of "60054\x1f<claim id>" (found by a distinguished-point collision
// search), which is what the check used to compare: the second was taken for a duplicate.
TEST(ClaimEditsTest, ClaimIdsWhoseHashesCollideAreTwoClaims) {
  auto fnv1a = [](std::string_view text) {
    std::uint64_t h = 14695981039346656037ull;
    for (char ch : text) {
      h ^= static_cast<unsigned char>(ch);
      h *= 1099511628211ull;
    }
    return h;
  };
  const std::string a = "8BAE417DDB1BCEE4", b = "83D0FDB20DC43852";
  ASSERT_EQ(fnv1a("60054\x1f" + a), fnv1a("60054\x1f" + b));
  ClaimEditor editor(testing::test_context());
  for (const auto& id : {a, b}) {
    std::string json = replaced(sample_encounter_json(), R"("claim_id":"T1001")", R"("claim_id":")" + id + "\"");
    const auto out = edit_json(json, editor);
    ASSERT_FALSE(out.rejected()) << id << ": " << out.rejections[0].code;
    EXPECT_EQ(out.claims[0].claim_id, id);
  }
  // Each of them is still a duplicate of itself.
  const auto again = edit_json(replaced(sample_encounter_json(), R"("claim_id":"T1001")", R"("claim_id":")" + b + "\""), editor);
  ASSERT_TRUE(again.rejected());
  EXPECT_EQ(again.rejections[0].code, "duplicate_claim_in_batch");
}

TEST(ClaimEditsTest, MoreThanFiftyLinesAreSplit) {
  ClaimEditor editor(testing::test_context());
  std::string lines;
  for (int i = 1; i <= 51; ++i) {
    if (i > 1) lines += ",";
    lines += R"({"procedure_code":"99213","charge":"10.00","date":"2024-05-06","diagnosis_pointers":[1],"line_control_number":"L)" +
             std::to_string(i) + "\"}";
  }
  std::string json = sample_encounter_json();
  json = json.substr(0, json.find("\"service_lines\"")) + "\"service_lines\":[" + lines + "]}";
  json = replaced(json, R"("total_charge":"165.00")", R"("total_charge":"510.00")");
  const auto out = edit_json(json, editor);
  ASSERT_FALSE(out.rejected()) << out.rejections[0].code;
  ASSERT_TRUE(out.split());
  EXPECT_EQ(out.claims[0].lines.size(), 50u);
  EXPECT_EQ(out.claims[1].claim_id, "T1001-2");
  EXPECT_EQ(out.claims[1].total_charge.cents(), 1000);
}

TEST(ClaimEditsTest, CodeSetsAcceptListedCodes) {
  codes::CodeLists sets;
  sets.of(codes::CodeKind::icd10cm).emplace();
  sets.of(codes::CodeKind::icd10cm)->add("E119");
  sets.of(codes::CodeKind::icd10cm)->add("I10");
  sets.of(codes::CodeKind::cpt).emplace();
  sets.of(codes::CodeKind::cpt)->add("99213");
  sets.of(codes::CodeKind::cpt)->add("36415");
  sets.of(codes::CodeKind::modifier).emplace();
  sets.of(codes::CodeKind::modifier)->add("25");
  ClaimEditor editor(testing::test_context(&sets));
  EXPECT_FALSE(edit_json(sample_encounter_json(), editor).rejected());
}

}  // namespace
}  // namespace clearhouse::edits
