#pragma once
// Benchmark inputs: large synthetic X12 and encounter files generated on first use into the
// build directory by ../shared/tools/gen_x12.py (deterministic; never committed), and a
// max-RSS counter for the memory figures.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <string>

namespace clearhouse::bench {

enum class X12Kind { remittance_835, claim_837p };

struct GeneratedInput {
  std::filesystem::path x12;         // the X12 file
  std::filesystem::path encounters;  // matching encounter JSON Lines (837P generation only)
};

// Generates (or reuses) a file of about target_bytes of the given kind. Throws when
// ../shared/tools/gen_x12.py is not available.
GeneratedInput generated_x12(X12Kind kind, std::uint64_t target_bytes, int seed = 7);
// Generates (or reuses) an X12 file with exactly `claims` claims (and its encounters for 837P).
GeneratedInput generated_claims(X12Kind kind, std::uint64_t claims, int seed = 7);

std::string read_whole_file(const std::filesystem::path& path);
std::filesystem::path bench_data_dir();
// The source tree and the clearhouse binary of this build.
std::filesystem::path source_dir();
std::filesystem::path clearhouse_binary();

// Peak resident set size of this process so far, in MB.
double max_rss_mb();
inline void report_max_rss(benchmark::State& state) { state.counters["max_rss_mb"] = max_rss_mb(); }

}  // namespace clearhouse::bench
