// The patient's share on a shared PostgreSQL ledger: the samples loop, the sample patient
// payments and a statements run give the same ledger entries, payments and statements.json as
// on SQLite (the patient store's SQL is written once for both databases); importing the
// payments again changes nothing.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "engine/ledger/ledger.hpp"
#include "tests/support/postgres_server.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

namespace fs = std::filesystem;

// The samples through posting, payments and statements into `url`; statements.json's text.
std::string loop(const std::string& url, const fs::path& dir) {
  const auto sample = [](const char* name) { return (source_dir() / "samples" / name).string(); };
  EXPECT_EQ(run_clearhouse({"submit", sample("encounters.jsonl"), "--out", (dir / "out").string(), "--db", url, "--now",
                            "2024-05-25T12:00"}).exit_code, 0);
  EXPECT_EQ(run_clearhouse({"post", sample("remittance.835"), "--db", url, "--as-of", "2024-06-20"}).exit_code, 0);
  auto r = run_clearhouse({"patient-payments", sample("patient-payments.csv"), "--db", url, "--as-of", "2024-06-25"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  r = run_clearhouse({"patient-payments", sample("patient-payments.csv"), "--db", url, "--as-of", "2024-06-25"});
  EXPECT_NE(r.out.find("\"duplicates\":3"), std::string::npos) << r.out;
  r = run_clearhouse({"statements", "--out", (dir / "statements").string(), "--format", "json", "--db", url, "--as-of",
                      "2024-07-01"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  return read_file(dir / "statements" / "statements.json");
}

std::string rows(const std::string& url, const std::string& sql, int columns) {
  auto ledger = ledger::open_ledger(url);
  auto q = ledger->connection().prepare(sql);
  std::string out;
  while (q->step())
    for (int i = 0; i < columns; ++i) out += q->column_text(i) + (i + 1 < columns ? "|" : "\n");
  return out;
}

TEST(PatientStatementsPostgres, SamplesGiveTheSameStatementsAsOnSqlite) {
  const std::string pg = PostgresServer::instance().create_database(fmt::format("patients_{}", ::getpid()));
  const auto sqlite_dir = scratch_dir("patients_sqlite");
  const auto pg_dir = scratch_dir("patients_postgres");
  const std::string sqlite = "sqlite:" + (sqlite_dir / "ledger.db").string();
  const std::string on_sqlite = loop(sqlite, sqlite_dir);
  const std::string on_pg = loop(pg, pg_dir);
  ASSERT_FALSE(on_sqlite.empty());
  EXPECT_NE(on_sqlite.find("\"balance_cents\":7400"), std::string::npos) << on_sqlite;
  EXPECT_EQ(on_pg, on_sqlite);
  const std::string entries =
      "SELECT claim_id, account_number, entry_date, source, amount_cents, reference, payer_id FROM patient_share_entries "
      "ORDER BY claim_id, source, amount_cents";
  EXPECT_EQ(rows(pg, entries, 7), rows(sqlite, entries, 7));
  const std::string payments = "SELECT reference, account_number, amount_cents, applications FROM patient_payments ORDER BY reference";
  EXPECT_EQ(rows(pg, payments, 4), rows(sqlite, payments, 4));
  EXPECT_EQ(rows(pg, "SELECT account_number, statement_number, amount_due_cents FROM patient_statements ORDER BY 1", 3),
            rows(sqlite, "SELECT account_number, statement_number, amount_due_cents FROM patient_statements ORDER BY 1", 3));
}

}  // namespace
}  // namespace clearhouse::testing
