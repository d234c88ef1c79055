#pragma once
// Categories from CARC (+RARC): what an adjustment means for a biller. A PR adjustment is the
// patient's to pay; any other group takes its category, action and appealability from the CARC
// table, refined by the first categorised remark code when the CARC is generic (16, 96, A1,
// 234, ...), and loses appeal rights when a remark code says so (MA130, N211). An unknown CARC
// falls in the default bucket "other" (the unknown_codes rule reports it, with the raw code).

#include <span>
#include <string>
#include <string_view>

#include "engine/model/adjustment.hpp"
#include "engine/rules/code_tables.hpp"
#include "engine/rules/rules_config.hpp"

namespace clearhouse::rules {

struct AdjustmentCategory {
  std::string_view category;     // a category id of rules.json
  std::string_view action;       // an action key
  bool appealable = false;
  bool denial = false;           // a denial (worked) rather than an expected reduction
  const CarcEntry* carc = nullptr;  // null when the CARC is unknown
  const RarcEntry* rarc = nullptr;  // the remark code that refined it, if any
};

// rarcs: the remark codes that apply (the line's LQ*HE, then the claim's MIA/MOA).
AdjustmentCategory classify_adjustment(const model::Adjustment& adjustment, std::span<const std::string> line_rarcs,
                                       std::span<const std::string> claim_rarcs, const RulesConfig& config);
// The same for a bare CARC (no group), as a denied claim's reason is classified.
AdjustmentCategory classify_reason(std::string_view carc, std::span<const std::string> line_rarcs,
                                   std::span<const std::string> claim_rarcs, const RulesConfig& config);

}  // namespace clearhouse::rules
