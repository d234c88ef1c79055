// Coordination of benefits: an encounter's other_coverage (documented in the encounter schema,
// edited with rejections naming the field) and, in the 837P, the 2320/2330A-G loops of a
// claim's other payers and the 2430 loops of the earlier payers' line adjudications. The writer puts each segment in its
// TR3 place (a primary claim's other payers without adjudication: SBR, OI, 2330A, 2330B only),
// the reader reads them back into the same claim, the TR3's coordination-of-benefits examples
// read into these fields and write back segment-equal, and the validator accepts the file.
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
#include "tests/support/sample_encounter.hpp"
#include "tests/support/spec_paths.hpp"

namespace clearhouse {
namespace {

using testing::replaced;

model::Claim edited_claim(const std::string& json) {
  edits::ClaimEditor editor(testing::test_context());
  auto out = testing::edit_json(json, editor);
  EXPECT_FALSE(out.rejected()) << (out.rejected() ? out.rejections[0].field + " " + out.rejections[0].code : "");
  return out.claims.empty() ? model::Claim{} : out.claims[0];
}

model::Adjustment adjustment(model::AdjustmentGroup group, std::string_view reason, std::int64_t cents,
                             std::optional<model::Decimal> quantity = std::nullopt) {
  model::Adjustment a;
  a.group = group;
  a.group_code = model::to_code(group);
  a.reason = reason;
  a.amount = model::Money::from_cents(cents);
  a.quantity = quantity;
  return a;
}

// The sample claim to a secondary payer: the primary (ACME, adjudicated, claim- and line-level)
// and a tertiary payer not yet adjudicated.
model::Claim secondary_claim() {
  model::Claim c = edited_claim(testing::sample_encounter_json());
  c.subscriber.payer_responsibility = "S";
  model::OtherCoverage primary;
  primary.payer = {"ACME HEALTH PLAN", "60054", "CI", model::Address{"PO BOX 1", "", "CHICAGO", "IL", "60601", ""}};
  primary.subscriber.name = {"MILLER", "JANE", "", ""};
  primary.subscriber.member_id = "ACM900";
  primary.subscriber.payer_responsibility = "P";
  primary.subscriber.group_number = "GRP1001";
  primary.subscriber.address = {"12 OAK AVE", "", "SPRINGFIELD", "IL", "62704", ""};
  primary.relationship = "01";
  primary.patient_signature_source = "P";
  model::PriorAdjudication a;
  a.paid = model::Money::from_cents(9000);
  a.remaining_patient_liability = model::Money::from_cents(2500);
  a.non_covered = model::Money::from_cents(1000);
  a.adjustments = {adjustment(model::AdjustmentGroup::contractual, "45", 5000),
                   adjustment(model::AdjustmentGroup::contractual, "253", 100),
                   adjustment(model::AdjustmentGroup::patient, "1", 2000, model::Decimal::from_integer(1)),
                   adjustment(model::AdjustmentGroup::patient, "2", 500)};
  a.adjudication_date = model::Date{2024, 5, 20};
  a.payer_claim_number = "ACME-CLM-77";
  primary.adjudication = a;
  primary.providers = {{"82", "1", "G2", "ACME-R-9"}};
  model::OtherCoverage tertiary;
  tertiary.payer = {"STATE MEDICAID", "SKIL0", "MC", std::nullopt};
  tertiary.subscriber.name = {"MILLER", "ROBERT", "J", ""};
  tertiary.subscriber.member_id = "MCD123";
  tertiary.subscriber.payer_responsibility = "T";
  tertiary.relationship = "18";
  c.other_coverage = {primary, tertiary};

  model::LineAdjudication l1;
  l1.payer_id = "60054";
  l1.paid = model::Money::from_cents(9000);
  l1.procedure_code = "99213";
  l1.modifiers = {"25"};
  l1.adjustments = {adjustment(model::AdjustmentGroup::contractual, "45", 2500),
                    adjustment(model::AdjustmentGroup::patient, "1", 2000),
                    adjustment(model::AdjustmentGroup::patient, "2", 500)};
  l1.adjudication_date = model::Date{2024, 5, 20};
  l1.remaining_patient_liability = model::Money::from_cents(2500);
  c.lines.at(0).supplements.edit().prior_adjudications.push_back(l1);
  model::LineAdjudication l2;
  l2.payer_id = "60054";
  l2.paid = model::Money::from_cents(0);
  l2.procedure_code = "36415";
  l2.bundled_line = 1;
  l2.adjustments = {adjustment(model::AdjustmentGroup::contractual, "97", 2500)};
  l2.adjudication_date = model::Date{2024, 5, 20};
  c.lines.at(1).supplements.edit().prior_adjudications.push_back(l2);
  return c;
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

// The segments of the 2320/2330x loops (from the first 2300 SBR to the first LX) and of every
// 2430 loop (SVD up to the next LX, or the next SVD's loop), in order, each claim's in turn.
std::vector<std::string> cob_segments(const std::string& text) {
  std::vector<std::string> out;
  enum { outside, claim, other_payer, line, line_adjudication } state = outside;
  for (const auto& s : segments(text)) {
    const std::string id = s.substr(0, s.find('*'));
    if (id == "CLM") state = claim;
    else if (id == "HL" || id == "SE") state = outside;
    else if (id == "LX") state = state == outside ? outside : line;
    else if (id == "SBR" && state == claim) state = other_payer;
    else if (id == "SVD" && (state == line || state == line_adjudication)) state = line_adjudication;
    else if (state == line_adjudication && id != "CAS" && id != "DTP" && id != "AMT") state = line;
    if (state == other_payer || state == line_adjudication) out.push_back(s);
  }
  return out;
}

TEST(OtherCoverageTest, WriterPutsEachSegmentInItsGuidePlace) {
  const auto segs = segments(write_837p(secondary_claim()));
  std::size_t clm = 0;
  while (clm < segs.size() && segs[clm].rfind("CLM*", 0) != 0) ++clm;
  ASSERT_LT(clm, segs.size());
  const std::vector<std::string> expected = {
      "CLM*T1001*165***11:B:1*Y*A*Y*Y",
      "HI*ABK:E119*ABF:I10",
      "NM1*82*1*CARTER*ANNA****XX*1987654328",
      "PRV*PE*PXC*207Q00000X",
      // 2320 the primary, adjudicated: CAS per group, at most six triples each
      "SBR*P*01*GRP1001******CI",
      "CAS*CO*45*50**253*1",
      "CAS*PR*1*20*1*2*5",
      "AMT*D*90",
      "AMT*A8*10",
      "AMT*EAF*25",
      "OI***Y*P**Y",
      "NM1*IL*1*MILLER*JANE****MI*ACM900",
      "N3*12 OAK AVE",
      "N4*SPRINGFIELD*IL*62704",
      "NM1*PR*2*ACME HEALTH PLAN*****PI*60054",
      "N3*PO BOX 1",
      "N4*CHICAGO*IL*60601",
      "DTP*573*D8*20240520",
      "REF*F8*ACME-CLM-77",
      "NM1*82*1",
      "REF*G2*ACME-R-9",
      // 2320 the tertiary, not adjudicated
      "SBR*T*18*******MC",
      "OI***Y***Y",
      "NM1*IL*1*MILLER*ROBERT*J***MI*MCD123",
      "NM1*PR*2*STATE MEDICAID*****PI*SKIL0",
      "LX*1",
      "SV1*HC:99213:25*140*UN*1***1:2",
      "DTP*472*D8*20240506",
      "REF*6R*T1001-1",
      "SVD*60054*90*HC:99213:25**1",
      "CAS*CO*45*25",
      "CAS*PR*1*20**2*5",
      "DTP*573*D8*20240520",
      "AMT*EAF*25",
      "LX*2",
      "SV1*HC:36415*25*UN*1***1",
      "DTP*472*D8*20240506",
      "REF*6R*T1001-2",
      "SVD*60054*0*HC:36415**1*1",
      "CAS*CO*97*25",
      "DTP*573*D8*20240520",
  };
  ASSERT_GE(segs.size(), clm + expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(segs[clm + i], expected[i]) << i;
  EXPECT_EQ(segs[clm + expected.size()].substr(0, 3), "SE*");
}

TEST(OtherCoverageTest, CasSplitsAGroupOfMoreThanSixTriples) {
  model::Claim c = secondary_claim();
  auto& adjustments = c.other_coverage[0].adjudication->adjustments;
  adjustments.clear();
  for (int i = 1; i <= 7; ++i)
    adjustments.push_back(adjustment(model::AdjustmentGroup::other, std::to_string(i), i * 100));
  adjustments.insert(adjustments.begin() + 3, adjustment(model::AdjustmentGroup::patient, "3", 50));
  std::vector<std::string> cas;
  for (const auto& s : segments(write_837p(c)))
    if (s.rfind("CAS*", 0) == 0) cas.push_back(s);
  ASSERT_GE(cas.size(), 3u);
  EXPECT_EQ(cas[0], "CAS*OA*1*1**2*2**3*3**4*4**5*5**6*6");
  EXPECT_EQ(cas[1], "CAS*OA*7*7");
  EXPECT_EQ(cas[2], "CAS*PR*3*0.5");
}

TEST(OtherCoverageTest, ReaderReadsBackTheSameClaim) {
  const model::Claim claim = secondary_claim();
  x12::Diagnostics d;
  const auto claims = read_claims(write_837p(claim), d);
  EXPECT_FALSE(d.has_errors());
  ASSERT_EQ(claims.size(), 1u);
  const model::Claim& back = claims[0];
  ASSERT_EQ(back.other_coverage.size(), 2u);
  EXPECT_EQ(back.other_coverage[0].adjudication, claim.other_coverage[0].adjudication);
  EXPECT_EQ(back.other_coverage[0].subscriber, claim.other_coverage[0].subscriber);
  EXPECT_EQ(back.other_coverage[0].payer, claim.other_coverage[0].payer);
  EXPECT_EQ(back.other_coverage[0], claim.other_coverage[0]);
  EXPECT_EQ(back.other_coverage[1], claim.other_coverage[1]);
  ASSERT_EQ(back.lines.size(), 2u);
  EXPECT_EQ(back.lines[0].supplements->prior_adjudications, claim.lines[0].supplements->prior_adjudications);
  EXPECT_EQ(back.lines[1].supplements->prior_adjudications, claim.lines[1].supplements->prior_adjudications);
  EXPECT_EQ(back.rendering_provider, claim.rendering_provider);  // 2330D's NM1*82 is not the 2310B
  EXPECT_EQ(back, claim);
}

TEST(OtherCoverageTest, GuideExamplesReadIntoTheFieldsAndWriteBackSegmentEqual) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto dir = *testing::corpus_dir() / "837p";
  {
    x12::Diagnostics d;
    const auto claims = read_claims(testing::read_file(dir / "albmarin_X222-COB-payer-a-to-payer-b.837"), d);
    EXPECT_FALSE(d.has_errors());
    ASSERT_EQ(claims.size(), 1u);
    const model::Claim& c = claims[0];
    EXPECT_EQ(c.subscriber.payer_responsibility, "S");
    ASSERT_EQ(c.other_coverage.size(), 1u);
    const model::OtherCoverage& o = c.other_coverage[0];
    EXPECT_EQ(o.subscriber.payer_responsibility, "P");
    EXPECT_EQ(o.relationship, "01");
    EXPECT_EQ(o.payer.claim_filing_indicator, "CI");
    EXPECT_EQ(o.payer.name, "KEY INSURANCE COMPANY");
    EXPECT_EQ(o.payer.id, "999996666");
    EXPECT_EQ(o.subscriber.name.last, "SMITH");
    EXPECT_EQ(o.subscriber.member_id, "JS00111223333");
    EXPECT_EQ(o.subscriber.address.city, "MIAMI");
    EXPECT_EQ(o.patient_signature_source, "P");
    ASSERT_TRUE(o.adjudication);
    EXPECT_EQ(o.adjudication->paid, model::Money::from_cents(3915));
    EXPECT_EQ(o.adjudication->remaining_patient_liability, model::Money::from_cents(3689));
    ASSERT_EQ(o.adjudication->adjustments.size(), 2u);
    EXPECT_EQ(o.adjudication->adjustments[1], adjustment(model::AdjustmentGroup::patient, "2", 1500));
    ASSERT_EQ(o.providers.size(), 1u);
    EXPECT_EQ(o.providers[0], (model::OtherPayerProvider{"82", "1", "G2", "PBS3334"}));
    ASSERT_EQ(c.lines.size(), 3u);
    ASSERT_TRUE(c.lines[0].supplements);
    ASSERT_EQ(c.lines[0].supplements->prior_adjudications.size(), 1u);
    const model::LineAdjudication& l = c.lines[0].supplements->prior_adjudications[0];
    EXPECT_EQ(l.payer_id, "999996666");
    EXPECT_EQ(l.paid, model::Money::from_cents(4000));
    EXPECT_EQ(l.procedure_code, "99213");
    EXPECT_EQ(l.paid_units, model::Decimal::from_integer(1));
    EXPECT_EQ(l.adjustments, std::vector<model::Adjustment>{adjustment(model::AdjustmentGroup::contractual, "42", 300)});
    EXPECT_EQ(l.adjudication_date, (model::Date{2005, 10, 15}));
    EXPECT_EQ(c.rendering_provider->name, "KILDARE");  // the 2310B, not the 2330D
  }
  {
    x12::Diagnostics d;
    const auto claims = read_claims(testing::read_file(dir / "albmarin_X222-medicare-secondary-payer-COB.837"), d);
    ASSERT_EQ(claims.size(), 1u);
    const model::OtherCoverage& o = claims[0].other_coverage.at(0);
    EXPECT_EQ(o.subscriber.group_name, "COMMERCE");
    EXPECT_EQ(o.adjudication->non_covered, model::Money::from_cents(1500));
    EXPECT_EQ(o.adjudication->paid, model::Money::from_cents(8000));
    const auto& l = claims[0].lines.at(0).supplements->prior_adjudications.at(0);
    EXPECT_EQ(l.modifiers, std::vector<std::string>{"25"});
    EXPECT_EQ(l.adjustments.size(), 2u);
  }
  for (const char* name : {"albmarin_X222-COB-billing-provider-to-payer-b.837", "albmarin_X222-COB-payer-a-to-payer-b.837",
                           "albmarin_X222-medicare-secondary-payer-COB.837"}) {
    const std::string text = testing::read_file(dir / name);
    x12::Diagnostics d;
    const auto claims = read_claims(text, d);
    ASSERT_FALSE(claims.empty()) << name;
    std::string written;
    for (const auto& c : claims) written += write_837p(c);
    const auto expected = cob_segments(text);
    EXPECT_GE(expected.size(), 10u) << name;
    EXPECT_EQ(cob_segments(written), expected) << name;
  }
}

x12::spec::ValidationReport validate(const std::string& text) {
  x12::MemorySource source(text);
  return x12::spec::validate_x12(source, *testing::spec_catalog());
}

// The sample encounter with a secondary (the spouse's plan) and a tertiary payer (Medicaid).
std::string cob_encounter_json() {
  return replaced(testing::sample_encounter_json(), R"("patient":{"relationship":"18"},)",
                  R"("patient":{"relationship":"18"},"other_coverage":[)"
                  R"({"payer":{"name":"BLUE CROSS","id":"00590","claim_filing_indicator":"BL"},)"
                  R"("subscriber":{"last":"MILLER","first":"JANE","member_id":"XBL7788","group_number":"G77",)"
                  R"("group_name":"ACME CORP","dob":"1970-01-02","gender":"F","payer_responsibility":"S",)"
                  R"("address":{"line1":"12 OAK AVE","city":"SPRINGFIELD","state":"il","zip":"62704"}},"relationship":"01"},)"
                  R"({"payer":{"name":"STATE MEDICAID","id":"77027","claim_filing_indicator":"MC",)"
                  R"("address":{"line1":"PO BOX 9","city":"SPRINGFIELD","state":"IL","zip":"62794"}},)"
                  R"("subscriber":{"last":"MILLER","first":"ROBERT","member_id":"MCD123"},"relationship":"18"}],)");
}

TEST(OtherCoverageTest, TheEncounterConformsToTheSchema) {
  rapidjson::Document schema_json;
  schema_json.Parse(testing::read_file(testing::source_dir() / "schemas" / "encounter.schema.json").c_str());
  ASSERT_FALSE(schema_json.HasParseError());
  rapidjson::SchemaDocument schema(schema_json);
  rapidjson::SchemaValidator validator(schema);
  rapidjson::Document d;
  d.Parse(cob_encounter_json().c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_TRUE(d.Accept(validator)) << validator.GetInvalidSchemaKeyword();
  rapidjson::SchemaValidator strict(schema);
  d.Parse(replaced(cob_encounter_json(), R"("relationship":"01")", R"("relationship":"99")").c_str());
  EXPECT_FALSE(d.Accept(strict));
}

TEST(OtherCoverageTest, EditsAcceptAndNormalize) {
  const model::Claim c = edited_claim(cob_encounter_json());
  ASSERT_EQ(c.other_coverage.size(), 2u);
  const model::OtherCoverage& s = c.other_coverage[0];
  EXPECT_EQ(s.payer.id, "00590");
  EXPECT_EQ(s.payer.claim_filing_indicator, "BL");
  EXPECT_EQ(s.subscriber.member_id, "XBL7788");
  EXPECT_EQ(s.subscriber.group_name, "");  // SBR04 only without SBR03
  EXPECT_EQ(s.subscriber.address.state, "IL");
  EXPECT_TRUE(s.subscriber.birth_date.empty());  // checked, not sent (2330A has no DMG)
  EXPECT_EQ(s.subscriber.gender, "");
  EXPECT_EQ(s.relationship, "01");
  EXPECT_FALSE(s.adjudication);
  const model::OtherCoverage& t = c.other_coverage[1];
  EXPECT_EQ(t.subscriber.payer_responsibility, "T");  // filled in: the next after S
  ASSERT_TRUE(t.payer.address);
  EXPECT_EQ(t.payer.address->postal_code, "62794");
  EXPECT_EQ(t.benefits_assignment, "Y");  // the claim's CLM08 and CLM09
  EXPECT_EQ(t.release_of_information, "Y");
  const model::Claim unassigned = edited_claim(replaced(cob_encounter_json(), R"("claim_id":"T1001",)",
                                                        R"("claim_id":"T1001","benefits_assigned":false,)"));
  EXPECT_EQ(unassigned.other_coverage[1].benefits_assignment, "N");
  // An encounter without other coverage has none.
  EXPECT_TRUE(edited_claim(testing::sample_encounter_json()).other_coverage.empty());
}

struct Case {
  std::string from, to;  // one change to the encounter with other coverage
  std::string field, code;
};

class OtherCoverageErrorsTest : public ::testing::TestWithParam<Case> {};

TEST_P(OtherCoverageErrorsTest, RejectsNamingTheField) {
  const Case& c = GetParam();
  edits::ClaimEditor editor(testing::test_context());
  const auto out = testing::edit_json(replaced(cob_encounter_json(), c.from, c.to), editor);
  ASSERT_TRUE(out.rejected()) << c.to;
  EXPECT_TRUE(out.claims.empty());
  std::string all;
  for (const auto& r : out.rejections) all += r.field + " " + r.code + "; ";
  ASSERT_EQ(out.rejections.size(), 1u) << all;
  EXPECT_EQ(out.rejections[0].field, c.field);
  EXPECT_EQ(out.rejections[0].code, c.code);
}

const Case kCases[] = {
    // distinct payers, none the claim's own
    {R"("id":"77027")", R"("id":"00590")", "other_coverage[1].payer.id", "duplicate_payer"},
    {R"("id":"00590")", R"("id":"60054")", "other_coverage[0].payer.id", "duplicate_payer"},
    // responsibility in order after the claim's payer
    {R"("payer_responsibility":"S")", R"("payer_responsibility":"T")", "other_coverage[0].subscriber.payer_responsibility",
     "payer_responsibility_order"},
    {R"("member_id":"MCD123")", R"("member_id":"MCD123","payer_responsibility":"S")",
     "other_coverage[1].subscriber.payer_responsibility", "payer_responsibility_order"},
    {R"("payer_responsibility":"S")", R"("payer_responsibility":"P")", "other_coverage[0].subscriber.payer_responsibility",
     "payer_responsibility_order"},
    {R"("payer_responsibility":"S")", R"("payer_responsibility":"X")", "other_coverage[0].subscriber.payer_responsibility",
     "invalid_code"},
    // required fields and code lists
    {R"("name":"BLUE CROSS",)", "", "other_coverage[0].payer.name", "missing_field"},
    {R"("id":"77027",)", "", "other_coverage[1].payer.id", "missing_field"},
    {R"(,"claim_filing_indicator":"MC")", "", "other_coverage[1].payer.claim_filing_indicator", "missing_field"},
    {R"("claim_filing_indicator":"BL")", R"("claim_filing_indicator":"XX")", "other_coverage[0].payer.claim_filing_indicator",
     "invalid_code"},
    {R"("last":"MILLER","first":"JANE",)", R"("first":"JANE",)", "other_coverage[0].subscriber.last", "missing_field"},
    {R"("member_id":"MCD123")", R"("first":"X")", "other_coverage[1].subscriber.member_id", "missing_field"},
    {R"(,"relationship":"01")", "", "other_coverage[0].relationship", "missing_field"},
    {R"("relationship":"01")", R"("relationship":"99")", "other_coverage[0].relationship", "invalid_code"},
    {R"("zip":"62794")", R"("zip":"6279")", "other_coverage[1].payer.address.zip", "invalid_zip"},
    {R"("gender":"F")", R"("gender":"X")", "other_coverage[0].subscriber.gender", "invalid_gender"},
    {R"("member_id":"XBL7788")", R"("member_id":"XBL*7788")", "other_coverage[0].subscriber.member_id", "invalid_character"},
};

INSTANTIATE_TEST_SUITE_P(Fields, OtherCoverageErrorsTest, ::testing::ValuesIn(kCases));

TEST(OtherCoverageTest, ElevenOtherPayersAreTooMany) {
  std::string list;
  const char* codes = "STABCDEFGHU";
  for (int i = 0; i < 11; ++i)
    list += std::string(i ? "," : "") + R"({"payer":{"name":"P","id":"ID)" + std::to_string(i) +
            R"(","claim_filing_indicator":"CI"},"subscriber":{"last":"X","member_id":"M1","payer_responsibility":")" +
            codes[i] + R"("},"relationship":"18"})";
  edits::ClaimEditor editor(testing::test_context());
  const auto out = testing::edit_json(replaced(testing::sample_encounter_json(), R"("patient":{"relationship":"18"},)",
                                               R"("patient":{"relationship":"18"},"other_coverage":[)" + list + "],"),
                                      editor);
  ASSERT_EQ(out.rejections.size(), 1u);
  EXPECT_EQ(out.rejections[0].field, "other_coverage");
  EXPECT_EQ(out.rejections[0].code, "too_many_other_payers");
}

