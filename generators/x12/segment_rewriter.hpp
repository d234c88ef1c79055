#pragma once
// Writes a parsed segment again, with the writer's delimiters: component and repetition
// separators inside elements are translated, ISA11/ISA16 become the writer's own separators.
// Used to round-trip files and to re-envelope X12 with another delimiter set.

#include <span>
#include <string_view>

#include "engine/model/delimiters.hpp"
#include "generators/x12/x12_writer.hpp"

namespace clearhouse::x12 {

// elements[0] is the segment id. Trailing empty elements are kept, so a segment written with
// the delimiters it was read with comes out byte for byte. Data that contains one of the new
// delimiters is refused through the writer's error().
void rewrite_segment(X12Writer& writer, std::span<const std::string_view> elements, const model::Delimiters& from);

}  // namespace clearhouse::x12
