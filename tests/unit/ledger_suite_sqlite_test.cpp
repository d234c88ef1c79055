// The shared ledger suite (tests/support/ledger_suite.hpp, ledger_reads_suite.hpp) on SQLite: a
// fresh file per test.
#include <atomic>

#include "engine/ledger/sqlite/sqlite_connection.hpp"
#include "tests/support/ledger_reads_suite.hpp"
#include "tests/support/ledger_suite.hpp"

namespace clearhouse::testing {
namespace {

std::unique_ptr<ledger::Ledger> fresh_sqlite_ledger() {
  static std::atomic<int> n{0};
  const auto dir = scratch_dir("ledger_suite_sqlite_" + std::to_string(n++));
  return std::make_unique<ledger::Ledger>(ledger::sqlite::open_sqlite((dir / "ledger.db").string()));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, LedgerSuite, ::testing::Values(LedgerFactory{"sqlite", fresh_sqlite_ledger}),
                         ledger_factory_name);

}  // namespace
}  // namespace clearhouse::testing
