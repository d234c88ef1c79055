#include "engine/ack/ack_file_posting.hpp"

#include <fstream>

#include "parsers/x12/input_source.hpp"

namespace clearhouse::ack {

bool is_acknowledgment_file(const std::string& path) {
  // A look at the first 4 KiB is enough: ISA (106 bytes), GS, ST*999 or TA1.
  std::ifstream in(path, std::ios::binary);
  std::string head(4096, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  if (head.size() < 106 || head.compare(0, 3, "ISA") != 0) return false;
  const char element = head[3];
  const auto st_at = head.find(std::string("ST") + element);
  if (st_at != std::string::npos) return head.compare(st_at + 3, 3, "999") == 0;
  return head.find(std::string("TA1") + element) != std::string::npos;
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
