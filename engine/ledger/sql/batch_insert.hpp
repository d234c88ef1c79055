#pragma once
// Many rows into one table with multi-row INSERT statements: one statement (one round trip on
// PostgreSQL) per chunk of rows instead of one per row. Dialect-neutral: both SQLite and
// PostgreSQL accept INSERT ... VALUES (...), (...) ... [RETURNING ...]. Where the connection
// has a bulk copy (PostgreSQL) and no RETURNING is asked for, rows go in with COPY instead.
//
//   BatchInsert insert(c, "line_payments", {"claim_payment_id", "line_number", ...});
//   insert.row().value(id).value(n)...;   // values in column order
//   insert.flush();                       // sends what is pending (also done when a chunk fills)
//
// With a RETURNING clause, on_returned is called once per returned row (columns 0-based).

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::ledger::sql {

class BatchInsert {
 public:
  using OnReturned = std::function<void(const Statement& row)>;

  BatchInsert(Connection& connection, std::string table, std::vector<std::string> columns,
              std::string returning = {}, OnReturned on_returned = {});
  ~BatchInsert();
  BatchInsert(const BatchInsert&) = delete;
  BatchInsert& operator=(const BatchInsert&) = delete;

  // Starts a row; its values follow in column order. Sends a full chunk first.
  BatchInsert& row();
  BatchInsert& value(std::int64_t v);
  BatchInsert& value(std::string_view v);
  BatchInsert& value(const std::string& v) { return value(std::string_view(v)); }
  BatchInsert& value(const char* v) { return value(std::string_view(v)); }
  BatchInsert& value(std::optional<std::int64_t> v) { return v ? value(*v) : null(); }
  BatchInsert& null();

  // Sends the pending rows. Throws LedgerError when a row is incomplete or the database fails;
  // the pending rows are dropped either way (they belonged to the failed transaction).
  void flush();
  std::uint64_t rows_sent() const { return sent_; }
  // Replaces the RETURNING callback (a BatchInsert kept across units of work: its prepared
  // statements are reused).
  void on_returned(OnReturned callback) { on_returned_ = std::move(callback); }

 private:
  // A pending value: an integer, text in text_ (offset, length), or NULL. No allocation per value.
  struct Value {
    enum class Kind : std::uint8_t { null, integer, text } kind = Kind::null;
    std::int64_t integer = 0;  // the integer, or the text's offset in text_
    std::size_t length = 0;
  };
  Statement& statement_for(std::size_t rows);
  void copy_pending(std::size_t rows);

  Connection& c_;
  std::string table_;
  std::vector<std::string> columns_;
  std::string column_list_;  // "a, b, c"
  std::string returning_;
  OnReturned on_returned_;
  bool copy_;  // rows go in with the connection's bulk copy (PostgreSQL COPY), not INSERTs
  std::size_t rows_per_statement_;
  std::vector<Value> pending_;
  std::string text_;  // the pending rows' text values, back to back
  std::string copy_buffer_;  // the COPY text of a flush, reused
  std::map<std::size_t, std::unique_ptr<Statement>> statements_;  // by row count
  std::uint64_t sent_ = 0;
};

}  // namespace clearhouse::ledger::sql
