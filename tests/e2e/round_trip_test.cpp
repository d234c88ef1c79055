// Round trip over the corpus: parse, write every segment again through the X12 writer with the
// same delimiters (element by element, trailing empty elements kept), and get the file back
// byte for byte (ignoring line breaks and indentation after terminators and a BOM).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "generators/x12/x12_writer.hpp"
#include "parsers/x12/segment_reader.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse {
namespace {

namespace fs = std::filesystem;

struct Parsed {
  std::vector<std::vector<std::string>> segments;  // [0] = id
  std::vector<model::Delimiters> delimiters;       // per segment
  x12::Diagnostics diagnostics;
};

Parsed parse(const std::string& text) {
  Parsed p;
  x12::MemorySource source(text);
  x12::SegmentReader reader(source, p.diagnostics);
  while (reader.next()) {
    std::vector<std::string> seg;
    for (auto e : reader.segment().elements()) seg.emplace_back(e);
    p.segments.push_back(std::move(seg));
    p.delimiters.push_back(reader.delimiters());
  }
  return p;
}

bool has_warning(const x12::Diagnostics& d, x12::X12Errc code) {
  for (const auto& w : d.warnings())
    if (w.code == code) return true;
  return false;
}

// The file as X12 sees it: no BOM, and none of the blanks or line breaks that may follow a
// terminator (a line-break terminator itself is kept).
std::string normalized(const std::string& raw, char terminator) {
  std::string text = raw.rfind("\xEF\xBB\xBF", 0) == 0 ? raw.substr(3) : raw;
  std::string out;
  bool after_terminator = true;
  for (char c : text) {
    const bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (after_terminator && blank && c != terminator) continue;
    out.push_back(c);
    after_terminator = c == terminator || (after_terminator && blank);
  }
  return out;
}

// Files the round trip does not apply to: decoded from UTF-16, or read by the "\n~" policy.
bool readable_as_is(const Parsed& p) {
  return !p.diagnostics.has_fatal() && !has_warning(p.diagnostics, x12::X12Errc::bad_encoding) &&
         !has_warning(p.diagnostics, x12::X12Errc::terminator_convention) && !p.segments.empty();
}

TEST(RoundTrip, SameDelimitersReproduceEveryFileByteForByte) {
  CLEARHOUSE_REQUIRE_CORPUS();
  int files = 0;
  for (const auto& path : testing::corpus_files()) {
    SCOPED_TRACE(path.filename().string());
    const std::string raw = testing::read_file(path);
    Parsed p = parse(raw);
    if (!readable_as_is(p)) continue;
    std::string written;
    for (std::size_t i = 0; i < p.segments.size(); ++i) {
      x12::X12Writer w(p.delimiters[i]);
      w.begin(p.segments[i][0]);
      for (std::size_t k = 1; k < p.segments[i].size(); ++k) w.raw_element(p.segments[i][k]);
      w.end(/*keep_trailing_empty=*/true);
      ASSERT_FALSE(w.error()) << w.error()->message;
      written += w.take();
    }
    std::string expected = normalized(raw, p.delimiters.back().segment);
    // A file whose last segment has no terminator comes back with one.
    if (has_warning(p.diagnostics, x12::X12Errc::missing_terminator)) expected.push_back(p.delimiters.back().segment);
    // Trailing blanks after the last terminator are not part of the X12.
    while (!expected.empty() && written.size() < expected.size() &&
           (expected.back() == '\n' || expected.back() == '\r' || expected.back() == ' '))
      expected.pop_back();
    EXPECT_EQ(written, expected);
    ++files;
  }
  EXPECT_GE(files, 68);
}

}  // namespace
}  // namespace clearhouse
