#pragma once
// The generated encounters (gen_x12.py writes plain ones) turned into the mix practices send, so
// the submit benchmark measures claims as they come: a drug (2410 LIN/CTP) on the first line of
// every tenth encounter, and a second payer (2320/2330A/2330B) on every fourth.

#include <filesystem>

namespace clearhouse::bench {

// "<stem>.drugs.jsonl" beside `encounters`, written on first use.
std::filesystem::path with_drug_lines(const std::filesystem::path& encounters);
// "<stem>.cob.jsonl" beside `encounters` (give it the drug mix), written on first use. No
// payer_responsibility: the edits fill in the code after the primary's.
std::filesystem::path with_other_coverage(const std::filesystem::path& encounters);

}  // namespace clearhouse::bench
