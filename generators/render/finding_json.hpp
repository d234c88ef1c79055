#pragma once
// One model::Finding as a JSON object: the one shape every command and route that lists
// posting findings writes (`post --dry-run`, POST /v1/remittances). Empty optional fields are
// left out.

#include "engine/model/finding.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::render {

void write_finding(JsonWriter& json, const model::Finding& f);

}  // namespace clearhouse::render
