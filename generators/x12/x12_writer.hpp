#pragma once
// Writes X12 segments with a chosen delimiter set into a growing buffer. Element data that
// contains a delimiter is refused (an error value, never silent corruption); trailing empty
// elements and components are dropped as X12 requires; segments since ST are counted so that
// SE01 is never hand-counted.

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "engine/model/decimal.hpp"
#include "engine/model/money.hpp"
#include "engine/model/delimiters.hpp"

namespace clearhouse::x12 {

using model::Delimiters;

struct WriteError {
  std::string segment_id;
  int element = 0;    // 1-based
  int component = 0;  // 1-based, 0 for a simple element
  std::string message;
};

// "ISA08: receiver id ..." (the element as a biller reads it: CLM05-01).
std::string to_string(const WriteError& e);

class X12Writer {
 public:
  // line_break is written after every terminator ("" or "\n"); it is not part of the X12.
  explicit X12Writer(Delimiters delimiters, std::string line_break = {});

  // Segments are built element by element: begin, then elements/composites, then end.
  X12Writer& begin(std::string_view segment_id);
  X12Writer& element(std::string_view value);
  X12Writer& element(model::Money amount);
  X12Writer& element(const model::Decimal& value);
  X12Writer& element(std::int64_t value);
  X12Writer& empty(int count = 1);  // skipped positions
  X12Writer& composite(std::initializer_list<std::string_view> components);
  // Starts a composite element whose components follow with component(); trailing empty
  // components are dropped at the next element or at end().
  X12Writer& begin_composite();
  X12Writer& component(std::string_view value);
  // An element written exactly as given (already using this writer's delimiters), for
  // round-tripping a parsed segment; trailing empty elements are kept when keep_trailing.
  X12Writer& raw_element(std::string_view value);
  void end(bool keep_trailing_empty = false);
  // A whole segment as it was read (already using this writer's delimiters, without its
  // terminator), forwarded byte for byte and counted like any other.
  void raw_segment(std::string_view segment);
  // `count` segments a writer with the same delimiters wrote, terminators included, each
  // followed by `their_line_break`; they are appended with this writer's line break instead.
  void raw_segments(std::string_view written, std::uint64_t count, std::string_view their_line_break);

  // Convenience for a segment of plain elements: segment("REF", {"6R", "L1"}).
  void segment(std::string_view segment_id, std::initializer_list<std::string_view> elements);

  // The segment count since the last reset_count() (the ST, when called at ST).
  std::uint64_t segments_since_mark() const { return since_mark_; }
  void mark() { since_mark_ = 0; }
  std::uint64_t segments_written() const { return written_; }

  const Delimiters& delimiters() const { return delimiters_; }
  const std::string& line_break() const { return line_break_; }
  // The first refused value, if any; everything after it is still written, so callers
  // must check before using the output.
  const std::optional<WriteError>& error() const { return error_; }
  void clear_error() { error_.reset(); }
  // Records a problem the caller found (keeps the first one).
  void fail(WriteError e) {
    if (!error_) error_ = std::move(e);
  }

  std::string_view view() const { return buffer_; }
  std::size_t size() const { return buffer_.size(); }
  std::string take();   // returns and clears the buffer
  void clear() { buffer_.clear(); }

 private:
  void check(std::string_view value, int component_index);
  void refuse(std::string_view value, int component_index);  // records the error for value
  void close_composite();
  void separator();

  Delimiters delimiters_;
  // refused_[byte]: the byte is one of this writer's delimiters (one lookup per character).
  std::array<bool, 256> refused_{};
  std::string line_break_;
  std::string buffer_;
  std::string_view segment_id_;
  std::size_t segment_start_ = 0;
  std::size_t last_nonempty_end_ = 0;  // buffer size after the last non-empty element
  std::size_t composite_start_ = 0;
  std::size_t composite_last_nonempty_ = 0;
  int element_index_ = 0;
  int component_index_ = 0;
  bool in_composite_ = false;
  std::uint64_t since_mark_ = 0;
  std::uint64_t written_ = 0;
  std::optional<WriteError> error_;
};

// The calls made for every element are inline (the 837P writer makes about 150 per claim).

inline X12Writer& X12Writer::begin(std::string_view segment_id) {
  segment_id_ = segment_id;
  segment_start_ = buffer_.size();
  buffer_.append(segment_id);
  last_nonempty_end_ = buffer_.size();
  element_index_ = 0;
  in_composite_ = false;
  return *this;
}

inline void X12Writer::check(std::string_view value, int component_index) {
  bool refused = false;
  for (char c : value) refused |= refused_[static_cast<unsigned char>(c)];
  if (refused && !error_) refuse(value, component_index);
}

inline void X12Writer::separator() {
  if (in_composite_) close_composite();
  buffer_.push_back(delimiters_.element);
  ++element_index_;
}

inline X12Writer& X12Writer::element(std::string_view value) {
  separator();
  check(value, 0);
  buffer_.append(value);
  if (!value.empty()) last_nonempty_end_ = buffer_.size();
  return *this;
}

inline X12Writer& X12Writer::component(std::string_view value) {
  if (component_index_ > 0) buffer_.push_back(delimiters_.component);
  ++component_index_;
  check(value, component_index_);
  buffer_.append(value);
  if (!value.empty()) composite_last_nonempty_ = buffer_.size();
  return *this;
}

inline void X12Writer::end(bool keep_trailing_empty) {
  if (in_composite_) close_composite();
  if (!keep_trailing_empty) buffer_.resize(last_nonempty_end_);  // drop trailing empty elements
  buffer_.push_back(delimiters_.segment);
  buffer_.append(line_break_);
  ++since_mark_;
  ++written_;
}

}  // namespace clearhouse::x12
