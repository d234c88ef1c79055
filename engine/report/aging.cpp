#include "engine/report/aging.hpp"

#include <algorithm>

namespace clearhouse::report {

std::vector<AgingLine> empty_aging(const rules::RulesConfig& config) {
  std::vector<AgingLine> out;
  for (const auto& b : config.aging_buckets) out.push_back(AgingLine{b.label, 0, {}});
  if (out.empty()) out.push_back(AgingLine{"all", 0, {}});
  return out;
}

void age_into(std::vector<AgingLine>& aging, const rules::RulesConfig& config, int days, model::Money amount) {
  auto& bucket = aging[std::min(config.aging_bucket_index(days), aging.size() - 1)];
  ++bucket.claims;
  bucket.amount += amount;
}

}  // namespace clearhouse::report
