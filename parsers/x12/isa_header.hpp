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

// True for a byte that can be an element separator: not a letter, digit, blank or line break.
bool usable_element_separator(char c);

// A byte read past between segments and before the ISA: blanks, line breaks, NBSP (0xA0).
inline bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' || c == '\xA0';
}

// Reads an ISA at the start of text. `at_end` says text holds everything left of the input,
// so that a short header is reported as truncated rather than asked to be extended.
IsaReadResult read_isa(std::string_view text, bool at_end);

// The most bytes read_isa looks at before giving up on finding 16 element separators.
inline constexpr std::size_t kIsaSearchLimit = 512;

// Where the first interchange starts in input that does not begin with one (a mainframe
// "$$ADD ID=... BID=..." line, a mailbox banner or pages of prose before the ISA). A start is
// "ISA" followed by a usable element separator and a readable header (16 separators and a
// terminator within kIsaSearchLimit bytes, usable delimiters) whose ISA12 (version) and ISA13
// (control number) are digits. What comes before "ISA" does not matter (a header on the same
// line, "VISA"); "ISA is", "ISA: yes" or "VISA/MC/AMEX" in prose are never readable headers.
struct InterchangeSearch {
  static constexpr std::size_t npos = std::string_view::npos;
  enum class Status {
    found,      // `at` is where the ISA starts
    need_more,  // the candidate at `at` needs more bytes (or the end of input) to be decided
    none,       // no start in text (but the last 2 bytes may begin one)
  };
  Status status = Status::none;
  std::size_t at = 0;                // found: the ISA; otherwise the bytes before `at` may be dropped
  std::size_t rejected_at = npos;    // the first "ISA" + separator that is not a readable header
  std::string rejected_problem;      // why (for the error when no interchange is found at all)
};

// Searches text for the first interchange start. `at_end` says text holds everything left of
// the input. Reading in chunks, keep the bytes from `at` on, append more and search again.
InterchangeSearch find_interchange(std::string_view text, bool at_end);

}  // namespace clearhouse::x12
