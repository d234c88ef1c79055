#pragma once
// One decided change to the denial worklist: what the worklist's rules of life
// (engine/worklist/item_change.hpp) make of a claim's review, as a value the ledger writes
// (engine/ledger/worklist_store.hpp) and `clearhouse post --dry-run` prints. Posting ids in it
// may be provisional (model/posting_plan.hpp): postings of the same plan that are not written yet.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/model/money.hpp"
#include "engine/model/worklist_item.hpp"

namespace clearhouse::model {

// Why the worklist closed an item by itself; its note names the posting, so it is rendered once
// the posting's real id is known.
struct WorklistResolution {
  enum class By : std::uint8_t {
    payment,  // a posting paid the claim in full
    posting,  // a posting left nothing to work
    sweep,    // the ledger sweep found nothing left
    claim_status,  // a 277CA accepted the claim (resubmitted), or a 277 reported it paid
    correction,    // a corrected claim was sent (again after a rejection, a replacement or a void)
  };
  By by = By::posting;
  std::int64_t posting_id = 0;
  Money paid;
  std::string reference;  // claim_status: the 277's transaction set (ST02) and reference (BHT03);
                          // correction: the 837 file the corrected claim went out in, and its frequency
};
// "paid in full by posting 41 (96 paid)", "nothing left to work after posting 41", ...
std::string resolution_note(const WorklistResolution& resolution);

struct WorklistChange {
  // Which findings of the item close first: none, all of them (a new adjudication), or the
  // sweep's own (a sweep refreshes what it found).
  enum class Close : std::uint8_t { none, all, sweep };

  // The item as it is to be written: id 0 is a new item (inserted), any other id an existing
  // one (rewritten). Without details (findings, history).
  WorklistItem item;
  Close close = Close::none;
  std::string at;  // ISO timestamp: closed_at of the closed findings
  std::vector<WorklistFinding> added;  // new open findings, in order
  // What happened, for the history: opened, updated, reopened, resolved, resolved_by_payment;
  // none when the item was only refreshed (dates, trace number).
  std::optional<WorklistEvent> event;
  // Set when the item resolved by itself: item.resolution_note and event->note are this, rendered.
  std::optional<WorklistResolution> resolution;

  bool opens() const { return item.id == 0; }
  std::string_view what() const { return event ? std::string_view(event->event) : std::string_view("refreshed"); }
};

// Replaces provisional posting ids (model/posting_plan.hpp) with real ones, real_ids[index]
// for the posting at index, and renders the resolution note with the real id.
void resolve_posting_ids(WorklistChange& change, std::span<const std::int64_t> real_ids);

}  // namespace clearhouse::model
