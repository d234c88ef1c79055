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

// 2: the denial worklist (engine/worklist) and the fee schedule the payment rules compare with.
// One item per claim (payer + claim id) with its findings and its history; items are never
// deleted, they are resolved or written off. Lists like carc/rarc/rules are comma-joined codes.
constexpr std::string_view kWorklist = R"sql(
CREATE TABLE worklist_items (
  id              {{id}},
  payer_id        TEXT NOT NULL,
  claim_id        TEXT NOT NULL,
  category        TEXT NOT NULL,
  rules           TEXT NOT NULL,
  carc            TEXT NOT NULL,
  rarc            TEXT NOT NULL,
  amount_cents    BIGINT NOT NULL,
  action          TEXT NOT NULL,
  status          TEXT NOT NULL,
  owner           TEXT NOT NULL,
  reference_date  TEXT NOT NULL,
  trace_number    TEXT NOT NULL,
  opened_at       TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  resolved_at     TEXT,
  resolved_by     TEXT,
  resolution_note TEXT,
  UNIQUE (payer_id, claim_id)
);
CREATE INDEX worklist_items_by_status ON worklist_items (status, category);
CREATE INDEX worklist_items_by_claim ON worklist_items (claim_id);
CREATE TABLE worklist_findings (
  id           {{id}},
  item_id      BIGINT NOT NULL REFERENCES worklist_items(id),
  posting_id   BIGINT NOT NULL,
  source       TEXT NOT NULL,
  rule         TEXT NOT NULL,
  category     TEXT NOT NULL,
  line_number  BIGINT NOT NULL,
  carc         TEXT NOT NULL,
  rarc         TEXT NOT NULL,
  amount_cents BIGINT NOT NULL,
  message      TEXT NOT NULL,
  action       TEXT NOT NULL,
  is_open      BIGINT NOT NULL,
  created_at   TEXT NOT NULL,
  closed_at    TEXT
);
CREATE INDEX worklist_findings_by_item ON worklist_findings (item_id, is_open);
CREATE TABLE worklist_events (
  id           {{id}},
  item_id      BIGINT NOT NULL REFERENCES worklist_items(id),
  at           TEXT NOT NULL,
  actor        TEXT NOT NULL,
  event        TEXT NOT NULL,
  posting_id   BIGINT NOT NULL,
  amount_cents BIGINT NOT NULL,
  note         TEXT NOT NULL
);
CREATE INDEX worklist_events_by_item ON worklist_events (item_id);
CREATE TABLE fee_schedule (
  payer_id       TEXT NOT NULL,
  procedure_code TEXT NOT NULL,
  modifier       TEXT NOT NULL,
  allowed_cents  BIGINT NOT NULL,
  loaded_at      TEXT NOT NULL,
  PRIMARY KEY (payer_id, procedure_code, modifier)
);
)sql";

int current_version(sql::Connection& c) {
  auto stmt = c.prepare("SELECT MAX(version) FROM schema_migrations");
  return static_cast<int>(stmt->single_int().value_or(0));
}

bool is_applied(sql::Connection& c, int version) {
  auto stmt = c.prepare("SELECT COUNT(*) FROM schema_migrations WHERE version = ?");
  stmt->bind(1, version);
  return stmt->single_int().value_or(0) != 0;
}

}  // namespace

// 4: what trading partners acknowledged (clearhouse post of a 999/TA1): per claim, the
// acknowledgment status of the transaction set (or interchange) that carried it —
// 'accepted', 'accepted_with_errors' or 'rejected' — and when it was received. NULL until then.
constexpr std::string_view kAcknowledgments = R"sql(
ALTER TABLE claims ADD COLUMN ack_status TEXT;
ALTER TABLE claims ADD COLUMN ack_received_at TEXT;
CREATE INDEX claims_by_transaction ON claims (batch_id, transaction_control_number);
)sql";

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kAll = {
      {1, "submissions: control numbers, batches, claims, service lines", kSubmissions},
      {2, "worklist: items, findings, events; fee schedule", kWorklist},
      {4, "acknowledgments: 999/TA1 status per claim", kAcknowledgments},
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
  // Each migration is applied unless its own version is recorded (not "anything below the
  // highest version"), so a migration that landed after a later-numbered one still runs.
  for (const auto& m : all) {
    if (is_applied(c, m.version)) continue;
    sql::Transaction tx(c);
    // Another process may have applied it while we waited for the write lock.
    if (is_applied(c, m.version)) continue;
    c.execute(sql::expand_dialect(m.sql, c.dialect()));
    auto record = c.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    record->bind(1, m.version).bind(2, m.name).bind(3, util::utc_timestamp_now());
    record->run();
    tx.commit();
  }
  return current_version(c);
}

}  // namespace clearhouse::ledger
