#include "engine/ack/ack_file_posting.hpp"

#include "parsers/x12/input_source.hpp"
#include "parsers/x12/segment_reader.hpp"

namespace clearhouse::ack {

bool is_acknowledgment_file(const std::string& path) {
  // Read as every reader reads (a byte-order mark, UTF-16, text before the ISA), up to the
  // first transaction set: ISA, GS, ST*999 or ISA, TA1.
  std::string error;
  auto source = x12::FileSource::open(path, error);
  if (!source) return false;
  x12::Diagnostics diagnostics(path, 16);
  x12::SegmentReader segments(*source, diagnostics, 64 << 10);
  bool ta1 = false;
  for (int n = 0; n < 64 && segments.next(); ++n) {
    const x12::Segment& s = segments.segment();
    if (s.is("ST")) return s[1] == "999";
    if (s.is("TA1")) ta1 = true;
  }
  return ta1;
}

AckFilePosting post_acknowledgment_file(const std::string& path, ledger::Ledger& ledger, const std::string& received_at) {
  AckFilePosting out;
  std::string error;
  auto source = x12::FileSource::open(path, error);
  if (!source) {
    out.opened = false;
    out.file_errors.push_back(error);
    return out;
  }
  x12::Diagnostics diagnostics(path, 100);
  const auto acks = x12_999::read_acknowledgments(*source, diagnostics);
  for (const auto& e : diagnostics.errors()) out.file_errors.push_back(e.message());
  for (const auto& in : acks.interchanges) {
    ++out.interchanges;
    out.group_acks += in.group_acks.size();
    out.interchange_acks += in.interchange_acks.size();
  }
  out.report = post_acknowledgments(acks, ledger, received_at);
  return out;
}

}  // namespace clearhouse::ack
