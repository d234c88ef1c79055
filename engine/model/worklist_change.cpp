#include "engine/model/worklist_change.hpp"

#include "engine/model/posting_plan.hpp"

namespace clearhouse::model {

std::string resolution_note(const WorklistResolution& r) {
  switch (r.by) {
    case WorklistResolution::By::payment:
      return "paid in full by posting " + std::to_string(r.posting_id) + " (" + to_display_amount(r.paid) + " paid)";
    case WorklistResolution::By::posting:
      return "nothing left to work after posting " + std::to_string(r.posting_id);
    case WorklistResolution::By::sweep: return "nothing left to work (ledger sweep)";
    case WorklistResolution::By::claim_status: return "accepted by the payer (277 " + r.reference + ")";
    case WorklistResolution::By::correction: return "superseded by the corrected claim sent in " + r.reference;
  }
  return {};
}

void resolve_posting_ids(WorklistChange& change, std::span<const std::int64_t> real_ids) {
  for (auto& f : change.added) f.posting_id = resolve_posting_id(f.posting_id, real_ids);
  if (change.event) change.event->posting_id = resolve_posting_id(change.event->posting_id, real_ids);
  if (change.resolution) {
    change.resolution->posting_id = resolve_posting_id(change.resolution->posting_id, real_ids);
    change.item.resolution_note = resolution_note(*change.resolution);
    if (change.event) change.event->note = change.item.resolution_note;
  }
}

}  // namespace clearhouse::model
