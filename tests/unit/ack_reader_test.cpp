// The 999/TA1 reader: reads back what clearhouse's 999 writer wrote (the golden 999s), TA1s
// between ISA and IEA, and skips what is not an acknowledgment.
#include <gtest/gtest.h>

#include "parsers/x12/input_source.hpp"
#include "parsers/x12_999/ack_reader.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

x12_999::AckFile read(const std::string& text, x12::Diagnostics& diagnostics) {
  x12::MemorySource source(text);
  return x12_999::read_acknowledgments(source, diagnostics);
}

std::string golden(const std::string& name) {
  return testing::read_file(testing::source_dir() / "tests" / "golden" / "validate" / name);
}

TEST(AckReader, ReadsARejectedSetWithItsSegmentAndElementNotes) {
  x12::Diagnostics diagnostics;
  const auto file = read(golden("clm02_not_sum_of_sv102.999"), diagnostics);
  EXPECT_FALSE(diagnostics.has_errors());
  ASSERT_EQ(file.interchanges.size(), 1u);
  const auto& in = file.interchanges[0];
  EXPECT_EQ(in.sender_id, "CLEARHOUSE");
  EXPECT_EQ(in.receiver_id, "SENDER01");
  ASSERT_EQ(in.group_acks.size(), 1u);
  const auto& g = in.group_acks[0];
  EXPECT_EQ(g.functional_id, "HC");
  EXPECT_EQ(g.control_number, "101");
  EXPECT_EQ(g.code, 'R');
  EXPECT_EQ(g.included, 1u);
  EXPECT_EQ(g.accepted, 0u);
  ASSERT_EQ(g.sets.size(), 1u);
  const auto& set = g.sets[0];
  EXPECT_EQ(set.control_number, "0001");
  EXPECT_EQ(set.code, 'R');
  ASSERT_EQ(set.syntax_errors.size(), 1u);
  EXPECT_EQ(set.syntax_errors[0], "I5");
  ASSERT_EQ(set.segments.size(), 1u);
  EXPECT_EQ(set.segments[0].segment_id, "CLM");
  EXPECT_EQ(set.segments[0].position, 21u);
  EXPECT_EQ(set.segments[0].loop_id, "2300");
  EXPECT_EQ(set.segments[0].claim_id, "PCN1001");
  ASSERT_EQ(set.segments[0].elements.size(), 1u);
  EXPECT_EQ(set.segments[0].elements[0].element, 2);
  EXPECT_EQ(set.segments[0].elements[0].data_element, "782");
  EXPECT_EQ(set.segments[0].elements[0].code, "I12");
}

TEST(AckReader, ReadsAnAcceptedSet) {
  x12::Diagnostics diagnostics;
  const auto file = read(golden("valid_837p.999"), diagnostics);
  ASSERT_EQ(file.interchanges.size(), 1u);
  ASSERT_EQ(file.interchanges[0].group_acks.size(), 1u);
  const auto& g = file.interchanges[0].group_acks[0];
  EXPECT_EQ(g.code, 'A');
  ASSERT_EQ(g.sets.size(), 1u);
  EXPECT_EQ(g.sets[0].code, 'A');
  EXPECT_TRUE(g.sets[0].segments.empty());
}

TEST(AckReader, ReadsTa1sAndSkipsOtherSets) {
  const std::string text =
      "ISA*00*          *00*          *ZZ*PAYER          *ZZ*CLEARHOUSE     *260101*1200*^*00501*000000777*0*P*:~"
      "TA1*000000042*260101*1159*R*022~"
      "GS*HP*PAYER*CLEARHOUSE*20260101*1200*5*X*005010X221A1~ST*835*0001*005010X221A1~SE*2*0001~GE*1*5~"
      "IEA*1*000000777~";
  x12::Diagnostics diagnostics;
  const auto file = read(text, diagnostics);
  ASSERT_EQ(file.interchanges.size(), 1u);
  const auto& in = file.interchanges[0];
  EXPECT_EQ(in.sender_id, "PAYER");
  ASSERT_EQ(in.interchange_acks.size(), 1u);
  EXPECT_EQ(in.interchange_acks[0].control_number, "000000042");
  EXPECT_EQ(in.interchange_acks[0].code, 'R');
  EXPECT_EQ(in.interchange_acks[0].note_code, "022");
  EXPECT_TRUE(in.group_acks.empty());
  EXPECT_EQ(file.ignored_sets, 1u);
}

TEST(AckReader, EmptyInputReadsNothing) {
  x12::Diagnostics diagnostics;
  const auto file = read("", diagnostics);
  EXPECT_TRUE(file.interchanges.empty());
}

}  // namespace
}  // namespace clearhouse
