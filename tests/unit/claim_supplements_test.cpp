// The supplemental information of a claim and its lines (attachments, notes, CLIA number,
// ambulance transport, line authorizations, drugs, anesthesia minutes) end to end in process:
// the encounter schema documents it, the edits accept good values and reject bad ones naming
// the field, the 837P writer puts each in its TR3 place, the 837P reader reads it back into
// the same claim, and the validator accepts the file (and flags a 10-digit NDC or a PWK that
// travels without its control number).
#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/schema.h>

#include <sstream>

#include "engine/edits/claim_edits.hpp"
#include "generators/x12_837p/claim_837p_writer.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/spec/file_validator.hpp"
#include "parsers/x12_837p/claim_837p_reader.hpp"
#include "tests/support/edit_helpers.hpp"
#include "tests/support/spec_paths.hpp"
#include "tests/support/supplemented_encounter.hpp"

namespace clearhouse {
namespace {

using testing::replaced;
using testing::supplemented_encounter_json;

model::Claim edited_claim(const std::string& json) {
  edits::ClaimEditor editor(testing::test_context());
  auto out = testing::edit_json(json, editor);
  EXPECT_FALSE(out.rejected()) << (out.rejected() ? out.rejections[0].field + " " + out.rejections[0].code : "");
  return out.claims.empty() ? model::Claim{} : out.claims[0];
}

std::string write_837p(const model::Claim& c) {
  x12::X12Writer w(model::Delimiters{}, "\n");
  x12_837p::Claim837pWriter writer(w);
  x12::InterchangeEnvelope isa;
  isa.sender_id = "SENDER";
  isa.receiver_id = "60054";
  isa.date = "240630";
  isa.time = "1200";
  isa.control_number = "7";
  writer.open_interchange(isa, {"HC", "SENDER", "60054", "20240630", "1200", "7", std::string(x12_837p::kImplementation)});
  writer.open_transaction({"0001", "REF1", model::Date{2024, 6, 30}, "1200"}, c.submitter, c.receiver);
  writer.write_claim(c);
  writer.close_interchange();
  EXPECT_FALSE(w.error().has_value());
  return std::string(w.view());
}

std::vector<std::string> segments(const std::string& text) {
  std::vector<std::string> out;
  std::string s;
  std::istringstream in(text);
  while (std::getline(in, s, '~')) {
    s.erase(0, s.find_first_not_of("\r\n"));
    if (!s.empty()) out.push_back(s);
  }
  return out;
}

TEST(ClaimSupplementsTest, TheEncounterConformsToTheSchema) {
  rapidjson::Document schema_json;
  schema_json.Parse(testing::read_file(testing::source_dir() / "schemas" / "encounter.schema.json").c_str());
  ASSERT_FALSE(schema_json.HasParseError());
  rapidjson::SchemaDocument schema(schema_json);
  rapidjson::Document d;
  d.Parse(supplemented_encounter_json().c_str());
  ASSERT_FALSE(d.HasParseError());
  rapidjson::SchemaValidator validator(schema);
  EXPECT_TRUE(d.Accept(validator)) << validator.GetInvalidSchemaKeyword();
}

TEST(ClaimSupplementsTest, EditsAcceptAndNormalize) {
  const auto c = edited_claim(supplemented_encounter_json());
  EXPECT_EQ(c.clia_number, "12D3456789");
  ASSERT_EQ(c.attachments.size(), 2u);
  EXPECT_EQ(c.attachments[1].control_number, "");  // AA: available on request, no control number needed
  ASSERT_TRUE(c.ambulance);
  EXPECT_EQ(c.ambulance->patient_weight, model::Decimal::from_integer(180));
  EXPECT_EQ(c.ambulance->certifications.at(0).answer, "Y");
  ASSERT_TRUE(c.lines.at(0).supplements->drug);
  EXPECT_EQ(c.lines[0].supplements->drug->ndc, "00409487202");  // hyphenated 5-4-2 without hyphens
  EXPECT_EQ(c.lines[0].supplements->drug->quantity, model::Decimal::from_integer(2));
  EXPECT_FALSE(c.lines[1].supplements);  // nothing kept for a line without supplements
  EXPECT_EQ(c.lines[1].unit_code, "MJ");
  EXPECT_EQ(c.lines[1].units, model::Decimal::from_integer(45));
}

struct Case {
  std::string from, to;  // one change to the supplemented encounter
  std::string field, code;
};

class ClaimSupplementsErrorsTest : public ::testing::TestWithParam<Case> {};

TEST_P(ClaimSupplementsErrorsTest, RejectsNamingTheField) {
  const Case& c = GetParam();
  edits::ClaimEditor editor(testing::test_context());
  const auto out = testing::edit_json(replaced(supplemented_encounter_json(), c.from, c.to), editor);
  ASSERT_TRUE(out.rejected()) << c.to;
  EXPECT_TRUE(out.claims.empty());
  std::string all;
  for (const auto& r : out.rejections) all += r.field + " " + r.code + "; ";
  ASSERT_EQ(out.rejections.size(), 1u) << all;
  EXPECT_EQ(out.rejections[0].field, c.field);
  EXPECT_EQ(out.rejections[0].code, c.code);
}

const Case kCases[] = {
    // drugs: a 10-digit NDC, in any of its label forms or as bare digits, is refused
    {R"("ndc":"00409-4872-02")", R"("ndc":"0409-4872-02")", "service_lines[0].drug.ndc", "invalid_ndc"},
    {R"("ndc":"00409-4872-02")", R"("ndc":"00409-872-02")", "service_lines[0].drug.ndc", "invalid_ndc"},
    {R"("ndc":"00409-4872-02")", R"("ndc":"0040948722")", "service_lines[0].drug.ndc", "invalid_ndc"},
    {R"("ndc":"00409-4872-02")", R"("ndc":"0040948720A")", "service_lines[0].drug.ndc", "invalid_ndc"},
    {R"("ndc":"00409-4872-02",)", "", "service_lines[0].drug.ndc", "missing_field"},
    {R"(,"unit":"ML")", "", "service_lines[0].drug.unit", "missing_field"},
    {R"("unit":"ML")", R"("unit":"MG")", "service_lines[0].drug.unit", "invalid_unit_code"},
    {R"("quantity":"2")", R"("quantity":"0")", "service_lines[0].drug.quantity", "invalid_units"},
    // attachments: one that travels needs its control number
    {R"(,"control_number":"ATT123")", "", "attachments[0].control_number", "missing_field"},
    {R"(,"control_number":"LINEATT1")", "", "service_lines[0].attachments[0].control_number", "missing_field"},
    {R"("transmission":"FX")", R"("transmission":"XX")", "attachments[0].transmission", "invalid_code"},
    {R"("report_type":"OZ")", R"("report_type":"ZZ")", "attachments[0].report_type", "invalid_code"},
    {R"("control_number":"ATT123")", R"("control_number":"ATT*1")", "attachments[0].control_number", "invalid_character"},
    // notes, CLIA, authorizations
    {R"("code":"ADD")", R"("code":"XYZ")", "note.code", "invalid_code"},
    {R"("code":"DCP")", R"("code":"CER")", "service_lines[0].note.code", "invalid_code"},
    {R"("text":"PATIENT SEEN AFTER HOURS")", R"("text":")" + std::string(81, 'A') + "\"", "note.text", "too_long"},
    {R"("clia_number":"12d3456789")", R"("clia_number":"12X3456789")", "clia_number", "invalid_clia_number"},
    {R"("prior_authorization":"PA-LINE-1")", R"("prior_authorization":")" + std::string(51, 'A') + "\"",
     "service_lines[0].prior_authorization", "too_long"},
    {R"("referral_number":"RF-LINE-1")", R"("referral_number":"RF~1")", "service_lines[0].referral_number", "invalid_character"},
    // ambulance
    {R"("transport_reason":"A",)", "", "ambulance.transport_reason", "missing_field"},
    {R"("transport_reason":"A")", R"("transport_reason":"F")", "ambulance.transport_reason", "invalid_code"},
    {R"("distance":"12.5")", R"("distance":"-1")", "ambulance.distance", "invalid_units"},
    {R"("patient_weight":180)", R"("patient_weight":0)", "ambulance.patient_weight", "invalid_units"},
    {R"("conditions":["01","04"])", R"("conditions":["01","02"])", "ambulance.certifications[0].conditions", "invalid_code"},
    {R"("conditions":["01","04"])", R"("conditions":[])", "ambulance.certifications[0].conditions", "invalid_code"},
    {R"("line1":"900 HOSPITAL DR",)", "", "ambulance.drop_off.address.line1", "missing_field"},
    {R"("zip":"62704"}},)", R"("zip":"6270"}},)", "ambulance.pick_up.address.zip", "invalid_zip"},
    // anesthesia time is whole minutes
    {R"("units":45,"unit_code":"MJ")", R"("units":45.5,"unit_code":"MJ")", "service_lines[1].units", "invalid_units"},
};

