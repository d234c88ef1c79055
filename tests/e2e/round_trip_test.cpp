// Round trip over the corpus: parse, write again with the same delimiters, and get the file
// back byte for byte (ignoring line breaks and indentation after terminators and a BOM);
// rewrite with another delimiter set, parse again, and get the same segments.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "generators/x12/segment_rewriter.hpp"
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

// Elements as nested lists (repeats of components) so that files written with different
// delimiters compare equal.
std::vector<std::vector<std::vector<std::string>>> structure(const std::vector<std::string>& seg,
                                                             const model::Delimiters& d) {
  std::vector<std::vector<std::vector<std::string>>> out;
  for (std::size_t i = 1; i < seg.size(); ++i) {
    std::vector<std::vector<std::string>> repeats;
    const bool isa = seg[0] == "ISA";
    for (auto r : x12::Split(seg[i], isa || !d.has_repetition() ? '\0' : d.repetition)) {
      std::vector<std::string> comps;
      for (auto c : x12::Split(r, isa ? '\0' : d.component)) comps.emplace_back(c);
      repeats.push_back(std::move(comps));
    }
    out.push_back(std::move(repeats));
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
      std::vector<std::string_view> views(p.segments[i].begin(), p.segments[i].end());
      x12::rewrite_segment(w, views, p.delimiters[i]);
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

TEST(RoundTrip, OtherDelimitersGiveTheSameSegments) {
  CLEARHOUSE_REQUIRE_CORPUS();
  // Control characters never appear in corpus data, so they are always safe delimiters.
  const std::vector<model::Delimiters> targets = {
      {'\x1C', '\x1F', '\x1E', '\x1D'}, {'\x1F', '\x1C', '\0', '\n'}, {'\x1D', '\x1E', '\x1F', '\x1C'}};
  int files = 0;
  for (const auto& path : testing::corpus_files()) {
    SCOPED_TRACE(path.filename().string());
    Parsed original = parse(testing::read_file(path));
    if (!readable_as_is(original)) continue;
    for (const auto& to : targets) {
      std::string written;
      for (std::size_t i = 0; i < original.segments.size(); ++i) {
        x12::X12Writer w(to);
        std::vector<std::string_view> views(original.segments[i].begin(), original.segments[i].end());
        x12::rewrite_segment(w, views, original.delimiters[i]);
        ASSERT_FALSE(w.error()) << w.error()->message;
        written += w.take();
      }
      Parsed again = parse(written);
      ASSERT_EQ(again.segments.size(), original.segments.size());
      EXPECT_EQ(again.delimiters.front().element, to.element);
      EXPECT_EQ(again.delimiters.front().segment, to.segment);
      for (std::size_t i = 0; i < original.segments.size(); ++i) {
        const auto& a = original.segments[i];
        const auto& b = again.segments[i];
        ASSERT_EQ(a[0], b[0]);
        if (a[0] == "ISA") {
          for (std::size_t k = 1; k <= 10; ++k) ASSERT_EQ(a[k], b[k]);
          for (std::size_t k = 12; k <= 15; ++k) ASSERT_EQ(a[k], b[k]);
          continue;
        }
        // Without a repetition separator in the target, repeats stay as they were written.
        if (!to.has_repetition() && original.delimiters[i].has_repetition()) {
          ASSERT_EQ(a.size(), b.size());
          continue;
        }
        ASSERT_EQ(structure(a, original.delimiters[i]), structure(b, again.delimiters[i])) << a[0];
      }
    }
    ++files;
  }
  EXPECT_GE(files, 68);
}

}  // namespace
}  // namespace clearhouse
