// The duplicate check's set of 64-bit keys: membership exactly as a std::set's, through growth,
// colliding slots and the key 0.
#include "engine/edits/key_set.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>

namespace clearhouse::edits {
namespace {

TEST(KeySetTest, AgreesWithStdSetThroughGrowth) {
  std::mt19937_64 random(42);
  KeySet keys;
  std::set<std::uint64_t> expected;
  for (int i = 0; i < 200'000; ++i) {
    // Small keys share low bits and slots; some repeat; 0 is a key like any other.
    const std::uint64_t key = i % 3 == 0 ? random() : i % 3 == 1 ? static_cast<std::uint64_t>(i % 5000) : random() << 40;
    EXPECT_EQ(keys.contains(key), expected.count(key) == 1) << i;
    keys.insert(key);
    expected.insert(key);
    ASSERT_TRUE(keys.contains(key));
  }
  EXPECT_EQ(keys.size(), expected.size());
  for (int i = 0; i < 10'000; ++i) {
    const std::uint64_t probe = random();
    EXPECT_EQ(keys.contains(probe), expected.count(probe) == 1);
  }
}

TEST(KeySetTest, EmptyAndZero) {
  KeySet keys;
  EXPECT_FALSE(keys.contains(0));
  EXPECT_FALSE(keys.contains(7));
  keys.insert(0);
  keys.insert(0);
  EXPECT_TRUE(keys.contains(0));
  EXPECT_FALSE(keys.contains(7));
  EXPECT_EQ(keys.size(), 1u);
}

}  // namespace
}  // namespace clearhouse::edits
