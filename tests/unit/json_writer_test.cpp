#include "generators/render/json_writer.hpp"

#include <gtest/gtest.h>

namespace clearhouse::render {
namespace {

TEST(JsonWriter, NestsWithCommas) {
  JsonWriter j;
  j.begin_object().field("a", std::int64_t{1}).key("b").begin_array().string("x").number(-2).boolean(true).null();
  j.begin_object().end_object().end_array().field("c", "d").end_object();
  EXPECT_EQ(j.text(), R"({"a":1,"b":["x",-2,true,null,{}],"c":"d"})");
}

TEST(JsonWriter, EscapesControlCharactersAndInvalidUtf8) {
  JsonWriter j;
  j.string(std::string("q\"b\\n\n\t\x01\x1D", 9));
  j.newline();
  j.string("caf\xC3\xA9");          // valid UTF-8 kept
  j.newline();
  j.string("caf\xE9");              // Latin-1 byte escaped
  EXPECT_EQ(j.text(), "\"q\\\"b\\\\n\\n\\t\\u0001\\u001d\"\n\"caf\xC3\xA9\"\n\"caf\\u00e9\"");
}

}  // namespace
}  // namespace clearhouse::render
