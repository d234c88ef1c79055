#pragma once
// The ledger test suite, written once and run against every database: each test executable
// that includes this header instantiates it with its own ledger factory
// (tests/unit/ledger_suite_sqlite_test.cpp, tests/postgres/ledger_suite_postgres_test.cpp):
//
//   INSTANTIATE_TEST_SUITE_P(Sqlite, LedgerSuite, ::testing::Values(LedgerFactory{"sqlite", make}));
//
// It covers what the rest of clearhouse relies on: migrations, control numbers, recording a
// submission, and remittance posting (matching, statuses, reversals, idempotency, PLB, findings).

#include <gtest/gtest.h>

#include <fmt/format.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/ledger/control_numbers.hpp"
#include "engine/ledger/coordination_store.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/migrations.hpp"
#include "engine/ledger/posting_store.hpp"
#include "engine/reconcile/remittance_poster.hpp"
#include "tests/support/remittance_files.hpp"

namespace clearhouse::testing {

struct LedgerFactory {
  std::string name;
  // A fresh, empty ledger (schema applied) for each call.
  std::function<std::unique_ptr<ledger::Ledger>()> make;
};
inline std::string ledger_factory_name(const ::testing::TestParamInfo<LedgerFactory>& info) { return info.param.name; }

// An 835 interchange with one transaction set around body segments ("~"-terminated, between ST
// and SE); SE01 is counted here.
inline std::string remittance_835(const std::string& body, const std::string& st = "0001") {
  std::size_t count = 2;
  for (char ch : body) count += ch == '~';
  return "ISA*00*          *00*          *ZZ*PAYERSENDER    *ZZ*CLEARHOUSE     *240401*1200*^*00501*000000101*0*T*:~"
         "GS*HP*PAYERSENDER*CLEARHOUSE*20240401*1200*101*X*005010X221A1~ST*835*" + st + "~" + body + "SE*" +
         std::to_string(count) + "*" + st + "~GE*1*101~IEA*1*000000101~";
}

// The header of a remittance from payer ACME01 with the given BPR02 and trace number.
inline std::string remittance_header(const std::string& bpr02, const std::string& trace) {
  return "BPR*I*" + bpr02 + "*C*ACH*CCP*01*011000015*DA*123456789*1512345678**01*021000021*DA*987654321*20240405~"
         "TRN*1*" + trace + "*1512345678~DTM*405*20240404~N1*PR*ACME HEALTH PLAN*XV*ACME01~REF*2U*ACME01~"
         "N1*PE*SAMPLE CLINIC*XX*1234567893~LX*1~";
}

class LedgerSuite : public ::testing::TestWithParam<LedgerFactory> {
 protected:
  void SetUp() override { ledger_ = GetParam().make(); }
  void TearDown() override { ledger_.reset(); }

  ledger::Ledger& ledger() { return *ledger_; }
  ledger::sql::Connection& db() { return ledger_->connection(); }

  std::int64_t count(const std::string& sql) {
    auto q = db().prepare(sql);
    return q->single_int().value_or(-1);
  }
  std::string text(const std::string& sql) {
    auto q = db().prepare(sql);
    std::string out;
    if (q->step()) out = q->column_text(0);
    q->reset();
    return out;
  }

  // Records submitted claims the way `clearhouse submit` does (one batch).
  void submit(const std::vector<ledger::ClaimRecord>& claims, std::uint64_t isa13 = 1) {
    auto& recorder = ledger().recorder();
    std::int64_t sequence = 0;
    for (const auto& c : claims) recorder.stage(0, ++sequence, c);
    ledger::BatchRecord b;
    b.file_name = fmt::format("ACME01-{}.837", isa13);
    b.sha256 = std::string(64, 'a');
    b.bytes = 1000;
    b.sender_id = "SENDER";
    b.receiver_id = "ACME01";
    b.interchange_control_number = isa13;
    b.group_control_number = isa13;
    b.first_transaction_number = 1;
    b.last_transaction_number = 1;
    b.transaction_count = 1;
    b.claim_count = claims.size();
    b.created_at = "2024-06-01T00:00:00Z";
    recorder.commit({{0, b}}, "2024-06-01T00:00:00Z");
  }

