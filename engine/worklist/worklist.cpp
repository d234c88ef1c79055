#include "engine/worklist/worklist.hpp"

#include <fmt/format.h>

namespace clearhouse::worklist {

Worklist::Worklist(ledger::sql::Connection& connection, const rules::RulesConfig& config)
    : config_(config), store_(connection) {}

ApplyCounts Worklist::apply(const ClaimReview& review, std::string_view now) {
  auto existing = store_.find(review.payer_id, review.claim_id);
  if (existing) existing->findings = store_.findings(existing->id, true);
  const auto change = plan_item_change(existing, review, config_, now);
  if (!change) return {};
  store_.apply(std::span<const model::WorklistChange>(&*change, 1));
  return counts_of(*change);
}

model::WorklistItem Worklist::item(std::string_view claim_id, std::string_view payer_id, bool details) {
  if (!payer_id.empty()) {
    auto item = store_.find(payer_id, claim_id, details);
    if (!item) throw WorklistError(fmt::format("no worklist item for claim {} of payer {}", claim_id, payer_id));
    return std::move(*item);
  }
  ledger::ItemFilter filter;
  filter.claim_id = std::string(claim_id);
  auto items = store_.list(filter);
  if (items.empty()) throw WorklistError(fmt::format("no worklist item for claim {}", claim_id));
  if (items.size() > 1) {
    std::string payers;
    for (const auto& i : items) payers += (payers.empty() ? "" : ", ") + i.payer_id;
    throw WorklistError(fmt::format("claim {} has items for several payers ({}): say which with --payer", claim_id, payers));
  }
  if (!details) return std::move(items.front());
  return std::move(*store_.find_by_id(items.front().id, true));
}

model::WorklistItem Worklist::resolve(std::string_view claim_id, std::string_view payer_id, std::string_view by,
                                      std::string_view note, bool write_off, std::string_view now) {
  auto item = this->item(claim_id, payer_id, false);
  if (!model::is_active(item.status))
    throw WorklistError(fmt::format("the item for claim {} is already {}", claim_id, model::to_string(item.status)));
  item.status = write_off ? model::WorklistStatus::written_off : model::WorklistStatus::resolved;
  item.resolved_at = std::string(now);
  item.resolved_by = std::string(by);
  item.resolution_note = std::string(note);
  item.updated_at = std::string(now);
  store_.close_findings(item.id, now);
  store_.update(item);
  store_.add_event(item.id,
                   worklist_event(now, by, write_off ? "written_off" : "resolved", 0, item.amount, std::string(note)));
  return std::move(*store_.find_by_id(item.id, true));
}

model::WorklistItem Worklist::assign(std::string_view claim_id, std::string_view payer_id, std::string_view to,
                                     std::string_view by, std::string_view note, std::string_view now) {
  auto item = this->item(claim_id, payer_id, false);
  if (!model::is_active(item.status))
    throw WorklistError(fmt::format("the item for claim {} is {}: reopen it by posting or leave it", claim_id,
                                    model::to_string(item.status)));
  item.owner = std::string(to);
  item.status = model::WorklistStatus::in_progress;
  item.updated_at = std::string(now);
  store_.update(item);
  store_.add_event(item.id, worklist_event(now, by.empty() ? to : by, "assigned", 0, item.amount,
                                           note.empty() ? fmt::format("assigned to {}", to)
                                                        : fmt::format("assigned to {}: {}", to, note)));
  return std::move(*store_.find_by_id(item.id, true));
}

model::WorklistItem Worklist::add_note(std::string_view claim_id, std::string_view payer_id, std::string_view by,
                                       std::string_view note, std::string_view now) {
  auto item = this->item(claim_id, payer_id, false);
  item.updated_at = std::string(now);
  store_.update(item);
  store_.add_event(item.id, worklist_event(now, by, "note", 0, item.amount, std::string(note)));
  return std::move(*store_.find_by_id(item.id, true));
}

}  // namespace clearhouse::worklist
