#include "engine/ledger/ledger.hpp"

#include <fmt/format.h>

#include "engine/ledger/ledger_url.hpp"
#include "engine/ledger/migrations.hpp"
#include "engine/ledger/postgres/postgres_connection.hpp"
#include "engine/ledger/record_columns.hpp"
#include "engine/ledger/sql/list_statements.hpp"
#include "engine/ledger/sqlite/sqlite_connection.hpp"

namespace clearhouse::ledger {

Ledger::Ledger(std::unique_ptr<sql::Connection> connection) : connection_(std::move(connection)) {
  schema_version_ = apply_migrations(*connection_);
}

Ledger::~Ledger() {
  recorder_.reset();  // before the connection it uses
  claim_standing_.reset();
  claims_by_id_.reset();
  lines_by_claim_.reset();
}

std::uint64_t Ledger::allocate(std::string_view sender_id, std::string_view receiver_id, ControlNumberKind kind,
                               std::uint64_t count) {
  if (recorder_) recorder_->pause();
  return allocate_control_numbers(*connection_, sender_id, receiver_id, kind, count);
}

ClaimStanding Ledger::claim_standing(std::string_view payer_id, std::string_view claim_id) {
  // "Rejected" is the predicate the index claims_original_once (migration 8) leaves out.
  if (!claim_standing_)
    claim_standing_ = connection_->prepare(
        "SELECT MAX(CASE WHEN COALESCE(front_door_status, '') <> 'rejected' AND COALESCE(ack_status, '') <> 'rejected' "
        "THEN 2 ELSE 1 END) FROM claims WHERE payer_id = ? AND claim_id = ?");
  claim_standing_->bind(1, payer_id).bind(2, claim_id);
  const auto v = claim_standing_->single_int();
  return !v ? ClaimStanding::none : *v == 2 ? ClaimStanding::live : ClaimStanding::rejected;
}

bool Ledger::has_live_claim(std::string_view payer_id, std::string_view claim_id) {
  return claim_standing(payer_id, claim_id) == ClaimStanding::live;
}

namespace {

std::string claims_by_id_query(std::size_t n) {
  return fmt::format("SELECT {} FROM claims WHERE payer_id = ? AND claim_id IN ({}) ORDER BY id", kClaimColumns,
                     sql::placeholders(n));
}

std::string lines_by_claim_query(std::size_t n) {
  return fmt::format("SELECT {} FROM service_lines WHERE claim_row IN ({}) ORDER BY claim_row, line_number",
                     kLineColumns, sql::placeholders(n));
}

}  // namespace

std::optional<ClaimRecord> Ledger::find_claim(std::string_view payer_id, std::string_view claim_id) {
  auto q = connection_->prepare(fmt::format(
      "SELECT {} FROM claims WHERE payer_id = ? AND claim_id = ? ORDER BY id DESC LIMIT 1", kClaimColumns));
  q->bind(1, payer_id).bind(2, claim_id);
  if (!q->step()) return std::nullopt;
  ClaimRecord c = read_claim(*q);
  q->reset();
  auto lines = connection_->prepare(
      fmt::format("SELECT {} FROM service_lines WHERE claim_row = ? ORDER BY line_number", kLineColumns));
  lines->bind(1, c.row_id);
  while (lines->step()) c.lines.push_back(read_line(*lines));
  lines->reset();
  return c;
}

std::map<std::string, ClaimRecord, std::less<>> Ledger::find_claims(std::string_view payer_id,
                                                                    std::span<const std::string> claim_ids) {
  std::map<std::string, ClaimRecord, std::less<>> out;
  if (claim_ids.empty()) return out;
  if (!claims_by_id_) {
    claims_by_id_ = std::make_unique<sql::ListStatements>(*connection_, claims_by_id_query);
    lines_by_claim_ = std::make_unique<sql::ListStatements>(*connection_, lines_by_claim_query);
  }
  // Rows come by id within a chunk and a claim id is in one chunk: the last row kept is the
  // latest, as find_claim's ORDER BY id DESC LIMIT 1.
  sql::query_in_chunks(
      *claims_by_id_, claim_ids,
      [&](sql::Statement& q) {
        q.bind(1, payer_id);
        return 2;
      },
      [&](sql::Statement& q) {
        auto c = read_claim(q);
        out.insert_or_assign(c.claim_id, std::move(c));
      });
  std::map<std::int64_t, ClaimRecord*> by_row;
  std::vector<std::int64_t> rows;
  for (auto& [id, c] : out) by_row[c.row_id] = &c;
  for (const auto& [row, c] : by_row) rows.push_back(row);
  sql::query_in_chunks(
      *lines_by_claim_, std::span<const std::int64_t>(rows), [](sql::Statement&) { return 1; },
      [&](sql::Statement& q) {
        const auto it = by_row.find(q.column_int(9));
        if (it != by_row.end()) it->second->lines.push_back(read_line(q));
      });
  return out;
}

std::vector<BatchRecord> Ledger::batches() {
  auto q = connection_->prepare(fmt::format("SELECT {} FROM batches ORDER BY id", kBatchColumns));
  std::vector<BatchRecord> out;
  while (q->step()) out.push_back(read_batch(*q));
  q->reset();
  return out;
}

std::optional<BatchRecord> Ledger::find_batch(std::int64_t row_id) {
  auto q = connection_->prepare(fmt::format("SELECT {} FROM batches WHERE id = ?", kBatchColumns));
  q->bind(1, row_id);
  std::optional<BatchRecord> out;
  if (q->step()) out = read_batch(*q);
  q->reset();
  return out;
}

std::optional<BatchRecord> Ledger::find_batch_by_file(std::string_view file_name) {
  auto q = connection_->prepare(
      fmt::format("SELECT {} FROM batches WHERE file_name = ? ORDER BY id DESC LIMIT 1", kBatchColumns));
  q->bind(1, file_name);
  std::optional<BatchRecord> out;
  if (q->step()) out = read_batch(*q);
  q->reset();
  return out;
}

std::uint64_t Ledger::count_claims() {
  return static_cast<std::uint64_t>(connection_->prepare("SELECT COUNT(*) FROM claims")->single_int().value_or(0));
}

std::uint64_t Ledger::count_lines() {
  return static_cast<std::uint64_t>(
      connection_->prepare("SELECT COUNT(*) FROM service_lines")->single_int().value_or(0));
}

SubmissionRecorder& Ledger::recorder() {
  if (!recorder_) recorder_ = std::make_unique<SubmissionRecorder>(*connection_);
  return *recorder_;
}

std::unique_ptr<Ledger> open_ledger(std::string_view url) {
  const LedgerUrl parsed = parse_ledger_url(url);
  switch (parsed.dialect) {
    case sql::Dialect::sqlite:
      return std::make_unique<Ledger>(sqlite::open_sqlite(parsed.target));
    case sql::Dialect::postgresql: {
      auto connection = postgres::open_postgres(parsed.target);
      // Several workers may open a fresh ledger at once: they apply migrations one at a time
      // (a session lock, released when the connection closes if anything throws).
      connection->execute("SELECT pg_advisory_lock(728301)");
      auto ledger = std::make_unique<Ledger>(std::move(connection));
      ledger->connection().execute("SELECT pg_advisory_unlock(728301)");
      return ledger;
    }
  }
  throw LedgerUrlError("unknown ledger dialect");
}

}  // namespace clearhouse::ledger
