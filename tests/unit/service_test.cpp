// The service without sockets: routing, admission, the page, health and metrics; every /v1
// route refuses a missing or wrong token (401) and a role without its permission (403).
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

#include "engine/service/router.hpp"
#include "engine/service/web_assets.hpp"
#include "tests/support/service_fixture.hpp"

namespace clearhouse::service {
namespace {

using testing::ServiceFixture;
using testing::token_for;

// A concrete path for a template: {x} -> a value.
std::string concrete(std::string_view tmpl) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{') {
      i = tmpl.find('}', i);
      out += "CLM1001";
      continue;
    }
    out.push_back(tmpl[i]);
  }
  return out;
}

std::string content_type_for(const Route& r) { return r.media_types.empty() ? "" : std::string(r.media_types.front()); }

TEST(Router, MatchesTemplatesAndCapturesParameters) {
  auto m = match_route("POST", "/v1/worklist/CLM-7/resolve");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->path, "/v1/worklist/{claim_id}/resolve");
  ASSERT_EQ(m.params.size(), 1u);
  EXPECT_EQ(m.params[0].first, "claim_id");
  EXPECT_EQ(m.params[0].second, "CLM-7");
  m = match_route("GET", "/v1/claims/ABC");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->path, "/v1/claims/{claim_id}");
  EXPECT_EQ(match_route("GET", "/v1/claims/").route, nullptr);
  EXPECT_EQ(match_route("GET", "/v1/claims/a/b").route, nullptr);
  m = match_route("DELETE", "/v1/worklist");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  EXPECT_FALSE(match_route("GET", "/nope").path_known);
}

TEST(Router, TargetsAreDecoded) {
  std::string path;
  std::vector<std::pair<std::string, std::string>> query;
  ASSERT_TRUE(split_target("/v1/claims/A%20B?category=coding%20and%20bundling&payer=P+1&x", path, query));
  EXPECT_EQ(path, "/v1/claims/A B");
  ASSERT_EQ(query.size(), 3u);
  EXPECT_EQ(query[0].second, "coding and bundling");
  EXPECT_EQ(query[1].second, "P 1");
  EXPECT_EQ(query[2].first, "x");
  EXPECT_FALSE(split_target("/v1/claims/%zz", path, query));
  EXPECT_FALSE(split_target("/v1/claims/%00", path, query));
  EXPECT_FALSE(split_target("v1/claims", path, query));
  EXPECT_FALSE(split_target("/a%2", path, query));
}

class EveryProtectedRoute : public ::testing::TestWithParam<std::size_t> {};

TEST_P(EveryProtectedRoute, RefusesMissingWrongAndUnderprivilegedTokens) {
  const Route& r = routes()[GetParam()];
  ServiceFixture f("route-auth");
  const std::string target = concrete(r.path);
  const std::string ct = content_type_for(r);
  std::vector<Header> base;
  if (!ct.empty()) base.push_back({"content-type", ct});

  auto res = f.call(std::string(r.method), target, "{}", base);
  EXPECT_EQ(res.status, 401) << r.method << " " << r.path;
  EXPECT_NE(res.body.find("\"unauthorized\""), std::string::npos);
  auto with_bad = base;
  with_bad.push_back({"authorization", "Bearer not-a-token-of-ours-xx"});
  EXPECT_EQ(f.call(std::string(r.method), target, "{}", with_bad).status, 401) << r.path;
  auto with_basic = base;
  with_basic.push_back({"authorization", std::string("Basic ") + token_for(Role::submitter)});
  EXPECT_EQ(f.call(std::string(r.method), target, "{}", with_basic).status, 401) << r.path;

  int refused = 0, allowed = 0;
  for (Role role : all_roles()) {
    const auto out = f.call_as(role, std::string(r.method), target, "{}", ct);
    if (role_allows(role, r.permission)) {
      ++allowed;
      EXPECT_NE(out.status, 401) << r.path << " as " << role_name(role);
      EXPECT_NE(out.status, 403) << r.path << " as " << role_name(role);
    } else {
      ++refused;
      EXPECT_EQ(out.status, 403) << r.path << " as " << role_name(role);
      EXPECT_NE(out.body.find("\"forbidden\""), std::string::npos);
    }
  }
  EXPECT_GE(refused, 1) << r.path << ": some role must be refused, or the 403 test proves nothing";
  EXPECT_GE(allowed, 1) << r.path;
}

std::vector<std::size_t> protected_routes() {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < routes().size(); ++i)
    if (routes()[i].path.rfind("/v1/", 0) == 0) out.push_back(i);
  return out;
}

