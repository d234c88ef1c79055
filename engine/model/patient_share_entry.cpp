#include "engine/model/patient_share_entry.hpp"

#include <array>
#include <utility>

namespace clearhouse::model {

namespace {
constexpr std::array<std::pair<ShareSource, std::string_view>, 4> kSources = {{
    {ShareSource::remittance, "remittance"},
    {ShareSource::payment, "payment"},
    {ShareSource::adjustment, "adjustment"},
    {ShareSource::reversal, "reversal"},
}};
}  // namespace

std::string_view to_string(ShareSource source) {
  for (const auto& [s, name] : kSources)
    if (s == source) return name;
  return "remittance";
}

std::optional<ShareSource> share_source_from_string(std::string_view text) {
  for (const auto& [s, name] : kSources)
    if (name == text) return s;
  return std::nullopt;
}

}  // namespace clearhouse::model
