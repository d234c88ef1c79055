// The block classifiers (AVX2, SSE2, portable) give the same bitmaps, and the segment reader
// gives the same segments with each of them, whichever one this processor would pick.
#include "parsers/x12/detail/separator_index.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <random>
#include <string>
#include <vector>

#include "parsers/x12/segment_reader.hpp"
#include "tests/support/test_paths.hpp"
#include "tests/support/x12_samples.hpp"

namespace clearhouse::x12 {
namespace {

using detail::SplitKernel;

constexpr std::array kKernels = {SplitKernel::portable, SplitKernel::sse2, SplitKernel::avx2};

// Restores the kernel the process had when a test changes it.
class KernelScope {
 public:
  KernelScope() : saved_(detail::split_kernel()) {}
  ~KernelScope() { detail::set_split_kernel(saved_); }

 private:
  SplitKernel saved_;
};

TEST(SplitKernel, TheBestKernelIsSupportedAndChosenByDefault) {
  EXPECT_TRUE(detail::split_kernel_supported(detail::best_split_kernel()));
  EXPECT_TRUE(detail::split_kernel_supported(SplitKernel::portable));
  EXPECT_EQ(detail::split_kernel(), detail::best_split_kernel());
#if defined(__x86_64__)
  EXPECT_NE(detail::best_split_kernel(), SplitKernel::portable) << "every x86-64 processor has SSE2";
  EXPECT_EQ(detail::split_kernel_supported(SplitKernel::avx2), __builtin_cpu_supports("avx2") != 0);
#endif
}

TEST(SplitKernel, AnUnsupportedKernelIsRefusedAndNothingChanges) {
  KernelScope scope;
  for (SplitKernel k : kKernels) {
    const SplitKernel before = detail::split_kernel();
    EXPECT_EQ(detail::set_split_kernel(k), detail::split_kernel_supported(k)) << detail::name(k);
    EXPECT_EQ(detail::split_kernel(), detail::split_kernel_supported(k) ? k : before) << detail::name(k);
  }
}

// Random 64-byte blocks over an alphabet rich in delimiters, line breaks and bytes above 0x7F
// (signed char compares), with delimiter sets that include LF as the terminator.
TEST(SplitKernel, EveryKernelClassifiesBlocksAsThePortableLoopDoes) {
  struct Delims {
    char element, terminator;
  };
  const std::vector<Delims> sets = {{'*', '~'}, {'|', '\n'}, {'^', '\x1D'}, {'~', '\''}, {'\xA0', '\xFF'}, {'\r', '\n'}};
  const std::string alphabet = std::string("*~|^'\r\n\x1D :AZ09\xA0\xFF\x80") + '\0';
  std::mt19937 rng(20261202);
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  const detail::BlockClassifier portable = detail::block_classifier(SplitKernel::portable);
  int compared = 0;
  for (SplitKernel k : kKernels) {
    if (!detail::split_kernel_supported(k)) continue;
    const detail::BlockClassifier classify = detail::block_classifier(k);
    for (int round = 0; round < 20000; ++round) {
      // 64 bytes at an odd offset: the kernels read unaligned.
      std::array<char, 65> buffer{};
      for (char& c : buffer) c = alphabet[pick(rng)];
      const Delims d = sets[static_cast<std::size_t>(round) % sets.size()];
      const detail::BlockBits want = portable(buffer.data() + 1, d.element, d.terminator);
      const detail::BlockBits got = classify(buffer.data() + 1, d.element, d.terminator);
      ASSERT_EQ(got.separators, want.separators) << detail::name(k) << " round " << round;
      ASSERT_EQ(got.terminators, want.terminators) << detail::name(k) << " round " << round;
      ASSERT_EQ(got.breaks, want.breaks) << detail::name(k) << " round " << round;
      ++compared;
    }
  }
  EXPECT_GE(compared, 40000) << "at least the portable loop and one vector kernel";
}

// Hands out its bytes `step` at a time, so that segments and blocks straddle refills.
class ChunkedSource final : public InputSource {
 public:
  ChunkedSource(std::string_view bytes, std::size_t step) : bytes_(bytes), step_(step) {}
  std::ptrdiff_t read(char* dst, std::size_t n) override {
    const std::size_t count = std::min({n, step_, bytes_.size() - pos_});
    std::copy_n(bytes_.data() + pos_, count, dst);
    pos_ += count;
    return static_cast<std::ptrdiff_t>(count);
  }
  const std::string& name() const override { return name_; }

 private:
  std::string_view bytes_;
  std::size_t step_, pos_ = 0;
  std::string name_ = "<chunked>";
};

// Everything a reader hands out, as owned text.
struct Reading {
  std::vector<std::vector<std::string>> elements;
  std::vector<std::uint64_t> offsets;
  std::vector<std::string> diagnostics;
  bool operator==(const Reading&) const = default;
};

Reading read_with(SplitKernel kernel, const std::string& text, std::size_t chunk) {
  detail::set_split_kernel(kernel);
  Reading r;
  MemorySource whole(text);
  ChunkedSource chunked(text, chunk == 0 ? 1 : chunk);
  InputSource& source = chunk == 0 ? static_cast<InputSource&>(whole) : chunked;
  Diagnostics diagnostics;
  SegmentReader reader(source, diagnostics, 4096);
  while (reader.next()) {
    std::vector<std::string> seg;
    for (auto e : reader.segment().elements()) seg.emplace_back(e);
    r.elements.push_back(std::move(seg));
    r.offsets.push_back(reader.segment().offset());
  }
  for (const auto* list : {&diagnostics.errors(), &diagnostics.warnings()})
    for (const auto& e : *list) r.diagnostics.push_back(e.detail + "@" + std::to_string(e.offset));
  return r;
}

void expect_same_with_every_kernel(const std::string& text, const std::string& what) {
  KernelScope scope;
  for (std::size_t chunk : {std::size_t{0}, std::size_t{4096}, std::size_t{997}}) {
    const Reading want = read_with(SplitKernel::portable, text, chunk);
    for (SplitKernel k : kKernels) {
      if (k == SplitKernel::portable || !detail::split_kernel_supported(k)) continue;
      EXPECT_TRUE(read_with(k, text, chunk) == want) << what << " with " << detail::name(k) << ", chunk " << chunk;
    }
  }
}

TEST(SplitKernel, EveryKernelReadsTheSamplesAlike) {
  expect_same_with_every_kernel(testing::small_835(), "small 835");
  expect_same_with_every_kernel(testing::two_groups_835(), "two groups");
  // Line breaks inside and between segments, CRLF, a wrapped segment, LF as the terminator.
  std::string wrapped = testing::small_835();
  for (std::size_t i = 200; i < wrapped.size(); i += 97) wrapped.insert(i, i % 2 ? "\r\n" : "\n");
  expect_same_with_every_kernel(wrapped, "wrapped");
  expect_same_with_every_kernel(testing::with_delimiters(testing::small_835(), model::Delimiters{'|', ':', '^', '\n'}), "LF terminator");
}

TEST(SplitKernel, EveryKernelReadsTheCorpusAlike) {
  CLEARHOUSE_REQUIRE_CORPUS();
  int files = 0;
  for (const auto& path : testing::corpus_files()) {
    expect_same_with_every_kernel(testing::read_file(path), path.filename().string());
    ++files;
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace clearhouse::x12
