// BatchInsert on PostgreSQL goes through COPY when no RETURNING is asked for: every text comes
// back as it went in (COPY's escapes), NULL stays distinct from the empty string, and a failed
// COPY is a LedgerError that leaves the connection usable.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <unistd.h>

#include "engine/ledger/postgres/postgres_connection.hpp"
#include "engine/ledger/sql/batch_insert.hpp"
#include "tests/support/postgres_server.hpp"

namespace clearhouse::testing {
namespace {

std::unique_ptr<ledger::sql::Connection> fresh_connection(const char* name) {
  const auto url = PostgresServer::instance().create_database(fmt::format("{}_{}", name, ::getpid()));
  auto c = ledger::postgres::open_postgres(url);
  c->execute("CREATE TABLE t (id BIGINT PRIMARY KEY, note TEXT, amount BIGINT)");
  return c;
}

TEST(BatchInsertPostgres, CopyRoundTripsAwkwardTextAndNulls) {
  auto c = fresh_connection("batch_copy");
  ASSERT_TRUE(c->supports_copy());
  const std::vector<std::string> notes = {"plain",       "tab\there", "line\nbreak", "carriage\rreturn",
                                          "back\\slash", "\\N",       "",           "caf\xC3\xA9 \\t literal"};
  {
    ledger::sql::Transaction tx(*c);
    ledger::sql::BatchInsert insert(*c, "t", {"id", "note", "amount"});
    std::int64_t id = 0;
    for (const auto& n : notes) {
      ++id;
      insert.row().value(id).value(n).value(id * -100);
    }
    insert.row().value(++id).null().null();
    for (int i = 0; i < 20000; ++i) insert.row().value(++id).value(fmt::format("row {}", i)).value(i);  // several COPYs
    insert.flush();
    EXPECT_EQ(insert.rows_sent(), notes.size() + 1 + 20000);
    tx.commit();
  }
  auto q = c->prepare("SELECT id, note, amount, note IS NULL FROM t WHERE id <= ? ORDER BY id");
  q->bind(1, static_cast<std::int64_t>(notes.size() + 1));
  std::size_t i = 0;
  while (q->step()) {
    if (i < notes.size()) {
      EXPECT_EQ(q->column_text(1), notes[i]) << "row " << i;
      EXPECT_EQ(q->column_int(2), static_cast<std::int64_t>(i + 1) * -100);
      EXPECT_EQ(q->column_int(3), 0);
    } else {
      EXPECT_TRUE(q->column_is_null(1));
      EXPECT_TRUE(q->column_is_null(2));
    }
    ++i;
  }
  EXPECT_EQ(i, notes.size() + 1);
  auto count = c->prepare("SELECT COUNT(*) FROM t");
  EXPECT_EQ(count->single_int().value_or(-1), static_cast<std::int64_t>(notes.size() + 1 + 20000));
}

TEST(BatchInsertPostgres, AFailedCopyThrowsAndTheConnectionGoesOn) {
  auto c = fresh_connection("batch_copy_fail");
  {
    ledger::sql::Transaction tx(*c);
    ledger::sql::BatchInsert insert(*c, "t", {"id", "note", "amount"});
    insert.row().value(std::int64_t{1}).value("a").value(std::int64_t{1});
    insert.row().value(std::int64_t{1}).value("duplicate id").value(std::int64_t{2});
    EXPECT_THROW(insert.flush(), ledger::LedgerError);
  }  // rolled back
  c->execute("INSERT INTO t (id, note, amount) VALUES (7, 'after', 7)");
  auto count = c->prepare("SELECT COUNT(*) FROM t");
  EXPECT_EQ(count->single_int().value_or(-1), 1);
}

// A BatchInsert kept across transactions (as the posting store keeps its own) sends nothing of
// a failed flush again: the next transaction gets only its own rows.
TEST(BatchInsertPostgres, RowsOfAFailedFlushAreNotSentAgain) {
  auto c = fresh_connection("batch_copy_retry");
  ledger::sql::BatchInsert insert(*c, "t", {"id", "note", "amount"});
  {
    ledger::sql::Transaction tx(*c);
    insert.row().value(std::int64_t{1}).value("a").value(std::int64_t{1});
    insert.row().value(std::int64_t{1}).value("duplicate id").value(std::int64_t{2});
    EXPECT_THROW(insert.flush(), ledger::LedgerError);
  }
  {
    ledger::sql::Transaction tx(*c);
    insert.row().value(std::int64_t{2}).value("b").value(std::int64_t{2});
    insert.flush();
    tx.commit();
  }
  auto count = c->prepare("SELECT COUNT(*) FROM t");
  EXPECT_EQ(count->single_int().value_or(-1), 1);
}

}  // namespace
}  // namespace clearhouse::testing
