#include "engine/worklist/worklist.hpp"

#include <fmt/format.h>

#include "engine/worklist/item_summary.hpp"

namespace clearhouse::worklist {
namespace {

model::WorklistFinding stored_finding(const model::Finding& f, const ClaimReview& review, std::string_view now) {
  model::WorklistFinding w;
  w.posting_id = review.posting_id;
  w.source = review.adjudicated ? "posting" : "sweep";
  w.rule = f.rule;
  w.category = f.category;
  w.line_number = f.line_number;
  w.carc = f.carc;
  w.rarc = f.rarc;
  w.amount = f.amount < model::Money{} ? -f.amount : f.amount;
  w.message = f.message;
  w.action = f.action;
  w.open = true;
  w.created_at = std::string(now);
  return w;
}

model::WorklistEvent event(std::string_view now, std::string_view actor, std::string_view what, std::int64_t posting_id,
                           model::Money amount, std::string note) {
  model::WorklistEvent e;
  e.at = std::string(now);
  e.actor = std::string(actor);
  e.event = std::string(what);
  e.posting_id = posting_id;
  e.amount = amount;
  e.note = std::move(note);
  return e;
}

void set_summary(model::WorklistItem& item, const ItemSummary& s) {
  item.amount = s.amount;
  item.category = s.category;
  item.action = s.action;
  item.rules = s.rules;
  item.carc = s.carc;
  item.rarc = s.rarc;
}

}  // namespace

Worklist::Worklist(ledger::sql::Connection& connection, const rules::RulesConfig& config)
    : c_(connection), config_(config), store_(connection) {}

void Worklist::refresh_summary(model::WorklistItem& item) {
  const auto open = store_.findings(item.id, true);
  if (open.empty()) return;  // keep the last summary on a closed item
  set_summary(item, summarize(open, config_));
}

ApplyCounts Worklist::apply(const ClaimReview& review, std::string_view now) {
  ApplyCounts counts;
  std::vector<const model::Finding*> opening;
  for (const auto& f : review.findings)
    if (config_.category(f.category).opens_item) opening.push_back(&f);

  auto existing = store_.find(review.payer_id, review.claim_id);
  if (!existing) {
    if (opening.empty()) return counts;
    model::WorklistItem item;
    item.payer_id = review.payer_id;
    item.claim_id = review.claim_id;
    item.status = model::WorklistStatus::open;
    item.reference_date = review.reference_date;
    item.trace_number = review.trace_number;
    item.opened_at = item.updated_at = std::string(now);
    // Summarized from the findings as they will read back (all open, in this order), so the
    // item is written once, complete.
    std::vector<model::WorklistFinding> stored;
    for (const auto* f : opening) {
      stored.push_back(stored_finding(*f, review, now));
      stored.back().carc = split_codes(join_codes(stored.back().carc));
      stored.back().rarc = split_codes(join_codes(stored.back().rarc));
    }
    set_summary(item, summarize(stored, config_));
    item.id = store_.insert(item);
    for (const auto& w : stored) store_.add_finding(item.id, w);
    store_.add_event(item.id, event(now, kSystemActor, "opened", review.posting_id, item.amount,
                                    fmt::format("{} finding(s): {}", opening.size(), join_codes(item.rules))));
    counts.opened = 1;
    counts.findings = opening.size();
    return counts;
  }

  model::WorklistItem item = std::move(*existing);
  const bool was_active = model::is_active(item.status);
  if (review.adjudicated) {
    // A new adjudication supersedes every earlier finding (the sweep's included: a remittance
    // arrived, and the sweep will re-find what still holds).
    store_.close_findings(item.id, now);
    item.reference_date = review.reference_date;
    item.trace_number = review.trace_number;
  } else {
    // A sweep refreshes its own findings only.
    store_.close_findings(item.id, now, "sweep");
  }
  if (!review.adjudicated) {
    // What a posting already found stays the posting's: the sweep does not repeat it.
    const auto open = store_.findings(item.id, true);
    std::erase_if(opening, [&](const model::Finding* f) {
      for (const auto& o : open)
        if (o.rule == f->rule && o.line_number == f->line_number) return true;
      return false;
    });
  }
  for (const auto* f : opening) store_.add_finding(item.id, stored_finding(*f, review, now));
  counts.findings = opening.size();
  item.updated_at = std::string(now);

  const bool anything_open = !store_.findings(item.id, true).empty();
  if (anything_open) {
    refresh_summary(item);
    if (!was_active) {
      item.status = model::WorklistStatus::open;
      item.resolved_at.clear();
      item.resolved_by.clear();
      item.resolution_note.clear();
      store_.add_event(item.id, event(now, kSystemActor, "reopened", review.posting_id, item.amount,
                                      fmt::format("new finding(s): {}", join_codes(item.rules))));
      counts.reopened = 1;
    } else if (!opening.empty()) {
      store_.add_event(item.id, event(now, kSystemActor, "updated", review.posting_id, item.amount,
                                      fmt::format("finding(s) now: {}", join_codes(item.rules))));
      counts.updated = 1;
    }
  } else if (was_active) {
    item.status = model::WorklistStatus::resolved;
    item.resolved_at = std::string(now);
    item.resolved_by = std::string(kSystemActor);
    item.resolution_note =
        review.paid_in_full
            ? fmt::format("paid in full by posting {} ({} paid)", review.posting_id, model::to_display_amount(review.paid))
        : review.adjudicated ? fmt::format("nothing left to work after posting {}", review.posting_id)
                             : std::string("nothing left to work (ledger sweep)");
    store_.add_event(item.id, event(now, kSystemActor, review.paid_in_full ? "resolved_by_payment" : "resolved",
                                    review.posting_id, review.paid, item.resolution_note));
    counts.resolved = 1;
  }
  store_.update(item);
  return counts;
}

model::WorklistItem Worklist::item(std::string_view claim_id, std::string_view payer_id, bool details) {
  if (!payer_id.empty()) {
    auto item = store_.find(payer_id, claim_id, details);
    if (!item) throw WorklistError(fmt::format("no worklist item for claim {} of payer {}", claim_id, payer_id));
    return std::move(*item);
  }
  ItemFilter filter;
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
  store_.add_event(item.id, event(now, by, write_off ? "written_off" : "resolved", 0, item.amount, std::string(note)));
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
  store_.add_event(item.id, event(now, by.empty() ? to : by, "assigned", 0, item.amount,
                                  note.empty() ? fmt::format("assigned to {}", to)
                                               : fmt::format("assigned to {}: {}", to, note)));
  return std::move(*store_.find_by_id(item.id, true));
}

model::WorklistItem Worklist::add_note(std::string_view claim_id, std::string_view payer_id, std::string_view by,
                                       std::string_view note, std::string_view now) {
  auto item = this->item(claim_id, payer_id, false);
  item.updated_at = std::string(now);
  store_.update(item);
  store_.add_event(item.id, event(now, by, "note", 0, item.amount, std::string(note)));
  return std::move(*store_.find_by_id(item.id, true));
}

}  // namespace clearhouse::worklist
