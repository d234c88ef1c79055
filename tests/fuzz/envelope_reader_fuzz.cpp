// Fuzz target: stage 2 (envelope nesting and checks) over whatever stage 1 makes of the input.
#include <cstdint>
#include <string_view>

#include "parsers/x12/envelope_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  clearhouse::x12::MemorySource source(std::string_view(reinterpret_cast<const char*>(data), size));
  clearhouse::x12::Diagnostics d;
  clearhouse::x12::SegmentReader segments(source, d);
  clearhouse::x12::EnvelopeReader reader(segments, d);
  std::uint64_t n = 0;
  while (reader.next()) ++n;
  if (n != reader.counts().segments) __builtin_trap();
  for (const auto& e : d.errors()) {
    if (e.offset > size) __builtin_trap();
  }
  return 0;
}
