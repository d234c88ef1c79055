#include "engine/worklist/item_change.hpp"

#include <fmt/format.h>

#include "engine/ledger/worklist_store.hpp"
#include "engine/worklist/item_summary.hpp"

namespace clearhouse::worklist {
namespace {

model::WorklistFinding stored_finding(const model::Finding& f, const ClaimReview& review, std::string_view now) {
  model::WorklistFinding w;
  w.posting_id = review.posting_id;
  w.source = !review.source.empty() ? std::string(review.source) : review.adjudicated ? "posting" : "sweep";
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

// A finding as the ledger hands it back (code lists through their one-column form): what
// summaries are computed from, so that an item reads the same however it was last written.
model::WorklistFinding as_read_back(model::WorklistFinding f) {
  f.carc = ledger::split_codes(ledger::join_codes(f.carc));
  f.rarc = ledger::split_codes(ledger::join_codes(f.rarc));
  return f;
}

model::WorklistEvent event(std::string_view now, std::string_view what, std::int64_t posting_id, model::Money amount,
                           std::string note) {
  return worklist_event(now, kSystemActor, what, posting_id, amount, std::move(note));
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

model::WorklistEvent worklist_event(std::string_view now, std::string_view actor, std::string_view what,
                                    std::int64_t posting_id, model::Money amount, std::string note) {
  model::WorklistEvent e;
  e.at = std::string(now);
  e.actor = std::string(actor);
  e.event = std::string(what);
  e.posting_id = posting_id;
  e.amount = amount;
  e.note = std::move(note);
  return e;
}

std::optional<model::WorklistChange> plan_item_change(const std::optional<model::WorklistItem>& existing,
                                                      const ClaimReview& review, const rules::RulesConfig& config,
                                                      std::string_view now) {
  std::vector<const model::Finding*> opening;
  for (const auto& f : review.findings)
    if (config.category(f.category).opens_item) opening.push_back(&f);

  model::WorklistChange change;
  change.at = std::string(now);
  if (!existing) {
    if (opening.empty()) return std::nullopt;
    auto& item = change.item;
    item.payer_id = review.payer_id;
    item.claim_id = review.claim_id;
    item.status = model::WorklistStatus::open;
    item.reference_date = review.reference_date;
    item.trace_number = review.trace_number;
    item.opened_at = item.updated_at = std::string(now);
    for (const auto* f : opening) change.added.push_back(as_read_back(stored_finding(*f, review, now)));
    set_summary(item, summarize(change.added, config));
    change.event = event(now, "opened", review.posting_id, item.amount,
                         fmt::format("{} finding(s): {}", opening.size(), fmt::join(item.rules, ",")));
    return change;
  }

  auto& item = change.item;
  item = *existing;
  item.findings.clear();
  item.history.clear();
  const bool was_active = model::is_active(item.status);
  // What stays open once the change closes what it closes, oldest first.
  std::vector<model::WorklistFinding> open;
  if (review.adjudicated) {
    // A new adjudication supersedes every earlier finding (the sweep's included: a remittance
    // arrived, and the sweep will re-find what still holds).
    change.close = model::WorklistChange::Close::all;
    item.reference_date = review.reference_date;
    item.trace_number = review.trace_number;
  } else {
    // A sweep refreshes its own findings only; what a posting already found stays the
    // posting's, and the sweep does not repeat it.
    change.close = model::WorklistChange::Close::sweep;
    for (const auto& f : existing->findings)
      if (f.open && f.source != "sweep") open.push_back(f);
    std::erase_if(opening, [&](const model::Finding* f) {
      for (const auto& o : open)
        if (o.rule == f->rule && o.line_number == f->line_number) return true;
      return false;
    });
  }
  for (const auto* f : opening) {
    change.added.push_back(stored_finding(*f, review, now));
    open.push_back(as_read_back(change.added.back()));
  }
  item.updated_at = std::string(now);

  if (!open.empty()) {
    set_summary(item, summarize(open, config));
    if (!was_active) {
      item.status = model::WorklistStatus::open;
      item.resolved_at.clear();
      item.resolved_by.clear();
      item.resolution_note.clear();
      change.event = event(now, "reopened", review.posting_id, item.amount,
                           fmt::format("new finding(s): {}", fmt::join(item.rules, ",")));
    } else if (!opening.empty()) {
      change.event = event(now, "updated", review.posting_id, item.amount,
                           fmt::format("finding(s) now: {}", fmt::join(item.rules, ",")));
    }
  } else if (was_active) {
    model::WorklistResolution resolution;
    resolution.by = review.paid_in_full                  ? model::WorklistResolution::By::payment
                    : review.source == kClaimStatusSource ? model::WorklistResolution::By::claim_status
                    : review.adjudicated                  ? model::WorklistResolution::By::posting
                                                          : model::WorklistResolution::By::sweep;
    resolution.reference = review.trace_number;
    resolution.posting_id = review.posting_id;
    resolution.paid = review.paid;
    item.status = model::WorklistStatus::resolved;
    item.resolved_at = std::string(now);
    item.resolved_by = std::string(kSystemActor);
    item.resolution_note = model::resolution_note(resolution);
    change.event = event(now, review.paid_in_full ? "resolved_by_payment" : "resolved", review.posting_id, review.paid,
                         item.resolution_note);
    change.resolution = resolution;
  }
  return change;
}

model::WorklistChange plan_correction(const model::WorklistItem& item, std::string_view batch_file,
                                      std::string_view frequency_code, std::string_view now) {
  model::WorklistChange change;
  change.at = std::string(now);
  change.close = model::WorklistChange::Close::all;
  change.item = item;
  change.item.findings.clear();
  change.item.history.clear();
  model::WorklistResolution resolution;
  resolution.by = model::WorklistResolution::By::correction;
  resolution.reference = fmt::format("{} (frequency {})", batch_file, frequency_code);
  change.item.status = model::WorklistStatus::resolved;
  change.item.updated_at = change.item.resolved_at = std::string(now);
  change.item.resolved_by = std::string(kSystemActor);
  change.item.resolution_note = model::resolution_note(resolution);
  change.event = event(now, "resolved", 0, item.amount, change.item.resolution_note);
  change.resolution = resolution;
  return change;
}

ApplyCounts counts_of(const model::WorklistChange& change) {
  ApplyCounts c;
  c.findings = change.added.size();
  if (!change.event) return c;
  const auto& what = change.event->event;
  if (what == "opened") c.opened = 1;
  else if (what == "reopened") c.reopened = 1;
  else if (what == "updated") c.updated = 1;
  else if (what == "resolved" || what == "resolved_by_payment") c.resolved = 1;
  return c;
}

}  // namespace clearhouse::worklist
