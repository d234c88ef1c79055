// `clearhouse secondary` end to end, on encounters written here: two Medicare claims naming a
// Medigap plan as the next payer and one without other coverage are submitted; Medicare's 835
// pays the first, crosses the second over to the Medigap plan itself (CLP02 19, NM1*TT) and
// pays the third. Then `secondary` writes one 837P for the Medigap plan with exactly the first
// claim: 2000B SBR*S for the Medigap subscriber, 2320 AMT*D = Medicare's CLP04, 2430 SVD/CAS
// equal to Medicare's SVC/CAS line by line; a second run writes nothing; the crossover claim is
// not sent and its history says why. The Medigap plan's 835 posts matched to its own claim
// (payer level S), with no duplicate-payment or underpayment finding even against a fee
// schedule; the report and the claim's detail are right to the cent.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>

#include "engine/ledger/ledger.hpp"
#include "engine/rules/rules_config.hpp"
#include "engine/service/claim_detail.hpp"
#include "generators/render/json_writer.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

namespace fs = std::filesystem;

std::string db_url(const fs::path& dir) { return "sqlite:" + (dir / "ledger.db").string(); }

std::int64_t query_int(const fs::path& dir, const std::string& sql) {
  auto ledger = ledger::open_ledger(db_url(dir));
  return ledger->connection().prepare(sql)->single_int().value_or(-1);
}

std::string query_text(const fs::path& dir, const std::string& sql) {
  auto ledger = ledger::open_ledger(db_url(dir));
  auto q = ledger->connection().prepare(sql);
  return q->step() ? q->column_text(0) : std::string("<none>");
}

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  EXPECT_FALSE(d.HasParseError()) << text;
  return d;
}

std::vector<std::vector<std::string>> segments_of(const std::string& text) {
  std::vector<std::vector<std::string>> out;
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('~', at);
    if (end == std::string::npos) end = text.size();
    std::string seg = text.substr(at, end - at);
    at = end + 1;
    while (!seg.empty() && (seg.front() == '\n' || seg.front() == '\r')) seg.erase(0, 1);
    if (seg.empty()) continue;
    std::vector<std::string> e;
    std::size_t s = 0;
    for (;;) {
      const auto star = seg.find('*', s);
      e.push_back(seg.substr(s, star == std::string::npos ? std::string::npos : star - s));
      if (star == std::string::npos) break;
      s = star + 1;
    }
    out.push_back(std::move(e));
  }
  return out;
}

std::string encounter(const std::string& id, bool with_medigap) {
  const std::string other =
      with_medigap ? R"("other_coverage":[{"payer":{"name":"LIBERTY MEDIGAP","id":"38217","claim_filing_indicator":"CI"},"subscriber":{"last":"JOHNSON","first":"WALTER","member_id":"LMG55501234","group_name":"MEDIGAP PLAN G","payer_responsibility":"S"},"relationship":"18"}],)"
                   : "";
  return fmt::format(
      R"({{"claim_id":"{0}","frequency_code":"1","place_of_service":"11","total_charge":"305.00","payer":{{"name":"MEDICARE PART B","id":"15202","claim_filing_indicator":"MB"}},"billing_provider":{{"name":"SUMMIT FAMILY MEDICINE","npi":"1234567893","tax_id":"123456789","taxonomy":"207Q00000X","address":{{"line1":"100 MAIN ST","city":"SPRINGFIELD","state":"IL","zip":"627041234"}}}},"subscriber":{{"last":"JOHNSON","first":"WALTER","dob":"1950-07-21","gender":"M","member_id":"1EG4TE5MK72","address":{{"line1":"7 ELM ST","city":"SPRINGFIELD","state":"IL","zip":"627031111"}},"payer_responsibility":"P"}},"patient":{{"relationship":"18"}},{1}"diagnoses":["Z00.00","I10"],"service_lines":[{{"line":1,"procedure_code":"G0439","modifiers":[],"units":1,"unit_code":"UN","charge":"240.00","date":"2024-05-09","diagnosis_pointers":[1,2],"line_control_number":"{0}-1"}},{{"line":2,"procedure_code":"93000","modifiers":[],"units":1,"unit_code":"UN","charge":"65.00","date":"2024-05-09","diagnosis_pointers":[2],"line_control_number":"{0}-2"}}]}})",
      id, other);
}

