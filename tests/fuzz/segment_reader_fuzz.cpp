// Fuzz target: stage 1 (segment splitting), in one piece and in small chunks; both must agree.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

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

std::vector<std::string> read_all(clearhouse::x12::InputSource& source) {
  clearhouse::x12::Diagnostics d;
  clearhouse::x12::SegmentReader reader(source, d, 4096);
  std::vector<std::string> out;
  while (reader.next()) out.emplace_back(reader.segment().raw());
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  clearhouse::x12::MemorySource whole(text);
  ChunkedSource chunked(text, 1 + size % 13);
  if (read_all(whole) != read_all(chunked)) __builtin_trap();
  return 0;
}
