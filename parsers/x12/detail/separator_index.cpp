#include "parsers/x12/detail/separator_index.hpp"

#include <atomic>

#if defined(__x86_64__) || defined(__i386__)
#define CLEARHOUSE_X86 1
#include <immintrin.h>
#endif

namespace clearhouse::x12::detail {
namespace {

inline BlockBits classify_portable(const char* block, char element, char terminator) {
  std::uint64_t e = 0, t = 0, b = 0;
  for (int i = 0; i < 64; ++i) {
    const char c = block[i];
    e |= static_cast<std::uint64_t>(c == element) << i;
    t |= static_cast<std::uint64_t>(c == terminator) << i;
    b |= static_cast<std::uint64_t>(c == '\r' || c == '\n') << i;
  }
  return {e | t, t, b & ~t};
}

#if defined(CLEARHOUSE_X86) && defined(__SSE2__)
std::uint64_t mask16(__m128i x, int shift) {
  return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(x))) << shift;
}

inline BlockBits classify_sse2(const char* block, char element, char terminator) {
  const __m128i ve = _mm_set1_epi8(element);
  const __m128i vt = _mm_set1_epi8(terminator);
  const __m128i vcr = _mm_set1_epi8('\r');
  const __m128i vlf = _mm_set1_epi8('\n');
  __m128i x[4], breaks[4];
  std::uint64_t e = 0, t = 0;
  for (int i = 0; i < 4; ++i) {
    x[i] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * i));
    e |= mask16(_mm_cmpeq_epi8(x[i], ve), 16 * i);
    t |= mask16(_mm_cmpeq_epi8(x[i], vt), 16 * i);
    breaks[i] = _mm_or_si128(_mm_cmpeq_epi8(x[i], vcr), _mm_cmpeq_epi8(x[i], vlf));
  }
  // Line breaks are rare inside segments: one test for the block, their bitmap only when there are some.
  std::uint64_t b = 0;
  if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(breaks[0], breaks[1]), _mm_or_si128(breaks[2], breaks[3]))) != 0) {
    for (int i = 0; i < 4; ++i) b |= mask16(breaks[i], 16 * i);
  }
  return {e | t, t, b & ~t};
}

// Two 32-byte halves instead of four 16-byte quarters: half the compares and mask moves.
// Compiled for AVX2 in this function only and called only when the processor has AVX2.
__attribute__((target("avx2"))) inline BlockBits classify_avx2(const char* block, char element, char terminator) {
  const __m256i ve = _mm256_set1_epi8(element);
  const __m256i vt = _mm256_set1_epi8(terminator);
  const __m256i vcr = _mm256_set1_epi8('\r');
  const __m256i vlf = _mm256_set1_epi8('\n');
  const __m256i lo = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block));
  const __m256i hi = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(block + 32));
  const __m256i tlo = _mm256_cmpeq_epi8(lo, vt), thi = _mm256_cmpeq_epi8(hi, vt);
  const __m256i slo = _mm256_or_si256(_mm256_cmpeq_epi8(lo, ve), tlo);
  const __m256i shi = _mm256_or_si256(_mm256_cmpeq_epi8(hi, ve), thi);
  const __m256i blo = _mm256_or_si256(_mm256_cmpeq_epi8(lo, vcr), _mm256_cmpeq_epi8(lo, vlf));
  const __m256i bhi = _mm256_or_si256(_mm256_cmpeq_epi8(hi, vcr), _mm256_cmpeq_epi8(hi, vlf));
  auto bits = [](std::uint32_t low, std::uint32_t high) {
    return static_cast<std::uint64_t>(low) | (static_cast<std::uint64_t>(high) << 32);
  };
  const std::uint64_t s = bits(static_cast<std::uint32_t>(_mm256_movemask_epi8(slo)),
                               static_cast<std::uint32_t>(_mm256_movemask_epi8(shi)));
  const std::uint64_t t = bits(static_cast<std::uint32_t>(_mm256_movemask_epi8(tlo)),
                               static_cast<std::uint32_t>(_mm256_movemask_epi8(thi)));
  std::uint64_t b = 0;
  if (!_mm256_testz_si256(_mm256_or_si256(blo, bhi), _mm256_or_si256(blo, bhi))) {
    b = bits(static_cast<std::uint32_t>(_mm256_movemask_epi8(blo)), static_cast<std::uint32_t>(_mm256_movemask_epi8(bhi)));
  }
  return {s, t, b & ~t};
}
#endif

