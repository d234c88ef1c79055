// 277CA front-door acknowledgments end to end: submit the samples, write a 277CA (the test's
// own writer, tests/support/claim_ack_277ca.hpp) that accepts some claims and rejects others,
// `clearhouse ack` it, and check the ledger, the worklist (`worklist show`), the exit status and
// that posting it again changes nothing (the ledger's rows compared before and after). The
// corpus 277s (../shared/corpus/other, found by ST*277) read and post; on an empty
// ledger, every claim they report is unmatched.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <fstream>
#include <map>
#include <regex>

#include "engine/ledger/ledger.hpp"
#include "tests/support/claim_ack_277ca.hpp"
#include "tests/support/claim_status_files.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

namespace fs = std::filesystem;

std::string db_url(const fs::path& dir) { return "sqlite:" + (dir / "ledger.db").string(); }

std::string query_text(const fs::path& dir, const std::string& sql) {
  auto ledger = ledger::open_ledger(db_url(dir));
  auto q = ledger->connection().prepare(sql);
  std::string out;
  if (q->step()) out = q->column_text(0);
  q->reset();
  return out;
}

std::int64_t query_int(const fs::path& dir, const std::string& sql) {
  auto ledger = ledger::open_ledger(db_url(dir));
  return ledger->connection().prepare(sql)->single_int().value_or(-1);
}

// Everything a 277 posting writes, as text: what "changes nothing" is compared on.
std::string ledger_dump(const fs::path& dir) {
  std::string out;
  for (const char* sql : {
           "SELECT group_concat(x, '|') FROM (SELECT id || ',' || COALESCE(front_door_status, '-') || ',' || "
           "COALESCE(front_door_at, '-') || ',' || COALESCE(payer_claim_control_number, '-') || ',' || status AS x "
           "FROM claims ORDER BY id)",
           "SELECT group_concat(x, '|') FROM (SELECT id || ',' || guide || ',' || content_hash || ',' || matched AS x "
           "FROM claim_status_reports ORDER BY id)",
           "SELECT group_concat(x, '|') FROM (SELECT id || ',' || claim_id || ',' || status || ',' || status_codes AS x "
           "FROM claim_status_history ORDER BY id)",
           "SELECT group_concat(x, '|') FROM (SELECT id || ',' || claim_id || ',' || category || ',' || status || ',' "
           "|| updated_at AS x FROM worklist_items ORDER BY id)",
           "SELECT group_concat(x, '|') FROM (SELECT id || ',' || rule || ',' || is_open || ',' || message AS x FROM "
           "worklist_findings ORDER BY id)",
           "SELECT group_concat(x, '|') FROM (SELECT id || ',' || event || ',' || note AS x FROM worklist_events "
           "ORDER BY id)",
       })
    out += query_text(dir, sql) + "\n";
  return out;
}

fs::path write_spec(const fs::path& dir, const std::string& name, const Ack277caSpec& spec) {
  const auto path = dir / name;
  std::ofstream out(path, std::ios::binary);
  write_277ca(out, spec);
  return path;
}

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  EXPECT_FALSE(d.HasParseError()) << text;
  return d;
}

struct Submitted {
  fs::path dir;
  std::vector<SentBatch> batches;  // of every 837 file written
};

Submitted submit_samples(const std::string& name) {
  Submitted s;
  s.dir = scratch_dir(name);
  const auto r = run_clearhouse({"submit", (source_dir() / "samples" / "encounters.jsonl").string(), "--out",
                                 (s.dir / "out").string(), "--db", db_url(s.dir)});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  for (const auto& entry : fs::directory_iterator(s.dir / "out"))
    if (entry.path().extension() == ".837")
      for (auto& b : read_sent_837(entry.path())) s.batches.push_back(std::move(b));
  std::sort(s.batches.begin(), s.batches.end(), [](const auto& a, const auto& b) { return a.claims.size() > b.claims.size(); });
  return s;
}

