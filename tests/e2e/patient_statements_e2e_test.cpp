// The patient's share end to end (issue 15), on encounters written here. Four guarantors:
//   ADAMS RUTH   PS1 (deductible 50.00, coinsurance 14.00, copay 20.00) and PS2 (no 835 yet)
//   BAKER JOHN   PS3 (copay 25.00), paid exactly by the patient
//   CLARK ANN    PS4 (deductible 40.00), overpaid by the patient (60.00): a credit, "refund due"
//   JOHNSON WALTER  PS5: Medicare (coinsurance 40.00), then `clearhouse secondary` and the
//                   Medigap plan's 835, which leaves the patient 10.00
// An 835 posts; patient payments are imported (one partial, one exact, one duplicate line);
// `statements --format json` balances to the cent (PR of the adjudicated claims minus payments);
// the account owing nothing gets no statement; the unadjudicated claim shows pending insurance;
// the same payments file again changes nothing; PS5 bills only what the secondary left; a
// second run in the cycle writes nothing; `--format pdf` writes PDFs whose text shows the amount
// due and each reason in words; an overpayment opens "refund due"; a bad CSV row is rejected
// with its line number.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "engine/ledger/ledger.hpp"
#include "engine/model/patient_account.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

namespace fs = std::filesystem;

std::string db_url(const fs::path& dir) { return "sqlite:" + (dir / "ledger.db").string(); }

std::int64_t query_int(const fs::path& dir, const std::string& sql) {
  auto ledger = ledger::open_ledger(db_url(dir));
  return ledger->connection().prepare(sql)->single_int().value_or(-1);
}

// Every row of a query, its columns joined by '|', rows by '\n'.
std::string dump(const fs::path& dir, const std::string& sql, int columns) {
  auto ledger = ledger::open_ledger(db_url(dir));
  auto q = ledger->connection().prepare(sql);
  std::string out;
  while (q->step()) {
    for (int i = 0; i < columns; ++i) out += q->column_text(i) + (i + 1 < columns ? "|" : "\n");
  }
  return out;
}

// What the patient's share is in the ledger (timestamps left out).
std::string patient_ledger(const fs::path& dir) {
  return dump(dir,
              "SELECT claim_id, account_number, entry_date, source, amount_cents, reference, payer_id FROM "
              "patient_share_entries ORDER BY id",
              7) +
         dump(dir,
              "SELECT reference, account_number, claim_id, payment_date, amount_cents, method, applications FROM "
              "patient_payments ORDER BY id",
              7) +
         dump(dir, "SELECT account_number, guarantor_key FROM patient_accounts ORDER BY id", 2) +
         dump(dir, "SELECT claim_id, account_id FROM patient_account_claims ORDER BY claim_id", 2) +
         dump(dir, "SELECT payer_id, claim_id, category, status, amount_cents FROM worklist_items ORDER BY id", 5) +
         dump(dir, "SELECT item_id, rule, amount_cents, is_open FROM worklist_findings ORDER BY id", 4);
}

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  EXPECT_FALSE(d.HasParseError()) << text;
  return d;
}

struct Line {
  std::string code, charge, date;
};

std::string encounter(const std::string& id, const std::string& last, const std::string& first,
                      const std::string& member_id, const std::string& payer_name, const std::string& payer_id,
                      const std::vector<Line>& lines, const std::string& other_coverage = "") {
  std::string service_lines, total_text;
  std::int64_t total = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& l = lines[i];
    const auto dot = l.charge.find('.');
    total += std::stoll(l.charge.substr(0, dot)) * 100 + (dot == std::string::npos ? 0 : std::stoll(l.charge.substr(dot + 1)));
    service_lines += fmt::format(
        R"({}{{"line":{},"procedure_code":"{}","modifiers":[],"units":1,"unit_code":"UN","charge":"{}","date":"{}","diagnosis_pointers":[1],"line_control_number":"{}-{}"}})",
        i == 0 ? "" : ",", i + 1, l.code, l.charge, l.date, id, i + 1);
  }
  total_text = fmt::format("{}.{:02}", total / 100, total % 100);
  return fmt::format(
      R"({{"claim_id":"{0}","frequency_code":"1","place_of_service":"11","total_charge":"{1}","payer":{{"name":"{2}","id":"{3}","claim_filing_indicator":"{4}"}},"billing_provider":{{"name":"RIVERSIDE FAMILY PRACTICE","npi":"1234567893","tax_id":"123456789","taxonomy":"207Q00000X","address":{{"line1":"200 RIVER RD","city":"SPRINGFIELD","state":"IL","zip":"627041234"}}}},"subscriber":{{"last":"{5}","first":"{6}","dob":"1960-02-11","gender":"F","member_id":"{7}","address":{{"line1":"12 OAK AVE","city":"SPRINGFIELD","state":"IL","zip":"627031111"}},"payer_responsibility":"P"}},"patient":{{"relationship":"18"}},{8}"diagnoses":["Z00.00"],"service_lines":[{9}]}})",
      id, total_text, payer_name, payer_id, payer_id == "15202" ? "MB" : "CI", last, first, member_id, other_coverage,
      service_lines);
}