SplitKernel detect_best() {
#if defined(CLEARHOUSE_X86) && defined(__SSE2__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2")) return SplitKernel::avx2;
  return SplitKernel::sse2;
#else
  return SplitKernel::portable;
#endif
}

std::atomic<SplitKernel>& chosen() {
  static std::atomic<SplitKernel> kernel{best_split_kernel()};
  return kernel;
}

}  // namespace

std::string_view name(SplitKernel kernel) {
  switch (kernel) {
    case SplitKernel::portable: return "portable";
    case SplitKernel::sse2: return "sse2";
    case SplitKernel::avx2: return "avx2";
  }
  return "unknown";
}

SplitKernel best_split_kernel() {
  static const SplitKernel best = detect_best();
  return best;
}

bool split_kernel_supported(SplitKernel kernel) {
  switch (kernel) {
    case SplitKernel::portable: return true;
    case SplitKernel::sse2: return best_split_kernel() != SplitKernel::portable;
    case SplitKernel::avx2: return best_split_kernel() == SplitKernel::avx2;
  }
  return false;
}

SplitKernel split_kernel() { return chosen().load(std::memory_order_relaxed); }

bool set_split_kernel(SplitKernel kernel) {
  if (!split_kernel_supported(kernel)) return false;
  chosen().store(kernel, std::memory_order_relaxed);
  return true;
}

BlockClassifier block_classifier(SplitKernel kernel) {
  switch (kernel) {
#if defined(CLEARHOUSE_X86) && defined(__SSE2__)
    case SplitKernel::avx2: return classify_avx2;
    case SplitKernel::sse2: return classify_sse2;
#else
    case SplitKernel::avx2:
    case SplitKernel::sse2:
#endif
    case SplitKernel::portable: break;
  }
  return classify_portable;
}

SeparatorIndex::Loader SeparatorIndex::loader(SplitKernel kernel) {
  switch (kernel) {
#if defined(CLEARHOUSE_X86) && defined(__SSE2__)
    case SplitKernel::avx2: return load_avx2;
    case SplitKernel::sse2: return load_sse2;
#else
    case SplitKernel::avx2:
    case SplitKernel::sse2:
#endif
    case SplitKernel::portable: break;
  }
  return load_portable;
}

void SeparatorIndex::reset(char element, char terminator) {
  element_ = element;
  terminator_ = terminator;
  valid_ = false;
  load_ = loader(split_kernel());
}

void SeparatorIndex::store(const BlockBits& bits, const char* base) {
  base_ = base;
  valid_ = true;
  separators_ = bits.separators;
  terminators_ = bits.terminators;
  breaks_ = bits.breaks;
}

// One loader per kernel, each with its classifier inlined (the AVX2 one compiled for AVX2):
// one call per block through load_, set at the ISA.
void SeparatorIndex::load_portable(SeparatorIndex& index, const char* base) {
  index.store(classify_portable(base, index.element_, index.terminator_), base);
}

#if defined(CLEARHOUSE_X86) && defined(__SSE2__)
void SeparatorIndex::load_sse2(SeparatorIndex& index, const char* base) {
  index.store(classify_sse2(base, index.element_, index.terminator_), base);
}

__attribute__((target("avx2"))) void SeparatorIndex::load_avx2(SeparatorIndex& index, const char* base) {
  index.store(classify_avx2(base, index.element_, index.terminator_), base);
}
#endif

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
