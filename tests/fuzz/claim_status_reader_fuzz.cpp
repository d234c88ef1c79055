// Fuzz target: the 277 reader (277CA X214 and 277 X212, through the segment and envelope
// readers) over the whole input, in one piece and through a source that hands out a few bytes
// at a time; both must deliver the same reports, statuses, findings and positions, and every
// position points inside the input.
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "engine/util/schemas_directory.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12_277/claim_status_reader.hpp"

namespace {

using namespace clearhouse;

class ChunkedSource final : public x12::InputSource {
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

const x12::spec::SpecCatalog& catalog() {
  static const auto loaded = [] {
    auto c = x12::spec::SpecCatalog::load(util::schemas_directory() + "/x12");
    if (!c->ok()) std::abort();  // the fuzz target cannot run without the guides' specs
    return c;
  }();
  return *loaded;
}

void add(std::string& out, const model::Finding& f) {
  out += f.rule + "@" + std::to_string(f.location.offset) + "/" + std::to_string(f.location.segment) + ";";
}

void add(std::string& out, const model::StatusInformation& s) {
  for (const auto& code : s.status_codes()) out += std::string(code.category.view()) + ":" + std::string(code.status.view()) + ":" + std::string(code.entity.view()) + ",";
  if (s.charge) out += std::to_string(s.charge->cents());
  out += "|";
}

// What two readings of the same bytes must agree on, as text.
std::string read_all(x12::InputSource& source, std::size_t size) {
  x12::Diagnostics d;
  x12::SegmentReader segments(source, d, 4096);
  x12::EnvelopeReader envelope(segments, d);
  x12_277::ClaimStatusReader reader(envelope, d, catalog());
  model::ClaimStatusReport r;
  std::string out;
  while (reader.next(r)) {
    if (r.offset > size || r.byte_length > size) __builtin_trap();
    out += r.control_number + (r.complete ? "+" : "-") + std::to_string(r.offset) + "," +
           std::to_string(r.segment_count) + "," + std::to_string(r.byte_length) + ":";
    for (const auto& level : r.receivers) for (const auto& s : level.statuses) add(out, s);
    for (const auto& level : r.providers) {
      if (level.parent >= r.receivers.size()) __builtin_trap();
      for (const auto& s : level.statuses) add(out, s);
    }
    for (const auto& c : r.claims) {
      if (c.provider >= r.providers.size() || c.offset > size) __builtin_trap();
      out += c.trace + "/" + c.patient_control_number + "/" + c.payer_claim_control_number + "=";
      for (const auto& s : c.statuses) add(out, s);
      for (const auto& l : c.lines) {
        out += std::to_string(l.charge.cents()) + "[";
        for (const auto& s : l.statuses) add(out, s);
        out += "]";
      }
      out += ",";
    }
    for (const auto& f : r.findings) {
      if (f.location.offset > size) __builtin_trap();
      add(out, f);
    }
    out += "\n";
  }
  for (const auto& f : reader.take_file_findings()) add(out, f);
  out += std::to_string(reader.skipped_transactions()) + (d.has_fatal() ? " fatal" : "");
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  x12::MemorySource whole(text);
  ChunkedSource chunked(text, 1 + size % 61);
  if (read_all(whole, size) != read_all(chunked, size)) __builtin_trap();
  return 0;
}