TEST(OtherCoverageTest, ThePrimaryClaimCarriesSbrOiAnd2330AAnd2330BOnly) {
  const auto segs = segments(write_837p(edited_claim(cob_encounter_json())));
  std::vector<std::string> cob;
  bool in = false;
  for (const auto& s : segs) {
    if (s.rfind("SBR*", 0) == 0 && s.rfind("SBR*P*", 0) != 0) in = true;
    if (s.rfind("LX*", 0) == 0) in = false;
    if (in) cob.push_back(s);
  }
  const std::vector<std::string> expected = {
      "SBR*S*01*G77******BL",
      "OI***Y***Y",
      "NM1*IL*1*MILLER*JANE****MI*XBL7788",
      "N3*12 OAK AVE",
      "N4*SPRINGFIELD*IL*62704",
      "NM1*PR*2*BLUE CROSS*****PI*00590",
      "SBR*T*18*******MC",
      "OI***Y***Y",
      "NM1*IL*1*MILLER*ROBERT****MI*MCD123",
      "NM1*PR*2*STATE MEDICAID*****PI*77027",
      "N3*PO BOX 9",
      "N4*SPRINGFIELD*IL*62794",
  };
  EXPECT_EQ(cob, expected);
  x12::Diagnostics d;
  const auto back = read_claims(write_837p(edited_claim(cob_encounter_json())), d);
  ASSERT_EQ(back.size(), 1u);
  EXPECT_EQ(back[0], edited_claim(cob_encounter_json()));
  const auto r = validate(write_837p(edited_claim(cob_encounter_json())));
  for (const auto& f : r.findings) ADD_FAILURE() << f.segment_id << " " << f.element << ": " << f.message;
}

