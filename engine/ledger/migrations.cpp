#include "engine/ledger/migrations.hpp"

#include <fmt/format.h>

#include "engine/ledger/claim_status_schema.hpp"
#include "engine/ledger/coordination_schema.hpp"
#include "engine/ledger/patient_schema.hpp"
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

// 3: what `clearhouse post` records. One remittances row per 835 transaction set posted,
// unique on payer + trace number + content hash (posting the same content again changes
// nothing); one claim_payments row per CLP (claim_row NULL when no submitted claim matched:
// unmatched, kept and visible) and one line_payments row per SVC, with the money split into
// posting buckets; reversals point at the payment they undo (reverses / reversed_by) and both
// stay. provider_adjustments holds PLB pairs; findings holds what posting found.
constexpr std::string_view kPostings = R"sql(
CREATE TABLE remittances (
  id                         {{id}},
  payer_id                   TEXT NOT NULL,
  trace_number               TEXT NOT NULL,
  content_hash               TEXT NOT NULL,
  payer_name                 TEXT NOT NULL,
  payee_id                   TEXT NOT NULL,
  interchange_control_number TEXT NOT NULL,
  transaction_control_number TEXT NOT NULL,
  handling_code              TEXT NOT NULL,
  payment_method             TEXT NOT NULL,
  payment_cents              BIGINT NOT NULL,
  payment_date               TEXT NOT NULL,
  claim_count                BIGINT NOT NULL,
  paid_cents                 BIGINT NOT NULL,
  provider_adjustment_cents  BIGINT NOT NULL,
  source_name                TEXT NOT NULL,
  posted_at                  TEXT NOT NULL,
  UNIQUE (payer_id, trace_number, content_hash)
);
CREATE INDEX remittances_by_trace ON remittances (payer_id, trace_number);
CREATE TABLE claim_payments (
  id                           {{id}},
  remittance_id                BIGINT NOT NULL REFERENCES remittances(id),
  sequence                     BIGINT NOT NULL,
  claim_row                    BIGINT REFERENCES claims(id),
  claim_id                     TEXT NOT NULL,
  payer_id                     TEXT NOT NULL,
  payer_claim_control_number   TEXT NOT NULL,
  status_code                  TEXT NOT NULL,
  claim_status                 TEXT NOT NULL,
  reversal                     BIGINT NOT NULL,
  reverses                     BIGINT REFERENCES claim_payments(id),
  reversed_by                  BIGINT REFERENCES claim_payments(id),
  billed_cents                 BIGINT NOT NULL,
  paid_cents                   BIGINT NOT NULL,
  patient_responsibility_cents BIGINT NOT NULL,
  contractual_cents            BIGINT NOT NULL,
  deductible_cents             BIGINT NOT NULL,
  coinsurance_cents            BIGINT NOT NULL,
  copay_cents                  BIGINT NOT NULL,
  other_patient_cents          BIGINT NOT NULL,
  other_adjustment_cents       BIGINT NOT NULL,
  payer_initiated_cents        BIGINT NOT NULL,
  unclassified_cents           BIGINT NOT NULL,
  reason_codes                 TEXT NOT NULL,
  remark_codes                 TEXT NOT NULL,
  UNIQUE (remittance_id, sequence)
);
CREATE INDEX claim_payments_by_claim ON claim_payments (payer_id, claim_id);
CREATE INDEX claims_by_claim_id ON claims (claim_id);
CREATE INDEX claim_payments_by_control_number ON claim_payments (payer_id, payer_claim_control_number);
CREATE TABLE line_payments (
  id                     {{id}},
  claim_payment_id       BIGINT NOT NULL REFERENCES claim_payments(id),
  line_number            BIGINT NOT NULL,
  service_line_row       BIGINT REFERENCES service_lines(id),
  line_control_number    TEXT NOT NULL,
  procedure_code         TEXT NOT NULL,
  modifiers              TEXT NOT NULL,
  service_date           TEXT NOT NULL,
  billed_cents           BIGINT NOT NULL,
  paid_cents             BIGINT NOT NULL,
  allowed_cents          BIGINT,
  contractual_cents      BIGINT NOT NULL,
  deductible_cents       BIGINT NOT NULL,
  coinsurance_cents      BIGINT NOT NULL,
  copay_cents            BIGINT NOT NULL,
  other_patient_cents    BIGINT NOT NULL,
  other_adjustment_cents BIGINT NOT NULL,
  payer_initiated_cents  BIGINT NOT NULL,
  unclassified_cents     BIGINT NOT NULL,
  reason_codes           TEXT NOT NULL,
  remark_codes           TEXT NOT NULL,
  UNIQUE (claim_payment_id, line_number)
);
CREATE TABLE provider_adjustments (
  id                {{id}},
  remittance_id     BIGINT NOT NULL REFERENCES remittances(id),
  sequence          BIGINT NOT NULL,
  provider_id       TEXT NOT NULL,
  fiscal_period_end TEXT NOT NULL,
  reason            TEXT NOT NULL,
  reference         TEXT NOT NULL,
  amount_cents      BIGINT NOT NULL,
  UNIQUE (remittance_id, sequence)
);
CREATE TABLE findings (
  id                  {{id}},
  remittance_id       BIGINT REFERENCES remittances(id),
  claim_payment_id    BIGINT REFERENCES claim_payments(id),
  rule                TEXT NOT NULL,
  category            TEXT NOT NULL,
  severity            TEXT NOT NULL,
  claim_id            TEXT NOT NULL,
  line_number         BIGINT NOT NULL,
  line_control_number TEXT NOT NULL,
  payer_id            TEXT NOT NULL,
  trace_number        TEXT NOT NULL,
  carc                TEXT NOT NULL,
  rarc                TEXT NOT NULL,
  amount_cents        BIGINT NOT NULL,
  message             TEXT NOT NULL,
  action              TEXT NOT NULL,
  location            TEXT NOT NULL,
  created_at          TEXT NOT NULL
);
CREATE INDEX findings_by_claim ON findings (payer_id, claim_id);
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

