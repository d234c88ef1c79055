// Every envelope rule, broken one at a time: each error names the segment ordinal, its id,
// the element, and what was expected and found.
#include <gtest/gtest.h>

#include <string>

#include "parsers/x12/envelope_reader.hpp"
#include "tests/support/x12_samples.hpp"

namespace clearhouse::x12 {
namespace {

Diagnostics check(const std::string& text) {
  Diagnostics d("test.x12");
  MemorySource source(text);
  SegmentReader segments(source, d);
  EnvelopeReader reader(segments, d);
  while (reader.next()) {
  }
  return d;
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  return text.replace(pos, from.size(), to);
}

const X12Error& only_error(const Diagnostics& d) {
  EXPECT_EQ(d.error_count(), 1u);
  static X12Error none;
  return d.errors().empty() ? none : d.errors()[0];
}

TEST(EnvelopeReaderErrors, SeSegmentCount) {
  Diagnostics d = check(replace(testing::small_835(), "SE*14*0001", "SE*30*0001"));
  const X12Error& e = only_error(d);
  EXPECT_EQ(e.code, X12Errc::count_mismatch);
  EXPECT_EQ(e.segment_id, "SE");
  EXPECT_EQ(e.element, 1);
  EXPECT_EQ(e.segment, 16u);
  EXPECT_EQ(e.expected, "14");
  EXPECT_EQ(e.found, "30");
  EXPECT_EQ(e.location(), "segment 16 / SE01");
  EXPECT_NE(e.message().find("expected 14, found 30"), std::string::npos);
}

TEST(EnvelopeReaderErrors, SeControlNumber) {
  Diagnostics d = check(replace(testing::small_835(), "SE*14*0001", "SE*14*0002"));
  const X12Error& e = only_error(d);
  EXPECT_EQ(e.code, X12Errc::control_number_mismatch);
  EXPECT_EQ(e.element, 2);
  EXPECT_EQ(e.expected, "0001");
  EXPECT_EQ(e.found, "0002");
}

TEST(EnvelopeReaderErrors, GeCountAndControlNumber) {
  Diagnostics d = check(replace(testing::small_835(), "GE*1*905", "GE*2*906"));
  ASSERT_EQ(d.error_count(), 2u);
  EXPECT_EQ(d.errors()[0].code, X12Errc::control_number_mismatch);
  EXPECT_EQ(d.errors()[0].segment_id, "GE");
  EXPECT_EQ(d.errors()[1].code, X12Errc::count_mismatch);
  EXPECT_EQ(d.errors()[1].element, 1);
}

TEST(EnvelopeReaderErrors, IeaCountAndControlNumber) {
  Diagnostics d = check(replace(testing::small_835(), "IEA*1*000000905", "IEA*3*000000904"));
  ASSERT_EQ(d.error_count(), 2u);
  EXPECT_EQ(d.errors()[0].code, X12Errc::control_number_mismatch);
  EXPECT_EQ(d.errors()[0].expected, "000000905");
  EXPECT_EQ(d.errors()[1].code, X12Errc::count_mismatch);
  EXPECT_EQ(d.errors()[1].segment_id, "IEA");
}

TEST(EnvelopeReaderErrors, NonNumericCountIsAnInvalidValue) {
  Diagnostics d = check(replace(testing::small_835(), "SE*14*0001", "SE*X4*0001"));
  const X12Error& e = only_error(d);
  EXPECT_EQ(e.code, X12Errc::invalid_value);
}

TEST(EnvelopeReaderErrors, DuplicateStControlNumberInAGroup) {
  const std::string text = replace(testing::two_groups_835(), "ST*835*0002~", "ST*835*0001~");
  Diagnostics d = check(replace(text, "SE*4*0002", "SE*4*0001"));
  const X12Error& e = only_error(d);
  EXPECT_EQ(e.code, X12Errc::duplicate_control_number);
  EXPECT_EQ(e.segment_id, "ST");
}

TEST(EnvelopeReaderErrors, MissingSeBeforeGe) {
  Diagnostics d = check(replace(testing::small_835(), "SE*14*0001~", ""));
  const X12Error& e = only_error(d);
  EXPECT_EQ(e.code, X12Errc::missing_trailer);
  EXPECT_EQ(e.expected, "SE");
  EXPECT_EQ(e.found, "GE");
}

TEST(EnvelopeReaderErrors, MissingGeBeforeIea) {
  Diagnostics d = check(replace(testing::small_835(), "GE*1*905~", ""));
  const X12Error& e = only_error(d);
  EXPECT_EQ(e.code, X12Errc::missing_trailer);
  EXPECT_EQ(e.expected, "GE");
}

TEST(EnvelopeReaderErrors, MissingTrailersAtEndOfFile) {
  std::string text = testing::small_835();
  text = text.substr(0, text.find("SE*14"));
  Diagnostics d = check(text);
  ASSERT_EQ(d.error_count(), 3u);
  EXPECT_EQ(d.errors()[0].expected, "SE");
  EXPECT_EQ(d.errors()[1].expected, "GE");
  EXPECT_EQ(d.errors()[2].expected, "IEA");
  EXPECT_EQ(d.errors()[2].found, "end of input");
  EXPECT_EQ(d.errors()[2].offset, text.size());
}

TEST(EnvelopeReaderErrors, SegmentsOutsideEnvelopes) {
  Diagnostics after_iea = check(testing::small_835() + "N1*PR*X~");
  EXPECT_EQ(only_error(after_iea).code, X12Errc::segment_outside_envelope);
  Diagnostics between_se_ge = check(replace(testing::small_835(), "GE*1*905~", "N1*PR*X~GE*1*905~"));
  EXPECT_EQ(only_error(between_se_ge).code, X12Errc::segment_outside_envelope);
  EXPECT_NE(only_error(between_se_ge).detail.find("outside any transaction set"), std::string::npos);
  Diagnostics st_outside_group = check(replace(testing::small_835(), "GS*HP*SENDER*RECEIVER*20240612*0701*905*X*005010X221A1~", ""));
  ASSERT_GE(st_outside_group.error_count(), 1u);
  EXPECT_EQ(st_outside_group.errors()[0].code, X12Errc::segment_outside_envelope);
}

TEST(EnvelopeReaderErrors, TrailersWithoutHeaders) {
  Diagnostics d = check(testing::small_835() + "SE*1*0001~GE*0*1~IEA*0*000000001~");
  ASSERT_EQ(d.error_count(), 3u);
  for (const auto& e : d.errors()) EXPECT_EQ(e.code, X12Errc::trailer_without_header);
}

TEST(EnvelopeReaderErrors, NewInterchangeBeforeIea) {
  std::string first = testing::small_835();
  first = first.substr(0, first.find("IEA*"));
  Diagnostics d = check(first + testing::small_835());
  const X12Error& e = only_error(d);
  EXPECT_EQ(e.code, X12Errc::header_before_trailer);
  EXPECT_EQ(e.segment_id, "ISA");
}

TEST(EnvelopeReaderErrors, BadSegmentIdsAreReportedAndCounted) {
  std::string text = replace(testing::small_835(), "N1*PR*PAYER ONE~", "n1*PR*PAYER ONE~");
  text = replace(text, "LX*1~", "*1~");
  Diagnostics d = check(text);
  ASSERT_EQ(d.error_count(), 2u);
  EXPECT_EQ(d.errors()[0].code, X12Errc::bad_segment_id);
  EXPECT_EQ(d.errors()[0].found, "'n1'");
  EXPECT_EQ(d.errors()[1].found, "empty id");
}

}  // namespace
}  // namespace clearhouse::x12
