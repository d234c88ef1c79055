#include "parsers/x12/spec/structure_walker.hpp"

namespace clearhouse::x12::spec {

namespace {
constexpr std::size_t kTransitionSlots = 1024;  // a power of two; an 835 uses a few dozen
}

StructureWalker::StructureWalker(const TransactionSpec& spec) : spec_(spec), transitions_(kTransitionSlots) {
  frames_.reserve(16);
}

void StructureWalker::start() {
  depth_ = 0;
  events_.clear();
  push(spec_.body, -1, state_of(kNoState, spec_.body, -1));
}

std::uint32_t StructureWalker::state_of(std::uint32_t parent, const LoopSpec* loop, int cursor) {
  const auto [it, added] = states_.try_emplace(StateKey{parent, loop, cursor}, static_cast<std::uint32_t>(states_.size() + 1));
  return it->second;
}

void StructureWalker::push(const LoopSpec* loop, int cursor, std::uint32_t state) {
  if (depth_ == frames_.size()) frames_.emplace_back();
  Frame& f = frames_[depth_++];
  f.loop = loop;
  f.cursor = cursor;
  f.state = state;
  f.counts.assign(loop->children.size(), 0);
  if (cursor >= 0) f.counts[static_cast<std::size_t>(cursor)] = 1;
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

std::string_view StructureWalker::component_qualifier(const Segment& segment, std::uint8_t element, std::uint8_t component) {
  std::string_view v = segment[element];
  const Delimiters& d = segment.delimiters();
  if (d.has_repetition()) v = nth_part(v, d.repetition, 1);  // CTX01 repeats: the first one decides
  return nth_part(v, d.component, component);
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

StructureWalker::Placement StructureWalker::search(const Segment& segment, std::uint32_t key, SearchReads& reads) const {
  // Search from the innermost loop outwards; nothing changes until a place is found.
  // The qualifier the packed candidates of a frame look at: read once for all of them.
  std::uint64_t qualifier = 0;
  for (std::size_t d = depth_; d-- > 0;) {
    const Frame& f = frames_[d];
    const auto* candidates = f.loop->children_with(key);
    if (candidates == nullptr) continue;
    const bool is_body = d == 0;
    const int start = first_of_group(f, f.cursor);
    if (candidates->packed) {
      if (candidates->element != 0 && (reads.element != candidates->element || reads.component != candidates->component)) {
        if (reads.element != 0) reads.memorable = false;  // a second qualifier position
        reads.element = candidates->element;
        reads.component = candidates->component;
        qualifier = pack_code(qualifier_value(segment, reads.element, reads.component));
      }
      for (const auto& c : candidates->by_code) {
        const int i = c.index;
        if (i < start || (!is_body && i == 0)) continue;  // a loop's entry repeats it: one level up
        if (c.code == kAnyQualifier || c.code == qualifier) return {d, i};
      }
      continue;
    }
    reads.memorable = false;  // each candidate reads its own qualifier
    for (std::uint16_t index : candidates->indexes) {
      const int i = index;
      if (i < start || (!is_body && i == 0)) continue;  // a loop's entry repeats it: one level up
      if (matches(f.loop->children[index].entry(), segment, key)) return {d, i};
    }
  }
  return {};
}

StepResult StructureWalker::step(const Segment& segment) {
  events_.clear();
  const std::uint32_t key = segment_key(segment.id());
  const std::uint32_t state = frames_[depth_ - 1].state;
  Transition& memo =
      transitions_[((state * 0x9E3779B1u) ^ (key * 0x85EBCA77u)) >> 22 & (kTransitionSlots - 1)];
  // The remembered search for this stack, id and qualifier, if there is one.
  const Transition::Way* way = nullptr;
  std::uint64_t qualifier = 0;
  const bool known = memo.state == state && memo.key == key;
  if (known) {
    if (memo.element != 0) qualifier = pack_code(qualifier_value(segment, memo.element, memo.component));
    for (int w = 0; w < memo.ways; ++w) {
      if (memo.way[static_cast<std::size_t>(w)].qualifier == qualifier) {
        way = &memo.way[static_cast<std::size_t>(w)];
        break;
      }
    }
  }
  if (way != nullptr) [[likely]] {
    // Everything the stack decides is remembered: the frames to close, whether the position
    // group changes, the node and the states after it. Repeat counts are this set's own.
    while (depth_ - 1 > way->depth) close_top();
    Frame& f = frames_[depth_ - 1];
    if (way->regroup) report_missing(f, f.cursor < 0 ? 0 : group_of(f, f.cursor), group_of(f, way->index));
    place(f, *way->node, way->index, way->next, way->child);
    return {&way->node->entry(), current_loop(), key};
  }
  SearchReads reads;
  const Placement found = search(segment, key, reads);
  if (found.index < 0) {
    classify_unplaced(key);
    return {nullptr, current_loop(), key};
  }
  // Remember it when it read at most one qualifier position, the same one as the search
  // remembered for this stack and id before (a new stack and id starts afresh).
  if (!known) memo = Transition{state, key, reads.element, reads.component, 0, {}};
  bool remember = reads.memorable && memo.ways < Transition::kWays && reads.element == memo.element &&
                  reads.component == memo.component;
  if (remember && reads.element != 0 && !known) qualifier = pack_code(qualifier_value(segment, reads.element, reads.component));
  const std::size_t found_depth = found.depth;
  int found_index = found.index;
  // Only a node with a twin at its position can be a variant (choose_variant's own first test);
  // which one is taken depends on repeat counts, so it is never remembered.
  if (frames_[found_depth].loop->children[static_cast<std::size_t>(found_index)].has_twin) {
    found_index = choose_variant(frames_[found_depth], found_index, segment, key);
    remember = false;
  }
  while (depth_ - 1 > found_depth) close_top();
  Frame& f = frames_[depth_ - 1];
  const bool regroup = group_of(f, f.cursor) != group_of(f, found_index);
  if (regroup) report_missing(f, f.cursor < 0 ? 0 : group_of(f, f.cursor), group_of(f, found_index));
  const NodeSpec& node = f.loop->children[static_cast<std::size_t>(found_index)];
  const std::uint32_t next = state_of(parent_state(depth_ - 1), f.loop, found_index);
  const std::uint32_t child = node.is_loop() ? state_of(next, node.loop, 0) : kNoState;
  if (remember) {
    auto& w = memo.way[memo.ways++];
    w.qualifier = qualifier;
    w.depth = static_cast<std::uint16_t>(found_depth);
    w.index = static_cast<std::int16_t>(found_index);
    w.next = next;
    w.child = child;
    w.node = &node;
    w.regroup = regroup;
  }
  place(f, node, found_index, next, child);
  return {&node.entry(), current_loop(), key};
}

void StructureWalker::place(Frame& f, const NodeSpec& node, int index, std::uint32_t next, std::uint32_t child) {
  f.cursor = index;
  f.state = next;
  const std::uint32_t count = ++f.counts[static_cast<std::size_t>(index)];
  if (node.max != 0 && count > node.max) events_.push_back({StructureEventKind::over_max, &node, f.loop});
  if (node.usage == Usage::not_used) events_.push_back({StructureEventKind::not_used, &node, f.loop});
  if (node.is_loop()) {
    push(node.loop, 0, child);
    events_.push_back({StructureEventKind::loop_opened, nullptr, node.loop});
  }
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
