#pragma once
// Test helper: every 277 transaction set of a file (or an in-memory text) as ClaimStatusReport
// values, with the reader's file-level findings.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/claim_status_report.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12_277/claim_status_reader.hpp"
#include "tests/support/spec_paths.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {

struct ReadClaimStatuses {
  std::vector<model::ClaimStatusReport> reports;
  std::vector<model::Finding> file_findings;
  std::uint64_t skipped = 0;
};

inline ReadClaimStatuses read_claim_statuses_text(std::string_view text, std::string name = "<memory>") {
  ReadClaimStatuses out;
  x12::MemorySource source(text, name);
  x12::Diagnostics diagnostics(name);
  x12::SegmentReader segments(source, diagnostics);
  x12::EnvelopeReader envelope(segments, diagnostics);
  x12_277::ClaimStatusReader reader(envelope, diagnostics, *spec_catalog());
  model::ClaimStatusReport r;
  while (reader.next(r)) out.reports.push_back(r);
  out.file_findings = reader.take_file_findings();
  out.skipped = reader.skipped_transactions();
  return out;
}

inline ReadClaimStatuses read_claim_statuses(const std::filesystem::path& path) {
  const std::string text = read_file(path);
  return read_claim_statuses_text(text, path.filename().string());
}

inline std::size_t error_count(const std::vector<model::Finding>& findings) {
  std::size_t n = 0;
  for (const auto& f : findings) n += f.is_error();
  return n;
}

}  // namespace clearhouse::testing
