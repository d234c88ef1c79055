#pragma once
// What posting one 277 transaction set reads from the ledger, in one value (the "read" of
// read -> decide -> write; engine/ack/claim_status_planner.hpp decides, ClaimStatusStore::apply
// writes). The planner says what it needs in a ClaimStatusQuery; read() answers it in a few
// multi-row queries (chunked IN lists), inside the set's transaction.

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "engine/ledger/sql/connection.hpp"
#include "engine/ledger/worklist_store.hpp"
#include "engine/model/worklist_item.hpp"

namespace clearhouse::ledger {

namespace sql {
class ListStatements;
}

// A submitted claim as a 277 is matched against it (the latest submission of its claim id).
struct StatusClaimRecord {
  std::int64_t row_id = 0;
  std::int64_t batch_id = 0;
  std::string claim_id, payer_id, billing_npi;
  std::int64_t billed_cents = 0;
  std::string status;                      // claims.status (what remittance posting made of it)
  std::string front_door_status;           // "" until a 277 named it
  std::string payer_claim_control_number;  // "" until a 277CA or 835 gave one
  std::string service_date_from;           // ISO
  std::string submitted_at;
};

// A 276 inquiry we sent, as a 277's TRN02 finds it.
struct InquiryRecord {
  std::int64_t id = 0;
  std::int64_t claim_row = 0;
  std::string payer_id, claim_id, trace;
};

// The claims a 2200B (batch) or 2200C (provider) status without claim loops names: those of
// the transaction set of the batch we (sender_id) sent to the partner (receiver_id) under this
// ISA13 and ST02 (the 837's BHT03 is "<ISA13>-<ST02>"), of one billing provider when npi is set.
struct LevelLookup {
  std::string sender_id, receiver_id;
  std::int64_t interchange_control_number = 0;
  std::string transaction_control_number;
  std::string billing_npi;  // empty: every provider
};

using PayerClaimKey = std::pair<std::string, std::string>;  // payer id, claim id

struct ClaimStatusQuery {
  std::string payer_id, content_hash;                  // the idempotency key
  std::map<std::string, std::vector<std::string>> claim_ids;  // payer id -> claim ids (no repeats)
  std::vector<std::string> inquiry_traces;             // TRN02s that may answer our 276s
  std::vector<LevelLookup> levels;                     // answered in order, in level_claims
};

struct ClaimStatusInputs {
  bool already_posted = false;
  // The latest submission of every claim asked for (and of every claim an inquiry names).
  std::map<PayerClaimKey, StatusClaimRecord> claims;
  std::map<std::string, InquiryRecord, std::less<>> inquiries;  // by trace
  std::vector<std::vector<StatusClaimRecord>> level_claims;     // level_claims[i] for levels[i]
  // The worklist item of every claim found above, with its open findings.
  std::map<PayerClaimKey, model::WorklistItem> items;
};

class ClaimStatusReads {
 public:
  explicit ClaimStatusReads(sql::Connection& connection);
  ~ClaimStatusReads();
  ClaimStatusReads(const ClaimStatusReads&) = delete;
  ClaimStatusReads& operator=(const ClaimStatusReads&) = delete;

  ClaimStatusInputs read(const ClaimStatusQuery& query);

 private:
  void read_claims(const std::string& payer_id, const std::vector<std::string>& claim_ids, ClaimStatusInputs& in);

  sql::Connection& c_;
  std::unique_ptr<sql::Statement> posted_, level_claims_, level_claims_npi_;
  std::unique_ptr<sql::ListStatements> claims_by_id_, inquiries_by_trace_;
  WorklistStore worklist_;
};

}  // namespace clearhouse::ledger