// 5 (PostgreSQL): the references of the two tables posting fills in bulk are checked once per
// statement instead of once per row. Their foreign keys fired two triggers per line payment,
// each an index probe plus a row lock that writes WAL, which cost more than the rest of
// posting together. Every statement that inserts payment rows is refused unless each
// remittance, claim and claim payment they name exists: the distinct ids of the statement,
// looked up in one index scan (sequential scans off, so that statistics taken while a table
// was nearly empty cannot turn the check into a scan of millions of rows). A line payment's
// service line (which submitted line it was matched to) is not checked per statement: at 450
// probes a statement it cost a tenth of posting, and the poster only writes service lines it
// has just read in the same transaction; SQLite's foreign key checks it in every test run.
// What the foreign keys' row locks were for, keeping a referenced row from going away, the
// ledger states outright: remittances, claims, service lines and claim payments are only ever
// added to, so deleting or truncating them, or changing an id or a reference, is refused.
// SQLite keeps its foreign keys (checked in-process, cheap).
constexpr std::string_view kStatementLevelReferences = R"sql(
ALTER TABLE claim_payments DROP CONSTRAINT claim_payments_remittance_id_fkey;
ALTER TABLE claim_payments DROP CONSTRAINT claim_payments_claim_row_fkey;
ALTER TABLE line_payments DROP CONSTRAINT line_payments_claim_payment_id_fkey;
ALTER TABLE line_payments DROP CONSTRAINT line_payments_service_line_row_fkey;

CREATE FUNCTION claim_payments_references_exist() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
  IF (SELECT count(DISTINCT remittance_id) FROM inserted)
     <> (SELECT count(*) FROM remittances WHERE id = ANY (ARRAY(SELECT DISTINCT remittance_id FROM inserted))) THEN
    RAISE EXCEPTION 'claim_payments: a row names a remittance that does not exist' USING ERRCODE = 'foreign_key_violation';
  END IF;
  IF (SELECT count(DISTINCT claim_row) FROM inserted)
     <> (SELECT count(*) FROM claims WHERE id = ANY (ARRAY(SELECT DISTINCT claim_row FROM inserted))) THEN
    RAISE EXCEPTION 'claim_payments: a row names a claim that does not exist' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER claim_payments_references AFTER INSERT ON claim_payments
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION claim_payments_references_exist();

