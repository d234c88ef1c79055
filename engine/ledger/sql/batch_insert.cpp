#include "engine/ledger/sql/batch_insert.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <bit>

namespace clearhouse::ledger::sql {
namespace {

// SQLite allows 32766 bound parameters per statement, PostgreSQL 65535; stay well below both
// and keep statements a size both plan quickly.
constexpr std::size_t kMaxParameters = 8000;
constexpr std::size_t kMaxRows = 500;
// Rows per COPY: no parameters to bound it, only the memory of the pending text.
constexpr std::size_t kMaxCopyRows = 8192;

}  // namespace

BatchInsert::BatchInsert(Connection& connection, std::string table, std::vector<std::string> columns,
                         std::string returning, OnReturned on_returned)
    : c_(connection),
      table_(std::move(table)),
      columns_(std::move(columns)),
      returning_(std::move(returning)),
      on_returned_(std::move(on_returned)),
      copy_(returning_.empty() && c_.supports_copy()),
      rows_per_statement_(copy_ ? kMaxCopyRows
                                : std::max<std::size_t>(1, std::min(kMaxRows, kMaxParameters / columns_.size()))) {
  pending_.reserve(rows_per_statement_ * columns_.size());
  column_list_ = fmt::format("{}", fmt::join(columns_, ", "));
}

BatchInsert::~BatchInsert() = default;

BatchInsert& BatchInsert::row() {
  if (pending_.size() % columns_.size() != 0)
    throw LedgerError(fmt::format("{}: a row was started before the previous one had all its values", table_));
  if (pending_.size() == rows_per_statement_ * columns_.size()) flush();
  return *this;
}

BatchInsert& BatchInsert::value(std::int64_t v) {
  pending_.push_back({Value::Kind::integer, v, 0});
  return *this;
}

BatchInsert& BatchInsert::value(std::string_view v) {
  pending_.push_back({Value::Kind::text, static_cast<std::int64_t>(text_.size()), v.size()});
  text_.append(v);
  return *this;
}

BatchInsert& BatchInsert::null() {
  pending_.push_back({});
  return *this;
}

Statement& BatchInsert::statement_for(std::size_t rows) {
  auto& slot = statements_[rows];
  if (slot) return *slot;
  std::string sql = fmt::format("INSERT INTO {} ({}) VALUES ", table_, column_list_);
  std::string one_row = "(";
  for (std::size_t i = 0; i < columns_.size(); ++i) one_row += i == 0 ? "?" : ", ?";
  one_row += ")";
  for (std::size_t r = 0; r < rows; ++r) {
    if (r != 0) sql += ", ";
    sql += one_row;
  }
  if (!returning_.empty()) sql += " RETURNING " + returning_;
  slot = c_.prepare(sql);
  return *slot;
}

void BatchInsert::flush() {
  if (pending_.empty()) return;
  // The pending rows are done with whether they went in or not: a failed statement fails the
  // caller's transaction, and rows kept would be sent again into the next one.
  struct ClearPending {
    BatchInsert& insert;
    ~ClearPending() {
      insert.pending_.clear();
      insert.text_.clear();
    }
  } clear_pending{*this};
  if (pending_.size() % columns_.size() != 0)
    throw LedgerError(fmt::format("{}: the last row is missing values", table_));
  const std::size_t rows = pending_.size() / columns_.size();
  if (copy_) {
    copy_pending(rows);
    return;
  }
  // A full chunk goes in one statement; a shorter one in power-of-two pieces, so a handful of
  // prepared statements serve every row count.
  std::size_t done = 0;
  while (done < rows) {
    std::size_t n = rows - done;
    if (n < rows_per_statement_) n = std::bit_floor(n);
    Statement& stmt = statement_for(n);
    int index = 1;
    for (std::size_t i = done * columns_.size(); i < (done + n) * columns_.size(); ++i) {
      const auto& v = pending_[i];
      switch (v.kind) {
        case Value::Kind::integer: stmt.bind(index, v.integer); break;
        // text_ does not change until this statement has run: bound without a copy.
        case Value::Kind::text:
          stmt.bind_view(index, std::string_view(text_).substr(static_cast<std::size_t>(v.integer), v.length));
          break;
        case Value::Kind::null: stmt.bind_null(index); break;
      }
      ++index;
    }
    while (stmt.step()) {
      if (on_returned_) on_returned_(stmt);
    }
    stmt.reset();
    done += n;
  }
  sent_ += rows;
}

// PostgreSQL: the pending rows as COPY text, in one COPY (no parameters to bind and no
// statement to plan: about twice as fast as the same rows as INSERT ... VALUES).
void BatchInsert::copy_pending(std::size_t rows) {
  std::string& data = copy_buffer_;
  data.clear();
  std::size_t i = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t col = 0; col < columns_.size(); ++col, ++i) {
      if (col != 0) data.push_back('\t');
      const auto& v = pending_[i];
      switch (v.kind) {
        case Value::Kind::integer: {
          const fmt::format_int digits(v.integer);
          data.append(digits.data(), digits.size());
          break;
        }
        case Value::Kind::text:
          append_copy_text_field(data, std::string_view(text_).substr(static_cast<std::size_t>(v.integer), v.length));
          break;
        case Value::Kind::null: data += "\\N"; break;
      }
    }
    data.push_back('\n');
  }
  c_.copy_rows(table_, column_list_, data);
  sent_ += rows;
}

}  // namespace clearhouse::ledger::sql
