#include "engine/rules/adjustment_category.hpp"

namespace clearhouse::rules {
namespace {

constexpr std::string_view kPatient = "patient_responsibility";
constexpr std::string_view kOther = "other";

template <typename F>
void each_rarc(std::span<const std::string> line_rarcs, std::span<const std::string> claim_rarcs, F&& f) {
  for (const auto& r : line_rarcs) f(r);
  for (const auto& r : claim_rarcs) f(r);
}

}  // namespace

AdjustmentCategory classify_reason(std::string_view carc, std::span<const std::string> line_rarcs,
                                   std::span<const std::string> claim_rarcs, const RulesConfig& config) {
  AdjustmentCategory out;
  out.carc = config.codes.carc.find(carc);
  if (out.carc == nullptr) {
    const auto& other = config.category(kOther);
    out.category = other.id;
    out.action = other.action;
    out.appealable = true;
    out.denial = true;
  } else {
    out.category = out.carc->category;
    out.action = out.carc->action;
    out.appealable = out.carc->appealable;
  }
  const bool refine = out.carc == nullptr || out.carc->refine_with_rarc;
  each_rarc(line_rarcs, claim_rarcs, [&](const std::string& code) {
    const RarcEntry* r = config.codes.rarc.find(code);
    if (r == nullptr) return;
    if (refine && out.rarc == nullptr && !r->category.empty()) {
      out.rarc = r;
      out.category = r->category;
      if (!r->action.empty()) out.action = r->action;
    }
    if (r->appealable) out.appealable = out.appealable && *r->appealable;
  });
  if (out.carc != nullptr && out.carc->denial && out.rarc == nullptr) {
    out.denial = *out.carc->denial;
  } else if (out.rarc != nullptr || out.carc != nullptr) {
    const CategoryConfig* cat = out.rarc != nullptr ? out.rarc->category_config : out.carc->category_config;
    out.denial = cat != nullptr ? cat->denial : config.category(out.category).denial;
  }
  return out;
}

AdjustmentCategory classify_adjustment(const model::Adjustment& a, std::span<const std::string> line_rarcs,
                                       std::span<const std::string> claim_rarcs, const RulesConfig& config) {
  if (a.group == model::AdjustmentGroup::patient) {
    AdjustmentCategory out;
    out.carc = config.codes.carc.find(a.reason);
    const auto& cat = config.category(kPatient);
    out.category = cat.id;
    out.action = cat.action;
    out.denial = false;
    return out;
  }
  return classify_reason(a.reason, line_rarcs, claim_rarcs, config);
}

}  // namespace clearhouse::rules
