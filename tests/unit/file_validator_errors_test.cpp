// Envelope and transaction-set errors as the acknowledgments name them: SE count and control
// number (IK5 4 / 3), GE count and control number (AK905 5 / 4), IEA count and control
// number (TA105 021 / 001), ISA field errors (TA105 by field), unsupported versions (IK5 1 /
// AK905 2), a segment in error (IK5 5 / I5 with IK3), and no ISA at all.
#include <gtest/gtest.h>

#include "parsers/x12/input_source.hpp"
#include "parsers/x12/spec/file_validator.hpp"
#include "tests/support/spec_paths.hpp"

namespace clearhouse::x12::spec {
namespace {

std::string valid() {
  return testing::read_file(testing::source_dir() / "tests" / "golden" / "validate" / "valid_837p.x12");
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

ValidationReport validate_text(const std::string& text) {
  MemorySource source(text);
  return validate_x12(source, *testing::spec_catalog());
}

const model::TransactionSetAck& only_set(const ValidationReport& r) {
  static const model::TransactionSetAck none;
  if (r.interchanges.size() != 1 || r.interchanges[0].groups.size() != 1 || r.interchanges[0].groups[0].sets.size() != 1) {
    ADD_FAILURE() << "expected one interchange, group and set";
    return none;
  }
  return r.interchanges[0].groups[0].sets[0];
}

bool has(const std::vector<std::string>& v, const std::string& code) {
  for (const auto& c : v)
    if (c == code) return true;
  return false;
}

TEST(FileValidatorErrors, SegmentCountInSeIsIk5Code4) {
  const auto r = validate_text(replaced(valid(), "SE*29*0001~", "SE*28*0001~"));
  EXPECT_EQ(only_set(r).code, 'R');
  EXPECT_TRUE(has(only_set(r).syntax_errors, "4"));
  EXPECT_FALSE(r.fully_accepted());
}

TEST(FileValidatorErrors, ControlNumberInSeIsIk5Code3) {
  const auto r = validate_text(replaced(valid(), "SE*29*0001~", "SE*29*0002~"));
  EXPECT_EQ(only_set(r).code, 'R');
  EXPECT_TRUE(has(only_set(r).syntax_errors, "3"));
}

TEST(FileValidatorErrors, GroupTrailerErrorsAreAk905) {
  const auto count = validate_text(replaced(valid(), "GE*1*101~", "GE*2*101~"));
  ASSERT_EQ(count.interchanges.size(), 1u);
  ASSERT_EQ(count.interchanges[0].groups.size(), 1u);
  EXPECT_EQ(count.interchanges[0].groups[0].code, 'R');
  EXPECT_TRUE(has(count.interchanges[0].groups[0].group_errors, "5"));
  const auto number = validate_text(replaced(valid(), "GE*1*101~", "GE*1*102~"));
  ASSERT_EQ(number.interchanges[0].groups.size(), 1u);
  EXPECT_TRUE(has(number.interchanges[0].groups[0].group_errors, "4"));
}

TEST(FileValidatorErrors, InterchangeTrailerErrorsAreTa1Notes) {
  const auto count = validate_text(replaced(valid(), "IEA*1*000000101~", "IEA*2*000000101~"));
  ASSERT_EQ(count.interchanges.size(), 1u);
  EXPECT_EQ(count.interchanges[0].ta1.code, 'R');
  EXPECT_EQ(count.interchanges[0].ta1.note_code, "021");
  const auto number = validate_text(replaced(valid(), "IEA*1*000000101~", "IEA*1*000000102~"));
  ASSERT_EQ(number.interchanges.size(), 1u);
  EXPECT_EQ(number.interchanges[0].ta1.note_code, "001");
}

TEST(FileValidatorErrors, IsaFieldErrorIsNamedByItsNoteCode) {
  // ISA15 must be P or T.
  const auto r = validate_text(replaced(valid(), "*000000101*1*P*:~", "*000000101*1*X*:~"));
  ASSERT_EQ(r.interchanges.size(), 1u);
  EXPECT_EQ(r.interchanges[0].ta1.code, 'R');
  EXPECT_EQ(r.interchanges[0].ta1.note_code, "020");
}

TEST(FileValidatorErrors, UnsupportedVersionsAreRejected) {
  // An institutional guide in ST03 under a professional group: implementation not supported.
  const auto set = validate_text(replaced(valid(), "ST*837*0001*005010X222A1~", "ST*837*0001*005010X223A2~"));
  EXPECT_EQ(set.rejected, 1u);
  EXPECT_EQ(only_set(set).code, 'R');
  EXPECT_TRUE(has(only_set(set).syntax_errors, "I6"));
  const auto group = validate_text(replaced(valid(), "*101*X*005010X222A1~", "*101*X*004010X098A1~"));
  ASSERT_EQ(group.interchanges.size(), 1u);
  ASSERT_EQ(group.interchanges[0].groups.size(), 1u);
  EXPECT_EQ(group.interchanges[0].groups[0].code, 'R');
  EXPECT_FALSE(group.fully_accepted());
}

TEST(FileValidatorErrors, ElementErrorRejectsItsSetWithASegmentNote) {
  // SV103 must be a unit code (UN or MJ).
  const auto r = validate_text(replaced(valid(), "SV1*HC:99213*100*UN*", "SV1*HC:99213*100*XX*"));
  const auto& set = only_set(r);
  EXPECT_EQ(set.code, 'R');
  EXPECT_TRUE(has(set.syntax_errors, "I5"));  // an implementation code list
  ASSERT_FALSE(set.segments.empty());
  EXPECT_EQ(set.segments[0].segment_id, "SV1");
  EXPECT_EQ(set.segments[0].loop_id, "2400");
  ASSERT_FALSE(set.segments[0].elements.empty());
  EXPECT_EQ(set.segments[0].elements[0].element, 3);
  EXPECT_EQ(set.segments[0].elements[0].code, "7");
  EXPECT_EQ(set.segments[0].claim_id, "PCN1001");
}

TEST(FileValidatorErrors, TrailingElementSeparatorRejectsTheSet) {
  const auto r = validate_text(replaced(valid(), "REF*EI*123456789~", "REF*EI*123456789*~"));
  const auto& set = only_set(r);
  EXPECT_EQ(set.code, 'R');
  ASSERT_EQ(set.segments.size(), 1u);
  EXPECT_EQ(set.segments[0].segment_id, "REF");
  EXPECT_EQ(set.segments[0].code, "8");
  EXPECT_EQ(set.segments[0].loop_id, "2010AA");
}

TEST(FileValidatorErrors, NoInterchangeIsUnreadable) {
  const auto r = validate_text("this is not X12");
  EXPECT_FALSE(r.readable);
  EXPECT_FALSE(r.fully_accepted());
  EXPECT_TRUE(r.any_rejected());
}

}  // namespace
}  // namespace clearhouse::x12::spec
