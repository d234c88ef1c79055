// Claim edits, the failing side: every edit fires on a one-field change of a valid encounter,
// with its field path and code, and the encounter becomes no claim.
#include <gtest/gtest.h>

#include "engine/edits/claim_edits.hpp"
#include "tests/support/edit_helpers.hpp"
#include "tests/support/sample_encounter.hpp"

namespace clearhouse::edits {
namespace {

using testing::edit_json;
using testing::replaced;
using testing::sample_encounter_json;

struct Case {
  std::string from, to;   // one change to the valid sample
  std::string field, code;
};

class ClaimEditsErrorsTest : public ::testing::TestWithParam<Case> {};

TEST_P(ClaimEditsErrorsTest, RejectsWithFieldAndCode) {
  const Case& c = GetParam();
  ClaimEditor editor(testing::test_context());
  const auto out = edit_json(replaced(sample_encounter_json(), c.from, c.to), editor);
  ASSERT_TRUE(out.rejected()) << c.to;
  EXPECT_TRUE(out.claims.empty());
  bool found = false;
  for (const auto& r : out.rejections) {
    found = found || (r.field == c.field && r.code == c.code);
    if (c.field != "claim_id") {
      EXPECT_EQ(r.claim_id, "T1001");
    }
    EXPECT_EQ(r.line, 1u);
  }
  EXPECT_TRUE(found) << c.to << " -> first: " << out.rejections[0].field << " " << out.rejections[0].code;
}

const Case kCases[] = {
    // shape and required fields
    {R"("claim_id":"T1001")", R"("claim_id":"")", "claim_id", "missing_field"},
    {R"("name":"ACME HEALTH PLAN",)", "", "payer.name", "missing_field"},
    {R"("member_id":"ACM100200301",)", "", "subscriber.member_id", "missing_field"},
    {R"("procedure_code":"36415")", R"("procedure_code":"")", "service_lines[1].procedure_code", "missing_field"},
    {R"("diagnoses":["E11.9","I10"])", R"("diagnoses":[])", "diagnoses", "missing_field"},
    {R"("claim_filing_indicator":"CI")", R"("claim_filing_indicator":"XX")", "payer.claim_filing_indicator", "invalid_code"},
    {R"("line1":"100 MAIN ST")", R"("line1":"100 MAIN ST*2")", "billing_provider.address.line1", "invalid_character"},
    {R"("last":"MILLER")", R"("last":")" + std::string(61, 'A') + "\"", "subscriber.last", "too_long"},
    // code formats
    {R"("E11.9","I10")", R"("E11.9","10I")", "diagnoses[1]", "invalid_icd10cm"},
    {R"("E11.9","I10")", R"("E11.9","E119")", "diagnoses[1]", "duplicate_diagnosis"},
    {R"("E11.9","I10")", R"("W19.XXXA","I10")", "diagnoses[0]", "external_cause_principal"},
    {R"("procedure_code":"99213")", R"("procedure_code":"9921")", "service_lines[0].procedure_code", "invalid_procedure_code"},
    {R"("modifiers":["25"])", R"("modifiers":["2"])", "service_lines[0].modifiers", "invalid_modifier"},
    {R"("modifiers":["25"])", R"("modifiers":["25","59","76","77","LT"])", "service_lines[0].modifiers", "too_many_modifiers"},
    // identifiers and addresses
    {R"("npi":"1234567893")", R"("npi":"1234567890")", "billing_provider.npi", "invalid_npi"},
    {R"("npi":"1987654328")", R"("npi":"198765432")", "rendering_provider.npi", "invalid_npi"},
    {R"("tax_id":"123456789")", R"("tax_id":"12345678")", "billing_provider.tax_id", "invalid_ein"},
    {R"("state":"IL","zip":"627041234")", R"("state":"XX","zip":"627041234")", "billing_provider.address.state", "invalid_state"},
    {R"("zip":"62704")", R"("zip":"6270")", "subscriber.address.zip", "invalid_zip"},
    {R"("zip":"627041234")", R"("zip":"62704")", "billing_provider.address.zip", "invalid_zip"},
    {R"("line1":"100 MAIN ST")", R"("line1":"PO BOX 100")", "billing_provider.address.line1", "po_box_billing_address"},
    {R"("taxonomy":"207Q00000X",)", R"("taxonomy":"207Q0000",)", "billing_provider.taxonomy", "invalid_taxonomy"},
    // dates, gender, place of service
    {R"("dob":"1968-03-14")", R"("dob":"1968-02-30")", "subscriber.dob", "invalid_date"},
    {R"("date":"2024-05-06","place_of_service")", R"("date":"2024-07-06","place_of_service")", "service_lines[0].date", "future_date"},
    {R"("dob":"1968-03-14")", R"("dob":"2024-05-07")", "subscriber.dob", "birth_date_after_service"},
    {R"("gender":"M")", R"("gender":"X")", "subscriber.gender", "invalid_gender"},
    {R"("place_of_service":"11","total_charge")", R"("place_of_service":"1","total_charge")", "place_of_service", "invalid_place_of_service"},
    {R"("patient":{"relationship":"18"})", R"("patient":{"relationship":"99","last":"A","dob":"2010-01-01","gender":"F"})", "patient.relationship", "invalid_code"},
    // claim rules
    {R"("diagnosis_pointers":[1,2])", R"("diagnosis_pointers":[1,3])", "service_lines[0].diagnosis_pointers", "invalid_diagnosis_pointer"},
    {R"("diagnosis_pointers":[1,2])", R"("diagnosis_pointers":[])", "service_lines[0].diagnosis_pointers", "invalid_diagnosis_pointer"},
    {R"("diagnosis_pointers":[1,2])", R"("diagnosis_pointers":[1,1])", "service_lines[0].diagnosis_pointers", "invalid_diagnosis_pointer"},
    {R"("diagnosis_pointers":[1,2])", R"("diagnosis_pointers":[1,2,1,2,1])", "service_lines[0].diagnosis_pointers", "invalid_diagnosis_pointer"},
    {R"("charge":"25.00")", R"("charge":"0.00")", "service_lines[1].charge", "invalid_charge"},
    {R"("units":1,"unit_code":"UN","charge":"140.00")", R"("units":0,"unit_code":"UN","charge":"140.00")", "service_lines[0].units", "invalid_units"},
    {R"("unit_code":"UN","charge":"140.00")", R"("unit_code":"DA","charge":"140.00")", "service_lines[0].unit_code", "invalid_unit_code"},
    {R"("total_charge":"165.00")", R"("total_charge":"165.01")", "total_charge", "total_mismatch"},
    {R"("claim_id":"T1001")", R"("claim_id":"T100100000000000000001")", "claim_id", "too_long"},
    {R"("line_control_number":"T1001-2")", R"("line_control_number":"T1001-1")", "service_lines[1].line_control_number", "duplicate_line_control_number"},
    {R"("line_control_number":"T1001-2")", R"("line_control_number":")" + std::string(31, 'L') + "\"", "service_lines[1].line_control_number", "too_long"},
    {R"("frequency_code":"1")", R"("frequency_code":"7")", "original_claim_number", "original_claim_required"},
    {R"("frequency_code":"1")", R"("frequency_code":"1","original_claim_number":"X1")", "original_claim_number", "original_claim_forbidden"},
    {R"("frequency_code":"1")", R"("frequency_code":"5")", "frequency_code", "invalid_frequency"},
};

