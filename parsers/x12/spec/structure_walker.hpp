#pragma once
// The structure walker: a step function over one transaction set's segments. Given the
// immutable spec and its own state (a stack of open loops with their cursors and repeat
// counts), each step places the next segment in its loop and reports what that implied:
// loops opened and closed, required segments or loops skipped, repeats over their maximum,
// not-used segments, or a segment that fits nowhere. The spec is never written to.

#include <cstdint>
#include <string>
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
  struct Frame {
    const LoopSpec* loop = nullptr;
    int cursor = -1;                  // index of the last child placed; -1 before any
    std::vector<std::uint32_t> counts;  // per child: segment uses / loop instances
  };

  bool matches(const SegmentSpec& s, const Segment& segment, std::uint32_t key) const;
  // The value of a qualifier element (or its component; the first repetition decides).
  static std::string_view qualifier_value(const Segment& segment, std::uint8_t element, std::uint8_t component);
  void push(const LoopSpec* loop);
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
};

}  // namespace clearhouse::x12::spec
