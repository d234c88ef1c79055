// The 276 writer: the HL tree (payer, our receiver level, provider, subscriber, dependent), one
// 2200D/2200E per claim with TRN, REF*1K, REF*EJ, AMT*T3 and DTP*472, and a result that the
// 005010X212 spec accepts.
#include "generators/x12_276/claim_status_inquiry_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "parsers/x12/input_source.hpp"
#include "parsers/x12/spec/file_validator.hpp"
#include "tests/support/spec_paths.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::x12_276 {
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

model::ClaimStatusInquiry inquiry(std::string pcn, std::int64_t cents, model::Date from, model::Date to = {}) {
  model::ClaimStatusInquiry q;
  q.payer.name = "ACME HEALTH PLAN";
  q.payer.id = "60054";
  q.provider.entity = model::EntityType::organization;
  q.provider.name = "LAKESIDE CLINIC";
  q.provider.npi = "1234567893";
  q.subscriber.name = {"DOE", "JANE", "", ""};
  q.subscriber.member_id = "W1000001";
  q.subscriber.birth_date = {1980, 1, 1};
  q.subscriber.gender = "F";
  q.trace = "INQ-" + pcn;
  q.patient_control_number = pcn;
  q.charge = model::Money::from_cents(cents);
  q.service_from = from;
  q.service_to = to;
  return q;
}

model::ClaimStatusInquiry dependent(std::string pcn, std::int64_t cents, model::Date from) {
  auto q = inquiry(std::move(pcn), cents, from);
  q.subscriber.name = {"ROE", "RICHARD", "", ""};
  q.subscriber.member_id = "W1000002";
  q.subscriber.birth_date = {};
  q.subscriber.gender.clear();
  q.patient.relationship = "19";  // child
  q.patient.name = {"ROE", "ROBIN", "", ""};
  q.patient.birth_date = {2010, 3, 15};
  q.patient.gender = "M";
  return q;
}

struct Written {
  std::string text;
  std::optional<x12::WriteError> error;
};

Written write(const std::vector<model::ClaimStatusInquiry>& inquiries) {
  x12::X12Writer w(model::Delimiters{}, "\n");
  ClaimStatusInquiryWriter writer(w);
  x12::InterchangeEnvelope isa;
  isa.sender_id = "CLEARHOUSE";
  isa.receiver_id = "60054";
  isa.date = "240610";
  isa.time = "1000";
  isa.control_number = "301";
  x12::GroupEnvelope gs{std::string(kFunctionalId), "CLEARHOUSE", "60054", "20240610", "1000", "301",
                        std::string(kImplementation)};
  writer.open_interchange(isa, gs);
  model::Submitter us;
  us.name = "NORTHWIND BILLING";
  us.id = "SUB0001";
  writer.open_transaction({"0001", "INQ240610", model::Date{2024, 6, 10}, "1000"}, us);
  for (const auto& q : inquiries) writer.write_inquiry(q);
  EXPECT_EQ(writer.inquiries_in_transaction(), inquiries.size());
  writer.close_interchange();
  return {std::string(w.view()), w.error()};
}

x12::spec::ValidationReport validate(const std::string& text) {
  x12::MemorySource source(text);
  return x12::spec::validate_x12(source, *testing::spec_catalog());
}

const std::vector<model::ClaimStatusInquiry>& three_claims() {
  static const std::vector<model::ClaimStatusInquiry> claims = {
      inquiry("PCN1001", 12500, {2024, 6, 1}),
      inquiry("PCN1003", 7550, {2024, 5, 20}, {2024, 5, 22}),
      dependent("PCN1002", 20000, {2024, 5, 20}),
  };
  return claims;
}

TEST(ClaimStatusInquiryWriter, WritesTheHierarchyWithOneClaimLoopPerClaim) {
  auto claims = three_claims();
  claims[0].payer_claim_control_number = "24157000123";
  const Written out = write(claims);
  ASSERT_FALSE(out.error.has_value()) << out.error->message;
  const std::vector<std::string> expected = {
      "ST*276*0001*005010X212",
      "BHT*0010*13*INQ240610*20240610*1000",
      "HL*1**20*1",
      "NM1*PR*2*ACME HEALTH PLAN*****PI*60054",
      "HL*2*1*21*1",
      "NM1*41*2*NORTHWIND BILLING*****46*SUB0001",
      "HL*3*2*19*1",
      "NM1*1P*2*LAKESIDE CLINIC*****XX*1234567893",
      "HL*4*3*22*0",
      "DMG*D8*19800101*F",
      "NM1*IL*1*DOE*JANE****MI*W1000001",
      "TRN*1*INQ-PCN1001",
      "REF*1K*24157000123",
      "REF*EJ*PCN1001",
      "AMT*T3*125",
      "DTP*472*D8*20240601",
      "TRN*1*INQ-PCN1003",
      "REF*EJ*PCN1003",
      "AMT*T3*75.5",
      "DTP*472*RD8*20240520-20240522",
      "HL*5*3*22*1",
      "NM1*IL*1*ROE*RICHARD****MI*W1000002",
      "HL*6*5*23",
      "DMG*D8*20100315*M",
      "NM1*QC*1*ROE*ROBIN",
      "TRN*1*INQ-PCN1002",
      "REF*EJ*PCN1002",
      "AMT*T3*200",
      "DTP*472*D8*20240520",
      "SE*30*0001",
  };
  const auto segs = segments(out.text);
  ASSERT_EQ(segs.size(), expected.size() + 4);  // ISA, GS ... GE, IEA
  EXPECT_EQ(segs[1], "GS*HR*CLEARHOUSE*60054*20240610*1000*301*X*005010X212");
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(segs[i + 2], expected[i]) << i;
  EXPECT_EQ(segs[segs.size() - 2], "GE*1*301");
}

