#pragma once
// The submit report as JSON fields, shared by `clearhouse submit` (stdout) and the service's
// POST /v1/claims (its response), so both say the same thing the same way.

#include "engine/submit/submit_run.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::submit {

// encounters, claims, rejected, submitted, lines, billed, files, rejections, split, warnings
// (the settings' and then the input's): written into an object the caller has opened.
void write_submit_report_fields(render::JsonWriter& json, const SubmitReport& r);

}  // namespace clearhouse::submit
