#include "parsers/x12/segment_reader.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/support/x12_samples.hpp"

namespace clearhouse::x12 {
namespace {

using testing::segments_of;
using testing::small_835;
using testing::two_groups_835;
using testing::with_delimiters;

struct ReadResult {
  std::vector<std::vector<std::string>> segments;  // element texts, [0] = id
  std::vector<std::uint64_t> offsets;
  std::vector<Delimiters> delimiters;
  Diagnostics diagnostics;
};

// Reads everything from a source into owned strings.
ReadResult read_all(InputSource& source, std::size_t chunk = SegmentReader::kDefaultChunk) {
  ReadResult r;
  SegmentReader reader(source, r.diagnostics, chunk);
  while (reader.next()) {
    std::vector<std::string> seg;
    for (auto e : reader.segment().elements()) seg.emplace_back(e);
    r.segments.push_back(std::move(seg));
    r.offsets.push_back(reader.segment().offset());
    r.delimiters.push_back(reader.delimiters());
  }
  return r;
}

ReadResult read_text(const std::string& text) {
  MemorySource source(text);
  return read_all(source);
}

// Hands out its bytes a few at a time, to exercise every refill path.
class TrickleSource final : public InputSource {
 public:
  TrickleSource(std::string bytes, std::size_t step) : bytes_(std::move(bytes)), step_(step) {}
  std::ptrdiff_t read(char* dst, std::size_t n) override {
    const std::size_t count = std::min({n, step_ + (calls_++ % 3), bytes_.size() - pos_});
    std::copy_n(bytes_.data() + pos_, count, dst);
    pos_ += count;
    return static_cast<std::ptrdiff_t>(count);
  }
  const std::string& name() const override { return name_; }