CREATE FUNCTION line_payments_references_exist() RETURNS trigger LANGUAGE plpgsql SET enable_seqscan = off AS $$
BEGIN
  IF (SELECT count(DISTINCT claim_payment_id) FROM inserted)
     <> (SELECT count(*) FROM claim_payments WHERE id = ANY (ARRAY(SELECT DISTINCT claim_payment_id FROM inserted))) THEN
    RAISE EXCEPTION 'line_payments: a row names a claim payment that does not exist' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER line_payments_references AFTER INSERT ON line_payments
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION line_payments_references_exist();

CREATE FUNCTION ledger_rows_are_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%: the ledger only adds rows here; % of rows or of their ids and references is refused',
    TG_TABLE_NAME, lower(TG_OP) USING ERRCODE = 'restrict_violation';
END $$;
CREATE TRIGGER remittances_kept BEFORE DELETE OR UPDATE OF id ON remittances
  FOR EACH ROW EXECUTE FUNCTION ledger_rows_are_kept();
CREATE TRIGGER claims_kept BEFORE DELETE OR UPDATE OF id ON claims
  FOR EACH ROW EXECUTE FUNCTION ledger_rows_are_kept();
CREATE TRIGGER service_lines_kept BEFORE DELETE OR UPDATE OF id ON service_lines
  FOR EACH ROW EXECUTE FUNCTION ledger_rows_are_kept();
CREATE TRIGGER claim_payments_kept BEFORE DELETE OR UPDATE OF id, remittance_id, claim_row ON claim_payments
  FOR EACH ROW EXECUTE FUNCTION ledger_rows_are_kept();
CREATE TRIGGER line_payments_kept BEFORE UPDATE OF claim_payment_id, service_line_row ON line_payments
  FOR EACH ROW EXECUTE FUNCTION ledger_rows_are_kept();
CREATE TRIGGER remittances_not_truncated BEFORE TRUNCATE ON remittances
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_rows_are_kept();
CREATE TRIGGER claims_not_truncated BEFORE TRUNCATE ON claims
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_rows_are_kept();
CREATE TRIGGER service_lines_not_truncated BEFORE TRUNCATE ON service_lines
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_rows_are_kept();
CREATE TRIGGER claim_payments_not_truncated BEFORE TRUNCATE ON claim_payments
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_rows_are_kept();
)sql";

// 6 (PostgreSQL): claims leave half of each page free. Every claim is updated after it is
// written (its status when a remittance posts, its acknowledgment when a 999 arrives); with
// room on its own page the new version is a heap-only update that touches none of the
// table's six indexes, which made status updates four times cheaper. Pages written before
// this migration keep their layout until the table is next rewritten.
constexpr std::string_view kClaimsFillFactor = R"sql(
ALTER TABLE claims SET (fillfactor = 50);
)sql";

// 8: a claim the payer rejected at the front door (a 999 rejecting its transaction set, or a
// 277CA rejecting the claim) never entered adjudication, so the biller corrects it and sends it
// again as an original (CLM05-3 = 1) under the same claim id. The rule "one original per payer
// and claim id" now counts only originals that were not rejected; a row leaves the index when
// its rejection is recorded, and the corrected claim takes its place.
constexpr std::string_view kResubmissionAfterRejection = R"sql(
DROP INDEX claims_original_once;
CREATE UNIQUE INDEX claims_original_once ON claims (payer_id, claim_id)
  WHERE frequency_code = '1' AND COALESCE(front_door_status, '') <> 'rejected' AND COALESCE(ack_status, '') <> 'rejected';
)sql";

