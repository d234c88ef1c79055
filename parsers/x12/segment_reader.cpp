#include "parsers/x12/segment_reader.hpp"

#include <fmt/format.h>

#include "parsers/x12/grammar/isa_grammar.hpp"

#include <algorithm>
#include <cstring>
#include <optional>


namespace clearhouse::x12 {
namespace {

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_break(char c) { return c == '\r' || c == '\n'; }
// Blanks skipped between segments: space, tab, CR, LF, VT, FF and Latin-1 no-break space
// (a segment id never starts with one, so no data is lost).
// Splits [begin, end) on the element separator into out (the slow paths: ISA, unwrapped, last).
void split_plain(const char* begin, const char* end, char element, detail::ElementViews& out) {
  out.clear();
  const char* field = begin;
  for (const char* p = begin; p < end; ++p) {
    if (*p == element) {
      out.push_back(std::string_view(field, static_cast<std::size_t>(p - field)));
      field = p + 1;
    }
  }
  out.push_back(std::string_view(field, static_cast<std::size_t>(end - field)));
}

}  // namespace

SegmentReader::SegmentReader(InputSource& input, Diagnostics& diagnostics, std::size_t chunk_size)
    : input_(input), diagnostics_(diagnostics), chunk_size_(chunk_size < 4096 ? 4096 : chunk_size) {}

SegmentReaderState SegmentReader::state() const {
  return SegmentReaderState{isa_, have_isa_, interchanges_, ordinal_, wrapped_reported_, text_start_};
}

void SegmentReader::resume(const SegmentReaderState& state, std::uint64_t offset, bool more_follows) {
  started_ = true;
  isa_ = state.isa;
  have_isa_ = state.have_isa;
  if (have_isa_) index_.reset(isa_.delimiters.element, isa_.delimiters.segment);
  interchanges_ = state.interchanges;
  ordinal_ = state.ordinal;
  wrapped_reported_ = state.wrapped_reported;
  text_start_ = state.text_start;
  base_offset_ = offset;
  more_follows_ = more_follows;
  if (auto whole = input_.contiguous()) {
    data_ = whole->data();
    end_ = whole->size();
    pos_ = 0;
    contiguous_ = true;
    eof_ = true;
  }
}

void SegmentReader::report(X12Errc code, Severity severity, std::uint64_t offset, std::string detail,
                           std::string expected, std::string found) {
  X12Error e;
  e.code = code;
  e.severity = severity;
  e.offset = offset;
  e.detail = std::move(detail);
  e.expected = std::move(expected);
  e.found = std::move(found);
  diagnostics_.report(std::move(e));
}

bool SegmentReader::fill() {
  if (eof_ || fatal_) return false;
  index_.invalidate();
  // Keep the unread tail (a partial segment) and read after it.
  const std::size_t keep = end_ - pos_;
  if (pos_ > 0 && keep > 0) std::memmove(buffer_.data(), data_ + pos_, keep);
  base_offset_ += pos_;
  pos_ = 0;
  end_ = keep;
  if (buffer_.size() - end_ < chunk_size_ / 2) {
    if (buffer_.size() >= kMaxSegment) {
      report(X12Errc::segment_too_long, Severity::error, base_offset_,
             fmt::format("no segment terminator within {} bytes", buffer_.size()));
      fatal_ = true;
      diagnostics_.mark_fatal();
      return false;
    }
    buffer_.resize(buffer_.empty() ? chunk_size_ : buffer_.size() * 2);
  }
  data_ = buffer_.data();
  char* dst = buffer_.data() + end_;
  const std::size_t room = buffer_.size() - end_;
  std::ptrdiff_t got;
  if (utf16_ == 0) {
    got = input_.read(dst, room);
  } else {
    // Decode UTF-16 code units to single bytes (anything above 0xFF becomes '?').
    got = 0;
    for (;;) {
      if (!wide_input_done_ && wide_.size() < room * 2) {
        const std::size_t have = wide_.size();
        wide_.resize(room * 2);
        const std::ptrdiff_t raw = input_.read(wide_.data() + have, room * 2 - have);
        wide_.resize(have + (raw > 0 ? static_cast<std::size_t>(raw) : 0));
        if (raw < 0) {
          got = -1;
          break;
        }
        if (raw == 0) wide_input_done_ = true;
      }
      const std::size_t units = std::min(wide_.size() / 2, room);
      if (units == 0 && !wide_input_done_) continue;
      for (std::size_t u = 0; u < units; ++u) {
        const auto lo = static_cast<unsigned char>(wide_[utf16_ == 1 ? 2 * u : 2 * u + 1]);
        const auto hi = static_cast<unsigned char>(wide_[utf16_ == 1 ? 2 * u + 1 : 2 * u]);
        dst[u] = hi == 0 ? static_cast<char>(lo) : '?';
      }
      wide_.erase(wide_.begin(), wide_.begin() + static_cast<std::ptrdiff_t>(2 * units));
      got = static_cast<std::ptrdiff_t>(units);
      break;
    }
  }
  if (got < 0) {
    report(X12Errc::io_error, Severity::error, base_offset_ + end_, "cannot read the input: " + input_.last_error());
    fatal_ = true;
    diagnostics_.mark_fatal();
    return false;
  }
  if (got == 0) {
    eof_ = true;
    return false;
  }
  end_ += static_cast<std::size_t>(got);
  return true;
}

// Makes [begin, end) the current segment: views in place, or a copy without line breaks.
inline void SegmentReader::emit(const char* begin, const char* end, bool has_break) {
  const std::uint64_t offset = base_offset_ + static_cast<std::uint64_t>(begin - data_);
  const std::string_view raw =
      has_break ? unwrap(begin, end, offset) : std::string_view(begin, static_cast<std::size_t>(end - begin));
  segment_ = Segment(elements_.view(), raw, offset, ++ordinal_, &isa_.delimiters);
}

bool SegmentReader::next() {
  // The common case first, with no more checks than it needs: the next segment starts right
  // after the last terminator (or a line break), is not an ISA, has no line break inside, and
  // ends inside the window. Everything else goes the general way.
  if (have_isa_ && !fatal_ && (eof_ || end_ - pos_ >= kRefillBelow)) [[likely]] {
    while (pos_ < end_ && (data_[pos_] == '\n' || data_[pos_] == '\r')) ++pos_;
    if (pos_ < end_ && data_[pos_] >= 'A' && data_[pos_] <= 'Z' && data_[pos_] != 'I') {
      elements_.clear();
      bool has_break = false;
      const char* begin = data_ + pos_;
      const char* t = index_.find_segment(begin, data_ + end_, elements_, has_break);
      if (t != nullptr && !has_break) [[likely]] {
        at_isa_ = false;
        emit(begin, t, false);
        pos_ = static_cast<std::size_t>(t - data_) + 1;
        return true;
      }
    }
  }
  return next_in_general();
}

bool SegmentReader::next_in_general() {
  at_isa_ = false;
  if (fatal_) return false;
  if (!started_) {
    started_ = true;
    if (auto whole = input_.contiguous()) {
      data_ = whole->data();
      end_ = whole->size();
      contiguous_ = true;
      eof_ = true;
    } else {
      while (end_ < 4 && fill()) {
      }
    }
    // UTF-16 (with or without a byte-order mark): decode to 8-bit text and say so.
    const std::string_view head(data_ ? data_ : "", end_);
    int encoding = 0;
    if (head.size() >= 2 && (head.substr(0, 2) == "\xFF\xFE" || head.substr(0, 2) == "\xFE\xFF"))
      encoding = head[0] == '\xFF' ? 1 : 2;
    else if (head.size() >= 4 && head[1] == '\0' && head[3] == '\0' && head[0] != '\0')
      encoding = 1;
    else if (head.size() >= 4 && head[0] == '\0' && head[2] == '\0' && head[1] != '\0')
      encoding = 2;
    if (encoding != 0) {
      report(X12Errc::bad_encoding, Severity::warning, 0,
             encoding == 1 ? "the file is UTF-16LE encoded; decoded to 8-bit text"
                           : "the file is UTF-16BE encoded; decoded to 8-bit text");
      const bool bom = head[0] == '\xFF' || head[0] == '\xFE';
      wide_.assign(head.begin() + (bom ? 2 : 0), head.end());
      utf16_ = encoding;
      buffer_.clear();
      data_ = nullptr;
      end_ = pos_ = 0;
      base_offset_ = 0;
      contiguous_ = false;
      // wide_ holds what was read so far (for in-memory input: all of it); decode from there.
      wide_input_done_ = input_.contiguous().has_value();
      eof_ = false;
      fill();
    }
    if (end_ >= 3 && std::memcmp(data_, "\xEF\xBB\xBF", 3) == 0) {
      report(X12Errc::byte_order_mark, Severity::warning, 0, "UTF-8 byte-order mark before ISA (skipped)");
      pos_ = 3;
      text_start_ = 3;
    }
  }

  for (;;) {
    // Skip blanks, line breaks and empty segments between segments.
    const char term = have_isa_ ? isa_.delimiters.segment : '\0';
    for (;;) {
      while (pos_ < end_) {
        const char c = data_[pos_];
        if (is_blank(c) || (have_isa_ && c == term)) ++pos_;
        else break;
      }
      if (pos_ < end_) break;
      if (!fill()) {
        if (!have_isa_ && !fatal_) {
          report(X12Errc::no_isa, Severity::error, base_offset_ + pos_,
                 base_offset_ + pos_ == 0 ? "the input is empty" : "the input holds only blanks", "ISA",
                 "end of input");
          fatal_ = true;
          diagnostics_.mark_fatal();
        }
        return false;
      }
    }
    if (!have_isa_) return read_first_interchange_header();
    while (end_ - pos_ < 4 && fill()) {
    }
    // After the first interchange an ISA must be followed by a non-alphanumeric separator.
    const std::string_view head(data_ + pos_, end_ - pos_ < 4 ? end_ - pos_ : 4);
    if (head.size() == 4 && head.substr(0, 3) == "ISA" && !is_alnum(head[3])) return read_interchange_header();

    if (end_ - pos_ < kRefillBelow && !eof_) {
      fill();
      if (fatal_) return false;
    }
    for (;;) {
      elements_.clear();
      bool has_break = false;
      const char* t = index_.find_segment(data_ + pos_, data_ + end_, elements_, has_break);
      if (t != nullptr) {
        emit(data_ + pos_, t, has_break);
        pos_ = static_cast<std::size_t>(t - data_) + 1;
        return true;
      }
      if (!fill()) {
        if (fatal_) return false;
        if (more_follows_) {  // a part that ends inside a segment: the next part has the rest
          cut_at_ = base_offset_ + pos_;
          return false;
        }
        // The input ends without a terminator: the last segment is read as it stands.
        const char* begin = data_ + pos_;
        const char* stop = data_ + end_;
        split_plain(begin, stop, isa_.delimiters.element, elements_);
        has_break = std::memchr(begin, '\n', end_ - pos_) != nullptr || std::memchr(begin, '\r', end_ - pos_) != nullptr;
        emit(begin, stop, has_break);
        report(X12Errc::missing_terminator, Severity::warning, segment_.offset(),
               fmt::format("the last segment ({}) has no segment terminator", printable_excerpt(segment_.id(), 3)),
               Delimiters::describe(isa_.delimiters.segment), "end of input");
        pos_ = end_;
        return true;
      }
    }
  }
}

// The input's first non-blank bytes: an ISA with a usable separator is read as it stands (its
// problems are its own); anything else is text before the interchange, skipped up to the first
// ISA that find_interchange accepts, with one warning. Without one the input is not X12.
bool SegmentReader::read_first_interchange_header() {
  while (end_ - pos_ < kIsaSearchLimit && fill()) {
  }
  if (fatal_) return false;
  const std::string_view head(data_ + pos_, end_ - pos_);
  if (head.size() >= 4 && head.substr(0, 3) == "ISA" && usable_element_separator(head[3]))
    return read_interchange_header();
  // What to say if no interchange follows, decided before the search drops these bytes.
  const std::uint64_t start = base_offset_ + pos_;
  std::optional<IsaReadResult> isa_at_start;
  if (head.substr(0, 3) == "ISA") isa_at_start = read_isa(head, eof_);
  const bool binary = head.substr(0, 4).find('\0') != std::string_view::npos;
  const std::string excerpt = printable_excerpt(head.substr(0, 3), 3);
  std::uint64_t rejected_at = 0;
  std::string rejected_problem;
  for (;;) {
    const InterchangeSearch found = find_interchange(std::string_view(data_ + pos_, end_ - pos_), eof_);
    if (found.rejected_at != InterchangeSearch::npos && rejected_problem.empty()) {
      rejected_at = base_offset_ + pos_ + found.rejected_at;
      rejected_problem = found.rejected_problem;
    }
    if (found.status == InterchangeSearch::Status::found) {
      pos_ += found.at;
      const std::uint64_t isa_offset = base_offset_ + pos_;
      report(X12Errc::text_before_isa, Severity::warning, text_start_,
             fmt::format("{} bytes before the first ISA header (at byte {}) were skipped", isa_offset - text_start_,
                         isa_offset));
      return read_interchange_header();
    }
    if (found.status == InterchangeSearch::Status::none && eof_) break;
    pos_ += found.at;
    if (!fill() && fatal_) return false;  // at the end of input eof_ is now set: decide once more
  }
  if (isa_at_start) return report_unreadable_isa(*isa_at_start, start);
  std::string detail = binary ? "the input is not X12 text (binary bytes where the ISA header should be)"
                              : "the input does not start with an ISA interchange header";
  detail += rejected_problem.empty()
                ? std::string(" and holds none")
                : fmt::format(" and holds none that can be read (the 'ISA' at byte {}: {})", rejected_at, rejected_problem);
  report(X12Errc::no_isa, Severity::error, start, std::move(detail), "ISA",
         binary ? std::string("binary data") : excerpt);
  fatal_ = true;
  diagnostics_.mark_fatal();
  return false;
}

bool SegmentReader::report_unreadable_isa(const IsaReadResult& r, std::uint64_t offset) {
  const bool truncated = r.problem.find("ends inside") != std::string::npos ||
                         r.status == IsaReadResult::Status::need_more;
  report(r.status == IsaReadResult::Status::bad_delimiters ? X12Errc::isa_bad_delimiters
         : truncated                                        ? X12Errc::isa_truncated
                                                            : X12Errc::isa_field_width,
         Severity::error, offset, "unreadable ISA header: " + r.problem, "an ISA of 16 elements, 106 characters");
  fatal_ = true;
  diagnostics_.mark_fatal();
  return false;
}

bool SegmentReader::read_interchange_header() {
  while (end_ - pos_ < kIsaSearchLimit && fill()) {
  }
  if (fatal_) return false;
  const std::uint64_t offset = base_offset_ + pos_;
  IsaReadResult r = read_isa(std::string_view(data_ + pos_, end_ - pos_), eof_ && !more_follows_);
  if (r.status != IsaReadResult::Status::ok && more_follows_ && end_ - pos_ < kIsaSearchLimit) {
    cut_at_ = offset;  // the header may go on in the next part
    return false;
  }
  if (r.status != IsaReadResult::Status::ok) return report_unreadable_isa(r, offset);
  isa_ = std::move(r.header);
  index_.reset(isa_.delimiters.element, isa_.delimiters.segment);
  have_isa_ = true;
  at_isa_ = true;
  ++interchanges_;
  if (!isa_.fixed_width) {
    std::string fields;
    for (const auto& p : r.width_problems) {
      if (!fields.empty()) fields += ", ";
      fields += fmt::format("ISA{:02d} is {} characters (expected {})", p.field, p.width,
                            grammar::kIsaFieldWidths[static_cast<std::size_t>(p.field - 1)]);
    }
    const std::string length = isa_.length == grammar::kIsaLength
                                   ? std::string("its separators are not at the fixed positions")
                                   : fmt::format("it is {} characters, not the fixed 106", isa_.length);
    report(X12Errc::isa_field_width, Severity::warning, offset,
           fmt::format("ISA fields are not fixed width ({}); {}; read by its separators", fields, length),
           "106 characters", std::to_string(isa_.length));
  }
  if (isa_.terminator_on_next_line) {
    report(X12Errc::terminator_convention, Severity::warning, offset,
           fmt::format("the byte after ISA16 is a line break and every following segment starts with '{}': "
                       "reading '{}' as the segment terminator",
                       Delimiters::describe(isa_.delimiters.segment), Delimiters::describe(isa_.delimiters.segment)));
  }
  // Split the ISA on its element separator (its terminator is at length - 1).
  const char* begin = data_ + pos_;
  const char* stop = begin + isa_.length - 1;
  split_plain(begin, stop, isa_.delimiters.element, elements_);
  segment_ = Segment(elements_.view(), std::string_view(begin, static_cast<std::size_t>(stop - begin)), offset, ++ordinal_,
                     &isa_.delimiters);
  pos_ += isa_.length;
  return true;
}

// Line breaks are never data: the segment is copied without them (80-column wrapping, CRLF
// around an LF terminator) and split again.
std::string_view SegmentReader::unwrap(const char* begin, const char* end, std::uint64_t offset) {
  unwrapped_.clear();
  bool interior = false, pending_break = false;
  for (const char* p = begin; p < end; ++p) {
    if (is_break(*p)) {
      pending_break = true;
      continue;
    }
    if (pending_break && !unwrapped_.empty()) interior = true;
    pending_break = false;
    unwrapped_.push_back(*p);
  }
  if (interior && !wrapped_reported_) {
    wrapped_reported_ = true;
    report(X12Errc::terminator_convention, Severity::warning, offset,
           "segments are wrapped across lines; line breaks inside segments were dropped");
  }
  split_plain(unwrapped_.data(), unwrapped_.data() + unwrapped_.size(), isa_.delimiters.element, elements_);
  return unwrapped_;
}

}  // namespace clearhouse::x12
