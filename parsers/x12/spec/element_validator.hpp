#pragma once
// Checks one segment's elements against its spec: usage (required, not used), repetitions,
// composites, data types and lengths, characters, code lists, dates and times, patterns and
// the X12 syntax rules (P, R, C, E, L). Each problem is an ElementProblem carrying the 999
// IK4 code; the views it holds are valid until the reader moves on.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "parsers/x12/segment.hpp"
#include "parsers/x12/spec/transaction_spec.hpp"

namespace clearhouse::x12::spec {

struct ElementProblem {
  int element = 0;
  int component = 0;
  int repetition = 0;
  const ElementSpec* spec = nullptr;  // the element (or component) in error; nullptr for "too many"
  const char* code = "";              // IK403
  std::string_view value;             // the offending value (may be PHI: callers decide)
  const char* what = "";              // short reason for the message
};

class ElementValidator {
 public:
  // Appends the problems of segment (matched to spec) to out.
  void validate(const Segment& segment, const SegmentSpec& spec, std::vector<ElementProblem>& out) const;

  // Checks a simple value against its element spec; returns the IK403 code or nullptr.
  static const char* check_value(std::string_view value, const ElementSpec& e, const char** what);
  // check_value for a value already known to hold only printable characters.
  static const char* check_printable_value(std::string_view value, const ElementSpec& e, const char** what);
  // Validates a date-time period (1251) by its format qualifier (1250): D8, RD8, DT...
  static bool valid_period(std::string_view qualifier, std::string_view value);

 private:
  // check_printable_value's body (defined inline in element_validator.cpp, its one user).
  [[gnu::always_inline]] static inline const char* printable_value(std::string_view value, const ElementSpec& e,
                                                                  const char** what);
  // check_printable_value for every type, dates and times, code tables and patterns included.
  [[gnu::noinline]] static const char* check_typed_value(std::string_view value, const ElementSpec& e, const char** what);
  void check_element(std::string_view value, const ElementSpec& e, const Delimiters& d, int pos,
                     std::vector<ElementProblem>& out) const;
  // present_bits: bit p set when position p (< 64) holds a value.
  void check_syntax(const Segment& segment, const SegmentSpec& spec, std::uint64_t present_bits,
                    std::vector<ElementProblem>& out) const;
  // Character classes for one pass over a simple value: 0 plain, 1 a separator, 2 not printable.
  void learn_delimiters(const Delimiters& d) const;
  // True when the segment (without its terminator) holds no component or repetition separator
  // and only printable characters, so that no element of it needs a look at its characters.
  bool plain_segment(std::string_view raw) const;
  mutable bool raw_ = false;  // the segment is an ISA: no separators inside its fields
  mutable std::array<std::uint8_t, 256> classes_{};
  mutable char component_ = 0, repetition_ = 0;
  mutable bool classes_ready_ = false;
  // Per segment spec (by address, direct-mapped), a presence pattern (bit p: position p holds
  // a value) that passed every syntax rule: the rules are a function of it alone.
  struct CleanSyntax {
    const SegmentSpec* spec = nullptr;
    std::uint64_t present = 0;
  };
  mutable std::array<CleanSyntax, 128> clean_syntax_{};
  CleanSyntax& clean_syntax(const SegmentSpec& spec) const {
    return clean_syntax_[(reinterpret_cast<std::uintptr_t>(&spec) >> 4) % clean_syntax_.size()];
  }
};

// True when the element may carry personal data, so its value is never echoed (IK404, messages).
bool is_sensitive(const ElementSpec& e, std::string_view segment_id);

}  // namespace clearhouse::x12::spec
