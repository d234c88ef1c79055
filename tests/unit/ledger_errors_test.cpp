// Ledger failures: bad URLs, unsupported databases, unopenable files, duplicates that a
// concurrent run recorded first, and allocation inside an open transaction.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "engine/ledger/ledger.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/ledger/sqlite/sqlite_connection.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::ledger {
namespace {

ClaimRecord claim(std::string id) {
  ClaimRecord c;
  c.claim_id = std::move(id);
  c.payer_id = "60054";
  c.payer_name = std::string("ACME HEALTH PLAN OF TESTS");
  c.billing_npi = "1234567893";
  c.frequency_code = "1";
  c.billed_cents = 100;
  c.service_date_from = c.service_date_to = "2024-01-01";
  c.transaction_control_number = "0001";
  c.lines.push_back({0, 1, "L1", "99213", "", 100, "1", "UN", "2024-01-01"});
  return c;
}

BatchRecord batch(std::uint64_t n) {
  return BatchRecord{.file_name = fmt::format("f{}", n),
                     .sha256 = std::string(64, 'x'),
                     .sender_id = std::string("SENDER"),
                     .receiver_id = std::string("RECEIVER"),
                     .interchange_control_number = n,
                     .group_control_number = n,
                     .created_at = std::string("2024-01-01T00:00:00Z")};
}

TEST(LedgerErrorsTest, UnknownSchemesAreUrlErrors) {
  EXPECT_THROW(parse_ledger_url("mysql://x"), LedgerUrlError);
  EXPECT_THROW(parse_ledger_url(""), LedgerUrlError);
  EXPECT_THROW(parse_ledger_url("sqlite:"), LedgerUrlError);
  EXPECT_THROW(open_ledger("clearhouse.db"), LedgerUrlError);
}

TEST(LedgerErrorsTest, AnUnreachablePostgresqlServerIsALedgerError) {
  try {
    open_ledger("postgresql://clearhouse@127.0.0.1:1/clearhouse?connect_timeout=2");
    FAIL() << "expected LedgerError";
  } catch (const LedgerUrlError&) {
    FAIL() << "a well-formed PostgreSQL URL is not a usage error";
  } catch (const LedgerError& e) {
    EXPECT_NE(std::string(e.what()).find("cannot connect"), std::string::npos) << e.what();
  }
}

TEST(LedgerErrorsTest, UnopenablePathIsALedgerError) {
  EXPECT_THROW(open_ledger("sqlite:/nonexistent-dir-for-clearhouse/x/y.db"), LedgerError);
  const auto dir = testing::scratch_dir("ledger_not_a_db");
  testing::write_file(dir / "junk.db", std::string(4096, 'x'));
  EXPECT_THROW(open_ledger("sqlite:" + (dir / "junk.db").string()), LedgerError);
}

TEST(LedgerErrorsTest, AllocatingInsideATransactionIsRefused) {
  auto ledger = std::make_unique<Ledger>(sqlite::open_sqlite(":memory:"));
  sql::Transaction tx(ledger->connection());
  EXPECT_THROW(allocate_control_numbers(ledger->connection(), "S", "R", ControlNumberKind::interchange),
               LedgerError);
}

TEST(LedgerErrorsTest, ExhaustedControlNumbersAreAnErrorNotAWrap) {
  auto ledger = std::make_unique<Ledger>(sqlite::open_sqlite(":memory:"));
  ledger->allocate("S", "R", ControlNumberKind::interchange, kMaxControlNumber - 1);
  EXPECT_EQ(ledger->allocate("S", "R", ControlNumberKind::interchange), kMaxControlNumber);
  EXPECT_THROW(ledger->allocate("S", "R", ControlNumberKind::interchange), LedgerError);
  EXPECT_EQ(last_control_number(ledger->connection(), "S", "R", ControlNumberKind::interchange), kMaxControlNumber);
}

TEST(LedgerErrorsTest, ASecondOriginalWithTheSameIdRollsTheWholeRunBack) {
  const auto dir = testing::scratch_dir("ledger_duplicate");
  const std::string url = "sqlite:" + (dir / "l.db").string();
  auto first = open_ledger(url);
  auto second = open_ledger(url);  // a concurrent process that checked before the first committed
  first->recorder().stage(0, 1, claim("A"));
  first->recorder().commit({{0, batch(1)}}, "t");
  second->recorder().stage(0, 1, claim("B"));
  second->recorder().stage(0, 2, claim("A"));
  EXPECT_THROW(second->recorder().commit({{0, batch(2)}}, "t"), LedgerError);
  EXPECT_FALSE(first->has_live_claim("60054", "B"));  // nothing of the failed run was recorded
  EXPECT_EQ(first->batches().size(), 1u);
}

TEST(LedgerErrorsTest, BadSqlIsALedgerError) {
  auto c = sqlite::open_sqlite(":memory:");
  EXPECT_THROW(c->prepare("SELEKT 1"), LedgerError);
  EXPECT_THROW(c->execute("CREATE TABLE"), LedgerError);
}

}  // namespace
}  // namespace clearhouse::ledger
