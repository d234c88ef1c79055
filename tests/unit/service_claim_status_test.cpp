// 277CA / 277 through the service without sockets: POST /v1/claim-statuses posts a 277CA for
// submitted claims (as `clearhouse ack` does), POST /v1/remittances hands a 277 the same way,
// and GET /v1/claims/{id} shows the claim's front-door status and its timeline (submitted ->
// 277CA), which the worklist page renders as the status history.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <sstream>

#include "tests/support/claim_ack_277ca.hpp"
#include "tests/support/service_fixture.hpp"

namespace clearhouse::service {
namespace {

using testing::ServiceFixture;

rapidjson::Document parse(const std::string& body) {
  rapidjson::Document d;
  d.Parse(body.c_str());
  EXPECT_FALSE(d.HasParseError()) << body;
  return d;
}

TEST(ServiceClaimStatus, A277caPostsOnceAndShowsInTheClaimsTimeline) {
  ServiceFixture f("svc-claim-status");
  auto r = f.call_as(Role::uploader, "POST", "/v1/claims",
                     testing::read_file(testing::source_dir() / "samples" / "encounters.jsonl"), "application/x-ndjson");
  ASSERT_EQ(r.status, 200) << r.body;
  auto batch = f.call_as(Role::uploader, "GET", "/v1/batches/1");
  ASSERT_EQ(batch.status, 200);
  const auto sent = testing::read_sent_837(batch.file);
  ASSERT_FALSE(sent.empty());
  const auto& b = sent.front();
  std::vector<testing::Ack277caClaim> statuses;
  for (std::size_t i = 0; i < b.claims.size(); ++i)
    statuses.push_back(testing::status_for(b.claims[i], i == 0 ? "A7:33:IL" : "A2:20", i == 0 ? "" : "PCN"));
  std::ostringstream text;
  testing::write_277ca(text, testing::answer_to(b, statuses, 900));

  r = f.call_as(Role::uploader, "POST", "/v1/claim-statuses", text.str(), "application/edi-x12");
  ASSERT_EQ(r.status, 200) << r.body;
  auto d = parse(r.body);
  EXPECT_EQ(d["posted"].GetUint64(), 1u);
  EXPECT_EQ(d["rejected"].GetUint64(), 1u);
  EXPECT_EQ(d["accepted"].GetUint64(), b.claims.size() - 1);
  EXPECT_EQ(d["worklist"]["opened"].GetUint64(), 1u);
  EXPECT_STREQ(d["status"].GetString(), "needs_attention");

  // The remittance route hands a 277 to the same posting: already posted, nothing changes.
  r = f.call_as(Role::uploader, "POST", "/v1/remittances", text.str(), "application/edi-x12");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(parse(r.body)["already_posted"].GetUint64(), 1u) << r.body;

  r = f.call_as(Role::reader, "GET", "/v1/claims/" + b.claims[0].claim_id);
  ASSERT_EQ(r.status, 200) << r.body;
  d = parse(r.body);
  EXPECT_STREQ(d["claim"]["front_door_status"].GetString(), "rejected");
  bool submitted = false, acknowledged = false;
  for (const auto& h : d["status_history"].GetArray()) {
    const std::string event = h["event"].GetString();
    if (event == "submitted") submitted = true;
    if (event == "claim_status") {
      acknowledged = true;
      EXPECT_FALSE(!submitted) << "the 277CA comes after the submission";
      EXPECT_STREQ(h["status"].GetString(), "rejected");
      EXPECT_NE(std::string(h["detail"].GetString()).find("A7:33:IL"), std::string::npos) << h["detail"].GetString();
    }
  }
  EXPECT_TRUE(submitted && acknowledged) << r.body;
  EXPECT_STREQ(d["worklist"]["item"]["category"].GetString(), "eligibility");

  r = f.call_as(Role::reader, "GET", "/v1/claims/" + b.claims[1].claim_id);
  EXPECT_STREQ(parse(r.body)["claim"]["payer_claim_control_number"].GetString(), "PCN");

  EXPECT_EQ(f.call_as(Role::uploader, "POST", "/v1/claim-statuses", "not x12", "text/plain").status, 422);

  // 276s through the API: every silent claim but the rejected one, then none the same day.
  r = f.call_as(Role::uploader, "POST", "/v1/status-inquiries", R"({"as_of": "2100-01-01"})", "application/json");
  ASSERT_EQ(r.status, 200) << r.body;
  d = parse(r.body);
  EXPECT_EQ(d["inquiries"].GetUint64(), 11u) << r.body;  // 12 sample claims, one rejected
  ASSERT_GE(d["files"].Size(), 1u);
  std::string written;
  for (const auto& file : d["files"].GetArray()) written += file["text"].GetString();
  EXPECT_EQ(written.rfind("ISA*", 0), 0u);
  EXPECT_NE(written.find("ST*276*"), std::string::npos);
  EXPECT_NE(written.find("REF*EJ*" + b.claims[1].claim_id + "~"), std::string::npos);
  EXPECT_EQ(written.find("REF*EJ*" + b.claims[0].claim_id + "~"), std::string::npos);
  r = f.call_as(Role::uploader, "POST", "/v1/status-inquiries", R"({"as_of": "2100-01-01"})", "application/json");
  EXPECT_EQ(parse(r.body)["inquiries"].GetUint64(), 0u) << r.body;
  EXPECT_EQ(f.call_as(Role::uploader, "POST", "/v1/status-inquiries", R"({"as_of": "soon"})", "application/json").status,
            422);
}

}  // namespace
}  // namespace clearhouse::service
