// Fuzz target: the patient payments CSV reader. Every data row comes out as a payment or as an
// error (rows == payments + errors, unless a bad header stopped the file), lines only grow, and every payment is one the reader
// promises: a reference, a real date, a non-zero amount, negative only as a reversal.
#include <cstdint>
#include <string_view>

#include "parsers/patient_payments/patient_payment_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clearhouse;
  const auto read = patient_payments::read_patient_payments(std::string_view(reinterpret_cast<const char*>(data), size));
  const bool header_refused = read.header && read.rows == 0 && read.payments.empty();  // its errors, no rows
  if (!header_refused && read.rows != static_cast<int>(read.payments.size() + read.errors.size())) __builtin_trap();
  int last = 0;
  for (const auto& p : read.payments) {
    if (p.line <= last || p.reference.empty() || !p.date.valid() || p.amount.is_zero()) __builtin_trap();
    if (p.is_reversal() && p.reversed_reference().empty()) __builtin_trap();
    last = p.line;
  }
  for (const auto& e : read.errors)
    if (e.line <= 0 || e.message.empty()) __builtin_trap();
  return 0;
}
