#include "parsers/x12/detail/separator_index.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace clearhouse::x12::detail {

void SeparatorIndex::load(const char* base) {
  base_ = base;
  valid_ = true;
#if defined(__SSE2__)
  const __m128i ve = _mm_set1_epi8(element_);
  const __m128i vt = _mm_set1_epi8(terminator_);
  const __m128i vcr = _mm_set1_epi8('\r');
  const __m128i vlf = _mm_set1_epi8('\n');
  std::uint64_t e = 0, t = 0, b = 0;
  for (int i = 0; i < 4; ++i) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + 16 * i));
    const int shift = 16 * i;
    e |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, ve)))) << shift;
    t |= static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, vt)))) << shift;
    b |= static_cast<std::uint64_t>(static_cast<unsigned>(
             _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, vcr), _mm_cmpeq_epi8(x, vlf)))))
         << shift;
  }
#else
  std::uint64_t e = 0, t = 0, b = 0;
  for (int i = 0; i < 64; ++i) {
    const char c = base[i];
    e |= static_cast<std::uint64_t>(c == element_) << i;
    t |= static_cast<std::uint64_t>(c == terminator_) << i;
    b |= static_cast<std::uint64_t>(c == '\r' || c == '\n') << i;
  }
#endif
  terminators_ = t;
  separators_ = e | t;
  breaks_ = b & ~t;  // an LF terminator is not a break inside a segment
}

const char* SeparatorIndex::scalar_scan(const char* p, const char* end, const char* field,
                                        ElementViews& out, bool& has_break) const {
  for (; p < end; ++p) {
    const char c = *p;
    if (c == terminator_) {
      out.push_back(std::string_view(field, static_cast<std::size_t>(p - field)));
      return p;
    }
    if (c == element_) {
      out.push_back(std::string_view(field, static_cast<std::size_t>(p - field)));
      field = p + 1;
    } else if (c == '\r' || c == '\n') {
      has_break = true;
    }
  }
  return nullptr;
}

}  // namespace clearhouse::x12::detail
