#pragma once
// The drug-line encounters with a second payer (other_coverage, 2320/2330A/2330B) on every
// fourth encounter, so the submit benchmark measures the mix practices send: about one claim in
// four has another payer (gen_x12.py writes none).

#include <filesystem>

namespace clearhouse::bench {

// "<stem>.cob.jsonl" beside `encounters`, written on first use.
std::filesystem::path with_other_coverage(const std::filesystem::path& encounters);

}  // namespace clearhouse::bench
