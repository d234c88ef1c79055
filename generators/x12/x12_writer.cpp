#include "generators/x12/x12_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace clearhouse::x12 {

X12Writer::X12Writer(Delimiters delimiters, std::string line_break)
    : delimiters_(delimiters), line_break_(std::move(line_break)) {
  for (char c : {delimiters_.element, delimiters_.segment, delimiters_.component})
    refused_[static_cast<unsigned char>(c)] = true;
  if (delimiters_.has_repetition()) refused_[static_cast<unsigned char>(delimiters_.repetition)] = true;
}

void X12Writer::refuse(std::string_view value, int component_index) {
  for (char c : value) {
    if (refused_[static_cast<unsigned char>(c)]) {
      error_ = WriteError{std::string(segment_id_), element_index_, component_index,
                          fmt::format("value contains the delimiter '{}'", Delimiters::describe(c))};
      return;
    }
  }
}

std::string to_string(const WriteError& e) {
  std::string out = e.segment_id;
  if (e.element > 0) out += fmt::format("{:02}", e.element);
  if (e.component > 0) out += fmt::format("-{:02}", e.component);
  return out + ": " + e.message;
}

void X12Writer::raw_segment(std::string_view segment) {
  buffer_.append(segment);
  buffer_.push_back(delimiters_.segment);
  buffer_.append(line_break_);
  ++since_mark_;
  ++written_;
}

void X12Writer::raw_segments(std::string_view written, std::uint64_t count, std::string_view their_line_break) {
  if (their_line_break == line_break_) {
    buffer_.append(written);
  } else {
    while (!written.empty()) {
      const std::size_t end = written.find(delimiters_.segment);
      if (end == std::string_view::npos) {
        buffer_.append(written);
        break;
      }
      buffer_.append(written.substr(0, end + 1));
      buffer_.append(line_break_);
      written.remove_prefix(end + 1);
      if (written.starts_with(their_line_break)) written.remove_prefix(their_line_break.size());
    }
  }
  since_mark_ += count;
  written_ += count;
}

X12Writer& X12Writer::raw_element(std::string_view value) {
  separator();
  buffer_.append(value);
  if (!value.empty()) last_nonempty_end_ = buffer_.size();
  return *this;
}

X12Writer& X12Writer::element(model::Money amount) {
  separator();
  char text[model::kMaxAmountChars];
  const std::size_t n = model::write_x12_amount(amount, text);
  buffer_.append(text, n);
  last_nonempty_end_ = buffer_.size();
  return *this;
}

// Decimal::to_string's form ("1", "1.5", "-0.25") without building a string.
X12Writer& X12Writer::element(const model::Decimal& value) {
  const model::Decimal d = value.normalized();
  if (d.scale > 19) return element(std::string_view(value.to_string()));  // beyond any int64's digits
  const bool negative = d.coefficient < 0;
  const std::uint64_t magnitude =
      negative ? (~static_cast<std::uint64_t>(d.coefficient) + 1) : static_cast<std::uint64_t>(d.coefficient);
  char digits[24];
  const auto n = static_cast<std::size_t>(std::to_chars(digits, digits + sizeof digits, magnitude).ptr - digits);
  const std::size_t scale = d.scale > 0 ? static_cast<std::size_t>(d.scale) : 0;
  const std::size_t width = std::max(n, scale + 1);  // with the leading zeros of 0.05
  char text[48];
  std::size_t len = 0;
  if (negative) text[len++] = '-';
  for (std::size_t i = 0; i < width; ++i) {
    if (scale > 0 && i == width - scale) text[len++] = '.';
    text[len++] = i < width - n ? '0' : digits[i - (width - n)];
  }
  return element(std::string_view(text, len));
}

X12Writer& X12Writer::element(std::int64_t value) {
  separator();
  char text[24];
  const auto r = std::to_chars(text, text + sizeof text, value);
  buffer_.append(text, static_cast<std::size_t>(r.ptr - text));
  last_nonempty_end_ = buffer_.size();
  return *this;
}

X12Writer& X12Writer::empty(int count) {
  for (int i = 0; i < count; ++i) separator();
  return *this;
}

X12Writer& X12Writer::composite(std::initializer_list<std::string_view> components) {
  begin_composite();
  for (auto c : components) component(c);
  close_composite();
  return *this;
}

X12Writer& X12Writer::begin_composite() {
  separator();
  in_composite_ = true;
  component_index_ = 0;
  composite_start_ = buffer_.size();
  composite_last_nonempty_ = buffer_.size();
  return *this;
}

void X12Writer::close_composite() {
  in_composite_ = false;
  buffer_.resize(composite_last_nonempty_);  // drop trailing empty components
  if (buffer_.size() > composite_start_) last_nonempty_end_ = buffer_.size();
}

void X12Writer::segment(std::string_view segment_id, std::initializer_list<std::string_view> elements) {
  begin(segment_id);
  for (auto e : elements) element(e);
  end();
}

std::string X12Writer::take() {
  std::string out;
  out.swap(buffer_);
  return out;
}

}  // namespace clearhouse::x12