INSTANTIATE_TEST_SUITE_P(Fields, ClaimSupplementsErrorsTest, ::testing::ValuesIn(kCases));

TEST(ClaimSupplementsTest, ElevenAttachmentsAreTooMany) {
  std::string list;
  for (int i = 0; i < 11; ++i) list += std::string(i ? "," : "") + R"({"report_type":"OZ","transmission":"AA"})";
  edits::ClaimEditor editor(testing::test_context());
  const auto out = testing::edit_json(
      replaced(supplemented_encounter_json(),
               R"([{"report_type":"OZ","transmission":"FX","control_number":"ATT123"},{"report_type":"B3","transmission":"AA"}])",
               "[" + list + "]"),
      editor);
  ASSERT_EQ(out.rejections.size(), 1u);
  EXPECT_EQ(out.rejections[0].field, "attachments");
  EXPECT_EQ(out.rejections[0].code, "too_many_attachments");
}

TEST(ClaimSupplementsTest, WriterPutsEachSegmentInItsGuidePlace) {
  const auto segs = segments(write_837p(edited_claim(supplemented_encounter_json())));
  std::size_t clm = 0;
  while (clm < segs.size() && segs[clm].rfind("CLM*", 0) != 0) ++clm;
  ASSERT_LT(clm, segs.size());
  const std::vector<std::string> expected = {
      "CLM*T1001*165***11:B:1*Y*A*Y*Y",
      "PWK*OZ*FX***AC*ATT123",
      "PWK*B3*AA",
      "REF*X4*12D3456789",
      "NTE*ADD*PATIENT SEEN AFTER HOURS",
      "CR1*LB*180**A*DH*12.5****PATIENT UNABLE TO SIT",
      "CRC*07*Y*01*04",
      "HI*ABK:E119*ABF:I10",
      "NM1*82*1*CARTER*ANNA****XX*1987654328",
      "PRV*PE*PXC*207Q00000X",
      "NM1*PW*2",
      "N3*12 OAK AVE",
      "N4*SPRINGFIELD*IL*62704",
      "NM1*45*2*MERCY HOSPITAL",
      "N3*900 HOSPITAL DR",
      "N4*SPRINGFIELD*IL*627021234",
      "LX*1",
      "SV1*HC:99213:25*140*UN*1***1:2",
      "PWK*09*EL***AC*LINEATT1",
      "DTP*472*D8*20240506",
      "REF*G1*PA-LINE-1",
      "REF*6R*T1001-1",
      "REF*9F*RF-LINE-1",
      "NTE*DCP*FOLLOW UP IN TWO WEEKS",
      "LIN**N4*00409487202",
      "CTP****2*ML",
      "REF*XZ*RX12345",
      "LX*2",
      "SV1*HC:00810*25*MJ*45***1",
      "DTP*472*D8*20240506",
      "REF*6R*T1001-2",
  };
  ASSERT_GE(segs.size(), clm + expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(segs[clm + i], expected[i]) << i;
  EXPECT_EQ(segs[clm + expected.size()].substr(0, 3), "SE*");
}

std::vector<model::Claim> read_claims(const std::string& text, x12::Diagnostics& d);

TEST(ClaimSupplementsTest, ReaderReadsBackTheSameClaim) {
  const auto claim = edited_claim(supplemented_encounter_json());
  x12::Diagnostics d;
  const auto claims = read_claims(write_837p(claim), d);
  EXPECT_FALSE(d.has_errors());
  ASSERT_EQ(claims.size(), 1u);
  const model::Claim& back = claims[0];
  EXPECT_EQ(back.attachments, claim.attachments);
  EXPECT_EQ(back.note, claim.note);
  EXPECT_EQ(back.clia_number, claim.clia_number);
  EXPECT_EQ(back.ambulance, claim.ambulance);
  ASSERT_EQ(back.lines.size(), claim.lines.size());
  EXPECT_EQ(back.lines[0].supplements->drug, claim.lines[0].supplements->drug);
  EXPECT_FALSE(back.lines[1].supplements);
  EXPECT_EQ(back.lines[0], claim.lines[0]);
  EXPECT_EQ(back.lines[1], claim.lines[1]);
  EXPECT_EQ(back, claim);
}

std::vector<model::Claim> read_claims(const std::string& text, x12::Diagnostics& d) {
  x12::MemorySource source(text);
  x12::SegmentReader segs(source, d);
  x12::EnvelopeReader envelopes(segs, d);
  x12_837p::Claim837pReader reader(envelopes, d);
  std::vector<model::Claim> out;
  model::Claim c;
  while (reader.next(c)) out.push_back(c);
  return out;
}

// The supplemental segments of an 837P, in order (whitespace between segments dropped).
std::vector<std::string> supplemental_segments(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& s : segments(text)) {
    const std::string id = s.substr(0, s.find('*'));
    if (id == "PWK" || id == "NTE" || id == "CR1" || id == "CRC" || id == "LIN" || id == "CTP" ||
        s.rfind("REF*XZ*", 0) == 0 || s.rfind("REF*X4*", 0) == 0 || s.rfind("NM1*PW*", 0) == 0 ||
        s.rfind("NM1*45*", 0) == 0)
      out.push_back(s);
  }
  return out;
}

