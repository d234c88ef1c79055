#pragma once
// Finds element separators and segment terminators 64 bytes at a time as bitmaps, keeping the
// current block's bits across segments so that every byte is classified once, however short
// the segments are (simdjson's stage-1 idea, applied to X12). A block is classified by the
// best kernel the processor has, chosen once at run time: AVX2 (two 32-byte compares per
// bitmap), SSE2 (four 16-byte ones, every x86-64) or a portable loop; all give the same bits.

#include <cstdint>
#include <string_view>
#include <vector>

#include "parsers/x12/detail/element_views.hpp"

namespace clearhouse::x12::detail {

// The bitmaps of one 64-byte block: bit i stands for byte i.
struct BlockBits {
  std::uint64_t separators = 0;   // element separators and terminators
  std::uint64_t terminators = 0;  // segment terminators
  std::uint64_t breaks = 0;       // CR or LF that is not the terminator
};
using BlockClassifier = BlockBits (*)(const char* block, char element, char terminator);

enum class SplitKernel : std::uint8_t { portable, sse2, avx2 };
std::string_view name(SplitKernel kernel);
// The fastest kernel this processor runs (detected once).
SplitKernel best_split_kernel();
bool split_kernel_supported(SplitKernel kernel);
// The kernel readers use from their next ISA on: the best one, unless set_split_kernel chose
// another (tests and benchmarks compare them). False when the processor cannot run it.
SplitKernel split_kernel();
bool set_split_kernel(SplitKernel kernel);
BlockClassifier block_classifier(SplitKernel kernel);

class SeparatorIndex {
 public:
  void reset(char element, char terminator);
  // The bytes under the current block changed (a refill moved them).
  void invalidate() { valid_ = false; }

  // Scans [start, end) for the segment terminator, appending one view per element to out.
  // Returns the terminator's address, or nullptr when end comes first. Sets has_break when a
  // CR or LF lies between start and the terminator.
  // Inline: it runs once per segment, inside the segment reader's loop.
  const char* find_segment(const char* start, const char* end, ElementViews& out, bool& has_break);

 private:
  using Loader = void (*)(SeparatorIndex& index, const char* base);
  static Loader loader(SplitKernel kernel);
  static void load_portable(SeparatorIndex& index, const char* base);
  static void load_sse2(SeparatorIndex& index, const char* base);
  static void load_avx2(SeparatorIndex& index, const char* base);
  // Classifies the 64 bytes at base with this processor's kernel.
  void load(const char* base) { load_(*this, base); }
  void store(const BlockBits& bits, const char* base);
  const char* scalar_scan(const char* p, const char* end, const char* field, ElementViews& out,
                          bool& has_break) const;

  Loader load_ = load_portable;
  char element_ = '*', terminator_ = '~';
  const char* base_ = nullptr;  // first byte of the current 64-byte block
  std::uint64_t separators_ = 0, terminators_ = 0, breaks_ = 0;
  bool valid_ = false;
};

inline const char* SeparatorIndex::find_segment(const char* start, const char* end, ElementViews& out,
                                         bool& has_break) {
  const char* field = start;
  if (!valid_ || start < base_ || start >= base_ + 64) {
    if (end - start < 64) {
      valid_ = false;
      return scalar_scan(start, end, field, out, has_break);
    }
    load(start);
  }
  std::uint64_t from = ~0ull << static_cast<unsigned>(start - base_);
  for (;;) {
    // Locals, not members: the views written below must not force the bitmaps to be reloaded.
    const char* const base = base_;
    const std::uint64_t terminators = terminators_ & from;
    // Everything up to and including the block's first terminator, or the rest of the block.
    const std::uint64_t upto = terminators != 0 ? terminators ^ (terminators - 1) : ~0ull;
    std::uint64_t bits = separators_ & from & upto;
    if ((breaks_ & from & upto) != 0) has_break = true;
    std::string_view* w = out.room_for(64);
    while (bits != 0) {
      const char* p = base + __builtin_ctzll(bits);
      *w++ = std::string_view(field, static_cast<std::size_t>(p - field));
      field = p + 1;
      bits &= bits - 1;
    }
    out.commit(w);
    if (terminators != 0) return base + __builtin_ctzll(terminators);
    const char* next = base + 64;
    if (end - next < 64) {
      valid_ = false;
      return scalar_scan(next, end, field, out, has_break);
    }
    load(next);
    from = ~0ull;
  }
}

}  // namespace clearhouse::x12::detail
