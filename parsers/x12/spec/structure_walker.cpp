#include "parsers/x12/spec/structure_walker.hpp"

namespace clearhouse::x12::spec {

StructureWalker::StructureWalker(const TransactionSpec& spec) : spec_(spec) { frames_.reserve(16); }

void StructureWalker::start() {
  depth_ = 0;
  events_.clear();
  push(spec_.body);
}

void StructureWalker::push(const LoopSpec* loop) {
  if (depth_ == frames_.size()) frames_.emplace_back();
  Frame& f = frames_[depth_++];
  f.loop = loop;
  f.cursor = -1;
  f.counts.assign(loop->children.size(), 0);
}

int StructureWalker::group_of(const Frame& f, int index) const {
  return index < 0 ? -1 : f.loop->children[static_cast<std::size_t>(index)].group;
}

int StructureWalker::first_of_group(const Frame& f, int index) const {
  if (index < 0) return 0;
  const auto& c = f.loop->children;
  while (index > 0 && c[static_cast<std::size_t>(index - 1)].group == c[static_cast<std::size_t>(index)].group) --index;
  return index;
}

std::string_view StructureWalker::qualifier_value(const Segment& segment, std::uint8_t element, std::uint8_t component) {
  std::string_view v = segment[element];
  if (component != 0) {
    const Delimiters& d = segment.delimiters();
    if (d.has_repetition()) v = nth_part(v, d.repetition, 1);  // CTX01 repeats: the first one decides
    v = nth_part(v, d.component, component);
  }
  return v;
}

bool StructureWalker::matches(const SegmentSpec& s, const Segment& segment, std::uint32_t key) const {
  if (s.key != key) return false;
  if (s.match.element == 0) return true;
  const std::string_view v = qualifier_value(segment, s.match.element, s.match.component);
  for (const auto& code : s.match.codes)
    if (same_code(code, v)) return true;
  return false;
}

void StructureWalker::report_missing(const Frame& f, int from_group, int to_group) {
  // Required children are few: walk only those, in group order.
  const auto& children = f.loop->children;
  for (std::uint16_t i : f.loop->required_children) {
    const NodeSpec& n = children[i];
    if (n.group < from_group) continue;
    if (to_group >= 0 && n.group >= to_group) break;
    if (f.counts[i] == 0) events_.push_back({StructureEventKind::missing, &n, f.loop});
  }
}

void StructureWalker::close_top() {
  Frame& f = frames_[depth_ - 1];
  report_missing(f, f.cursor < 0 ? 0 : group_of(f, f.cursor), -1);
  if (depth_ > 1) events_.push_back({StructureEventKind::loop_closed, nullptr, f.loop});
  --depth_;
}

StepResult StructureWalker::step(const Segment& segment) {
  events_.clear();
  const std::uint32_t key = segment_key(segment.id());
  // Search from the innermost loop outwards; nothing changes until a place is found.
  std::size_t found_depth = 0;
  int found_index = -1;
  // The qualifier the packed candidates of a frame look at: read once for all of them.
  std::uint8_t qualifier_element = 0, qualifier_component = 0;
  std::uint64_t qualifier = 0;
  for (std::size_t d = depth_; d-- > 0 && found_index < 0;) {
    const Frame& f = frames_[d];
    const auto* candidates = f.loop->children_with(key);
    if (candidates == nullptr) continue;
    const bool is_body = d == 0;
    const int start = first_of_group(f, f.cursor);
    if (candidates->packed) {
      if (candidates->element != 0 &&
          (qualifier_element != candidates->element || qualifier_component != candidates->component)) {
        qualifier_element = candidates->element;
        qualifier_component = candidates->component;
        qualifier = pack_code(qualifier_value(segment, qualifier_element, qualifier_component));
      }
      for (const auto& c : candidates->by_code) {
        const int i = c.index;
        if (i < start || (!is_body && i == 0)) continue;  // a loop's entry repeats it: one level up
        if (c.code == kAnyQualifier || c.code == qualifier) {
          found_depth = d;
          found_index = i;
          break;
        }
      }
      continue;
    }
    for (std::uint16_t index : candidates->indexes) {
      const int i = index;
      if (i < start || (!is_body && i == 0)) continue;  // a loop's entry repeats it: one level up
      if (matches(f.loop->children[index].entry(), segment, key)) {
        found_depth = d;
        found_index = i;
        break;
      }
    }
  }
  if (found_index < 0) {
    classify_unplaced(key);
    return {nullptr, current_loop()};
  }
  // Only a node with a twin at its position can be a variant (choose_variant's own first test).
  if (frames_[found_depth].loop->children[static_cast<std::size_t>(found_index)].has_twin)
    found_index = choose_variant(frames_[found_depth], found_index, segment, key);
  while (depth_ - 1 > found_depth) close_top();
  Frame& f = frames_[depth_ - 1];
  if (group_of(f, f.cursor) != group_of(f, found_index))
    report_missing(f, f.cursor < 0 ? 0 : group_of(f, f.cursor), group_of(f, found_index));
  const NodeSpec& node = f.loop->children[static_cast<std::size_t>(found_index)];
  f.cursor = found_index;
  const std::uint32_t count = ++f.counts[static_cast<std::size_t>(found_index)];
  if (node.max != 0 && count > node.max) events_.push_back({StructureEventKind::over_max, &node, f.loop});
  if (node.usage == Usage::not_used) events_.push_back({StructureEventKind::not_used, &node, f.loop});
  if (node.is_loop()) {
    push(node.loop);
    Frame& child = frames_[depth_ - 1];
    child.cursor = 0;
    child.counts[0] = 1;
    events_.push_back({StructureEventKind::loop_opened, nullptr, node.loop});
  }
  return {&node.entry(), current_loop()};
}

bool StructureWalker::fits(const SegmentSpec& s, const Segment& segment) {
  const Delimiters& d = segment.delimiters();
  for (std::size_t i = 0; i < s.elements.size(); ++i) {
    const ElementSpec& e = s.elements[i];
    const std::string_view v = segment[i + 1];
    if (v.empty()) continue;
    if (!e.is_composite()) {
      if (!e.codes.empty() && !e.allows(v)) return false;
      continue;
    }
    for (std::size_t k = 0; k < e.components.size(); ++k) {
      const ElementSpec& c = e.components[k];
      const std::string_view part = nth_part(v, d.component, k + 1);
      if (!part.empty() && !c.codes.empty() && !c.allows(part)) return false;
    }
  }
  return true;
}

int StructureWalker::choose_variant(const Frame& f, int index, const Segment& segment, std::uint32_t key) const {
  // Variants of one segment at one position that the qualifier alone cannot tell apart (two
  // PWK*CT in 2400): take the first whose codes fit and whose max use is not used up.
  const auto& children = f.loop->children;
  if (!children[static_cast<std::size_t>(index)].has_twin) return index;
  const int group = group_of(f, index);
  bool ambiguous = false;
  for (int j = index + 1; j < static_cast<int>(children.size()) && children[static_cast<std::size_t>(j)].group == group; ++j)
    if (children[static_cast<std::size_t>(j)].entry_key == key && matches(children[static_cast<std::size_t>(j)].entry(), segment, key))
      ambiguous = true;
  if (!ambiguous) return index;
  int first_fit = -1;
  for (int j = index; j < static_cast<int>(children.size()) && children[static_cast<std::size_t>(j)].group == group; ++j) {
    const NodeSpec& n = children[static_cast<std::size_t>(j)];
    if (j != index && !matches(n.entry(), segment, key)) continue;
    if (!fits(n.entry(), segment)) continue;
    if (first_fit < 0) first_fit = j;
    if (n.max == 0 || f.counts[static_cast<std::size_t>(j)] < n.max) return j;
  }
  return first_fit >= 0 ? first_fit : index;
}

void StructureWalker::classify_unplaced(std::uint32_t key) {
  if (spec_.segment_ids.count(key) == 0) {
    events_.push_back({StructureEventKind::unrecognized, nullptr, current_loop()});
    return;
  }
  // A segment of the current loop that was already passed: out of sequence.
  const Frame& f = frames_[depth_ - 1];
  const int start = first_of_group(f, f.cursor);
  for (int i = 0; i < start; ++i) {
    if (f.loop->children[static_cast<std::size_t>(i)].entry().key == key) {
      events_.push_back({StructureEventKind::out_of_order, nullptr, current_loop()});
      return;
    }
  }
  events_.push_back({StructureEventKind::unexpected, nullptr, current_loop()});
}

void StructureWalker::finish() {
  events_.clear();
  while (depth_ > 0) close_top();
}

std::string StructureWalker::loop_path() const {
  std::string path;
  for (std::size_t d = 1; d < depth_; ++d) {
    if (!path.empty()) path += '/';
    path += frames_[d].loop->id;
  }
  return path;
}

}  // namespace clearhouse::x12::spec
