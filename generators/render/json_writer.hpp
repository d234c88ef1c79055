#pragma once
// A small streaming JSON writer: commas and escaping handled, output buffered and flushed to
// a FILE* in blocks so that a 1 GB X12 file can be rendered with flat memory.

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace clearhouse::render {

class JsonWriter {
 public:
  // With out, the buffer is written to it whenever it passes flush_at bytes and on flush().
  explicit JsonWriter(std::FILE* out = nullptr, std::size_t flush_at = 1 << 16) : out_(out), flush_at_(flush_at) {}
  ~JsonWriter() { flush(); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  JsonWriter& string(std::string_view value);
  JsonWriter& number(std::int64_t value);
  JsonWriter& unsigned_number(std::uint64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // A value that is already JSON text.
  JsonWriter& raw(std::string_view json);

  // Shorthands for "key": value.
  JsonWriter& field(std::string_view name, std::string_view value) { return key(name).string(value); }
  JsonWriter& field(std::string_view name, const char* value) { return key(name).string(value); }
  JsonWriter& field(std::string_view name, std::int64_t value) { return key(name).number(value); }
  JsonWriter& field(std::string_view name, bool value) { return key(name).boolean(value); }

  void newline() { buffer_.push_back('\n'); }
  void flush();
  std::string take();  // the text so far (when writing to memory)
  const std::string& text() const { return buffer_; }

 private:
  void before_value();
  void maybe_flush() {
    if (out_ != nullptr && buffer_.size() >= flush_at_) flush();
  }

  std::FILE* out_;
  std::size_t flush_at_;
  std::string buffer_;
  std::vector<bool> first_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// Appends value to out as a JSON string body (no quotes), escaping what JSON requires and
// writing bytes that are not valid UTF-8 as \u00XX (Latin-1), so the output is always valid.
void append_json_escaped(std::string& out, std::string_view value);

}  // namespace clearhouse::render
