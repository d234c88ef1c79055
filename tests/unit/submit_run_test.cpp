// The submit pipeline in-process: counts, ledger records, all-or-nothing on failure (control
// numbers burnt, never reused), and finishing a run that died between commit and rename.
#include "engine/submit/submit_run.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/ledger/ledger.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::submit {
namespace {

namespace fs = std::filesystem;

SubmitOptions options_for(const fs::path& out) {
  SubmitOptions o;
  o.input = (testing::source_dir() / "samples" / "encounters.jsonl").string();
  o.out_dir = out;
  o.now = std::chrono::system_clock::from_time_t(1717400000);  // 2024-06-03
  return o;
}

TEST(SubmitRunTest, RecordsBatchesClaimsAndLinesAndWritesFiles) {
  const auto dir = testing::scratch_dir("submit_run_records");
  auto ledger = ledger::open_ledger("sqlite:" + (dir / "l.db").string());
  LedgerSubmission recorder(*ledger);
  const auto report = run_submit(options_for(dir / "out"), recorder);
  EXPECT_EQ(report.encounters, report.submitted + report.rejected);
  EXPECT_EQ(report.rejected, 0u);
  EXPECT_EQ(ledger->count_claims(), report.claims);
  EXPECT_EQ(ledger->count_lines(), report.lines);
  const auto batches = ledger->batches();
  ASSERT_EQ(batches.size(), report.files.size());
  for (const auto& b : batches) {
    EXPECT_TRUE(fs::exists(dir / "out" / b.file_name));
    EXPECT_EQ(fs::file_size(dir / "out" / b.file_name), b.bytes);
    EXPECT_EQ(b.interchange_control_number, 1u);
    EXPECT_EQ(b.first_transaction_number, 1u);
  }
  auto c = ledger->find_claim("60054", "LKO2001");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->status, "submitted");
  EXPECT_EQ(c->billed_cents, 43500);
  ASSERT_EQ(c->lines.size(), 2u);
  EXPECT_EQ(c->lines[1].line_control_number, "LKO2001-2");
  EXPECT_EQ(c->lines[1].modifiers, "RT");
  EXPECT_EQ(c->transaction_control_number, "0001");
  for (const auto& entry : fs::directory_iterator(dir / "out"))
    EXPECT_FALSE(entry.path().filename().string().ends_with(".tmp")) << entry.path();
}

// Fields the schema does not know are warnings naming line and path, the encounters are
// submitted all the same; past kMaxListedInputWarnings one more line counts the rest.
TEST(SubmitRunTest, UnknownFieldsAreWarningsAndTheEncountersStillGoOut) {
  const auto dir = testing::scratch_dir("submit_run_unknown_fields");
  const std::string samples = testing::read_file(testing::source_dir() / "samples" / "encounters.jsonl");
  std::string first = samples.substr(0, samples.find('\n'));
  const std::string id_at = R"("claim_id":")";
  const auto id = first.find(id_at) + id_at.size();
  std::string input;
  const std::size_t lines = kMaxListedInputWarnings + 20;
  for (std::size_t i = 0; i < lines; ++i) {
    std::string line = first;
    line.replace(id, line.find('"', id) - id, fmt::format("W{:05}", i));  // distinct claim ids
    line.insert(1, R"("batch_note":"x",)");
    input += line + "\n";
  }
  testing::write_file(dir / "in.jsonl", input);
  auto o = options_for(dir / "out");
  o.input = (dir / "in.jsonl").string();
  UnrecordedSubmission recorder;
  const auto report = run_submit(o, recorder);
  EXPECT_EQ(report.submitted, lines);
  EXPECT_EQ(report.rejected, 0u);
  ASSERT_EQ(report.input_warnings.size(), kMaxListedInputWarnings + 1);
  EXPECT_EQ(report.input_warnings[0],
            R"(line 1: unknown field "batch_note" (not in schemas/encounter.schema.json); ignored)");
  EXPECT_EQ(report.input_warnings.back(), "20 more warnings about the input like these (not listed)");
}

