#include "engine/model/patient_payment.hpp"

#include <array>
#include <utility>

namespace clearhouse::model {

namespace {
constexpr std::array<std::pair<PaymentMethod, std::string_view>, 5> kMethods = {{
    {PaymentMethod::cash, "cash"},
    {PaymentMethod::check, "check"},
    {PaymentMethod::card, "card"},
    {PaymentMethod::ach, "ach"},
    {PaymentMethod::money_order, "money_order"},
}};

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}
}  // namespace

std::string_view to_string(PaymentMethod method) {
  for (const auto& [m, name] : kMethods)
    if (m == method) return name;
  return "cash";
}

std::optional<PaymentMethod> payment_method_from_string(std::string_view text) {
  for (const auto& [m, name] : kMethods)
    if (same_ignoring_case(text, name)) return m;
  return std::nullopt;
}

}  // namespace clearhouse::model
