// The ledger over SQLite: migrations, control numbers, and a submit run recorded as one
// transaction (staged, then committed or discarded).
#include "engine/ledger/ledger.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/ledger/ledger_url.hpp"
#include "engine/ledger/migrations.hpp"
#include "engine/ledger/sqlite/sqlite_connection.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::ledger {
namespace {

ClaimRecord sample_claim(std::string id, std::string payer = "60054") {
  ClaimRecord c;
  c.claim_id = std::move(id);
  c.payer_id = std::move(payer);
  c.payer_name = "ACME HEALTH PLAN";
  c.billing_npi = "1234567893";
  c.frequency_code = "1";
  c.billed_cents = 15000;
  c.service_date_from = "2024-01-05";
  c.service_date_to = "2024-01-06";
  c.transaction_control_number = "0001";
  c.lines.push_back({0, 1, "L1", "99213", "25", 10000, "1", "UN", "2024-01-05"});
  c.lines.push_back({0, 2, "L2", "36415", "", 5000, "1.5", "UN", "2024-01-06"});
  return c;
}

BatchRecord sample_batch(std::uint64_t isa13) {
  BatchRecord b;
  b.file_name = fmt::format("60054-{}.837", isa13);
  b.sha256 = std::string(64, 'a');
  b.bytes = 1000;
  b.sender_id = "SENDER";
  b.receiver_id = "60054";
  b.interchange_control_number = isa13;
  b.group_control_number = isa13;
  b.first_transaction_number = 1;
  b.last_transaction_number = 1;
  b.transaction_count = 1;
  b.claim_count = 1;
  b.line_count = 2;
  b.billed_cents = 15000;
  b.created_at = "2024-06-01T00:00:00Z";
  return b;
}

TEST(LedgerTest, MigrationsCreateTheSchemaOnceAndRecordTheVersion) {
  const auto dir = testing::scratch_dir("ledger_migrations");
  const std::string url = "sqlite:" + (dir / "l.db").string();
  {
    auto ledger = open_ledger(url);
    EXPECT_EQ(ledger->schema_version(), migrations().back().version);
  }
  auto again = open_ledger(url);  // re-opening applies nothing new
  EXPECT_EQ(again->schema_version(), migrations().back().version);
  auto rows = again->connection().prepare("SELECT COUNT(*) FROM schema_migrations");
  EXPECT_EQ(rows->single_int().value_or(-1), static_cast<std::int64_t>(migrations().size()));
  auto mode = again->connection().prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode->step());
  EXPECT_EQ(mode->column_text(0), "wal");
}

// Migrations land from several branches, so a database can hold version 4 without 2: every
// unrecorded migration is applied, not only those above the highest recorded version.
TEST(LedgerTest, AMigrationMissingBelowTheHighestVersionIsStillApplied) {
  auto c = sqlite::open_sqlite(":memory:");
  apply_migrations(*c);
  const Migration& second = migrations().at(1);
  c->execute("DELETE FROM schema_migrations WHERE version = " + std::to_string(second.version));
  c->execute("DROP TABLE worklist_findings");  // what migration 2 created, minus one table
  c->execute("DROP TABLE worklist_events");
  c->execute("DROP TABLE fee_schedule");
  c->execute("DROP TABLE worklist_items");
  EXPECT_EQ(apply_migrations(*c), migrations().back().version);
  auto rows = c->prepare("SELECT COUNT(*) FROM schema_migrations");
  EXPECT_EQ(rows->single_int().value_or(-1), static_cast<std::int64_t>(migrations().size()));
  auto items = c->prepare("SELECT COUNT(*) FROM worklist_items");
  EXPECT_EQ(items->single_int().value_or(-1), 0);
}

TEST(LedgerTest, ControlNumbersIncreasePerSenderReceiverAndSurviveReopening) {
  const auto dir = testing::scratch_dir("ledger_control_numbers");
  const std::string url = "sqlite:" + (dir / "l.db").string();
  {
    auto ledger = open_ledger(url);
    EXPECT_EQ(ledger->allocate("S", "R1", ControlNumberKind::interchange), 1u);
    EXPECT_EQ(ledger->allocate("S", "R1", ControlNumberKind::interchange), 2u);
    EXPECT_EQ(ledger->allocate("S", "R2", ControlNumberKind::interchange), 1u);
    EXPECT_EQ(ledger->allocate("S", "R1", ControlNumberKind::transaction, 3), 1u);
    EXPECT_EQ(ledger->allocate("S", "R1", ControlNumberKind::transaction), 4u);
  }
  auto ledger = open_ledger(url);
  EXPECT_EQ(ledger->allocate("S", "R1", ControlNumberKind::interchange), 3u);
  EXPECT_EQ(last_control_number(ledger->connection(), "S", "R1", ControlNumberKind::transaction), 4u);
  EXPECT_EQ(last_control_number(ledger->connection(), "X", "Y", ControlNumberKind::transaction), 0u);
}

