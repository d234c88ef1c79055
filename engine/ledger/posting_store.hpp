#pragma once
// The ledger's remittance side (migration 2): remittances posted, claim and line payments,
// provider adjustments, findings. SQL only — what to post is decided in engine/reconcile; this
// reads what matching needs and writes what posting produced, in bulk (multi-row statements,
// a handful of round trips per 835 transaction set). Every write expects the caller's open
// transaction (one per transaction set).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/ledger/sql/connection.hpp"
#include "engine/model/claim_status.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/posting.hpp"
#include "engine/model/provider_adjustment.hpp"

namespace clearhouse::ledger {

// One 835 transaction set as posted.
struct RemittanceRow {
  std::int64_t row_id = 0;
  std::string payer_id, trace_number, content_hash;  // the idempotency key
  std::string payer_name, payee_id;
  std::string interchange_control_number, transaction_control_number;
  std::string handling_code, payment_method;
  std::int64_t payment_cents = 0;  // BPR02
  std::string payment_date;        // ISO
  std::int64_t claim_count = 0;
  std::int64_t paid_cents = 0;     // sum of CLP04
  std::int64_t provider_adjustment_cents = 0;
  std::string source_name;
  std::string posted_at;
};

// A claim payment already in the ledger, as reversal lookups need it.
struct PaymentRecord {
  std::int64_t row_id = 0;
  std::int64_t claim_row = 0;  // 0 when it was unmatched
  std::string claim_id;
  std::string payer_claim_control_number;
  std::int64_t billed_cents = 0;
  std::int64_t paid_cents = 0;
};

class PostingStore {
 public:
  explicit PostingStore(sql::Connection& connection);
  ~PostingStore();
  PostingStore(const PostingStore&) = delete;
  PostingStore& operator=(const PostingStore&) = delete;

  // Inserts the remittance row unless one with the same payer, trace number and content hash
  // exists; returns its new id, or nullopt when it was already posted. Concurrent posters of the
  // same content serialise here (SQLite's write lock, PostgreSQL's unique index).
  std::optional<std::int64_t> insert_remittance(RemittanceRow& row);
  // Whether this payer's trace number was posted before with other content.
  bool trace_posted_with_other_content(std::string_view payer_id, std::string_view trace_number,
                                       std::string_view content_hash);

  // Every submitted claim whose claim id is in claim_ids (any payer), with its lines: what
  // matching reads (row ids, claim id, payer, billed; line number, control number, procedure,
  // modifiers, charge, date). Ledger::find_claim reads a claim in full.
  std::vector<ClaimRecord> submitted_claims(std::span<const std::string> claim_ids);
  // Claim payments of this payer with these payer claim control numbers that are neither
  // reversals nor reversed, newest first.
  std::vector<PaymentRecord> open_payments_by_control_number(std::string_view payer_id,
                                                             std::span<const std::string> control_numbers);

  // Inserts the claim payments and their lines; sets each Posting::id.
  void insert_postings(std::int64_t remittance_id, std::span<model::Posting> postings);
  void insert_provider_adjustments(std::int64_t remittance_id, std::span<const model::ProviderAdjustment> adjustments);
  // Findings of a remittance; claim_payment_ids maps a finding's claim sequence (1-based, 0 for
  // remittance-level) to the claim payment row, when known.
  void insert_findings(std::optional<std::int64_t> remittance_id, std::span<const model::Finding> findings,
                       std::span<const std::pair<std::size_t, std::int64_t>> finding_payment_ids = {});
  // reversal payment row -> the payment it undoes: sets reverses / reversed_by on both.
  void link_reversals(std::span<const std::pair<std::int64_t, std::int64_t>> reversal_to_original);
  // Moves submitted claims to a status.
  void update_claim_statuses(std::span<const std::pair<std::int64_t, model::ClaimStatus>> statuses);

  // Reading back, for reports and tests.
  std::uint64_t count_remittances();
  std::uint64_t count_claim_payments();
  std::uint64_t count_line_payments();
  std::string claim_status(std::string_view payer_id, std::string_view claim_id);

 private:
  struct Statements;  // prepared once per store, reused for every remittance
  sql::Connection& c_;
  std::unique_ptr<sql::Statement> insert_remittance_, other_content_;
  std::unique_ptr<Statements> statements_;
};

// Codes joined for a TEXT column: "45,253".
std::string join_codes(std::span<const model::Code> codes);

}  // namespace clearhouse::ledger
