#pragma once
// Test helper: every 835 transaction set of a file (or an in-memory text) as Remittance values,
// with the reader's file-level findings.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/remittance.hpp"
#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/input_source.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12_835/remittance_reader.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {

struct ReadRemittances {
  std::vector<model::Remittance> remittances;
  std::vector<model::Finding> file_findings;
  std::uint64_t skipped = 0;
  std::uint64_t errors = 0;  // lexer and envelope errors in total
};

inline ReadRemittances read_remittances_text(std::string_view text, std::string name = "<memory>") {
  ReadRemittances out;
  x12::MemorySource source(text, name);
  x12::Diagnostics diagnostics(name);
  x12::SegmentReader segments(source, diagnostics);
  x12::EnvelopeReader envelope(segments, diagnostics);
  x12_835::RemittanceReader reader(envelope, diagnostics);
  model::Remittance r;
  while (reader.next(r)) out.remittances.push_back(r);
  out.file_findings = reader.take_file_findings();
  out.skipped = reader.skipped_transactions();
  out.errors = diagnostics.error_count();
  return out;
}

inline ReadRemittances read_remittances(const std::filesystem::path& path) {
  const std::string text = read_file(path);
  return read_remittances_text(text, path.filename().string());
}

inline std::filesystem::path fixture_835(const std::string& name) {
  return source_dir() / "tests" / "fixtures" / "835" / name;
}

}  // namespace clearhouse::testing
