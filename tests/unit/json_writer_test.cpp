// The JSON façade over RapidJSON's Writer: structure, escaping (RFC 8259 section 7), numbers,
// text that is not UTF-8, documents one per line, flushing to a FILE* in blocks.
#include "generators/render/json_writer.hpp"

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <cstdio>
#include <limits>

namespace clearhouse::render {
namespace {

TEST(JsonWriter, NestsWithCommas) {
  JsonWriter j;
  j.begin_object().field("a", std::int64_t{1}).key("b").begin_array().string("x").number(-2).boolean(true).null();
  j.begin_object().end_object().end_array().field("c", "d").end_object();
  EXPECT_EQ(j.text(), R"({"a":1,"b":["x",-2,true,null,{}],"c":"d"})");
}

// RapidJSON writes control characters with upper-case hex digits (\u001D) where the old
// hand-written writer wrote lower case (\u001d): RFC 8259 section 7 allows either (HEXDIG is
// case-insensitive), and a reader gets the same string. Valid UTF-8 passes through unchanged.
TEST(JsonWriter, EscapesControlCharactersAndInvalidUtf8) {
  JsonWriter j;
  j.string(std::string("q\"b\\n\n\t\x01\x1D", 9));
  j.newline();
  j.string("caf\xC3\xA9");          // valid UTF-8 kept
  j.newline();
  j.string("caf\xE9");              // Latin-1 byte: the character é, as UTF-8
  EXPECT_EQ(j.text(), "\"q\\\"b\\\\n\\n\\t\\u0001\\u001D\"\n\"caf\xC3\xA9\"\n\"caf\xC3\xA9\"");
}

TEST(JsonWriter, EscapesOnlyWhatRfc8259Requires) {
  JsonWriter j;
  j.begin_array();
  j.string("a/b");                                // '/' may be escaped; it is not
  j.string(std::string("\b\f\r\x7F", 4));         // short escapes; DEL is not a control character in JSON
  j.string(std::string("nul\0in", 6));            // an embedded NUL is text, not the end
  j.string("\xE2\x82\xAC \xF0\x9F\x98\x80");      // 3- and 4-byte UTF-8 pass through
  j.string("\xC3");                               // a cut sequence is one Latin-1 character
  j.string("\xED\xA0\x80");                       // a UTF-16 surrogate is not UTF-8
  j.end_array();
  EXPECT_EQ(j.text(),
            "[\"a/b\",\"\\b\\f\\r\x7F\",\"nul\\u0000in\",\"\xE2\x82\xAC \xF0\x9F\x98\x80\",\"\xC3\x83\","
            "\"\xC3\xAD\xC2\xA0\xC2\x80\"]");
  rapidjson::Document d;
  d.Parse<rapidjson::kParseValidateEncodingFlag>(std::string(j.text()).c_str());
  ASSERT_FALSE(d.HasParseError());
  EXPECT_EQ(std::string(d[2].GetString(), d[2].GetStringLength()), std::string("nul\0in", 6));
}

TEST(JsonWriter, WritesIntegersExactlyWithoutSpaces) {
  JsonWriter j;
  j.begin_object();
  j.field("min", std::numeric_limits<std::int64_t>::min());
  j.field("max", std::numeric_limits<std::int64_t>::max());
  j.key("umax").unsigned_number(std::numeric_limits<std::uint64_t>::max());
  j.field("zero", std::int64_t{0});
  j.key("raw").raw("12.50");
  j.field("list", std::vector<std::string>{"a", "b"});
  j.field("none", std::vector<std::string>{});
  j.end_object();
  EXPECT_EQ(j.text(),
            R"({"min":-9223372036854775808,"max":9223372036854775807,"umax":18446744073709551615,"zero":0,)"
            R"("raw":12.50,"list":["a","b"],"none":[]})");
}

TEST(JsonWriter, KeysAreEscapedLikeStrings) {
  JsonWriter j;
  j.begin_object().field("a\"b\x01", "v").end_object();
  EXPECT_EQ(j.text(), "{\"a\\\"b\\u0001\":\"v\"}");
}

TEST(JsonWriter, WritesOneDocumentPerLine) {
  JsonWriter j;
  for (int i = 0; i < 3; ++i) {
    j.begin_object().field("n", std::int64_t{i}).end_object();
    j.newline();
  }
  EXPECT_EQ(j.take(), "{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n");
  EXPECT_TRUE(j.text().empty());
}

TEST(JsonWriter, FlushesToAFileInBlocks) {
  char* data = nullptr;
  std::size_t size = 0;
  std::FILE* out = open_memstream(&data, &size);
  ASSERT_NE(out, nullptr);
  {
    JsonWriter j(out, 16);
    j.begin_array();
    for (int i = 0; i < 100; ++i) j.begin_object().field("i", std::int64_t{i}).end_object();
    EXPECT_LT(j.text().size(), 32u);  // written out as it goes, not held
    j.end_array();
    j.newline();
  }  // flushes what is left
  std::fclose(out);
  const std::string text(data, size);
  std::free(data);
  rapidjson::Document d;
  d.Parse(text.c_str());
  ASSERT_FALSE(d.HasParseError()) << text;
  ASSERT_EQ(d.Size(), 100u);
  EXPECT_EQ(d[99]["i"].GetInt(), 99);
  EXPECT_EQ(text.back(), '\n');
}

}  // namespace
}  // namespace clearhouse::render
