#pragma once
// How `clearhouse validate` and `clearhouse intake` print findings: text (one line per
// finding with its location) or JSON (one object with the findings array and the verdict).

#include <cstdio>
#include <string>

#include "parsers/x12/spec/file_validator.hpp"

namespace clearhouse::cli {

// "accepted", "accepted_with_errors" or "rejected".
std::string verdict(const x12::spec::ValidationReport& report);

void print_findings_text(std::FILE* out, const std::string& file, const x12::spec::ValidationReport& report);
void print_findings_json(std::FILE* out, const std::string& file, const x12::spec::ValidationReport& report,
                         const std::string& ack_path);

}  // namespace clearhouse::cli
