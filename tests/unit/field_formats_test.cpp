#include "engine/edits/field_formats.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace clearhouse::edits {
namespace {

TEST(FieldFormatsTest, StatesZipEin) {
  for (auto s : {"IL", "DC", "PR", "AE", "WY"}) EXPECT_TRUE(is_us_state(s)) << s;
  for (auto s : {"XX", "il", "ILL", ""}) EXPECT_FALSE(is_us_state(s)) << s;
  for (auto z : {"62704", "627041234", "62704-1234"}) EXPECT_TRUE(is_zip(z)) << z;
  for (auto z : {"6270", "6270412", "62704-12", "ABCDE"}) EXPECT_FALSE(is_zip(z)) << z;
  EXPECT_EQ(normalize_zip("62704-1234"), "627041234");
  EXPECT_TRUE(is_ein("123456789"));
  EXPECT_TRUE(is_ein("12-3456789"));
  EXPECT_FALSE(is_ein("12345678"));
  EXPECT_FALSE(is_ein("123-45-6789"));
  EXPECT_EQ(normalize_ein("12-3456789"), "123456789");
}

TEST(FieldFormatsTest, CodesAndText) {
  EXPECT_TRUE(is_gender("U"));
  EXPECT_FALSE(is_gender("X"));
  EXPECT_TRUE(is_taxonomy("207Q00000X"));
  EXPECT_FALSE(is_taxonomy("207Q00000"));
  EXPECT_FALSE(is_taxonomy("207Q000001"));
  EXPECT_TRUE(is_claim_filing_indicator("MB"));
  EXPECT_FALSE(is_claim_filing_indicator("XX"));
  EXPECT_TRUE(is_payer_responsibility("S"));
  EXPECT_FALSE(is_payer_responsibility("Z"));
  EXPECT_TRUE(is_patient_relationship("19"));
  EXPECT_FALSE(is_patient_relationship("18"));
  EXPECT_TRUE(is_x12_text("O'BRIEN & SONS, INC."));
  EXPECT_FALSE(is_x12_text("A*B"));
  EXPECT_FALSE(is_x12_text("A~B"));
  EXPECT_FALSE(is_x12_text("CAF\xc3\xa9"));
  EXPECT_TRUE(is_po_box("P.O. Box 12"));
  EXPECT_TRUE(is_po_box("PO BOX 4410"));
  EXPECT_FALSE(is_po_box("100 MAIN ST"));
}

TEST(FieldFormatsTest, X12TextIsEveryPrintableAsciiByteButTheDelimiters) {
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const bool expected = b >= 0x20 && b <= 0x7E && c != '*' && c != ':' && c != '^' && c != '~';
    EXPECT_EQ(is_x12_text(std::string{'A', c, 'B'}), expected) << b;
  }
  EXPECT_TRUE(is_x12_text(""));
}

TEST(FieldFormatsTest, StateAndClaimFilingCodesAreExactlyTheirListsOverEveryTwoBytes) {
  const std::set<std::string> states = {
      "AA", "AE", "AK", "AL", "AP", "AR", "AS", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "FM", "GA",
      "GU", "HI", "IA", "ID", "IL", "IN", "KS", "KY", "LA", "MA", "MD", "ME", "MH", "MI", "MN", "MO",
      "MP", "MS", "MT", "NC", "ND", "NE", "NH", "NJ", "NM", "NV", "NY", "OH", "OK", "OR", "PA", "PR",
      "PW", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VI", "VT", "WA", "WI", "WV", "WY"};
  const std::set<std::string> filing = {"11", "12", "13", "14", "15", "16", "17", "AM", "BL", "CH", "CI", "DS",
                                        "FI", "HM", "LM", "MA", "MB", "MC", "OF", "TV", "VA", "WC", "ZZ"};
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string code{static_cast<char>(a), static_cast<char>(b)};
      ASSERT_EQ(is_us_state(code), states.count(code) == 1) << a << " " << b;
      ASSERT_EQ(is_claim_filing_indicator(code), filing.count(code) == 1) << a << " " << b;
    }
  }
  for (const char* other : {"", "C", "CAL", "ILL"}) {
    EXPECT_FALSE(is_us_state(other));
    EXPECT_FALSE(is_claim_filing_indicator(other));
  }
}

}  // namespace
}  // namespace clearhouse::edits
