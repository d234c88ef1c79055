// The shared ledger suite (tests/support/ledger_suite.hpp, ledger_reads_suite.hpp) on a real
// PostgreSQL 15 server started for this process: a fresh database per test.
#include <atomic>

#include "engine/ledger/postgres/postgres_connection.hpp"
#include "tests/support/ledger_reads_suite.hpp"
#include "tests/support/ledger_suite.hpp"
#include "tests/support/postgres_server.hpp"

namespace clearhouse::testing {
namespace {

std::unique_ptr<ledger::Ledger> fresh_postgres_ledger() {
  static std::atomic<int> n{0};
  const std::string url = PostgresServer::instance().create_database(fmt::format("suite_{}_{}", ::getpid(), n++));
  return ledger::open_ledger(url);
}

INSTANTIATE_TEST_SUITE_P(Postgres, LedgerSuite, ::testing::Values(LedgerFactory{"postgresql", fresh_postgres_ledger}),
                         ledger_factory_name);

TEST(PostgresDriver, NumbersPlaceholdersOutsideLiterals) {
  EXPECT_EQ(ledger::postgres::number_placeholders("SELECT ? , '?' , ?"), "SELECT $1 , '?' , $2");
}

TEST(PostgresDriver, ReportsSqlErrorsAsLedgerErrors) {
  auto ledger = fresh_postgres_ledger();
  EXPECT_THROW(ledger->connection().execute("SELECT * FROM no_such_table"), ledger::LedgerError);
  auto q = ledger->connection().prepare("SELECT ?::bigint + 1");
  q->bind(1, std::int64_t{41});
  EXPECT_EQ(q->single_int(), 42);
}

}  // namespace
}  // namespace clearhouse::testing
