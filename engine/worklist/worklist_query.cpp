#include "engine/worklist/worklist_query.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "engine/ledger/worklist_store.hpp"
#include "engine/worklist/worklist.hpp"

namespace clearhouse::worklist {

std::optional<WorklistSort> worklist_sort_from_string(std::string_view text) {
  if (text == "priority") return WorklistSort::priority;
  if (text == "age") return WorklistSort::age;
  if (text == "amount") return WorklistSort::amount;
  return std::nullopt;
}

std::int64_t priority_score(model::Money amount, const rules::CategoryConfig& category, int age_days, bool past_deadline,
                            const rules::PriorityConfig& priority) {
  const std::int64_t cap = std::max(priority.age_cap_days, 1);
  const std::int64_t age = std::clamp<std::int64_t>(age_days, 0, cap);
  const std::int64_t cents = amount.cents() < 0 ? -amount.cents() : amount.cents();
  // Integer arithmetic throughout; 128-bit intermediate so large amounts cannot overflow.
  __int128 p = static_cast<__int128>(cents) * category.recoverability_percent * (cap + age);
  p /= 100 * cap;
  if (past_deadline) p = p * priority.past_deadline_percent / 100;
  return static_cast<std::int64_t>(p);
}

WorklistRow compute_row(model::WorklistItem item, const rules::RulesConfig& config, model::Date today) {
  WorklistRow row;
  const auto& category = config.category(item.category);
  if (!item.reference_date.empty() && !today.empty()) row.age_days = std::max(0, model::days_between(item.reference_date, today));
  if (category.deadline != rules::DeadlineKind::none && !item.reference_date.empty()) {
    row.deadline = model::Date::from_days_since_epoch(item.reference_date.days_since_epoch() + category.deadline_days);
    row.deadline_kind = category.deadline;
    row.past_deadline = !today.empty() && today > *row.deadline;
  }
  row.priority = priority_score(item.amount, category, row.age_days, row.past_deadline, config.priority);
  row.item = std::move(item);
  return row;
}

WorklistPage query_worklist(ledger::sql::Connection& connection, const WorklistQuery& query,
                            const rules::RulesConfig& config, model::Date today) {
  ledger::ItemFilter filter;
  if (query.status == "active" || query.status.empty()) {
    filter.statuses = {model::WorklistStatus::open, model::WorklistStatus::in_progress};
  } else if (query.status != "all") {
    const auto s = model::worklist_status_from_string(query.status);
    if (!s)
      throw WorklistError(fmt::format("unknown status '{}' (open, in_progress, resolved, written_off, active, all)",
                                      query.status));
    filter.statuses = {*s};
  }
  filter.category = query.category;
  filter.payer_id = query.payer_id;

  WorklistPage page;
  page.as_of = today;
  ledger::WorklistStore store(connection);
  store.each(filter, [&](model::WorklistItem&& item) {
    WorklistRow row = compute_row(std::move(item), config, today);
    if (query.older_than_days && row.age_days <= *query.older_than_days) return;
    page.rows.push_back(std::move(row));
  });
  auto key = [&](const WorklistRow& r) -> std::int64_t {
    switch (query.sort) {
      case WorklistSort::priority: return r.priority;
      case WorklistSort::age: return r.age_days;
      case WorklistSort::amount: return r.item.amount.cents();
    }
    return r.priority;
  };
  // Highest first; ties by claim id so the order is stable across runs. Sorted as indexes, then
  // each row moved once: rows are large and 100,000 of them are common.
  std::vector<std::pair<std::int64_t, std::uint32_t>> order(page.rows.size());
  for (std::size_t i = 0; i < page.rows.size(); ++i) order[i] = {key(page.rows[i]), static_cast<std::uint32_t>(i)};
  std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first > b.first;
    const auto& x = page.rows[a.second].item;
    const auto& y = page.rows[b.second].item;
    if (x.claim_id != y.claim_id) return x.claim_id < y.claim_id;
    return x.payer_id < y.payer_id;
  });
  std::vector<WorklistRow> sorted;
  sorted.reserve(order.size());
  for (const auto& [k, i] : order) sorted.push_back(std::move(page.rows[i]));
  page.rows = std::move(sorted);
  page.total = page.rows.size();
  if (query.limit != 0 && page.rows.size() > query.limit) page.rows.resize(query.limit);
  return page;
}

}  // namespace clearhouse::worklist
