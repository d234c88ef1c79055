// POST /v1/remittances without sockets: the sample 835 against the submitted sample claims
// posts every claim payment, opens the hand-listed worklist items, counts in /metrics; the same
// file again changes nothing; what is not an 835 is refused with 422.
#include <gtest/gtest.h>

#include "tests/support/service_fixture.hpp"

namespace clearhouse::service {
namespace {

using testing::ServiceFixture;

std::string sample(const char* name) { return testing::read_file(testing::source_dir() / "samples" / name); }

TEST(ServiceRemittances, PostsTheSampleAndOpensWorklistItems) {
  ServiceSettings s;
  s.as_of = model::Date{2024, 7, 1};
  ServiceFixture f("svc-remit-post", s);
  ASSERT_EQ(f.call_as(Role::uploader, "POST", "/v1/claims", sample("encounters.jsonl"), "application/x-ndjson").status,
            200);
  auto r = f.call_as(Role::uploader, "POST", "/v1/remittances", sample("remittance.835"), "application/edi-x12");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"unmatched\":0"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"already_posted\":0"), std::string::npos);
  EXPECT_NE(r.body.find("\"worklist\":{\"rule_findings\":"), std::string::npos);
  EXPECT_EQ(r.body.find("\"opened\":0"), std::string::npos) << "the samples open items";
  const auto posted_at = r.body.find("\"posted\":");
  ASSERT_NE(posted_at, std::string::npos);
  const long posted = std::stol(r.body.substr(posted_at + 9));
  EXPECT_GT(posted, 0);

  auto list = f.call_as(Role::reader, "GET", "/v1/worklist");
  EXPECT_NE(list.body.find("\"count\":4"), std::string::npos) << list.body;
  const auto metrics = f.call("GET", "/metrics").body;
  EXPECT_NE(metrics.find("clearhouse_claims_posted_total " + std::to_string(posted)), std::string::npos) << metrics;
  EXPECT_NE(metrics.find("clearhouse_worklist_open_items 4"), std::string::npos);

  // The detail of a denied claim says why, in words.
  auto claim = f.call_as(Role::reader, "GET", "/v1/claims/SFM1005");
  ASSERT_EQ(claim.status, 200);
  EXPECT_NE(claim.body.find("\"claim_status\":\"denied\""), std::string::npos) << claim.body;
  EXPECT_NE(claim.body.find("\"code\":\"16\""), std::string::npos);
  EXPECT_NE(claim.body.find("\"event\":\"remittance\""), std::string::npos);
  EXPECT_EQ(claim.body.find("not in clearhouse's code table"), std::string::npos);

  // Idempotent: the same file again posts nothing and opens nothing.
  r = f.call_as(Role::submitter, "POST", "/v1/remittances", sample("remittance.835"), "text/plain");
  ASSERT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"posted\":0"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"opened\":0"), std::string::npos);
  EXPECT_EQ(r.body.find("\"already_posted\":0"), std::string::npos);
}

TEST(ServiceRemittances, WhatIsNotAn835Is422) {
  ServiceFixture f("svc-remit-422");
  auto r = f.call_as(Role::uploader, "POST", "/v1/remittances", "hello", "text/plain");
  EXPECT_EQ(r.status, 422) << r.body;
  r = f.call_as(Role::uploader, "POST", "/v1/remittances", "", "text/plain");
  EXPECT_EQ(r.status, 422);
  // An 837P is X12 but not an 835.
  r = f.call_as(Role::uploader, "POST", "/v1/remittances", sample("claims.837"), "application/edi-x12");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("holds no 835 transaction set"), std::string::npos);
  EXPECT_NE(f.context->metrics().render(-1).find("clearhouse_claims_posted_total 0"), std::string::npos);
}

}  // namespace
}  // namespace clearhouse::service
