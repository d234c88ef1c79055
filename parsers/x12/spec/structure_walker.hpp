#pragma once
// The structure walker: a step function over one transaction set's segments. Given the
// immutable spec and its own state (a stack of open loops with their cursors and repeat
// counts), each step places the next segment in its loop and reports what that implied:
// loops opened and closed, required segments or loops skipped, repeats over their maximum,
// not-used segments, or a segment that fits nowhere. The spec is never written to.

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include "parsers/x12/segment.hpp"
#include "parsers/x12/spec/transaction_spec.hpp"

namespace clearhouse::x12::spec {

enum class StructureEventKind : std::uint8_t {
  loop_opened,      // loop: the loop just entered (its entry segment is this segment)
  loop_closed,      // loop: a loop instance ended (before this segment was placed)
  missing,          // node: a required segment or loop that never appeared in its loop
  over_max,         // node: segment over its max use, or loop over its repeat
  not_used,         // node: a segment (or loop) the guide marks not used
  unrecognized,     // the segment id is not in this transaction set
  out_of_order,     // the segment belongs earlier in the current loop
  unexpected,       // the segment is in the transaction set but not here
};

struct StructureEvent {
  StructureEventKind kind;
  const NodeSpec* node = nullptr;  // missing, over_max, not_used
  const LoopSpec* loop = nullptr;  // loop the node belongs to / the loop opened or closed
};

struct StepResult {
  const SegmentSpec* segment = nullptr;  // the spec the segment matched; nullptr if none
  const LoopSpec* loop = nullptr;        // innermost open loop after the step
  std::uint32_t key = 0;                 // segment_key of the segment's id, for the caller's context
};

class StructureWalker {
 public:
  explicit StructureWalker(const TransactionSpec& spec);

  // Starts a transaction set (after ST).
  void start();
  // Places one body segment. Events are valid until the next call.
  StepResult step(const Segment& segment);
  // Ends the transaction set (at SE): closes every open loop, reporting what is missing.
  void finish();

  const std::vector<StructureEvent>& events() const { return events_; }
  const LoopSpec* current_loop() const { return depth_ == 0 ? nullptr : frames_[depth_ - 1].loop; }
  // "2000A/2000B/2300" for the open loops (the body is not named).
  std::string loop_path() const;

 private:
  // A frame's state is an interned id of the whole stack up to it (each frame's loop and
  // cursor), so that where a segment goes can be remembered per state: the search outwards
  // through the open loops depends on nothing else than that stack, the segment id and the
  // qualifier the candidates read (never on repeat counts).
  struct Frame {
    const LoopSpec* loop = nullptr;
    int cursor = -1;                  // index of the last child placed; -1 before any
    std::uint32_t state = 0;          // the stack up to this frame (kNoState: not interned)
    std::vector<std::uint32_t> counts;  // per child: segment uses / loop instances
  };
  static constexpr std::uint32_t kNoState = 0;
  // Where the search put a segment: frame depth and child index (index -1: nowhere).
  struct Placement {
    std::size_t depth = 0;
    int index = -1;
  };
  // What a search read of the segment besides its id: the one qualifier position it looked at
  // (element 0: none), or memorable false when its result depends on more than that.
  struct SearchReads {
    std::uint8_t element = 0, component = 0;
    bool memorable = true;
  };
  // A remembered search: in state `state`, a segment with id `key` (and, when `element` is
  // set, one of the qualifiers below) goes to depth/index; next is the frame's state after it,
  // child the state of the loop it opens (kNoState when it opens none).
  struct Transition {
    static constexpr int kWays = 8;
    std::uint32_t state = kNoState, key = 0;
    std::uint8_t element = 0, component = 0, ways = 0;
    struct Way {
      std::uint64_t qualifier = 0;
      std::uint32_t next = kNoState, child = kNoState;
      const NodeSpec* node = nullptr;  // the child placed
      std::uint16_t depth = 0;
      std::int16_t index = -1;
      bool regroup = false;  // it lies in another position group than the frame's cursor
    };
    std::array<Way, kWays> way{};
  };
  struct StateKey {
    std::uint32_t parent;
    const LoopSpec* loop;
    int cursor;
    bool operator==(const StateKey&) const = default;
  };
  struct StateKeyHash {
    std::size_t operator()(const StateKey& k) const {
      return std::hash<const void*>{}(k.loop) ^ (std::size_t{k.parent} * 0x9E3779B97F4A7C15ull) ^
             (static_cast<std::size_t>(k.cursor + 1) << 40);
    }
  };

  // The search outwards from the innermost open loop, as the guide's nesting says.
  Placement search(const Segment& segment, std::uint32_t key, SearchReads& reads) const;
  bool matches(const SegmentSpec& s, const Segment& segment, std::uint32_t key) const;
  // The value of a qualifier element (or its component; the first repetition decides).
  // Inline for a whole element, the common case (NM101, REF01, DTM01).
  static std::string_view qualifier_value(const Segment& segment, std::uint8_t element, std::uint8_t component) {
    return component == 0 ? segment[element] : component_qualifier(segment, element, component);
  }
  static std::string_view component_qualifier(const Segment& segment, std::uint8_t element, std::uint8_t component);
  // The id of the stack `parent` extended by a frame of loop at cursor.
  std::uint32_t state_of(std::uint32_t parent, const LoopSpec* loop, int cursor);
  std::uint32_t parent_state(std::size_t depth) const { return depth == 0 ? kNoState : frames_[depth - 1].state; }
  void push(const LoopSpec* loop, int cursor, std::uint32_t state);
  // Puts node (child index of the top frame f) in place: cursor, state, count, its events.
  void place(Frame& f, const NodeSpec& node, int index, std::uint32_t next, std::uint32_t child);
  void close_top();
  // Reports required children with no occurrence in groups [from_group, to_group).
  void report_missing(const Frame& f, int from_group, int to_group);
  int group_of(const Frame& f, int index) const;
  int first_of_group(const Frame& f, int index) const;
  void classify_unplaced(std::uint32_t key);
  int choose_variant(const Frame& f, int index, const Segment& segment, std::uint32_t key) const;
  static bool fits(const SegmentSpec& s, const Segment& segment);

  const TransactionSpec& spec_;
  std::vector<Frame> frames_;  // frames_[0] is the body; reused, never shrunk
  std::size_t depth_ = 0;      // frames in use
  std::vector<StructureEvent> events_;
  std::unordered_map<StateKey, std::uint32_t, StateKeyHash> states_;  // interned stacks, ids from 1
  std::vector<Transition> transitions_;  // direct-mapped by (state, key)
};

}  // namespace clearhouse::x12::spec
