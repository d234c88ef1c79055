// The whole loop end to end with the binary: submit the sample encounters, post the sample
// remittance with the sample fee schedule, and the worklist holds exactly the items listed
// here by hand (claim, category, amount, action); `clearhouse report` gives totals added up
// by hand from samples/remittance.835; a later 835 that pays a denied claim in full closes its
// item with that payment in its history; working items by hand; every corpus 835 posted to an
// empty ledger gives an unmatched item for every claim and nothing else fails.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <map>
#include <set>
#include <tuple>

#include "engine/ledger/ledger.hpp"
#include "tests/support/remittance_files.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kAsOf = "2024-06-20";

std::string db_url(const fs::path& dir) { return "sqlite:" + (dir / "ledger.db").string(); }

rapidjson::Document parse_json(const std::string& text) {
  rapidjson::Document d;
  d.Parse(text.c_str());
  EXPECT_FALSE(d.HasParseError()) << text.substr(0, 400);
  return d;
}

// Submit the samples (as of 2024-05-25) and post the sample remittance, with or without the fee
// schedule, into a fresh ledger in dir.
void run_samples(const fs::path& dir, bool fee_schedule) {
  const auto submitted = run_clearhouse({"submit", (source_dir() / "samples" / "encounters.jsonl").string(), "--out",
                                         (dir / "out").string(), "--db", db_url(dir), "--now", "2024-05-25T12:00"});
  ASSERT_EQ(submitted.exit_code, 0) << submitted.err;
  std::vector<std::string> post = {"post", (source_dir() / "samples" / "remittance.835").string(), "--db", db_url(dir),
                                   "--as-of", kAsOf};
  if (fee_schedule) {
    post.push_back("--fee-schedule");
    post.push_back((source_dir() / "samples" / "fee_schedule.csv").string());
  }
  const auto posted = run_clearhouse(post);
  ASSERT_EQ(posted.exit_code, 0) << posted.err;
}

struct Item {
  std::string category;
  std::int64_t amount_cents;
  std::string action;
  friend bool operator==(const Item&, const Item&) = default;
};

std::ostream& operator<<(std::ostream& os, const Item& i) {
  return os << "{" << i.category << ", " << i.amount_cents << ", " << i.action << "}";
}