TEST(ClaimStatusE2E, A277caAcceptsSomeClaimsAndRejectsOthersOntoTheWorklist) {
  auto sub = submit_samples("claim_status_e2e");
  ASSERT_FALSE(sub.batches.empty());
  const auto& batch = sub.batches.front();  // the batch with the most claims
  ASSERT_GE(batch.claims.size(), 3u);
  const auto& c = batch.claims;
  std::vector<Ack277caClaim> statuses = {status_for(c[0], "A2:20", "PCN-0001"), status_for(c[1], "A7:33:IL"),
                                         status_for(c[2], "A3:24:85")};
  for (std::size_t i = 3; i < c.size(); ++i) statuses.push_back(status_for(c[i], "A1:19", fmt::format("PCN-{:04}", i)));
  auto spec = answer_to(batch, statuses, 501);
  // A status for a claim we never sent.
  spec.batches[0].providers.back().claims.push_back(status_for({"NEVER-SENT", c[0].npi, c[0].payer_id, 100}, "A2:20"));
  const auto file = write_spec(sub.dir, "answer.277", spec);

  const auto acked = run_clearhouse({"ack", file.string(), "--db", db_url(sub.dir), "--format", "json"});
  EXPECT_EQ(acked.exit_code, 1) << acked.out << acked.err;  // rejections and an unmatched status
  const auto summary = parse_json(acked.out);
  EXPECT_EQ(summary["posted"].GetUint64(), 1u);
  EXPECT_EQ(summary["statuses"].GetUint64(), c.size() + 1);
  EXPECT_EQ(summary["rejected"].GetUint64(), 2u);
  EXPECT_EQ(summary["accepted"].GetUint64(), c.size() - 2);
  EXPECT_EQ(summary["unmatched"].GetUint64(), 1u);
  EXPECT_EQ(summary["worklist"]["opened"].GetUint64(), 2u);
  EXPECT_NE(acked.err.find("NEVER-SENT"), std::string::npos) << acked.err;

  // Accepted claims: their status and the payer's claim number, and no worklist item.
  const auto quoted = [](const std::string& s) { return "'" + s + "'"; };
  EXPECT_EQ(query_text(sub.dir, "SELECT front_door_status FROM claims WHERE claim_id = " + quoted(c[0].claim_id)), "accepted");
  EXPECT_EQ(query_text(sub.dir, "SELECT payer_claim_control_number FROM claims WHERE claim_id = " + quoted(c[0].claim_id)),
            "PCN-0001");
  for (std::size_t i : {std::size_t{0}, c.size() - 1}) {
    const auto shown = run_clearhouse({"worklist", "show", c[i].claim_id, "--db", db_url(sub.dir)});
    EXPECT_EQ(shown.exit_code, 1) << c[i].claim_id << ": " << shown.out;
  }

  // Rejected claims: an open item each, categorised by the STC codes, which it names with their texts.
  const auto elig = run_clearhouse({"worklist", "show", c[1].claim_id, "--db", db_url(sub.dir)});
  ASSERT_EQ(elig.exit_code, 0) << elig.err;
  auto d = parse_json(elig.out);
  EXPECT_STREQ(d["item"]["status"].GetString(), "open");
  EXPECT_STREQ(d["item"]["category"].GetString(), "eligibility");
  EXPECT_STREQ(d["item"]["action"].GetString(), "correct_resubmit");
  EXPECT_EQ(d["item"]["amount_cents"].GetInt64(), c[1].charge_cents);
  ASSERT_EQ(d["findings"].Size(), 1u);
  const std::string message = d["findings"][0]["message"].GetString();
  EXPECT_NE(message.find("A7:33:IL"), std::string::npos) << message;
  EXPECT_NE(message.find("Rejected for invalid information"), std::string::npos) << message;
  EXPECT_NE(message.find("Subscriber and subscriber id not found"), std::string::npos) << message;
  EXPECT_STREQ(d["findings"][0]["rule"].GetString(), "front_door.rejected");
  EXPECT_EQ(query_text(sub.dir, "SELECT front_door_status FROM claims WHERE claim_id = " + quoted(c[1].claim_id)), "rejected");

  // The timeline: submitted, then the 277CA.
  const auto& timeline = d["timeline"];
  ASSERT_TRUE(timeline.IsArray()) << elig.out;
  ASSERT_GE(timeline.Size(), 2u);
  EXPECT_STREQ(timeline[0]["event"].GetString(), "submitted");
  EXPECT_STREQ(timeline[timeline.Size() - 1]["event"].GetString(), "claim_status");
  EXPECT_STREQ(timeline[timeline.Size() - 1]["status"].GetString(), "rejected");
  EXPECT_NE(std::string(timeline[timeline.Size() - 1]["detail"].GetString()).find("277CA"), std::string::npos);

  const auto prov = parse_json(run_clearhouse({"worklist", "show", c[2].claim_id, "--db", db_url(sub.dir)}).out);
  EXPECT_STREQ(prov["item"]["category"].GetString(), "provider_eligibility");

  // The report: first-pass acceptance by payer, rejections by category, claims awaiting a 277CA.
  std::size_t total = 0;
  for (const auto& other : sub.batches) total += other.claims.size();
  const auto report = parse_json(run_clearhouse({"report", "--db", db_url(sub.dir)}).out);
  const auto& front = report["front_door"];
  ASSERT_TRUE(front.IsObject());
  bool payer_seen = false;
  for (const auto& p : front["payers"].GetArray()) {
    if (std::string(p["payer_id"].GetString()) != c[0].payer_id) continue;
    payer_seen = true;
    EXPECT_EQ(p["acknowledged"].GetUint64(), c.size());
    EXPECT_EQ(p["accepted_first_pass"].GetUint64(), c.size() - 2);
  }
  EXPECT_TRUE(payer_seen);
  EXPECT_EQ(front["awaiting_277ca"].GetUint64(), total - c.size());
  std::map<std::string, std::uint64_t> by_category;
  for (const auto& r : front["rejections_by_category"].GetArray()) by_category[r["category"].GetString()] = r["claims"].GetUint64();
  EXPECT_EQ(by_category, (std::map<std::string, std::uint64_t>{{"eligibility", 1}, {"provider_eligibility", 1}}));

  // The same file again changes nothing.
  const auto before = ledger_dump(sub.dir);
  const auto again = run_clearhouse({"ack", file.string(), "--db", db_url(sub.dir), "--format", "json"});
  EXPECT_EQ(parse_json(again.out)["already_posted"].GetUint64(), 1u) << again.out;
  EXPECT_EQ(ledger_dump(sub.dir), before);
  EXPECT_EQ(query_int(sub.dir, "SELECT COUNT(*) FROM claim_status_reports"), 1);

  // `post` routes a 277CA the same way.
  const auto posted = run_clearhouse({"post", file.string(), "--db", db_url(sub.dir)});
  EXPECT_EQ(parse_json(posted.out)["already_posted"].GetUint64(), 1u) << posted.out << posted.err;
  EXPECT_EQ(ledger_dump(sub.dir), before);
}