INSTANTIATE_TEST_SUITE_P(Routes, EveryProtectedRoute, ::testing::ValuesIn(protected_routes()),
                         [](const ::testing::TestParamInfo<std::size_t>& info) {
                           const Route& r = routes()[info.param];
                           std::string name = std::string(r.method) + std::string(r.path);
                           for (auto& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

TEST(Service, EveryV1RouteNeedsAPermission) {
  for (const auto& r : routes()) {
    if (r.path.rfind("/v1/", 0) == 0) EXPECT_NE(r.permission, Permission::none) << r.path;
    else EXPECT_EQ(r.permission, Permission::none) << r.path;
  }
}

TEST(Service, UnknownPathsAndMethods) {
  ServiceFixture f("service-404");
  auto r = f.call("GET", "/v2/anything");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.content_type, "application/json");
  r = f.call("DELETE", "/v1/worklist");
  EXPECT_EQ(r.status, 405);
  ASSERT_FALSE(r.headers.empty());
  EXPECT_EQ(r.headers[0].name, "allow");
  EXPECT_EQ(r.headers[0].value, "GET");
  EXPECT_EQ(f.call("GET", "/v1/claims/%zz").status, 400);
}

TEST(Service, HealthzReportsTheLedger) {
  ServiceFixture f("service-health");
  auto r = f.call("GET", "/healthz");
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("\"status\":\"ok\""), std::string::npos);
  EXPECT_NE(r.body.find("\"ledger\":\"ok\""), std::string::npos);

  // A ledger path that cannot be created.
  ServiceSettings s;
  s.ledger_url = "sqlite:/proc/nonexistent/ledger.db";
  ServiceContext ctx(s);
  Service svc(ctx, TokenStore{});
  r = svc.handle(make_request("GET", "/healthz"));
  EXPECT_EQ(r.status, 503);
  EXPECT_NE(r.body.find("\"ledger\":\"unavailable\""), std::string::npos);
}

TEST(Service, MetricsCountRequestsByRouteTemplate) {
  ServiceFixture f("service-metrics");
  f.call("GET", "/v1/claims/SECRET-CLAIM-42");
  f.call("GET", "/healthz");
  auto r = f.call("GET", "/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type.rfind("text/plain; version=0.0.4", 0), 0u);
  EXPECT_NE(r.body.find("clearhouse_http_requests_total{route=\"/v1/claims/{claim_id}\",method=\"GET\",status=\"401\"} 1"),
            std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find("clearhouse_http_request_duration_seconds_bucket{route=\"/healthz\",le=\"+Inf\"} 1"),
            std::string::npos);
  EXPECT_NE(r.body.find("clearhouse_claims_submitted_total 0"), std::string::npos);
  EXPECT_NE(r.body.find("clearhouse_claims_posted_total 0"), std::string::npos);
  EXPECT_EQ(r.body.find("SECRET-CLAIM-42"), std::string::npos);
}

TEST(Service, AccessLogHasTemplatesNeverPathsQueriesOrBodies) {
  std::ostringstream captured;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
  auto previous = spdlog::default_logger();
  spdlog::set_default_logger(std::make_shared<spdlog::logger>("capture", sink));
  {
    ServiceFixture f("service-access-log");
    f.call_as(Role::submitter, "GET", "/v1/claims/PATIENT-DOE-JOHN?member=XYZ123456");
    f.call_as(Role::submitter, "POST", "/v1/worklist/PATIENT-DOE-JOHN/resolve", R"({"note":"DOB 1970-01-01"})",
              "application/json");
  }
  spdlog::set_default_logger(previous);
  const std::string log = captured.str();
  EXPECT_NE(log.find("route=/v1/claims/{claim_id}"), std::string::npos) << log;
  EXPECT_NE(log.find("route=/v1/worklist/{claim_id}/resolve"), std::string::npos) << log;
  EXPECT_NE(log.find("status="), std::string::npos);
  EXPECT_NE(log.find("ms="), std::string::npos);
  EXPECT_NE(log.find("bytes_out="), std::string::npos);
  for (const char* phi : {"PATIENT-DOE-JOHN", "XYZ123456", "1970-01-01", "member="}) EXPECT_EQ(log.find(phi), std::string::npos) << phi;
}

TEST(Service, PageIsCompiledInWithStrictHeaders) {
  ServiceFixture f("service-page");
  auto r = f.call("GET", "/");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<!doctype html>"), std::string::npos);
  std::string csp, etag;
  for (const auto& h : r.headers) {
    if (h.name == "content-security-policy") csp = h.value;
    if (h.name == "etag") etag = h.value;
  }
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  // The one inline style allowed is the statement's, by its hash (the browser test shows it applies).
  EXPECT_NE(csp.find("style-src 'self' 'sha256-"), std::string::npos) << csp;
  ASSERT_FALSE(etag.empty());
  r = f.call("GET", "/", {}, {{"if-none-match", etag}});
  EXPECT_EQ(r.status, 304);
  EXPECT_TRUE(r.body.empty());
  for (const auto& a : web_assets()) {
    if (a.name == "index.html") continue;
    r = f.call("GET", "/assets/" + std::string(a.name));
    EXPECT_EQ(r.status, 200) << a.name;
    EXPECT_EQ(r.body, a.data);
  }
  EXPECT_EQ(f.call("GET", "/assets/..").status, 404);
  EXPECT_EQ(f.call("GET", "/assets/missing.js").status, 404);
  EXPECT_EQ(f.call("GET", "/assets/..%2F..%2Fetc%2Fpasswd").status, 404);
}

TEST(Service, TooManyRequestsInFlightGet503) {
  ServiceSettings s;
  s.max_in_flight = 2;
  ServiceFixture f("service-503", s);
  auto head = [] {
    RequestHead h;
    h.method = "GET";
    h.target = "/healthz";
    return h;
  };
  Admission a = f.svc->admit(head());
  Admission b = f.svc->admit(head());
  EXPECT_FALSE(a.refusal);
  EXPECT_FALSE(b.refusal);
  Admission c = f.svc->admit(head());
  ASSERT_TRUE(c.refusal);
  EXPECT_EQ(c.refusal->status, 503);
  EXPECT_NE(c.refusal->body.find("\"busy\""), std::string::npos);
  a.release();
  Admission d = f.svc->admit(head());
  EXPECT_FALSE(d.refusal);
  EXPECT_EQ(f.context->metrics().in_flight().load(), 2);
}

}  // namespace
}  // namespace clearhouse::service
