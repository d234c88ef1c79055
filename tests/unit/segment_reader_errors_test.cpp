// Error paths of the segment reader: empty, blank, binary and truncated inputs, missing or
// unreadable ISA headers. None may crash or read past the input.
#include <gtest/gtest.h>

#include <memory>
#include <random>
#include <string>

#include "parsers/x12/envelope_reader.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "tests/support/x12_samples.hpp"

namespace clearhouse::x12 {
namespace {

struct Outcome {
  std::uint64_t segments = 0;
  Diagnostics diagnostics;
};

// Parses exactly `size` bytes held in their own heap block (so that an over-read is a real
// out-of-bounds access under AddressSanitizer), through the envelope reader.
Outcome parse_exact(const char* data, std::size_t size) {
  auto block = std::make_unique<char[]>(size == 0 ? 1 : size);
  std::copy_n(data, size, block.get());
  MemorySource source(std::string_view(block.get(), size));
  Outcome out;
  SegmentReader segments(source, out.diagnostics);
  EnvelopeReader reader(segments, out.diagnostics);
  while (reader.next()) ++out.segments;
  return out;
}

Outcome parse_exact(const std::string& text) { return parse_exact(text.data(), text.size()); }

bool has_code(const Diagnostics& d, X12Errc code) {
  for (const auto& e : d.errors())
    if (e.code == code) return true;
  return false;
}

TEST(SegmentReaderErrors, EmptyInputIsAnErrorNotACrash) {
  Outcome o = parse_exact("", 0);
  EXPECT_EQ(o.segments, 0u);
  ASSERT_EQ(o.diagnostics.error_count(), 1u);
  EXPECT_EQ(o.diagnostics.errors()[0].code, X12Errc::no_isa);
  EXPECT_NE(o.diagnostics.errors()[0].detail.find("empty"), std::string::npos);
}

TEST(SegmentReaderErrors, BlankInputIsAnError) {
  Outcome o = parse_exact(std::string("  \r\n\n\t "));
  EXPECT_TRUE(has_code(o.diagnostics, X12Errc::no_isa));
}

TEST(SegmentReaderErrors, FileWithoutIsaIsRejectedAtByteZero) {
  Outcome o = parse_exact(std::string("GS*HC*A*B*20240101*1200*1*X*005010X222A1~ST*837*0001~SE*2*0001~GE*1*1~"));
  ASSERT_EQ(o.diagnostics.error_count(), 1u);
  const X12Error& e = o.diagnostics.errors()[0];
  EXPECT_EQ(e.code, X12Errc::no_isa);
  EXPECT_EQ(e.offset, 0u);
  EXPECT_EQ(e.expected, "ISA");
  EXPECT_EQ(e.found, "GS*");
  EXPECT_TRUE(o.diagnostics.has_fatal());
}

TEST(SegmentReaderErrors, ProseWithoutAnIsaIsRejectedAtItsStart) {
  // "ISA" in prose is not an interchange; the whole input is searched, then rejected at byte 0.
  std::string prose;
  while (prose.size() < 100000) prose += "Thank you for using VISA. ISA is not here; ISAs never were.\n";
  Outcome o = parse_exact(prose);
  EXPECT_EQ(o.segments, 0u);
  ASSERT_EQ(o.diagnostics.error_count(), 1u);
  const X12Error& e = o.diagnostics.errors()[0];
  EXPECT_EQ(e.code, X12Errc::no_isa);
  EXPECT_EQ(e.offset, 0u);
  EXPECT_EQ(e.found, "Tha");
  EXPECT_NE(e.detail.find("does not start with an ISA interchange header and holds none"), std::string::npos) << e.detail;
  EXPECT_EQ(o.diagnostics.warning_count(), 0u);
}

TEST(SegmentReaderErrors, TextBeforeAnUnreadableIsaNamesIt) {
  // A header line, then an ISA cut short: the error says where the 'ISA' is and what is wrong.
  Outcome o = parse_exact(std::string("$$ADD ID=ACME01 BID='DIV00835'\nISA*00*  *00*   *ZZ*A~"));
  ASSERT_EQ(o.diagnostics.error_count(), 1u);
  const X12Error& e = o.diagnostics.errors()[0];
  EXPECT_EQ(e.code, X12Errc::no_isa);
  EXPECT_EQ(e.offset, 0u);
  EXPECT_NE(e.detail.find("the 'ISA' at byte 31: the ISA header has fewer than 16 elements"), std::string::npos)
      << e.detail;
  // An input starting with "ISA" that is not a header keeps its own error when nothing follows.
  std::string isa = testing::isa_segment();
  isa[3] = ' ';
  EXPECT_TRUE(has_code(parse_exact(isa + "IEA*0*000000905~").diagnostics, X12Errc::isa_bad_delimiters));
}

TEST(SegmentReaderErrors, BinaryGarbageIsRejected) {
  std::mt19937 rng(42);
  for (int round = 0; round < 200; ++round) {
    std::string junk(static_cast<std::size_t>(rng() % 4096), '\0');
    for (auto& c : junk) c = static_cast<char>(rng());
    Outcome o = parse_exact(junk);
    EXPECT_TRUE(o.diagnostics.has_errors() || o.segments > 0);
  }
  Outcome o = parse_exact(std::string("\x7F" "ELF\x02\x01\x01\0\0\0\0", 12));
  EXPECT_TRUE(has_code(o.diagnostics, X12Errc::no_isa));
}

TEST(SegmentReaderErrors, GarbageAfterAValidIsaIsReportedSegmentBySegment) {
  std::mt19937 rng(7);
  for (int round = 0; round < 200; ++round) {
    std::string text = testing::isa_segment();
    const std::size_t n = rng() % 2048;
    for (std::size_t i = 0; i < n; ++i) text.push_back(static_cast<char>(rng()));
    Outcome o = parse_exact(text);
    EXPECT_GE(o.segments, 1u);
    EXPECT_TRUE(o.diagnostics.has_errors());  // at least the missing IEA
  }
}

TEST(SegmentReaderErrors, IsaWithUnusableDelimitersIsFatal) {
  std::string isa = testing::isa_segment();
  isa[3] = 'X';  // alphanumeric element separator
  EXPECT_TRUE(has_code(parse_exact(isa + "IEA*0*000000905~").diagnostics, X12Errc::isa_bad_delimiters));
  std::string same = testing::isa_segment();
  same.back() = '*';  // terminator equal to the element separator
  Outcome o = parse_exact(same + "IEA*0*000000905*");
  EXPECT_TRUE(o.diagnostics.has_fatal());
}

TEST(SegmentReaderErrors, IsaWithTooFewElementsIsFatal) {
  Outcome o = parse_exact(std::string("ISA*00*  *00*   *ZZ*A~"));
  EXPECT_TRUE(o.diagnostics.has_fatal());
  EXPECT_EQ(o.segments, 0u);
}

// Every prefix of a valid interchange: never a crash or an over-read, and an error unless
// nothing but the final terminator is missing.
TEST(SegmentReaderErrors, TruncationAtEveryByteOffset) {
  const std::string text = testing::small_835();
  for (std::size_t n = 0; n <= text.size(); ++n) {
    Outcome o = parse_exact(text.data(), n);
    if (n == text.size()) {
      EXPECT_FALSE(o.diagnostics.has_errors());
    } else if (n == text.size() - 1) {
      EXPECT_FALSE(o.diagnostics.has_errors()) << "only the last terminator is missing";
      EXPECT_EQ(o.diagnostics.warnings().back().code, X12Errc::missing_terminator);
    } else {
      EXPECT_TRUE(o.diagnostics.has_errors()) << "prefix of " << n << " bytes";
    }
  }
}

TEST(SegmentReaderErrors, TruncationOfAUtf16FileAtEveryByteOffset) {
  std::string wide;
  for (char c : testing::small_835()) {
    wide.push_back(c);
    wide.push_back('\0');
  }
  for (std::size_t n = 0; n < wide.size(); n += 1) {
    Outcome o = parse_exact(wide.data(), n);
    EXPECT_TRUE(o.diagnostics.has_errors() || n >= wide.size() - 2) << n;
  }
}

}  // namespace
}  // namespace clearhouse::x12