TEST(LedgerTest, AllocationIsCommittedEvenWhenTheRunIsDiscarded) {
  auto ledger = std::make_unique<Ledger>(sqlite::open_sqlite(":memory:"));
  ledger->recorder().stage(0, 1, sample_claim("A"));
  const auto first = ledger->allocate("S", "R", ControlNumberKind::interchange);
  ledger->recorder().discard();
  EXPECT_EQ(ledger->allocate("S", "R", ControlNumberKind::interchange), first + 1);
  EXPECT_EQ(ledger->count_claims(), 0u);
}

TEST(LedgerTest, CommitRecordsBatchesClaimsAndLines) {
  auto ledger = std::make_unique<Ledger>(sqlite::open_sqlite(":memory:"));
  auto& rec = ledger->recorder();
  rec.stage(0, 1, sample_claim("A"));
  rec.stage(0, 2, sample_claim("B"));
  rec.stage(1, 1, sample_claim("C", "00590"));
  const auto batches = rec.commit({{0, sample_batch(1)}, {1, sample_batch(2)}}, "2024-06-01T00:00:00Z");
  ASSERT_EQ(batches.size(), 2u);
  EXPECT_GT(batches[0].row_id, 0);
  EXPECT_EQ(ledger->count_claims(), 3u);
  EXPECT_EQ(ledger->count_lines(), 6u);
  EXPECT_TRUE(ledger->has_live_claim("60054", "A"));
  EXPECT_FALSE(ledger->has_live_claim("00590", "A"));
  auto c = ledger->find_claim("00590", "C");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->status, "submitted");
  EXPECT_EQ(c->batch_id, batches[1].row_id);
  EXPECT_EQ(c->billed_cents, 15000);
  ASSERT_EQ(c->lines.size(), 2u);
  EXPECT_EQ(c->lines[0].modifiers, "25");
  EXPECT_EQ(c->lines[1].units, "1.5");
  EXPECT_EQ(c->lines[1].line_control_number, "L2");
  const auto recorded = ledger->batches();
  ASSERT_EQ(recorded.size(), 2u);
  EXPECT_EQ(recorded[1].interchange_control_number, 2u);
  EXPECT_EQ(recorded[0].file_name, "60054-1.837");
}

TEST(LedgerTest, StagedRowsAreInvisibleUntilCommit) {
  auto ledger = std::make_unique<Ledger>(sqlite::open_sqlite(":memory:"));
  ledger->recorder().stage(0, 1, sample_claim("A"));
  EXPECT_FALSE(ledger->has_live_claim("60054", "A"));
  EXPECT_EQ(ledger->recorder().staged_claims(), 1u);
}

// Every row of the submission tables, in id order, as text.
std::vector<std::string> submission_rows(Ledger& ledger) {
  std::vector<std::string> rows;
  for (const char* query :
       {"SELECT id, file_name, claim_count FROM batches ORDER BY id",
        "SELECT id, batch_id, batch_sequence, claim_id, payer_id, payer_name, billing_npi, frequency_code, "
        "COALESCE(original_claim_number, '<null>'), billed_cents, line_count, service_date_from, service_date_to, "
        "transaction_control_number, status, submitted_at FROM claims ORDER BY id",
        "SELECT id, claim_row, line_number, line_control_number, procedure_code, modifiers, charge_cents, units, "
        "unit_code, service_date FROM service_lines ORDER BY id"}) {
    auto q = ledger.connection().prepare(query);
    while (q->step()) {
      std::string row;
      for (int i = 0; i < 16; ++i) row += q->column_text(i) + "|";
      rows.push_back(std::move(row));
    }
    q->reset();
  }
  return rows;
}

// A run's claims spread over three batches, staged interleaved: 0 to 50 lines, some with an
// original claim number; more than a multi-row INSERT holds.
void stage_a_run(SubmissionRecorder& rec) {
  std::int64_t sequence[3] = {0, 0, 0};
  for (int i = 0; i < 150; ++i) {
    const int key = i % 3 == 2 ? 2 : i % 2;
    ClaimRecord c = sample_claim(fmt::format("C{}", i), key == 2 ? "00590" : "60054");
    c.frequency_code = i % 10 == 9 ? "7" : "1";
    if (c.frequency_code == "7") c.original_claim_number = fmt::format("PAYER{}", i);
    c.billed_cents = 100 + i;
    const int lines = i == 77 ? 50 : i % 7;
    c.lines.clear();
    for (int k = 0; k < lines; ++k)
      c.lines.push_back({0, k + 1, fmt::format("L{}-{}", i, k), "99213", k % 2 ? "25:59" : "", 1000 + k, "1", "UN",
                         "2024-01-05"});
    rec.stage(key, ++sequence[key], c);
  }
}

