#pragma once
// How `clearhouse validate` and `clearhouse intake` print findings: text (one line per
// finding with its location) or JSON (one object with the findings array and the verdict).

#include <cstdio>
#include <string>

#include "generators/render/json_writer.hpp"
#include "parsers/x12/spec/file_validator.hpp"

namespace clearhouse::validation {

// "accepted", "accepted_with_errors" or "rejected".
std::string verdict(const x12::spec::ValidationReport& report);

void print_findings_text(std::FILE* out, const std::string& file, const x12::spec::ValidationReport& report);
// The fields of the JSON report (file, status, counts, interchanges, findings) into an object
// the caller has opened: the CLI adds the acknowledgment's path, the service its text.
void write_findings_fields(render::JsonWriter& json, const std::string& file, const x12::spec::ValidationReport& report);
void print_findings_json(std::FILE* out, const std::string& file, const x12::spec::ValidationReport& report,
                         const std::string& ack_path);

}  // namespace clearhouse::validation
