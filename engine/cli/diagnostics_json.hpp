#pragma once
// Writes X12 diagnostics as the "errors"/"warnings" arrays every command prints:
// [{"offset":..,"segment":..,"id":"SE","element":1,"code":"count_mismatch","message":".."}].

#include "generators/render/json_writer.hpp"
#include "parsers/x12/error.hpp"

namespace clearhouse::cli {

void write_x12_error(render::JsonWriter& json, const x12::X12Error& e);
// Writes "errors", "warnings", and their totals ("error_count", "warning_count").
void write_diagnostics(render::JsonWriter& json, const x12::Diagnostics& d);

}  // namespace clearhouse::cli
