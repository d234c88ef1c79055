#include "engine/ledger/postgres/postgres_connection.hpp"

#include <fmt/format.h>

#include <charconv>
#include <vector>

#include "engine/ledger/postgres/libpq.hpp"

namespace clearhouse::ledger::postgres {
namespace {

std::string error_of(PGconn* conn, const PGresult* result = nullptr) {
  std::string message = result != nullptr ? libpq().PQresultErrorMessage(result) : libpq().PQerrorMessage(conn);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

// Throws unless the result is one of the OK statuses; the result is freed on throw.
void check(PGconn* conn, PGresult* result, std::string_view what) {
  const auto status = result != nullptr ? libpq().PQresultStatus(result) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
  const char* state = result != nullptr ? libpq().PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  std::string message = fmt::format("postgresql: {}: {}{}", what, error_of(conn, result),
                                    state != nullptr ? fmt::format(" (SQLSTATE {})", state) : std::string());
  libpq().PQclear(result);
  throw LedgerError(message);
}

class PostgresStatement final : public sql::Statement {
 public:
  PostgresStatement(PGconn* conn, std::string name, std::string text, int parameters)
      : conn_(conn), name_(std::move(name)), text_(std::move(text)),
        values_(static_cast<std::size_t>(parameters)), is_null_(static_cast<std::size_t>(parameters), true) {}
  ~PostgresStatement() override {
    libpq().PQclear(result_);
    // The server-side statement dies with the session; deallocate so a long session stays lean.
    if (libpq().PQstatus(conn_) == CONNECTION_OK && libpq().PQtransactionStatus(conn_) != PQTRANS_INERROR) {
      PGresult* r = libpq().PQexec(conn_, fmt::format("DEALLOCATE {}", name_).c_str());
      libpq().PQclear(r);
    }
  }

  Statement& bind(int index, std::int64_t value) override {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    return set(index, std::string_view(buf, static_cast<std::size_t>(end - buf)));
  }
  Statement& bind(int index, std::string_view value) override { return set(index, value); }
  Statement& bind_null(int index) override {
    slot(index);
    is_null_[static_cast<std::size_t>(index - 1)] = true;
    return *this;
  }

  bool step() override {
    if (result_ == nullptr) {
      std::vector<const char*> params(values_.size());
      std::vector<int> lengths(values_.size());
      for (std::size_t i = 0; i < values_.size(); ++i) {
        params[i] = is_null_[i] ? nullptr : values_[i].c_str();
        lengths[i] = static_cast<int>(values_[i].size());
      }
      PGresult* r = libpq().PQexecPrepared(conn_, name_.c_str(), static_cast<int>(params.size()), params.data(),
                                   lengths.data(), nullptr, 0);
      check(conn_, r, text_.size() > 200 ? text_.substr(0, 200) + "..." : text_);
      result_ = r;
      row_ = -1;
    }
    ++row_;
    return row_ < libpq().PQntuples(result_);
  }

  std::int64_t column_int(int index) const override {
    const char* v = libpq().PQgetvalue(result_, row_, index);
    std::int64_t out = 0;
    std::from_chars(v, v + std::char_traits<char>::length(v), out);
    return out;
  }
  std::string column_text(int index) const override {
    if (libpq().PQgetisnull(result_, row_, index)) return {};
    return std::string(libpq().PQgetvalue(result_, row_, index), static_cast<std::size_t>(libpq().PQgetlength(result_, row_, index)));
  }
  bool column_is_null(int index) const override { return libpq().PQgetisnull(result_, row_, index) != 0; }

  void reset() override {
    libpq().PQclear(result_);
    result_ = nullptr;
    row_ = -1;
    for (std::size_t i = 0; i < values_.size(); ++i) {
      values_[i].clear();
      is_null_[i] = true;
    }
  }

 private:
  void slot(int index) {
    if (index < 1 || static_cast<std::size_t>(index) > values_.size())
      throw LedgerError(fmt::format("postgresql: parameter {} out of range (statement has {})", index, values_.size()));
  }
  Statement& set(int index, std::string_view value) {
    slot(index);
    values_[static_cast<std::size_t>(index - 1)].assign(value.data(), value.size());
    is_null_[static_cast<std::size_t>(index - 1)] = false;
    return *this;
  }

  PGconn* conn_;
  std::string name_, text_;
  std::vector<std::string> values_;
  std::vector<bool> is_null_;
  PGresult* result_ = nullptr;
  int row_ = -1;
};

class PostgresConnection final : public sql::Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { libpq().PQfinish(conn_); }

  sql::Dialect dialect() const override { return sql::Dialect::postgresql; }

  void execute(std::string_view text) override {
    const std::string copy(text);
    check(conn_, libpq().PQexec(conn_, copy.c_str()), copy.size() > 200 ? copy.substr(0, 200) + "..." : copy);
    // PQexec returns the last statement's result only; earlier failures abort the batch.
  }

  std::unique_ptr<sql::Statement> prepare(std::string_view text) override {
    int parameters = 0;
    const std::string numbered = number_placeholders(text, &parameters);
    std::string name = fmt::format("s{}", ++statements_);
    check(conn_, libpq().PQprepare(conn_, name.c_str(), numbered.c_str(), 0, nullptr),
          fmt::format("prepare '{}'", text.size() > 200 ? std::string(text.substr(0, 200)) + "..." : std::string(text)));
    return std::make_unique<PostgresStatement>(conn_, std::move(name), std::string(text), parameters);
  }

  void begin(bool) override { execute("BEGIN"); }  // row locks and unique indexes do what SQLite's IMMEDIATE does
  void commit() override { execute("COMMIT"); }
  void rollback() override {
    if (in_transaction()) execute("ROLLBACK");
  }
  bool in_transaction() const override {
    const auto s = libpq().PQtransactionStatus(conn_);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
  }

  bool supports_copy() const override { return true; }

  void refresh_statistics(std::string_view tables) override {
    libpq().PQclear(libpq().PQexec(conn_, fmt::format("ANALYZE {}", tables).c_str()));
  }

  void copy_rows(std::string_view table, std::string_view columns, std::string_view rows) override {
    const std::string command = fmt::format("COPY {} ({}) FROM STDIN", table, columns);
    PGresult* start = libpq().PQexec(conn_, command.c_str());
    if (libpq().PQresultStatus(start) != PGRES_COPY_IN) check(conn_, start, command);  // throws
    libpq().PQclear(start);
    // Sent in pieces libpq buffers without doubling its output buffer for one huge call.
    constexpr std::size_t kPiece = 1 << 20;
    bool sent = true;
    for (std::size_t at = 0; at < rows.size() && sent; at += kPiece) {
      const auto piece = rows.substr(at, kPiece);
      sent = libpq().PQputCopyData(conn_, piece.data(), static_cast<int>(piece.size())) == 1;
    }
    // Ending the copy with an error message makes the server reject it (the transaction aborts).
    if (libpq().PQputCopyEnd(conn_, sent ? nullptr : "sending the rows failed") != 1 || !sent)
      throw LedgerError(fmt::format("postgresql: {}: {}", command, error_of(conn_)));
    // Every result must be read before the connection can run another command.
    std::string failure;
    while (PGresult* r = libpq().PQgetResult(conn_)) {
      if (failure.empty() && libpq().PQresultStatus(r) != PGRES_COMMAND_OK) {
        try {
          check(conn_, r, command);  // frees r and throws
        } catch (const LedgerError& e) {
          failure = e.what();
        }
        continue;
      }
      libpq().PQclear(r);
    }
    if (!failure.empty()) throw LedgerError(failure);
  }

  static std::string number_placeholders(std::string_view sql, int* count) {
    std::string out;
    out.reserve(sql.size() + 16);
    int n = 0;
    bool in_literal = false;
    for (char c : sql) {
      if (c == '\'') in_literal = !in_literal;
      if (c == '?' && !in_literal) {
        out += fmt::format("${}", ++n);
        continue;
      }
      out.push_back(c);
    }
    if (count != nullptr) *count = n;
    return out;
  }

 private:
  PGconn* conn_;
  std::uint64_t statements_ = 0;
};

}  // namespace

std::string number_placeholders(std::string_view sql) { return PostgresConnection::number_placeholders(sql, nullptr); }

std::unique_ptr<sql::Connection> open_postgres(const std::string& uri) {
  PGconn* conn = libpq().PQconnectdb(uri.c_str());
  if (conn == nullptr || libpq().PQstatus(conn) != CONNECTION_OK) {
    // The URI may carry a password: name the server by what libpq reports, not the URI.
    const std::string message = fmt::format("cannot connect to the PostgreSQL ledger: {}",
                                            conn != nullptr ? error_of(conn) : std::string("out of memory"));
    libpq().PQfinish(conn);
    throw LedgerError(message);
  }
  auto connection = std::make_unique<PostgresConnection>(conn);
  // Notices (e.g. "relation already exists, skipping") are not errors: keep them off stderr.
  libpq().PQsetNoticeProcessor(conn, [](void*, const char*) {}, nullptr);
  connection->execute("SET client_min_messages = warning; SET standard_conforming_strings = on");
  return connection;
}

}  // namespace clearhouse::ledger::postgres