TEST(ClaimSupplementsTest, GuideExamplesReadIntoTheFieldsAndWriteBackSegmentEqual) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto dir = *testing::corpus_dir() / "837p";
  {
    x12::Diagnostics d;
    const auto claims = read_claims(testing::read_file(dir / "albmarin_X222-ambulance.837"), d);
    EXPECT_FALSE(d.has_errors());
    ASSERT_EQ(claims.size(), 1u);
    const auto& c = claims[0];
    ASSERT_TRUE(c.ambulance);
    EXPECT_EQ(c.ambulance->patient_weight, model::Decimal::from_integer(275));
    EXPECT_EQ(c.ambulance->transport_reason, "A");
    EXPECT_EQ(c.ambulance->distance, model::Decimal::from_integer(21));
    EXPECT_EQ(c.ambulance->stretcher_purpose, "PATIENT IMOBILIZED");
    ASSERT_EQ(c.ambulance->certifications.size(), 2u);
    EXPECT_EQ(c.ambulance->certifications[1].answer, "N");
    EXPECT_EQ(c.ambulance->certifications[1].conditions, (std::vector<std::string>{"05", "07", "08"}));
    EXPECT_EQ(c.ambulance->pick_up.line1, "1129 REINDEER ROAD");
    EXPECT_EQ(c.ambulance->drop_off.city, "CHEYENNE");
    ASSERT_TRUE(c.lines.at(0).supplements->note);
    EXPECT_EQ(c.lines[0].supplements->note->text, "CARDIAC EMERGENCY");
  }
  {
    x12::Diagnostics d;
    const auto claims = read_claims(testing::read_file(dir / "albmarin_X222-home-infusion-ndc-2410.837"), d);
    ASSERT_EQ(claims.size(), 1u);
    const auto& l = claims[0].lines.at(1);
    ASSERT_TRUE(l.supplements->drug);
    EXPECT_EQ(l.supplements->drug->ndc, "00004196501");
    EXPECT_EQ(l.supplements->drug->quantity, model::Decimal::from_integer(7));
    EXPECT_EQ(l.supplements->drug->unit, "UN");
    EXPECT_EQ(l.supplements->drug->prescription_number, "2530001");
    EXPECT_FALSE(claims[0].lines[0].supplements);
  }
  for (const char* name : {"albmarin_X222-ambulance.837", "albmarin_X222-drug-in-physician-office.837",
                           "albmarin_X222-home-infusion-ndc-2410.837"}) {
    const std::string text = testing::read_file(dir / name);
    x12::Diagnostics d;
    const auto claims = read_claims(text, d);
    ASSERT_FALSE(claims.empty()) << name;
    std::string written;
    for (const auto& c : claims) written += write_837p(c);
    EXPECT_EQ(supplemental_segments(written), supplemental_segments(text)) << name;
  }
}

