#include "generators/render/json_writer.hpp"

#include <charconv>

namespace clearhouse::render {
namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid.
std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) n = 3;
  else if (c >= 0xF0 && c <= 0xF4) n = 4;
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

}  // namespace

void append_json_escaped(std::string& out, std::string_view value) {
  static constexpr char kHex[] = "0123456789abcdef";
  for (std::size_t i = 0; i < value.size(); ++i) {
    // Copy a run of bytes that need no escaping in one append (most text is plain ASCII).
    std::size_t run = i;
    while (run < value.size()) {
      const auto b = static_cast<unsigned char>(value[run]);
      if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') break;
      ++run;
    }
    if (run != i) {
      out.append(value.data() + i, run - i);
      i = run;
      if (i == value.size()) break;
    }
    const char c = value[i];
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    if (u < 0x20) {
      out += "\\u00";
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0xF]);
    } else if (u < 0x80) {
      out.push_back(c);
    } else if (const std::size_t n = utf8_length(value, i); n != 0) {
      out.append(value.substr(i, n));
      i += n - 1;
    } else {
      out += "\\u00";
      out.push_back(kHex[u >> 4]);
      out.push_back(kHex[u & 0xF]);
    }
  }
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) buffer_.push_back(',');
    first_.back() = false;
  }
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  buffer_.push_back('{');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  buffer_.push_back('}');
  first_.pop_back();
  maybe_flush();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  buffer_.push_back('[');
  first_.push_back(true);
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  buffer_.push_back(']');
  first_.pop_back();
  maybe_flush();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  before_value();
  buffer_.push_back('"');
  append_json_escaped(buffer_, name);
  buffer_ += "\":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view value) {
  before_value();
  buffer_.push_back('"');
  append_json_escaped(buffer_, value);
  buffer_.push_back('"');
  return *this;
}

JsonWriter& JsonWriter::number(std::int64_t value) {
  before_value();
  char text[24];
  const auto r = std::to_chars(text, text + sizeof text, value);
  buffer_.append(text, static_cast<std::size_t>(r.ptr - text));
  return *this;
}

JsonWriter& JsonWriter::unsigned_number(std::uint64_t value) {
  before_value();
  char text[24];
  const auto r = std::to_chars(text, text + sizeof text, value);
  buffer_.append(text, static_cast<std::size_t>(r.ptr - text));
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  before_value();
  buffer_ += value ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  buffer_ += "null";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  buffer_.append(json);
  return *this;
}

void JsonWriter::flush() {
  if (out_ != nullptr && !buffer_.empty()) {
    std::fwrite(buffer_.data(), 1, buffer_.size(), out_);
    buffer_.clear();
  }
}

std::string JsonWriter::take() {
  std::string out;
  out.swap(buffer_);
  return out;
}

}  // namespace clearhouse::render
