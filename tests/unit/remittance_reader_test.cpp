#include "parsers/x12_835/remittance_reader.hpp"

#include <gtest/gtest.h>

#include <string>

#include "tests/support/remittance_files.hpp"

namespace clearhouse::testing {
namespace {

using model::Money;

Money cents(std::int64_t c) { return Money::from_cents(c); }

TEST(RemittanceReader, ReadsEveryPartOfAHandMadeRemittance) {
  const auto read = read_remittances(fixture_835("balanced.835"));
  ASSERT_EQ(read.remittances.size(), 1u);
  const auto& r = read.remittances[0];
  EXPECT_TRUE(r.complete);
  EXPECT_TRUE(r.findings.empty()) << r.findings[0].message;
  EXPECT_EQ(r.control_number, "0001");
  EXPECT_EQ(r.interchange_sender, "PAYERSENDER");
  EXPECT_EQ(r.interchange_control_number, "000000101");
  EXPECT_EQ(r.group_control_number, "101");
  EXPECT_EQ(r.version, "005010X221A1");
  EXPECT_EQ(r.segment_count, 48u);

  EXPECT_EQ(r.payment.handling_code, "I");
  EXPECT_EQ(r.payment.total, cents(11250));
  EXPECT_EQ(r.payment.credit_debit, "C");
  EXPECT_EQ(r.payment.method, "ACH");
  EXPECT_EQ(r.payment.format, "CCP");
  EXPECT_EQ(r.payment.originating_company_id, "1512345678");
  EXPECT_EQ(r.payment.receiver_account, "987654321");
  EXPECT_EQ(r.payment.payment_date.to_iso(), "2024-04-05");
  EXPECT_EQ(r.trace.reference, "EFT0000001");
  EXPECT_EQ(r.trace.originator, "1512345678");
  EXPECT_EQ(r.receiver_id, "CLEARHOUSE");
  EXPECT_EQ(r.production_date.to_iso(), "2024-04-04");

  EXPECT_EQ(r.payer.party.last_or_organization, "ACME HEALTH PLAN");
  EXPECT_EQ(r.payer.party.id_qualifier, "XV");
  EXPECT_EQ(r.payer.address.city, "SPRINGFIELD");
  EXPECT_EQ(r.payer.address.postal_code, "62701");
  ASSERT_EQ(r.payer.contacts.size(), 2u);
  EXPECT_EQ(r.payer.contacts[1].function, "BL");
  ASSERT_EQ(r.payer.contacts[1].numbers.size(), 2u);
  EXPECT_EQ(r.payer.contacts[1].numbers[1].qualifier, "EM");
  EXPECT_EQ(r.payer_id(), "ACME01");
  EXPECT_EQ(r.payee.party.id_qualifier, "XX");
  EXPECT_EQ(r.payee.party.id, "1234567893");
  ASSERT_EQ(r.payee.references.size(), 1u);
  EXPECT_EQ(r.payee.references[0].qualifier, "TJ");

  ASSERT_EQ(r.header_groups.size(), 1u);
  ASSERT_TRUE(r.header_groups[0].summary.has_value());
  EXPECT_EQ(r.header_groups[0].summary->provider_id, "1234567893");
  EXPECT_EQ(r.header_groups[0].summary->fiscal_period_end.to_iso(), "2024-12-31");
  ASSERT_EQ(r.header_groups[0].summary->amounts.size(), 1u);
  EXPECT_EQ(r.header_groups[0].summary->amounts[0].element, 5);
  EXPECT_EQ(r.header_groups[0].summary->amounts[0].amount, cents(35000));

  ASSERT_EQ(r.claims.size(), 2u);
  const auto& c = r.claims[0];
  EXPECT_EQ(c.patient_control_number, "CLAIM001");
  EXPECT_EQ(c.status_code, "1");
  EXPECT_EQ(c.billed, cents(20000));
  EXPECT_EQ(c.paid, cents(12000));
  EXPECT_EQ(c.patient_responsibility, cents(4000));
  EXPECT_EQ(c.filing_indicator, "12");
  EXPECT_EQ(c.payer_claim_control_number, "PCCCLAIM001");
  EXPECT_EQ(c.facility_code, "11");
  EXPECT_EQ(c.frequency_code, "1");
  ASSERT_EQ(c.adjustments.size(), 1u);
  EXPECT_EQ(c.adjustments[0].group, model::AdjustmentGroup::patient);
  EXPECT_EQ(c.adjustments[0].reason, "1");
  EXPECT_EQ(c.adjustments[0].amount, cents(2000));
  ASSERT_EQ(c.parties.size(), 2u);
  EXPECT_EQ(c.parties[0].entity, "QC");
  EXPECT_EQ(c.parties[0].id, "MEMBER01");
  ASSERT_NE(c.party("82"), nullptr);
  EXPECT_EQ(c.party("82")->id_qualifier, "XX");
  ASSERT_TRUE(c.outpatient.has_value());
  ASSERT_EQ(c.outpatient->remark_codes.size(), 1u);
  EXPECT_EQ(c.outpatient->remark_codes[0], "MA01");
  EXPECT_EQ(c.date("050").to_iso(), "2024-03-20");
  EXPECT_EQ(c.date("232").to_iso(), "2024-03-01");
  EXPECT_EQ(c.date("233").to_iso(), "2024-03-01");
  ASSERT_NE(model::find_qualified(c.amounts, "AU"), nullptr);
  EXPECT_EQ(model::find_qualified(c.amounts, "AU")->amount, cents(16000));
  ASSERT_NE(model::find_qualified(c.references, "1L"), nullptr);

  ASSERT_EQ(c.lines.size(), 2u);
  const auto& l1 = c.lines[0];
  EXPECT_EQ(l1.procedure.qualifier, "HC");
  EXPECT_EQ(l1.procedure.code, "99213");
  EXPECT_EQ(l1.procedure.modifiers, std::vector<model::Code>{"25"});
  EXPECT_EQ(l1.billed, cents(12000));
  EXPECT_EQ(l1.paid, cents(8000));
  ASSERT_TRUE(l1.units.has_value());
  EXPECT_EQ(*l1.units, model::Decimal::from_integer(1));
  EXPECT_FALSE(l1.original_procedure.has_value());
  EXPECT_EQ(l1.service_date.to_iso(), "2024-03-01");
  ASSERT_EQ(l1.adjustments.size(), 2u);
  EXPECT_EQ(l1.adjustments[0].group, model::AdjustmentGroup::contractual);
  EXPECT_EQ(l1.adjustments[1].reason, "2");
  EXPECT_EQ(l1.line_control_number, "LINE0001");
  ASSERT_TRUE(l1.allowed.has_value());
  EXPECT_EQ(*l1.allowed, cents(10000));
  const auto& l2 = c.lines[1];
  ASSERT_TRUE(l2.original_procedure.has_value());
  EXPECT_EQ(l2.original_procedure->code, "81003");
  EXPECT_EQ(l2.billed_procedure().code, "81003");
  ASSERT_EQ(l2.remarks.size(), 1u);
  EXPECT_EQ(l2.remarks[0].qualifier, "HE");
  EXPECT_EQ(l2.remarks[0].value, "N130");

  const auto& denied = r.claims[1];
  EXPECT_EQ(denied.status_code, "4");
  ASSERT_EQ(denied.lines.size(), 1u);
  ASSERT_EQ(denied.lines[0].adjustments.size(), 1u);
  ASSERT_TRUE(denied.lines[0].adjustments[0].quantity.has_value());
  EXPECT_EQ(*denied.lines[0].adjustments[0].quantity, model::Decimal::from_integer(2));
  EXPECT_EQ(denied.lines[0].procedure.modifiers, std::vector<model::Code>{"GP"});

  ASSERT_EQ(r.provider_adjustments.size(), 2u);
  EXPECT_EQ(r.provider_adjustments[0].provider_id, "1234567893");
  EXPECT_EQ(r.provider_adjustments[0].fiscal_period_end.to_iso(), "2024-12-31");
  EXPECT_EQ(r.provider_adjustments[0].reason, "L6");
  EXPECT_EQ(r.provider_adjustments[0].reference, "INT0001");
  EXPECT_EQ(r.provider_adjustments[0].amount, cents(-250));
  EXPECT_EQ(r.provider_adjustments[1].reason, "WO");
  EXPECT_EQ(r.provider_adjustments[1].reference, "OVP0001");
  EXPECT_EQ(r.provider_adjustments[1].amount, cents(1000));
  EXPECT_EQ(r.provider_adjustment_total(), cents(750));
}

std::string wrap(const std::string& body_segments, const std::string& st = "0001") {
  // body_segments: "~"-terminated segments between ST and SE.
  std::size_t count = 2;
  for (char ch : body_segments) count += ch == '~';
  return "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240401*1200*^*00501*000000001*0*T*:~"
         "GS*HP*SENDER*RECEIVER*20240401*1200*1*X*005010X221A1~ST*835*" + st + "~" + body_segments + "SE*" +
         std::to_string(count) + "*" + st + "~GE*1*1~IEA*1*000000001~";
}

TEST(RemittanceReader, KeepsAllSixAdjustmentTriplesAndEveryProviderAdjustmentPair) {
  const auto read = read_remittances_text(wrap(
      "BPR*I*0*C*NON************20240405~TRN*1*T1*1999999999~N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~"
      "CLP*C1*1*60*0*0*12*P1~CAS*CO*1*1*1*2*2**3*3*3*4*4**5*5**6*6*9~SVC*HC:99211:A1:B2:C3:D4*39*18~"
      "PLB*1234567893*20241231*WO:A*1*L6:B*2*FB:C*3*J1:D*4*72:E*5*CS:F*-15~"));
  ASSERT_EQ(read.remittances.size(), 1u);
  const auto& r = read.remittances[0];
  const auto& adj = r.claims[0].adjustments;
  ASSERT_EQ(adj.size(), 6u);
  for (int i = 0; i < 6; ++i) {
    EXPECT_EQ(adj[static_cast<std::size_t>(i)].reason, std::to_string(i + 1));
    EXPECT_EQ(adj[static_cast<std::size_t>(i)].amount, cents(100 * (i + 1)));
  }
  EXPECT_FALSE(adj[1].quantity.has_value());
  ASSERT_TRUE(adj[5].quantity.has_value());
  EXPECT_EQ(*adj[5].quantity, model::Decimal::from_integer(9));
  EXPECT_EQ(r.claims[0].lines[0].procedure.modifiers, (std::vector<model::Code>{"A1", "B2", "C3", "D4"}));
  ASSERT_EQ(r.provider_adjustments.size(), 6u);
  const char* reasons[] = {"WO", "L6", "FB", "J1", "72", "CS"};
  for (std::size_t i = 0; i < 6; ++i) EXPECT_EQ(r.provider_adjustments[i].reason, reasons[i]);
  EXPECT_EQ(r.provider_adjustments[5].reference, "F");
  EXPECT_EQ(r.provider_adjustment_total(), cents(0));
  EXPECT_TRUE(r.findings.empty());
}

TEST(RemittanceReader, ReadsMiaMoaAndLineDatesAndQuantities) {
  // TS323 is the only quantity of TS3 after TS304; TS207 is a day count.
  const auto read = read_remittances_text(wrap(
      "BPR*I*10*C*CHK************20240405~TRN*1*T1*1999999999~N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~"
      "LX*1~TS3*1234567893*11*20241231*1*100" + std::string(18, '*') + "2~TS2*5*****6*7~"
      "CLP*C1*19*100*10*0*MC*P1*11*1~NM1*TT*2*CROSSOVER PLAN*****PI*99999~"
      "MIA*3*1.5*4*2.25*MA01***************MA02*MA03~MOA*0.5*3*N1*N2~QTY*CA*3~PER*CX*CLAIMS*TE*8005550100~"
      "SVC*HC:99211*100*10**1~DTM*150*20240301~DTM*151*20240303~CAS*CO*45*90~REF*6R*L1~REF*LU*42~QTY*ZL*2~"));
  ASSERT_EQ(read.remittances.size(), 1u);
  const auto& r = read.remittances[0];
  EXPECT_TRUE(r.findings.empty()) << r.findings[0].message;
  const auto& g = r.header_groups.at(0);
  ASSERT_TRUE(g.summary && g.supplemental_summary);
  ASSERT_EQ(g.summary->quantities.size(), 1u);
  EXPECT_EQ(g.summary->quantities[0].qualifier, "23");
  ASSERT_EQ(g.supplemental_summary->quantities.size(), 1u);
  EXPECT_EQ(g.supplemental_summary->quantities[0].qualifier, "07");
  ASSERT_EQ(g.supplemental_summary->amounts.size(), 2u);
  const auto& c = r.claims.at(0);
  EXPECT_EQ(c.party("TT")->id, "99999");
  ASSERT_TRUE(c.inpatient && c.outpatient);
  EXPECT_EQ(c.inpatient->remark_codes, (std::vector<model::Code>{"MA01", "MA02", "MA03"}));
  EXPECT_EQ(c.inpatient->amounts.size(), 2u);    // MIA02, MIA04
  EXPECT_EQ(c.inpatient->quantities.size(), 2u); // MIA01, MIA03
  EXPECT_EQ(c.outpatient->remark_codes, (std::vector<model::Code>{"N1", "N2"}));
  ASSERT_EQ(c.contacts.size(), 1u);
  ASSERT_EQ(c.quantities.size(), 1u);
  const auto& l = c.lines.at(0);
  EXPECT_TRUE(l.service_date.empty());
  EXPECT_EQ(l.period_start.to_iso(), "2024-03-01");
  EXPECT_EQ(l.period_end.to_iso(), "2024-03-03");
  EXPECT_EQ(l.date().to_iso(), "2024-03-01");
  ASSERT_EQ(l.references.size(), 1u);  // REF*6R is the line control number, not repeated here
  EXPECT_EQ(l.references[0].qualifier, "LU");
  EXPECT_EQ(l.line_control_number, "L1");
  ASSERT_EQ(l.quantities.size(), 1u);
}

// Storage is reused between transaction sets: nothing of one set leaks into the next.
TEST(RemittanceReader, ReusedStorageCarriesNothingOver) {
  const std::string first =
      "BPR*I*5*C*CHK************20240405~TRN*1*T1*1999999999~N1*PR*PAYER*XV*P1~N1*PE*CLINIC*XX*1234567893~"
      "CLP*C1*1*10*5*0*12*P1~CAS*PR*1*5~NM1*QC*1*DOE*JANE~SVC*HC:99211:25*10*5~CAS*PR*2*5~REF*6R*L1~AMT*B6*10~"
      "LQ*HE*N1~CLP*C2*1*10*0*0*12*P2~SVC*HC:99212*10*0**1*HC:99213~CAS*CO*45*10~";
  const std::string second =
      "BPR*I*0*C*NON~TRN*1*T2*1999999999~N1*PR*PAYER*XV*P1~N1*PE*CLINIC*XX*1234567893~"
      "CLP*C3*4*10*0*0*12*P3~SVC*HC:99211*10*0~CAS*CO*50*10~";
  std::string text = wrap(first, "0001");
  // Put the second set into the same group.
  const std::string second_set = wrap(second, "0002");
  const auto st2 = second_set.find("ST*835");
  const auto ge2 = second_set.find("GE*");
  text.insert(text.find("GE*"), second_set.substr(st2, ge2 - st2));
  text.replace(text.find("GE*1*1"), 6, "GE*2*1");
  const auto read = read_remittances_text(text);
  ASSERT_EQ(read.remittances.size(), 2u);
  const auto& r = read.remittances[1];
  EXPECT_TRUE(read.remittances[0].findings.empty());
  EXPECT_TRUE(r.findings.empty()) << r.findings[0].message;
  ASSERT_EQ(r.claims.size(), 1u);
  const auto& c = r.claims[0];
  EXPECT_EQ(c.patient_control_number, "C3");
  EXPECT_TRUE(c.adjustments.empty());
  EXPECT_TRUE(c.parties.empty());
  ASSERT_EQ(c.lines.size(), 1u);
  const auto& l = c.lines[0];
  EXPECT_TRUE(l.procedure.modifiers.empty());
  EXPECT_FALSE(l.original_procedure.has_value());
  EXPECT_EQ(l.adjustments.size(), 1u);
  EXPECT_TRUE(l.line_control_number.empty());
  EXPECT_FALSE(l.allowed.has_value());
  EXPECT_TRUE(l.remarks.empty());
  EXPECT_TRUE(r.provider_adjustments.empty());
  EXPECT_TRUE(r.payment.payment_date.empty());
}

// A claim slot keeps the lines it no longer needs as spares and refills them later: a claim
// with fewer lines than its slot held sees only its own, and a spare taken up again carries
// nothing of the line it was.
TEST(RemittanceReader, SpareLinesOfAReusedClaimAreNeitherSeenNorCarriedOver) {
  const std::string header = "BPR*I*0*C*NON~TRN*1*T1*1999999999~N1*PR*PAYER*XV*P1~N1*PE*CLINIC*XX*1234567893~";
  const std::string three_lines =
      "CLP*C1*1*30*0*0*12*P1~SVC*HC:99211:25:59*10*0**1*HC:99212:GT~CAS*CO*45*10~REF*6R*L1~REF*LU*11~AMT*B6*9~"
      "LQ*HE*N1~SVC*HC:99212:25*10*0~CAS*CO*45*10~REF*6R*L2~QTY*ZL*2~LQ*HE*N2~LQ*HE*N3~"
      "SVC*HC:99213*10*0~CAS*CO*45*6~CAS*PR*1*4~REF*6R*L3~AMT*ZZ*1~";
  const std::string one_line = "CLP*C2*1*10*0*0*12*P2~SVC*HC:99211*10*0~CAS*CO*45*10~";
  const std::string two_lines = "CLP*C3*1*20*0*0*12*P3~SVC*HC:99214*10*0~CAS*CO*45*10~SVC*HC:99215*10*0~CAS*CO*45*10~";
  // Three sets in one group, each with one claim (so all three use claim slot 0).
  std::string sets;
  int n = 0;
  for (const auto& claim : {three_lines, one_line, two_lines}) {
    const std::string st = "000" + std::to_string(++n);
    const std::string body = header + claim;
    std::size_t count = 2;
    for (char ch : body) count += ch == '~';
    sets += "ST*835*" + st + "~" + body + "SE*" + std::to_string(count) + "*" + st + "~";
  }
  const std::string text =
      "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240401*1200*^*00501*000000001*0*T*:~"
      "GS*HP*SENDER*RECEIVER*20240401*1200*1*X*005010X221A1~" + sets + "GE*3*1~IEA*1*000000001~";
  const auto read = read_remittances_text(text);
  ASSERT_EQ(read.remittances.size(), 3u);
  for (const auto& r : read.remittances) EXPECT_TRUE(r.findings.empty()) << r.findings[0].message;
  ASSERT_EQ(read.remittances[0].claims.at(0).lines.size(), 3u);
  ASSERT_EQ(read.remittances[1].claims.at(0).lines.size(), 1u);
  const auto& c = read.remittances[2].claims.at(0);
  ASSERT_EQ(c.lines.size(), 2u);
  EXPECT_EQ(c.adjustment_total(), cents(2000));
  for (std::size_t i = 0; i < 2; ++i) {
    const auto& l = c.lines[i];
    SCOPED_TRACE(i);
    EXPECT_EQ(l.procedure.code, i == 0 ? "99214" : "99215");
    EXPECT_TRUE(l.procedure.modifiers.empty());
    EXPECT_FALSE(l.original_procedure.has_value());
    EXPECT_FALSE(l.units.has_value());
    ASSERT_EQ(l.adjustments.size(), 1u);
    EXPECT_TRUE(l.line_control_number.empty());
    EXPECT_TRUE(l.references.empty());
    EXPECT_FALSE(l.allowed.has_value());
    EXPECT_TRUE(l.amounts.empty());
    EXPECT_TRUE(l.quantities.empty());
    EXPECT_TRUE(l.remarks.empty());
  }
}

TEST(RemittanceReader, ContentHashIgnoresLayoutButNotContent) {
  const std::string body =
      "BPR*I*5*C*CHK************20240405~TRN*1*T1*1999999999~N1*PR*PAYER~N1*PE*CLINIC*XX*1234567893~"
      "CLP*C1*1*10*5*0*12*P1~CAS*PR*1*5~";
  const std::string plain = wrap(body);
  std::string pretty;  // one segment per line, indented
  for (char ch : plain) {
    pretty.push_back(ch);
    if (ch == '~') pretty += "\r\n  ";
  }
  std::string changed = plain;
  changed.replace(changed.find("CAS*PR*1*5"), 10, "CAS*PR*1*6");
  std::string other_delimiters = plain;  // documented: delimiters are part of the content
  for (char& ch : other_delimiters) ch = ch == '*' ? '|' : ch;
  const auto a = read_remittances_text(plain);
  const auto b = read_remittances_text(pretty);
  const auto c = read_remittances_text(changed);
  const auto d = read_remittances_text(other_delimiters);
  ASSERT_EQ(a.remittances.size(), 1u);
  ASSERT_EQ(b.remittances.size(), 1u);
  ASSERT_EQ(c.remittances.size(), 1u);
  ASSERT_EQ(d.remittances.size(), 1u);
  EXPECT_EQ(a.remittances[0].content_hash, b.remittances[0].content_hash);
  EXPECT_NE(a.remittances[0].content_hash, c.remittances[0].content_hash);
  EXPECT_NE(a.remittances[0].content_hash, d.remittances[0].content_hash);
  EXPECT_NE(a.remittances[0].content_hash, 0u);
}

TEST(RemittanceReader, SkipsTransactionSetsThatAreNot835) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto read = read_remittances(*corpus_dir() / "999" / "xlate_simple999.x12");
  EXPECT_TRUE(read.remittances.empty());
  EXPECT_EQ(read.skipped, 1u);
}

TEST(RemittanceReader, StreamsManyInterchangesInOneFile) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto read = read_remittances(*corpus_dir() / "835" / "tastypackets_profee-multiple.835");
  EXPECT_EQ(read.remittances.size(), 156u);
  std::size_t claims = 0;
  for (const auto& r : read.remittances) {
    EXPECT_TRUE(r.complete);
    claims += r.claims.size();
  }
  EXPECT_EQ(claims, 468u);
}

// Every 835 in the corpus reads to the end with every CLP accounted for (CLP counts from the
// raw text); nothing crashes on the other transaction types either.
TEST(RemittanceReader, ReadsEveryCorpusFileWithoutLosingAClaim) {
  CLEARHOUSE_REQUIRE_CORPUS();
  for (const auto& path : corpus_files()) {
    SCOPED_TRACE(path.filename().string());
    const auto read = read_remittances(path);
    if (path.parent_path().filename() != "835") continue;
    EXPECT_FALSE(read.remittances.empty());
    std::size_t claims = 0;
    for (const auto& r : read.remittances) claims += r.claims.size();
    const std::string text = read_file(path);
    std::size_t clp = 0;
    for (std::size_t at = text.find("CLP"); at != std::string::npos; at = text.find("CLP", at + 3)) {
      const char before = at == 0 ? '\n' : text[at - 1];
      const char after = at + 3 < text.size() ? text[at + 3] : '\0';
      if ((before == '~' || before == '\n' || before == ' ') && (after == '*' || after == '|')) ++clp;
    }
    EXPECT_EQ(claims, clp);
  }
}

}  // namespace
}  // namespace clearhouse::testing