TEST(SubmitRunTest, AFailedRunRecordsNothingAndBurnsItsControlNumbers) {
  const auto dir = testing::scratch_dir("submit_run_failure");
  auto ledger = ledger::open_ledger("sqlite:" + (dir / "l.db").string());
  LedgerSubmission recorder(*ledger);
  fs::create_directories(dir / "out");
  testing::write_file(dir / "out" / "60054-000000001.837", "someone else's file");
  EXPECT_THROW(run_submit(options_for(dir / "out"), recorder), std::runtime_error);
  EXPECT_EQ(ledger->count_claims(), 0u);
  EXPECT_TRUE(ledger->batches().empty());
  EXPECT_EQ(testing::read_file(dir / "out" / "60054-000000001.837"), "someone else's file");
  EXPECT_FALSE(fs::exists(dir / "out" / "rejections.jsonl"));
  fs::remove(dir / "out" / "60054-000000001.837");
  const auto report = run_submit(options_for(dir / "out"), recorder);  // numbers continue after the burnt ones
  EXPECT_EQ(report.rejected, 0u);
  EXPECT_TRUE(fs::exists(dir / "out" / "60054-000000002.837"));
  EXPECT_FALSE(fs::exists(dir / "out" / "60054-000000001.837"));
}

TEST(SubmitRunTest, ARunThatDiedBeforeRenamingIsFinishedByTheNext) {
  const auto dir = testing::scratch_dir("submit_run_rename");
  auto ledger = ledger::open_ledger("sqlite:" + (dir / "l.db").string());
  LedgerSubmission recorder(*ledger);
  const auto report = run_submit(options_for(dir / "out"), recorder);
  ASSERT_FALSE(report.files.empty());
  // Put one file back where the crash would have left it, and add a leftover of an uncommitted run.
  const fs::path file = report.files[0];
  const fs::path temp = file.parent_path() / ("." + file.filename().string() + ".tmp");
  fs::rename(file, temp);
  testing::write_file(dir / "out" / ".77027-000000009.837.tmp", "ISA*never committed~");
  const auto done = finish_interrupted_runs(dir / "out", recorder);
  EXPECT_EQ(done, std::vector<std::string>{file.filename().string()});
  EXPECT_TRUE(fs::exists(file));
  EXPECT_FALSE(fs::exists(temp));
  EXPECT_FALSE(fs::exists(dir / "out" / ".77027-000000009.837.tmp"));
}

TEST(SubmitRunTest, SplitsAndTransactionLimits) {
  const auto dir = testing::scratch_dir("submit_run_split");
  std::string lines;
  for (int i = 1; i <= 60; ++i)
    lines += fmt::format(R"({}{{"procedure_code":"97110","charge":"10.00","date":"2024-05-06","diagnosis_pointers":[1],"line_control_number":"BIG-{}"}})",
                         i > 1 ? "," : "", i);
  std::string encounter = testing::read_file(testing::source_dir() / "samples" / "encounters.jsonl");
  encounter = encounter.substr(0, encounter.find('\n'));
  encounter = encounter.substr(0, encounter.find("\"service_lines\"")) + "\"service_lines\":[" + lines + "]}";
  encounter.replace(encounter.find("\"total_charge\":\"165.00\""), 23, "\"total_charge\":\"600.00\"");
  testing::write_file(dir / "in.jsonl", encounter + "\n");
  auto ledger = ledger::open_ledger("sqlite:" + (dir / "l.db").string());
  LedgerSubmission recorder(*ledger);
  auto o = options_for(dir / "out");
  o.input = (dir / "in.jsonl").string();
  o.max_claims_per_transaction = 1;
  const auto report = run_submit(o, recorder);
  EXPECT_EQ(report.encounters, 1u);
  EXPECT_EQ(report.submitted, 1u);
  EXPECT_EQ(report.claims, 2u);
  ASSERT_EQ(report.splits.size(), 1u);
  EXPECT_EQ(report.splits[0].claim_ids, (std::vector<std::string>{"SFM1001", "SFM1001-2"}));
  const auto batches = ledger->batches();
  ASSERT_EQ(batches.size(), 1u);
  EXPECT_EQ(batches[0].transaction_count, 2u);  // one claim per transaction set
  EXPECT_EQ(batches[0].line_count, 60u);
  EXPECT_EQ(ledger->find_claim("60054", "SFM1001-2")->lines.size(), 10u);
}

}  // namespace
}  // namespace clearhouse::submit
