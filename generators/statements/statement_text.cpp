#include "generators/statements/statement_text.hpp"

#include <fmt/format.h>

#include "engine/model/insured_person.hpp"

namespace clearhouse::statements {

std::string money_text(model::Money m) {
  const std::int64_t cents = m.cents();
  const std::uint64_t abs = cents < 0 ? static_cast<std::uint64_t>(-(cents + 1)) + 1 : static_cast<std::uint64_t>(cents);
  std::string dollars = std::to_string(abs / 100);
  for (int i = static_cast<int>(dollars.size()) - 3; i > 0; i -= 3) dollars.insert(static_cast<std::size_t>(i), ",");
  return fmt::format("{}${}.{:02}", cents < 0 ? "-" : "", dollars, abs % 100);
}

std::string date_text(const model::Date& d) {
  if (d.empty()) return {};
  return fmt::format("{:02}/{:02}/{:04}", d.month, d.day, d.year);
}

std::string guarantor_name(const model::Guarantor& g) { return model::printed_name(g.first, g.middle, g.last, g.suffix); }

std::vector<std::string> address_lines(const model::Address& a) {
  std::vector<std::string> out;
  if (!a.line1.empty()) out.push_back(a.line1);
  if (!a.line2.empty()) out.push_back(a.line2);
  std::string city = a.city;
  if (!a.state.empty()) city += (city.empty() ? "" : ", ") + a.state;
  if (!a.postal_code.empty()) city += (city.empty() ? "" : " ") + a.postal_code;
  if (!city.empty()) out.push_back(city);
  return out;
}

std::string service_text(const model::StatementService& s) {
  return s.words.empty() ? s.code : s.code + " " + s.words;
}

std::string reasons_text(const std::vector<model::OwedReason>& reasons) {
  std::string out;
  for (const auto& r : reasons) {
    if (!out.empty()) out += "; ";
    out += r.words + " " + money_text(r.amount);
  }
  return out;
}

std::string amount_due_label(const model::PatientStatement& s) {
  return s.in_credit() ? "Credit on your account" : "Amount due";
}

}  // namespace clearhouse::statements
