// Fuzz target: the encounter reader (JSON Lines) over the whole input as a stream, and the
// whole input as one JSON text. Line numbers only grow, every rejection names its line, and
// nothing is read past the input or its padding.
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <vector>

#include "parsers/encounter/encounter_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clearhouse;
  if (size == 0) return 0;
  std::vector<char> bytes(data, data + size);  // fmemopen wants writable memory
  std::FILE* in = fmemopen(bytes.data(), size, "r");
  if (in == nullptr) return 0;
  encounter::EncounterReader reader(in, true);
  std::uint64_t last_line = 0;
  while (reader.next()) {
    if (reader.line_number() <= last_line || reader.bytes_consumed() > size) __builtin_trap();
    last_line = reader.line_number();
    for (const auto& p : reader.problems())
      if (p.line != reader.line_number() || p.code.empty()) __builtin_trap();
  }
  if (!reader.read_error().empty() || reader.bytes_consumed() != size) __builtin_trap();
  model::Encounter encounter;
  std::vector<model::Rejection> problems;
  encounter::parse_encounter_text(std::string_view(reinterpret_cast<const char*>(data), size), 1, encounter, problems);
  return 0;
}