INSTANTIATE_TEST_SUITE_P(EveryEdit, ClaimEditsErrorsTest, ::testing::ValuesIn(kCases));

TEST(ClaimEditsDuplicatesTest, SameIdTwiceInOneInputIsADuplicate) {
  ClaimEditor editor(testing::test_context());
  ASSERT_FALSE(edit_json(sample_encounter_json(), editor).rejected());
  const auto out = edit_json(sample_encounter_json(), editor);
  ASSERT_TRUE(out.rejected());
  EXPECT_EQ(out.rejections[0].code, "duplicate_claim_in_batch");
}

TEST(ClaimEditsDuplicatesTest, IdsTheLedgerHasSeenAreDuplicates) {
  auto context = testing::test_context();
  context.submitted_before = [](std::string_view payer, std::string_view id) { return payer == "60054" && id == "T1001"; };
  ClaimEditor editor(context);
  const auto out = edit_json(sample_encounter_json(), editor);
  ASSERT_TRUE(out.rejected());
  EXPECT_EQ(out.rejections[0].code, "duplicate_claim_in_ledger");
}

TEST(ClaimEditsDuplicatesTest, TooManyDiagnoses) {
  ClaimEditor editor(testing::test_context());
  const auto out = edit_json(replaced(sample_encounter_json(), R"("diagnoses":["E11.9","I10"])",
                                      R"("diagnoses":["A01","A02","A03","A04","A05","A06","A07","A08","A09","B01","B02","B03","B04"])"),
                             editor);
  ASSERT_TRUE(out.rejected());
  EXPECT_EQ(out.rejections[0].code, "too_many_diagnoses");
}

