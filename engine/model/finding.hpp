#pragma once
// A finding: something a biller must know about a remittance, a claim or a line — it does not
// balance, it matches nothing, a value is malformed, a reversal has no original. Readers,
// reconciliation and the rules pipeline all produce them; the worklist is built from them.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/finding_severity.hpp"
#include "engine/model/input_location.hpp"
#include "engine/model/money.hpp"

namespace clearhouse::model {

// Categories used by posting; the rules pipeline adds its own (denial categories by CARC).
namespace finding_category {
inline constexpr std::string_view unbalanced = "unbalanced";
inline constexpr std::string_view unmatched = "unmatched";
inline constexpr std::string_view malformed = "malformed";
inline constexpr std::string_view duplicate = "duplicate";
inline constexpr std::string_view reversal = "reversal";
}  // namespace finding_category

struct Finding {
  std::string rule;                 // stable id of what found it, e.g. "balance.claim", "read.invalid_value"
  std::string category;             // see finding_category
  FindingSeverity severity = FindingSeverity::error;
  std::string claim_id;             // CLP01 / submitted claim id; empty for remittance-level findings
  int line_number = 0;              // 1-based service line within the claim payment; 0 = claim level
  std::string line_control_number;  // REF*6R of that line, when known
  std::string payer_id;
  std::string trace_number;         // TRN02 of the remittance
  std::vector<std::string> carc;    // claim adjustment reason codes involved
  std::vector<std::string> rarc;    // remittance advice remark codes involved
  Money amount;                     // cents at stake; for balancing, the cents it is off by
  std::string message;              // plain language, no PHI
  std::string action;               // suggested next step
  InputLocation location;

  bool is_error() const { return severity == FindingSeverity::error; }
};

}  // namespace clearhouse::model