TEST(ClaimStatusE2E, EverythingAcceptedExitsZeroAndTheCorrectedClaimResolvesItsItem) {
  auto sub = submit_samples("claim_status_e2e_clean");
  const auto& batch = sub.batches.front();
  const auto& c = batch.claims;
  std::vector<Ack277caClaim> first, second;
  for (std::size_t i = 0; i < c.size(); ++i) first.push_back(status_for(c[i], i == 0 ? "A6:21" : "A2:20"));
  const auto rejected = run_clearhouse(
      {"ack", write_spec(sub.dir, "first.277", answer_to(batch, first, 601)).string(), "--db", db_url(sub.dir)});
  EXPECT_EQ(rejected.exit_code, 1);
  EXPECT_EQ(parse_json(run_clearhouse({"worklist", "show", c[0].claim_id, "--db", db_url(sub.dir)}).out)["item"]["category"]
                .GetString(),
            std::string("missing_information"));

  // The biller corrects and resubmits; the payer's next 277CA accepts it.
  second.push_back(status_for(c[0], "A2:20", "PCN-NEW"));
  auto spec = answer_to(batch, second, 602);
  spec.control_number = "0002";
  const auto accepted = run_clearhouse({"ack", write_spec(sub.dir, "second.277", spec).string(), "--db", db_url(sub.dir)});
  EXPECT_EQ(accepted.exit_code, 0) << accepted.out << accepted.err;
  const auto d = parse_json(run_clearhouse({"worklist", "show", c[0].claim_id, "--db", db_url(sub.dir)}).out);
  EXPECT_STREQ(d["item"]["status"].GetString(), "resolved");
  EXPECT_EQ(query_text(sub.dir, "SELECT payer_claim_control_number FROM claims WHERE claim_id = '" + c[0].claim_id + "'"),
            "PCN-NEW");
  EXPECT_EQ(query_int(sub.dir, "SELECT COUNT(*) FROM claim_status_history WHERE claim_id = '" + c[0].claim_id + "'"), 2);
}