TEST(ClaimEditsDuplicatesTest, UnknownCodesWithCodeSetsAreRejections) {
  codes::CodeLists sets;
  sets.of(codes::CodeKind::icd10cm).emplace();
  sets.of(codes::CodeKind::icd10cm)->add("E119");
  sets.of(codes::CodeKind::cpt).emplace();
  sets.of(codes::CodeKind::cpt)->add("99213");
  sets.of(codes::CodeKind::modifier).emplace();
  sets.of(codes::CodeKind::modifier)->add("59");
  ClaimEditor editor(testing::test_context(&sets));
  const auto out = edit_json(sample_encounter_json(), editor);
  std::vector<std::string> codes;
  for (const auto& r : out.rejections) codes.push_back(r.field + " " + r.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"diagnoses[1] unknown_icd10cm",
                                             "service_lines[0].modifiers unknown_modifier",
                                             "service_lines[1].procedure_code unknown_procedure_code"}));
}

TEST(ClaimEditsDuplicatesTest, PlaceOfServiceAndHcpcsListsAreConsultedToo) {
  codes::CodeLists sets;
  sets.of(codes::CodeKind::pos).emplace();
  sets.of(codes::CodeKind::pos)->add("22");
  sets.of(codes::CodeKind::hcpcs).emplace();
  sets.of(codes::CodeKind::hcpcs)->add("G0439");
  ClaimEditor editor(testing::test_context(&sets));
  // The claim's 11 and line 1's 11 are not on the place of service list; J1100 is not on the
  // HCPCS list; 36415 is CPT, which has no list here.
  const auto out = edit_json(replaced(sample_encounter_json(), R"("procedure_code":"99213")", R"("procedure_code":"J1100")"),
                             editor);
  std::vector<std::string> codes;
  for (const auto& r : out.rejections) codes.push_back(r.field + " " + r.code + ": " + r.message);
  EXPECT_EQ(codes, (std::vector<std::string>{
                       "place_of_service unknown_place_of_service: not in the place of service code set given",
                       "service_lines[0].procedure_code unknown_procedure_code: not in the HCPCS code set given",
                       "service_lines[0].place_of_service unknown_place_of_service: not in the place of service code set given"}));
}

TEST(ClaimEditsDuplicatesTest, CodeAndNpiMessagesSayWhatWasExpected) {
  ClaimEditor editor(testing::test_context());
  std::string json = replaced(sample_encounter_json(), R"("procedure_code":"99213")", R"("procedure_code":"0001X")");
  json = replaced(json, R"("npi":"1234567893")", R"("npi":"123456789")");
  const auto out = edit_json(json, editor);
  std::vector<std::string> messages;
  for (const auto& r : out.rejections) messages.push_back(r.field + ": " + r.message);
  EXPECT_EQ(messages, (std::vector<std::string>{
                          "billing_provider.npi: not a valid NPI (10 digits, the last a check digit): has 9 digits, expected 10",
                          "service_lines[0].procedure_code: expected CPT (5 digits, or 4 digits and A, F, T, U or M) or "
                          "HCPCS Level II (a letter and 4 digits)"}));
}

TEST(ClaimEditsDuplicatesTest, SplitIdsThatWouldBeTooLongAreRejected) {
  ClaimEditor editor(testing::test_context());
  std::string lines;
  for (int i = 1; i <= 51; ++i)
    lines += std::string(i > 1 ? "," : "") +
             R"({"procedure_code":"99213","charge":"1.00","date":"2024-05-06","diagnosis_pointers":[1]})";
  std::string json = sample_encounter_json();
  json = json.substr(0, json.find("\"service_lines\"")) + "\"service_lines\":[" + lines + "]}";
  json = replaced(json, R"("total_charge":"165.00",)", "");
  json = replaced(json, R"("claim_id":"T1001")", R"("claim_id":"ABCDEFGHIJKLMNOPQRST")");
  const auto out = edit_json(json, editor);
  ASSERT_TRUE(out.rejected());
  bool found = false;
  for (const auto& r : out.rejections) found = found || r.code == "split_claim_id_too_long";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace clearhouse::edits
