#pragma once
// The ledger's remittance side (migration 2): remittances posted, claim and line payments,
// provider adjustments, findings, and the worklist changes that come with them. SQL only — what
// to post is decided in engine/reconcile as a model::PostingPlan (posting_reads.hpp reads what
// deciding needs); this writes it, in bulk (multi-row statements, COPY on PostgreSQL: a handful
// of round trips per 835 transaction set), inside the caller's open transaction (one per set).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/ledger/records.hpp"
#include "engine/ledger/worklist_store.hpp"
#include "engine/ledger/sql/connection.hpp"
#include "engine/model/claim_status.hpp"
#include "engine/model/finding.hpp"
#include "engine/model/posting.hpp"
#include "engine/model/posting_plan.hpp"
#include "engine/model/provider_adjustment.hpp"

namespace clearhouse::ledger {

// What applying a plan wrote: the remittance's row and each planned posting's real id
// (posting_ids[i] for plan.postings[i]; model::resolve_posting_id maps provisional ids).
struct AppliedPlan {
  std::int64_t remittance_id = 0;
  std::vector<std::int64_t> posting_ids;
};

class PostingStore {
 public:
  explicit PostingStore(sql::Connection& connection);
  ~PostingStore();
  PostingStore(const PostingStore&) = delete;
  PostingStore& operator=(const PostingStore&) = delete;

  // Writes a plan whose result is `post`, inside the caller's transaction: the remittance row
  // first (its idempotency key claims the set), then the claim payments and their lines,
  // reversal links, claim statuses, provider adjustments, findings and the worklist changes.
  // Returns nullopt, having written nothing, when the key is taken (a concurrent poster of the
  // same content committed first: SQLite's write lock, PostgreSQL's unique index serialise them).
  std::optional<AppliedPlan> apply(const model::PostingPlan& plan);

  // Reading back, for reports and tests.
  std::uint64_t count_remittances();
  std::uint64_t count_claim_payments();
  std::uint64_t count_line_payments();
  std::string claim_status(std::string_view payer_id, std::string_view claim_id);

 private:
  std::optional<std::int64_t> insert_remittance(const model::RemittanceEntry& row);
  // Inserts the claim payments and their lines; returns their ids in order.
  std::vector<std::int64_t> insert_postings(std::int64_t remittance_id, std::span<const model::Posting> postings);
  void insert_provider_adjustments(std::int64_t remittance_id, std::span<const model::ProviderAdjustment> adjustments);
  void insert_findings(std::int64_t remittance_id, const model::PostingPlan& plan, std::span<const std::int64_t> posting_ids);
  // reversal payment row -> the payment it undoes: sets reverses / reversed_by on both.
  void link_reversals(std::span<const std::pair<std::int64_t, std::int64_t>> reversal_to_original);
  void update_claim_statuses(std::span<const std::pair<std::int64_t, model::ClaimStatus>> statuses);

  struct Statements;  // prepared once per store, reused for every remittance
  sql::Connection& c_;
  std::unique_ptr<sql::Statement> insert_remittance_;
  std::unique_ptr<Statements> statements_;
  WorklistStore worklist_;
};

// Codes joined for a TEXT column: "45,253".
std::string join_codes(std::span<const model::Code> codes);

}  // namespace clearhouse::ledger
