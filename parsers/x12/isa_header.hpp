#pragma once
// Reading an interchange header: the delimiters and ISA fields, from the fixed-width layout
// when it is intact and by walking element separators when it is not (a recoverable oddity).

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/x12/delimiters.hpp"

namespace clearhouse::x12 {

struct InterchangeHeader {
  std::array<std::string, 16> fields;  // ISA01..ISA16 as written
  Delimiters delimiters;
  std::size_t length = 0;        // bytes from "ISA" up to and including its terminator
  bool fixed_width = true;       // every field at its fixed width
  bool terminator_on_next_line = false;  // "\n~" convention: see SegmentReader

  const std::string& field(int n) const { return fields[static_cast<std::size_t>(n - 1)]; }  // ISA01 = 1
  std::string_view control_number() const { return field(13); }
  std::string_view version() const { return field(12); }
};

struct IsaFieldProblem {
  int field = 0;          // ISA field number (1-16)
  std::size_t width = 0;  // the width found
};

struct IsaReadResult {
  enum class Status { ok, need_more, not_isa, bad_delimiters };
  Status status = Status::not_isa;
  InterchangeHeader header;
  std::vector<IsaFieldProblem> width_problems;  // empty when fixed_width
  std::string problem;                          // why not ok
};

// Reads an ISA at the start of text. `at_end` says text holds everything left of the input,
// so that a short header is reported as truncated rather than asked to be extended.
IsaReadResult read_isa(std::string_view text, bool at_end);

// The most bytes read_isa looks at before giving up on finding 16 element separators.
inline constexpr std::size_t kIsaSearchLimit = 512;

}  // namespace clearhouse::x12
