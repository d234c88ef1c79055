#include "bench/support/encounter_mixes.hpp"

#include <cstdint>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace clearhouse::bench {
namespace {

// `encounters` with each line passed through `edit` (given its 0-based number), written once to
// the file of this extension beside it (through a temporary, so a crash leaves no half file).
std::filesystem::path rewritten(const std::filesystem::path& encounters, std::string_view extension,
                                const std::function<void(std::uint64_t, std::string&)>& edit) {
  std::filesystem::path out = encounters;
  out.replace_extension(extension);
  if (std::filesystem::exists(out)) return out;
  std::ifstream in(encounters);
  const std::filesystem::path tmp = out.string() + ".tmp";
  std::ofstream os(tmp);
  std::string line;
  for (std::uint64_t n = 0; std::getline(in, line); ++n) {
    edit(n, line);
    os << line << '\n';
  }
  os.close();
  if (!in.eof() || !os) throw std::runtime_error("cannot write " + out.string());
  std::filesystem::rename(tmp, out);
  return out;
}

}  // namespace

std::filesystem::path with_drug_lines(const std::filesystem::path& encounters) {
  constexpr std::string_view kFirstLine = R"({"line":1,)";
  constexpr std::string_view kDrug = R"("drug":{"ndc":"00409-4872-02","quantity":"2","unit":"ML"},)";
  return rewritten(encounters, ".drugs.jsonl", [&](std::uint64_t n, std::string& line) {
    if (n % 10 == 0)
      if (const auto at = line.find(kFirstLine); at != std::string::npos) line.insert(at + kFirstLine.size(), kDrug);
  });
}

std::filesystem::path with_other_coverage(const std::filesystem::path& encounters) {
  constexpr std::string_view kOtherCoverage =
      R"("other_coverage":[{"payer":{"name":"SECOND HEALTH PLAN","id":"SHP01","claim_filing_indicator":"CI"},)"
      R"("subscriber":{"last":"DOE","first":"PAT","member_id":"SHP123456789","group_number":"G2000"},)"
      R"("relationship":"18"}],)";
  return rewritten(encounters, ".cob.jsonl", [&](std::uint64_t n, std::string& line) {
    if (n % 4 == 1 && !line.empty() && line[0] == '{') line.insert(1, kOtherCoverage);
  });
}

}  // namespace clearhouse::bench
