// Submission and claim routes without sockets: POST /v1/claims runs a real submit over the
// sample encounters, GET /v1/batches/{id} serves exactly the recorded 837, GET /v1/claims/{id}
// shows the claim as the ledger knows it; duplicates, bad input and unknown ids are refused.
#include <gtest/gtest.h>

#include "engine/ledger/ledger.hpp"
#include "engine/util/sha256.hpp"
#include "engine/worklist/worklist.hpp"
#include "tests/support/service_fixture.hpp"

namespace clearhouse::service {
namespace {

using testing::ServiceFixture;

std::string samples_encounters() { return testing::read_file(testing::source_dir() / "samples" / "encounters.jsonl"); }

std::string header_of(const Response& r, std::string_view name) {
  for (const auto& h : r.headers)
    if (h.name == name) return h.value;
  return {};
}

TEST(ServiceClaims, SubmitWritesBatchesAndServesThemByTheirIds) {
  ServiceFixture f("svc-claims-submit");
  auto r = f.call_as(Role::uploader, "POST", "/v1/claims", samples_encounters(), "application/x-ndjson");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"encounters\":12"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"rejected\":0"), std::string::npos);
  EXPECT_NE(r.body.find("\"batches\":[{\"id\":1,"), std::string::npos);
  EXPECT_NE(r.body.find("\"url\":\"/v1/batches/1\""), std::string::npos);
  EXPECT_EQ(r.body.find(f.dir.string()), std::string::npos) << "server paths leak into the answer";
  EXPECT_NE(f.context->metrics().render(-1).find("clearhouse_claims_submitted_total 12"), std::string::npos);

  auto batch = f.call_as(Role::uploader, "GET", "/v1/batches/1");
  ASSERT_EQ(batch.status, 200) << batch.body;
  EXPECT_EQ(batch.content_type, "application/edi-x12");
  ASSERT_FALSE(batch.file.empty());
  const std::string bytes = testing::read_file(batch.file);
  EXPECT_EQ(bytes.rfind("ISA*", 0), 0u);
  EXPECT_EQ(header_of(batch, "x-content-sha256"), util::sha256_hex(bytes));
  EXPECT_NE(header_of(batch, "content-disposition").find(".837"), std::string::npos);

  EXPECT_EQ(f.call_as(Role::uploader, "GET", "/v1/batches/999").status, 404);
  EXPECT_EQ(f.call_as(Role::uploader, "GET", "/v1/batches/abc").status, 404);
  std::filesystem::remove(batch.file);
  EXPECT_EQ(f.call_as(Role::uploader, "GET", "/v1/batches/1").status, 410);
}

TEST(ServiceClaims, ResubmittingIsRefusedAsDuplicates) {
  ServiceFixture f("svc-claims-dup");
  ASSERT_EQ(f.call_as(Role::submitter, "POST", "/v1/claims", samples_encounters(), "application/x-ndjson").status, 200);
  auto r = f.call_as(Role::submitter, "POST", "/v1/claims", samples_encounters(), "application/x-ndjson");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("\"submitted\":0"), std::string::npos);
  EXPECT_NE(r.body.find("\"rejected\":12"), std::string::npos);
  EXPECT_NE(r.body.find("duplicate_claim_in_ledger"), std::string::npos);
}

TEST(ServiceClaims, BrokenLinesAreRejectedWithLineNumbersAndTheRestSubmitted) {
  ServiceFixture f("svc-claims-broken");
  const std::string text = samples_encounters();
  const std::string first = text.substr(0, text.find('\n') + 1);
  auto r = f.call_as(Role::submitter, "POST", "/v1/claims", first + "{not json\n", "application/jsonl");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"submitted\":1"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"rejected\":1"), std::string::npos);
  EXPECT_NE(r.body.find("\"line\":2"), std::string::npos);
  r = f.call_as(Role::submitter, "POST", "/v1/claims", "", "application/x-ndjson");
  EXPECT_EQ(r.status, 422);
  r = f.call_as(Role::submitter, "POST", "/v1/claims", "garbage\nmore garbage\n", "text/plain");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("\"rejected\":2"), std::string::npos);
}

TEST(ServiceClaims, UnknownFieldsAreWarningsInTheAnswer) {
  ServiceFixture f("svc-claims-unknown-field");
  const std::string text = samples_encounters();
  std::string first = text.substr(0, text.find('\n'));
  first.insert(1, R"("claimid":"typo",)");
  const auto r = f.call_as(Role::submitter, "POST", "/v1/claims", first + "\n", "application/jsonl");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"submitted\":1"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(R"(line 1: unknown field \"claimid\" (not in schemas/encounter.schema.json); ignored)"),
            std::string::npos)
      << r.body;
}

TEST(ServiceClaims, ClaimDetailShowsLinesAndHistory) {
  ServiceFixture f("svc-claims-detail");
  ASSERT_EQ(f.call_as(Role::submitter, "POST", "/v1/claims", samples_encounters(), "application/x-ndjson").status, 200);
  auto r = f.call_as(Role::reader, "GET", "/v1/claims/DOE3001");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"status\":\"submitted\""), std::string::npos);
  EXPECT_NE(r.body.find("\"lines\":[{\"line_number\":1,"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"event\":\"submitted\""), std::string::npos);
  EXPECT_NE(r.body.find("\"worklist\":null"), std::string::npos);
  EXPECT_EQ(f.call_as(Role::reader, "GET", "/v1/claims/NO-SUCH-CLAIM").status, 404);
  r = f.call_as(Role::reader, "GET", "/v1/claims/DOE3001?payer=OTHER");
  EXPECT_EQ(r.status, 404);
}

TEST(ServiceClaims, AClaimIdSeenForTwoPayersNeedsThePayer) {
  ServiceFixture f("svc-claims-ambiguous");
  ASSERT_EQ(f.call_as(Role::submitter, "POST", "/v1/claims", samples_encounters(), "application/x-ndjson").status, 200);
  {
    auto ledger = ledger::open_ledger(f.context->settings().ledger_url);
    worklist::Worklist list(ledger->connection(), f.context->rules());
    worklist::ClaimReview review;
    review.payer_id = "SOMEONE-ELSE";
    review.claim_id = "DOE3001";
    review.reference_date = {2024, 6, 1};
    review.adjudicated = true;
    model::Finding unmatched;
    unmatched.rule = "remittance.unmatched";
    unmatched.category = "unmatched";
    unmatched.amount = model::Money::from_cents(500);
    unmatched.message = "no submitted claim matches";
    unmatched.action = f.context->rules().category("unmatched").action;
    review.findings = {unmatched};
    list.apply(review, "2024-06-01T00:00:00Z");
  }
  auto r = f.call_as(Role::reader, "GET", "/v1/claims/DOE3001");
  EXPECT_EQ(r.status, 409) << r.body;
  r = f.call_as(Role::reader, "GET", "/v1/claims/DOE3001?payer=SOMEONE-ELSE");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"claim\":null"), std::string::npos);
  EXPECT_NE(r.body.find("\"category\":\"unmatched\""), std::string::npos);
  EXPECT_NE(r.body.find("\"event\":\"worklist_opened\""), std::string::npos) << r.body;
}

}  // namespace
}  // namespace clearhouse::service
