#pragma once
// The worklist's rows in the ledger (migration 2: worklist_items, worklist_findings,
// worklist_events), written once in the SQL both SQLite and PostgreSQL accept. Plain reads and
// writes only; what to write is decided in engine/worklist (item_change.hpp) as
// model::WorklistChange values, which apply() writes. The caller owns transactions.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ledger/sql/connection.hpp"
#include "engine/model/worklist_change.hpp"
#include "engine/model/worklist_item.hpp"

namespace clearhouse::ledger {

namespace sql {
class BatchInsert;
class ListStatements;
}  // namespace sql

// What the list query filters on in SQL (the rest — age, priority, sort — is computed above).
struct ItemFilter {
  std::vector<model::WorklistStatus> statuses;  // empty: any status
  std::string category;                         // empty: any
  std::string payer_id;                         // empty: any
  std::string claim_id;                         // empty: any
};

class WorklistStore {
 public:
  explicit WorklistStore(sql::Connection& connection);
  ~WorklistStore();
  WorklistStore(const WorklistStore&) = delete;
  WorklistStore& operator=(const WorklistStore&) = delete;

  // The item of a claim, with its findings and history when `details`.
  std::optional<model::WorklistItem> find(std::string_view payer_id, std::string_view claim_id, bool details = false);
  // Reads the items of all these claims of the payer at once (chunked IN lists: a PostgreSQL
  // ledger pays a round trip per query), for find() to hand out: each once, then find() reads
  // the database again; insert() and update() drop what they change. Replaces what an earlier
  // call kept; an empty list drops it.
  void prefetch(std::string_view payer_id, std::span<const std::string> claim_ids);
  std::optional<model::WorklistItem> find_by_id(std::int64_t id, bool details = false);
  // The items of these claims of the payer, by claim id, each with its open findings in
  // `findings` (oldest first) and no history: what deciding a change needs (item_change.hpp).
  // Chunked IN lists: a round trip per 256 claims, and one per 256 items for their findings.
  std::map<std::string, model::WorklistItem, std::less<>> items_with_open_findings(
      std::string_view payer_id, std::span<const std::string> claim_ids);
  // Items matching the filter, without findings or history; `visit` is called once per row
  // (no vector of 100,000 items is built unless the caller builds one).
  template <typename F>
  void each(const ItemFilter& filter, F&& visit) {
    auto q = prepare_list(filter);
    while (q->step()) visit(read_item(*q));
    q->reset();
  }
  std::vector<model::WorklistItem> list(const ItemFilter& filter);

  // Inserts the item (id ignored) and returns its id.
  std::int64_t insert(const model::WorklistItem& item);
  // Rewrites every column of the item (by id).
  void update(const model::WorklistItem& item);

  std::vector<model::WorklistFinding> findings(std::int64_t item_id, bool open_only);
  void add_finding(std::int64_t item_id, const model::WorklistFinding& finding);
  // Closes open findings of the item; only those from `source` when given ("posting"/"sweep").
  void close_findings(std::int64_t item_id, std::string_view at, std::string_view source = {});
  void add_event(std::int64_t item_id, const model::WorklistEvent& event);
  std::vector<model::WorklistEvent> history(std::int64_t item_id);

  // Writes decided changes in order (engine/worklist/item_change.hpp): closes the findings
  // they close, inserts the new items (one multi-row INSERT per chunk), adds their findings and
  // events (multi-row), rewrites the existing items. Rows get ids in the order of the changes.
  // Provisional posting ids (model/posting_plan.hpp) become posting_ids[index]. Returns the
  // items' ids, in the order of the changes.
  std::vector<std::int64_t> apply(std::span<const model::WorklistChange> changes,
                                  std::span<const std::int64_t> posting_ids = {});

  // Held-back writes: while on, add_finding and add_event rows are sent in multi-row INSERTs
  // (one round trip per chunk on PostgreSQL) when a chunk fills, on flush(), and before
  // anything else reads or changes findings or events, so every answer stays the same. Off by
  // default. discard_deferred() drops what is held (its transaction rolled back).
  void defer_writes(bool on) { defer_ = on; }
  void flush();
  void discard_deferred();

  // Counts by status, for reports and metrics.
  std::uint64_t count(model::WorklistStatus status);

 private:
  // Fills an item's findings (open and closed) and history.
  void add_details(model::WorklistItem& item);
  std::unique_ptr<sql::Statement> prepare_list(const ItemFilter& filter);
  static model::WorklistItem read_item(sql::Statement& row);
  static model::WorklistFinding read_finding(const sql::Statement& row);
  sql::BatchInsert& finding_rows();
  sql::BatchInsert& event_rows();

  void forget_prefetched(std::string_view payer_id, std::string_view claim_id);

  sql::Connection& c_;
  std::unique_ptr<sql::Statement> insert_finding_, insert_event_, update_;
  std::unique_ptr<sql::ListStatements> items_by_claim_, open_findings_by_item_, close_all_, close_sweep_;
  std::unique_ptr<sql::BatchInsert> new_items_;
  bool defer_ = false;
  std::unique_ptr<sql::BatchInsert> deferred_findings_, deferred_events_;
  std::string prefetched_payer_;
  std::map<std::string, std::optional<model::WorklistItem>, std::less<>> prefetched_;  // nullopt: no item
};

// "a,b,c" <-> {"a","b","c"}: how code lists are kept in one column.
std::string join_codes(const std::vector<std::string>& codes);
std::vector<std::string> split_codes(std::string_view text);

}  // namespace clearhouse::ledger