struct PaidClaim {
  std::string clp;
  std::vector<std::vector<std::string>> lines;  // SVC first, then its CAS and REF*6R
};

std::string remittance(const std::string& payer_name, const std::string& payer_id, const std::string& trace,
                       const std::string& total, const std::string& date, const std::vector<PaidClaim>& claims) {
  std::string body;
  int segments = 0;
  auto seg = [&](const std::string& s) {
    body += s + "~\n";
    ++segments;
  };
  seg("ST*835*0001*005010X221A1");
  seg(fmt::format("BPR*I*{}*C*ACH*CCP*01*071000013*DA*4403399102*1152020003**01*071923284*DA*2207766104*{}", total, date));
  seg(fmt::format("TRN*1*{}*1152020003", trace));
  seg(fmt::format("N1*PR*{}", payer_name));
  seg("N3*PO BOX 1200");
  seg("N4*SPRINGFIELD*IL*627011200");
  seg("REF*2U*" + payer_id);
  seg("PER*BL*EDI SUPPORT*TE*8005550199");
  seg("N1*PE*RIVERSIDE FAMILY PRACTICE*XX*1234567893");
  seg("REF*TJ*123456789");
  seg("LX*1");
  for (const auto& c : claims) {
    seg(c.clp);
    seg("NM1*QC*1*PATIENT*A****MI*X1");
    seg("DTM*232*20240509");
    for (const auto& l : c.lines) {
      seg(l.front());
      seg("DTM*472*20240509");
      for (std::size_t i = 1; i < l.size(); ++i) seg(l[i]);
    }
  }
  seg(fmt::format("SE*{}*0001", segments + 1));
  return fmt::format("ISA*00*          *00*          *ZZ*PAYER{:<10}*ZZ*CLEARHOUSE     *240607*1200*^*00501*000000{}*0*P*:~\n"
                     "GS*HP*PAYER*CLEARHOUSE*{}*1200*{}*X*005010X221A1~\n",
                     payer_id.substr(0, 5), trace.substr(trace.size() - 3), date, trace.substr(trace.size() - 3)) +
         body + fmt::format("GE*1*{0}~\nIEA*1*000000{0}~\n", trace.substr(trace.size() - 3));
}