std::map<std::string, Item> worklist_items(const fs::path& dir, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args = {"worklist", "--format", "json", "--as-of", kAsOf, "--db", db_url(dir)};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_clearhouse(args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  std::map<std::string, Item> out;
  const auto d = parse_json(r.out);
  if (!d.IsObject() || !d.HasMember("items")) return out;
  for (const auto& i : d["items"].GetArray()) {
    // Every documented key is there.
    for (const char* key : {"claim_id", "category", "rules", "carc", "rarc", "amount_cents", "priority", "status",
                            "action", "deadline"})
      EXPECT_TRUE(i.HasMember(key)) << key;
    out[i["claim_id"].GetString()] =
        Item{i["category"].GetString(), i["amount_cents"].GetInt64(), i["action"].GetString()};
  }
  return out;
}

TEST(WorklistE2E, SamplesGiveExactlyTheItemsListedByHand) {
  const auto dir = scratch_dir("worklist_e2e_samples");
  run_samples(dir, true);
  // From samples/remittance.835 and samples/fee_schedule.csv:
  //   SFM1005  denied: CO 16 + MA130 (unprocessable, no appeal rights)      140.00
  //   DOE3001  denied: CO 31 + N382 (not the payer's member)                 120.00
  //   SFM1004  line 2 (93000) denied: CO 97 + M15 (bundled)                   65.00
  //   SFM1002  line 2 (90686) denied: CO 96 + N130 (non-covered)              52.00
  //   LKO2002  line 1 (97110 x3) paid 96.00, schedule 3 x 36.00 = 108.00      12.00
  // LKO2003 was underpaid (72100-26 paid 40, schedule 80) and then reversed and paid again in
  // full: resolved. Everything else was paid as contracted.
  const std::map<std::string, Item> expected = {
      {"SFM1005", {"missing_information", 14000, "correct_resubmit"}},
      {"DOE3001", {"eligibility", 12000, "verify_eligibility"}},
      {"SFM1004", {"coding", 6500, "correct_coding"}},
      {"SFM1002", {"non_covered", 5200, "review"}},
      {"LKO2002", {"underpayment", 1200, "appeal"}},
  };
  EXPECT_EQ(worklist_items(dir), expected);

  // The priority order the table shows: cents x recoverability, aged.
  const auto table = run_clearhouse({"worklist", "--as-of", kAsOf, "--db", db_url(dir)});
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_LT(table.out.find("SFM1005"), table.out.find("SFM1004")) << table.out;
  EXPECT_LT(table.out.find("SFM1004"), table.out.find("DOE3001")) << table.out;
  EXPECT_NE(table.out.find("5 item(s), 389.00 at stake, as of 2024-06-20"), std::string::npos) << table.out;

  // Filters.
  EXPECT_EQ(worklist_items(dir, {"--payer", "60054"}).size(), 2u);
  EXPECT_EQ(worklist_items(dir, {"--category", "coding"}).size(), 1u);
  // Ages from the remittance dates: ACME 17 days, BCBS 15, Medicare 13, Medicaid 10.
  EXPECT_EQ(worklist_items(dir, {"--older-than", "15"}).size(), 2u);
  EXPECT_EQ(worklist_items(dir, {"--older-than", "14"}).size(), 3u);
}

TEST(WorklistE2E, WithoutAFeeScheduleOnlyTheDenialsRemain) {
  const auto dir = scratch_dir("worklist_e2e_no_fees");
  run_samples(dir, false);
  const auto items = worklist_items(dir);
  EXPECT_EQ(items.size(), 4u);
  EXPECT_FALSE(items.count("LKO2002"));
}

TEST(WorklistE2E, ReversedAndCorrectedClaimIsResolvedByItsCorrectionInTheSameFile) {
  const auto dir = scratch_dir("worklist_e2e_lko2003");
  run_samples(dir, true);
  const auto shown = run_clearhouse({"worklist", "show", "LKO2003", "--db", db_url(dir), "--as-of", kAsOf});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const auto d = parse_json(shown.out);
  EXPECT_STREQ(d["item"]["status"].GetString(), "resolved");
  EXPECT_STREQ(d["item"]["resolved_by"].GetString(), "clearhouse");
  const auto& history = d["history"].GetArray();
  ASSERT_EQ(history.Size(), 2u);
  EXPECT_STREQ(history[0]["event"].GetString(), "opened");
  EXPECT_STREQ(history[1]["event"].GetString(), "resolved_by_payment");
  EXPECT_EQ(history[1]["amount_cents"].GetInt64(), 23000);
  auto ledger = ledger::open_ledger(db_url(dir));
  const auto correction = ledger->connection()
                              .prepare("SELECT MAX(id) FROM claim_payments WHERE claim_id = 'LKO2003' AND reversal = 0")
                              ->single_int();
  EXPECT_EQ(history[1]["posting_id"].GetInt64(), correction.value_or(-1));
}

TEST(WorklistE2E, ALaterRemittancePayingInFullClosesTheItemWithThatPaymentInItsHistory) {
  const auto dir = scratch_dir("worklist_e2e_later_payment");
  run_samples(dir, true);
  const auto later = run_clearhouse({"post", (source_dir() / "tests" / "fixtures" / "worklist" /
                                              "sfm1005_paid_after_correction.835").string(),
                                     "--db", db_url(dir), "--as-of", "2024-07-02"});
  ASSERT_EQ(later.exit_code, 0) << later.err;
  const auto items = worklist_items(dir);
  EXPECT_EQ(items.size(), 4u);
  EXPECT_FALSE(items.count("SFM1005"));

  const auto shown = run_clearhouse({"worklist", "show", "SFM1005", "--db", db_url(dir)});
  ASSERT_EQ(shown.exit_code, 0) << shown.err;
  const auto d = parse_json(shown.out);
  EXPECT_STREQ(d["item"]["status"].GetString(), "resolved");
  const auto& last = d["history"].GetArray()[d["history"].Size() - 1];
  EXPECT_STREQ(last["event"].GetString(), "resolved_by_payment");
  EXPECT_EQ(last["amount_cents"].GetInt64(), 10000);
  auto ledger = ledger::open_ledger(db_url(dir));
  const auto payment = ledger->connection()
                           .prepare("SELECT id FROM claim_payments WHERE claim_id = 'SFM1005' AND paid_cents = 10000")
                           ->single_int();
  ASSERT_TRUE(payment.has_value());
  EXPECT_EQ(last["posting_id"].GetInt64(), *payment);
  EXPECT_NE(std::string(last["note"].GetString()).find("paid in full"), std::string::npos);
  // Posting the same file again changes nothing.
  const auto again = run_clearhouse({"post", (source_dir() / "tests" / "fixtures" / "worklist" /
                                              "sfm1005_paid_after_correction.835").string(),
                                     "--db", db_url(dir)});
  EXPECT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(parse_json(run_clearhouse({"worklist", "show", "SFM1005", "--db", db_url(dir)}).out)["history"].Size(),
            d["history"].Size());
}

TEST(WorklistE2E, BillersAssignAndResolveByHand) {
  const auto dir = scratch_dir("worklist_e2e_by_hand");
  run_samples(dir, true);
  auto r = run_clearhouse({"worklist", "assign", "SFM1004", "--to", "dana", "--by", "sam", "--db", db_url(dir)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_STREQ(parse_json(r.out)["item"]["status"].GetString(), "in_progress");
  r = run_clearhouse({"worklist", "resolve", "SFM1004", "--note", "modifier 59 added, corrected claim sent", "--by",
                      "dana", "--db", db_url(dir)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto d = parse_json(r.out);
  EXPECT_STREQ(d["item"]["status"].GetString(), "resolved");
  EXPECT_STREQ(d["item"]["resolved_by"].GetString(), "dana");
  EXPECT_STREQ(d["item"]["resolution_note"].GetString(), "modifier 59 added, corrected claim sent");
  EXPECT_EQ(worklist_items(dir).size(), 4u);
  EXPECT_EQ(worklist_items(dir, {"--status", "resolved"}).size(), 2u);  // and LKO2003
  // Errors are reported, with exit 1 (not found, already closed) or 2 (usage).
  EXPECT_EQ(run_clearhouse({"worklist", "resolve", "SFM1004", "--note", "again", "--db", db_url(dir)}).exit_code, 1);
  EXPECT_EQ(run_clearhouse({"worklist", "resolve", "NOPE", "--note", "x", "--db", db_url(dir)}).exit_code, 1);
  EXPECT_EQ(run_clearhouse({"worklist", "resolve", "SFM1005", "--db", db_url(dir)}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"worklist", "--sort", "size", "--db", db_url(dir)}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"worklist", "--category", "nonsense", "--db", db_url(dir)}).exit_code, 2);
}

const rapidjson::Value& payer(const rapidjson::Document& d, const char* id) {
  for (const auto& p : d["payers"].GetArray())
    if (std::string(p["payer_id"].GetString()) == id) return p;
  ADD_FAILURE() << "no payer " << id;
  return d["totals"];
}

TEST(WorklistE2E, ReportGivesTheTotalsAddedUpByHand) {
  const auto dir = scratch_dir("worklist_e2e_report");
  run_samples(dir, true);
  const auto r = run_clearhouse({"report", "--as-of", kAsOf, "--db", db_url(dir)});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto d = parse_json(r.out);

  struct Expect {
    const char* payer;
    std::uint64_t submitted, paid, partially_paid, denied, forwarded, open_items;
    std::int64_t billed, paid_cents, adjusted, patient;
  };
  // Statuses after the last payment of each claim; cents: billed as submitted, paid net of the
  // LKO2003 reversal, adjusted = CO/OA/PI, patient = PR (from the CAS segments of the file).
  for (const Expect& e : {Expect{"60054", 6, 4, 1, 1, 0, 2, 153700, 76600, 60200, 16900},
                          Expect{"00590", 2, 2, 0, 0, 0, 1, 54950, 33520, 17250, 4180},
                          Expect{"15202", 2, 0, 1, 0, 1, 1, 60200, 36012, 19448, 4740},
                          Expect{"77027", 2, 1, 0, 1, 0, 1, 197000, 91245, 105755, 0}}) {
    SCOPED_TRACE(e.payer);
    const auto& p = payer(d, e.payer);
    EXPECT_EQ(p["claims"]["submitted"].GetUint64(), e.submitted);
    EXPECT_EQ(p["claims"]["paid"].GetUint64(), e.paid);
    EXPECT_EQ(p["claims"]["partially_paid"].GetUint64(), e.partially_paid);
    EXPECT_EQ(p["claims"]["denied"].GetUint64(), e.denied);
    EXPECT_EQ(p["claims"]["forwarded"].GetUint64(), e.forwarded);
    EXPECT_EQ(p["claims"]["open"].GetUint64(), 0u);
    EXPECT_EQ(p["claims"]["open_items"].GetUint64(), e.open_items);
    EXPECT_EQ(p["cents"]["billed"].GetInt64(), e.billed);
    EXPECT_EQ(p["cents"]["paid"].GetInt64(), e.paid_cents);
    EXPECT_EQ(p["cents"]["adjusted"].GetInt64(), e.adjusted);
    EXPECT_EQ(p["cents"]["patient_responsibility"].GetInt64(), e.patient);
  }
  const auto& t = d["totals"];
  EXPECT_EQ(t["claims"]["submitted"].GetUint64(), 12u);
  EXPECT_EQ(t["claims"]["adjudicated"].GetUint64(), 12u);
  EXPECT_EQ(t["cents"]["billed"].GetInt64(), 465850);
  EXPECT_EQ(t["cents"]["paid"].GetInt64(), 237377);  // = post's paid_cents
  EXPECT_EQ(t["cents"]["adjusted"].GetInt64(), 202653);
  EXPECT_EQ(t["cents"]["patient_responsibility"].GetInt64(), 25820);

  // Four claims with a claim or line denial, one per category and CARC: 1 of 12 = 8.33%.
  std::map<std::string, std::string> categories, carcs;
  for (const auto& c : d["denials_by_category"].GetArray()) {
    EXPECT_EQ(c["claims"].GetUint64(), 1u);
    categories[c["category"].GetString()] = std::to_string(c["rate_percent"].GetDouble()).substr(0, 4);
  }
  for (const auto& c : d["denials_by_carc"].GetArray()) carcs[c["carc"].GetString()] = c["label"].GetString();
  EXPECT_EQ(categories, (std::map<std::string, std::string>{{"coding", "8.33"},
                                                            {"eligibility", "8.33"},
                                                            {"missing_information", "8.33"},
                                                            {"non_covered", "8.33"}}));
  EXPECT_EQ(carcs.size(), 4u);
  EXPECT_TRUE(carcs.count("16") && carcs.count("31") && carcs.count("96") && carcs.count("97"));
  EXPECT_NE(r.out.find("\"rate_percent\":8.33"), std::string::npos);

  // AR: the five open items (389.00 at stake), submitted 26 days before the report date.
  const auto& aging = d["ar_aging"].GetArray();
  ASSERT_EQ(aging.Size(), 4u);
  EXPECT_STREQ(aging[0]["bucket"].GetString(), "0-30");
  EXPECT_EQ(aging[0]["claims"].GetUint64(), 5u);
  EXPECT_EQ(aging[0]["amount_cents"].GetInt64(), 38900);
  EXPECT_EQ(d["ar_total_cents"].GetInt64(), 38900);
  // Submitted 2024-05-25; first paying remittance 06-03 (5 ACME claims, 9 days), 06-05 (2 BCBS,
  // 11), 06-07 (2 Medicare, 13), 06-10 (1 Medicaid, 16): 109 days / 10 claims.
  EXPECT_EQ(d["paid_claims_timed"].GetUint64(), 10u);
  EXPECT_NE(r.out.find("\"average_days_to_payment\":10.9"), std::string::npos) << r.out;

  const auto csv = run_clearhouse({"report", "--format", "csv", "--as-of", kAsOf, "--db", db_url(dir)});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_EQ(csv.out.rfind("section,key,metric,value\n", 0), 0u);
  EXPECT_NE(csv.out.find("payer,60054,submitted,6\n"), std::string::npos);
  EXPECT_NE(csv.out.find("payer,*,paid_cents,237377\n"), std::string::npos);
  EXPECT_NE(csv.out.find("payment,*,average_days_to_payment,10.9\n"), std::string::npos);
}

TEST(WorklistE2E, EveryCorpusRemittanceGivesAnUnmatchedItemForEveryClaimAndNothingElseFails) {
  CLEARHOUSE_REQUIRE_CORPUS();
  std::size_t files = 0;
  for (const auto& path : corpus_files()) {
    if (path.parent_path().filename() != "835") continue;
    SCOPED_TRACE(path.filename().string());
    ++files;
    const auto dir = scratch_dir("worklist_e2e_corpus_" + path.stem().string());
    const auto posted = run_clearhouse({"post", path.string(), "--db", db_url(dir)});
    ASSERT_TRUE(posted.exit_code == 0 || posted.exit_code == 1) << posted.exit_code << posted.err;

    // Every claim of every complete transaction set, as the review keys it.
    std::set<std::pair<std::string, std::string>> claims;
    for (const auto& r : read_remittances(path).remittances)
      if (r.complete)
        for (const auto& c : r.claims) claims.emplace(r.payer_id(), c.patient_control_number);
    ASSERT_FALSE(claims.empty());

    const auto listed = run_clearhouse({"worklist", "--status", "all", "--format", "json", "--db", db_url(dir)});
    ASSERT_EQ(listed.exit_code, 0) << listed.err;
    const auto d = parse_json(listed.out);
    std::set<std::pair<std::string, std::string>> unmatched;
    for (const auto& i : d["items"].GetArray()) {
      bool has = false;
      for (const auto& rule : i["rules"].GetArray()) has = has || std::string(rule.GetString()) == "posting.unmatched";
      if (has) unmatched.emplace(i["payer_id"].GetString(), i["claim_id"].GetString());
      else
        EXPECT_EQ(std::string(i["claim_id"].GetString()).rfind("remittance:", 0), 0u)  // BPR02 imbalance only
            << i["claim_id"].GetString();
    }
    EXPECT_EQ(unmatched, claims);

    const auto report = run_clearhouse({"report", "--db", db_url(dir)});
    EXPECT_EQ(report.exit_code, 0) << report.err;
    const auto rd = parse_json(report.out);
    EXPECT_GT(rd["unmatched_payments"].GetUint64(), 0u);
    const auto refresh = run_clearhouse({"worklist", "refresh", "--db", db_url(dir)});
    EXPECT_EQ(refresh.exit_code, 0) << refresh.err;
  }
  EXPECT_EQ(files, 20u);
}

}  // namespace
}  // namespace clearhouse::testing