bool has_finding(const x12::spec::ValidationReport& r, std::string_view segment, int element) {
  for (const auto& f : r.findings)
    if (f.segment_id == segment && f.element == element) return true;
  return false;
}

TEST(OtherCoverageTest, ValidatorAcceptsTheFile) {
  const auto r = validate(write_837p(secondary_claim()));
  for (const auto& f : r.findings) ADD_FAILURE() << f.segment_id << " " << f.element << ": " << f.message;
  EXPECT_TRUE(r.fully_accepted());
}

TEST(OtherCoverageTest, ValidatorChecksTheLoops) {
  const std::string text = write_837p(secondary_claim());
  const auto sbr = validate(replaced(text, "SBR*T*18*******MC~", "SBR*T*99*******MC~"));
  EXPECT_FALSE(sbr.fully_accepted());
  const auto cas = validate(replaced(text, "CAS*CO*97*25~", "CAS*XX*97*25~"));
  EXPECT_FALSE(cas.fully_accepted());
  const auto dtp = validate(replaced(text, "CAS*CO*97*25~\nDTP*573*D8*20240520~", "CAS*CO*97*25~"));
  EXPECT_FALSE(dtp.fully_accepted());  // 2430 DTP*573 is required
  // Situational rules: an adjudicated other payer's AMT*D, and SVD01 naming a 2330B payer.
  const auto paid = validate(replaced(text, "AMT*D*90~\n", ""));
  EXPECT_TRUE(has_finding(paid, "AMT", 0));
  EXPECT_FALSE(paid.fully_accepted());
  EXPECT_FALSE(has_finding(
      validate(replaced(replaced(text, "AMT*D*90~\n", ""), "CAS*CO*45*50**253*1~\nCAS*PR*1*20*1*2*5~\n", "")), "AMT",
      0));  // no claim-level adjustments: AMT*D is not asked for
  // A payer that adjudicated at the claim level only dates its adjudication (2330B DTP*573).
  std::string claim_level_only = text;
  for (const char* line_loop : {"SVD*60054*90*HC:99213:25**1~\nCAS*CO*45*25~\nCAS*PR*1*20**2*5~\nDTP*573*D8*20240520~\nAMT*EAF*25~\n",
                                "SVD*60054*0*HC:36415**1*1~\nCAS*CO*97*25~\nDTP*573*D8*20240520~\n"})
    claim_level_only = replaced(claim_level_only, line_loop, "");
  EXPECT_FALSE(has_finding(validate(claim_level_only), "DTP", 0));
  const auto undated = validate(replaced(claim_level_only, "DTP*573*D8*20240520~\n", ""));
  EXPECT_TRUE(has_finding(undated, "DTP", 0));
  EXPECT_FALSE(undated.fully_accepted());
  EXPECT_FALSE(has_finding(validate(replaced(text, "DTP*573*D8*20240520~\nREF*F8", "REF*F8")), "DTP", 0));  // 2430 lines date it
  const auto svd = validate(replaced(text, "SVD*60054*0*", "SVD*60055*0*"));
  EXPECT_TRUE(has_finding(svd, "SVD", 1));
  EXPECT_FALSE(svd.fully_accepted());
}

TEST(OtherCoverageTest, CorpusExamplesValidate) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto dir = *testing::corpus_dir() / "837p";
  for (const char* name : {"albmarin_X222-COB-billing-provider-to-payer-b.837", "albmarin_X222-COB-payer-a-to-payer-b.837",
                           "albmarin_X222-medicare-secondary-payer-COB.837"}) {
    const auto r = validate(testing::read_file(dir / name));
    // The only findings are the guide examples' made-up NPIs (2010AA, 2310B, 2310C), none in
    // the coordination-of-benefits loops.
    for (const auto& f : r.findings) {
      const bool npi = f.segment_id == "NM1" && f.element == 9 && f.message.find("NPI") != std::string::npos;
      const bool cob = f.loop_id.rfind("2320", 0) == 0 || f.loop_id.rfind("2330", 0) == 0 || f.loop_id == "2430";
      EXPECT_TRUE(npi && !cob) << name << ": " << f.loop_id << " " << f.segment_id << " " << f.element << ": " << f.message;
    }
  }
}

}  // namespace
}  // namespace clearhouse