// 10: who a claim was for (what a 276 names) is packed into one column, claim_parties.parties
// (engine/ledger/claim_parties_codec.hpp: the seventeen fields in this order, joined by
// character 31), keyed by the claim's row id (SQLite's rowid itself). Inserting seventeen
// columns per claim was a sixth of submit's time on SQLite; the claim's own row stays as narrow
// as it was, which posting reads and rewrites for every claim it pays.
constexpr std::string_view kPackedClaimParties = R"sql(
ALTER TABLE claim_parties RENAME TO claim_parties_by_column;
CREATE TABLE claim_parties (
  claim_row {{id}} REFERENCES claims(id),
  parties   TEXT NOT NULL
);
INSERT INTO claim_parties (claim_row, parties)
  SELECT p.claim_row, p.submitter_name || {{unit_separator}} || p.provider_name || {{unit_separator}} || p.provider_first || {{unit_separator}} || p.subscriber_last || {{unit_separator}} || p.subscriber_first || {{unit_separator}} || p.subscriber_middle || {{unit_separator}} || p.subscriber_suffix || {{unit_separator}} || p.member_id || {{unit_separator}} || p.subscriber_birth_date || {{unit_separator}} || p.subscriber_gender || {{unit_separator}} || p.relationship || {{unit_separator}} || p.patient_last || {{unit_separator}} || p.patient_first || {{unit_separator}} || p.patient_middle || {{unit_separator}} || p.patient_suffix || {{unit_separator}} || p.patient_birth_date || {{unit_separator}} || p.patient_gender FROM claim_parties_by_column p;
DROP TABLE claim_parties_by_column;
)sql";

// 11: what submit writes per claim, written once.
//  - claim_renderings keyed by the claim's row id itself (SQLite's rowid, as claim_parties is
//    since 10). Declared BIGINT PRIMARY KEY, SQLite kept a second B-tree beside the table, so
//    every rendering a submit kept was written twice. Renderings now hold a one-claim
//    transaction set (ST..SE); those kept before hold whole interchanges, and both read back
//    (engine/submit/claim_rendering).
//  - one index of claims by claim id and payer, instead of one by (payer, claim id) and one by
//    claim id: every lookup gives the claim id, with or without the payer, so the one index
//    answers both, and each claim submitted updates one B-tree fewer.
constexpr std::string_view kSubmitWritesOnce = R"sql(
ALTER TABLE claim_renderings RENAME TO claim_renderings_keyed;
CREATE TABLE claim_renderings (
  claim_row {{id}} REFERENCES claims(id),
  x12       TEXT NOT NULL
);
INSERT INTO claim_renderings (claim_row, x12) SELECT claim_row, x12 FROM claim_renderings_keyed;
DROP TABLE claim_renderings_keyed;
DROP INDEX claims_by_payer_claim;
DROP INDEX claims_by_claim_id;
CREATE INDEX claims_by_claim_payer ON claims (claim_id, payer_id);
)sql";

const std::vector<Migration>& migrations() {
  static const std::vector<Migration> kAll = {
      {1, "submissions: control numbers, batches, claims, service lines", kSubmissions},
      {2, "worklist: items, findings, events; fee schedule", kWorklist},
      {3, "postings: remittances, claim and line payments, provider adjustments, findings", kPostings},
      {4, "acknowledgments: 999/TA1 status per claim", kAcknowledgments},
      {5, "payment references checked per statement (PostgreSQL)", kStatementLevelReferences, sql::Dialect::postgresql},
      {6, "claims keep room on their pages for status updates (PostgreSQL)", kClaimsFillFactor, sql::Dialect::postgresql},
      {7, "claim statuses: 277CA/277 front-door status and history, 276 inquiries, claim parties",
       kClaimStatusesMigration},
      {8, "a claim rejected at the front door may be sent again as an original", kResubmissionAfterRejection},
      {9, "coordination of benefits: payer levels, claim renderings, CAS triples, coordination history",
       kCoordinationMigration},
      {10, "who a claim was for, packed into one column (claim_parties.parties)", kPackedClaimParties},
      {11, "claim renderings keyed by the claim's row id; one index of claims by claim id and payer",
       kSubmitWritesOnce},
      {12, "the patient's share: accounts, share entries, patient payments, statements", kPatientMigration},
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
    if (!m.only || *m.only == c.dialect()) c.execute(sql::expand_dialect(m.sql, c.dialect()));
    auto record = c.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
    record->bind(1, m.version).bind(2, m.name).bind(3, util::utc_timestamp_now());
    record->run();
    tx.commit();
  }
  return current_version(c);
}

}  // namespace clearhouse::ledger
