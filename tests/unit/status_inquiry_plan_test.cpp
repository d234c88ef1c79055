// Deciding what 276s to write (ack::plan_inquiries) and writing one group, with no database:
// candidates as the ledger would read them, grouped per receiver in the ledger's order, a
// dependent patient with its own loop, claims the 276 cannot name skipped with the reason.
#include "engine/ack/status_inquiry_run.hpp"

#include <gtest/gtest.h>

namespace clearhouse::ack {
namespace {

ledger::InquiryCandidate candidate(std::int64_t row, const std::string& claim, const std::string& receiver) {
  ledger::InquiryCandidate c;
  c.claim_row = row;
  c.claim_id = claim;
  c.payer_id = "60054";
  c.payer_name = "ACME";
  c.billing_npi = "1234567893";
  c.billed_cents = 12550;
  c.service_date_from = "2024-05-01";
  c.service_date_to = "2024-05-01";
  c.sender_id = "CLEARHOUSE";
  c.receiver_id = receiver;
  c.has_parties = true;
  c.parties.submitter_name = "CLEARHOUSE BILLING";
  c.parties.provider_name = "CLINIC";
  c.parties.subscriber_last = "DOE";
  c.parties.subscriber_first = "JANE";
  c.parties.member_id = "M1";
  c.parties.subscriber_birth_date = "1980-01-01";
  c.parties.subscriber_gender = "F";
  c.parties.relationship = "18";
  return c;
}

TEST(StatusInquiryPlan, GroupsPerReceiverAndNamesEachClaim) {
  auto dependent = candidate(3, "C3", "60054");
  dependent.parties.relationship = "19";
  dependent.parties.patient_last = "DOE";
  dependent.parties.patient_first = "KID";
  dependent.parties.patient_birth_date = "2015-02-03";
  dependent.service_date_to = "2024-05-04";
  dependent.payer_claim_control_number = "PCN3";
  auto no_member = candidate(4, "C4", "60054");
  no_member.parties.member_id.clear();
  auto old = candidate(5, "C5", "60054");
  old.has_parties = false;
  const auto plan = plan_inquiries({candidate(1, "C1", "00590"), candidate(2, "C2", "60054"), dependent, no_member, old});
  ASSERT_EQ(plan.groups.size(), 2u);
  EXPECT_EQ(plan.groups[0].receiver_id, "00590");
  EXPECT_EQ(plan.groups[0].information_receiver.name, "CLEARHOUSE BILLING");
  ASSERT_EQ(plan.groups[1].inquiries.size(), 2u);
  const auto& q = plan.groups[1].inquiries[1].inquiry;
  EXPECT_EQ(plan.groups[1].inquiries[1].claim_row, 3);
  EXPECT_EQ(q.patient_control_number, "C3");
  EXPECT_EQ(q.payer_claim_control_number, "PCN3");
  EXPECT_EQ(q.patient.relationship, "19");
  EXPECT_EQ(q.patient.birth_date, (model::Date{2015, 2, 3}));
  EXPECT_EQ(q.service_to, (model::Date{2024, 5, 4}));
  EXPECT_EQ(q.charge.cents(), 12550);
  EXPECT_TRUE(plan.groups[1].inquiries[0].inquiry.service_to.empty());  // one day: D8
  ASSERT_EQ(plan.skipped.size(), 2u);
  EXPECT_EQ(plan.skipped[0].claim_id, "C4");
  EXPECT_NE(plan.skipped[0].reason.find("member id"), std::string::npos);
  EXPECT_NE(plan.skipped[1].reason.find("not recorded"), std::string::npos);
}

TEST(StatusInquiryPlan, WrittenGroupCarriesATracePerClaim) {
  auto plan = plan_inquiries({candidate(1, "C1", "60054"), candidate(2, "C2", "60054")});
  ASSERT_EQ(plan.groups.size(), 1u);
  StatusInquiryOptions options;
  options.as_of = {2024, 6, 20};
  options.hhmm = "0900";
  const auto text = write_inquiry_group(plan.groups[0], 7, 3, options);
  EXPECT_TRUE(text.error.empty()) << text.error;
  EXPECT_EQ(plan.groups[0].inquiries[0].inquiry.trace, "60054-000000007-1");
  EXPECT_EQ(plan.groups[0].inquiries[1].inquiry.trace, "60054-000000007-2");
  EXPECT_NE(text.text.find("TRN*1*60054-000000007-2~"), std::string::npos) << text.text;
  EXPECT_NE(text.text.find("REF*EJ*C2~"), std::string::npos);
  EXPECT_NE(text.text.find("AMT*T3*125.5~"), std::string::npos);
  EXPECT_NE(text.text.find("ST*276*0003*005010X212~"), std::string::npos);
  EXPECT_NE(text.text.find("BHT*0010*13*000000007-0003*20240620*0900~"), std::string::npos);
  EXPECT_EQ(inquiry_cutoff({2024, 6, 20}, 21), "2024-05-30");
}

}  // namespace
}  // namespace clearhouse::ack
