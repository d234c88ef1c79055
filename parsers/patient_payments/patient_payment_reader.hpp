#pragma once
// The patient payments file: CSV, `date,claim_id,amount,method,reference`, and optionally a
// sixth column `account` (needed by a row that names no claim). A header row is allowed (a first
// row whose first field is "date", or whose fields all name columns); with one, columns may come
// in any order. Blank lines are skipped.
//
// Fields are split by Boost.Tokenizer's escaped_list_separator (quotes '"', separator ',',
// escape '\'); a quoted field may hold commas, but not a line break, and a doubled quote inside
// quotes is not a literal quote (none of these columns needs one); a quote left open is an
// error. Boost is a dependency already (no new package), and these five short columns need none
// of what a fuller CSV library adds. Amounts are read by the one money grammar
// (x12::grammar::parse_amount: "125", "125.5", "-40"; no "$" and no thousands separators), dates
// by model::Date (YYYY-MM-DD or CCYYMMDD).
//
// Every row comes out: as a payment, or as an error naming its line (not money, not a date, an
// unknown method, a negative amount without a "reverses:ORIGINAL" reference, a missing
// reference, wrong number of fields). rows == payments + errors. Whether a claim exists is the
// ledger's question (engine/patient/payment_plan.hpp), not the reader's.

#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/patient_payment.hpp"

namespace clearhouse::patient_payments {

struct RowError {
  int line = 0;          // 1-based line of the file
  std::string message;   // "amount '12,50' is not money (write 12.50)"; quotes only the bad field
};

struct PaymentsRead {
  std::vector<model::PatientPayment> payments;
  std::vector<RowError> errors;
  int rows = 0;          // data rows read (header and blank lines not counted)
  bool header = false;
};

PaymentsRead read_patient_payments(std::istream& in);
PaymentsRead read_patient_payments(std::string_view text);

}  // namespace clearhouse::patient_payments
