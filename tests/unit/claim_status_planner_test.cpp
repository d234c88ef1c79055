// Deciding what posting a 277CA / 277 transaction set does (ack::plan_claim_status), with no
// database: the 277 is read from text written by the test's 277CA writer, the ledger's answers
// (ledger::ClaimStatusInputs) are built in the test, the code tables are the shipped ones.
#include "engine/ack/claim_status_planner.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "engine/rules/rule_ids.hpp"
#include "engine/worklist/item_change.hpp"
#include "tests/support/claim_ack_277ca.hpp"
#include "tests/support/claim_status_files.hpp"

namespace clearhouse::ack {
namespace {

using ledger::PayerClaimKey;
using model::ClaimStatusPlan;
using testing::Ack277caClaim;
using testing::Ack277caSpec;

const rules::RulesConfig& config() {
  static const rules::RulesConfig c = [] {
    auto load = rules::load_rules_config((testing::source_dir() / "schemas").string());
    if (!load.config) throw std::runtime_error("shipped rules do not load");
    return std::move(*load.config);
  }();
  return c;
}

StatusPlanContext context() { return {"test.277", "2024-01-11T00:00:00Z", model::Date{2024, 1, 11}, &config()}; }

model::ClaimStatusReport read(const std::string& text) {
  auto read = testing::read_claim_statuses_text(text);
  if (read.reports.size() != 1) throw std::runtime_error("expected one 277 transaction set");
  return read.reports.front();
}

model::ClaimStatusReport report_of(const Ack277caSpec& spec) {
  std::ostringstream out;
  testing::write_277ca(out, spec);
  return read(out.str());
}

Ack277caClaim ack(std::string claim_id, std::string status = "A2:20", std::string payer_claim_number = "",
                  std::vector<std::string> more = {}) {
  Ack277caClaim c;
  c.claim_id = std::move(claim_id);
  c.status = std::move(status);
  c.payer_claim_number = std::move(payer_claim_number);
  c.more = std::move(more);
  return c;
}

Ack277caSpec spec_with(std::vector<Ack277caClaim> claims, std::string npi = "1234567893") {
  Ack277caSpec s;
  s.batches.push_back({"000000007-0001", "A1:19:PR", {{npi, "BILLING PROVIDER", "", std::move(claims)}}});
  return s;
}

ledger::StatusClaimRecord submitted(std::int64_t row, const std::string& claim_id, const std::string& npi = "1234567893") {
  ledger::StatusClaimRecord r;
  r.row_id = row;
  r.batch_id = 1;
  r.claim_id = claim_id;
  r.payer_id = "PAYER01";
  r.billing_npi = npi;
  r.billed_cents = 12500;
  r.status = "submitted";
  return r;
}

ledger::ClaimStatusInputs inputs_with(std::vector<ledger::StatusClaimRecord> claims) {
  ledger::ClaimStatusInputs in;
  for (auto& c : claims) {
    auto key = PayerClaimKey(c.payer_id, c.claim_id);
    in.claims.emplace(std::move(key), std::move(c));
  }
  return in;
}

TEST(ClaimStatusPlanner, AcceptedClaimGetsItsPayerClaimNumberAndNoItem) {
  const auto report = report_of(spec_with({ack("C1", "A2:20", "PCN-1")}));
  const auto query = claim_status_query(report, config());
  EXPECT_EQ(query.payer_id, "PAYER01");
  ASSERT_EQ(query.claim_ids.at("PAYER01"), std::vector<std::string>{"C1"});
  EXPECT_TRUE(query.levels.empty());

  const auto plan = plan_claim_status(report, inputs_with({submitted(11, "C1")}), context());
  ASSERT_EQ(plan.result, ClaimStatusPlan::Result::post);
  ASSERT_EQ(plan.changes.size(), 1u);
  const auto& ch = plan.changes[0];
  EXPECT_EQ(ch.claim_row, 11);
  EXPECT_EQ(ch.status, "accepted");
  EXPECT_EQ(ch.status_codes, "A2:20");
  EXPECT_EQ(ch.payer_claim_control_number, "PCN-1");
  EXPECT_EQ(ch.effective_date, "2024-01-10");
  EXPECT_TRUE(ch.updates_claim);
  EXPECT_EQ(plan.accepted, 1u);
  EXPECT_TRUE(plan.worklist.empty());
  EXPECT_TRUE(plan.findings.empty());
  EXPECT_EQ(plan.report.guide, "277CA");
  EXPECT_EQ(plan.report.matched, 1);
  EXPECT_EQ(plan.report.content_hash.size(), 16u);
}

TEST(ClaimStatusPlanner, RejectionOpensAnItemCategorisedByItsStatusCodes) {
  const auto report = report_of(spec_with({
      ack("ELIG", "A7:33:IL"),
      ack("DATA", "A7:562:85"),
      ack("PROV", "A3:24:85"),
      ack("MISS", "A6:21", "", {"A6:187"}),
  }));
  const auto plan = plan_claim_status(
      report, inputs_with({submitted(1, "ELIG"), submitted(2, "DATA"), submitted(3, "PROV"), submitted(4, "MISS")}),
      context());
  ASSERT_EQ(plan.result, ClaimStatusPlan::Result::post);
  EXPECT_EQ(plan.rejected, 4u);
  ASSERT_EQ(plan.worklist.size(), 4u);
  std::map<std::string, const model::WorklistChange*> by_claim;
  for (const auto& c : plan.worklist) by_claim[c.item.claim_id] = &c;

  const auto& elig = *by_claim.at("ELIG");
  EXPECT_TRUE(elig.opens());
  EXPECT_EQ(elig.item.category, "eligibility");
  EXPECT_EQ(elig.item.action, "correct_resubmit");
  EXPECT_EQ(elig.item.amount.cents(), 12500);
  EXPECT_EQ(elig.item.reference_date, (model::Date{2024, 1, 10}));
  ASSERT_EQ(elig.added.size(), 1u);
  EXPECT_EQ(elig.added[0].rule, rules::rule_id::front_door_rejected);
  EXPECT_EQ(elig.added[0].source, worklist::kClaimStatusSource);
  EXPECT_NE(elig.added[0].message.find("A7:33:IL"), std::string::npos) << elig.added[0].message;
  EXPECT_NE(elig.added[0].message.find("Subscriber and subscriber id not found"), std::string::npos);
  EXPECT_NE(elig.added[0].message.find("Rejected for invalid information"), std::string::npos);

  EXPECT_EQ(by_claim.at("DATA")->item.category, "missing_information");
  EXPECT_EQ(by_claim.at("PROV")->item.category, "provider_eligibility");
  const auto& miss = *by_claim.at("MISS");
  EXPECT_EQ(miss.item.category, "missing_information");
  EXPECT_NE(miss.added[0].message.find("A6:187"), std::string::npos);
  EXPECT_NE(miss.added[0].message.find("Date(s) of service"), std::string::npos);
  EXPECT_EQ(plan.changes[3].status_codes, "A6:21,A6:187");
}

TEST(ClaimStatusPlanner, UnknownClaimsAndOtherProvidersAreKeptAsUnmatched) {
  const auto report = report_of(spec_with({ack("NEVER-SENT", "A2:20"), ack("C2")}));
  const auto plan = plan_claim_status(report, inputs_with({submitted(2, "C2", "1999999992")}), context());
  ASSERT_EQ(plan.result, ClaimStatusPlan::Result::post);
  ASSERT_EQ(plan.changes.size(), 2u);  // counts in == counts out
  EXPECT_EQ(plan.unmatched, 2u);
  EXPECT_EQ(plan.changes[0].claim_row, 0);
  EXPECT_EQ(plan.changes[0].claim_id, "NEVER-SENT");
  EXPECT_EQ(plan.changes[1].claim_row, 0);
  ASSERT_EQ(plan.findings.size(), 2u);
  EXPECT_EQ(plan.findings[0].rule, "claim_status.unmatched");
  EXPECT_EQ(plan.findings[0].location.segment_id, "TRN");
  EXPECT_GT(plan.findings[0].location.segment, 0u);
  EXPECT_NE(plan.findings[0].message.find("no claim 'NEVER-SENT' was submitted to payer 'PAYER01'"), std::string::npos);
  EXPECT_NE(plan.findings[1].message.find("NPI 1999999992"), std::string::npos);
  EXPECT_TRUE(plan.worklist.empty());
  EXPECT_EQ(plan.report.unmatched, 2);
}

TEST(ClaimStatusPlanner, SamePostedSetChangesNothing) {
  const auto report = report_of(spec_with({ack("C1", "A7:33:IL")}));
  auto in = inputs_with({submitted(1, "C1")});
  in.already_posted = true;
  const auto plan = plan_claim_status(report, in, context());
  EXPECT_EQ(plan.result, ClaimStatusPlan::Result::already_posted);
  EXPECT_TRUE(plan.changes.empty());
  EXPECT_TRUE(plan.worklist.empty());
}

TEST(ClaimStatusPlanner, SetWithoutItsSeIsNotPosted) {
  std::ostringstream out;
  testing::write_277ca(out, spec_with({ack("C1")}));
  std::string text = out.str();
  text = text.substr(0, text.find("\nSE*") + 1);  // cut before SE
  auto read = testing::read_claim_statuses_text(text);
  EXPECT_FALSE(read.file_findings.empty());  // no GE, no IEA
  ASSERT_EQ(read.reports.size(), 1u);
  const auto plan = plan_claim_status(read.reports[0], inputs_with({submitted(1, "C1")}), context());
  EXPECT_EQ(plan.result, ClaimStatusPlan::Result::not_posted);
  EXPECT_TRUE(plan.changes.empty());
  ASSERT_FALSE(plan.findings.empty());
  EXPECT_EQ(plan.findings.back().rule, "claim_status.not_posted");
  EXPECT_EQ(plan.findings.back().location.segment_id, "ST");
}

TEST(ClaimStatusPlanner, UnreadableStcIsAnErrorAndNothingIsPosted) {
  std::ostringstream out;
  testing::write_277ca(out, spec_with({ack("C1", "A7")}));  // no status code
  const auto report = read(out.str());
  const auto plan = plan_claim_status(report, inputs_with({submitted(1, "C1")}), context());
  EXPECT_EQ(plan.result, ClaimStatusPlan::Result::not_posted);
  bool stc_error = false;
  for (const auto& f : plan.findings) stc_error = stc_error || (f.is_error() && f.location.segment_id == "STC");
  EXPECT_TRUE(stc_error);
}

TEST(ClaimStatusPlanner, BatchRejectionReachesEveryClaimOfTheBatch) {
  Ack277caSpec s;
  s.batches.push_back({"000000007-0002", "A3:24:41", {}});
  const auto report = report_of(s);
  const auto query = claim_status_query(report, config());
  ASSERT_EQ(query.levels.size(), 1u);
  EXPECT_EQ(query.levels[0].interchange_control_number, 7);
  EXPECT_EQ(query.levels[0].transaction_control_number, "0002");
  EXPECT_EQ(query.levels[0].sender_id, "CLEARHOUSE");
  EXPECT_EQ(query.levels[0].receiver_id, "PAYER01");
  EXPECT_TRUE(query.levels[0].billing_npi.empty());

  auto in = inputs_with({});
  in.level_claims.push_back({submitted(5, "B1"), submitted(6, "B2")});
  const auto plan = plan_claim_status(report, in, context());
  ASSERT_EQ(plan.changes.size(), 2u);
  for (const auto& ch : plan.changes) {
    EXPECT_EQ(ch.level, model::StatusLevelKind::batch);
    EXPECT_EQ(ch.status, "rejected");
    EXPECT_TRUE(ch.updates_claim);
  }
  ASSERT_EQ(plan.worklist.size(), 2u);
  EXPECT_EQ(plan.worklist[0].item.category, "provider_eligibility");  // 24 about the submitter (41)
  EXPECT_NE(plan.worklist[0].added[0].message.find("batch level"), std::string::npos);
}

TEST(ClaimStatusPlanner, ProviderRejectionAsksForThatProvidersClaimsOnly) {
  Ack277caSpec s;
  s.batches.push_back({"000000007-0001", "A1:19:PR", {{"1234567893", "PROVIDER", "A3:24:85", {}}}});
  const auto report = report_of(s);
  const auto query = claim_status_query(report, config());
  ASSERT_EQ(query.levels.size(), 1u);
  EXPECT_EQ(query.levels[0].billing_npi, "1234567893");
  auto in = inputs_with({});
  in.level_claims.push_back({});  // the provider sent nothing in that batch
  const auto plan = plan_claim_status(report, in, context());
  ASSERT_EQ(plan.changes.size(), 1u);
  EXPECT_EQ(plan.changes[0].claim_row, 0);
  EXPECT_EQ(plan.unmatched, 1u);
}

TEST(ClaimStatusPlanner, BatchTraceThatIsNotOursIsUnmatched) {
  Ack277caSpec s;
  s.batches.push_back({"SOMEONE-ELSES", "A3:24:41", {}});
  s.batches[0].trace = "NODASH";
  const auto report = report_of(s);
  EXPECT_TRUE(claim_status_query(report, config()).levels.empty());
  const auto plan = plan_claim_status(report, inputs_with({}), context());
  ASSERT_EQ(plan.changes.size(), 1u);
  EXPECT_EQ(plan.unmatched, 1u);
  ASSERT_FALSE(plan.findings.empty());
  EXPECT_EQ(plan.findings.back().rule, "claim_status.unmatched");
  EXPECT_NE(plan.findings.back().message.find("not one of our batches"), std::string::npos) << plan.findings.back().message;
}

model::WorklistItem item_with(const std::string& claim_id, std::string_view source) {
  model::WorklistItem item;
  item.id = 40;
  item.payer_id = "PAYER01";
  item.claim_id = claim_id;
  item.category = "eligibility";
  item.status = model::WorklistStatus::open;
  model::WorklistFinding f;
  f.id = 400;
  f.rule = "front_door.rejected";
  f.category = "eligibility";
  f.source = std::string(source);
  f.open = true;
  f.amount = model::Money::from_cents(12500);
  item.findings.push_back(f);
  return item;
}

TEST(ClaimStatusPlanner, AcceptanceOfTheCorrectedClaimResolvesTheRejectionItem) {
  const auto report = report_of(spec_with({ack("C1", "A2:20", "PCN")}));
  auto in = inputs_with({submitted(9, "C1")});
  in.items.emplace(PayerClaimKey("PAYER01", "C1"), item_with("C1", worklist::kClaimStatusSource));
  const auto plan = plan_claim_status(report, in, context());
  ASSERT_EQ(plan.worklist.size(), 1u);
  const auto& change = plan.worklist[0];
  EXPECT_EQ(change.item.status, model::WorklistStatus::resolved);
  EXPECT_EQ(change.close, model::WorklistChange::Close::all);
  EXPECT_NE(change.item.resolution_note.find("accepted by the payer (277"), std::string::npos)
      << change.item.resolution_note;

  // An item the 835 opened is not the 277CA's to resolve.
  auto in835 = inputs_with({submitted(9, "C1")});
  in835.items.emplace(PayerClaimKey("PAYER01", "C1"), item_with("C1", "posting"));
  EXPECT_TRUE(plan_claim_status(report, in835, context()).worklist.empty());
}

TEST(ClaimStatusPlanner, DisabledRuleOpensNoItem) {
  auto load = rules::load_rules_config((testing::source_dir() / "schemas").string());
  ASSERT_TRUE(load.config);
  load.config->rules[std::string(rules::rule_id::front_door_rejected)].enabled = false;
  load.config->resolve();
  auto ctx = context();
  ctx.config = &*load.config;
  const auto report = report_of(spec_with({ack("C1", "A7:33:IL")}));
  const auto plan = plan_claim_status(report, inputs_with({submitted(1, "C1")}), ctx);
  EXPECT_EQ(plan.rejected, 1u);
  EXPECT_TRUE(plan.worklist.empty());
}

// A 277 (005010X212) answering our 276: matched by the inquiry's trace, finalized statuses by
// their payment.
std::string response_277(const std::string& stc) {
  return "ISA*00*          *00*          *ZZ*PAYER01        *ZZ*CLEARHOUSE     *240110*1200*^*00501*000000009*0*T*:~"
         "GS*HN*PAYER01*CLEARHOUSE*20240110*1200*9*X*005010X212~"
         "ST*277*0001*005010X212~"
         "BHT*0010*08*R1*20240110*1200*DG~"
         "HL*1**20*1~NM1*PR*2*PAYER*****PI*PAYER01~"
         "HL*2*1*21*1~NM1*41*2*CLEARHOUSE*****46*CLEARHOUSE~"
         "HL*3*2*19*1~NM1*1P*2*PROVIDER*****XX*1234567893~"
         "HL*4*3*22*0~NM1*IL*1*DOE*JANE****MI*M0001~"
         "TRN*2*INQ-1~" + stc + "~REF*1K*PCN9~REF*EJ*C1~DTP*472*D8*20240105~"
         "SE*16*0001~GE*1*9~IEA*1*000000009~";
}

TEST(ClaimStatusPlanner, StatusResponseAnswersTheInquiry) {
  const auto paid = read(response_277("STC*F0:3*20240109**125*125"));
  EXPECT_EQ(paid.guide, model::ClaimStatusGuide::response);
  const auto query = claim_status_query(paid, config());
  EXPECT_EQ(query.inquiry_traces, std::vector<std::string>{"INQ-1"});
  auto in = inputs_with({submitted(3, "C1")});
  in.inquiries.emplace("INQ-1", ledger::InquiryRecord{77, 3, "PAYER01", "C1", "INQ-1"});
  auto plan = plan_claim_status(paid, in, context());
  ASSERT_EQ(plan.changes.size(), 1u);
  EXPECT_EQ(plan.changes[0].status, "finalized_paid");
  EXPECT_EQ(plan.changes[0].inquiry_id, 77);
  EXPECT_EQ(plan.changes[0].claim_row, 3);
  ASSERT_TRUE(plan.changes[0].payment);
  EXPECT_EQ(plan.changes[0].payment->cents(), 12500);
  EXPECT_TRUE(plan.worklist.empty());
  EXPECT_EQ(plan.report.guide, "277");

  const auto denied = read(response_277("STC*F2:88:IL*20240109**125*0"));
  plan = plan_claim_status(denied, in, context());
  EXPECT_EQ(plan.changes[0].status, "finalized_denied");
  ASSERT_EQ(plan.worklist.size(), 1u);
  EXPECT_EQ(plan.worklist[0].added[0].rule, rules::rule_id::status_denied);
  EXPECT_EQ(plan.worklist[0].item.category, "eligibility");

  const auto not_found = read(response_277("STC*A4:35*20240109**125"));
  plan = plan_claim_status(not_found, in, context());
  EXPECT_EQ(plan.changes[0].status, "not_found");
  ASSERT_EQ(plan.worklist.size(), 1u);
  EXPECT_EQ(plan.worklist[0].added[0].rule, rules::rule_id::status_not_found);

  const auto pended = read(response_277("STC*P1:20*20240109**125"));
  plan = plan_claim_status(pended, in, context());
  EXPECT_EQ(plan.changes[0].status, "pended");
  EXPECT_TRUE(plan.worklist.empty());
}

}  // namespace
}  // namespace clearhouse::ack