// The encounter line of samples/encounters.jsonl for this claim id, alone in a file of its own.
fs::path encounter_of(const fs::path& dir, const std::string& claim_id) {
  std::ifstream in(source_dir() / "samples" / "encounters.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    rapidjson::Document d;
    d.Parse(line.c_str());
    if (!d.HasParseError() && d.IsObject() && d.HasMember("claim_id") && d["claim_id"].GetString() == claim_id) {
      const auto path = dir / (claim_id + ".jsonl");
      std::ofstream(path, std::ios::binary) << line << "\n";
      return path;
    }
  }
  ADD_FAILURE() << "no encounter " << claim_id << " in samples/encounters.jsonl";
  return {};
}

TEST(ClaimStatusE2E, AClaimRejectedAtTheFrontDoorIsSentAgainAndTheCorrectionSupersedesItsItem) {
  auto sub = submit_samples("claim_status_e2e_resubmit");
  const auto& batch = sub.batches.front();
  const auto& c = batch.claims;
  ASSERT_GE(c.size(), 2u);
  std::vector<Ack277caClaim> statuses = {status_for(c[0], "A7:33:IL"), status_for(c[1], "A2:20", "PCN-ACCEPTED")};
  const auto file = write_spec(sub.dir, "answer.277", answer_to(batch, statuses, 901));
  ASSERT_EQ(run_clearhouse({"ack", file.string(), "--db", db_url(sub.dir)}).exit_code, 1);
  ASSERT_EQ(parse_json(run_clearhouse({"worklist", "show", c[0].claim_id, "--db", db_url(sub.dir)}).out)["item"]["status"]
                .GetString(),
            std::string("open"));

  // The biller corrects the rejected claim and sends it again as an original (the payer never
  // adjudicated it): accepted, and its item is resolved by the correction in the same run.
  const auto corrected = encounter_of(sub.dir, c[0].claim_id);
  const auto again = run_clearhouse({"submit", corrected.string(), "--out", (sub.dir / "corrected").string(), "--db",
                                     db_url(sub.dir)});
  EXPECT_EQ(again.exit_code, 0) << again.out << again.err;
  EXPECT_EQ(query_int(sub.dir, "SELECT COUNT(*) FROM claims WHERE claim_id = '" + c[0].claim_id + "'"), 2);
  const auto shown = parse_json(run_clearhouse({"worklist", "show", c[0].claim_id, "--db", db_url(sub.dir)}).out);
  EXPECT_STREQ(shown["item"]["status"].GetString(), "resolved");
  const std::string note = shown["item"]["resolution_note"].GetString();
  EXPECT_NE(note.find("superseded by the corrected claim sent in "), std::string::npos) << note;
  EXPECT_NE(note.find("(frequency 1)"), std::string::npos) << note;
  EXPECT_EQ(query_int(sub.dir, "SELECT COUNT(*) FROM worklist_findings f JOIN worklist_items w ON w.id = f.item_id "
                               "WHERE w.claim_id = '" + c[0].claim_id + "' AND f.is_open = 1"),
            0);

  // Now the claim is live at the payer: sending it once more as an original is refused, and so
  // is an original of the claim the payer accepted.
  const auto twice = run_clearhouse({"submit", corrected.string(), "--out", (sub.dir / "twice").string(), "--db",
                                     db_url(sub.dir)});
  EXPECT_EQ(twice.exit_code, 1) << twice.out << twice.err;
  const auto accepted = run_clearhouse({"submit", encounter_of(sub.dir, c[1].claim_id).string(), "--out",
                                        (sub.dir / "accepted").string(), "--db", db_url(sub.dir)});
  EXPECT_EQ(accepted.exit_code, 1) << accepted.out << accepted.err;
  EXPECT_EQ(query_int(sub.dir, "SELECT COUNT(*) FROM claims WHERE claim_id = '" + c[1].claim_id + "'"), 1);

  // The payer rejects the corrected claim too: its answer reopens the item.
  std::vector<SentBatch> resent;
  for (const auto& entry : fs::directory_iterator(sub.dir / "corrected"))
    if (entry.path().extension() == ".837")
      for (auto& b : read_sent_837(entry.path())) resent.push_back(std::move(b));
  ASSERT_EQ(resent.size(), 1u);
  auto second = answer_to(resent[0], {status_for(resent[0].claims[0], "A7:21")}, 902);
  second.control_number = "0002";
  EXPECT_EQ(run_clearhouse({"ack", write_spec(sub.dir, "second.277", second).string(), "--db", db_url(sub.dir)}).exit_code,
            1);
  const auto reopened = parse_json(run_clearhouse({"worklist", "show", c[0].claim_id, "--db", db_url(sub.dir)}).out);
  EXPECT_STREQ(reopened["item"]["status"].GetString(), "open");
}

