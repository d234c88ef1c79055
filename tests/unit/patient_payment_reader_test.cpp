// The patient payments CSV: `date,claim_id,amount,method,reference` (and an optional account),
// with or without a header, quoted fields, CRLF, a byte order mark, blank lines; amounts exact
// to the cent through the one money grammar, dates through model::Date.
#include "parsers/patient_payments/patient_payment_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace clearhouse::patient_payments {
namespace {

using model::Money;
using model::PaymentMethod;

TEST(PatientPaymentReader, RowsWithAHeader) {
  const auto read = read_patient_payments(
      "date,claim_id,amount,method,reference\n"
      "2026-06-01,C1,30.00,check,CHK1001\n"
      "2026-06-02,C2,25,card,\"AUTH, 77\"\n");
  EXPECT_TRUE(read.header);
  EXPECT_TRUE(read.errors.empty());
  ASSERT_EQ(read.payments.size(), 2u);
  EXPECT_EQ(read.rows, 2);
  const auto& p = read.payments[0];
  EXPECT_EQ(p.line, 2);
  EXPECT_EQ(p.date, (model::Date{2026, 6, 1}));
  EXPECT_EQ(p.claim_id, "C1");
  EXPECT_EQ(p.amount, Money::from_cents(3000));
  EXPECT_EQ(p.method, PaymentMethod::check);
  EXPECT_EQ(p.reference, "CHK1001");
  EXPECT_EQ(read.payments[1].reference, "AUTH, 77");  // a quoted comma
  EXPECT_EQ(read.payments[1].amount, Money::from_cents(2500));
}

TEST(PatientPaymentReader, NoHeaderAnEmptyClaimAndAnAccountColumn) {
  const auto read = read_patient_payments(
      "2026-06-01,C1,30.00,check,CHK1001\r\n"
      "\r\n"
      "20260603,,120.5,CASH,R-3,PA0123456789AB\r\n");
  EXPECT_FALSE(read.header);
  ASSERT_TRUE(read.errors.empty()) << read.errors[0].message;
  ASSERT_EQ(read.payments.size(), 2u);
  EXPECT_EQ(read.payments[1].line, 3);
  EXPECT_EQ(read.payments[1].claim_id, "");
  EXPECT_EQ(read.payments[1].account, "PA0123456789AB");
  EXPECT_EQ(read.payments[1].amount, Money::from_cents(12050));
  EXPECT_EQ(read.payments[1].method, PaymentMethod::cash);
  EXPECT_EQ(read.payments[1].date, (model::Date{2026, 6, 3}));
}

TEST(PatientPaymentReader, HeaderColumnsInAnyOrderWithAccount) {
  const auto read = read_patient_payments(
      "\xEF\xBB\xBFReference,Amount,Date,Method,Claim_ID,Account\n"
      " CHK9 , 10.00 ,2026-06-01, check ,,PA1\n");
  ASSERT_TRUE(read.errors.empty()) << read.errors[0].message;
  ASSERT_EQ(read.payments.size(), 1u);
  EXPECT_EQ(read.payments[0].reference, "CHK9");  // blanks around fields trimmed
  EXPECT_EQ(read.payments[0].amount, Money::from_cents(1000));
  EXPECT_EQ(read.payments[0].account, "PA1");
}

TEST(PatientPaymentReader, AReversalRow) {
  const auto read = read_patient_payments("2026-06-05,C1,-30.00,check,reverses:CHK1001\n");
  ASSERT_TRUE(read.errors.empty()) << read.errors[0].message;
  EXPECT_TRUE(read.payments[0].is_reversal());
  EXPECT_EQ(read.payments[0].reversed_reference(), "CHK1001");
}

TEST(PatientPaymentReader, FromAStream) {
  std::istringstream in("2026-06-01,C1,1,ach,A\n2026-06-01,C1,2,ach,B\n");
  const auto read = read_patient_payments(in);
  EXPECT_EQ(read.payments.size(), 2u);
}

}  // namespace
}  // namespace clearhouse::patient_payments
