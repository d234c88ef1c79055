// Bad rows of a patient payments file: each is an error naming its line and what is wrong
// with it, the good rows around it still come out, and rows == payments + errors. A table of
// bad rows (fuzz-style: every kind of wrong field, each between two good rows).
#include <gtest/gtest.h>

#include <string>

#include "parsers/patient_payments/patient_payment_reader.hpp"

namespace clearhouse::patient_payments {
namespace {

struct BadRow {
  const char* row;
  const char* message;  // a part of the error
};

const BadRow kBadRows[] = {
    {"2026-06-01,C1,12.3x,check,R1", "amount '12.3x' is not money"},
    {"2026-06-01,C1,$12.00,check,R1", "amount '$12.00' is not money"},
    {"2026-06-01,C1,\"1,200.00\",check,R1", "amount '1,200.00' is not money"},
    {"2026-06-01,C1,12.345,check,R1", "amount '12.345' is not money"},  // sub-cent
    {"2026-06-01,C1,,check,R1", "amount '' is not money"},
    {"2026-06-01,C1,1e3,check,R1", "amount '1e3' is not money"},
    {"2026-06-01,C1,99999999999999999999999,check,R1", "is not money"},
    {"2026-02-30,C1,10.00,check,R1", "date '2026-02-30' is not a date"},
    {"06/01/2026,C1,10.00,check,R1", "date '06/01/2026' is not a date"},
    {",C1,10.00,check,R1", "date '' is not a date"},
    {"2026-13-01,C1,10.00,check,R1", "date '2026-13-01' is not a date"},
    {"2026-06-01,C1,10.00,bitcoin,R1", "method 'bitcoin' is not one of cash, check, card, ach, money_order"},
    {"2026-06-01,C1,10.00,,R1", "method '' is not one of"},
    {"2026-06-01,C1,-10.00,check,R1", "negative amount without a reversal reference ('reverses:ORIGINAL')"},
    {"2026-06-01,C1,-10.00,check,reverses:", "negative amount without a reversal reference"},
    {"2026-06-01,C1,10.00,check,reverses:R0", "a reversal reference needs a negative amount"},
    {"2026-06-01,C1,0,check,R1", "amount is zero"},
    {"2026-06-01,C1,10.00,check,", "no reference"},
    {"2026-06-01,C1,10.00,check", "4 fields, expected 5"},
    {"2026-06-01,C1,10.00,check,R1,PA1,extra", "7 fields, expected 5"},
    {"2026-06-01", "1 fields, expected 5"},
    {"2026-06-01,C1,10.00,check,\"R1", "not CSV"},
    {"2026-06-01,C1,10.00,check,R\\q1", "not CSV"},
    {"not a date,C1,ten,wire,", "date 'not a date' is not a date (YYYY-MM-DD); amount 'ten' is not money (e.g. 125.50); method 'wire'"},
};

TEST(PatientPaymentReaderErrors, EachBadRowIsAnErrorWithItsLineAndTheOthersComeOut) {
  for (const auto& bad : kBadRows) {
    const std::string text = std::string("2026-06-01,C1,1.00,cash,GOOD1\n") + bad.row + "\n2026-06-02,C2,2.00,cash,GOOD2\n";
    const auto read = read_patient_payments(text);
    ASSERT_EQ(read.errors.size(), 1u) << bad.row;
    EXPECT_EQ(read.errors[0].line, 2) << bad.row;
    EXPECT_NE(read.errors[0].message.find(bad.message), std::string::npos) << bad.row << " -> " << read.errors[0].message;
    ASSERT_EQ(read.payments.size(), 2u) << bad.row;
    EXPECT_EQ(read.payments[0].reference, "GOOD1");
    EXPECT_EQ(read.payments[1].reference, "GOOD2");
    EXPECT_EQ(read.payments[1].line, 3);
    EXPECT_EQ(read.rows, 3);
  }
}

TEST(PatientPaymentReaderErrors, AllBadRowsInOneFileKeepTheirLines) {
  std::string text = "date,claim_id,amount,method,reference\n";
  for (const auto& bad : kBadRows) text += std::string(bad.row) + "\n";
  const auto read = read_patient_payments(text);
  ASSERT_EQ(read.errors.size(), std::size(kBadRows));
  for (std::size_t i = 0; i < read.errors.size(); ++i) EXPECT_EQ(read.errors[i].line, static_cast<int>(i) + 2);
  EXPECT_TRUE(read.payments.empty());
  EXPECT_EQ(read.rows, static_cast<int>(std::size(kBadRows)));
}

TEST(PatientPaymentReaderErrors, ABadHeaderStopsTheFileWithItsReasons) {
  auto read = read_patient_payments("date,claim,amount,method\n2026-06-01,C1,1.00,cash,R1\n");
  EXPECT_TRUE(read.payments.empty());
  ASSERT_GE(read.errors.size(), 2u);
  EXPECT_EQ(read.errors[0].line, 1);
  EXPECT_EQ(read.errors[0].message, "header: unknown column 'claim'");
  EXPECT_EQ(read.errors.back().message, "header: no 'reference' column");
  read = read_patient_payments("date,claim_id,amount,amount,method,reference\n");
  EXPECT_EQ(read.errors[0].message, "header: column 'amount' twice");
}

TEST(PatientPaymentReaderErrors, ALongBadValueIsShortenedNotEchoedWhole) {
  const std::string long_amount(200, '9');
  const auto read = read_patient_payments("2026-06-01,C1," + long_amount + "x,cash,R1\n");
  ASSERT_EQ(read.errors.size(), 1u);
  EXPECT_LT(read.errors[0].message.size(), 100u);
}

TEST(PatientPaymentReaderErrors, EmptyInputHasNoRows) {
  const auto read = read_patient_payments("");
  EXPECT_EQ(read.rows, 0);
  EXPECT_TRUE(read.errors.empty());
  EXPECT_TRUE(read.payments.empty());
}

}  // namespace
}  // namespace clearhouse::patient_payments
