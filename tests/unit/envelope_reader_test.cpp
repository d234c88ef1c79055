#include "parsers/x12/envelope_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/x12_samples.hpp"

namespace clearhouse::x12 {
namespace {

struct Walk {
  std::vector<SegmentRole> roles;
  std::vector<std::string> transaction_numbers;
  EnvelopeCounts counts;
  Diagnostics diagnostics;
};

Walk walk(const std::string& text) {
  Walk w;
  MemorySource source(text);
  SegmentReader segments(source, w.diagnostics);
  EnvelopeReader reader(segments, w.diagnostics);
  while (reader.next()) {
    w.roles.push_back(reader.role());
    if (reader.role() == SegmentRole::transaction_header) w.transaction_numbers.push_back(reader.transaction().control_number);
  }
  w.counts = reader.counts();
  return w;
}

TEST(EnvelopeReader, ValidInterchangeHasNoFindings) {
  Walk w = walk(testing::small_835());
  EXPECT_EQ(w.diagnostics.error_count(), 0u);
  EXPECT_EQ(w.diagnostics.warning_count(), 0u);
  EXPECT_EQ(w.counts.interchanges, 1u);
  EXPECT_EQ(w.counts.groups, 1u);
  EXPECT_EQ(w.counts.transactions, 1u);
  EXPECT_EQ(w.counts.segments, 18u);
  EXPECT_EQ(w.roles.front(), SegmentRole::interchange_header);
  EXPECT_EQ(w.roles[1], SegmentRole::group_header);
  EXPECT_EQ(w.roles[2], SegmentRole::transaction_header);
  EXPECT_EQ(w.roles[3], SegmentRole::transaction_body);
  EXPECT_EQ(w.roles[15], SegmentRole::transaction_trailer);
  EXPECT_EQ(w.roles[16], SegmentRole::group_trailer);
  EXPECT_EQ(w.roles[17], SegmentRole::interchange_trailer);
}

TEST(EnvelopeReader, SeveralGroupsAndTransactionSets) {
  Walk w = walk(testing::two_groups_835());
  EXPECT_EQ(w.diagnostics.error_count(), 0u);
  EXPECT_EQ(w.counts.groups, 2u);
  EXPECT_EQ(w.counts.transactions, 3u);
  // ST02 0001 is reused across groups: allowed, it only has to be unique within one group.
  EXPECT_EQ(w.transaction_numbers, (std::vector<std::string>{"0001", "0001", "0002"}));
}

TEST(EnvelopeReader, TransactionSetPositionCountsFromSt) {
  const std::string text = testing::small_835();
  MemorySource source(text);
  Diagnostics d;
  SegmentReader segments(source, d);
  EnvelopeReader reader(segments, d);
  std::vector<std::uint64_t> positions;
  while (reader.next())
    if (reader.in_transaction() || reader.role() == SegmentRole::transaction_trailer)
      positions.push_back(reader.position_in_transaction());
  ASSERT_EQ(positions.size(), 14u);
  EXPECT_EQ(positions.front(), 1u);
  EXPECT_EQ(positions.back(), 14u);
}

TEST(EnvelopeReader, TechnicalAcknowledgmentBetweenIsaAndGs) {
  const std::string text = testing::isa_segment() + "TA1*000000001*240612*0701*A*000~IEA*0*000000905~";
  Walk w = walk(text);
  EXPECT_EQ(w.diagnostics.error_count(), 0u);
  EXPECT_EQ(w.roles[1], SegmentRole::interchange_ack);
}

TEST(EnvelopeReader, IeaCountingTa1InsteadOfGroupsIsAWarning) {
  Walk w = walk(testing::isa_segment() + "TA1*000000001*240612*0701*R*024~IEA*1*000000905~");
  EXPECT_EQ(w.diagnostics.error_count(), 0u);
  ASSERT_EQ(w.diagnostics.warning_count(), 1u);
  EXPECT_EQ(w.diagnostics.warnings()[0].code, X12Errc::ta1_counted_as_group);
}

}  // namespace
}  // namespace clearhouse::x12
