#include "bench/support/bench_inputs.hpp"

#include <sys/resource.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace clearhouse::bench {
namespace fs = std::filesystem;

namespace {

fs::path generator() {
  const fs::path tool = source_dir().parent_path() / "shared" / "tools" / "gen_x12.py";
  if (!fs::exists(tool)) throw std::runtime_error("benchmark inputs need " + tool.string());
  return tool;
}

// Bytes per claim of gen_x12.py's output, measured once on a small sample.
double bytes_per_claim(X12Kind kind) {
  auto sample = generated_claims(kind, 2000, 99);
  return static_cast<double>(fs::file_size(sample.x12)) / 2000.0;
}

}  // namespace

fs::path bench_data_dir() {
  fs::path dir = CLEARHOUSE_BENCH_DATA;
  fs::create_directories(dir);
  return dir;
}

GeneratedInput generated_claims(X12Kind kind, std::uint64_t claims, int seed) {
  const std::string type = kind == X12Kind::remittance_835 ? "835" : "837p";
  const fs::path dir = bench_data_dir();
  const std::string stem = type + "-" + std::to_string(claims) + "-s" + std::to_string(seed);
  GeneratedInput out{dir / (stem + (kind == X12Kind::remittance_835 ? ".835" : ".837")),
                     dir / (stem + ".encounters.jsonl")};
  if (fs::exists(out.x12) && (kind == X12Kind::remittance_835 || fs::exists(out.encounters))) return out;
  std::string cmd = "python3 '" + generator().string() + "' --type " + type + " --claims " + std::to_string(claims) +
                    " --seed " + std::to_string(seed) + " -o '" + out.x12.string() + ".tmp'";
  if (kind == X12Kind::claim_837p) cmd += " --encounters-json '" + out.encounters.string() + "'";
  cmd += " 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) throw std::runtime_error("gen_x12.py failed: " + cmd);
  fs::rename(out.x12.string() + ".tmp", out.x12);
  return out;
}

GeneratedInput generated_x12(X12Kind kind, std::uint64_t target_bytes, int seed) {
  const auto claims = static_cast<std::uint64_t>(static_cast<double>(target_bytes) / bytes_per_claim(kind)) + 1;
  return generated_claims(kind, claims, seed);
}

std::string read_whole_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

double max_rss_mb() {
  struct rusage usage {};
  ::getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux
}

fs::path source_dir() { return CLEARHOUSE_SOURCE_DIR; }
fs::path clearhouse_binary() { return CLEARHOUSE_BINARY; }

}  // namespace clearhouse::bench
