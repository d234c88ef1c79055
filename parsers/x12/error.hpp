#pragma once
// Errors as values for the X12 layer: one flat code enum, an error struct that says where
// (byte offset, segment ordinal, segment id, element, component) and what (expected/found),
// and a Diagnostics sink that keeps a bounded number of them with exact totals.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace clearhouse::x12 {

enum class X12Errc : std::uint8_t {
  no_isa,                    // the input does not start with an ISA interchange header
  isa_truncated,             // the input ends inside the ISA header
  isa_bad_delimiters,        // ISA separators are letters/digits, or two of them are the same byte
  isa_field_width,           // an ISA field is not its fixed width (warning when the header is still readable)
  isa_invalid_field,         // an ISA field value is not allowed (e.g. ISA14 not 0/1)
  bad_encoding,              // not 8-bit text (UTF-16) or binary bytes where a segment should start
  byte_order_mark,           // a UTF-8 byte-order mark before the ISA (warning; skipped)
  text_before_isa,           // text before the first ISA (a $$ADD line, a banner, prose) (warning; skipped)
  bad_segment_id,            // a segment id is not 2-3 upper-case letters/digits starting with a letter
  segment_too_long,          // a segment exceeds the reader's maximum length (no terminator in sight)
  missing_terminator,        // the last segment has no segment terminator
  segment_outside_envelope,  // a segment outside any interchange, group or transaction set
  header_before_trailer,     // ISA/GS/ST opened while the previous one is still open
  trailer_without_header,    // IEA/GE/SE with nothing open to close
  missing_trailer,           // IEA/GE/SE missing (at end of file or before the next header)
  control_number_mismatch,   // ISA13/IEA02, GS06/GE02 or ST02/SE02 differ
  count_mismatch,            // IEA01, GE01 or SE01 disagrees with what was counted
  duplicate_control_number,  // ST02 repeated within one functional group
  ta1_counted_as_group,      // IEA01 counts TA1 segments instead of functional groups (warning)
  terminator_convention,     // the terminator convention needed interpretation (warning)
  invalid_value,             // an element value does not have its data type's syntax
  missing_element,           // a required element is empty or absent
  io_error,                  // the input could not be read
};

enum class Severity : std::uint8_t { error, warning };

struct X12Error {
  X12Errc code = X12Errc::invalid_value;
  Severity severity = Severity::error;
  std::uint64_t offset = 0;   // byte offset of the segment (or of the problem) in the input
  std::uint64_t segment = 0;  // 1-based ordinal of the segment in the input; 0 when none
  std::string segment_id;     // "SE"; empty when none
  int element = 0;            // 1-based element position; 0 for the whole segment
  int component = 0;          // 1-based component position; 0 for the whole element
  std::string expected;       // what the reader expected; never PHI
  std::string found;          // what it found; left empty for names, member ids and other PHI
  std::string detail;         // the sentence a person reads, e.g. "SE01 segment count"

  // "segment 42 (SE) element 1 at byte 1234: SE01 segment count: expected 34, found 30"
  std::string message() const;
  // "segment 42 / SE01" style location; "byte 1234" when no segment.
  std::string location() const;
};

std::string_view to_string(X12Errc code);

// Keeps the first `limit` errors and warnings; totals stay exact so nothing is silently dropped.
class Diagnostics {
 public:
  explicit Diagnostics(std::string file = {}, std::size_t limit = 10000) : file_(std::move(file)), limit_(limit) {}

  void report(X12Error e);
  const std::string& file() const { return file_; }
  const std::vector<X12Error>& errors() const { return errors_; }
  const std::vector<X12Error>& warnings() const { return warnings_; }
  std::uint64_t error_count() const { return error_total_; }
  std::uint64_t warning_count() const { return warning_total_; }
  bool has_errors() const { return error_total_ != 0; }
  bool has_fatal() const { return fatal_; }
  void mark_fatal() { fatal_ = true; }

 private:
  std::string file_;
  std::size_t limit_;
  std::vector<X12Error> errors_, warnings_;
  std::uint64_t error_total_ = 0, warning_total_ = 0;
  bool fatal_ = false;
};

// A short, printable excerpt of raw bytes for an error message (non-printables as 0xNN),
// used for segment ids and control numbers only, never for names or member ids.
std::string printable_excerpt(std::string_view raw, std::size_t max_chars = 12);

}  // namespace clearhouse::x12
