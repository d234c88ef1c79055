#pragma once
// Migration 7: what payers say about our claims after the 999 (engine/ack/claim_status_*):
//  - claims.front_door_status: the latest status a 277CA (front door: accepted, rejected,
//    forwarded, pended) or a 277 status response (pended, finalized_paid, finalized_denied,
//    not_found, ...) gave the claim, front_door_at when, and payer_claim_control_number (REF*1K,
//    the number the payer's 835 will echo in CLP07). NULL until a 277 names the claim.
//  - claim_status_reports: one row per 277 transaction set posted, unique on payer + content
//    hash: posting the same set again changes nothing.
//  - claim_status_history: every status of every claim, in file order, matched (claim_row) or
//    not (claim_row NULL: kept and reported), with its STC codes; level says whether it was
//    reported for the claim, or for its provider or batch as a whole.
//  - status_inquiries: every 276 inquiry sent (one per claim per run), found again by its trace
//    (the 277's TRN02) and marked answered.
//  - claim_parties (one packed column since migration 10): who a claim was for (submitter and billing provider names; subscriber and patient names,
//    member id, birth dates and genders), recorded by submit: what a 276 must name. PHI: read
//    only to write 276s, never logged.

#include <string_view>

namespace clearhouse::ledger {

inline constexpr std::string_view kClaimStatusesMigration = R"sql(
ALTER TABLE claims ADD COLUMN front_door_status TEXT;
ALTER TABLE claims ADD COLUMN front_door_at TEXT;
ALTER TABLE claims ADD COLUMN payer_claim_control_number TEXT;
CREATE TABLE claim_status_reports (
  id                         {{id}},
  guide                      TEXT NOT NULL,
  payer_id                   TEXT NOT NULL,
  content_hash               TEXT NOT NULL,
  interchange_sender         TEXT NOT NULL,
  interchange_control_number TEXT NOT NULL,
  transaction_control_number TEXT NOT NULL,
  reference                  TEXT NOT NULL,
  status_count               BIGINT NOT NULL,
  matched                    BIGINT NOT NULL,
  unmatched                  BIGINT NOT NULL,
  rejected                   BIGINT NOT NULL,
  source_name                TEXT NOT NULL,
  posted_at                  TEXT NOT NULL,
  UNIQUE (payer_id, content_hash)
);
CREATE TABLE claim_status_history (
  id                         {{id}},
  report_id                  BIGINT NOT NULL REFERENCES claim_status_reports(id),
  sequence                   BIGINT NOT NULL,
  claim_row                  BIGINT REFERENCES claims(id),
  claim_id                   TEXT NOT NULL,
  payer_id                   TEXT NOT NULL,
  billing_npi                TEXT NOT NULL,
  level                      TEXT NOT NULL,
  status                     TEXT NOT NULL,
  status_codes               TEXT NOT NULL,
  payer_claim_control_number TEXT NOT NULL,
  charge_cents               BIGINT,
  payment_cents              BIGINT,
  effective_date             TEXT NOT NULL,
  message                    TEXT NOT NULL,
  trace                      TEXT NOT NULL,
  received_at                TEXT NOT NULL,
  UNIQUE (report_id, sequence)
);
CREATE INDEX claim_status_history_by_claim ON claim_status_history (payer_id, claim_id);
CREATE INDEX claim_status_history_by_row ON claim_status_history (claim_row);
CREATE TABLE status_inquiries (
  id                         {{id}},
  claim_row                  BIGINT NOT NULL REFERENCES claims(id),
  payer_id                   TEXT NOT NULL,
  claim_id                   TEXT NOT NULL,
  trace                      TEXT NOT NULL,
  sender_id                  TEXT NOT NULL,
  receiver_id                TEXT NOT NULL,
  interchange_control_number BIGINT NOT NULL,
  transaction_control_number TEXT NOT NULL,
  file_name                  TEXT NOT NULL,
  inquired_on                TEXT NOT NULL,
  sent_at                    TEXT NOT NULL,
  answered_at                TEXT,
  answer_status              TEXT,
  UNIQUE (trace)
);
CREATE INDEX status_inquiries_by_claim ON status_inquiries (claim_row);
CREATE TABLE claim_parties (
  claim_row             BIGINT PRIMARY KEY REFERENCES claims(id),
  submitter_name        TEXT NOT NULL,
  provider_name         TEXT NOT NULL,
  provider_first        TEXT NOT NULL,
  subscriber_last       TEXT NOT NULL,
  subscriber_first      TEXT NOT NULL,
  subscriber_middle     TEXT NOT NULL,
  subscriber_suffix     TEXT NOT NULL,
  member_id             TEXT NOT NULL,
  subscriber_birth_date TEXT NOT NULL,
  subscriber_gender     TEXT NOT NULL,
  relationship          TEXT NOT NULL,
  patient_last          TEXT NOT NULL,
  patient_first         TEXT NOT NULL,
  patient_middle        TEXT NOT NULL,
  patient_suffix        TEXT NOT NULL,
  patient_birth_date    TEXT NOT NULL,
  patient_gender        TEXT NOT NULL
);
)sql";

}  // namespace clearhouse::ledger
