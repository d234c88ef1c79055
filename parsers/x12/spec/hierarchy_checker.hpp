#pragma once
// HL numbering and parent links (SNIP 2): HL01 counts 1, 2, 3... within the transaction
// set; HL02 names an earlier HL of the level above, as the spec's loop nesting defines it
// (837P: 22 under 20, 23 under 22; 277CA: 21 under 20, 19 under 21, PT under 19); HL04 says
// truthfully whether child levels follow.

#include <string>
#include <unordered_map>

#include "parsers/x12/spec/segment_context.hpp"

namespace clearhouse::x12::spec {

class HierarchyChecker {
 public:
  explicit HierarchyChecker(const TransactionSpec& spec) : spec_(spec) {}
  void start();
  // Inline: only HL segments go further.
  void on_segment(const SegmentContext& ctx, FindingSink& sink) {
    if (ctx.is(segment_key("HL"))) on_hl(ctx, sink);
  }
  void finish(FindingSink& sink);

 private:
  void on_hl(const SegmentContext& ctx, FindingSink& sink);
  void check_child_code(bool next_is_child, FindingSink& sink);

  const TransactionSpec& spec_;
  std::uint64_t count_ = 0;
  std::unordered_map<std::string, std::string> levels_;  // HL01 -> HL03
  // The previous HL, to check its HL04 once the next one is known.
  bool have_previous_ = false;
  std::string previous_id_, previous_child_code_;
  SegmentRef previous_ref_;
};

}  // namespace clearhouse::x12::spec