// What the writer produces is a valid 005010X212 276: no findings at all. (By hand, pyx12
// has no 5010 276 map; see the issue 13 report for its verdict with the 4010 map.)
TEST(ClaimStatusInquiryWriter, OutputPassesTheValidator) {
  const Written out = write(three_claims());
  ASSERT_FALSE(out.error.has_value());
  testing::write_file(testing::scratch_dir("claim_status_inquiry") / "three_claims.276", out.text);
  const auto report = validate(out.text);
  EXPECT_TRUE(report.fully_accepted());
  for (const auto& f : report.findings) ADD_FAILURE() << model::location_of(f) << ": " << f.message;
  ASSERT_EQ(report.interchanges.size(), 1u);
  ASSERT_EQ(report.interchanges[0].groups.size(), 1u);
  EXPECT_EQ(report.interchanges[0].groups[0].functional_id, "HR");
  EXPECT_EQ(report.interchanges[0].groups[0].sets.at(0).implementation, "005010X212");
}

TEST(ClaimStatusInquiryWriter, ManyInquiriesShareTheirLevels) {
  std::vector<model::ClaimStatusInquiry> claims;
  for (int i = 0; i < 60; ++i) {
    auto q = i % 3 == 2 ? dependent("PCN" + std::to_string(i), 1000 + i, {2024, 5, 1})
                        : inquiry("PCN" + std::to_string(i), 1000 + i, {2024, 5, 1});
    if (i >= 30) q.provider.npi = "9876543213";  // a second provider for the second half
    claims.push_back(q);
  }
  const Written out = write(claims);
  ASSERT_FALSE(out.error.has_value());
  const auto segs = segments(out.text);
  int trn = 0, payer_levels = 0, provider_levels = 0;
  for (const auto& s : segs) {
    trn += s.rfind("TRN*", 0) == 0;
    payer_levels += s.find("*20*1") != std::string::npos && s.rfind("HL*", 0) == 0;
    provider_levels += s.find("*19*1") != std::string::npos && s.rfind("HL*", 0) == 0;
  }
  EXPECT_EQ(trn, 60);  // one 2200D/2200E per claim
  EXPECT_EQ(payer_levels, 1);
  EXPECT_EQ(provider_levels, 2);
  const auto report = validate(out.text);
  EXPECT_TRUE(report.fully_accepted()) << (report.findings.empty() ? "" : report.findings.front().message);
}

TEST(ClaimStatusInquiryWriter, MissingRequiredValuesAreRefused) {
  auto no_npi = inquiry("PCN1", 100, {2024, 6, 1});
  no_npi.provider.npi.clear();
  auto out = write({no_npi});
  ASSERT_TRUE(out.error.has_value());
  EXPECT_EQ(out.error->segment_id, "NM1");
  EXPECT_EQ(out.error->element, 9);
  EXPECT_NE(out.error->message.find("NPI"), std::string::npos);

  auto no_birth_date = dependent("PCN2", 100, {2024, 6, 1});
  no_birth_date.patient.birth_date = {};
  out = write({no_birth_date});
  ASSERT_TRUE(out.error.has_value());
  EXPECT_EQ(out.error->segment_id, "DMG");

  auto no_trace = inquiry("PCN3", 100, {2024, 6, 1});
  no_trace.trace.clear();
  out = write({no_trace});
  ASSERT_TRUE(out.error.has_value());
  EXPECT_EQ(out.error->segment_id, "TRN");

  auto delimiter = inquiry("PCN*4", 100, {2024, 6, 1});
  out = write({delimiter});
  ASSERT_TRUE(out.error.has_value());
  EXPECT_EQ(out.error->segment_id, "TRN");
}

}  // namespace
}  // namespace clearhouse::x12_276
