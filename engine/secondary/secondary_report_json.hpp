#pragma once
// The secondary run's report as JSON fields, shared by `clearhouse secondary --format json`
// (stdout) and POST /v1/secondary (its response), so both say the same thing the same way. The
// files differ by design (paths on the command line, names and texts over HTTP): the caller
// writes them.

#include "engine/secondary/secondary_run.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::secondary {

// as_of, candidates, sent, replacements, forwarded, waiting, nothing_owed, rejected, bytes,
// rejections_file and decisions, into an object the caller has opened.
void write_secondary_report_fields(render::JsonWriter& json, model::Date as_of, const SecondaryReport& report);

}  // namespace clearhouse::secondary
