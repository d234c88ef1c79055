#pragma once
// Finds element separators and segment terminators 64 bytes at a time as bitmaps (SSE2 where
// available), keeping the current block's bits across segments so that every byte is
// classified once, however short the segments are (simdjson's stage-1 idea, applied to X12).

#include <cstdint>
#include <string_view>
#include <vector>

namespace clearhouse::x12::detail {

class SeparatorIndex {
 public:
  void reset(char element, char terminator) {
    element_ = element;
    terminator_ = terminator;
    valid_ = false;
  }
  // The bytes under the current block changed (a refill moved them).
  void invalidate() { valid_ = false; }

  // Scans [start, end) for the segment terminator, appending one view per element to out.
  // Returns the terminator's address, or nullptr when end comes first. Sets has_break when a
  // CR or LF lies between start and the terminator.
  const char* find_segment(const char* start, const char* end, std::vector<std::string_view>& out,
                           bool& has_break);

 private:
  void load(const char* base);
  const char* scalar_scan(const char* p, const char* end, const char* field, std::vector<std::string_view>& out,
                          bool& has_break) const;

  char element_ = '*', terminator_ = '~';
  const char* base_ = nullptr;  // first byte of the current 64-byte block
  std::uint64_t separators_ = 0, terminators_ = 0, breaks_ = 0;
  bool valid_ = false;
};

}  // namespace clearhouse::x12::detail