x12::spec::ValidationReport validate(const std::string& text) {
  x12::MemorySource source(text);
  return x12::spec::validate_x12(source, *testing::spec_catalog());
}

bool has_finding(const x12::spec::ValidationReport& r, std::string_view segment, int element) {
  for (const auto& f : r.findings)
    if (f.segment_id == segment && f.element == element) return true;
  return false;
}

TEST(ClaimSupplementsTest, ValidatorAcceptsTheFile) {
  const auto r = validate(write_837p(edited_claim(supplemented_encounter_json())));
  for (const auto& f : r.findings) ADD_FAILURE() << f.segment_id << " " << f.element << ": " << f.message;
  EXPECT_TRUE(r.fully_accepted());
}

TEST(ClaimSupplementsTest, ValidatorFlagsATenDigitNdcAndAnAttachmentWithoutControlNumber) {
  const std::string text = write_837p(edited_claim(supplemented_encounter_json()));
  const auto ndc = validate(replaced(text, "LIN**N4*00409487202~", "LIN**N4*0409487202~"));
  EXPECT_TRUE(has_finding(ndc, "LIN", 3));
  EXPECT_FALSE(ndc.fully_accepted());
  const auto pwk = validate(replaced(text, "PWK*OZ*FX***AC*ATT123~", "PWK*OZ*FX~"));
  EXPECT_TRUE(has_finding(pwk, "PWK", 6));
  EXPECT_FALSE(pwk.fully_accepted());
  // AA (available on request) needs no control number.
  EXPECT_TRUE(validate(replaced(text, "PWK*OZ*FX***AC*ATT123~", "PWK*OZ*AA~")).fully_accepted());
}

}  // namespace
}  // namespace clearhouse