TEST(LedgerTest, StagingThatSpillsToItsFileRecordsExactlyWhatStagingInMemoryRecords) {
  auto in_memory = std::make_unique<Ledger>(sqlite::open_sqlite(":memory:"));
  auto spilled = std::make_unique<Ledger>(sqlite::open_sqlite(":memory:"));
  SubmissionRecorder a(in_memory->connection());
  SubmissionRecorder b(spilled->connection(), 1);  // every claim goes to the file
  stage_a_run(a);
  stage_a_run(b);
  EXPECT_EQ(a.staged_claims(), 150u);
  EXPECT_EQ(b.staged_claims(), 150u);
  const auto batches = [] {
    return std::vector<std::pair<int, BatchRecord>>{{0, sample_batch(1)}, {1, sample_batch(2)}, {2, sample_batch(3)}};
  };
  a.commit(batches(), "2024-06-01T00:00:00Z");
  b.commit(batches(), "2024-06-01T00:00:00Z");
  const auto rows = submission_rows(*in_memory);
  EXPECT_EQ(rows, submission_rows(*spilled));
  EXPECT_EQ(in_memory->count_claims(), 150u);
  std::uint64_t lines = 0;
  for (int i = 0; i < 150; ++i) lines += i == 77 ? 50 : i % 7;
  EXPECT_EQ(in_memory->count_lines(), lines);
  // Batch by batch, each in the order staged; lines follow their claim.
  const auto c = in_memory->find_claim("00590", "C77");
  ASSERT_TRUE(c.has_value());
  ASSERT_EQ(c->lines.size(), 50u);
  EXPECT_EQ(c->lines[49].line_control_number, "L77-49");
  EXPECT_EQ(c->lines[1].modifiers, "25:59");
  const auto replacement = in_memory->find_claim("60054", "C9");
  ASSERT_TRUE(replacement.has_value());
  EXPECT_EQ(replacement->original_claim_number, "PAYER9");
  EXPECT_TRUE(in_memory->find_claim("60054", "C0")->original_claim_number.empty());
  EXPECT_EQ(a.staged_claims(), 0u);
}

TEST(LedgerTest, AFailedCommitRecordsNothingAndKeepsTheStagedClaimsUntilDiscarded) {
  auto ledger = std::make_unique<Ledger>(sqlite::open_sqlite(":memory:"));
  SubmissionRecorder rec(ledger->connection(), 1);
  rec.stage(0, 1, sample_claim("A"));
  rec.stage(0, 1, sample_claim("B"));  // the same position twice: the commit fails
  EXPECT_THROW(rec.commit({{0, sample_batch(1)}}, "t"), LedgerError);
  EXPECT_EQ(ledger->count_claims(), 0u);
  EXPECT_TRUE(ledger->batches().empty());
  EXPECT_EQ(rec.staged_claims(), 2u);
  rec.discard();
  EXPECT_EQ(rec.staged_claims(), 0u);
  rec.stage(0, 1, sample_claim("A"));
  rec.commit({{0, sample_batch(1)}}, "t");
  EXPECT_EQ(ledger->count_claims(), 1u);
  EXPECT_EQ(ledger->count_lines(), 2u);
}

TEST(LedgerTest, UrlsAndDefaults) {
  EXPECT_EQ(parse_ledger_url("sqlite:/tmp/x.db").target, "/tmp/x.db");
  EXPECT_EQ(parse_ledger_url("sqlite:rel.db").dialect, sql::Dialect::sqlite);
  EXPECT_EQ(parse_ledger_url("postgresql://u@h/db").dialect, sql::Dialect::postgresql);
  ::unsetenv("CLEARHOUSE_DB");
  EXPECT_EQ(default_ledger_url(), "sqlite:clearhouse.db");
  ::setenv("CLEARHOUSE_DB", "sqlite:/tmp/other.db", 1);
  EXPECT_EQ(default_ledger_url(), "sqlite:/tmp/other.db");
  ::unsetenv("CLEARHOUSE_DB");
}

TEST(LedgerTest, DialectTokensExpand) {
  EXPECT_EQ(sql::expand_dialect("id {{id}},", sql::Dialect::sqlite), "id INTEGER PRIMARY KEY,");
  EXPECT_NE(sql::expand_dialect("{{id}}", sql::Dialect::postgresql).find("IDENTITY"), std::string::npos);
}

}  // namespace
}  // namespace clearhouse::ledger
