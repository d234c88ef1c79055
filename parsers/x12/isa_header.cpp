#include "parsers/x12/isa_header.hpp"

#include "parsers/x12/grammar/isa_grammar.hpp"

#include <algorithm>

namespace clearhouse::x12 {
namespace {

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_line_break(char c) { return c == '\r' || c == '\n'; }

// ISA11 is the repetition separator from version 00402 on, unless it is a letter/digit (4010's 'U').
char repetition_from(const std::string& isa11, const std::string& isa12) {
  if (isa11.size() != 1 || is_alnum(isa11[0]) || isa11[0] == ' ') return '\0';
  if (isa12.size() != 5 || isa12 < "00402") return '\0';
  return isa11[0];
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

bool usable_element_separator(char c) { return !is_alnum(c) && c != ' ' && !is_line_break(c); }

IsaReadResult read_isa(std::string_view text, bool at_end) {
  IsaReadResult r;
  if (text.size() < 4) {
    r.status = at_end ? IsaReadResult::Status::not_isa : IsaReadResult::Status::need_more;
    r.problem = "input ends inside the ISA header";
    return r;
  }
  if (text.substr(0, 3) != "ISA") {
    r.problem = "not an ISA segment";
    return r;
  }
  const char sep = text[3];
  if (!usable_element_separator(sep)) {
    r.status = IsaReadResult::Status::bad_delimiters;
    r.problem = "the byte after ISA is not a usable element separator";
    return r;
  }
  InterchangeHeader& h = r.header;
  grammar::FixedIsa fixed;
  std::size_t terminator_at = 0;
  if (text.size() >= grammar::kIsaLength && grammar::parse_fixed_isa(text, fixed)) {
    h.fields = std::move(fixed.fields);
    terminator_at = grammar::kIsaLength - 1;
  } else {
    // Walk 16 separators: ISA16 is the byte after the 16th, the terminator the byte after that.
    std::size_t pos = 3;
    std::array<std::size_t, 17> seps{};
    int found = 0;
    while (found < 16) {
      const std::size_t limit = text.size() < kIsaSearchLimit ? text.size() : kIsaSearchLimit;
      const auto next = text.substr(0, limit).find(sep, pos);
      if (next == std::string_view::npos) {
        if (!at_end && text.size() < kIsaSearchLimit) {
          r.status = IsaReadResult::Status::need_more;
          return r;
        }
        r.status = IsaReadResult::Status::not_isa;
        r.problem = "the ISA header has fewer than 16 elements";
        return r;
      }
      seps[static_cast<std::size_t>(found++)] = next;
      pos = next + 1;
    }
    const std::size_t comp_at = seps[15] + 1;
    const std::size_t limit = text.size() < kIsaSearchLimit ? text.size() : kIsaSearchLimit;
    if (comp_at + 1 >= limit) {
      if (!at_end && text.size() < kIsaSearchLimit) {
        r.status = IsaReadResult::Status::need_more;
        return r;
      }
      r.status = IsaReadResult::Status::not_isa;
      r.problem = text.size() >= kIsaSearchLimit ? "no ISA terminator within the first 512 bytes"
                                                 : "input ends inside the ISA header";
      return r;
    }
    for (int i = 0; i < 15; ++i) {
      const std::size_t b = seps[static_cast<std::size_t>(i)] + 1, e = seps[static_cast<std::size_t>(i) + 1];
      h.fields[static_cast<std::size_t>(i)] = std::string(text.substr(b, e - b));
    }
    h.fields[15] = std::string(1, text[comp_at]);
    terminator_at = comp_at + 1;
    h.fixed_width = false;
    for (int i = 0; i < 16; ++i) {
      const auto width = h.fields[static_cast<std::size_t>(i)].size();
      if (static_cast<int>(width) != grammar::kIsaFieldWidths[static_cast<std::size_t>(i)])
        r.width_problems.push_back({i + 1, width});
    }
  }
  Delimiters& d = h.delimiters;
  d.element = sep;
  d.component = h.fields[15][0];
  d.segment = text[terminator_at];
  d.repetition = repetition_from(h.fields[10], h.fields[11]);
  h.length = terminator_at + 1;
  if (is_alnum(d.component) || is_alnum(d.segment) || d.collide()) {
    r.status = IsaReadResult::Status::bad_delimiters;
    r.problem = "the ISA's delimiters are letters/digits or two of them are the same byte";
    return r;
  }
  // A line break as terminator followed, on the next line, by a printable non-alphanumeric
  // byte and then a segment id: the file writes "\n~" between segments (4010 TigerShark
  // convention). That byte is the real terminator.
  if (is_line_break(d.segment)) {
    std::size_t k = terminator_at + 1;
    while (k < text.size() && is_line_break(text[k])) ++k;
    if (k + 1 < text.size()) {
      const char c = text[k];
      const bool printable_punct = c > 0x20 && c < 0x7F && !is_alnum(c);
      if (printable_punct && text[k + 1] >= 'A' && text[k + 1] <= 'Z' && c != d.element && c != d.component &&
          c != d.repetition) {
        d.segment = c;
        h.terminator_on_next_line = true;
      }
    }
  }
  r.status = IsaReadResult::Status::ok;
  return r;
}

InterchangeSearch find_interchange(std::string_view text, bool at_end) {
  InterchangeSearch s;
  auto undecided = [&](std::size_t i) {
    s.status = InterchangeSearch::Status::need_more;
    s.at = i;
    return s;
  };
  for (std::size_t i = text.find("ISA"); i != std::string_view::npos; i = text.find("ISA", i + 1)) {
    if (i + 3 >= text.size()) {
      if (at_end) break;
      return undecided(i);
    }
    if (!usable_element_separator(text[i + 3])) continue;  // "ISA is", "ISAs", "VISA "
    // As many bytes as reading the header at the start would have (see SegmentReader).
    if (!at_end && text.size() - i < kIsaSearchLimit) return undecided(i);
    const IsaReadResult r = read_isa(text.substr(i), at_end);
    std::string problem;
    if (r.status != IsaReadResult::Status::ok) problem = r.problem;
    else if (!all_digits(r.header.field(12)) || !all_digits(r.header.field(13)))
      problem = "its ISA12 (version) or ISA13 (control number) is not a number";
    if (problem.empty()) {
      s.status = InterchangeSearch::Status::found;
      s.at = i;
      return s;
    }
    if (s.rejected_at == InterchangeSearch::npos) {
      s.rejected_at = i;
      s.rejected_problem = std::move(problem);
    }
  }
  s.status = InterchangeSearch::Status::none;
  // "I" or "IS" at the very end may begin an "ISA" that the next bytes complete.
  s.at = at_end ? text.size() : text.size() - std::min<std::size_t>(text.size(), 2);
  return s;
}

}  // namespace clearhouse::x12
