// `clearhouse intake` end to end: a provider file with one accepted and one rejected 837P set
// gives a 999 answering both, forwards only the accepted set's claim (re-enveloped with the
// clearinghouse's ids, which validates clean), records it in the ledger as submitted, and
// refuses to forward it a second time; claims of several payers go to one file per payer.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include "engine/ledger/ledger.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

namespace fs = std::filesystem;
using testing::run_clearhouse;

std::string golden(const std::string& name) {
  return testing::read_file(testing::source_dir() / "tests" / "golden" / "validate" / name);
}

// The ST..SE of a one-set golden file.
std::string transaction_of(const std::string& text) {
  const auto st = text.find("ST*837*");
  const auto se = text.find("SE*", st);
  return text.substr(st, text.find('~', se) + 1 - st);
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
}

// One interchange, one group: the valid claim PCN1001 (set 0001) and a claim PCN2002 whose
// CLM02 is not the sum of its lines (set 0002, rejected).
std::string mixed_input() {
  const std::string valid = golden("valid_837p.x12");
  std::string broken = transaction_of(golden("clm02_not_sum_of_sv102.x12"));
  replace_all(broken, "ST*837*0001*", "ST*837*0002*");
  replace_all(broken, "*0001~", "*0002~");
  replace_all(broken, "CLM*PCN1001*", "CLM*PCN2002*");
  const auto gs_end = valid.find('~', valid.find("GS*")) + 1;
  return valid.substr(0, gs_end) + "\n" + transaction_of(valid) + "\n" + broken + "\nGE*2*101~\nIEA*1*000000101~\n";
}

rapidjson::Document parse(const std::string& out) {
  rapidjson::Document d;
  d.Parse(out.c_str());
  EXPECT_FALSE(d.HasParseError()) << out;
  return d;
}