 private:
  std::string bytes_;
  std::size_t step_, pos_ = 0, calls_ = 0;
  std::string name_ = "<trickle>";
};

std::vector<std::string> ids(const ReadResult& r) {
  std::vector<std::string> out;
  for (const auto& s : r.segments) out.push_back(s[0]);
  return out;
}

TEST(SegmentReader, SplitsSegmentsAndElements) {
  const std::string text = small_835();
  ReadResult r = read_text(text);
  EXPECT_FALSE(r.diagnostics.has_errors());
  ASSERT_EQ(r.segments.size(), segments_of(text).size());
  EXPECT_EQ(r.segments[0][0], "ISA");
  EXPECT_EQ(r.segments[0].size(), 17u);
  EXPECT_EQ(r.segments[0][13], "000000905");
  EXPECT_EQ(r.segments[0][16], ":");
  const auto& svc = r.segments[10];
  ASSERT_EQ(svc[0], "SVC");
  EXPECT_EQ(svc[1], "HC:99213:25");
  EXPECT_EQ(svc[4], "");
  EXPECT_EQ(svc[5], "1");
  EXPECT_EQ(r.offsets[0], 0u);
  EXPECT_EQ(r.offsets[1], 106u);  // GS starts right after the 106-character ISA
  EXPECT_EQ(r.segments.back()[0], "IEA");
}

TEST(SegmentReader, LearnsDelimitersFromTheIsa) {
  const std::vector<Delimiters> sets = {
      {'*', ':', '^', '~'}, {'|', '^', '\0', '\n'}, {'~', '^', '\0', '_'}, {'*', '>', '|', '~'},
      {'*', ':', '\0', '\x1D'}, {'>', '+', '^', '\n'}, {'\x1C', '\x1F', '\x1E', '\x1D'}};
  const std::string base = small_835();
  const auto expected = ids(read_text(base));
  for (const Delimiters& d : sets) {
    // A set without repetition writes 'U' in ISA11 (and then ISA12 must not claim one).
    const std::string text = with_delimiters(base, d);
    ReadResult r = read_text(text);
    SCOPED_TRACE(Delimiters::describe(d.element) + Delimiters::describe(d.segment));
    EXPECT_FALSE(r.diagnostics.has_errors());
    EXPECT_EQ(ids(r), expected);
    ASSERT_FALSE(r.delimiters.empty());
    EXPECT_EQ(r.delimiters[0].element, d.element);
    EXPECT_EQ(r.delimiters[0].component, d.component);
    EXPECT_EQ(r.delimiters[0].segment, d.segment);
    EXPECT_EQ(r.delimiters[0].repetition, d.repetition);
  }
}

TEST(SegmentReader, RepetitionSeparatorOnlyFrom00402AndNotAlphanumeric) {
  auto repetition_of = [](const std::string& isa11, const std::string& isa12) {
    std::string isa = testing::isa_segment("000000001", isa12);
    isa[82] = isa11[0];  // ISA11 sits at a fixed position
    return read_text(isa + "IEA*0*000000001~").delimiters.at(0).repetition;
  };
  EXPECT_EQ(repetition_of("^", "00501"), '^');
  EXPECT_EQ(repetition_of("!", "00402"), '!');
  EXPECT_EQ(repetition_of("U", "00501"), '\0');
  EXPECT_EQ(repetition_of("^", "00401"), '\0');
  EXPECT_EQ(repetition_of("U", "00401"), '\0');
}

TEST(SegmentReader, ToleratesLineBreaksAndBlanksAfterTerminators) {
  const std::string base = small_835();
  const auto expected = ids(read_text(base));
  for (const std::string after : {"\n", "\r\n", "\r", "  ", "\n    ", "\r\n\t"}) {
    ReadResult r = read_text(with_delimiters(base, {'*', ':', '^', '~'}, after));
    EXPECT_FALSE(r.diagnostics.has_errors());
    EXPECT_EQ(r.diagnostics.warning_count(), 0u);
    EXPECT_EQ(ids(r), expected);
    EXPECT_EQ(r.segments[7], read_text(base).segments[7]);
  }
}

TEST(SegmentReader, LineFeedTerminatorWithCrLfLineEnds) {
  ReadResult r = read_text(with_delimiters(small_835(), {'*', ':', '^', '\n'}, ""));
  ASSERT_GT(r.segments.size(), 3u);
  // Now with CRLF: the CR before each LF terminator is not data.
  std::string crlf;
  for (char c : with_delimiters(small_835(), {'*', ':', '^', '\n'})) {
    if (c == '\n') crlf += "\r\n";
    else crlf.push_back(c);
  }
  ReadResult r2 = read_text(crlf);
  EXPECT_FALSE(r2.diagnostics.has_errors());
  ASSERT_EQ(r2.segments.size(), r.segments.size());
  for (std::size_t i = 1; i < r.segments.size(); ++i) EXPECT_EQ(r2.segments[i], r.segments[i]);
}

TEST(SegmentReader, SeveralInterchangesWithDifferentDelimiters) {
  const std::string first = small_835();
  const std::string second = with_delimiters(small_835(), {'|', '^', '!', '\n'});
  ReadResult r = read_text(first + "\n" + second);
  EXPECT_FALSE(r.diagnostics.has_errors());
  const std::size_t n = segments_of(first).size();
  ASSERT_EQ(r.segments.size(), 2 * n);
  EXPECT_EQ(r.delimiters[0].element, '*');
  EXPECT_EQ(r.delimiters[n].element, '|');
  EXPECT_EQ(r.delimiters[n].segment, '\n');
  for (std::size_t i = 1; i < n; ++i) {
    EXPECT_EQ(r.segments[i][0], r.segments[n + i][0]);
    EXPECT_EQ(r.segments[i].size(), r.segments[n + i].size());
  }
}

TEST(SegmentReader, EmptyAndTrailingEmptyElementsAreKept) {
  ReadResult r = read_text(testing::isa_segment() + "NM1*85*2**~REF*EI*~N3~IEA*0*000000905~");
  ASSERT_EQ(r.segments.size(), 5u);
  EXPECT_EQ(r.segments[1], (std::vector<std::string>{"NM1", "85", "2", "", ""}));
  EXPECT_EQ(r.segments[2], (std::vector<std::string>{"REF", "EI", ""}));
  EXPECT_EQ(r.segments[3], (std::vector<std::string>{"N3"}));
}

TEST(SegmentReader, EmptySegmentsBetweenTerminatorsAreSkipped) {
  ReadResult r = read_text(testing::isa_segment() + "~~N3*A~~~IEA*0*000000905~~");
  EXPECT_EQ(ids(r), (std::vector<std::string>{"ISA", "N3", "IEA"}));
}

TEST(SegmentReader, SegmentsLongerThanABlockAndAcrossChunks) {
  std::string body;
  for (int i = 0; i < 3000; ++i) {
    body += "NTE*ADD*" + std::string(static_cast<std::size_t>(i % 200), 'X') + "*" + std::to_string(i) + "~";
  }
  const std::string text = testing::isa_segment() + body + "IEA*0*000000905~";
  ReadResult whole = read_text(text);
  ASSERT_EQ(whole.segments.size(), 3002u);
  for (std::size_t step : {1u, 7u, 63u, 64u, 65u, 4095u}) {
    TrickleSource trickle(text, step);
    ReadResult r = read_all(trickle, 4096);
    ASSERT_EQ(r.segments, whole.segments) << "step " << step;
    ASSERT_EQ(r.offsets, whole.offsets) << "step " << step;
  }
  EXPECT_EQ(whole.segments[2001][2], std::string(1, 'X').append(199, 'X').substr(0, 2000 % 200));
}

TEST(SegmentReader, ASegmentLargerThanTheChunkGrowsTheBuffer) {
  const std::string big(100000, 'Z');
  const std::string text = testing::isa_segment() + "NTE*ADD*" + big + "~IEA*0*000000905~";
  TrickleSource trickle(text, 5000);
  ReadResult r = read_all(trickle, 4096);
  ASSERT_EQ(r.segments.size(), 3u);
  EXPECT_EQ(r.segments[1][2], big);
}

TEST(SegmentReader, WrappedLinesAreJoinedWithAWarning) {
  const std::string text = testing::isa_segment() + "\nNM1*85*2*LONG\nNAME*****XX*12345\n67890~\nIEA*0*000000905~\n";
  ReadResult r = read_text(text);
  ASSERT_EQ(r.segments.size(), 3u);
  EXPECT_EQ(r.segments[1][3], "LONGNAME");
  EXPECT_EQ(r.segments[1][9], "1234567890");
  EXPECT_EQ(r.diagnostics.warning_count(), 1u);
  EXPECT_EQ(r.diagnostics.warnings()[0].code, X12Errc::terminator_convention);
}

TEST(SegmentReader, LineBreakThenTildeConventionReadsTildeAsTerminator) {
  // 4010 TigerShark style: the byte after ISA16 is LF and every segment starts with '~'.
  std::string isa = testing::isa_segment("000000001", "00401");
  isa.back() = '\n';
  const std::string text = isa + "~GS*HP*A*B*20240101*1200*1*X*004010X091A1\n~ST*835*0001\n~SE*2*0001\n~GE*1*1\n~IEA*1*000000001\n";
  ReadResult r = read_text(text);
  EXPECT_EQ(ids(r), (std::vector<std::string>{"ISA", "GS", "ST", "SE", "GE", "IEA"}));
  EXPECT_EQ(r.segments[2][2], "0001");
  EXPECT_EQ(r.delimiters[0].segment, '~');
  ASSERT_GE(r.diagnostics.warning_count(), 1u);
  EXPECT_EQ(r.diagnostics.warnings()[0].code, X12Errc::terminator_convention);
}

TEST(SegmentReader, Utf16InputIsDecodedWithAWarning) {
  const std::string narrow = small_835();
  for (bool bom : {false, true}) {
    std::string wide = bom ? std::string("\xFF\xFE", 2) : std::string();
    for (char c : narrow) {
      wide.push_back(c);
      wide.push_back('\0');
    }
    ReadResult r = read_text(wide);
    EXPECT_FALSE(r.diagnostics.has_errors());
    EXPECT_EQ(ids(r), ids(read_text(narrow)));
    ASSERT_EQ(r.diagnostics.warning_count(), 1u);
    EXPECT_EQ(r.diagnostics.warnings()[0].code, X12Errc::bad_encoding);
    TrickleSource trickle(wide, 3);
    EXPECT_EQ(ids(read_all(trickle, 4096)), ids(read_text(narrow)));
  }
}

TEST(SegmentReader, Utf8ByteOrderMarkIsSkippedWithAWarning) {
  ReadResult r = read_text("\xEF\xBB\xBF" + small_835());
  EXPECT_FALSE(r.diagnostics.has_errors());
  EXPECT_EQ(r.segments.size(), segments_of(small_835()).size());
  EXPECT_EQ(r.offsets[0], 3u);
  EXPECT_EQ(r.diagnostics.warnings().at(0).code, X12Errc::byte_order_mark);
}

// Text before the first ISA: a mainframe header line, a mailbox banner, 2 KB of prose, a line
// that starts with "ISA" but is not a header. The interchange reads as without it; offsets
// stay byte offsets in the input; one warning says how many bytes were skipped.
std::vector<std::string> prefixes_before_isa() {
  std::string prose;
  while (prose.size() < 2048) prose += "ISA is the interchange header; VISA/MC/AMEX accepted; ISA*not*one*\r\n";
  return {"$$ADD ID=ACME01 BID='DIV00835'\n", "*** MAILBOX 42 ***\r\n\r\n", prose, "ISA is next\n", "HDR0001"};
}

TEST(SegmentReader, TextBeforeTheIsaIsSkippedWithOneWarning) {
  const std::string text = small_835();
  const ReadResult plain = read_text(text);
  for (const auto& prefix : prefixes_before_isa()) {
    SCOPED_TRACE(prefix.substr(0, 20));
    const ReadResult r = read_text(prefix + text);
    EXPECT_FALSE(r.diagnostics.has_errors());
    EXPECT_EQ(r.segments, plain.segments);
    ASSERT_EQ(r.offsets.size(), plain.offsets.size());
    for (std::size_t i = 0; i < r.offsets.size(); ++i) EXPECT_EQ(r.offsets[i], plain.offsets[i] + prefix.size());
    ASSERT_EQ(r.diagnostics.warning_count(), plain.diagnostics.warning_count() + 1);
    const X12Error& w = r.diagnostics.warnings().at(0);
    EXPECT_EQ(w.code, X12Errc::text_before_isa);
    EXPECT_EQ(w.severity, Severity::warning);
    EXPECT_EQ(w.offset, 0u);
    EXPECT_NE(w.detail.find(std::to_string(prefix.size()) + " bytes"), std::string::npos) << w.detail;
  }
}

TEST(SegmentReader, TextBeforeTheIsaReadsTheSameInAnyChunking) {
  // Prose longer than a chunk, and the ISA (or the "ISA" in "VISA") falling across every
  // chunk boundary nearby.
  std::string prose;
  while (prose.size() < 9000) prose += "VISA payments: see the ISA below. ";
  for (std::size_t extra = 0; extra < 12; ++extra) {
    const std::string text = prose + std::string(extra, '.') + "\n" + two_groups_835();
    const ReadResult whole = read_text(text);
    ASSERT_FALSE(whole.diagnostics.has_errors());
    ASSERT_EQ(whole.diagnostics.warnings().at(0).code, X12Errc::text_before_isa);
    for (std::size_t step : {1u, 5u, 509u, 4093u}) {
      TrickleSource trickle(text, step);
      const ReadResult chunked = read_all(trickle, 4096);
      EXPECT_EQ(chunked.segments, whole.segments) << extra << "/" << step;
      EXPECT_EQ(chunked.offsets, whole.offsets) << extra << "/" << step;
      EXPECT_EQ(chunked.diagnostics.warning_count(), whole.diagnostics.warning_count());
    }
  }
}

TEST(SegmentReader, ByteOrderMarkAndUtf16BeforeTheText) {
  const std::string text = small_835();
  const ReadResult bom = read_text("\xEF\xBB\xBF" "$$ADD ID=X\n" + text);
  EXPECT_FALSE(bom.diagnostics.has_errors());
  EXPECT_EQ(bom.offsets[0], 14u);
  ASSERT_EQ(bom.diagnostics.warning_count(), read_text(text).diagnostics.warning_count() + 2);
  EXPECT_EQ(bom.diagnostics.warnings()[0].code, X12Errc::byte_order_mark);
  const X12Error& skipped = bom.diagnostics.warnings()[1];
  EXPECT_EQ(skipped.code, X12Errc::text_before_isa);
  EXPECT_EQ(skipped.offset, 3u);  // the text starts after the byte-order mark
  EXPECT_NE(skipped.detail.find("11 bytes"), std::string::npos) << skipped.detail;
  // UTF-16: offsets count decoded characters.
  std::string wide = "\xFF\xFE";
  for (char c : "$$ADD ID=X\n" + text) {
    wide.push_back(c);
    wide.push_back('\0');
  }
  const ReadResult r = read_text(wide);
  EXPECT_FALSE(r.diagnostics.has_errors());
  EXPECT_EQ(ids(r), ids(read_text(text)));
  EXPECT_EQ(r.offsets[0], 11u);
  EXPECT_EQ(r.diagnostics.warnings()[1].code, X12Errc::text_before_isa);
}

TEST(SegmentReader, VariableWidthIsaIsReadWithAWarning) {
  // Nevada Medicaid style: fields not padded.
  const std::string text = "ISA*00**00**ZZ*SENDER*ZZ*RECEIVER*240612*0701*^*00501*1*0*P*:~GS*HP*S*R*20240612*0701*1*X*005010X221A1~GE*0*1~IEA*1*1~";
  ReadResult r = read_text(text);
  EXPECT_FALSE(r.diagnostics.has_errors());
  ASSERT_EQ(r.segments.size(), 4u);
  EXPECT_EQ(r.segments[0][6], "SENDER");
  EXPECT_EQ(r.segments[0][13], "1");
  EXPECT_EQ(r.delimiters[0].component, ':');
  EXPECT_EQ(r.delimiters[0].repetition, '^');
  ASSERT_EQ(r.diagnostics.warning_count(), 1u);
  const auto& w = r.diagnostics.warnings()[0];
  EXPECT_EQ(w.code, X12Errc::isa_field_width);
  EXPECT_NE(w.detail.find("ISA02 is 0 characters (expected 10)"), std::string::npos) << w.detail;
}

TEST(SegmentReader, LastSegmentWithoutTerminatorIsReadWithAWarning) {
  ReadResult r = read_text(testing::isa_segment() + "IEA*0*000000905");
  ASSERT_EQ(r.segments.size(), 2u);
  EXPECT_EQ(r.segments[1], (std::vector<std::string>{"IEA", "0", "000000905"}));
  EXPECT_FALSE(r.diagnostics.has_errors());
  EXPECT_EQ(r.diagnostics.warnings().at(0).code, X12Errc::missing_terminator);
}

TEST(SegmentReader, ViewsArePositionedInTheInput) {
  const std::string text = small_835();
  MemorySource source(text);
  Diagnostics d;
  SegmentReader reader(source, d);
  while (reader.next()) {
    const Segment& s = reader.segment();
    ASSERT_EQ(text.substr(s.offset(), s.raw().size()), s.raw());
    ASSERT_EQ(text[s.offset() + s.raw().size()], '~');
  }
}

}  // namespace
}  // namespace clearhouse::x12
