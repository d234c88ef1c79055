#include "parsers/x12/spec/hierarchy_checker.hpp"

#include <algorithm>

namespace clearhouse::x12::spec {

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

void HierarchyChecker::on_hl(const SegmentContext& ctx, FindingSink& sink) {
  const Segment& s = ctx.segment;
  const std::string id(s[1]), parent(s[2]), level(s[3]);
  ++count_;
  check_child_code(!parent.empty() && parent == previous_id_, sink);
  if (id != std::to_string(count_)) {
    sink.element_finding(ctx.ref(), element_ref(ctx, 1), "7", model::SnipLevel::implementation, id,
                         "HL01 must number the levels 1, 2, 3... (expected " + std::to_string(count_) + ")");
  }
  // An HL03 the guide does not know is an element error already; its parent is not checked.
  const HierarchyLevel* want = spec_.level(level);
  if (want != nullptr && !want->parents.empty()) {
    auto it = levels_.find(parent);
    if (parent.empty() || it == levels_.end()) {
      sink.element_finding(ctx.ref(), element_ref(ctx, 2), "7", model::SnipLevel::implementation, parent,
                           "HL02 names no earlier HL");
    } else if (std::find(want->parents.begin(), want->parents.end(), it->second) == want->parents.end()) {
      std::string wanted;
      for (const auto& p : want->parents) wanted += (wanted.empty() ? "" : " or ") + p;
      sink.element_finding(ctx.ref(), element_ref(ctx, 2), "7", model::SnipLevel::implementation, parent,
                           "HL02 parent is level " + it->second + ", a level " + level + " needs a level " +
                               wanted + " parent");
    }
  }
  levels_[id] = level;
  have_previous_ = true;
  previous_id_ = id;
  previous_child_code_ = std::string(s[4]);
  ctx.ref_into(previous_ref_);
}

void HierarchyChecker::finish(FindingSink& sink) {
  check_child_code(false, sink);
  have_previous_ = false;
}

}  // namespace clearhouse::x12::spec
