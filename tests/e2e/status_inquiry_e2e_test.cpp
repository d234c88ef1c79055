// `clearhouse status-inquiry` end to end: submit the samples, post a 277CA that rejects one
// claim and accepts another with the payer's claim number, then write the 276s: one 2200D per
// due claim (REF*EJ = CLM01, REF*1K where the 277CA gave one), none for the rejected claim,
// files `clearhouse validate` accepts; a second run the same day writes none. The payer's 277
// answers (005010X212, TRN02 = our trace) mark the inquiries answered and a finalized claim is
// not asked about again, a pended one is.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <set>

#include "engine/ledger/ledger.hpp"
#include "tests/support/claim_ack_277ca.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

namespace fs = std::filesystem;

std::string db_url(const fs::path& dir) { return "sqlite:" + (dir / "ledger.db").string(); }

std::int64_t query_int(const fs::path& dir, const std::string& sql) {
  auto ledger = ledger::open_ledger(db_url(dir));
  return ledger->connection().prepare(sql)->single_int().value_or(-1);
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

// Per claim inquiry in a 276: its trace (TRN02), REF*EJ and REF*1K.
struct Asked {
  std::string trace, payer_claim_number;
};
std::map<std::string, Asked> inquiries_in(const fs::path& file) {
  std::map<std::string, Asked> out;
  std::string trace;
  std::string pcn;
  for (const auto& e : segments_of(read_file(file))) {
    if (e[0] == "TRN") {
      trace = e[2];
      pcn.clear();
    } else if (e[0] == "REF" && e[1] == "1K") {
      pcn = e[2];
    } else if (e[0] == "REF" && e[1] == "EJ") {
      out[e[2]] = {trace, pcn};
    }
  }
  return out;
}

struct Run {
  rapidjson::Document summary;
  std::map<std::string, Asked> asked;  // by CLM01, over every file
  std::vector<fs::path> files;
  int exit_code = -1;
};

Run status_inquiry(const fs::path& dir, const std::string& as_of, const std::string& out) {
  Run r;
  const auto result = run_clearhouse({"status-inquiry", "--out", (dir / out).string(), "--db", db_url(dir), "--as-of", as_of});
  r.exit_code = result.exit_code;
  EXPECT_TRUE(result.exit_code == 0) << result.out << result.err;
  r.summary = parse_json(result.out);
  if (fs::exists(dir / out))
    for (const auto& entry : fs::directory_iterator(dir / out))
      if (entry.path().extension() == ".276") {
        r.files.push_back(entry.path());
        for (auto& [claim, asked] : inquiries_in(entry.path())) r.asked[claim] = asked;
      }
  return r;
}

// A 277 (005010X212) answering inquiries: (trace, CLM01, STC) per claim.
std::string response_277(const std::string& payer_id, const std::vector<std::array<std::string, 3>>& answers) {
  std::string body;
  int hl = 3, segments = 0;
  auto seg = [&](const std::string& s) {
    body += s + "~\n";
    ++segments;
  };
  seg("ST*277*0001*005010X212");
  seg("BHT*0010*08*ANSWER1*20300201*1200*DG");
  seg(fmt::format("HL*1**20*1"));
  seg(fmt::format("NM1*PR*2*PAYER*****PI*{}", payer_id));
  seg("HL*2*1*21*1");
  seg("NM1*41*2*CLEARHOUSE*****46*CLEARHOUSE");
  seg("HL*3*2*19*1");
  seg("NM1*1P*2*PROVIDER*****XX*1234567893");
  for (const auto& [trace, claim, stc] : answers) {
    seg(fmt::format("HL*{}*3*22*0", ++hl));
    seg("NM1*IL*1*DOE*JANE****MI*M1");
    seg("TRN*2*" + trace);
    seg(stc);
    seg("REF*EJ*" + claim);
  }
  seg(fmt::format("SE*{}*0001", segments + 1));
  return "ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLEARHOUSE     *300201*1200*^*00501*000000077*0*T*:~\n"
         "GS*HN*PAYER*CLEARHOUSE*20300201*1200*77*X*005010X212~\n" +
         body + "GE*1*77~\nIEA*1*000000077~\n";
}

TEST(StatusInquiryE2E, InquiriesForSilentClaimsValidateAreRecordedAndAnswered) {
  const auto dir = scratch_dir("status_inquiry_e2e");
  auto r = run_clearhouse({"submit", (source_dir() / "samples" / "encounters.jsonl").string(), "--out",
                           (dir / "out").string(), "--db", db_url(dir)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<SentBatch> batches;
  for (const auto& entry : fs::directory_iterator(dir / "out"))
    if (entry.path().extension() == ".837")
      for (auto& b : read_sent_837(entry.path())) batches.push_back(std::move(b));
  std::sort(batches.begin(), batches.end(), [](const auto& a, const auto& b) { return a.claims.size() > b.claims.size(); });
  std::size_t total = 0;
  for (const auto& b : batches) total += b.claims.size();
  const auto& batch = batches.front();
  ASSERT_GE(batch.claims.size(), 3u);
  const auto& c = batch.claims;

  // The 277CA: the first claim rejected, the second accepted with the payer's claim number.
  std::ostringstream ack;
  write_277ca(ack, answer_to(batch, {status_for(c[0], "A7:33:IL"), status_for(c[1], "A2:20", "PCN-ONE")}, 300));
  write_file(dir / "ack.277", ack.str());
  r = run_clearhouse({"ack", (dir / "ack.277").string(), "--db", db_url(dir)});
  ASSERT_EQ(r.exit_code, 1) << r.err;  // a rejection

  // Nothing is due the day of submission (the interval has not passed).
  const auto today = status_inquiry(dir, "2000-01-01", "none");
  EXPECT_EQ(today.summary["due"].GetUint64(), 0u);
  EXPECT_TRUE(today.files.empty());

  const auto first = status_inquiry(dir, "2100-01-01", "inquiries");
  EXPECT_EQ(first.summary["due"].GetUint64(), total - 1);
  EXPECT_EQ(first.summary["inquiries"].GetUint64(), total - 1);
  EXPECT_EQ(first.asked.size(), total - 1);  // one 2200D per due claim
  EXPECT_FALSE(first.asked.count(c[0].claim_id)) << "the rejected claim is not asked about";
  ASSERT_TRUE(first.asked.count(c[1].claim_id));
  EXPECT_EQ(first.asked.at(c[1].claim_id).payer_claim_number, "PCN-ONE");
  EXPECT_EQ(first.asked.at(c[2].claim_id).payer_claim_number, "");
  std::set<std::string> traces;
  for (const auto& [claim, asked] : first.asked) traces.insert(asked.trace);
  EXPECT_EQ(traces.size(), first.asked.size()) << "a trace per claim";
  // One file per receiver, named <receiver>-<ISA13>.276, that validate accepts.
  EXPECT_EQ(first.files.size(), first.summary["files"].Size());
  for (const auto& f : first.files) {
    EXPECT_EQ(f.extension(), ".276");
    const auto v = run_clearhouse({"validate", f.string(), "--format", "json"});
    EXPECT_EQ(v.exit_code, 0) << f << "\n" << v.out << v.err;
  }
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM status_inquiries"), static_cast<std::int64_t>(total - 1));

  // The same day again: nothing written.
  const auto again = status_inquiry(dir, "2100-01-01", "again");
  EXPECT_EQ(again.summary["inquiries"].GetUint64(), 0u);
  EXPECT_TRUE(again.files.empty());

  // The payer answers: the accepted claim is paid, the third pended.
  const auto answer = response_277(c[1].payer_id, {{first.asked.at(c[1].claim_id).trace, c[1].claim_id, "STC*F1:65*21000101**100*100"},
                                                   {first.asked.at(c[2].claim_id).trace, c[2].claim_id, "STC*P1:20*21000101"}});
  write_file(dir / "answer.277", answer);
  r = run_clearhouse({"ack", (dir / "answer.277").string(), "--db", db_url(dir), "--format", "json"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  const auto posted = parse_json(r.out);
  EXPECT_EQ(posted["matched"].GetUint64(), 2u) << r.out;
  EXPECT_EQ(query_int(dir, "SELECT COUNT(*) FROM status_inquiries WHERE answered_at IS NOT NULL"), 2);
  const auto report = parse_json(run_clearhouse({"report", "--db", db_url(dir)}).out);
  EXPECT_EQ(report["front_door"]["inquiries"]["sent"].GetUint64(), total - 1);
  EXPECT_EQ(report["front_door"]["inquiries"]["answered"].GetUint64(), 2u);

  // Later: the paid claim is not asked about again, the pended one is.
  const auto later = status_inquiry(dir, "2100-03-01", "later");
  EXPECT_FALSE(later.asked.count(c[1].claim_id));
  EXPECT_TRUE(later.asked.count(c[2].claim_id));
  EXPECT_FALSE(later.asked.count(c[0].claim_id));
  EXPECT_EQ(later.asked.size(), total - 2);
}

TEST(StatusInquiryE2E, UsageErrorsExitTwo) {
  EXPECT_EQ(run_clearhouse({"status-inquiry"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"status-inquiry", "--out", "x", "--older-than", "soon"}).exit_code, 2);
}

}  // namespace
}  // namespace clearhouse::testing