std::string run_text(const std::string& command) {
  std::string out;
  if (FILE* p = popen(command.c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  return out;
}

const rapidjson::Value* statement_of(const rapidjson::Document& statements, const std::string& last) {
  for (const auto& s : statements.GetArray())
    if (std::string(s["guarantor"]["last"].GetString()) == last) return &s;
  return nullptr;
}

TEST(PatientStatementsE2E, BalancesToTheCentFromRemittanceToStatement) {
  const auto dir = scratch_dir("patient_statements_e2e");
  const std::string medigap =
      R"("other_coverage":[{"payer":{"name":"LIBERTY MEDIGAP","id":"38217","claim_filing_indicator":"CI"},"subscriber":{"last":"JOHNSON","first":"WALTER","member_id":"LMG55501234","group_name":"MEDIGAP PLAN G","payer_responsibility":"S"},"relationship":"18"}],)";
  write_file(dir / "encounters.jsonl",
             encounter("PS1", "ADAMS", "RUTH", "M1001", "ACME HEALTH PLAN", "60054",
                       {{"99213", "150.00", "2024-05-09"}, {"85025", "50.00", "2024-05-09"}}) + "\n" +
                 encounter("PS2", "ADAMS", "RUTH", "M1001", "ACME HEALTH PLAN", "60054", {{"99212", "90.00", "2024-05-20"}}) +
                 "\n" +
                 encounter("PS3", "BAKER", "JOHN", "M2002", "ACME HEALTH PLAN", "60054", {{"99212", "100.00", "2024-05-09"}}) +
                 "\n" +
                 encounter("PS4", "CLARK", "ANN", "M3003", "ACME HEALTH PLAN", "60054", {{"99213", "150.00", "2024-05-09"}}) +
                 "\n" +
                 encounter("PS5", "JOHNSON", "WALTER", "1EG4TE5MK72", "MEDICARE PART B", "15202",
                           {{"G0439", "240.00", "2024-05-09"}, {"93000", "65.00", "2024-05-09"}}, medigap) +
                 "\n");
  auto r = run_clearhouse({"submit", (dir / "encounters.jsonl").string(), "--out", (dir / "out").string(), "--db",
                           db_url(dir)});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;

  // The primary payer's 835: deductible, coinsurance and copay; PS2 is not in it.
  write_file(dir / "acme.835",
             remittance("ACME HEALTH PLAN", "60054", "ACM0000101", "201", "20240607",
                        {{"CLP*PS1*1*200*76*84*12*ACMPS1*11*1",
                          {{"SVC*HC:99213*150*56**1", "CAS*CO*45*30", "CAS*PR*1*50**2*14", "REF*6R*PS1-1"},
                           {"SVC*HC:85025*50*20**1", "CAS*CO*45*10", "CAS*PR*3*20", "REF*6R*PS1-2"}}},
                         {"CLP*PS3*1*100*55*25*12*ACMPS3*11*1",
                          {{"SVC*HC:99212*100*55**1", "CAS*CO*45*20", "CAS*PR*3*25", "REF*6R*PS3-1"}}},
                         {"CLP*PS4*1*150*70*40*12*ACMPS4*11*1",
                          {{"SVC*HC:99213*150*70**1", "CAS*CO*45*40", "CAS*PR*1*40", "REF*6R*PS4-1"}}}}));
  r = run_clearhouse({"post", (dir / "acme.835").string(), "--db", db_url(dir)});
  ASSERT_NE(r.exit_code, 2) << r.out << r.err;
  // Posting wrote each claim's share as a remittance entry, in its transaction.
  EXPECT_EQ(query_int(dir, "SELECT SUM(amount_cents) FROM patient_share_entries WHERE source = 'remittance'"),
            8400 + 2500 + 4000);

  // Medicare, then the Medigap plan through `clearhouse secondary`.
  write_file(dir / "medicare.835",
             remittance("MEDICARE PART B", "15202", "MCR0000101", "170.52", "20240607",
                        {{"CLP*PS5*1*305*170.52*40*MB*MCRPS5*11*1",
                          {{"SVC*HC:G0439*240*170.52**1", "CAS*CO*45*26**253*3.48", "CAS*PR*2*40", "REF*6R*PS5-1"},
                           {"SVC*HC:93000*65*0**1", "CAS*CO*97*65", "REF*6R*PS5-2"}}}}));
  r = run_clearhouse({"post", (dir / "medicare.835").string(), "--db", db_url(dir)});
  ASSERT_NE(r.exit_code, 2) << r.out << r.err;
  r = run_clearhouse({"secondary", "--out", (dir / "cob").string(), "--db", db_url(dir), "--as-of", "2024-06-10"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto cob = parse_json(r.out);
  EXPECT_EQ(cob["sent"].GetUint64(), 1u) << r.out;
  write_file(dir / "medigap.835",
             remittance("LIBERTY MEDIGAP", "38217", "LMG0000201", "30", "20240620",
                        {{"CLP*PS5*1*305*30*10*CI*LMGPS5*11*1",
                          {{"SVC*HC:G0439*240*30**1", "CAS*OA*23*170.52", "CAS*CO*45*29.48", "CAS*PR*2*10", "REF*6R*PS5-1"},
                           {"SVC*HC:93000*65*0**1", "CAS*CO*97*65", "REF*6R*PS5-2"}}}}));
  r = run_clearhouse({"post", (dir / "medigap.835").string(), "--db", db_url(dir)});
  ASSERT_NE(r.exit_code, 2) << r.out << r.err;
  // The secondary's share replaces the primary's: an entry of the difference.
  EXPECT_EQ(query_int(dir, "SELECT SUM(amount_cents) FROM patient_share_entries WHERE claim_id = 'PS5'"), 1000);

  // Patient payments: a partial one, an exact one, and the partial one's line again.
  write_file(dir / "payments.csv",
             "date,claim_id,amount,method,reference\n"
             "2024-06-15,PS1,30.00,check,R-1001\n"
             "2024-06-15,PS3,25.00,card,R-1002\n"
             "2024-06-15,PS1,30.00,check,R-1001\n");
  r = run_clearhouse({"patient-payments", (dir / "payments.csv").string(), "--db", db_url(dir), "--as-of", "2024-06-15"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  {
    const auto s = parse_json(r.out);
    EXPECT_EQ(s["rows"].GetInt(), 3);
    EXPECT_EQ(s["applied"].GetInt(), 2);
    EXPECT_EQ(s["duplicates"].GetInt(), 1);
    EXPECT_EQ(s["rejected"].GetInt(), 0);
    EXPECT_EQ(s["applied_cents"].GetInt64(), 5500);
  }
  const std::string before_again = patient_ledger(dir);
  r = run_clearhouse({"patient-payments", (dir / "payments.csv").string(), "--db", db_url(dir), "--as-of", "2024-06-15"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(parse_json(r.out)["duplicates"].GetInt(), 3);
  EXPECT_EQ(patient_ledger(dir), before_again) << "importing the same file again changes nothing";

  // An overpayment, an unknown claim and an amount that is not money.
  write_file(dir / "more.csv",
             "2024-06-16,PS4,60.00,cash,R-2001\n"
             "\n"
             "2024-06-16,PS9,10.00,cash,R-2002\n"
             "2024-06-16,PS1,12.3x,check,R-2003\n");
  r = run_clearhouse({"patient-payments", (dir / "more.csv").string(), "--db", db_url(dir), "--as-of", "2024-06-16"});
  EXPECT_EQ(r.exit_code, 1) << "rows were rejected: " << r.out << r.err;
  std::string clark;
  {
    const auto s = parse_json(r.out);
    EXPECT_EQ(s["applied"].GetInt(), 1);
    EXPECT_EQ(s["credited_cents"].GetInt64(), 2000);
    ASSERT_EQ(s["rejections"].Size(), 2u) << r.out;
    EXPECT_EQ(s["rejections"][0]["line"].GetInt(), 3);
    EXPECT_NE(std::string(s["rejections"][0]["message"].GetString()).find("unknown claim"), std::string::npos);
    EXPECT_EQ(s["rejections"][1]["line"].GetInt(), 4);
    EXPECT_NE(std::string(s["rejections"][1]["message"].GetString()).find("not money"), std::string::npos);
    ASSERT_EQ(s["refund_due"].Size(), 1u);
    clark = s["refund_due"][0].GetString();
  }
  EXPECT_EQ(query_int(dir, fmt::format("SELECT COUNT(*) FROM worklist_items WHERE payer_id = 'patient' AND claim_id = '{}' "
                                       "AND category = 'patient_refund' AND status = 'open' AND amount_cents = 2000",
                                       clark)),
            1)
      << "a \"refund due\" item keyed by the account";
  // No PHI in what the run printed on stderr.
  EXPECT_EQ(r.err.find("CLARK"), std::string::npos) << r.err;

  // Statements as JSON.
  r = run_clearhouse({"statements", "--out", (dir / "json").string(), "--format", "json", "--db", db_url(dir), "--as-of",
                      "2024-07-01"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(r.out.find("ADAMS"), std::string::npos) << "the summary carries no names";
  const auto statements = parse_json(read_file(dir / "json" / "statements.json"));
  ASSERT_TRUE(statements.IsArray());
  EXPECT_EQ(statements.Size(), 3u) << "BAKER owes nothing: no statement";
  EXPECT_EQ(statement_of(statements, "BAKER"), nullptr);
  const auto* adams = statement_of(statements, "ADAMS");
  const auto* clark_st = statement_of(statements, "CLARK");
  const auto* johnson = statement_of(statements, "JOHNSON");
  ASSERT_TRUE(adams && clark_st && johnson);
  EXPECT_EQ((*adams)["balance_cents"].GetInt64(), 8400 - 3000);
  EXPECT_EQ((*clark_st)["balance_cents"].GetInt64(), -2000);
  EXPECT_TRUE((*clark_st)["in_credit"].GetBool());
  EXPECT_EQ((*johnson)["balance_cents"].GetInt64(), 1000) << "only what the secondary left";
  EXPECT_EQ(std::string((*adams)["guarantor"]["address"]["line1"].GetString()), "12 OAK AVE");
  // ADAMS's second visit has no 835: pending insurance, not in the amount due.
  bool ps2_pending = false, ps1_due = false;
  for (const auto& c : (*adams)["claims"].GetArray()) {
    const std::string id = c["claim_id"].GetString();
    if (id == "PS2") ps2_pending = c["pending_insurance"].GetBool();
    if (id == "PS1") {
      ps1_due = !c["pending_insurance"].GetBool() && c["owed_cents"].GetInt64() == 5400;
      std::map<std::string, std::int64_t> reasons;
      for (const auto& reason : c["reasons"].GetArray()) reasons[reason["carc"].GetString()] = reason["amount_cents"].GetInt64();
      EXPECT_EQ(reasons, (std::map<std::string, std::int64_t>{{"1", 5000}, {"2", 1400}, {"3", 2000}}));
    }
  }
  EXPECT_TRUE(ps2_pending);
  EXPECT_TRUE(ps1_due);
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM patient_statements"), 3);

  // A second run in the same cycle writes nothing new.
  r = run_clearhouse({"statements", "--out", (dir / "json2").string(), "--format", "json", "--db", db_url(dir), "--as-of",
                      "2024-07-01"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_EQ(parse_json(r.out)["sent"].GetUint64(), 0u) << r.out;
  EXPECT_FALSE(fs::exists(dir / "json2" / "statements.json"));
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM patient_statements"), 3);

  // The report: patient AR apart from the payers', statements sent.
  r = run_clearhouse({"report", "--db", db_url(dir), "--as-of", "2024-07-01"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  {
    const auto report = parse_json(r.out);
    const auto& patient = report["patient"];
    EXPECT_EQ(patient["ar_total_cents"].GetInt64(), 5400 + 1000);
    EXPECT_EQ(patient["accounts_owing"].GetUint64(), 2u);
    EXPECT_EQ(patient["claims_pending_insurance"].GetUint64(), 1u) << "PS2";
    EXPECT_EQ(patient["accounts_in_credit"].GetUint64(), 1u);
    EXPECT_EQ(patient["credits_cents"].GetInt64(), 2000);
    EXPECT_EQ(patient["statements_sent"].GetUint64(), 3u);
    std::int64_t aged = 0;
    for (const auto& b : patient["ar_aging"].GetArray()) aged += b["amount_cents"].GetInt64();
    EXPECT_EQ(aged, 6400);
    EXPECT_NE(report["ar_total_cents"].GetInt64(), 6400) << "the payers' AR is its own";
  }
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM patient_statements"), 3) << "the report wrote nothing";

  // The next cycle, as PDF: one valid PDF per account, the amount due and each reason in words.
  r = run_clearhouse({"statements", "--out", (dir / "pdf").string(), "--format", "pdf", "--db", db_url(dir), "--as-of",
                      "2024-08-05"});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::vector<fs::path> pdfs;
  for (const auto& e : fs::directory_iterator(dir / "pdf"))
    if (e.path().extension() == ".pdf") pdfs.push_back(e.path());
  ASSERT_EQ(pdfs.size(), 3u);
  for (const auto& p : pdfs) EXPECT_EQ(read_file(p).rfind("%PDF-", 0), 0u) << p;
  if (std::system("command -v pdftotext >/dev/null 2>&1") != 0) GTEST_SKIP() << "pdftotext missing (poppler-utils)";
  std::string adams_text;
  for (const auto& p : pdfs) {
    const std::string text = run_text("pdftotext -layout '" + p.string() + "' -");
    if (text.find("ADAMS") != std::string::npos) adams_text = text;
  }
  for (const char* expected : {"Amount due", "$54.00", "your deductible", "your coinsurance", "your copay",
                               "RIVERSIDE FAMILY PRACTICE", "Waiting for your insurance to decide"})
    EXPECT_NE(adams_text.find(expected), std::string::npos) << expected << "\n" << adams_text;
}

// Dunning and collections: statements keep going out each cycle while a balance is owed; from
// the second on they carry the message for the balance's age, and after the configured number
// (rules.json collections_after_statements, 4) a "send to collections" item opens for the account.
TEST(PatientStatementsE2E, AfterFourStatementsAnOwingAccountGoesToCollections) {
  const auto dir = scratch_dir("patient_statements_collections_e2e");
  write_file(dir / "encounters.jsonl",
             encounter("PD1", "EVANS", "MARK", "M4004", "ACME HEALTH PLAN", "60054", {{"99213", "150.00", "2024-05-09"}}) +
                 "\n");
  auto r = run_clearhouse({"submit", (dir / "encounters.jsonl").string(), "--out", (dir / "out").string(), "--db",
                           db_url(dir)});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  write_file(dir / "acme.835",
             remittance("ACME HEALTH PLAN", "60054", "ACM0000301", "70", "20240607",
                        {{"CLP*PD1*1*150*70*40*12*ACMPD1*11*1",
                          {{"SVC*HC:99213*150*70**1", "CAS*CO*45*40", "CAS*PR*1*40", "REF*6R*PD1-1"}}}}));
  r = run_clearhouse({"post", (dir / "acme.835").string(), "--db", db_url(dir)});
  ASSERT_NE(r.exit_code, 2) << r.out << r.err;
  const char* cycles[] = {"2024-07-01", "2024-08-01", "2024-09-01", "2024-10-01", "2024-11-01"};
  for (int i = 0; i < 5; ++i) {
    const auto out = dir / ("cycle" + std::to_string(i));
    r = run_clearhouse({"statements", "--out", out.string(), "--format", "json", "--db", db_url(dir), "--as-of", cycles[i]});
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    const auto statements = parse_json(read_file(out / "statements.json"));
    ASSERT_EQ(statements.Size(), 1u) << cycles[i];
    EXPECT_EQ(statements[0]["statement_number"].GetInt(), i + 1);
    EXPECT_EQ(statements[0]["balance_cents"].GetInt64(), 4000);
    const std::string message = statements[0]["message"].GetString();
    if (i == 0) {
      EXPECT_EQ(message, "") << "no dunning on the first statement";
    } else if (i == 1) {
      EXPECT_NE(message.find("past due"), std::string::npos) << message;  // 55 days
    } else if (i == 3) {
      EXPECT_NE(message.find("Final notice"), std::string::npos) << message;  // 116 days
    }
    EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM worklist_items WHERE payer_id = 'patient' AND category = 'patient_collections'"),
              i == 4 ? 1 : 0)
        << cycles[i];
  }
}

// Two guarantors whose keys hash to the same account number are never merged: the second is
// refused (counted), its claim gets no account, and a payment naming it is rejected.
TEST(PatientStatementsE2E, AnAccountNumberCollisionIsRefusedNotMerged) {
  const auto dir = scratch_dir("patient_statements_collision_e2e");
  write_file(dir / "encounters.jsonl",
             encounter("PC1", "FOSTER", "LEE", "M5005", "ACME HEALTH PLAN", "60054", {{"99213", "150.00", "2024-05-09"}}) +
                 "\n");
  auto r = run_clearhouse({"submit", (dir / "encounters.jsonl").string(), "--out", (dir / "out").string(), "--db",
                           db_url(dir)});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  // Another guarantor already holds the number FOSTER's key hashes to (as a real collision would).
  const std::string number = model::account_number_for_key(model::guarantor_key("FOSTER", "LEE", "M5005"));
  {
    auto ledger = ledger::open_ledger(db_url(dir));
    auto q = ledger->connection().prepare(
        "INSERT INTO patient_accounts (account_number, guarantor_key, guarantor_last, guarantor_first, guarantor_middle, "
        "guarantor_suffix, member_id, birth_date, address_line1, address_line2, city, state, postal_code, practice_name, "
        "practice_line1, practice_line2, practice_city, practice_state, practice_postal_code, created_at) VALUES (?, "
        "'OTHER|GUARANTOR|X1', 'OTHER', 'GUARANTOR', '', '', 'X1', '', '', '', '', '', '', '', '', '', '', '', '', '')");
    q->bind(1, number);
    q->run();
  }
  write_file(dir / "payments.csv", "2024-06-15,PC1,10.00,cash,R-3001\n");
  r = run_clearhouse({"patient-payments", (dir / "payments.csv").string(), "--db", db_url(dir)});
  EXPECT_EQ(r.exit_code, 1) << r.out;
  const auto s = parse_json(r.out);
  EXPECT_EQ(s["accounts_refused"].GetUint64(), 1u) << r.out;
  EXPECT_EQ(s["rejections"][0]["line"].GetInt(), 1);
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM patient_account_claims"), 0) << "not merged into the other account";
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM patient_accounts"), 1);
}

}  // namespace
}  // namespace clearhouse::testing
