#pragma once
// JSON output. RapidJSON's Writer does the writing (structure, commas, escaping, numbers); this
// façade keeps RapidJSON out of the headers that include it and adds what our callers need: the
// text in memory, or flushed to a FILE* in blocks so that a 1 GB X12 file renders with flat
// memory; "key": value shorthands; several documents, one per line (newline()).

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace clearhouse::render {

class JsonWriter {
 public:
  // With out, the text is written to it whenever it passes flush_at bytes at the end of an
  // object, an array or a raw value, and on flush().
  explicit JsonWriter(std::FILE* out = nullptr, std::size_t flush_at = 1 << 16);
  ~JsonWriter();
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);
  // Text that is not valid UTF-8 is read as Latin-1 (X12 files carry such bytes), so the output
  // is always valid JSON.
  JsonWriter& string(std::string_view value);
  JsonWriter& number(std::int64_t value);
  JsonWriter& unsigned_number(std::uint64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // A value that is already JSON text.
  JsonWriter& raw(std::string_view json);
  // Items of the current array that are already JSON text, separated by commas ("{..},{..}"):
  // written as they are, straight to out when there is one (no copy into the buffer).
  JsonWriter& raw_items(std::string_view json);

  // Shorthands for "key": value.
  JsonWriter& field(std::string_view name, std::string_view value) { return key(name).string(value); }
  JsonWriter& field(std::string_view name, const char* value) { return key(name).string(value); }
  JsonWriter& field(std::string_view name, std::int64_t value) { return key(name).number(value); }
  JsonWriter& field(std::string_view name, bool value) { return key(name).boolean(value); }
  // "key": ["a", "b"].
  JsonWriter& field(std::string_view name, const std::vector<std::string>& values);

  // Ends the current document with a line break; what follows is a new document (JSON Lines).
  void newline();
  void flush();
  std::string take();  // the text so far (when writing to memory)
  std::string_view text() const;

 private:
  struct Rapid;  // RapidJSON's Writer and its buffer (json_writer.cpp)

  void maybe_flush();

  std::FILE* out_;
  std::size_t flush_at_;
  std::unique_ptr<Rapid> rapid_;
};

}  // namespace clearhouse::render
