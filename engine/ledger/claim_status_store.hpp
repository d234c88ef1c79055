#pragma once
// The ledger's 277 side (migration 7): writes a decided model::ClaimStatusPlan (engine/ack/
// claim_status_planner.hpp) inside the caller's transaction (one per 277 transaction set): the
// set's row first (its payer + content hash claims it), then each status in the claim's history,
// the claims' current front-door status and payer claim control number, the 276 inquiries the
// set answers, and the worklist changes. SQL only; nothing is decided here.

#include <cstdint>
#include <memory>
#include <optional>

#include "engine/ledger/sql/connection.hpp"
#include "engine/ledger/worklist_store.hpp"
#include "engine/model/claim_status_plan.hpp"

namespace clearhouse::ledger {

namespace sql {
class BatchInsert;
}

class ClaimStatusStore {
 public:
  explicit ClaimStatusStore(sql::Connection& connection);
  ~ClaimStatusStore();
  ClaimStatusStore(const ClaimStatusStore&) = delete;
  ClaimStatusStore& operator=(const ClaimStatusStore&) = delete;

  // Writes a plan whose result is `post`; returns the report's row id, or nullopt (having
  // written nothing) when its payer + content hash is already recorded.
  std::optional<std::int64_t> apply(const model::ClaimStatusPlan& plan);

 private:
  sql::Connection& c_;
  std::unique_ptr<sql::Statement> insert_report_, update_claim_, update_claim_number_, answer_inquiry_;
  std::unique_ptr<sql::BatchInsert> history_;
  WorklistStore worklist_;
};

}  // namespace clearhouse::ledger
