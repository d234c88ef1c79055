// The worklist routes without sockets, over a ledger seeded through the worklist's own rules:
// list with the CLI's filters, resolve and assign with the caller's token name in the history,
// and every way a request can be refused (bad parameters, bad JSON, missing note, unknown or
// closed item, ambiguous claim id).
#include <gtest/gtest.h>

#include "engine/ledger/ledger.hpp"
#include "engine/worklist/worklist.hpp"
#include "tests/support/service_fixture.hpp"

namespace clearhouse::service {
namespace {

using testing::ServiceFixture;

model::Finding finding(const rules::RulesConfig& config, std::string rule, std::string category, std::int64_t cents) {
  model::Finding f;
  f.rule = std::move(rule);
  f.category = std::move(category);
  f.amount = model::Money::from_cents(cents);
  f.action = config.category(f.category).action;
  f.message = "seeded";
  return f;
}

// Three items: C1 authorization $500 (60 days old), C2 coding $120 (10 days), C3 for two payers.
void seed(ServiceFixture& f) {
  auto ledger = ledger::open_ledger(f.context->settings().ledger_url);
  const auto& config = f.context->rules();
  worklist::Worklist list(ledger->connection(), config);
  auto review = [&](std::string payer, std::string claim, std::string category, std::int64_t cents, model::Date d) {
    worklist::ClaimReview r;
    r.payer_id = std::move(payer);
    r.claim_id = std::move(claim);
    r.trace_number = "TRACE1";
    r.posting_id = 1;
    r.reference_date = d;
    r.adjudicated = true;
    r.findings = {finding(config, "denial.claim", std::move(category), cents)};
    list.apply(r, "2024-05-01T10:00:00Z");
  };
  review("PAYER1", "C1", "authorization", 50000, {2024, 4, 1});
  review("PAYER2", "C2", "coding", 12000, {2024, 5, 21});
  review("PAYER1", "C3", "missing_information", 3000, {2024, 5, 1});
  review("PAYER2", "C3", "missing_information", 4000, {2024, 5, 1});
}

ServiceSettings pinned() {
  ServiceSettings s;
  s.as_of = model::Date{2024, 5, 31};
  return s;
}

TEST(ServiceWorklist, ListsWithTheCliFilters) {
  ServiceFixture f("svc-worklist-list", pinned());
  seed(f);
  auto r = f.call_as(Role::reader, "GET", "/v1/worklist");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"count\":4"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"as_of\":\"2024-05-31\""), std::string::npos);
  r = f.call_as(Role::reader, "GET", "/v1/worklist?category=authorization");
  EXPECT_NE(r.body.find("\"count\":1"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"claim_id\":\"C1\""), std::string::npos);
  EXPECT_NE(r.body.find("\"age_days\":60"), std::string::npos) << r.body;
  r = f.call_as(Role::reader, "GET", "/v1/worklist?payer=PAYER2&sort=amount");
  EXPECT_NE(r.body.find("\"count\":2"), std::string::npos) << r.body;
  EXPECT_LT(r.body.find("\"claim_id\":\"C2\""), r.body.find("\"claim_id\":\"C3\""));
  r = f.call_as(Role::reader, "GET", "/v1/worklist?older_than=30");
  EXPECT_NE(r.body.find("\"count\":1"), std::string::npos) << r.body;
  r = f.call_as(Role::reader, "GET", "/v1/worklist?limit=2");
  EXPECT_NE(r.body.find("\"count\":2"), std::string::npos);
  EXPECT_NE(r.body.find("\"total\":4"), std::string::npos);
}

TEST(ServiceWorklist, BadParametersAre400) {
  ServiceFixture f("svc-worklist-400", pinned());
  for (const char* q : {"status=closed", "category=nonsense", "older_than=-1", "older_than=abc", "sort=name", "limit=x"}) {
    auto r = f.call_as(Role::reader, "GET", std::string("/v1/worklist?") + q);
    EXPECT_EQ(r.status, 400) << q;
    EXPECT_NE(r.body.find("\"bad_parameter\""), std::string::npos) << q;
  }
}

