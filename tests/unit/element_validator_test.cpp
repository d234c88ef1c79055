// Element checks with the 999 IK4 codes they produce: types, lengths (signs and decimal points
// do not count), characters, codes, dates and times (also by their D8/RD8 qualifier), usage,
// repetitions, composites, and the X12 syntax rules P, R, C, E, L.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parsers/x12/input_source.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "parsers/x12/spec/element_validator.hpp"

namespace clearhouse::x12::spec {
namespace {

ElementSpec simple(DataType type, std::uint16_t min, std::uint16_t max, Usage usage = Usage::situational) {
  ElementSpec e;
  e.type = type;
  e.min_length = min;
  e.max_length = max;
  e.usage = usage;
  return e;
}

std::string code_of(std::string_view value, const ElementSpec& e) {
  const char* what = "";
  const char* code = ElementValidator::check_value(value, e, &what);
  return code == nullptr ? "ok" : code;
}

TEST(ElementValidator, TypesAndLengths) {
  const auto r = simple(DataType::R, 1, 18);
  EXPECT_EQ(code_of("125.50", r), "ok");
  EXPECT_EQ(code_of("-40", r), "ok");
  EXPECT_EQ(code_of("12a", r), "6");
  EXPECT_EQ(code_of("1.2.3", r), "6");
  EXPECT_EQ(code_of("100.", r), "6");
  EXPECT_EQ(code_of(".5", r), "ok");
  EXPECT_EQ(code_of("1234567890123456789", r), "5");  // 19 digits
  EXPECT_EQ(code_of("-123456789012345678.0", simple(DataType::R, 1, 19)), "ok");  // sign and point do not count
  const auto n0 = simple(DataType::N0, 1, 6);
  EXPECT_EQ(code_of("42", n0), "ok");
  EXPECT_EQ(code_of("4.2", n0), "6");
  const auto an = simple(DataType::AN, 2, 10);
  EXPECT_EQ(code_of("A", an), "4");
  EXPECT_EQ(code_of("ABCDEFGHIJK", an), "5");
  EXPECT_EQ(code_of("AB\x01", an), "6");
}

TEST(ElementValidator, DatesTimesAndCodes) {
  const auto dt = simple(DataType::DT, 8, 8);
  EXPECT_EQ(code_of("20240229", dt), "ok");
  EXPECT_EQ(code_of("20230229", dt), "8");
  EXPECT_EQ(code_of("20261345", dt), "8");
  EXPECT_EQ(code_of("2024022", dt), "4");  // length is checked first
  const auto tm = simple(DataType::TM, 4, 8);
  EXPECT_EQ(code_of("1200", tm), "ok");
  EXPECT_EQ(code_of("2460", tm), "9");
  auto id = simple(DataType::ID, 2, 2);
  id.codes = {"UN", "MJ"};
  EXPECT_EQ(code_of("UN", id), "ok");
  EXPECT_EQ(code_of("XX", id), "7");
  EXPECT_TRUE(ElementValidator::valid_period("D8", "20240520"));
  EXPECT_FALSE(ElementValidator::valid_period("D8", "20240532"));
  EXPECT_TRUE(ElementValidator::valid_period("RD8", "20240501-20240531"));
  EXPECT_FALSE(ElementValidator::valid_period("RD8", "20240501-2024053"));
}

// Reads one segment (after an ISA giving the delimiters) and validates it against spec.
std::vector<ElementProblem> problems_of(const std::string& segment, const SegmentSpec& spec, std::string* keep) {
  *keep = "ISA*00*          *00*          *ZZ*A              *ZZ*B              *240601*1200*^*00501*000000001*0*P*:~" +
          segment + "~";
  MemorySource source(*keep);
  Diagnostics diagnostics;
  SegmentReader reader(source, diagnostics);
  std::vector<ElementProblem> out;
  ElementValidator validator;
  while (reader.next())
    if (!reader.segment().is("ISA")) validator.validate(reader.segment(), spec, out);
  return out;
}

// A TST segment of count AN elements of 1 to max_length characters.
SegmentSpec text_elements(std::uint8_t count, std::uint16_t max_length) {
  SegmentSpec s;
  s.id = "TST";
  for (std::uint8_t i = 1; i <= count; ++i) {
    auto e = simple(DataType::AN, 1, max_length);
    e.pos = i;
    s.elements.push_back(e);
  }
  return s;
}

SegmentSpec three_elements(char rule, std::vector<std::uint8_t> positions) {
  SegmentSpec s = text_elements(3, 10);
  s.syntax.push_back({rule, std::move(positions)});
  return s;
}

std::vector<std::string> codes(const std::vector<ElementProblem>& v) {
  std::vector<std::string> out;
  for (const auto& p : v) out.push_back(std::to_string(p.element) + ":" + p.code);
  return out;
}

TEST(ElementValidator, SyntaxRules) {
  std::string keep;
  using V = std::vector<std::string>;
  EXPECT_EQ(codes(problems_of("TST*A**", three_elements('P', {1, 2}), &keep)), V{"2:2"});
  EXPECT_EQ(codes(problems_of("TST*A*B", three_elements('P', {1, 2}), &keep)), V{});
  EXPECT_EQ(codes(problems_of("TST***C", three_elements('R', {1, 2}), &keep)), V{"1:2"});
  EXPECT_EQ(codes(problems_of("TST*A**", three_elements('C', {1, 2}), &keep)), V{"2:2"});
  EXPECT_EQ(codes(problems_of("TST**B*", three_elements('C', {1, 2}), &keep)), V{});
  EXPECT_EQ(codes(problems_of("TST*A*B", three_elements('E', {1, 2}), &keep)), V{"2:10"});
  EXPECT_EQ(codes(problems_of("TST*A**", three_elements('L', {1, 2, 3}), &keep)), V{"2:2"});
  EXPECT_EQ(codes(problems_of("TST*A**C", three_elements('L', {1, 2, 3}), &keep)), V{});
}

TEST(ElementValidator, UsageRepetitionsAndComposites) {
  std::string keep;
  using V = std::vector<std::string>;
  SegmentSpec s;
  s.id = "TST";
  auto required = simple(DataType::AN, 1, 5, Usage::required);
  required.pos = 1;
  auto not_used = simple(DataType::AN, 1, 5, Usage::not_used);
  not_used.pos = 2;
  ElementSpec composite;
  composite.pos = 3;
  composite.type = DataType::composite;
  composite.repeat = 2;
  auto qualifier = simple(DataType::ID, 2, 2, Usage::required);
  qualifier.codes = {"HC"};
  qualifier.pos = 1;
  auto code = simple(DataType::AN, 1, 5, Usage::required);
  code.pos = 2;
  composite.components = {qualifier, code};
  s.elements = {required, not_used, composite};
  s.last_required = 1;
  EXPECT_EQ(codes(problems_of("TST*A**HC:99213", s, &keep)), V{});
  EXPECT_EQ(codes(problems_of("TST**", s, &keep)), V{"1:1"});                // required missing
  EXPECT_EQ(codes(problems_of("TST*A*B", s, &keep)), V{"2:I10"});          // not used present
  EXPECT_EQ(codes(problems_of("TST*A**XX:1", s, &keep)), V{"3:7"});        // component code
  EXPECT_EQ(codes(problems_of("TST*A**HC", s, &keep)), V{"3:1"});          // required component missing
  EXPECT_EQ(codes(problems_of("TST*A**HC:1:2", s, &keep)), V{"3:13"});     // too many components
  EXPECT_EQ(codes(problems_of("TST*A**HC:1^HC:2", s, &keep)), V{});        // two repetitions allowed
  EXPECT_EQ(codes(problems_of("TST*A**HC:1^HC:2^HC:3", s, &keep)), V{"3:12"});
  EXPECT_EQ(codes(problems_of("TST*A**HC:1*X", s, &keep)), V{"4:3"});      // too many elements
  EXPECT_EQ(codes(problems_of("TST*A:B**HC:1", s, &keep)), V{"1:6"});      // separator in a simple element
}

// Elements whose check was decided on load take a fast path that looks at a whole segment's bytes
// at once (16 at a time) before any element's: a separator or an unprintable byte at any place
// of a segment of any length must still be found in its element, as the general path finds it.
TEST(ElementValidator, DecidedChecksFindEveryOddByteAsTheGeneralPathDoes) {
  const SegmentSpec general = text_elements(6, 30);
  SegmentSpec decided = general;
  for (auto& e : decided.elements) e.decide_check();
  ASSERT_EQ(decided.elements[0].check, ElementSpec::ValueCheck::text);
  std::string keep;
  int odd_found = 0;
  for (std::size_t length = 1; length <= 40; ++length) {
    const std::string value(length, 'A');
    const std::string plain = "TST*" + value + "*B*" + value;
    EXPECT_EQ(codes(problems_of(plain, decided, &keep)), codes(problems_of(plain, general, &keep))) << plain;
    for (std::size_t at = 4; at < plain.size(); ++at) {
      if (plain[at] == '*') continue;
      for (const char odd : {':', '^', '\x7f', '\x01', '\xc3'}) {
        std::string segment = plain;
        segment[at] = odd;
        const auto fast = codes(problems_of(segment, decided, &keep));
        EXPECT_EQ(fast, codes(problems_of(segment, general, &keep))) << "length " << length << " at " << at;
        odd_found += fast.empty() ? 0 : 1;
      }
    }
  }
  EXPECT_GT(odd_found, 0);
}

}  // namespace
}  // namespace clearhouse::x12::spec
