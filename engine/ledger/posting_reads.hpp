#pragma once
// What posting one 835 transaction set reads from the ledger, in one value (the "read" of
// read -> decide -> write; engine/reconcile/remittance_planner.hpp decides, PostingStore::apply
// writes). The planner says what it needs in a PostingQuery; read() answers it in a handful of
// multi-row queries (chunked IN lists: a PostgreSQL ledger pays a round trip per query), inside
// the set's transaction. The single-claim reads serve the ledger sweep.

#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/ledger.hpp"
#include "engine/ledger/records.hpp"
#include "engine/ledger/worklist_store.hpp"
#include "engine/model/date.hpp"
#include "engine/model/posting.hpp"
#include "engine/model/worklist_item.hpp"

namespace clearhouse::ledger {

// A claim payment already in the ledger, as reversal lookups need it.
struct PaymentRecord {
  std::int64_t row_id = 0;
  std::int64_t claim_row = 0;  // 0 when it was unmatched
  std::string claim_id;
  std::string payer_claim_control_number;
  std::int64_t billed_cents = 0;
  std::int64_t paid_cents = 0;
};

struct PostingQuery {
  std::string payer_id, trace_number, content_hash;  // the idempotency key
  std::vector<std::string> claim_ids;                // the CLP01s (any order, no repeats)
  std::vector<std::string> reversed_control_numbers; // CLP07 of the reversals (CLP02 22)
  // Also what the rules pipeline and the worklist read: latest claims, histories, items.
  bool review = false;
  std::vector<std::string> item_claim_ids;  // worklist items to read ("remittance:<trace>" too)
};

struct PostingInputs {
  bool already_posted = false;                    // the key is in the ledger
  bool trace_posted_with_other_content = false;   // the payer + trace is, with another content hash
  // Every submitted claim with one of the claim ids (any payer), with its lines, payer level and
  // status, by row id: what matching reads (not read when already posted is all there is to say).
  std::vector<ClaimRecord> submitted;
  // The payer's claim payments with the reversed control numbers that are neither reversals
  // nor reversed, newest first.
  std::vector<PaymentRecord> open_payments;
  // With review: per claim id, the payer's latest submitted claim (Ledger::find_claims), every
  // posting of the claim so far (oldest first), and its worklist item with its open findings.
  std::map<std::string, ClaimRecord, std::less<>> latest_claims;
  std::map<std::string, std::vector<model::Posting>, std::less<>> histories;
  std::map<std::string, model::WorklistItem, std::less<>> items;
};

class PostingReads {
 public:
  explicit PostingReads(Ledger& ledger);
  ~PostingReads();
  PostingReads(const PostingReads&) = delete;
  PostingReads& operator=(const PostingReads&) = delete;

  PostingInputs read(const PostingQuery& query);

  // Every posting of (payer, claim id), oldest first, as the rules read a history.
  std::vector<model::Posting> history(std::string_view payer_id, std::string_view claim_id);
  // The payment date (else the posting day) of the remittance of the claim's latest posting.
  model::Date last_posted_on(std::string_view payer_id, std::string_view claim_id);
  // history() and last_posted_on() for many claims of the payer at once. Claims without
  // postings are absent from both maps.
  void histories(std::string_view payer_id, std::span<const std::string> claim_ids,
                 std::map<std::string, std::vector<model::Posting>, std::less<>>& postings,
                 std::map<std::string, model::Date, std::less<>>* last_posted = nullptr);

  // Every submitted claim with one of these claim ids (any payer), with its lines, by row id.
  std::vector<ClaimRecord> submitted_claims(std::span<const std::string> claim_ids);

 private:
  struct Statements;
  Ledger& ledger_;
  std::unique_ptr<Statements> statements_;
  WorklistStore items_;
};

}  // namespace clearhouse::ledger