// An 835 of one payer: the claims as (CLP, extra claim segments, lines as (SVC, CAS...)).
struct PaidClaim {
  std::string clp;
  std::vector<std::string> claim_segments;
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
  seg("N1*PE*SUMMIT FAMILY MEDICINE*XX*1234567893");
  seg("REF*TJ*123456789");
  seg("LX*1");
  for (const auto& c : claims) {
    seg(c.clp);
    seg("NM1*QC*1*JOHNSON*WALTER****MI*1EG4TE5MK72");
    for (const auto& s : c.claim_segments) seg(s);
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

std::vector<std::string> medicare_lines(const std::string& id, int which) {
  if (which == 1) return {"SVC*HC:G0439*240*170.52**1", "CAS*CO*45*26**253*3.48", "CAS*PR*2*40", "REF*6R*" + id + "-1"};
  return {"SVC*HC:93000*65*0**1", "CAS*CO*97*65", "REF*6R*" + id + "-2"};
}

struct Run {
  rapidjson::Document summary;
  std::vector<fs::path> files;
  int exit_code = -1;
};

Run secondary(const fs::path& dir, const std::string& out) {
  Run r;
  const auto result =
      run_clearhouse({"secondary", "--out", (dir / out).string(), "--db", db_url(dir), "--as-of", "2100-01-01"});
  r.exit_code = result.exit_code;
  EXPECT_EQ(result.exit_code, 0) << result.out << result.err;
  r.summary = parse_json(result.out);
  if (fs::exists(dir / out))
    for (const auto& entry : fs::directory_iterator(dir / out))
      if (entry.path().extension() == ".837") r.files.push_back(entry.path());
  return r;
}

TEST(SecondaryE2E, NextPayersClaimCarriesThePrimarysAdjudicationAndItsRemittancePosts) {
  const auto dir = scratch_dir("secondary_e2e");
  write_file(dir / "encounters.jsonl",
             encounter("COB1", true) + "\n" + encounter("COB2", true) + "\n" + encounter("COB3", false) + "\n");
  auto r = run_clearhouse({"submit", (dir / "encounters.jsonl").string(), "--out", (dir / "out").string(), "--db",
                           db_url(dir)});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  // Only the claims naming other coverage are kept whole; every claim records its payer level.
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM claim_renderings"), 2);
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM claims WHERE payer_level = 'P'"), 3);

  // Nothing is due before Medicare's 835 posts.
  auto early = secondary(dir, "early");
  EXPECT_EQ(early.summary["candidates"].GetUint64(), 0u);
  EXPECT_TRUE(early.files.empty());

  const auto medicare = remittance(
      "MEDICARE PART B", "15202", "MCR0000101", "511.56", "20240607",
      {{"CLP*COB1*1*305*170.52*40*MB*MCRCOB1*11*1", {}, {medicare_lines("COB1", 1), medicare_lines("COB1", 2)}},
       {"CLP*COB2*19*305*170.52*40*MB*MCRCOB2*11*1", {"NM1*TT*2*LIBERTY MEDIGAP*****PI*38217"},
        {medicare_lines("COB2", 1), medicare_lines("COB2", 2)}},
       {"CLP*COB3*1*305*170.52*40*MB*MCRCOB3*11*1", {}, {medicare_lines("COB3", 1), medicare_lines("COB3", 2)}}});
  write_file(dir / "medicare.835", medicare);
  r = run_clearhouse({"post", (dir / "medicare.835").string(), "--db", db_url(dir)});
  ASSERT_NE(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM claim_payments WHERE claim_row IS NOT NULL"), 3);
  // The payer's CAS triples are kept exactly, claim by claim and line by line.
  EXPECT_EQ(query_text(dir, "SELECT l.adjustments FROM line_payments l JOIN claim_payments p ON p.id = l.claim_payment_id "
                            "WHERE p.claim_id = 'COB1' AND l.line_number = 1"),
            "CO,45,2600,;CO,253,348,;PR,2,4000,");
  EXPECT_EQ(query_text(dir, "SELECT crossover_payer FROM claim_payments WHERE claim_id = 'COB2'"), "LIBERTY MEDIGAP");

  auto first = secondary(dir, "cob");
  EXPECT_EQ(first.summary["candidates"].GetUint64(), 2u);
  EXPECT_EQ(first.summary["sent"].GetUint64(), 1u);
  EXPECT_EQ(first.summary["forwarded"].GetUint64(), 1u);
  ASSERT_EQ(first.files.size(), 1u) << "one 837P per next payer";
  EXPECT_EQ(first.files[0].filename().string().rfind("38217-", 0), 0u) << first.files[0];

  // Exactly the claim due, to the Medigap plan, with Medicare's adjudication.
  std::vector<std::string> claims;
  std::map<std::string, std::string> sbr_by_loop;
  std::vector<std::vector<std::string>> svd_and_cas;
  std::string amt_d, amt_eaf, ref_f8, dtp_573, payer_nm1, subscriber_id;
  bool in_2430 = false;
  bool in_2320 = false;
  for (const auto& e : segments_of(read_file(first.files[0]))) {
    if (e[0] == "CLM") claims.push_back(e[1]);
    if (e[0] == "SBR") {
      if (claims.empty()) sbr_by_loop["2000B"] = e[1];
      else {
        sbr_by_loop["2320"] = e[1];
        in_2320 = true;
      }
    }
    if (e[0] == "NM1" && e[1] == "PR" && claims.empty()) payer_nm1 = e[9];
    if (e[0] == "NM1" && e[1] == "IL" && claims.empty()) subscriber_id = e[9];
    if (e[0] == "AMT" && e[1] == "D") amt_d = e[2];
    if (e[0] == "AMT" && e[1] == "EAF" && in_2320 && !in_2430) amt_eaf = e[2];
    if (e[0] == "REF" && e[1] == "F8" && in_2320 && !in_2430) ref_f8 = e[2];
    if (e[0] == "DTP" && e[1] == "573" && !in_2430) dtp_573 = e[3];
    if (e[0] == "LX") in_2430 = false;
    if (e[0] == "SVD") in_2430 = true;
    if (in_2430 && (e[0] == "SVD" || e[0] == "CAS")) svd_and_cas.push_back(e);
  }
  EXPECT_EQ(claims, std::vector<std::string>{"COB1"});
  EXPECT_EQ(sbr_by_loop["2000B"], "S");
  EXPECT_EQ(sbr_by_loop["2320"], "P");
  EXPECT_EQ(payer_nm1, "38217");
  EXPECT_EQ(subscriber_id, "LMG55501234");
  EXPECT_EQ(amt_d, "170.52") << "AMT*D = Medicare's CLP04";
  EXPECT_EQ(amt_eaf, "40") << "AMT*EAF = Medicare's CLP05";
  EXPECT_EQ(ref_f8, "MCRCOB1") << "2330B REF*F8 = Medicare's CLP07";
  EXPECT_EQ(dtp_573, "20240607") << "2330B DTP*573 = the remittance date";
  // 2430 SVD/CAS equal Medicare's SVC/CAS line by line.
  const std::vector<std::vector<std::string>> expected = {
      {"SVD", "15202", "170.52", "HC:G0439", "", "1"},
      {"CAS", "CO", "45", "26", "", "253", "3.48"},
      {"CAS", "PR", "2", "40"},
      {"SVD", "15202", "0", "HC:93000", "", "1"},
      {"CAS", "CO", "97", "65"}};
  EXPECT_EQ(svd_and_cas, expected);
  const auto v = run_clearhouse({"validate", first.files[0].string()});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;

  // The next payer's claim is its own claims row, linked to Medicare's.
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM claims WHERE payer_id = '38217' AND claim_id = 'COB1' AND payer_level = 'S' "
                           "AND follows_claim_row = (SELECT id FROM claims WHERE payer_id = '15202' AND claim_id = 'COB1')"),
            1);

  // A second run writes nothing.
  auto again = secondary(dir, "again");
  EXPECT_EQ(again.summary["sent"].GetUint64(), 0u);
  EXPECT_EQ(again.summary["forwarded"].GetUint64(), 0u);
  EXPECT_TRUE(again.files.empty());
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM coordination_history"), 2) << "each decision recorded once";

  // The crossover claim was not sent, and its history says why.
  EXPECT_EQ(query_text(dir, "SELECT event FROM coordination_history WHERE claim_id = 'COB2'"), "forwarded");
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM claims WHERE payer_id = '38217' AND claim_id = 'COB2'"), 0);

  // The Medigap plan's 835 (CLP02 1, as some supplements send it) against a fee schedule that
  // would call it underpaid if it were the primary's.
  // (Medicare's own payments match its schedule to the cent: 210.52 allowed less the patient's share.)
  write_file(dir / "fees.csv", "payer_id,procedure,modifier,allowed_cents\n38217,G0439,,20000\n15202,G0439,,21052\n");
  const auto medigap = remittance(
      "LIBERTY MEDIGAP", "38217", "LMG0000201", "40", "20240620",
      {{"CLP*COB1*1*305*40*0*CI*LMGCOB1*11*1",
        {},
        {{"SVC*HC:G0439*240*40**1", "CAS*OA*23*170.52", "CAS*CO*45*29.48", "REF*6R*COB1-1"},
         {"SVC*HC:93000*65*0**1", "CAS*CO*97*65", "REF*6R*COB1-2"}}}});
  write_file(dir / "medigap.835", medigap);
  r = run_clearhouse({"post", (dir / "medigap.835").string(), "--db", db_url(dir), "--fee-schedule",
                      (dir / "fees.csv").string()});
  ASSERT_NE(r.exit_code, 2) << r.out << r.err;
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM claim_payments p JOIN claims c ON c.id = p.claim_row "
                           "WHERE p.payer_id = '38217' AND c.payer_id = '38217' AND c.payer_level = 'S'"),
            1)
      << "matched at its payer level";
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM findings WHERE claim_id = 'COB1' AND rule IN ('payment.duplicate', "
                           "'payment.underpaid', 'payment.overpaid', 'payment.allowed_below_schedule', 'match.unmatched')"),
            0);
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM worklist_findings f JOIN worklist_items i ON i.id = f.item_id "
                           "WHERE i.claim_id = 'COB1' AND f.rule IN ('payment.duplicate', 'payment.underpaid')"),
            0);
  // Line 2 stays unpaid at both payers (CO-97): partially paid at each level.
  EXPECT_EQ(query_text(dir, "SELECT status FROM claims WHERE payer_id = '38217' AND claim_id = 'COB1'"), "partially_paid");
  EXPECT_EQ(query_text(dir, "SELECT status FROM claims WHERE payer_id = '15202' AND claim_id = 'COB1'"), "partially_paid");

  // The report counts both payers: each payer's line as its 835 said; the charge once in the totals.
  const auto report = parse_json(run_clearhouse({"report", "--db", db_url(dir)}).out);
  std::map<std::string, const rapidjson::Value*> payers;
  for (const auto& p : report["payers"].GetArray()) payers[p["payer_id"].GetString()] = &p;
  ASSERT_TRUE(payers.count("15202") && payers.count("38217"));
  EXPECT_EQ((*payers["15202"])["cents"]["paid"].GetInt64(), 3 * 17052);
  EXPECT_EQ((*payers["15202"])["claims"]["submitted"].GetUint64(), 3u);
  EXPECT_EQ((*payers["38217"])["cents"]["paid"].GetInt64(), 4000);
  EXPECT_EQ((*payers["38217"])["cents"]["billed"].GetInt64(), 30500);
  EXPECT_EQ((*payers["38217"])["claims"]["submitted"].GetUint64(), 1u);
  EXPECT_EQ((*payers["38217"])["claims"]["partially_paid"].GetUint64(), 1u);
  EXPECT_EQ(report["totals"]["cents"]["billed"].GetInt64(), 3 * 30500) << "COB1's charge counted once";
  EXPECT_EQ(report["totals"]["cents"]["paid"].GetInt64(), 3 * 17052 + 4000);

  // The worklist: at each payer, only what that payer denied (line 2, CO-97, 65.00), to the cent.
  EXPECT_EQ(query_int(dir, "SELECT amount_cents FROM worklist_items WHERE payer_id = '38217' AND claim_id = 'COB1'"), 6500);
  EXPECT_EQ(query_text(dir, "SELECT rules FROM worklist_items WHERE payer_id = '38217' AND claim_id = 'COB1'"), "denial.line");
  EXPECT_EQ(query_int(dir, "SELECT amount_cents FROM worklist_items WHERE payer_id = '15202' AND claim_id = 'COB1'"), 6500);

  // The claim detail (GET /v1/claims/COB1, worklist show): a claim id known to both payers
  // answers with Medicare's claim, each payer's part, and the coordination in its timeline.
  {
    auto ledger = ledger::open_ledger(db_url(dir));
    const auto loaded = rules::load_rules_config((source_dir() / "schemas").string());
    ASSERT_TRUE(loaded.config.has_value());
    const auto& config = *loaded.config;
    render::JsonWriter json;
    ASSERT_EQ(service::write_claim_detail(*ledger, config, model::Date{2024, 7, 1}, "COB1", "", json),
              service::ClaimLookup::found);
    const auto detail = parse_json(json.take());
    EXPECT_EQ(std::string(detail["payer_id"].GetString()), "15202");
    const auto& cob = detail["coordination"];
    ASSERT_TRUE(cob.IsObject());
    ASSERT_EQ(cob["payers"].Size(), 2u);
    EXPECT_EQ(std::string(cob["payers"][0]["payer_level"].GetString()), "P");
    EXPECT_EQ(cob["payers"][0]["paid_cents"].GetInt64(), 17052);
    EXPECT_EQ(std::string(cob["payers"][1]["payer_id"].GetString()), "38217");
    EXPECT_EQ(cob["payers"][1]["paid_cents"].GetInt64(), 4000);
    EXPECT_EQ(cob["paid_cents"].GetInt64(), 21052);
    EXPECT_EQ(cob["balance_cents"].GetInt64(), 0) << "the Medigap plan left the patient nothing";
    EXPECT_FALSE(cob["awaiting_payer"].GetBool());
    bool sent_in_timeline = false;
    for (const auto& h : detail["status_history"].GetArray())
      sent_in_timeline = sent_in_timeline || std::string(h["event"].GetString()) == "coordination_sent";
    EXPECT_TRUE(sent_in_timeline);
    render::JsonWriter crossover;
    ASSERT_EQ(service::write_claim_detail(*ledger, config, model::Date{2024, 7, 1}, "COB2", "", crossover),
              service::ClaimLookup::found);
    const auto cross = parse_json(crossover.take());
    std::string why;
    for (const auto& h : cross["status_history"].GetArray())
      if (std::string(h["event"].GetString()) == "coordination_forwarded") why = h["detail"].GetString();
    EXPECT_NE(why.find("crossed the claim over to LIBERTY MEDIGAP"), std::string::npos) << why;
  }

  // Medicare corrects its payment (reversal and a new payment): the Medigap plan gets a
  // replacement (CLM05-3 7) naming its own claim number (its 835's CLP07) in REF*F8.
  const auto correction = remittance(
      "MEDICARE PART B", "15202", "MCR0000102", "10", "20240625",
      {{"CLP*COB1*22*-305*-170.52*-40*MB*MCRCOB1*11*1",
        {},
        {{"SVC*HC:G0439*-240*-170.52**1", "CAS*CO*45*-26**253*-3.48", "CAS*PR*2*-40", "REF*6R*COB1-1"},
         {"SVC*HC:93000*-65*0**1", "CAS*CO*97*-65", "REF*6R*COB1-2"}}},
       {"CLP*COB1*1*305*180.52*30*MB*MCRCOB1B*11*1",
        {},
        {{"SVC*HC:G0439*240*180.52**1", "CAS*CO*45*26**253*3.48", "CAS*PR*2*30", "REF*6R*COB1-1"},
         {"SVC*HC:93000*65*0**1", "CAS*CO*97*65", "REF*6R*COB1-2"}}}});
  write_file(dir / "correction.835", correction);
  r = run_clearhouse({"post", (dir / "correction.835").string(), "--db", db_url(dir)});
  ASSERT_NE(r.exit_code, 2) << r.out << r.err;
  auto replaced = secondary(dir, "replacement");
  EXPECT_EQ(replaced.summary["replacements"].GetUint64(), 1u) << r.out;
  EXPECT_EQ(replaced.summary["sent"].GetUint64(), 0u);
  ASSERT_EQ(replaced.files.size(), 1u);
  std::string frequency, original, paid_now;
  for (const auto& e : segments_of(read_file(replaced.files[0]))) {
    if (e[0] == "CLM") frequency = e[5];
    if (e[0] == "REF" && e[1] == "F8" && original.empty()) original = e[2];
    if (e[0] == "AMT" && e[1] == "D") paid_now = e[2];
  }
  EXPECT_EQ(frequency, "11:B:7");
  EXPECT_EQ(original, "LMGCOB1") << "the first REF*F8 is the 2300's: the Medigap plan's claim number";
  EXPECT_EQ(paid_now, "180.52");
  const auto vr = run_clearhouse({"validate", replaced.files[0].string()});
  EXPECT_EQ(vr.exit_code, 0) << vr.out << vr.err;
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM claims WHERE payer_id = '38217' AND claim_id = 'COB1' AND frequency_code = '7'"), 1);
  EXPECT_TRUE(secondary(dir, "after-replacement").files.empty()) << "and once only";
}

}  // namespace
}  // namespace clearhouse::testing
