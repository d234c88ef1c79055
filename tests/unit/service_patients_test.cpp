// The patient's share through the API, without sockets: the samples posted, then
// POST /v1/patient-payments with samples/patient-payments.csv (applied once, a credit opening a
// "refund due" item; the same file again changes nothing; a bad row is rejected with its line),
// GET /v1/statements (a preview as statements.json's array, or HTML; nothing recorded) and
// GET /v1/patients (accounts, amounts due, payments).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "engine/ledger/ledger.hpp"
#include "tests/support/service_fixture.hpp"

namespace clearhouse::service {
namespace {

using testing::ServiceFixture;

std::string sample(const char* name) { return testing::read_file(testing::source_dir() / "samples" / name); }

rapidjson::Document parse(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  EXPECT_FALSE(d.HasParseError()) << text;
  return d;
}

TEST(ServicePatients, PaymentsStatementsAndAccounts) {
  ServiceSettings s;
  s.as_of = model::Date{2024, 7, 1};
  ServiceFixture f("svc-patients", s);
  ASSERT_EQ(f.call_as(Role::uploader, "POST", "/v1/claims", sample("encounters.jsonl"), "application/x-ndjson").status, 200);
  ASSERT_EQ(f.call_as(Role::uploader, "POST", "/v1/remittances", sample("remittance.835"), "application/edi-x12").status, 200);

  auto r = f.call_as(Role::uploader, "POST", "/v1/patient-payments", sample("patient-payments.csv"), "text/csv");
  ASSERT_EQ(r.status, 200) << r.body;
  auto body = parse(r.body);
  EXPECT_EQ(std::string(body["status"].GetString()), "clean");
  EXPECT_EQ(body["applied"].GetInt(), 3);
  EXPECT_EQ(body["applied_cents"].GetInt64(), 12000);
  EXPECT_EQ(body["credited_cents"].GetInt64(), 820) << "SFM1003 left 41.80 to the patient and 50.00 came";
  ASSERT_EQ(body["refund_due"].Size(), 1u);

  r = f.call_as(Role::submitter, "POST", "/v1/patient-payments", sample("patient-payments.csv"), "text/plain");
  ASSERT_EQ(r.status, 200);
  body = parse(r.body);
  EXPECT_EQ(body["applied"].GetInt(), 0);
  EXPECT_EQ(body["duplicates"].GetInt(), 3);

  r = f.call_as(Role::uploader, "POST", "/v1/patient-payments", "2024-06-23,SFM1001,ten,cash,PP-0009\n", "text/csv");
  ASSERT_EQ(r.status, 200);
  body = parse(r.body);
  EXPECT_EQ(std::string(body["status"].GetString()), "needs_attention");
  ASSERT_EQ(body["rejections"].Size(), 1u);
  EXPECT_EQ(body["rejections"][0]["line"].GetInt(), 1);
  EXPECT_EQ(f.call_as(Role::uploader, "POST", "/v1/patient-payments", "", "text/csv").status, 422);

  r = f.call_as(Role::reader, "GET", "/v1/statements");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto statements = parse(r.body);
  ASSERT_TRUE(statements.IsArray());
  std::int64_t wilson = 0, garcia = 0;
  for (const auto& st : statements.GetArray()) {
    const std::string last = st["guarantor"]["last"].GetString();
    if (last == "WILSON") wilson = st["balance_cents"].GetInt64();
    if (last == "GARCIA") garcia = st["balance_cents"].GetInt64();
  }
  EXPECT_EQ(statements.Size(), 2u) << "the others owe nothing, or wait on insurance";
  EXPECT_EQ(wilson, 12400 - 5000) << "LKO2001's PR less the partial payment";
  EXPECT_EQ(garcia, -820) << "in credit, and says so";
  r = f.call_as(Role::reader, "GET", "/v1/statements?format=html&as_of=2024-07-01");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type.rfind("text/html", 0), 0u);
  EXPECT_NE(r.body.find("Amount due"), std::string::npos);
  EXPECT_EQ(f.call_as(Role::reader, "GET", "/v1/statements?format=pdf").status, 422);
  EXPECT_EQ(f.call_as(Role::reader, "GET", "/v1/statements?account=PA000000000000").status, 404);
  {
    auto ledger = ledger::open_ledger("sqlite:" + (f.dir / "ledger.db").string());
    EXPECT_EQ(ledger->connection().prepare("SELECT COUNT(*) FROM patient_statements")->single_int().value_or(-1), 0)
        << "a preview records no statement";
  }

  r = f.call_as(Role::reader, "GET", "/v1/patients");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto patients = parse(r.body);
  bool listed_payment = false;
  for (const auto& a : patients["accounts"].GetArray())
    for (const auto& p : a["payments"].GetArray())
      listed_payment = listed_payment || std::string(p["reference"].GetString()) == "PP-0002";
  EXPECT_TRUE(listed_payment);
  // Any account's statement is viewable, due or not (the page's patients view).
  const std::string first = patients["accounts"][0]["account"].GetString();
  r = f.call_as(Role::reader, "GET", "/v1/statements?format=html&account=" + first);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_NE(r.body.find(first), std::string::npos);
  EXPECT_EQ(f.call("GET", "/v1/patients").status, 401);
}

}  // namespace
}  // namespace clearhouse::service
