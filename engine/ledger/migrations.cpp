#include "engine/ledger/migrations.hpp"

#include <fmt/format.h>

#include "engine/util/timestamp.hpp"

namespace clearhouse::ledger {
namespace {

// 1: what `clearhouse submit` records. Control numbers per sender/receiver (ISA13/GS06 as
// kind 'interchange', ST02 as kind 'transaction'); one batch row per 837 file written; one claim
// row per CLM (status 'submitted' until remittance posting moves it on); one row per service
// line (what an 835's SVC and REF*6R are matched against).
constexpr std::string_view kSubmissions = R"sql(
CREATE TABLE control_numbers (
  sender_id   TEXT NOT NULL,
  receiver_id TEXT NOT NULL,
  kind        TEXT NOT NULL,
  last_value  BIGINT NOT NULL,
  PRIMARY KEY (sender_id, receiver_id, kind)
);
CREATE TABLE batches (
  id                         {{id}},
  file_name                  TEXT NOT NULL,
  sha256                     TEXT NOT NULL,
  bytes                      BIGINT NOT NULL,
  sender_id                  TEXT NOT NULL,
  receiver_id                TEXT NOT NULL,
  interchange_control_number BIGINT NOT NULL,
  group_control_number       BIGINT NOT NULL,
  first_transaction_number   BIGINT NOT NULL,
  last_transaction_number    BIGINT NOT NULL,
  transaction_count          BIGINT NOT NULL,
  claim_count                BIGINT NOT NULL,
  line_count                 BIGINT NOT NULL,
  billed_cents               BIGINT NOT NULL,
  created_at                 TEXT NOT NULL,
  UNIQUE (sender_id, receiver_id, interchange_control_number)
);
CREATE TABLE claims (
  id                         {{id}},
  batch_id                   BIGINT NOT NULL REFERENCES batches(id),
  batch_sequence             BIGINT NOT NULL,
  claim_id                   TEXT NOT NULL,
  payer_id                   TEXT NOT NULL,
  payer_name                 TEXT NOT NULL,
  billing_npi                TEXT NOT NULL,
  frequency_code             TEXT NOT NULL,
  original_claim_number      TEXT,
  billed_cents               BIGINT NOT NULL,
  line_count                 BIGINT NOT NULL,
  service_date_from          TEXT NOT NULL,
  service_date_to            TEXT NOT NULL,
  transaction_control_number TEXT NOT NULL,
  status                     TEXT NOT NULL,
  submitted_at               TEXT NOT NULL,
  UNIQUE (batch_id, batch_sequence)
);
CREATE INDEX claims_by_payer_claim ON claims (payer_id, claim_id);
CREATE UNIQUE INDEX claims_original_once ON claims (payer_id, claim_id) WHERE frequency_code = '1';
CREATE TABLE service_lines (
  id                  {{id}},
  claim_row           BIGINT NOT NULL REFERENCES claims(id),
  line_number         BIGINT NOT NULL,
  line_control_number TEXT NOT NULL,
  procedure_code      TEXT NOT NULL,
  modifiers           TEXT NOT NULL,
  charge_cents        BIGINT NOT NULL,
  units               TEXT NOT NULL,
  unit_code           TEXT NOT NULL,
  service_date        TEXT NOT NULL,
  UNIQUE (claim_row, line_number)
);
CREATE INDEX service_lines_by_control_number ON service_lines (line_control_number);
)sql";

int current_version(sql::Connection& c) {
  auto stmt = c.prepare("SELECT MAX(version) FROM schema_migrations");
  return static_cast<int>(stmt->single_int().value_or(0));
}

}  // namespace

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kAll = {
      {1, "submissions: control numbers, batches, claims, service lines", kSubmissions},
  };
  return kAll;
}

int apply_migrations(sql::Connection& c) {
  c.execute(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)");
  const auto& all = migrations();
  const int known = all.empty() ? 0 : all.back().version;
  if (current_version(c) > known)
    throw LedgerError(fmt::format("ledger schema version {} is newer than this clearhouse knows ({})",
                                  current_version(c), known));
  for (const auto& m : all) {
    if (current_version(c) >= m.version) continue;
    sql::Transaction tx(c);
    // Another process may have applied it while we waited for the write lock.
    if (current_version(c) >= m.version) continue;
    c.execute(sql::expand_dialect(m.sql, c.dialect()));
    auto record = c.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    record->bind(1, m.version).bind(2, m.name).bind(3, util::utc_timestamp_now());
    record->run();
    tx.commit();
  }
  return current_version(c);
}

}  // namespace clearhouse::ledger
