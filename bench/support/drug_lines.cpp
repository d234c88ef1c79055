#include "bench/support/drug_lines.hpp"

#include <fstream>
#include <stdexcept>
#include <string>

namespace clearhouse::bench {

std::filesystem::path with_drug_lines(const std::filesystem::path& encounters) {
  std::filesystem::path out = encounters;
  out.replace_extension(".drugs.jsonl");
  if (std::filesystem::exists(out)) return out;
  std::ifstream in(encounters);
  const std::filesystem::path tmp = out.string() + ".tmp";
  std::ofstream os(tmp);
  constexpr std::string_view kFirstLine = R"({"line":1,)";
  constexpr std::string_view kDrug = R"("drug":{"ndc":"00409-4872-02","quantity":"2","unit":"ML"},)";
  std::string line;
  for (std::uint64_t n = 0; std::getline(in, line); ++n) {
    if (n % 10 == 0)
      if (const auto at = line.find(kFirstLine); at != std::string::npos) line.insert(at + kFirstLine.size(), kDrug);
    os << line << '\n';
  }
  os.close();
  if (!in.eof() || !os) throw std::runtime_error("cannot write " + out.string());
  std::filesystem::rename(tmp, out);
  return out;
}

}  // namespace clearhouse::bench
