#pragma once
// A statement as PDF, laid out with Pango on a cairo PDF surface (Debian's libcairo2 and
// libpango1.0): US Letter, one statement per document (`clearhouse statements --format pdf`
// writes one file per account), as many pages as its visits need, each page numbered. Cairo and
// Pango are seen by statement_pdf.cpp alone. PHI: written only to the output, never to a log.

#include <optional>
#include <string>

#include "engine/model/patient_statement.hpp"

namespace clearhouse::statements {

// The PDF's bytes, or nullopt with error set (cairo's status, never the statement's content).
std::optional<std::string> statement_pdf(const model::PatientStatement& statement, std::string& error);
// The same, written to path.
bool write_statement_pdf(const model::PatientStatement& statement, const std::string& path, std::string& error);

}  // namespace clearhouse::statements
