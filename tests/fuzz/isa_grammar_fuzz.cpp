// Fuzz target: the ISA header reader (X3 fixed-width grammar and the separator-walking fallback).
#include <cstdint>
#include <string_view>

#include "parsers/x12/isa_header.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (bool at_end : {true, false}) {
    auto r = clearhouse::x12::read_isa(text, at_end);
    if (r.status == clearhouse::x12::IsaReadResult::Status::ok && r.header.length > size) __builtin_trap();
  }
  return 0;
}
