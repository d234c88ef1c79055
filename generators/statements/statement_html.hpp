#pragma once
// Statements as one self-contained, printable HTML document (no scripts, no links, styles
// inline): one section per statement, each starting on a new printed page. The page of the
// service shows it; `clearhouse statements --format html` writes it. Text is HTML-escaped.
// PHI: written only to the output, never to a log.

#include <span>
#include <string>

#include "engine/model/patient_statement.hpp"

namespace clearhouse::statements {

std::string statements_html(std::span<const model::PatientStatement> statements);

}  // namespace clearhouse::statements