  // Two-line claim: L1 99213-25 100.00 on 2024-03-01, L2 81002 50.00 on 2024-03-01.
  static ledger::ClaimRecord claim(std::string id, std::string payer = "ACME01") {
    ledger::ClaimRecord c;
    c.claim_id = std::move(id);
    c.payer_id = std::move(payer);
    c.payer_name = "ACME HEALTH PLAN";
    c.billing_npi = "1234567893";
    c.frequency_code = "1";
    c.billed_cents = 15000;
    c.service_date_from = "2024-03-01";
    c.service_date_to = "2024-03-01";
    c.transaction_control_number = "0001";
    c.lines.push_back({0, 1, c.claim_id + "-1", "99213", "25", 10000, "1", "UN", "2024-03-01"});
    c.lines.push_back({0, 2, c.claim_id + "-2", "81002", "", 5000, "1", "UN", "2024-03-01"});
    return c;
  }

  reconcile::RemittanceOutcome post_text(const std::string& x12, std::size_t which = 0) {
    const auto read = read_remittances_text(x12);
    EXPECT_GT(read.remittances.size(), which);
    reconcile::RemittancePoster poster(ledger(), "test.835");
    return poster.post(read.remittances.at(which));
  }

  std::unique_ptr<ledger::Ledger> ledger_;
};

// A claim paid in full (lines by REF*6R), a claim denied, a claim with one line denied (matched
// by procedure with a modifier the payer dropped): statuses, buckets and lines as posted.
inline const std::string kThreeClaims =
    remittance_header("145", "EFT1") +
    "CLP*C1*1*150*120*30*12*PCC1*11*1~"
    "SVC*HC:99213:25*100*80**1~DTM*472*20240301~CAS*CO*45*10~CAS*PR*1*10~REF*6R*C1-1~AMT*B6*90~"
    "SVC*HC:81002*50*40**1~DTM*472*20240301~CAS*PR*2*10~REF*6R*C1-2~"
    "CLP*C2*4*150*0*0*12*PCC2*11*1~"
    "SVC*HC:99213:25*100*0**1~DTM*472*20240301~CAS*CO*50*100~REF*6R*C2-1~LQ*HE*N115~"
    "SVC*HC:81002*50*0**1~DTM*472*20240301~CAS*CO*50*50~REF*6R*C2-2~"
    "CLP*C3*1*150*25*0*12*PCC3*11*1~"
    "SVC*HC:99213*100*0**1~DTM*472*20240301~CAS*CO*97*100~"
    "SVC*HC:81002*50*25**1~DTM*472*20240301~CAS*CO*45*25~"
    "PLB*1234567893*20241231*L6:INT1*-2.5*WO:OVP1*2.5~";

TEST_P(LedgerSuite, MigrationsBringAnEmptyLedgerToTheLatestVersion) {
  EXPECT_EQ(ledger().schema_version(), ledger::migrations().back().version);
  EXPECT_EQ(count("SELECT COUNT(*) FROM schema_migrations"), static_cast<std::int64_t>(ledger::migrations().size()));
  EXPECT_EQ(count("SELECT COUNT(*) FROM claim_payments"), 0);
}

TEST_P(LedgerSuite, ControlNumbersIncreaseAndAreNeverReused) {
  const auto first = ledger().allocate("S", "R", ledger::ControlNumberKind::interchange);
  EXPECT_EQ(ledger().allocate("S", "R", ledger::ControlNumberKind::interchange), first + 1);
  EXPECT_EQ(ledger().allocate("S", "R", ledger::ControlNumberKind::transaction, 10), 1u);
  EXPECT_EQ(ledger().allocate("S", "R", ledger::ControlNumberKind::transaction), 11u);
  EXPECT_EQ(ledger().allocate("S", "OTHER", ledger::ControlNumberKind::interchange), 1u);
}

TEST_P(LedgerSuite, RecordsASubmissionAndFindsItsClaims) {
  submit({claim("C1"), claim("C2")});
  EXPECT_EQ(ledger().count_claims(), 2u);
  EXPECT_EQ(ledger().count_lines(), 4u);
  const auto found = ledger().find_claim("ACME01", "C2");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->status, "submitted");
  ASSERT_EQ(found->lines.size(), 2u);
  EXPECT_EQ(found->lines[0].modifiers, "25");
}

