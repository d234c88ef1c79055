#pragma once
// Stage 1: splits an X12 byte stream into segments. Learns the delimiters from every ISA,
// hands out views into its buffer (valid until the next call), reuses one small vector of
// element views, and reads files in fixed-size chunks so memory does not grow with the input.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parsers/x12/delimiters.hpp"
#include "parsers/x12/detail/separator_index.hpp"
#include "parsers/x12/error.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/isa_header.hpp"
#include "parsers/x12/segment.hpp"

namespace clearhouse::x12 {

// What a SegmentReader carries from one part of an input to the next: enough to go on reading
// at a segment boundary as if everything before it had been read by the same reader (see
// SegmentReader::resume; parsers/x12/parallel_reading.hpp reads a file in parts on threads).
struct SegmentReaderState {
  InterchangeHeader isa;          // the current interchange's header and delimiters
  bool have_isa = false;
  std::uint64_t interchanges = 0;  // ISAs read so far
  std::uint64_t ordinal = 0;       // segments read so far
  bool wrapped_reported = false;   // the one "segments are wrapped" warning was given
  std::uint64_t text_start = 0;
};

class SegmentReader {
 public:
  static constexpr std::size_t kDefaultChunk = 1 << 20;       // 1 MiB reads
  static constexpr std::size_t kMaxSegment = 64ull << 20;     // a segment longer than this is an error
  static constexpr std::size_t kRefillBelow = 4096;           // refill before a segment when fewer bytes remain

  SegmentReader(InputSource& input, Diagnostics& diagnostics, std::size_t chunk_size = kDefaultChunk);
  SegmentReader(SegmentReader&&) noexcept = default;
  SegmentReader(const SegmentReader&) = delete;
  SegmentReader& operator=(const SegmentReader&) = delete;

  // Advances to the next segment. False at the end of the input or after a fatal error
  // (no ISA, unreadable ISA, read failure), which is in the diagnostics.
  bool next();
  const Segment& segment() const { return segment_; }

  // The current interchange's header and delimiters (valid once an ISA has been read).
  const InterchangeHeader& interchange() const { return isa_; }
  const Delimiters& delimiters() const { return isa_.delimiters; }
  bool is_isa() const { return at_isa_; }  // the current segment opened an interchange
  std::uint64_t interchanges_seen() const { return interchanges_; }
  std::uint64_t bytes_consumed() const { return base_offset_ + static_cast<std::uint64_t>(pos_); }
  const std::string& source_name() const { return input_.name(); }

  // The state to resume from after the last segment read.
  SegmentReaderState state() const;
  // Before the first next(): reads the input as the part of a longer input that starts at
  // byte `offset`, a segment boundary, after everything before it was read with `state`.
  // With `more_follows`, the end of this input is not the end: a segment cut off by it is
  // left unread (next() returns false; cut_at() says where it starts) instead of being read
  // as a last segment without a terminator.
  void resume(const SegmentReaderState& state, std::uint64_t offset, bool more_follows);
  // Reads the input as the first part of a longer input (more follows; see resume).
  void read_as_first_part() { more_follows_ = true; }
  // With more_follows: the input offset of a segment the end of the input cut off; 0 if none.
  std::uint64_t cut_at() const { return cut_at_; }

 private:
  bool next_in_general();      // every case the fast path of next() does not settle
  bool fill();                 // makes more input available; false at end of input
  bool read_first_interchange_header();
  bool read_interchange_header();
  bool report_unreadable_isa(const IsaReadResult& r, std::uint64_t offset);  // fatal; returns false
  void report(X12Errc code, Severity severity, std::uint64_t offset, std::string detail,
              std::string expected = {}, std::string found = {});
  void split(const char* begin, const char* end);
  void emit(const char* begin, const char* end, bool has_line_break);
  std::string_view unwrap(const char* begin, const char* end, std::uint64_t offset);

  InputSource& input_;
  Diagnostics& diagnostics_;
  std::size_t chunk_size_;
  std::vector<char> buffer_;        // owned chunk storage (unused for contiguous input)
  const char* data_ = nullptr;      // the window: data_[0, end_) are valid bytes
  std::size_t end_ = 0;
  std::size_t pos_ = 0;             // next unread byte in the window
  std::uint64_t base_offset_ = 0;   // input offset of data_[0]
  bool eof_ = false;
  bool contiguous_ = false;
  bool started_ = false;
  bool fatal_ = false;
  int utf16_ = 0;                   // 0 none, 1 little-endian, 2 big-endian
  std::vector<char> wide_;          // raw UTF-16 bytes awaiting decoding
  bool wide_input_done_ = false;    // the source has no more UTF-16 bytes to give
  bool wrapped_reported_ = false;
  std::uint64_t text_start_ = 0;    // offset of the input's text (after a byte-order mark)
  bool more_follows_ = false;       // resumed as a part: the end of the input is not the end
  std::uint64_t cut_at_ = 0;        // with more_follows_: where the segment the end cut off starts

  InterchangeHeader isa_;
  bool have_isa_ = false;
  bool at_isa_ = false;
  std::uint64_t interchanges_ = 0;
  std::uint64_t ordinal_ = 0;
  detail::ElementViews elements_;
  detail::SeparatorIndex index_;
  std::string unwrapped_;           // a segment with line breaks inside, copied without them
  Segment segment_;
};

}  // namespace clearhouse::x12
