#include "engine/model/recycling_vector.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace clearhouse::testing {
namespace {

using Strings = model::RecyclingVector<std::string>;

std::vector<std::string> live(const Strings& v) { return {v.begin(), v.end()}; }

TEST(RecyclingVector, RemovedElementsAreOutOfViewAndAddedOnesStartNew) {
  Strings v{"a", "b", "c"};
  v.pop_back();
  EXPECT_EQ(live(v), (std::vector<std::string>{"a", "b"}));
  v.push_back("d");  // takes the spare slot, as the value given
  EXPECT_EQ(live(v), (std::vector<std::string>{"a", "b", "d"}));
  v.clear();
  EXPECT_TRUE(v.empty());
  v.resize(2);  // new elements are new values, not the spares' old ones
  EXPECT_EQ(live(v), (std::vector<std::string>{"", ""}));
  const std::string& e = v.emplace_back("e");
  EXPECT_EQ(&e, &v.back());
  EXPECT_EQ(v.size(), 3u);
  EXPECT_THROW(v.at(3), std::out_of_range);
}

TEST(RecyclingVector, ReuseBackHandsOutASpareAsItWasLeft) {
  Strings v{"kept buffer"};
  v.clear();
  EXPECT_EQ(v.reuse_back(), "kept buffer");
  EXPECT_EQ(v.reuse_back(), "");  // no spare left: a new element
  EXPECT_EQ(v.size(), 2u);
}

TEST(RecyclingVector, CopiesAndComparisonsSeeOnlyLiveElements) {
  Strings v{"a", "b", "c"};
  v.pop_back();
  const Strings copy = v;
  EXPECT_EQ(copy.size(), 2u);
  EXPECT_TRUE(copy == v);
  Strings other{"a", "b"};
  EXPECT_TRUE(other == v);
  Strings assigned;
  assigned = v;
  EXPECT_EQ(live(assigned), live(v));
  Strings moved = std::move(v);
  EXPECT_EQ(live(moved), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(v.empty());  // NOLINT(bugprone-use-after-move): a moved-from one is empty and usable
  v.push_back("x");
  EXPECT_EQ(live(v), (std::vector<std::string>{"x"}));
  const Strings from_vector(std::vector<std::string>{"p", "q"});
  EXPECT_EQ(live(from_vector), (std::vector<std::string>{"p", "q"}));
}

}  // namespace
}  // namespace clearhouse::testing
