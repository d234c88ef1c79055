// `clearhouse validate` and `clearhouse ack` end to end: exit codes (0 accepted, 1 rejected,
// 2 usage), JSON output, the acknowledgment files it writes (999 and TA1, which validate
// against the 999 spec), and the round trip a partner makes: submit -> the partner's 999
// (what validate writes) -> `clearhouse ack` marks the claims accepted, or rejected when the
// set was broken, or rejected by interchange when a TA1 says R.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

namespace fs = std::filesystem;
using testing::run_clearhouse;

fs::path golden(const std::string& name) { return testing::source_dir() / "tests" / "golden" / "validate" / name; }

std::string db_url(const fs::path& dir) { return "sqlite:" + (dir / "ledger.db").string(); }

// Submits samples/encounters.jsonl; returns the 837 files written.
std::vector<std::string> submit_samples(const fs::path& dir) {
  const auto r = run_clearhouse({"submit", (testing::source_dir() / "samples" / "encounters.jsonl").string(), "--out",
                                 (dir / "out").string(), "--db", db_url(dir)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  std::vector<std::string> files;
  if (d.HasParseError() || !d.HasMember("files")) return files;
  for (const auto& f : d["files"].GetArray()) files.emplace_back(f.GetString());
  return files;
}

std::map<std::string, std::string> ack_status_by_claim(const fs::path& dir) {
  auto ledger = ledger::open_ledger(db_url(dir));
  auto stmt = ledger->connection().prepare("SELECT claim_id, COALESCE(ack_status, '') FROM claims");
  std::map<std::string, std::string> out;
  while (stmt->step()) out[stmt->column_text(0)] = stmt->column_text(1);
  return out;
}

TEST(ValidateCli, ExitCodesAndUsage) {
  EXPECT_EQ(run_clearhouse({"validate", golden("valid_837p.x12").string()}).exit_code, 0);
  EXPECT_EQ(run_clearhouse({"validate", golden("clm02_not_sum_of_sv102.x12").string()}).exit_code, 1);
  EXPECT_EQ(run_clearhouse({"validate"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"validate", golden("valid_837p.x12").string(), "--ack", "997"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"validate", golden("valid_837p.x12").string(), "--format", "xml"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"validate", "/nonexistent/file.837"}).exit_code, 1);
}

TEST(ValidateCli, JsonFindingsCarryLocations) {
  const auto r = run_clearhouse({"validate", golden("clm02_not_sum_of_sv102.x12").string(), "--format", "json"});
  EXPECT_EQ(r.exit_code, 1);
  rapidjson::Document d;
  d.Parse(r.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << r.out;
  ASSERT_TRUE(d.HasMember("findings"));
  bool found = false;
  for (const auto& f : d["findings"].GetArray()) {
    const std::string text = f.HasMember("location") ? f["location"].GetString() : "";
    if (text.find("2300") != std::string::npos && text.find("CLM02") != std::string::npos) found = true;
  }
  EXPECT_TRUE(found) << r.out;
}

TEST(ValidateCli, WritesBothAcknowledgmentsAndTheyValidate) {
  const auto dir = testing::scratch_dir("validate-cli-ack");
  const auto ack = dir / "broken.ack";
  const auto r = run_clearhouse({"validate", golden("missing_nm1_85.x12").string(), "--ack", "both", "-o", ack.string(),
                                 "--db", db_url(dir)});
  EXPECT_EQ(r.exit_code, 1) << r.err;
  const std::string text = testing::read_file(ack);
  EXPECT_NE(text.find("TA1*"), std::string::npos) << text;
  EXPECT_NE(text.find("ST*999*"), std::string::npos) << text;
  EXPECT_NE(text.find("IK5*R"), std::string::npos) << text;
  // The acknowledgment itself is a valid 999 interchange.
  const auto v = run_clearhouse({"validate", ack.string()});
  EXPECT_EQ(v.exit_code, 0) << v.out << v.err;
}

// A mainframe "$$ADD" line or 2 KB of prose before the ISA: the same verdict, exit code, counts,
// findings and acknowledgment as the file without it, plus one warning (a note on how the file
// was read, which does not change the verdict).
TEST(ValidateCli, TextBeforeTheIsaValidatesLikeTheFileWithoutIt) {
  const auto dir = testing::scratch_dir("validate-cli-prefix");
  std::string prose;
  while (prose.size() < 2048) prose += "Mailbox 42. VISA/MC accepted. ISA is the interchange header. ";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {(testing::source_dir() / "samples" / "claims.837").string(), "$$ADD ID=ACME01 BID='DIV00837'\n"},
      {(testing::source_dir() / "samples" / "claims.837").string(), prose + "\n"},
      {golden("clm02_not_sum_of_sv102.x12").string(), "$$ADD ID=ACME01 BID='DIV00837'\n"},
      {golden("missing_nm1_85.x12").string(), prose + "\n"}};
  int n = 0;
  for (const auto& [file, prefix] : cases) {
    SCOPED_TRACE(file + " behind " + prefix.substr(0, 12));
    const auto prefixed = dir / ("prefixed-" + std::to_string(++n) + ".x12");
    testing::write_file(prefixed, prefix + testing::read_file(file));
    const auto a = run_clearhouse({"validate", file, "--format", "json"});
    const auto b = run_clearhouse({"validate", prefixed.string(), "--format", "json"});
    EXPECT_EQ(b.exit_code, a.exit_code) << b.out;
    rapidjson::Document da, db;
    da.Parse(a.out.c_str());
    db.Parse(b.out.c_str());
    ASSERT_FALSE(da.HasParseError() || db.HasParseError()) << a.out << b.out;
    for (const char* key : {"status", "transactions", "accepted", "accepted_with_errors", "rejected", "errors",
                            "interchanges", "acknowledgment"})
      EXPECT_TRUE(da[key] == db[key]) << key;
    EXPECT_EQ(db["warnings"].GetUint64(), da["warnings"].GetUint64() + 1);
    // The findings: the same, each at its offset plus the prefix's length, after the note.
    const auto& fa = da["findings"];
    const auto& fb = db["findings"];
    ASSERT_EQ(fb.Size(), fa.Size() + 1);
    EXPECT_STREQ(fb[0]["severity"].GetString(), "warning");
    EXPECT_NE(std::string(fb[0]["message"].GetString()).find(std::to_string(prefix.size()) + " bytes before the first ISA"),
              std::string::npos)
        << fb[0]["message"].GetString();
    for (rapidjson::SizeType i = 0; i < fa.Size(); ++i) {
      EXPECT_EQ(fb[i + 1]["offset"].GetUint64(), fa[i]["offset"].GetUint64() + prefix.size());
      EXPECT_STREQ(fb[i + 1]["message"].GetString(), fa[i]["message"].GetString());
      EXPECT_STREQ(fb[i + 1]["location"].GetString(), fa[i]["location"].GetString());
    }
    // The acknowledgments are byte for byte the same but for the ISA/GS date and time.
    // (Each from a ledger of its own, so that both get the same control numbers.)
    const auto ledger_a = dir / ("plain-" + std::to_string(n)), ledger_b = dir / ("prefixed-" + std::to_string(n));
    fs::create_directories(ledger_a);
    fs::create_directories(ledger_b);
    const auto ack_a = ledger_a / "file.ack", ack_b = ledger_b / "file.ack";
    run_clearhouse({"validate", file, "--ack", "both", "-o", ack_a.string(), "--db", db_url(ledger_a)});
    run_clearhouse({"validate", prefixed.string(), "--ack", "both", "-o", ack_b.string(), "--db", db_url(ledger_b)});
    const std::regex stamps(R"(\*\d{6}\*\d{4}\*|\*\d{8}\*\d{4}\*)");
    const std::string ta = std::regex_replace(testing::read_file(ack_a), stamps, "*DATE*TIME*");
    EXPECT_FALSE(ta.empty());
    EXPECT_EQ(std::regex_replace(testing::read_file(ack_b), stamps, "*DATE*TIME*"), ta);
  }
}

// A partner's 999 with a mainframe "$$ADD" line before its ISA marks the claims as the bare
// 999 does, through `ack` and through `post` (which must still recognise it as a 999).
TEST(AckCli, AcknowledgmentBehindAMainframeHeaderLine) {
  for (const bool via_post : {false, true}) {
    SCOPED_TRACE(via_post ? "post" : "ack");
    std::vector<std::string> outputs;
    std::vector<std::map<std::string, std::string>> statuses;
    for (const bool prefixed : {false, true}) {
      const auto dir = testing::scratch_dir(std::string("ack-prefix-") + (via_post ? "post-" : "ack-") +
                                            (prefixed ? "prefixed" : "plain"));
      const auto files = submit_samples(dir);
      ASSERT_FALSE(files.empty());
      const std::string ack = files.front() + ".999";
      const auto v = run_clearhouse({"validate", files.front(), "--ack", "999", "-o", ack, "--db", db_url(dir)});
      ASSERT_EQ(v.exit_code, 0) << v.out << v.err;
      if (prefixed) testing::write_file(ack, "$$ADD ID=PAYER1 BID='ACK999'\n" + testing::read_file(ack));
      const auto a = run_clearhouse({via_post ? "post" : "ack", ack, "--db", db_url(dir), "--format", "json"});
      EXPECT_EQ(a.exit_code, 0) << a.out << a.err;
      rapidjson::Document d;
      d.Parse(a.out.c_str());
      ASSERT_FALSE(d.HasParseError()) << a.out;
      EXPECT_GT(d["claims_marked"].GetUint64(), 0u) << a.out;
      outputs.push_back(std::regex_replace(a.out, std::regex(R"("file":"[^"]*",)"), ""));
      statuses.push_back(ack_status_by_claim(dir));
    }
    EXPECT_EQ(outputs[1], outputs[0]);
    EXPECT_EQ(statuses[1], statuses[0]);
    std::size_t accepted = 0;
    for (const auto& [claim, s] : statuses[1]) accepted += s == "accepted";
    EXPECT_GT(accepted, 0u);
  }
}

TEST(AckCli, PartnerAcceptanceMarksClaimsAccepted) {
  const auto dir = testing::scratch_dir("ack-accepted");
  const auto files = submit_samples(dir);
  ASSERT_FALSE(files.empty());
  for (const auto& f : files) {
    // What the payer would send back: the 999 validate writes for our own 837.
    const auto v = run_clearhouse({"validate", f, "--ack", "999", "-o", f + ".999", "--db", db_url(dir)});
    ASSERT_EQ(v.exit_code, 0) << v.out << v.err;
    const auto a = run_clearhouse({"ack", f + ".999", "--db", db_url(dir), "--format", "json"});
    EXPECT_EQ(a.exit_code, 0) << a.out << a.err;
  }
  const auto status = ack_status_by_claim(dir);
  ASSERT_FALSE(status.empty());
  for (const auto& [claim, s] : status) EXPECT_EQ(s, "accepted") << claim;
}

TEST(AckCli, RejectedSetMarksItsClaimsRejected) {
  const auto dir = testing::scratch_dir("ack-rejected");
  const auto files = submit_samples(dir);
  ASSERT_FALSE(files.empty());
  // Break CLM02 of the first claim of the first file: the payer rejects that transaction set.
  std::string text = testing::read_file(files.front());
  std::smatch m;
  const std::regex clm(R"(CLM\*([^*]+)\*([0-9.]+)\*)");
  ASSERT_TRUE(std::regex_search(text, m, clm));
  const std::string first_claim = m[1];
  text.replace(static_cast<std::size_t>(m.position(2)), static_cast<std::size_t>(m.length(2)), "99999.99");
  const auto broken = dir / "broken.837";
  testing::write_file(broken, text);
  const auto v = run_clearhouse({"validate", broken.string(), "--ack", "999", "-o", (dir / "broken.999").string(),
                                 "--db", db_url(dir)});
  EXPECT_EQ(v.exit_code, 1) << v.out;
  const auto a = run_clearhouse({"ack", (dir / "broken.999").string(), "--db", db_url(dir)});
  EXPECT_EQ(a.exit_code, 1) << a.out << a.err;
  const auto status = ack_status_by_claim(dir);
  EXPECT_EQ(status.at(first_claim), "rejected");
  std::size_t untouched = 0;
  for (const auto& [claim, s] : status) untouched += s.empty();
  EXPECT_GT(untouched, 0u) << "claims of other files are not acknowledged yet";
}

TEST(AckCli, RejectedInterchangeMarksEveryClaimOfTheBatch) {
  const auto dir = testing::scratch_dir("ack-ta1");
  const auto files = submit_samples(dir);
  ASSERT_FALSE(files.empty());
  const std::string sent = testing::read_file(files.front());
  // ISA06/ISA08/ISA13 of what we sent; the payer's TA1 comes back the other way.
  const std::string sender = sent.substr(35, 15), receiver = sent.substr(54, 15), isa13 = sent.substr(90, 9);
  const std::string ta1 = "ISA*00*          *00*          *ZZ*" + receiver + "*ZZ*" + sender +
                          "*260101*1200*^*00501*000000777*0*P*:~TA1*" + isa13 + "*260101*1200*R*022~IEA*0*000000777~";
  testing::write_file(dir / "reject.ta1", ta1);
  const auto a = run_clearhouse({"ack", (dir / "reject.ta1").string(), "--db", db_url(dir), "--format", "json"});
  EXPECT_EQ(a.exit_code, 1) << a.out << a.err;
  rapidjson::Document d;
  d.Parse(a.out.c_str());
  ASSERT_FALSE(d.HasParseError()) << a.out;
  EXPECT_EQ(d["interchanges_rejected"].GetUint64(), 1u);
  EXPECT_GT(d["claims_marked"].GetUint64(), 0u);
  // An acknowledgment of something never sent matches nothing.
  const std::string stray = "ISA*00*          *00*          *ZZ*" + receiver + "*ZZ*" + sender +
                            "*260101*1200*^*00501*000000778*0*P*:~TA1*000009999*260101*1200*R*022~IEA*0*000000778~";
  testing::write_file(dir / "stray.ta1", stray);
  const auto s = run_clearhouse({"ack", (dir / "stray.ta1").string(), "--db", db_url(dir)});
  EXPECT_EQ(s.exit_code, 1);
  EXPECT_NE(s.out.find("unmatched"), std::string::npos) << s.out;
}

}  // namespace
}  // namespace clearhouse
