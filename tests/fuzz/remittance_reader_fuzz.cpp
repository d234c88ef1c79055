// Fuzz target: the 835 reader (segment, envelope and remittance readers) over the whole input,
// in one piece and through a source that hands out a few bytes at a time (as a file is read
// in chunks); both must deliver the same remittances, findings and positions.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12_835/remittance_reader.hpp"

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

void add(std::string& out, const clearhouse::model::Finding& f) {
  out += f.rule + "@" + std::to_string(f.location.offset) + "/" + std::to_string(f.location.segment) + ";";
}

// What two readings of the same bytes must agree on, as text.
std::string read_all(clearhouse::x12::InputSource& source, std::size_t size) {
  using namespace clearhouse;
  x12::Diagnostics d;
  x12::SegmentReader segments(source, d, 4096);
  x12::EnvelopeReader envelope(segments, d);
  x12_835::RemittanceReader reader(envelope, d);
  model::Remittance r;
  std::string out;
  while (reader.next(r)) {
    if (r.offset > size || r.byte_length > size) __builtin_trap();
    out += r.control_number + (r.complete ? "+" : "-") + std::to_string(r.offset) + "," +
           std::to_string(r.segment_count) + "," + std::to_string(r.byte_length) + "," + std::to_string(r.content_hash) +
           "," + std::to_string(r.payment.total.cents()) + ":";
    for (const auto& c : r.claims) out += c.patient_control_number + "=" + std::to_string(c.paid.cents()) + "/" + std::to_string(c.lines.size()) + ",";
    for (const auto& p : r.provider_adjustments) out += std::to_string(p.amount.cents()) + ",";
    for (const auto& f : r.findings) add(out, f);
    out += "\n";
  }
  for (const auto& f : reader.take_file_findings()) add(out, f);
  out += std::to_string(reader.skipped_transactions()) + (d.has_fatal() ? " fatal" : "");
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  clearhouse::x12::MemorySource whole(text);
  ChunkedSource chunked(text, 1 + size % 61);
  if (read_all(whole, size) != read_all(chunked, size)) __builtin_trap();
  return 0;
}
