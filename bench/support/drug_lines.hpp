#pragma once
// The generated encounters with a drug (2410 LIN/CTP) on the first line of every tenth
// encounter, so the submit benchmark measures claims as practices send them (gen_x12.py
// writes no drugs).

#include <filesystem>

namespace clearhouse::bench {

// "<stem>.drugs.jsonl" beside `encounters`, written on first use.
std::filesystem::path with_drug_lines(const std::filesystem::path& encounters);

}  // namespace clearhouse::bench
