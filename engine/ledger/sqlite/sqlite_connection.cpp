#include "engine/ledger/sqlite/sqlite_connection.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace clearhouse::ledger::sqlite {
namespace {

[[noreturn]] void fail(sqlite3* db, std::string_view what) {
  throw LedgerError(fmt::format("sqlite: {}: {}", what, db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
}

class SqliteStatement final : public sql::Statement {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }

  Statement& bind(int index, std::int64_t value) override {
    check(sqlite3_bind_int64(stmt_, index, value), "bind");
    return *this;
  }
  Statement& bind(int index, std::string_view value) override {
    check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT), "bind");
    return *this;
  }
  Statement& bind_view(int index, std::string_view value) override {
    check(sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_STATIC), "bind");
    return *this;
  }
  Statement& bind_null(int index) override {
    check(sqlite3_bind_null(stmt_, index), "bind");
    return *this;
  }
  bool step() override {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string message = fmt::format("sqlite: {} (in: {})", sqlite3_errmsg(db_), sqlite3_sql(stmt_));
    sqlite3_reset(stmt_);
    throw LedgerError(message);
  }
  std::int64_t column_int(int index) const override { return sqlite3_column_int64(stmt_, index); }
  std::string column_text(int index) const override {
    const auto* text = sqlite3_column_text(stmt_, index);
    if (text == nullptr) return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(sqlite3_column_bytes(stmt_, index)));
  }
  bool column_is_null(int index) const override { return sqlite3_column_type(stmt_, index) == SQLITE_NULL; }
  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

 private:
  void check(int rc, std::string_view what) {
    if (rc != SQLITE_OK) fail(db_, what);
  }
  sqlite3* db_;
  sqlite3_stmt* stmt_;
};

class SqliteConnection final : public sql::Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  sql::Dialect dialect() const override { return sql::Dialect::sqlite; }

  void execute(std::string_view text) override {
    const std::string copy(text);
    char* error = nullptr;
    if (sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
      std::string message = fmt::format("sqlite: {}", error != nullptr ? error : "error");
      sqlite3_free(error);
      throw LedgerError(message);
    }
  }

  std::unique_ptr<sql::Statement> prepare(std::string_view text) override {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, text.data(), static_cast<int>(text.size()), &stmt, nullptr) != SQLITE_OK)
      fail(db_, fmt::format("prepare '{}'", text));
    return std::make_unique<SqliteStatement>(db_, stmt);
  }

  void begin(bool immediate) override { execute(immediate ? "BEGIN IMMEDIATE" : "BEGIN"); }
  void commit() override { execute("COMMIT"); }
  void rollback() override {
    if (in_transaction()) execute("ROLLBACK");
  }
  bool in_transaction() const override { return sqlite3_get_autocommit(db_) == 0; }

 private:
  sqlite3* db_;
};

}  // namespace

std::unique_ptr<sql::Connection> open_sqlite(const std::string& path) {
  // No memory statistics: with them every allocation SQLite makes takes a process-wide mutex
  // (a few percent of posting). Must precede SQLite's initialization, which the first open does.
  static const int no_memory_statistics = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)no_memory_statistics;
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    const std::string message = fmt::format("cannot open ledger '{}': {}", path, db != nullptr ? sqlite3_errmsg(db) : "out of memory");
    sqlite3_close_v2(db);
    throw LedgerError(message);
  }
  auto connection = std::make_unique<SqliteConnection>(db);
  sqlite3_busy_timeout(db, 30000);
  // WAL: readers never block the writer. synchronous=FULL syncs the WAL at every commit, so a
  // committed control-number allocation survives even a power loss (never reused); the ledger
  // commits a few times per run, so this costs little. foreign_keys is per connection.
  connection->execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  // Page caches of 64 MB for the ledger and for session-private TEMP tables (a submit run's
  // staging): large runs stay in memory up to that bound and spill to disk beyond it.
  connection->execute("PRAGMA cache_size=-65536; PRAGMA temp.cache_size=-65536;");
  return connection;
}

}  // namespace clearhouse::ledger::sqlite