TEST(ClaimStatusE2E, ABatchRejectedAsAWholeRejectsEachOfItsClaims) {
  auto sub = submit_samples("claim_status_e2e_batch");
  const auto& batch = sub.batches.front();
  Ack277caSpec spec = answer_to(batch, {}, 701);
  spec.batches[0].status = "A3:24:41";
  const auto r = run_clearhouse({"ack", write_spec(sub.dir, "batch.277", spec).string(), "--db", db_url(sub.dir),
                                 "--format", "json"});
  EXPECT_EQ(r.exit_code, 1);
  const auto d = parse_json(r.out);
  EXPECT_EQ(d["rejected"].GetUint64(), batch.claims.size());
  EXPECT_EQ(d["unmatched"].GetUint64(), 0u);
  EXPECT_EQ(query_int(sub.dir, "SELECT COUNT(*) FROM claims WHERE front_door_status = 'rejected'"),
            static_cast<std::int64_t>(batch.claims.size()));
  EXPECT_EQ(query_int(sub.dir, "SELECT COUNT(*) FROM claim_status_history WHERE level = 'batch'"),
            static_cast<std::int64_t>(batch.claims.size()));
}

TEST(ClaimStatusE2E, ABrokenSetPostsNothingAndTheNextSetPosts) {
  auto sub = submit_samples("claim_status_e2e_broken");
  const auto& batch = sub.batches.front();
  const auto& c = batch.claims;
  std::ostringstream text;
  auto bad = answer_to(batch, {status_for(c[0], "A7")}, 801);  // STC01 without its status code
  write_277ca(text, bad);
  auto good = answer_to(batch, {status_for(c[1], "A2:20", "PCN-GOOD")}, 802);
  write_277ca(text, good);
  const auto path = sub.dir / "two.277";
  write_file(path, text.str());
  const auto r = run_clearhouse({"ack", path.string(), "--db", db_url(sub.dir), "--format", "json"});
  EXPECT_EQ(r.exit_code, 1);
  const auto d = parse_json(r.out);
  EXPECT_EQ(d["not_posted"].GetUint64(), 1u);
  EXPECT_EQ(d["posted"].GetUint64(), 1u);
  // The error names where: the STC's segment and element.
  EXPECT_TRUE(std::regex_search(r.err, std::regex(R"(error: .*ST 0001 / segment \d+ / 2200D STC01)"))) << r.err;
  EXPECT_EQ(query_text(sub.dir, "SELECT COALESCE(front_door_status, '-') FROM claims WHERE claim_id = '" + c[0].claim_id + "'"),
            "-");
  EXPECT_EQ(query_text(sub.dir, "SELECT front_door_status FROM claims WHERE claim_id = '" + c[1].claim_id + "'"), "accepted");
}

TEST(ClaimStatusE2E, Corpus277sPostEveryClaimAsUnmatchedOnAnEmptyLedger) {
  CLEARHOUSE_REQUIRE_CORPUS();
  const auto dir = scratch_dir("claim_status_e2e_corpus");
  int files = 0;
  for (const auto& path : corpus_files()) {
    const std::string text = read_file(path);
    if (!std::regex_search(text, std::regex(R"(ST.277.)"))) continue;
    ++files;
    const auto read = read_claim_statuses(path);
    EXPECT_FALSE(read.reports.empty()) << path;
    const auto db = "sqlite:" + (dir / (path.stem().string() + ".db")).string();
    const auto r = run_clearhouse({"ack", path.string(), "--db", db, "--format", "json"});
    EXPECT_NE(r.exit_code, 0) << path;  // unmatched (or a set cut short) needs attention
    const auto d = parse_json(r.out);
    ASSERT_TRUE(d.IsObject()) << path << r.err;
    EXPECT_EQ(d["sets"].GetUint64(), read.reports.size()) << path;
    EXPECT_EQ(d["statuses"].GetUint64(), d["unmatched"].GetUint64()) << path;
    std::size_t posted_claims = 0;
    for (const auto& rep : read.reports)
      if (rep.complete && error_count(rep.findings) == 0) posted_claims += rep.claims.size();
    EXPECT_EQ(d["unmatched"].GetUint64(), posted_claims) << path;
    EXPECT_EQ(d["matched"].GetUint64(), 0u) << path;
  }
  EXPECT_GE(files, 6);
}

}  // namespace
}  // namespace clearhouse::testing
