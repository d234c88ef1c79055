#include "engine/ledger/worklist_store.hpp"

#include <fmt/format.h>

#include "engine/ledger/sql/batch_insert.hpp"
#include "engine/ledger/sql/list_statements.hpp"

namespace clearhouse::ledger {

using sql::Statement;

std::string join_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out.push_back(',');
    out += c;
  }
  return out;
}

std::vector<std::string> split_codes(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

namespace {

constexpr const char* kItemColumns =
    "id, payer_id, claim_id, category, rules, carc, rarc, amount_cents, action, status, owner, reference_date, "
    "trace_number, opened_at, updated_at, resolved_at, resolved_by, resolution_note";

std::string items_by_claim_query(std::size_t n) {
  return fmt::format("SELECT {} FROM worklist_items WHERE payer_id = ? AND claim_id IN ({}) ORDER BY id", kItemColumns,
                     sql::placeholders(n));
}

constexpr const char* kFindingColumns =
    "id, posting_id, source, rule, category, line_number, carc, rarc, amount_cents, message, action, is_open, "
    "created_at, closed_at";

std::string open_findings_by_item_query(std::size_t n) {
  return fmt::format("SELECT {}, item_id FROM worklist_findings WHERE is_open = 1 AND item_id IN ({}) ORDER BY id",
                     kFindingColumns, sql::placeholders(n));
}

std::string close_all_query(std::size_t n) {
  return fmt::format("UPDATE worklist_findings SET is_open = 0, closed_at = ? WHERE is_open = 1 AND item_id IN ({})",
                     sql::placeholders(n));
}

std::string close_sweep_query(std::size_t n) {
  return fmt::format(
      "UPDATE worklist_findings SET is_open = 0, closed_at = ? WHERE is_open = 1 AND source = 'sweep' AND item_id IN ({})",
      sql::placeholders(n));
}

const std::vector<std::string>& item_columns() {
  static const std::vector<std::string> columns = {
      "payer_id", "claim_id", "category", "rules", "carc", "rarc", "amount_cents", "action", "status", "owner",
      "reference_date", "trace_number", "opened_at", "updated_at", "resolved_at", "resolved_by", "resolution_note"};
  return columns;
}

model::Date parse_date(const std::string& text) {
  auto d = model::Date::parse_iso(text);
  return d ? *d : model::Date{};
}

// One deferred row of worklist_findings / worklist_events, in the columns of finding_rows() /
// event_rows().
void add_finding_row(sql::BatchInsert& rows, std::int64_t item_id, const model::WorklistFinding& f) {
  rows.row()
      .value(item_id)
      .value(f.posting_id)
      .value(f.source)
      .value(f.rule)
      .value(f.category)
      .value(static_cast<std::int64_t>(f.line_number))
      .value(join_codes(f.carc))
      .value(join_codes(f.rarc))
      .value(f.amount.cents())
      .value(f.message)
      .value(f.action)
      .value(static_cast<std::int64_t>(f.open ? 1 : 0))
      .value(f.created_at);
  if (f.closed_at.empty()) rows.null();
  else rows.value(f.closed_at);
}

void add_event_row(sql::BatchInsert& rows, std::int64_t item_id, const model::WorklistEvent& e) {
  rows.row()
      .value(item_id)
      .value(e.at)
      .value(e.actor)
      .value(e.event)
      .value(e.posting_id)
      .value(e.amount.cents())
      .value(e.note);
}

// The items of these claims of the payer, in chunks (the statements made on first use): each
// row to on_row.
template <typename OnRow>
void query_items_by_claim(std::unique_ptr<sql::ListStatements>& statements, sql::Connection& c,
                          std::string_view payer_id, std::span<const std::string> claim_ids, OnRow&& on_row) {
  if (!statements) statements = std::make_unique<sql::ListStatements>(c, items_by_claim_query);
  sql::query_in_chunks(
      *statements, claim_ids,
      [&](Statement& q) {
        q.bind(1, payer_id);
        return 2;
      },
      on_row);
}

}  // namespace

WorklistStore::WorklistStore(sql::Connection& connection) : c_(connection) {}
WorklistStore::~WorklistStore() = default;

model::WorklistItem WorklistStore::read_item(Statement& q) {
  model::WorklistItem item;
  item.id = q.column_int(0);
  item.payer_id = q.column_text(1);
  item.claim_id = q.column_text(2);
  item.category = q.column_text(3);
  item.rules = split_codes(q.column_text(4));
  item.carc = split_codes(q.column_text(5));
  item.rarc = split_codes(q.column_text(6));
  item.amount = model::Money::from_cents(q.column_int(7));
  item.action = q.column_text(8);
  item.status = model::worklist_status_from_string(q.column_text(9)).value_or(model::WorklistStatus::open);
  item.owner = q.column_text(10);
  item.reference_date = parse_date(q.column_text(11));
  item.trace_number = q.column_text(12);
  item.opened_at = q.column_text(13);
  item.updated_at = q.column_text(14);
  item.resolved_at = q.column_text(15);
  item.resolved_by = q.column_text(16);
  item.resolution_note = q.column_text(17);
  return item;
}

void WorklistStore::prefetch(std::string_view payer_id, std::span<const std::string> claim_ids) {
  prefetched_payer_.assign(payer_id);
  prefetched_.clear();
  if (claim_ids.empty()) return;
  for (const auto& id : claim_ids) prefetched_.try_emplace(id);
  query_items_by_claim(items_by_claim_, c_, payer_id, claim_ids, [&](Statement& q) {
    auto item = read_item(q);
    auto& slot = prefetched_[item.claim_id];
    if (!slot) slot = std::move(item);  // (payer, claim) is unique; the first, as find() would
  });
}

void WorklistStore::forget_prefetched(std::string_view payer_id, std::string_view claim_id) {
  if (payer_id != prefetched_payer_) return;
  if (const auto it = prefetched_.find(claim_id); it != prefetched_.end()) prefetched_.erase(it);
}

std::optional<model::WorklistItem> WorklistStore::find(std::string_view payer_id, std::string_view claim_id, bool details) {
  if (payer_id == prefetched_payer_) {
    if (const auto it = prefetched_.find(claim_id); it != prefetched_.end()) {
      auto item = std::move(it->second);
      prefetched_.erase(it);
      if (item && details) add_details(*item);
      return item;
    }
  }
  auto q = c_.prepare(fmt::format("SELECT {} FROM worklist_items WHERE payer_id = ? AND claim_id = ?", kItemColumns));
  q->bind(1, payer_id).bind(2, claim_id);
  if (!q->step()) return std::nullopt;
  auto item = read_item(*q);
  q->reset();
  if (details) add_details(item);
  return item;
}

void WorklistStore::add_details(model::WorklistItem& item) {
  item.findings = findings(item.id, false);
  item.history = history(item.id);
}

std::optional<model::WorklistItem> WorklistStore::find_by_id(std::int64_t id, bool details) {
  auto q = c_.prepare(fmt::format("SELECT {} FROM worklist_items WHERE id = ?", kItemColumns));
  q->bind(1, id);
  if (!q->step()) return std::nullopt;
  auto item = read_item(*q);
  q->reset();
  if (details) add_details(item);
  return item;
}

std::unique_ptr<Statement> WorklistStore::prepare_list(const ItemFilter& f) {
  std::string sql = fmt::format("SELECT {} FROM worklist_items WHERE 1 = 1", kItemColumns);
  if (!f.statuses.empty()) {
    sql += " AND status IN (";
    for (std::size_t i = 0; i < f.statuses.size(); ++i) sql += i == 0 ? "?" : ", ?";
    sql += ")";
  }
  if (!f.category.empty()) sql += " AND category = ?";
  if (!f.payer_id.empty()) sql += " AND payer_id = ?";
  if (!f.claim_id.empty()) sql += " AND claim_id = ?";
  sql += " ORDER BY id";
  auto q = c_.prepare(sql);
  int i = 1;
  for (auto s : f.statuses) q->bind(i++, model::to_string(s));
  if (!f.category.empty()) q->bind(i++, f.category);
  if (!f.payer_id.empty()) q->bind(i++, f.payer_id);
  if (!f.claim_id.empty()) q->bind(i++, f.claim_id);
  return q;
}

std::vector<model::WorklistItem> WorklistStore::list(const ItemFilter& filter) {
  std::vector<model::WorklistItem> out;
  each(filter, [&](model::WorklistItem&& item) { out.push_back(std::move(item)); });
  return out;
}

namespace {

void bind_item(Statement& q, const model::WorklistItem& item) {
  q.bind(1, item.payer_id)
      .bind(2, item.claim_id)
      .bind(3, item.category)
      .bind(4, join_codes(item.rules))
      .bind(5, join_codes(item.carc))
      .bind(6, join_codes(item.rarc))
      .bind(7, item.amount.cents())
      .bind(8, item.action)
      .bind(9, model::to_string(item.status))
      .bind(10, item.owner)
      .bind(11, item.reference_date.empty() ? std::string() : item.reference_date.to_iso())
      .bind(12, item.trace_number)
      .bind(13, item.opened_at)
      .bind(14, item.updated_at)
      .bind_text_or_null(15, item.resolved_at)
      .bind_text_or_null(16, item.resolved_by)
      .bind_text_or_null(17, item.resolution_note);
}

}  // namespace

std::int64_t WorklistStore::insert(const model::WorklistItem& item) {
  auto q = c_.prepare(
      "INSERT INTO worklist_items (payer_id, claim_id, category, rules, carc, rarc, amount_cents, action, status, owner, "
      "reference_date, trace_number, opened_at, updated_at, resolved_at, resolved_by, resolution_note) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  forget_prefetched(item.payer_id, item.claim_id);
  bind_item(*q, item);
  const auto id = q->single_int();
  if (!id) throw LedgerError("worklist item insert returned no id");
  return *id;
}

void WorklistStore::update(const model::WorklistItem& item) {
  if (!update_)
    update_ = c_.prepare(
        "UPDATE worklist_items SET payer_id = ?, claim_id = ?, category = ?, rules = ?, carc = ?, rarc = ?, "
        "amount_cents = ?, action = ?, status = ?, owner = ?, reference_date = ?, trace_number = ?, opened_at = ?, "
        "updated_at = ?, resolved_at = ?, resolved_by = ?, resolution_note = ? WHERE id = ?");
  forget_prefetched(item.payer_id, item.claim_id);
  bind_item(*update_, item);
  update_->bind(18, item.id);
  update_->run();
}

model::WorklistFinding WorklistStore::read_finding(const Statement& q) {
  model::WorklistFinding f;
  f.id = q.column_int(0);
  f.posting_id = q.column_int(1);
  f.source = q.column_text(2);
  f.rule = q.column_text(3);
  f.category = q.column_text(4);
  f.line_number = static_cast<int>(q.column_int(5));
  f.carc = split_codes(q.column_text(6));
  f.rarc = split_codes(q.column_text(7));
  f.amount = model::Money::from_cents(q.column_int(8));
  f.message = q.column_text(9);
  f.action = q.column_text(10);
  f.open = q.column_int(11) != 0;
  f.created_at = q.column_text(12);
  f.closed_at = q.column_text(13);
  return f;
}

std::vector<model::WorklistFinding> WorklistStore::findings(std::int64_t item_id, bool open_only) {
  flush();
  auto q = c_.prepare(fmt::format("SELECT {} FROM worklist_findings WHERE item_id = ?{} ORDER BY id", kFindingColumns,
                                  open_only ? " AND is_open = 1" : ""));
  q->bind(1, item_id);
  std::vector<model::WorklistFinding> out;
  while (q->step()) out.push_back(read_finding(*q));
  q->reset();
  return out;
}

std::map<std::string, model::WorklistItem, std::less<>> WorklistStore::items_with_open_findings(
    std::string_view payer_id, std::span<const std::string> claim_ids) {
  std::map<std::string, model::WorklistItem, std::less<>> out;
  if (claim_ids.empty()) return out;
  flush();
  query_items_by_claim(items_by_claim_, c_, payer_id, claim_ids, [&](Statement& q) {
    auto item = read_item(q);
    out.try_emplace(item.claim_id, std::move(item));  // (payer, claim) is unique
  });
  if (out.empty()) return out;
  std::map<std::int64_t, model::WorklistItem*> by_id;
  std::vector<std::int64_t> ids;
  for (auto& [claim, item] : out) by_id[item.id] = &item;
  for (const auto& [id, item] : by_id) ids.push_back(id);
  if (!open_findings_by_item_)
    open_findings_by_item_ = std::make_unique<sql::ListStatements>(c_, open_findings_by_item_query);
  sql::query_in_chunks(
      *open_findings_by_item_, std::span<const std::int64_t>(ids), [](Statement&) { return 1; },
      [&](Statement& q) {
        const auto it = by_id.find(q.column_int(14));
        if (it != by_id.end()) it->second->findings.push_back(read_finding(q));
      });
  return out;
}

void WorklistStore::add_finding(std::int64_t item_id, const model::WorklistFinding& f) {
  if (defer_) {
    add_finding_row(finding_rows(), item_id, f);
    return;
  }
  if (!insert_finding_)
    insert_finding_ = c_.prepare(
        "INSERT INTO worklist_findings (item_id, posting_id, source, rule, category, line_number, carc, rarc, "
        "amount_cents, message, action, is_open, created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto& q = *insert_finding_;
  q.bind(1, item_id)
      .bind(2, f.posting_id)
      .bind(3, f.source)
      .bind(4, f.rule)
      .bind(5, f.category)
      .bind(6, f.line_number)
      .bind(7, join_codes(f.carc))
      .bind(8, join_codes(f.rarc))
      .bind(9, f.amount.cents())
      .bind(10, f.message)
      .bind(11, f.action)
      .bind(12, f.open ? 1 : 0)
      .bind(13, f.created_at)
      .bind_text_or_null(14, f.closed_at);
  q.run();
}

void WorklistStore::close_findings(std::int64_t item_id, std::string_view at, std::string_view source) {
  flush();
  auto q = c_.prepare(std::string("UPDATE worklist_findings SET is_open = 0, closed_at = ? WHERE item_id = ? AND is_open = 1") +
                      (source.empty() ? "" : " AND source = ?"));
  q->bind(1, at).bind(2, item_id);
  if (!source.empty()) q->bind(3, source);
  q->run();
}

void WorklistStore::add_event(std::int64_t item_id, const model::WorklistEvent& e) {
  if (defer_) {
    add_event_row(event_rows(), item_id, e);
    return;
  }
  if (!insert_event_)
    insert_event_ = c_.prepare(
        "INSERT INTO worklist_events (item_id, at, actor, event, posting_id, amount_cents, note) VALUES (?, ?, ?, ?, ?, ?, ?)");
  insert_event_->bind(1, item_id)
      .bind(2, e.at)
      .bind(3, e.actor)
      .bind(4, e.event)
      .bind(5, e.posting_id)
      .bind(6, e.amount.cents())
      .bind(7, e.note);
  insert_event_->run();
}

std::vector<model::WorklistEvent> WorklistStore::history(std::int64_t item_id) {
  flush();
  auto q = c_.prepare(
      "SELECT at, actor, event, posting_id, amount_cents, note FROM worklist_events WHERE item_id = ? ORDER BY id");
  q->bind(1, item_id);
  std::vector<model::WorklistEvent> out;
  while (q->step()) {
    model::WorklistEvent e;
    e.at = q->column_text(0);
    e.actor = q->column_text(1);
    e.event = q->column_text(2);
    e.posting_id = q->column_int(3);
    e.amount = model::Money::from_cents(q->column_int(4));
    e.note = q->column_text(5);
    out.push_back(std::move(e));
  }
  q->reset();
  return out;
}

sql::BatchInsert& WorklistStore::finding_rows() {
  if (!deferred_findings_)
    deferred_findings_ = std::make_unique<sql::BatchInsert>(
        c_, "worklist_findings",
        std::vector<std::string>{"item_id", "posting_id", "source", "rule", "category", "line_number", "carc", "rarc",
                                 "amount_cents", "message", "action", "is_open", "created_at", "closed_at"});
  return *deferred_findings_;
}

sql::BatchInsert& WorklistStore::event_rows() {
  if (!deferred_events_)
    deferred_events_ = std::make_unique<sql::BatchInsert>(
        c_, "worklist_events",
        std::vector<std::string>{"item_id", "at", "actor", "event", "posting_id", "amount_cents", "note"});
  return *deferred_events_;
}

std::vector<std::int64_t> WorklistStore::apply(std::span<const model::WorklistChange> planned,
                                               std::span<const std::int64_t> posting_ids) {
  std::vector<std::int64_t> ids(planned.size(), 0);
  if (planned.empty()) return ids;
  // Provisional posting ids replaced (on a copy) when there are any to replace.
  std::vector<model::WorklistChange> resolved;
  if (!posting_ids.empty()) {
    resolved.assign(planned.begin(), planned.end());
    for (auto& ch : resolved) model::resolve_posting_ids(ch, posting_ids);
  }
  const std::span<const model::WorklistChange> changes = resolved.empty() ? planned : std::span(resolved);
  flush();  // rows held back earlier go first
  // What the changes close, before anything is added to the same items.
  std::map<std::string_view, std::vector<std::int64_t>> close_all, close_sweep;
  for (const auto& ch : changes) {
    if (ch.opens() || ch.close == model::WorklistChange::Close::none) continue;
    auto& to = ch.close == model::WorklistChange::Close::all ? close_all : close_sweep;
    to[ch.at].push_back(ch.item.id);
  }
  auto close = [&](std::unique_ptr<sql::ListStatements>& statements, sql::ListStatements::Shape shape,
                   const std::map<std::string_view, std::vector<std::int64_t>>& groups) {
    if (groups.empty()) return;
    if (!statements) statements = std::make_unique<sql::ListStatements>(c_, shape);
    for (const auto& group : groups) {
      const std::string_view at = group.first;  // a named copy: clang 14 cannot capture a structured binding
      sql::query_in_chunks(
          *statements, std::span<const std::int64_t>(group.second),
          [&](Statement& q) {
            q.bind(1, at);
            return 2;
          },
          [](Statement&) {});
    }
  };
  close(close_all_, close_all_query, close_all);
  close(close_sweep_, close_sweep_query, close_sweep);

  // New items, in one multi-row INSERT (per chunk): their ids come back with their claim.
  std::map<std::pair<std::string, std::string>, std::int64_t> new_ids;
  bool any_new = false;
  for (const auto& ch : changes) {
    if (!ch.opens()) continue;
    if (!new_items_) new_items_ = std::make_unique<sql::BatchInsert>(c_, "worklist_items", item_columns(), "id, payer_id, claim_id");
    if (!any_new)
      new_items_->on_returned([&](const Statement& row) {
        new_ids[{row.column_text(1), row.column_text(2)}] = row.column_int(0);
      });
    any_new = true;
    const auto& item = ch.item;
    forget_prefetched(item.payer_id, item.claim_id);
    auto& b = new_items_->row();
    b.value(item.payer_id)
        .value(item.claim_id)
        .value(item.category)
        .value(join_codes(item.rules))
        .value(join_codes(item.carc))
        .value(join_codes(item.rarc))
        .value(item.amount.cents())
        .value(item.action)
        .value(model::to_string(item.status))
        .value(item.owner)
        .value(item.reference_date.empty() ? std::string() : item.reference_date.to_iso())
        .value(item.trace_number)
        .value(item.opened_at)
        .value(item.updated_at);
    for (const auto* text : {&item.resolved_at, &item.resolved_by, &item.resolution_note}) {
      if (text->empty()) b.null();
      else b.value(*text);
    }
  }
  if (any_new) {
    new_items_->flush();
    new_items_->on_returned({});
  }
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const auto& item = changes[i].item;
    if (!changes[i].opens()) {
      ids[i] = item.id;
      continue;
    }
    const auto it = new_ids.find({item.payer_id, item.claim_id});
    if (it == new_ids.end()) throw LedgerError("worklist item insert returned no id");
    ids[i] = it->second;
  }

  // Findings and events, in the order of the changes.
  auto& findings = finding_rows();
  auto& events = event_rows();
  for (std::size_t i = 0; i < changes.size(); ++i) {
    for (const auto& f : changes[i].added) add_finding_row(findings, ids[i], f);
  }
  for (std::size_t i = 0; i < changes.size(); ++i) {
    if (!changes[i].event) continue;
    add_event_row(events, ids[i], *changes[i].event);
  }
  flush();

  // Existing items rewritten.
  for (const auto& ch : changes)
    if (!ch.opens()) update(ch.item);
  return ids;
}

void WorklistStore::flush() {
  if (deferred_findings_) deferred_findings_->flush();
  if (deferred_events_) deferred_events_->flush();
}

void WorklistStore::discard_deferred() {
  deferred_findings_.reset();
  deferred_events_.reset();
}

std::uint64_t WorklistStore::count(model::WorklistStatus status) {
  auto q = c_.prepare("SELECT COUNT(*) FROM worklist_items WHERE status = ?");
  q->bind(1, model::to_string(status));
  return static_cast<std::uint64_t>(q->single_int().value_or(0));
}

}  // namespace clearhouse::ledger
