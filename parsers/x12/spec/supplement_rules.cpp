#include "parsers/x12/spec/supplement_rules.hpp"

#include <string>

#include "engine/codes/ndc.hpp"

namespace clearhouse::x12::spec {

void check_supplement_segment(const SegmentContext& ctx, FindingSink& sink) {
  const Segment& s = ctx.segment;
  if (ctx.is(segment_key("LIN"))) {
    if (s[2] == "N4" && !s[3].empty() && !codes::is_ndc11(s[3]))
      sink.element_finding(ctx.ref(), ElementRef{3, 0, 0, "234"}, "I12", model::SnipLevel::code_set, s[3],
                           "LIN03 NDC " + codes::ndc_problem(s[3]));
    return;
  }
  if (ctx.is(segment_key("PWK"))) {
    const std::string_view transmission = s[2];
    const bool travels = transmission == "BM" || transmission == "EL" || transmission == "EM" ||
                         transmission == "FT" || transmission == "FX";
    if (travels && s[6].empty())
      sink.element_finding(ctx.ref(), ElementRef{6, 0, 0, "67"}, "I9", model::SnipLevel::situational, {},
                           "PWK06 attachment control number (with PWK05 = AC) is required when PWK02 is " +
                               std::string(transmission));
  }
}

}  // namespace clearhouse::x12::spec
