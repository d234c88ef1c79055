// Statement renderers: JSON exactly as documented, HTML with the amounts and the words, and PDF
// (cairo + pango) that is a PDF with at least one page per statement whose text shows the amount
// due and each reason in words (read back with pdftotext, which scripts/install-deps.sh installs).
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "generators/statements/statement_html.hpp"
#include "generators/statements/statement_json.hpp"
#include "generators/statements/statement_pdf.hpp"
#include "generators/statements/statement_text.hpp"

namespace clearhouse::statements {
namespace {

using model::Money;

Money cents(std::int64_t c) { return Money::from_cents(c); }

model::PatientStatement statement() {
  model::PatientStatement s;
  s.account_number = "PA0123456789AB";
  s.guarantor.last = "DOE";
  s.guarantor.first = "JANE";
  s.guarantor.address = {"12 Elm St", "", "Springfield", "IL", "62701", ""};
  s.statement_date = {2026, 5, 15};
  s.due_date = {2026, 6, 5};
  s.statement_number = 2;
  s.previous_balance = cents(4600);
  s.new_charges = cents(2500);
  s.payments_received = cents(1000);
  s.amount_due = cents(6100);
  s.pending_insurance = cents(0);
  s.message = "This balance is now past due.";
  s.practice = {"Main Street Clinic", {"1 Main St", "Suite 2", "Springfield", "IL", "62701", ""}, "555-0100"};
  model::StatementVisit v;
  v.claim_id = "C1";
  v.date = {2026, 3, 1};
  v.patient_name = "JANE DOE";
  v.provider = "DR SMITH";
  v.services = {{"99213", "Office visit", {2026, 3, 1}, cents(20000)}, {"81002", "", {2026, 3, 1}, cents(1500)}};
  v.billed = cents(21500);
  v.payers = {{"ACME HEALTH", 1, cents(10400), cents(6500)}};
  v.insurance_adjustments = cents(6500);
  v.patient_share = cents(4600);
  v.patient_paid = cents(1000);
  v.owed = cents(3600);
  v.reasons = {{"PR", "1", "your deductible", cents(2000)}, {"PR", "2", "your coinsurance (20%)", cents(2600)}};
  s.visits.push_back(v);
  model::StatementVisit copay;
  copay.claim_id = "C2";
  copay.date = {2026, 4, 1};
  copay.patient_name = "TIM DOE";
  copay.provider = "DR JONES";
  copay.services = {{"99212", "", {2026, 4, 1}, cents(9000)}};
  copay.billed = cents(9000);
  copay.payers = {{"ACME HEALTH", 1, cents(5000), cents(1500)}};
  copay.insurance_adjustments = cents(1500);
  copay.patient_share = cents(2500);
  copay.owed = cents(2500);
  copay.reasons = {{"PR", "3", "your copay", cents(2500)}};
  s.visits.push_back(copay);
  return s;
}

model::PatientStatement credit() {
  model::PatientStatement s;
  s.account_number = "PA00000000CRED";
  s.guarantor.last = "ROE";
  s.guarantor.first = "AMY";
  s.statement_date = {2026, 5, 15};
  s.due_date = {2026, 6, 5};
  s.payments_received = cents(1200);
  s.new_charges = Money{};
  s.amount_due = cents(-1200);
  s.message = "Your account has a credit.";
  s.practice = {"Main Street Clinic", {}, "555-0100"};
  return s;
}

TEST(StatementText, MoneyDatesAndNames) {
  EXPECT_EQ(money_text(cents(0)), "$0.00");
  EXPECT_EQ(money_text(cents(5)), "$0.05");
  EXPECT_EQ(money_text(cents(123456789)), "$1,234,567.89");
  EXPECT_EQ(money_text(cents(-1200)), "-$12.00");
  EXPECT_EQ(money_text(cents(100000)), "$1,000.00");
  EXPECT_EQ(money_text(Money::from_cents(INT64_MIN)), "-$92,233,720,368,547,758.08");
  EXPECT_EQ(date_text({2026, 6, 5}), "06/05/2026");
  EXPECT_EQ(date_text({}), "");
  EXPECT_EQ(guarantor_name(statement().guarantor), "JANE DOE");
  EXPECT_EQ(address_lines(statement().practice.address),
            (std::vector<std::string>{"1 Main St", "Suite 2", "Springfield, IL 62701"}));
  EXPECT_EQ(service_text({"99213", "Office visit", {}, {}}), "99213 Office visit");
  EXPECT_EQ(service_text({"81002", "", {}, {}}), "81002");
  EXPECT_EQ(reasons_text(statement().visits[0].reasons), "your deductible $20.00; your coinsurance (20%) $26.00");
}

TEST(StatementJson, ExactlyAsDocumented) {
  const std::vector<model::PatientStatement> statements = {credit()};
  EXPECT_EQ(statements_json(statements),
            R"([{"guarantor":{"last":"ROE","first":"AMY","middle":"","suffix":"","address":{"line1":"","line2":"","city":"","state":"","postal_code":""}},)"
            R"("account":"PA00000000CRED","balance_cents":-1200,"in_credit":true,"statement_date":"2026-05-15","due_date":"2026-06-05",)"
            R"("statement_number":1,"previous_balance_cents":0,"new_charges_cents":0,"payments_received_cents":1200,"adjustments_cents":0,)"
            R"("pending_insurance_cents":0,"message":"Your account has a credit.",)"
            R"("practice":{"name":"Main Street Clinic","address":{"line1":"","line2":"","city":"","state":"","postal_code":""},"phone":"555-0100"},)"
            R"("claims":[]}])");
}

TEST(StatementJson, VisitsWithPayersAndReasons) {
  const std::vector<model::PatientStatement> statements = {statement()};
  const std::string json = statements_json(statements);
  EXPECT_NE(json.find(R"("account":"PA0123456789AB","balance_cents":6100,)"), std::string::npos) << json;
  EXPECT_NE(json.find(
                R"({"claim_id":"C1","date":"2026-03-01","patient":"JANE DOE","provider":"DR SMITH","services":[)"
                R"({"code":"99213","words":"Office visit","date":"2026-03-01","billed_cents":20000},)"
                R"({"code":"81002","words":"","date":"2026-03-01","billed_cents":1500}],"billed_cents":21500,)"
                R"("payers":[{"name":"ACME HEALTH","level":1,"paid_cents":10400,"adjusted_cents":6500}],)"
                R"("insurance_adjustments_cents":6500,"patient_share_cents":4600,"patient_paid_cents":1000,)"
                R"("patient_adjustments_cents":0,"owed_cents":3600,"pending_insurance":false,"reasons":[)"
                R"({"group":"PR","carc":"1","words":"your deductible","amount_cents":2000},)"
                R"j({"group":"PR","carc":"2","words":"your coinsurance (20%)","amount_cents":2600}]})j"),
            std::string::npos)
      << json;
  EXPECT_EQ(statements_json({}), "[]");
}

TEST(StatementHtml, ShowsTheAmountsTheWordsAndThePractice) {
  const std::vector<model::PatientStatement> statements = {statement(), credit()};
  const std::string html = statements_html(statements);
  EXPECT_TRUE(html.starts_with("<!DOCTYPE html>"));
  for (const char* text : {"$61.00", "06/05/2026", "your deductible: $20.00", "your coinsurance (20%): $26.00",
                           "your copay: $25.00", "99213 Office visit", "81002", "ACME HEALTH paid $104.00",
                           "Main Street Clinic", "Phone: 555-0100", "Springfield, IL 62701", "PA0123456789AB",
                           "Previous balance", "$46.00", "Payments received", "-$10.00", "Amount due",
                           "This balance is now past due.", "Credit on your account", "$12.00",
                           "Your account has a credit."})
    EXPECT_NE(html.find(text), std::string::npos) << text;
  // Self-contained and printable: no scripts or links, one page per statement.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("page-break-after:always"), std::string::npos);
  std::size_t sections = 0;
  for (auto at = html.find("<section class=\"statement\">"); at != std::string::npos;
       at = html.find("<section class=\"statement\">", at + 1))
    ++sections;
  EXPECT_EQ(sections, 2u);
}

TEST(StatementHtml, TextIsEscaped) {
  auto s = credit();
  s.guarantor.last = "<b>O'NEIL & SONS</b>";
  const std::string html = statements_html(std::vector<model::PatientStatement>{s});
  EXPECT_NE(html.find("&lt;b&gt;O&#39;NEIL &amp; SONS&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>O'NEIL"), std::string::npos);
}

std::string run(const std::string& command) {
  std::string out;
  if (std::FILE* p = popen(command.c_str(), "r")) {
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    pclose(p);
  }
  return out;
}

std::filesystem::path temp_pdf(const char* name) {
  return std::filesystem::temp_directory_path() / (std::string("clearhouse_") + name + "_" + std::to_string(::getpid()) + ".pdf");
}

int pages_of(const std::filesystem::path& pdf) {
  const std::string info = run("pdfinfo '" + pdf.string() + "' 2>/dev/null");
  const auto at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::atoi(info.c_str() + at + 6);
}

bool have_poppler() { return std::system("command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1") == 0; }

TEST(StatementPdf, IsAPdfWhoseTextShowsTheAmountDueAndEachReason) {
  std::string error;
  const auto pdf = statement_pdf(statement(), error);
  ASSERT_TRUE(pdf) << error;
  EXPECT_TRUE(pdf->starts_with("%PDF-"));
  EXPECT_NE(pdf->rfind("%%EOF"), std::string::npos);
  const auto path = temp_pdf("statement");
  ASSERT_TRUE(write_statement_pdf(statement(), path.string(), error)) << error;
  if (!have_poppler()) GTEST_SKIP() << "pdftotext/pdfinfo missing (poppler-utils, scripts/install-deps.sh)";
  EXPECT_EQ(pages_of(path), 1);
  std::string text = run("pdftotext -layout '" + path.string() + "' -");
  std::filesystem::remove(path);
  for (const char* expected : {"Amount due", "$61.00", "your deductible $20.00", "your coinsurance (20%) $26.00",
                               "your copay $25.00", "Main Street Clinic", "555-0100", "PA0123456789AB", "06/05/2026",
                               "99213 Office visit", "This balance is now past due."})
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
}

TEST(StatementPdf, ACreditStatementSaysSo) {
  const auto path = temp_pdf("credit");
  std::string error;
  ASSERT_TRUE(write_statement_pdf(credit(), path.string(), error)) << error;
  if (!have_poppler()) GTEST_SKIP() << "pdftotext missing";
  const std::string text = run("pdftotext '" + path.string() + "' -");
  std::filesystem::remove(path);
  EXPECT_NE(text.find("Credit on your account"), std::string::npos) << text;
  EXPECT_NE(text.find("$12.00"), std::string::npos) << text;
  EXPECT_EQ(text.find("Please pay"), std::string::npos) << text;
}

TEST(StatementPdf, ManyVisitsRunOntoMorePagesEachNumbered) {
  auto s = statement();
  const auto visit = s.visits[0];
  for (int i = 0; i < 60; ++i) s.visits.push_back(visit);
  const auto path = temp_pdf("long");
  std::string error;
  ASSERT_TRUE(write_statement_pdf(s, path.string(), error)) << error;
  if (!have_poppler()) GTEST_SKIP() << "pdfinfo missing";
  const int pages = pages_of(path);
  const std::string text = run("pdftotext '" + path.string() + "' -");
  std::filesystem::remove(path);
  EXPECT_GE(pages, 3);
  EXPECT_NE(text.find("page " + std::to_string(pages)), std::string::npos);
  EXPECT_NE(text.find("continued"), std::string::npos);
  EXPECT_NE(text.find("$61.00"), std::string::npos);  // the summary made it to the last page
}

TEST(StatementPdf, NamesThatAreNotUtf8AreReadAsLatin1) {
  auto s = credit();
  s.guarantor.last = "MU\xD1OZ";  // Latin-1 Ñ
  std::string error;
  const auto path = temp_pdf("latin1");
  ASSERT_TRUE(write_statement_pdf(s, path.string(), error)) << error;
  if (!have_poppler()) GTEST_SKIP() << "pdftotext missing";
  const std::string text = run("pdftotext '" + path.string() + "' -");
  std::filesystem::remove(path);
  EXPECT_NE(text.find("MU\xC3\x91OZ"), std::string::npos) << text;
}

TEST(StatementPdf, AnUnwritablePathIsAnError) {
  std::string error;
  EXPECT_FALSE(write_statement_pdf(credit(), "/nonexistent-dir/x.pdf", error));
  EXPECT_EQ(error, "cannot write /nonexistent-dir/x.pdf");
}

}  // namespace
}  // namespace clearhouse::statements
