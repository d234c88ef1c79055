#pragma once
// The segment being validated, as the rules see it: the segment, the spec it matched, where
// it is (transaction position, loop) and which claim it belongs to.

#include <cstdint>
#include <string_view>

#include "parsers/x12/segment.hpp"
#include "parsers/x12/spec/finding_sink.hpp"
#include "parsers/x12/spec/transaction_spec.hpp"

namespace clearhouse::x12::spec {

struct SegmentContext {
  const Segment& segment;
  const SegmentSpec* spec = nullptr;  // nullptr when the segment fits nowhere
  std::uint64_t position = 0;         // in the transaction set, ST = 1
  std::string_view loop_id;           // innermost loop ("" at the header)
  std::string_view claim_id;          // CLM01 of the open claim, if any
  std::uint32_t key = segment_key(segment.id());  // the segment id as an integer

  bool is(std::uint32_t id_key) const { return key == id_key; }

  SegmentRef ref() const {
    SegmentRef r;
    ref_into(r);
    return r;
  }
  // ref() into a SegmentRef kept by a rule (the open claim, line, payment): its strings' storage
  // is reused instead of building a new one per segment.
  void ref_into(SegmentRef& r) const {
    r.id.assign(segment.id());
    r.position = position;
    r.file_segment = segment.ordinal();
    r.offset = segment.offset();
    r.loop_id.assign(loop_id);
    r.claim_id.assign(claim_id);
  }
  const ElementSpec* element(std::size_t pos) const {
    return spec != nullptr && pos >= 1 && pos <= spec->elements.size() ? &spec->elements[pos - 1] : nullptr;
  }
};

inline ElementRef element_ref(const SegmentContext& ctx, int element, int component = 0) {
  ElementRef r;
  r.element = element;
  r.component = component;
  if (const ElementSpec* e = ctx.element(static_cast<std::size_t>(element))) {
    if (component > 0 && static_cast<std::size_t>(component) <= e->components.size())
      r.data_element = e->components[static_cast<std::size_t>(component - 1)].data_element;
    else
      r.data_element = e->data_element;
  }
  return r;
}

}  // namespace clearhouse::x12::spec
