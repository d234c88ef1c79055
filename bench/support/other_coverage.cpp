#include "bench/support/other_coverage.hpp"

#include <fstream>
#include <stdexcept>
#include <string>

namespace clearhouse::bench {

std::filesystem::path with_other_coverage(const std::filesystem::path& encounters) {
  std::filesystem::path out = encounters;
  out.replace_extension(".cob.jsonl");
  if (std::filesystem::exists(out)) return out;
  std::ifstream in(encounters);
  const std::filesystem::path tmp = out.string() + ".tmp";
  std::ofstream os(tmp);
  // No payer_responsibility: the edits fill in the code after the primary's (S, or T after S).
  constexpr std::string_view kOtherCoverage =
      R"("other_coverage":[{"payer":{"name":"SECOND HEALTH PLAN","id":"SHP01","claim_filing_indicator":"CI"},)"
      R"("subscriber":{"last":"DOE","first":"PAT","member_id":"SHP123456789","group_number":"G2000"},)"
      R"("relationship":"18"}],)";
  std::string line;
  for (std::uint64_t n = 0; std::getline(in, line); ++n) {
    if (n % 4 == 1 && !line.empty() && line[0] == '{') line.insert(1, kOtherCoverage);
    os << line << '\n';
  }
  os.close();
  if (!in.eof() || !os) throw std::runtime_error("cannot write " + out.string());
  std::filesystem::rename(tmp, out);
  return out;
}

}  // namespace clearhouse::bench
