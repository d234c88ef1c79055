#pragma once
// The fixed-width ISA header (106 characters) parsed with Spirit X3. Only isa_grammar.cpp
// sees X3; callers get plain strings.

#include <array>
#include <string>
#include <string_view>

namespace clearhouse::x12::grammar {

struct FixedIsa {
  std::array<std::string, 16> fields;  // ISA01..ISA16 exactly as written (padding kept)
  char terminator = 0;                 // the byte after ISA16
};

// Parses "ISA" + separator + the 16 fixed-width fields + terminator at the start of text.
// The element separator is text[3]; every separator must sit at its fixed position.
bool parse_fixed_isa(std::string_view text, FixedIsa& out);

// The fixed width of ISA01..ISA16 (index 0 = ISA01).
inline constexpr std::array<int, 16> kIsaFieldWidths = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
inline constexpr std::size_t kIsaLength = 106;  // "ISA" through the segment terminator

}  // namespace clearhouse::x12::grammar
