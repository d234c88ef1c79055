#pragma once
// 837P situational rules of the supplemental segments that no element spec can say: LIN03
// with LIN02 = N4 is an 11-digit NDC (5-4-2, no hyphens); PWK05 (AC) and PWK06, the
// attachment control number, are sent whenever the paperwork travels (PWK02 other than AA,
// "available on request at provider site"). Called by ClaimRules for every segment of a claim.

#include "parsers/x12/spec/segment_context.hpp"

namespace clearhouse::x12::spec {

void check_supplement_segment(const SegmentContext& ctx, FindingSink& sink);

}  // namespace clearhouse::x12::spec
