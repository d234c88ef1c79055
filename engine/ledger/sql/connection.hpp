#pragma once
// The thin SQL layer the ledger is written against, so that the ledger's logic exists once and
// each database only needs a driver (engine/ledger/sqlite/, and engine/ledger/postgres/ later).
//
// Conventions every driver follows:
//  - SQL text uses `?` placeholders, bound 1-based; a driver whose database wants `$1` rewrites
//    them. Columns are read 0-based.
//  - Values are 64-bit integers, text, or NULL. Money is always integer cents; dates are ISO
//    text ("2024-01-27"); decimals (units) are their exact text ("1.5").
//  - Failures of the database itself (cannot open, disk full, constraint violated, locked past
//    the busy timeout) throw LedgerError: they are not input errors, they abort the unit of work
//    and the CLI or service edge reports them. Input problems never reach this layer.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace clearhouse::ledger {

struct LedgerError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

namespace sql {

enum class Dialect {
  sqlite,      // SQLite 3.35+ (RETURNING, ON CONFLICT, partial indexes)
  postgresql,  // PostgreSQL 15
};
std::string_view dialect_name(Dialect d);

// A prepared statement: bind, step through rows, reset to run again. Reuse one for many rows.
class Statement {
 public:
  virtual ~Statement() = default;
  virtual Statement& bind(int index, std::int64_t value) = 0;
  virtual Statement& bind(int index, std::string_view value) = 0;
  virtual Statement& bind_null(int index) = 0;
  // Text that stays valid and unchanged until the statement is reset (no copy where the driver
  // can avoid one). Use bind() for temporaries.
  virtual Statement& bind_view(int index, std::string_view value) { return bind(index, value); }
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, std::uint64_t value) { return bind(index, static_cast<std::int64_t>(value)); }
  // NULL when empty: optional text columns.
  Statement& bind_text_or_null(int index, std::string_view value) {
    return value.empty() ? bind_null(index) : bind(index, value);
  }

  // Runs the statement (first call) or advances; true while a row is available.
  virtual bool step() = 0;
  virtual std::int64_t column_int(int index) const = 0;
  virtual std::string column_text(int index) const = 0;  // "" for NULL
  virtual bool column_is_null(int index) const = 0;
  // Ready to run again; bindings are cleared.
  virtual void reset() = 0;

  // Runs a statement that returns no rows (or ignores them), then resets it.
  void run() {
    while (step()) {
    }
    reset();
  }
  // Runs and returns the first column of the first row (nullopt when there is no row), then resets.
  std::optional<std::int64_t> single_int() {
    std::optional<std::int64_t> out;
    if (step() && !column_is_null(0)) out = column_int(0);
    reset();
    return out;
  }
};

// One session with a database. Not thread-safe: one per thread or process.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one or more statements without parameters (schema changes, pragmas).
  virtual void execute(std::string_view sql) = 0;
  virtual std::unique_ptr<Statement> prepare(std::string_view sql) = 0;

  // immediate: take the write lock now (SQLite BEGIN IMMEDIATE), so a read-then-write unit
  // cannot fail half-way on a concurrent writer. Deferred is for work that only touches
  // session-private (TEMP) tables or only reads.
  virtual void begin(bool immediate = true) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;
  virtual bool in_transaction() const = 0;

  // Bulk load where the database has one (PostgreSQL's COPY FROM STDIN): `rows` in COPY's text
  // format (fields separated by tabs, rows ended by newlines, \N for NULL, backslash escapes;
  // see append_copy_text_field) into `columns` (comma-separated) of `table`. BatchInsert uses it for
  // rows whose ids it does not need back.
  virtual bool supports_copy() const { return false; }

  // After many rows arrived in `tables` (comma-separated), brings the planner's statistics up to
  // date where the database plans from them and does not do so at once: PostgreSQL, whose
  // autovacuum runs a minute or so later and which until then scans whole tables where an
  // index lookup is due. A no-op elsewhere. Call it between transactions (a failure inside one
  // would abort it); an optimisation only, so a failure is not reported.
  virtual void refresh_statistics(std::string_view /*tables*/) {}
  virtual void copy_rows(std::string_view table, std::string_view columns, std::string_view rows);
};

// Appends `value` to `out` as one field of COPY's text format: backslash, tab, newline and
// carriage return escaped, so any text (an empty one included) loads as itself.
void append_copy_text_field(std::string& out, std::string_view value);

// Begins on construction; rolls back on destruction unless committed (so an exception leaves
// nothing half-written).
class Transaction {
 public:
  explicit Transaction(Connection& c, bool immediate = true) : c_(c) { c_.begin(immediate); }
  ~Transaction() {
    if (!done_) {
      try {
        c_.rollback();
      } catch (...) {
        // Destructors do not throw; the connection reports the next error.
      }
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    c_.commit();
    done_ = true;
  }

 private:
  Connection& c_;
  bool done_ = false;
};

// Replaces the dialect tokens migrations use: {{id}} (an auto-assigned 64-bit primary key) and
// {{unit_separator}} (an expression for the character 31, which joins packed fields).
std::string expand_dialect(std::string_view sql, Dialect d);

}  // namespace sql
}  // namespace clearhouse::ledger
