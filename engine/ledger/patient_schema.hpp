#pragma once
// Migration 12: the patient's share (issue 15, engine/patient/, docs/patient-statements.md).
//  - patient_accounts: one per guarantor, unique on its key (LAST|FIRST|MEMBER_ID, normalised)
//    and on its account number ("PA" + 12 hex digits of the key's FNV-1a hash): a second key
//    hashing to a number already taken is refused, never merged. The guarantor's name, member
//    id and mailing address as the primary claim recorded them (PHI: never logged).
//  - patient_account_claims: which account a visit (a claim id, CLM01, as every payer of it
//    echoes it) belongs to, decided from its claim to the primary payer.
//  - patient_share_entries: every change to what a patient owes, with its date and source
//    (remittance, payment, adjustment, reversal): remittance and reversal entries written by
//    `clearhouse post` in the remittance's transaction (account_number '' there: accounts are
//    assigned when patient payments or statements next run), payment entries by
//    `clearhouse patient-payments`. claim_id '' is money held on the account (a credit). Posting
//    writes an entry per claim it pays and reads none back (a claim's share is decided from its
//    claim payments), so the one index, (claim_id, account_number), leaves remittance entries
//    out: they cost posting no index update. Account-level entries are claim_id '' + the account.
//    remittance_id names the remittance that wrote the entry without a foreign key: on
//    PostgreSQL a key is a trigger per row, which posting would pay per claim (migration 5 took
//    them off the payment tables for that); remittances are never deleted (migration 5).
//  - patient_payments: one per payment reference (the idempotency key), with where its money
//    went (applications: claim_id:cents pairs, comma-joined; an empty claim id is the credit).
//  - patient_statements: the statement cycle, one row per statement sent.

#include <string_view>

namespace clearhouse::ledger {

inline constexpr std::string_view kPatientMigration = R"sql(
CREATE TABLE patient_accounts (
  id                    {{id}},
  account_number        TEXT NOT NULL UNIQUE,
  guarantor_key         TEXT NOT NULL UNIQUE,
  guarantor_last        TEXT NOT NULL,
  guarantor_first       TEXT NOT NULL,
  guarantor_middle      TEXT NOT NULL,
  guarantor_suffix      TEXT NOT NULL,
  member_id             TEXT NOT NULL,
  birth_date            TEXT NOT NULL,
  address_line1         TEXT NOT NULL,
  address_line2         TEXT NOT NULL,
  city                  TEXT NOT NULL,
  state                 TEXT NOT NULL,
  postal_code           TEXT NOT NULL,
  practice_name         TEXT NOT NULL,
  practice_line1        TEXT NOT NULL,
  practice_line2        TEXT NOT NULL,
  practice_city         TEXT NOT NULL,
  practice_state        TEXT NOT NULL,
  practice_postal_code  TEXT NOT NULL,
  created_at            TEXT NOT NULL
);
CREATE TABLE patient_account_claims (
  claim_id      TEXT PRIMARY KEY,
  account_id    BIGINT NOT NULL REFERENCES patient_accounts(id),
  claim_row     BIGINT NOT NULL REFERENCES claims(id),
  service_date  TEXT NOT NULL,
  assigned_at   TEXT NOT NULL
);
CREATE INDEX patient_account_claims_by_account ON patient_account_claims (account_id);
CREATE TABLE patient_share_entries (
  id              {{id}},
  claim_id        TEXT NOT NULL,
  account_number  TEXT NOT NULL,
  entry_date      TEXT NOT NULL,
  source          TEXT NOT NULL,
  amount_cents    BIGINT NOT NULL,
  reference       TEXT NOT NULL,
  payer_id        TEXT NOT NULL,
  remittance_id   BIGINT
);
CREATE INDEX patient_share_entries_by_claim ON patient_share_entries (claim_id, account_number)
  WHERE source <> 'remittance';
CREATE TABLE patient_payments (
  id              {{id}},
  reference       TEXT NOT NULL UNIQUE,
  account_number  TEXT NOT NULL,
  claim_id        TEXT NOT NULL,
  payment_date    TEXT NOT NULL,
  amount_cents    BIGINT NOT NULL,
  method          TEXT NOT NULL,
  applications    TEXT NOT NULL,
  source_name     TEXT NOT NULL,
  source_line     BIGINT NOT NULL,
  imported_at     TEXT NOT NULL
);
CREATE INDEX patient_payments_by_account ON patient_payments (account_number);
CREATE TABLE patient_statements (
  id                {{id}},
  account_number    TEXT NOT NULL,
  statement_number  BIGINT NOT NULL,
  statement_date    TEXT NOT NULL,
  amount_due_cents  BIGINT NOT NULL,
  format            TEXT NOT NULL,
  file_name         TEXT NOT NULL,
  created_at        TEXT NOT NULL,
  UNIQUE (account_number, statement_number)
);
)sql";

}  // namespace clearhouse::ledger
