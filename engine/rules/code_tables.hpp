#pragma once
// The code tables the rules pipeline reads (schemas/codes/*.json): CARC and RARC with their
// categories and default actions, CLP02 claim status, CAS group codes, place of service, and
// the 277's STC claim status categories and codes (what a front-door or status answer means).
// Loaded once at start (rules_config.hpp) and shared read-only; lookups do not allocate.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "engine/model/date.hpp"

namespace clearhouse::rules {

struct CategoryConfig;

struct CarcEntry {
  std::string code;          // "16", "A1", "P12"
  std::string description;   // our own short wording
  std::string category;      // a category of rules.json
  std::string action;        // an action key of rules.json
  bool appealable = false;
  bool refine_with_rarc = false;  // generic code: the first categorised RARC decides
  std::optional<bool> denial;     // overrides the category's `denial` when set
  model::Date effective, retired;  // empty when not recorded
  const CategoryConfig* category_config = nullptr;  // resolved when the configuration loads

  bool retired_on(model::Date d) const { return !retired.empty() && !d.empty() && d >= retired; }
};

struct RarcEntry {
  std::string code;          // "N290", "MA130"
  std::string description;
  std::string category;      // empty: does not refine the CARC's category
  std::string action;        // empty: keeps the CARC's action
  std::optional<bool> appealable;  // false removes appeal rights (MA130, N211)
  bool alert = false;        // informational only
  model::Date effective, retired;
  const CategoryConfig* category_config = nullptr;  // null when it has no category
};

// What a CLP02 code means for the rules.
enum class ClaimStatusKind : std::uint8_t { processed, denied, forwarded, reversal, not_our_claim, predetermination, unknown };
ClaimStatusKind claim_status_kind_from_string(std::string_view text);
std::string_view to_string(ClaimStatusKind kind);

struct ClaimStatusEntry {
  std::string code;
  std::string description;
  ClaimStatusKind kind = ClaimStatusKind::unknown;
  int level = 0;  // 1 primary, 2 secondary, 3 tertiary, 0 none
};

struct GroupEntry {
  std::string code;  // CO, PR, OA, PI, CR
  std::string description;
  bool patient_owes = false;
  bool contractual = false;
  model::Date retired;
};

// What an STC category code (STC01-1, code source 507) says about a claim.
enum class StcStatus : std::uint8_t {
  accepted,          // A1, A2, A5: in the payer's adjudication system
  rejected,          // A3, A6, A7, A8: not taken; correct and resubmit
  forwarded,         // A0: passed on to another entity
  pended,            // P*, R*: in process, or waiting for information
  finalized,         // F0, F3*: adjudicated; paid or denied by the STC05 payment amount
  finalized_paid,    // F1
  finalized_denied,  // F2, F4
  not_found,         // A4, D0
  error,             // E*: the payer could not answer
  unknown,
};
StcStatus stc_status_from_string(std::string_view text);
std::string_view to_string(StcStatus status);

struct StcCategoryEntry {
  std::string code;         // "A7"
  std::string description;
  StcStatus status = StcStatus::unknown;
  std::string category;     // worklist category of an item it opens ("" when it opens none)
  std::string action;       // its action key
  model::Date effective, retired;
};

struct StcStatusEntry {
  std::string code;               // "33"
  std::string description;
  std::string category;           // worklist category ("" : the status category's)
  std::string provider_category;  // instead of category when the entity is a provider ("" : category)
  std::string action;             // "" : the status category's
  model::Date effective, retired;
};

// Why a patient owes an amount a payer put under group PR, in words for a statement
// (codes/patient_wording.json).
struct PatientWordingEntry {
  std::string code;      // the CARC, "2"
  std::string words;     // "your coinsurance"
  bool percent = false;  // the words take the coinsurance percentage when it can be computed
};

struct PlaceOfServiceEntry {
  std::string code;  // "11"
  std::string name;
};

// A table of entries keyed by a short code (at most 8 characters); lookups hash the code's
// bytes into one integer, so finding "16" among 400 codes costs one hash probe.
template <typename Entry>
class CodeTable {
 public:
  // False when the code is empty, longer than 8 characters or already present.
  bool add(Entry entry) {
    const auto key = pack(entry.code);
    if (!key || index_.count(*key) != 0) return false;
    index_.emplace(*key, static_cast<std::uint32_t>(entries_.size()));
    entries_.push_back(std::move(entry));
    return true;
  }
  const Entry* find(std::string_view code) const {
    const auto key = pack(code);
    if (!key) return nullptr;
    const auto it = index_.find(*key);
    return it == index_.end() ? nullptr : &entries_[it->second];
  }
  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>& mutable_entries() { return entries_; }
  std::size_t size() const { return entries_.size(); }

 private:
  static std::optional<std::uint64_t> pack(std::string_view code) {
    if (code.empty() || code.size() > 8) return std::nullopt;
    std::uint64_t key = 0;
    for (char c : code) key = (key << 8) | static_cast<unsigned char>(c);
    return key;
  }
  std::vector<Entry> entries_;
  std::unordered_map<std::uint64_t, std::uint32_t> index_;
};

struct CodeTables {
  CodeTable<CarcEntry> carc;
  CodeTable<RarcEntry> rarc;
  CodeTable<ClaimStatusEntry> claim_status;
  CodeTable<GroupEntry> groups;
  CodeTable<PlaceOfServiceEntry> places_of_service;
  CodeTable<StcCategoryEntry> stc_categories;
  CodeTable<StcStatusEntry> stc_statuses;
  CodeTable<PatientWordingEntry> patient_wording;
  std::string patient_wording_fallback;  // for a PR code in neither patient_wording nor carc
  int patient_wording_version = 0;
};

}  // namespace clearhouse::rules
