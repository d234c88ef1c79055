// The duplicate check's set of keys: exact membership, as a std::set<std::string>'s, through
// growth, keys that share prefixes, the empty key and bytes of every value.
#include "engine/edits/key_set.hpp"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>

namespace clearhouse::edits {
namespace {

TEST(KeySetTest, AgreesWithStdSetThroughGrowth) {
  std::mt19937_64 random(42);
  KeySet keys;
  std::set<std::string> expected;
  for (int i = 0; i < 200'000; ++i) {
    // Short keys repeat; long ones share long prefixes; some hold NUL and high bytes.
    std::string key = i % 3 == 0   ? std::to_string(random() % 5000)
                      : i % 3 == 1 ? "5:60054CLAIM" + std::to_string(random() % 100000)
                                   : std::string(1 + random() % 24, static_cast<char>(random()));
    EXPECT_EQ(keys.contains(key), expected.count(key) == 1) << i;
    EXPECT_EQ(keys.insert(key), expected.insert(key).second) << i;
    ASSERT_TRUE(keys.contains(key));
  }
  EXPECT_EQ(keys.size(), expected.size());
  for (int i = 0; i < 10'000; ++i) {
    const std::string probe = "5:60054CLAIM" + std::to_string(random() % 200000);
    EXPECT_EQ(keys.contains(probe), expected.count(probe) == 1);
  }
}

TEST(KeySetTest, KeysAreCopiedAndComparedWhole) {
  KeySet keys;
  std::string key = "5:60054T1001";
  EXPECT_TRUE(keys.insert(key));
  key[11] = '2';  // the caller's buffer changes; the set's copy does not
  EXPECT_FALSE(keys.contains(key));
  EXPECT_TRUE(keys.contains("5:60054T1001"));
  EXPECT_FALSE(keys.contains("5:60054T100"));
  EXPECT_FALSE(keys.contains("5:60054T10011"));
  EXPECT_FALSE(keys.insert("5:60054T1001"));
  EXPECT_EQ(keys.size(), 1u);
}

TEST(KeySetTest, EmptyKey) {
  KeySet keys;
  EXPECT_FALSE(keys.contains(""));
  EXPECT_TRUE(keys.insert(""));
  EXPECT_FALSE(keys.insert(""));
  EXPECT_TRUE(keys.contains(""));
  EXPECT_FALSE(keys.contains(std::string_view("\0", 1)));
  EXPECT_EQ(keys.size(), 1u);
}

}  // namespace
}  // namespace clearhouse::edits
