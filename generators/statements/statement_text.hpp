#pragma once
// The words and numbers every statement format prints the same way: money as "$1,234.50"
// (credits "-$5.00"), dates as MM/DD/YYYY (US patients' form), names and addresses as lines,
// a service as its code with its description when the encounter gave one.

#include <string>
#include <vector>

#include "engine/model/date.hpp"
#include "engine/model/money.hpp"
#include "engine/model/party.hpp"
#include "engine/model/patient_statement.hpp"

namespace clearhouse::statements {

std::string money_text(model::Money m);        // "$1,234.50", "-$5.00", "$0.00"
std::string date_text(const model::Date& d);   // "12/02/2026"; "" for an empty date
std::string guarantor_name(const model::Guarantor& g);  // "JANE Q DOE JR"
std::vector<std::string> address_lines(const model::Address& a);  // street lines, "CITY, ST 12345"
std::string service_text(const model::StatementService& s);       // "99213 Office visit" or "99213"
// "your deductible $20.00; your copay $25.00"
std::string reasons_text(const std::vector<model::OwedReason>& reasons);
// What the statement says about the amount due: "Amount due" or "Credit on your account".
std::string amount_due_label(const model::PatientStatement& s);

}  // namespace clearhouse::statements
