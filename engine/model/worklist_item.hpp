#pragma once
// One item on the denial worklist: a claim with open findings a biller has to work, with what is
// at stake, what to do, who owns it, and everything that happened to it. One item per claim
// (payer + claim id); the rules pipeline opens and updates items, billers assign and resolve
// them, and a later remittance that pays the claim in full closes them.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::model {

enum class WorklistStatus : std::uint8_t {
  open,         // found, nobody on it yet
  in_progress,  // assigned to someone
  resolved,     // worked (by hand or by a later payment)
  written_off,  // given up on: the money will not be collected
};
std::string_view to_string(WorklistStatus status);
std::optional<WorklistStatus> worklist_status_from_string(std::string_view text);
inline bool is_active(WorklistStatus s) { return s == WorklistStatus::open || s == WorklistStatus::in_progress; }

// One finding attached to an item (a copy of what the rules found, as stored).
struct WorklistFinding {
  std::int64_t id = 0;
  std::int64_t posting_id = 0;   // the posting whose rules found it (0 for the ledger sweep)
  std::string source;            // "posting" or "sweep"
  std::string rule;
  std::string category;
  int line_number = 0;
  std::vector<std::string> carc, rarc;
  Money amount;
  std::string message;
  std::string action;
  bool open = true;              // closed when superseded by a later remittance or resolved
  std::string created_at, closed_at;  // ISO timestamps
};

// Something that happened to an item: opened, finding added, assigned, note, resolved by a
// payment (with that posting), resolved or written off by hand (who, when, why), reopened.
struct WorklistEvent {
  std::string at;           // ISO timestamp (UTC)
  std::string actor;        // a biller's name, or "clearhouse" for automatic changes
  std::string event;        // opened, updated, assigned, note, resolved_by_payment, resolved, written_off, reopened
  std::int64_t posting_id = 0;
  Money amount;
  std::string note;
};

struct WorklistItem {
  std::int64_t id = 0;
  std::string payer_id;
  std::string claim_id;
  std::string category;                  // of the open finding with the most at stake
  std::vector<std::string> rules;        // every open finding's rule id
  std::vector<std::string> carc, rarc;   // codes involved
  Money amount;                          // cents at stake (overlapping findings counted once)
  std::string action;                    // suggested next step (action key)
  WorklistStatus status = WorklistStatus::open;
  std::string owner;
  Date reference_date;                   // the remittance date (or submission date) age counts from
  std::string trace_number;              // TRN02 of the remittance behind the findings
  std::string opened_at, updated_at;     // ISO timestamps
  std::string resolved_at, resolved_by, resolution_note;
  std::vector<WorklistFinding> findings;  // filled by detail queries only
  std::vector<WorklistEvent> history;     // filled by detail queries only
};

}  // namespace clearhouse::model
