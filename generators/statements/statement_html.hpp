#pragma once
// Statements as one self-contained, printable HTML document (no scripts, no links, styles
// inline): one section per statement, each starting on a new printed page. The page of the
// service shows it; `clearhouse statements --format html` writes it. Text is HTML-escaped.
// PHI: written only to the output, never to a log.

#include <span>
#include <string>
#include <string_view>

#include "engine/model/patient_statement.hpp"

namespace clearhouse::statements {

std::string statements_html(std::span<const model::PatientStatement> statements);

// The text of the statements' one <style> element, exactly: the page that shows a statement
// allows it by its hash in its Content-Security-Policy, and no other inline style.
std::string_view statement_style_text();

}  // namespace clearhouse::statements