TEST_P(LedgerSuite, PostsMatchedClaimsWithStatusesBucketsAndLines) {
  submit({claim("C1"), claim("C2"), claim("C3")});
  const auto outcome = post_text(remittance_835(kThreeClaims));
  ASSERT_EQ(outcome.result, reconcile::RemittanceOutcome::Result::posted);
  EXPECT_EQ(outcome.claims, 3u);
  EXPECT_EQ(outcome.matched, 3u);
  EXPECT_EQ(outcome.posted, 3u);
  EXPECT_EQ(outcome.unmatched, 0u);
  EXPECT_EQ(outcome.unbalanced, 0u);
  EXPECT_EQ(outcome.paid.cents(), 14500);
  EXPECT_EQ(outcome.patient_responsibility.cents(), 2000);
  EXPECT_EQ(outcome.adjustments.cents(), 28500);
  for (const auto& f : outcome.findings) ADD_FAILURE() << f.rule << ": " << f.message;

  EXPECT_EQ(ledger::PostingStore(db()).claim_status("ACME01", "C1"), "paid");
  EXPECT_EQ(ledger::PostingStore(db()).claim_status("ACME01", "C2"), "denied");
  EXPECT_EQ(ledger::PostingStore(db()).claim_status("ACME01", "C3"), "partially_paid");
  EXPECT_EQ(count("SELECT COUNT(*) FROM claim_payments WHERE claim_row IS NOT NULL"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM line_payments WHERE service_line_row IS NOT NULL"), 6);
  EXPECT_EQ(count("SELECT SUM(paid_cents) FROM claim_payments"), 14500);
  EXPECT_EQ(count("SELECT deductible_cents FROM claim_payments WHERE claim_id = 'C1'"), 1000);
  EXPECT_EQ(count("SELECT coinsurance_cents FROM claim_payments WHERE claim_id = 'C1'"), 1000);
  EXPECT_EQ(count("SELECT contractual_cents FROM claim_payments WHERE claim_id = 'C1'"), 1000);
  EXPECT_EQ(count("SELECT allowed_cents FROM line_payments WHERE line_control_number = 'C1-1'"), 9000);
  EXPECT_EQ(text("SELECT remark_codes FROM line_payments WHERE line_control_number = 'C2-1'"), "N115");
  // C3's first line came back as 99213 without the 25 the claim was billed with, and no REF*6R.
  EXPECT_EQ(count("SELECT COUNT(*) FROM line_payments lp JOIN service_lines sl ON sl.id = lp.service_line_row "
                  "WHERE sl.line_control_number = 'C3-1'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM provider_adjustments"), 2);
  EXPECT_EQ(text("SELECT reference FROM provider_adjustments WHERE reason = 'WO'"), "OVP1");
  EXPECT_EQ(count("SELECT provider_adjustment_cents FROM remittances"), 0);
}

TEST_P(LedgerSuite, UnmatchedClaimsArePostedAsUnmatchedAndReported) {
  const auto outcome = post_text(remittance_835(kThreeClaims));
  EXPECT_EQ(outcome.matched, 0u);
  EXPECT_EQ(outcome.unmatched, 3u);
  EXPECT_EQ(outcome.posted, 0u);
  EXPECT_EQ(outcome.written, 3u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM claim_payments WHERE claim_row IS NULL"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM line_payments"), 6);
  EXPECT_EQ(count("SELECT COUNT(*) FROM findings WHERE rule = 'match.unmatched_claim' AND claim_payment_id IS NOT NULL"),
            3);
  EXPECT_EQ(count("SELECT amount_cents FROM findings WHERE claim_id = 'C1'"), 12000);
}

TEST_P(LedgerSuite, PostingTheSameRemittanceTwiceChangesNothing) {
  submit({claim("C1"), claim("C2"), claim("C3")});
  const std::string x12 = remittance_835(kThreeClaims);
  ASSERT_EQ(post_text(x12).result, reconcile::RemittanceOutcome::Result::posted);
  const auto before = count("SELECT COUNT(*) FROM claim_payments") * 1000 + count("SELECT COUNT(*) FROM findings");
  const auto again = post_text(x12);
  EXPECT_EQ(again.result, reconcile::RemittanceOutcome::Result::already_posted);
  EXPECT_EQ(again.written, 0u);
  EXPECT_TRUE(again.findings.empty());
  EXPECT_EQ(again.matched, 3u);  // still counted: the CLPs were read
  EXPECT_EQ(count("SELECT COUNT(*) FROM claim_payments") * 1000 + count("SELECT COUNT(*) FROM findings"), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM remittances"), 1);
}

TEST_P(LedgerSuite, TheSameTraceWithOtherContentIsPostedWithAFinding) {
  submit({claim("C1"), claim("C2"), claim("C3")});
  ASSERT_EQ(post_text(remittance_835(kThreeClaims)).result, reconcile::RemittanceOutcome::Result::posted);
  std::string changed = kThreeClaims;
  changed.replace(changed.find("LQ*HE*N115"), 10, "LQ*HE*N116");
  const auto outcome = post_text(remittance_835(changed));
  EXPECT_EQ(outcome.result, reconcile::RemittanceOutcome::Result::posted);
  bool reported = false;
  for (const auto& f : outcome.findings) reported = reported || f.rule == "post.trace_reused";
  EXPECT_TRUE(reported);
  EXPECT_EQ(count("SELECT COUNT(*) FROM remittances WHERE trace_number = 'EFT1'"), 2);
}

TEST_P(LedgerSuite, AReversalUndoesTheEarlierPaymentAndTheCorrectionPostsAnew) {
  submit({claim("C1")});
  const std::string first =
      remittance_header("120", "EFT10") +
      "CLP*C1*1*150*120*20*12*PCC9*11*1~SVC*HC:99213:25*100*80~DTM*472*20240301~CAS*CO*45*10~CAS*PR*1*10~"
      "REF*6R*C1-1~SVC*HC:81002*50*40~DTM*472*20240301~CAS*PR*2*10~REF*6R*C1-2~";
  ASSERT_EQ(post_text(remittance_835(first)).result, reconcile::RemittanceOutcome::Result::posted);
  EXPECT_EQ(ledger::PostingStore(db()).claim_status("ACME01", "C1"), "paid");
  // The payer takes the 120.00 back (CLP02 22, amounts negated) and pays 130.00 instead.
  const std::string second =
      remittance_header("10", "EFT11") +
      "CLP*C1*22*-150*-120*-20*12*PCC9*11*1~SVC*HC:99213:25*-100*-80~DTM*472*20240301~CAS*CO*45*-10~"
      "CAS*PR*1*-10~REF*6R*C1-1~SVC*HC:81002*-50*-40~DTM*472*20240301~CAS*PR*2*-10~REF*6R*C1-2~"
      "CLP*C1*1*150*130*10*12*PCC10*11*1~SVC*HC:99213:25*100*90~DTM*472*20240301~CAS*CO*45*10~REF*6R*C1-1~"
      "SVC*HC:81002*50*40~DTM*472*20240301~CAS*PR*2*10~REF*6R*C1-2~";
  const auto outcome = post_text(remittance_835(second));
  ASSERT_EQ(outcome.result, reconcile::RemittanceOutcome::Result::posted);
  for (const auto& f : outcome.findings) ADD_FAILURE() << f.rule << ": " << f.message;
  ASSERT_EQ(outcome.postings.size(), 2u);
  const auto& reversal = outcome.postings[0];
  EXPECT_TRUE(reversal.reversal);
  EXPECT_NE(reversal.reverses, 0);
  EXPECT_EQ(count(fmt::format("SELECT reversed_by FROM claim_payments WHERE id = {}", reversal.reverses)), reversal.id);
  EXPECT_EQ(count(fmt::format("SELECT reverses FROM claim_payments WHERE id = {}", reversal.id)), reversal.reverses);
  // All three payments stay in the history; what the claim is paid in total is the correction.
  EXPECT_EQ(count("SELECT COUNT(*) FROM claim_payments WHERE claim_id = 'C1'"), 3);
  EXPECT_EQ(count("SELECT SUM(paid_cents) FROM claim_payments WHERE claim_id = 'C1'"), 13000);
  EXPECT_EQ(ledger::PostingStore(db()).claim_status("ACME01", "C1"), "paid");
}

TEST_P(LedgerSuite, AReversalWithoutItsOriginalIsRecordedWithAWarning) {
  submit({claim("C1")});
  const auto outcome = post_text(remittance_835(
      remittance_header("-120", "EFT20") +
      "CLP*C1*22*-150*-120*0*12*PCC77*11*1~SVC*HC:99213:25*-100*-80~CAS*CO*45*-20~REF*6R*C1-1~"
      "SVC*HC:81002*-50*-40~CAS*CO*45*-10~REF*6R*C1-2~"));
  ASSERT_EQ(outcome.result, reconcile::RemittanceOutcome::Result::posted);
  ASSERT_EQ(outcome.findings.size(), 1u);
  EXPECT_EQ(outcome.findings[0].rule, "post.reversal_without_original");
  EXPECT_EQ(outcome.findings[0].severity, model::FindingSeverity::warning);
  EXPECT_EQ(ledger::PostingStore(db()).claim_status("ACME01", "C1"), "reversed");
}

TEST_P(LedgerSuite, FindingsAreStoredWithTheirClaimPayment) {
  submit({claim("C1")});
  // One cent off on line 1 and on the claim; the line is matched, the claim too.
  const auto outcome = post_text(remittance_835(
      remittance_header("120", "EFT30") +
      "CLP*C1*1*150*120*20*12*PCC1*11*1~SVC*HC:99213:25*100*80~DTM*472*20240301~CAS*CO*45*9.99~CAS*PR*1*10~"
      "REF*6R*C1-1~SVC*HC:81002*50*40~DTM*472*20240301~CAS*PR*2*10~REF*6R*C1-2~"));
  EXPECT_EQ(outcome.unbalanced, 2u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM findings WHERE category = 'unbalanced' AND claim_payment_id IS NOT NULL"), 2);
  EXPECT_EQ(count("SELECT amount_cents FROM findings WHERE rule = 'balance.line'"), 1);
  EXPECT_EQ(text("SELECT location FROM findings WHERE rule = 'balance.line'"), "ST 0001 / segment 12 / 2110 SVC");
}

TEST_P(LedgerSuite, AnIncompleteTransactionSetWritesNothing) {
  std::string x12 = remittance_835(kThreeClaims);
  x12 = x12.substr(0, x12.find("CLP*C3"));
  const auto outcome = post_text(x12);
  EXPECT_EQ(outcome.result, reconcile::RemittanceOutcome::Result::not_posted);
  EXPECT_EQ(count("SELECT COUNT(*) FROM remittances"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM claim_payments"), 0);
}

// Payment rows name rows that exist (foreign keys on SQLite, checks per statement on
// PostgreSQL), and the rows they name stay: removing them, or changing a reference, is refused.
TEST_P(LedgerSuite, PaymentRowsNameRowsThatExistAndThoseRowsStay) {
  submit({claim("C1"), claim("C2"), claim("C3")});
  ASSERT_EQ(post_text(remittance_835(kThreeClaims)).result, reconcile::RemittanceOutcome::Result::posted);
  const std::int64_t payment = count("SELECT MIN(id) FROM claim_payments");
  const std::int64_t remittance = count("SELECT MIN(id) FROM remittances");
  const auto line_payment = [&](std::int64_t claim_payment_id, const std::string& service_line_row) {
    return fmt::format(
        "INSERT INTO line_payments (claim_payment_id, line_number, service_line_row, line_control_number, "
        "procedure_code, modifiers, service_date, billed_cents, paid_cents, contractual_cents, deductible_cents, "
        "coinsurance_cents, copay_cents, other_patient_cents, other_adjustment_cents, payer_initiated_cents, "
        "unclassified_cents, reason_codes, remark_codes) "
        "VALUES ({}, 99, {}, '', '99213', '', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '', '')",
        claim_payment_id, service_line_row);
  };
  const auto claim_payment = [&](std::int64_t remittance_id, std::int64_t claim_row) {
    return fmt::format(
        "INSERT INTO claim_payments (remittance_id, sequence, claim_row, claim_id, payer_id, "
        "payer_claim_control_number, status_code, claim_status, reversal, billed_cents, paid_cents, "
        "patient_responsibility_cents, contractual_cents, deductible_cents, coinsurance_cents, copay_cents, "
        "other_patient_cents, other_adjustment_cents, payer_initiated_cents, unclassified_cents, reason_codes, "
        "remark_codes) VALUES ({}, 99, {}, 'CX', 'ACME01', '', '1', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '', '')",
        remittance_id, claim_row);
  };
  const auto refused = [&](const std::string& sql) {
    ledger::sql::Transaction tx(db());
    EXPECT_THROW(db().execute(sql), ledger::LedgerError) << sql;
  };
  refused(line_payment(payment + 1000, "NULL"));
  // Which submitted line a line payment was matched to is a foreign key on SQLite; PostgreSQL
  // does not check it per statement (see migration 5): the poster writes only lines it read.
  if (db().dialect() == ledger::sql::Dialect::sqlite) refused(line_payment(payment, "123456789"));
  refused(claim_payment(remittance + 1000, count("SELECT MIN(id) FROM claims")));
  refused(claim_payment(remittance, 123456789));
  refused("DELETE FROM claim_payments");
  refused("DELETE FROM service_lines");
  refused("DELETE FROM remittances");
  refused("UPDATE line_payments SET claim_payment_id = claim_payment_id + 1000");
  {  // A row that names what exists goes in.
    ledger::sql::Transaction tx(db());
    db().execute(line_payment(payment, "NULL"));
    db().execute(claim_payment(remittance, count("SELECT MIN(id) FROM claims")));
    tx.commit();
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM line_payments"), 7);
  EXPECT_EQ(count("SELECT COUNT(*) FROM claim_payments"), 4);
}

// Coordination of benefits (migration 9): a claim naming other coverage keeps its rendering and
// payer level; its payment's CAS triples, NM1*TT and SVC05 are kept exactly and read back with
// its lines for the next payer's claim; the next payer's claims row links to it, and the history
// reads back with the next payer's claim number.
TEST_P(LedgerSuite, CoordinationReadsTheClaimsDueWithTheirExactAdjudication) {
  auto primary = claim("C1");
  primary.rendering = "ISA*RENDERING~";
  submit({primary, claim("C2")});
  EXPECT_EQ(count("SELECT COUNT(*) FROM claim_renderings"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM claims WHERE payer_level = 'P' AND follows_claim_row IS NULL"), 2);
  EXPECT_TRUE(ledger::read_coordination_candidates(db(), "2100-01-01").empty()) << "no remittance yet";

  post_text(remittance_835(remittance_header("145", "EFT9") +
                           "CLP*C1*1*150*120*30*12*PCC1*11*1~CAS*OA*23*0~NM1*TT*2*MEDIGAP PLAN*****PI*GAP1~"
                           "SVC*HC:99213:25*100*80**1~DTM*472*20240301~CAS*CO*45*10~CAS*PR*1*10*2~REF*6R*C1-1~"
                           "SVC*HC:81002*50*40**2~DTM*472*20240301~CAS*PR*2*10~REF*6R*C1-2~"
                           "CLP*C2*1*150*25*0*12*PCC2*11*1~"
                           "SVC*HC:99213*100*0**1~DTM*472*20240301~CAS*CO*97*100~"
                           "SVC*HC:81002*50*25**1~DTM*472*20240301~CAS*CO*45*25~"));
  EXPECT_TRUE(ledger::read_coordination_candidates(db(), "2024-04-04").empty()) << "paid on 2024-04-05";
  auto candidates = ledger::read_coordination_candidates(db(), "2024-04-05");
  ASSERT_EQ(candidates.size(), 1u) << "only the claim naming other coverage";
  const auto& c = candidates[0];
  EXPECT_EQ(c.claim.claim_id, "C1");
  EXPECT_EQ(c.claim.payer_level, "P");
  EXPECT_EQ(c.claim.rendering, "ISA*RENDERING~");
  ASSERT_EQ(c.payments.size(), 1u);
  const auto& p = c.payments[0];
  EXPECT_EQ(p.status_code, "1");
  EXPECT_EQ(p.paid_cents, 12000);
  EXPECT_EQ(p.patient_responsibility_cents, 3000);
  EXPECT_EQ(p.payer_claim_control_number, "PCC1");
  EXPECT_EQ(p.crossover_payer, "MEDIGAP PLAN");
  EXPECT_EQ(p.payment_date, "2024-04-05");
  ASSERT_EQ(p.adjustments.size(), 1u);
  EXPECT_EQ(p.adjustments[0].group_code, "OA");
  EXPECT_EQ(p.adjustments[0].reason, "23");
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_EQ(p.lines[0].submitted_line, 1);
  EXPECT_EQ(p.lines[0].modifiers, "25");
  EXPECT_EQ(p.lines[0].paid_cents, 8000);
  EXPECT_EQ(p.lines[0].paid_units, "") << "SVC05 1 is kept as absent (1)";
  ASSERT_EQ(p.lines[0].adjustments.size(), 2u);
  EXPECT_EQ(p.lines[0].adjustments[1].reason, "1");
  EXPECT_EQ(p.lines[0].adjustments[1].amount.cents(), 1000);
  EXPECT_EQ(p.lines[0].adjustments[1].quantity, (model::Decimal{2, 0}));
  EXPECT_EQ(p.lines[1].submitted_line, 2);
  EXPECT_EQ(p.lines[1].paid_units, "2");
  const std::int64_t payment_id = p.id;

  // The next payer's claim, linked, and the history with its claim number once a 277CA gave it.
  auto next = claim("C1", "GAP1");
  next.payer_level = "S";
  submit({next}, 2);
  const std::int64_t primary_row = count("SELECT id FROM claims WHERE payer_id = 'ACME01' AND claim_id = 'C1'");
  const std::int64_t batch = count("SELECT MAX(id) FROM batches");
  const std::int64_t next_row = ledger::claim_row_at(db(), batch, 1);
  ASSERT_GT(next_row, 0);
  {
    ledger::sql::Transaction tx(db());
    ledger::link_next_claim(db(), next_row, primary_row);
    ledger::CoordinationEvent e;
    e.claim_row = primary_row;
    e.claim_id = "C1";
    e.payer_id = "ACME01";
    e.next_payer_id = "GAP1";
    e.next_level = "S";
    e.event = "sent";
    e.based_on_payment = payment_id;
    e.next_claim_row = next_row;
    e.batch_id = batch;
    e.message = "sent";
    e.at = "2024-04-06T00:00:00Z";
    ledger::insert_coordination_events(db(), std::vector<ledger::CoordinationEvent>{e});
    tx.commit();
  }
  EXPECT_EQ(text("SELECT payer_level FROM claims WHERE id = " + std::to_string(next_row)), "S");
  EXPECT_EQ(count("SELECT follows_claim_row FROM claims WHERE id = " + std::to_string(next_row)), primary_row);
  db().execute("UPDATE claims SET payer_claim_control_number = 'GAPCLAIM7' WHERE id = " + std::to_string(next_row));
  candidates = ledger::read_coordination_candidates(db(), "2100-01-01");
  ASSERT_EQ(candidates.size(), 1u);
  ASSERT_EQ(candidates[0].history.size(), 1u);
  EXPECT_EQ(candidates[0].history[0].event, "sent");
  EXPECT_EQ(candidates[0].history[0].file_name, "ACME01-2.837");
  EXPECT_EQ(candidates[0].history[0].based_on_payment, payment_id);
  ASSERT_EQ(candidates[0].next_claim_numbers.size(), 1u);
  EXPECT_EQ(candidates[0].next_claim_numbers[0], "GAPCLAIM7");
  EXPECT_EQ(ledger::read_coordination_history(db(), "C1").size(), 1u);
}

}  // namespace clearhouse::testing
