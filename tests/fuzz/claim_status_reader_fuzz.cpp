// Fuzz target: the 277 reader (claim acknowledgments and status responses) over anything the
// envelope reader makes of the input: no crash, and every finding points inside the input.
#include <cstdint>
#include <string_view>

#include "engine/util/schemas_directory.hpp"
#include "parsers/x12_277/claim_status_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto catalog = clearhouse::x12::spec::SpecCatalog::load(clearhouse::util::schemas_directory() + "/x12");
  if (!catalog->ok()) __builtin_trap();
  clearhouse::x12::MemorySource source(std::string_view(reinterpret_cast<const char*>(data), size));
  clearhouse::x12::Diagnostics d;
  clearhouse::x12::SegmentReader segments(source, d);
  clearhouse::x12::EnvelopeReader envelope(segments, d);
  clearhouse::x12_277::ClaimStatusReader reader(envelope, d, *catalog);
  clearhouse::model::ClaimStatusReport report;
  while (reader.next(report)) {
    for (const auto& f : report.findings)
      if (f.location.offset > size) __builtin_trap();
    for (const auto& c : report.claims)
      if (c.provider >= report.providers.size() || c.offset > size) __builtin_trap();
  }
  return 0;
}
