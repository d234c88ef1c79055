// Fuzz target: stage 1 (segment splitting), in one piece and in small chunks, with every block
// classifier this processor runs (AVX2, SSE2, portable); all must agree, element by element.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "parsers/x12/detail/separator_index.hpp"
#include "parsers/x12/segment_reader.hpp"

namespace {

class ChunkedSource final : public clearhouse::x12::InputSource {
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
  std::string name_ = "<fuzz>";
};

// Each segment as its raw text, then each element (with its length, so that no split hides).
std::vector<std::string> read_all(clearhouse::x12::InputSource& source) {
  clearhouse::x12::Diagnostics d;
  clearhouse::x12::SegmentReader reader(source, d, 4096);
  std::vector<std::string> out;
  while (reader.next()) {
    std::string seg(reader.segment().raw());
    for (auto e : reader.segment().elements()) seg += "|" + std::to_string(e.size()) + ":" + std::string(e);
    out.push_back(std::move(seg));
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using clearhouse::x12::detail::SplitKernel;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> first;
  for (SplitKernel kernel : {SplitKernel::portable, SplitKernel::sse2, SplitKernel::avx2}) {
    if (!clearhouse::x12::detail::set_split_kernel(kernel)) continue;
    clearhouse::x12::MemorySource whole(text);
    ChunkedSource chunked(text, 1 + size % 13);
    std::vector<std::string> got = read_all(whole);
    if (got != read_all(chunked)) __builtin_trap();
    if (kernel == SplitKernel::portable) first = std::move(got);
    else if (got != first) __builtin_trap();
  }
  clearhouse::x12::detail::set_split_kernel(clearhouse::x12::detail::best_split_kernel());
  return 0;
}