TEST(IntakeCli, ForwardsOnlyAcceptedSetsAndAnswersBothIn999) {
  const auto dir = testing::scratch_dir("intake-mixed");
  const auto input = dir / "provider.837";
  testing::write_file(input, mixed_input());
  const std::string db = "sqlite:" + (dir / "ledger.db").string();
  const auto r = run_clearhouse({"intake", input.string(), "--out", (dir / "out").string(), "--db", db,
                                 "--submitter-id", "CHOUSE01"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;  // one set rejected
  auto d = parse(r.out);
  ASSERT_TRUE(d.IsObject());
  EXPECT_EQ(d["sets"]["accepted"].GetUint64(), 1u);
  EXPECT_EQ(d["sets"]["rejected"].GetUint64(), 1u);
  EXPECT_EQ(d["claims_forwarded"].GetUint64(), 1u);
  ASSERT_EQ(d["files"].Size(), 1u);

  std::string ack = testing::read_file(d["ack"].GetString());
  replace_all(ack, "\n", "");
  EXPECT_NE(ack.find("AK2*837*0001*005010X222A1~IK5*A~"), std::string::npos) << ack;
  EXPECT_NE(ack.find("AK2*837*0002*005010X222A1~IK3*CLM*"), std::string::npos) << ack;
  EXPECT_NE(ack.find("AK9*P*2*2*1~"), std::string::npos) << ack;

  const std::string forwarded_path = d["files"][0].GetString();
  const std::string forwarded = testing::read_file(forwarded_path);
  EXPECT_NE(forwarded.find("CLM*PCN1001*"), std::string::npos);
  EXPECT_EQ(forwarded.find("PCN2002"), std::string::npos);
  EXPECT_EQ(forwarded.find("*ZZ*CHOUSE01       *ZZ*60054          *"), 31u) << forwarded.substr(0, 110);
  EXPECT_NE(forwarded.find("NM1*41*2*CLEARHOUSE BILLING*****46*CHOUSE01~"), std::string::npos);
  EXPECT_NE(forwarded.find("NM1*40*2*ACME HEALTH PLAN*****46*60054~"), std::string::npos);
  EXPECT_EQ(fs::path(forwarded_path).filename().string(), "60054-000000001.837");
  const auto v = run_clearhouse({"validate", forwarded_path});
  EXPECT_EQ(v.exit_code, 0) << v.out;

  {
    auto ledger = ledger::open_ledger(db);
    EXPECT_EQ(ledger->count_claims(), 1u);
    const auto claim = ledger->find_claim("60054", "PCN1001");
    ASSERT_TRUE(claim.has_value());
    EXPECT_EQ(claim->status, "submitted");
    EXPECT_EQ(claim->billed_cents, 15000);
    EXPECT_EQ(claim->lines.size(), 2u);
    const auto batches = ledger->batches();
    ASSERT_EQ(batches.size(), 1u);
    EXPECT_EQ(batches[0].sender_id, "CHOUSE01");
    EXPECT_EQ(batches[0].receiver_id, "60054");
  }

  // The same file again: the claim was forwarded already.
  const auto again = run_clearhouse({"intake", input.string(), "--out", (dir / "out").string(), "--db", db,
                                     "--submitter-id", "CHOUSE01"});
  EXPECT_EQ(again.exit_code, 1);
  auto d2 = parse(again.out);
  EXPECT_EQ(d2["claims_forwarded"].GetUint64(), 0u);
  ASSERT_EQ(d2["duplicates"].Size(), 1u);
  EXPECT_STREQ(d2["duplicates"][0].GetString(), "60054/PCN1001");
}

TEST(IntakeCli, SplitsClaimsByPayer) {
  const auto dir = testing::scratch_dir("intake-payers");
  const std::string db = "sqlite:" + (dir / "ledger.db").string();
  const auto r = run_clearhouse({"intake", (testing::source_dir() / "samples" / "claims.837").string(), "--out",
                                 (dir / "out").string(), "--db", db});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  auto d = parse(r.out);
  ASSERT_TRUE(d.IsObject());
  EXPECT_EQ(d["claims_forwarded"].GetUint64(), 12u);
  ASSERT_GT(d["files"].Size(), 1u);
  std::size_t claims = 0, other_payers = 0;
  for (const auto& f : d["files"].GetArray()) {
    const std::string text = testing::read_file(f.GetString());
    const std::string payer = fs::path(f.GetString()).filename().string().substr(0, 5);
    // Every claim in a file is for that file's payer (its 2010BB NM1*PR, before the claims of
    // its HL; an NM1*PR inside a claim is a 2330B other payer, forwarded with the claim).
    std::size_t at = 0, in_file = 0;
    while ((at = text.find("\nCLM*", at + 1)) != std::string::npos) ++in_file;
    std::size_t payers = 0;
    bool in_claim = false;
    for (at = 0; at < text.size();) {
      std::size_t end = text.find('~', at);
      if (end == std::string::npos) end = text.size();
      std::string seg = text.substr(at, end - at);
      seg.erase(0, seg.find_first_not_of("\r\n"));
      if (seg.rfind("HL*", 0) == 0) in_claim = false;
      if (seg.rfind("CLM*", 0) == 0) in_claim = true;
      if (seg.rfind("NM1*PR*", 0) == 0 && !in_claim) {
        EXPECT_NE(seg.find("*PI*" + payer), std::string::npos) << seg;
        ++payers;
      }
      if (seg.rfind("NM1*PR*", 0) == 0 && in_claim) {
        EXPECT_EQ(seg.find("*PI*" + payer), std::string::npos) << seg;  // never the claim's own payer
        ++other_payers;
      }
      at = end + 1;
    }
    EXPECT_GT(payers, 0u);
    claims += in_file;
    EXPECT_EQ(run_clearhouse({"validate", f.GetString()}).exit_code, 0) << f.GetString();
  }
  EXPECT_EQ(claims, 12u);
  EXPECT_EQ(other_payers, 4u);  // samples/claims.837's other coverage travels with its claims
  auto ledger = ledger::open_ledger(db);
  EXPECT_EQ(ledger->count_claims(), 12u);
}

// A payer id longer than ISA08's 15 characters: that claim is refused with the field named
// (never forwarded under a truncated id), the other payer's claim goes on.
TEST(IntakeCli, RefusesAPayerIdLongerThanIsa08Holds) {
  const auto dir = testing::scratch_dir("intake-long-payer");
  const std::string valid = golden("valid_837p.x12");
  std::string other = transaction_of(valid);
  replace_all(other, "ST*837*0001*", "ST*837*0002*");
  replace_all(other, "*0001~", "*0002~");
  replace_all(other, "CLM*PCN1001*", "CLM*PCN3003*");
  replace_all(other, "*PI*60054~", "*PI*PAYER-ID-OF-17-CH~");
  const auto gs_end = valid.find('~', valid.find("GS*")) + 1;
  const auto input = dir / "provider.837";
  testing::write_file(input, valid.substr(0, gs_end) + "\n" + transaction_of(valid) + "\n" + other +
                                 "\nGE*2*101~\nIEA*1*000000101~\n");
  const std::string db = "sqlite:" + (dir / "ledger.db").string();
  const auto r = run_clearhouse({"intake", input.string(), "--out", (dir / "out").string(), "--db", db});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  auto d = parse(r.out);
  ASSERT_TRUE(d.IsObject());
  EXPECT_EQ(d["sets"]["accepted"].GetUint64(), 2u);
  EXPECT_EQ(d["claims_forwarded"].GetUint64(), 1u);
  ASSERT_EQ(d["problems"].Size(), 1u);
  EXPECT_STREQ(d["problems"][0].GetString(),
               "claim PCN3003: not forwarded to payer PAYER-ID-OF-17-CH: ISA08: receiver id 'PAYER-ID-OF-17-CH' is 17 "
               "characters; at most 15 fit");
  ASSERT_EQ(d["files"].Size(), 1u);
  EXPECT_EQ(fs::path(d["files"][0].GetString()).filename().string().rfind("60054-", 0), 0u);
  for (const auto& entry : fs::directory_iterator(dir / "out"))
    EXPECT_EQ(entry.path().filename().string().find("PAYER-ID"), std::string::npos) << entry.path();
  auto ledger = ledger::open_ledger(db);
  EXPECT_EQ(ledger->count_claims(), 1u);
  EXPECT_FALSE(ledger->find_claim("PAYER-ID-OF-17-CH", "PCN3003").has_value());
  EXPECT_FALSE(ledger->find_claim("PAYER-ID-OF-17", "PCN3003").has_value());
}

TEST(IntakeCli, Usage) {
  EXPECT_EQ(run_clearhouse({"intake"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"intake", "x.837"}).exit_code, 2);  // no --out
  EXPECT_EQ(run_clearhouse({"intake", "-", "--out", "d"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"intake", "x.837", "--out", "d", "--submitter-id", "X"}).exit_code, 2);
}

}  // namespace
}  // namespace clearhouse
