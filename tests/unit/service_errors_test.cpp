// Malformed requests get 400/413/415/422 with a JSON error, never a crash.
#include <gtest/gtest.h>

#include "tests/support/service_fixture.hpp"

namespace clearhouse::service {
namespace {

using testing::ServiceFixture;

void expect_json_error(const Response& r, int status, const std::string& code) {
  EXPECT_EQ(r.status, status) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_NE(r.body.find("\"error\":{\"status\":" + std::to_string(status)), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"code\":\"" + code + "\""), std::string::npos) << r.body;
}

TEST(ServiceErrors, WrongMediaTypeIs415) {
  ServiceFixture f("errors-415");
  expect_json_error(f.call_as(Role::submitter, "POST", "/v1/remittances", "ISA*...", "application/x-www-form-urlencoded"),
                    415, "unsupported_media_type");
  expect_json_error(f.call_as(Role::submitter, "POST", "/v1/validate", "ISA*..."), 415, "unsupported_media_type");
  expect_json_error(f.call_as(Role::submitter, "POST", "/v1/claims", "{}", "application/edi-x12"), 415,
                    "unsupported_media_type");
  expect_json_error(f.call_as(Role::biller, "POST", "/v1/worklist/C1/resolve", "note=x", "text/plain"), 415,
                    "unsupported_media_type");
  // Parameters and case do not matter.
  EXPECT_NE(f.call_as(Role::submitter, "POST", "/v1/validate", "x", "Application/EDI-X12; charset=us-ascii").status, 415);
}

TEST(ServiceErrors, BodiesOverTheLimitAre413) {
  ServiceSettings s;
  s.body_limit = 1024;
  s.json_body_limit = 64;
  ServiceFixture f("errors-413", s);
  expect_json_error(f.call_as(Role::submitter, "POST", "/v1/validate", std::string(2048, 'x'), "application/edi-x12"),
                    413, "body_too_large");
  expect_json_error(f.call_as(Role::biller, "POST", "/v1/worklist/C1/resolve", "{\"note\":\"" + std::string(100, 'a') + "\"}",
                              "application/json"),
                    413, "body_too_large");
  // The declared length alone is enough to refuse before reading.
  RequestHead head;
  head.method = "POST";
  head.target = "/v1/remittances";
  head.headers = {{"authorization", std::string("Bearer ") + testing::token_for(Role::submitter)},
                  {"content-type", "application/edi-x12"}};
  head.content_length = 1025;
  auto a = f.svc->admit(head);
  ASSERT_TRUE(a.refusal);
  EXPECT_EQ(a.refusal->status, 413);
  EXPECT_EQ(f.context->metrics().in_flight().load(), 0);
}

TEST(ServiceErrors, NotX12Is422WithFindings) {
  ServiceFixture f("errors-422");
  auto r = f.call_as(Role::submitter, "POST", "/v1/validate", "this is not an interchange", "text/plain");
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_NE(r.body.find("\"status\":\"rejected\""), std::string::npos);
  EXPECT_NE(r.body.find("ISA"), std::string::npos);
  expect_json_error(f.call_as(Role::submitter, "POST", "/v1/validate", "", "text/plain"), 422, "empty_body");
}

TEST(ServiceErrors, BadQueryParameterIs400) {
  ServiceFixture f("errors-400");
  expect_json_error(f.call_as(Role::submitter, "POST", "/v1/validate?ack=997", "ISA", "application/edi-x12"), 400,
                    "bad_parameter");
}

TEST(ServiceErrors, RouteExceptionsBecomeJson500NotCrashes) {
  // A ledger that cannot be opened: the route's failure is a JSON error.
  ServiceSettings s;
  ServiceFixture f("errors-500", s);
  ServiceSettings broken = f.context->settings();
  broken.ledger_url = "sqlite:/proc/nonexistent/x.db";
  ServiceContext ctx(broken);
  TokenStore tokens;
  std::string error;
  tokens.add_list(testing::tokens_env(), error);
  Service svc(ctx, std::move(tokens));
  auto r = svc.handle(make_request("POST", "/v1/validate",
                                   {{"authorization", std::string("Bearer ") + testing::token_for(Role::submitter)},
                                    {"content-type", "application/edi-x12"}},
                                   "ISA*00*          *00*          *ZZ*A              *ZZ*B              *240101*1200*^*00501*000000001*0*P*:~"));
  EXPECT_GE(r.status, 500);
  EXPECT_EQ(r.content_type, "application/json");
  EXPECT_NE(r.body.find("\"error\""), std::string::npos);
}

}  // namespace
}  // namespace clearhouse::service
