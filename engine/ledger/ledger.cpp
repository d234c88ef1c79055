#include "engine/ledger/ledger.hpp"

#include "engine/ledger/ledger_url.hpp"
#include "engine/ledger/migrations.hpp"
#include "engine/ledger/postgres/postgres_connection.hpp"
#include "engine/ledger/sqlite/sqlite_connection.hpp"

namespace clearhouse::ledger {

Ledger::Ledger(std::unique_ptr<sql::Connection> connection) : connection_(std::move(connection)) {
  schema_version_ = apply_migrations(*connection_);
}

Ledger::~Ledger() {
  recorder_.reset();  // before the connection it uses
  has_claim_.reset();
}

std::uint64_t Ledger::allocate(std::string_view sender_id, std::string_view receiver_id, ControlNumberKind kind,
                               std::uint64_t count) {
  if (recorder_) recorder_->pause();
  return allocate_control_numbers(*connection_, sender_id, receiver_id, kind, count);
}

bool Ledger::has_claim(std::string_view payer_id, std::string_view claim_id) {
  if (!has_claim_) has_claim_ = connection_->prepare("SELECT 1 FROM claims WHERE payer_id = ? AND claim_id = ? LIMIT 1");
  has_claim_->bind(1, payer_id).bind(2, claim_id);
  return has_claim_->single_int().has_value();
}

std::optional<ClaimRecord> Ledger::find_claim(std::string_view payer_id, std::string_view claim_id) {
  auto q = connection_->prepare(
      "SELECT id, batch_id, claim_id, payer_id, payer_name, billing_npi, frequency_code, original_claim_number, "
      "billed_cents, service_date_from, service_date_to, transaction_control_number, status FROM claims "
      "WHERE payer_id = ? AND claim_id = ? ORDER BY id DESC LIMIT 1");
  q->bind(1, payer_id).bind(2, claim_id);
  if (!q->step()) return std::nullopt;
  ClaimRecord c;
  c.row_id = q->column_int(0);
  c.batch_id = q->column_int(1);
  c.claim_id = q->column_text(2);
  c.payer_id = q->column_text(3);
  c.payer_name = q->column_text(4);
  c.billing_npi = q->column_text(5);
  c.frequency_code = q->column_text(6);
  c.original_claim_number = q->column_text(7);
  c.billed_cents = q->column_int(8);
  c.service_date_from = q->column_text(9);
  c.service_date_to = q->column_text(10);
  c.transaction_control_number = q->column_text(11);
  c.status = q->column_text(12);
  q->reset();
  auto lines = connection_->prepare(
      "SELECT id, line_number, line_control_number, procedure_code, modifiers, charge_cents, units, unit_code, "
      "service_date FROM service_lines WHERE claim_row = ? ORDER BY line_number");
  lines->bind(1, c.row_id);
  while (lines->step()) {
    LineRecord l;
    l.row_id = lines->column_int(0);
    l.line_number = lines->column_int(1);
    l.line_control_number = lines->column_text(2);
    l.procedure_code = lines->column_text(3);
    l.modifiers = lines->column_text(4);
    l.charge_cents = lines->column_int(5);
    l.units = lines->column_text(6);
    l.unit_code = lines->column_text(7);
    l.service_date = lines->column_text(8);
    c.lines.push_back(std::move(l));
  }
  lines->reset();
  return c;
}

std::vector<BatchRecord> Ledger::batches() {
  auto q = connection_->prepare(
      "SELECT id, file_name, sha256, bytes, sender_id, receiver_id, interchange_control_number, "
      "group_control_number, first_transaction_number, last_transaction_number, transaction_count, claim_count, "
      "line_count, billed_cents, created_at FROM batches ORDER BY id");
  std::vector<BatchRecord> out;
  while (q->step()) {
    BatchRecord b;
    b.row_id = q->column_int(0);
    b.file_name = q->column_text(1);
    b.sha256 = q->column_text(2);
    b.bytes = static_cast<std::uint64_t>(q->column_int(3));
    b.sender_id = q->column_text(4);
    b.receiver_id = q->column_text(5);
    b.interchange_control_number = static_cast<std::uint64_t>(q->column_int(6));
    b.group_control_number = static_cast<std::uint64_t>(q->column_int(7));
    b.first_transaction_number = static_cast<std::uint64_t>(q->column_int(8));
    b.last_transaction_number = static_cast<std::uint64_t>(q->column_int(9));
    b.transaction_count = static_cast<std::uint64_t>(q->column_int(10));
    b.claim_count = static_cast<std::uint64_t>(q->column_int(11));
    b.line_count = static_cast<std::uint64_t>(q->column_int(12));
    b.billed_cents = q->column_int(13);
    b.created_at = q->column_text(14);
    out.push_back(std::move(b));
  }
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
