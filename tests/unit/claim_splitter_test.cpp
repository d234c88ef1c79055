#include "engine/edits/claim_splitter.hpp"

#include <gtest/gtest.h>

namespace clearhouse::edits {
namespace {

TEST(ClaimSplitterTest, FiftyLinesOrFewerStayOneClaim) {
  model::Claim c;
  c.claim_id = "A";
  c.lines.resize(50);
  EXPECT_EQ(split_claim(c).size(), 1u);
  EXPECT_EQ(split_claim_ids("A", 50), std::vector<std::string>{"A"});
}

TEST(ClaimSplitterTest, SplitsInInputOrderFiftyPerClaim) {
  model::Claim c;
  c.claim_id = "ENC9";
  c.diagnoses = {"I10", "E119"};
  for (int i = 0; i < 120; ++i) {
    model::ServiceLine l;
    l.line_number = i + 1;
    l.charge = model::Money::from_cents(100 + i);
    l.line_control_number = "L" + std::to_string(i + 1);
    c.lines.push_back(l);
  }
  const auto parts = split_claim(c);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].claim_id, "ENC9");
  EXPECT_EQ(parts[1].claim_id, "ENC9-2");
  EXPECT_EQ(parts[2].claim_id, "ENC9-3");
  EXPECT_EQ(parts[0].lines.size(), 50u);
  EXPECT_EQ(parts[2].lines.size(), 20u);
  EXPECT_EQ(parts[1].lines.front().line_number, 1);
  EXPECT_EQ(parts[1].lines.front().line_control_number, "L51");
  EXPECT_EQ(parts[2].diagnoses, c.diagnoses);
  std::int64_t total = 0;
  for (const auto& p : parts) {
    std::int64_t sum = 0;
    for (const auto& l : p.lines) sum += l.charge.cents();
    EXPECT_EQ(p.total_charge.cents(), sum);
    total += sum;
  }
  EXPECT_EQ(total, 120 * 100 + 119 * 120 / 2);
}

}  // namespace
}  // namespace clearhouse::edits