TEST(ServiceWorklist, ResolveRecordsWhoAndWhyAndTheItemLeavesTheOpenList) {
  ServiceFixture f("svc-worklist-resolve", pinned());
  seed(f);
  auto r = f.call_as(Role::biller, "POST", "/v1/worklist/C1/resolve", R"({"note":"auth obtained, corrected claim sent"})",
                     "application/json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"status\":\"resolved\""), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("\"resolved_by\":\"biller-"), std::string::npos) << r.body;  // the token's name
  EXPECT_NE(r.body.find("auth obtained, corrected claim sent"), std::string::npos);
  r = f.call_as(Role::reader, "GET", "/v1/worklist");
  EXPECT_EQ(r.body.find("\"claim_id\":\"C1\""), std::string::npos);
  r = f.call_as(Role::reader, "GET", "/v1/worklist?status=resolved");
  EXPECT_NE(r.body.find("\"claim_id\":\"C1\""), std::string::npos);
  // Resolving again: the item is closed.
  r = f.call_as(Role::biller, "POST", "/v1/worklist/C1/resolve", R"({"note":"again"})", "application/json");
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("\"item_closed\""), std::string::npos);
}

TEST(ServiceWorklist, WriteOffAndAssign) {
  ServiceFixture f("svc-worklist-assign", pinned());
  seed(f);
  auto r = f.call_as(Role::biller, "POST", "/v1/worklist/C2/assign", R"({"to":"Dana","note":"call the payer"})",
                     "application/json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"status\":\"in_progress\""), std::string::npos);
  EXPECT_NE(r.body.find("\"owner\":\"Dana\""), std::string::npos);
  EXPECT_NE(r.body.find("\"event\":\"assigned\""), std::string::npos);
  r = f.call_as(Role::biller, "POST", "/v1/worklist/C2/resolve", R"({"note":"not worth it","write_off":true})",
                "application/json");
  EXPECT_NE(r.body.find("\"status\":\"written_off\""), std::string::npos) << r.body;
}

TEST(ServiceWorklist, AmbiguousAndUnknownClaims) {
  ServiceFixture f("svc-worklist-ambiguous", pinned());
  seed(f);
  auto r = f.call_as(Role::biller, "POST", "/v1/worklist/C3/resolve", R"({"note":"x"})", "application/json");
  EXPECT_EQ(r.status, 409);
  EXPECT_NE(r.body.find("\"ambiguous_claim\""), std::string::npos);
  r = f.call_as(Role::biller, "POST", "/v1/worklist/C3/resolve", R"({"note":"x","payer":"PAYER2"})", "application/json");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find("\"payer_id\":\"PAYER2\""), std::string::npos);
  r = f.call_as(Role::biller, "POST", "/v1/worklist/NOPE/assign", R"({"to":"Dana"})", "application/json");
  EXPECT_EQ(r.status, 404);
}

TEST(ServiceWorklist, MalformedBodies) {
  ServiceFixture f("svc-worklist-bodies", pinned());
  seed(f);
  struct Case {
    const char* path;
    std::string body;
    int status;
    const char* code;
  };
  const std::vector<Case> cases = {Case{"resolve", "", 400, "bad_json"}, Case{"resolve", "{not json", 400, "bad_json"},
                        Case{"resolve", "[1,2]", 400, "bad_json"}, Case{"resolve", "{}", 422, "invalid_field"},
                        Case{"resolve", R"({"note":"   "})", 422, "invalid_field"},
                        Case{"resolve", R"({"note":5})", 422, "invalid_field"},
                        Case{"resolve", R"({"note":"x","write_off":"yes"})", 422, "invalid_field"},
                        Case{"assign", R"({"note":"x"})", 422, "invalid_field"},
                        Case{"assign", R"({"to":")" + std::string(200, 'a') + R"("})", 422, "invalid_field"}};
  for (const Case& c : cases) {
    auto r = f.call_as(Role::biller, "POST", std::string("/v1/worklist/C1/") + c.path, c.body, "application/json");
    EXPECT_EQ(r.status, c.status) << c.path << " " << c.body << " -> " << r.body;
    EXPECT_NE(r.body.find(std::string("\"") + c.code + "\""), std::string::npos) << r.body;
  }
  // Nothing changed.
  auto r = f.call_as(Role::reader, "GET", "/v1/worklist?category=authorization");
  EXPECT_NE(r.body.find("\"status\":\"open\""), std::string::npos);
}

TEST(ServiceWorklist, MetricsCountOpenItems) {
  ServiceFixture f("svc-worklist-metrics", pinned());
  seed(f);
  auto r = f.call("GET", "/metrics");
  EXPECT_NE(r.body.find("clearhouse_worklist_open_items 4"), std::string::npos) << r.body;
}

}  // namespace
}  // namespace clearhouse::service
