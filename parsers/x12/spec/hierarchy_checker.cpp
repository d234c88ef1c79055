#include "parsers/x12/spec/hierarchy_checker.hpp"

namespace clearhouse::x12::spec {
namespace {

// The level an HL's parent must have (the 837P hierarchy); empty: no parent.
std::string_view parent_level(std::string_view level) {
  if (level == "22") return "20";
  if (level == "23") return "22";
  return {};
}

}  // namespace

void HierarchyChecker::start() {
  count_ = 0;
  levels_.clear();
  have_previous_ = false;
}

void HierarchyChecker::check_child_code(bool next_is_child, FindingSink& sink) {
  if (!have_previous_) return;
  ElementRef hl04{4, 0, 0, "736"};
  if (previous_child_code_ == "1" && !next_is_child) {
    sink.element_finding(previous_ref_, hl04, "7", model::SnipLevel::implementation, previous_child_code_,
                         "HL04 says child levels follow, but none does");
  } else if (previous_child_code_ == "0" && next_is_child) {
    sink.element_finding(previous_ref_, hl04, "7", model::SnipLevel::implementation, previous_child_code_,
                         "HL04 says no child level follows, but one does");
  }
}

void HierarchyChecker::on_segment(const SegmentContext& ctx, FindingSink& sink) {
  if (!ctx.is(segment_key("HL"))) return;
  const Segment& s = ctx.segment;
  const std::string id(s[1]), parent(s[2]), level(s[3]);
  ++count_;
  check_child_code(!parent.empty() && parent == previous_id_, sink);
  if (id != std::to_string(count_)) {
    sink.element_finding(ctx.ref(), element_ref(ctx, 1), "7", model::SnipLevel::implementation, id,
                         "HL01 must number the levels 1, 2, 3... (expected " + std::to_string(count_) + ")");
  }
  const std::string_view want = parent_level(level);
  if (!want.empty()) {
    auto it = levels_.find(parent);
    if (parent.empty() || it == levels_.end()) {
      sink.element_finding(ctx.ref(), element_ref(ctx, 2), "7", model::SnipLevel::implementation, parent,
                           "HL02 names no earlier HL");
    } else if (it->second != want) {
      sink.element_finding(ctx.ref(), element_ref(ctx, 2), "7", model::SnipLevel::implementation, parent,
                           "HL02 parent is level " + it->second + ", a level " + level + " needs a level " +
                               std::string(want) + " parent");
    }
  }
  levels_[id] = level;
  have_previous_ = true;
  previous_id_ = id;
  previous_child_code_ = std::string(s[4]);
  previous_ref_ = ctx.ref();
}

void HierarchyChecker::finish(FindingSink& sink) {
  check_child_code(false, sink);
  have_previous_ = false;
}

}  // namespace clearhouse::x12::spec
