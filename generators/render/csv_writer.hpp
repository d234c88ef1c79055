#pragma once
// CSV output for every `--format csv` (RFC 4180): fields separated by commas; a field that
// contains a comma, a double quote, CR or LF is quoted, its quotes doubled; anything else,
// leading and trailing spaces included, is written as it is (RFC 4180 2.4: spaces are part of
// a field). Records end with LF, not the RFC's CRLF: this is a command's standard output, read
// by shell tools (cut, awk, sort) as often as by spreadsheets, and every CSV reader we know
// accepts LF; a line break inside a quoted field is kept as it is. Rows are buffered and
// written to a FILE* in blocks, or kept in memory when there is none.

#include <charconv>
#include <concepts>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace clearhouse::render {

class CsvWriter {
 public:
  explicit CsvWriter(std::FILE* out = nullptr, std::size_t flush_at = 1 << 16) : out_(out), flush_at_(flush_at) {}
  ~CsvWriter() { flush(); }
  CsvWriter(const CsvWriter&) = delete;
  CsvWriter& operator=(const CsvWriter&) = delete;

  CsvWriter& field(std::string_view value);
  CsvWriter& field(const char* value) { return field(std::string_view(value)); }
  template <std::integral T>
    requires(!std::same_as<T, bool>)
  CsvWriter& field(T value) {
    char text[24];
    const char* end = std::to_chars(text, text + sizeof text, value).ptr;
    return field(std::string_view(text, static_cast<std::size_t>(end - text)));
  }
  CsvWriter& empty() { return field(std::string_view()); }
  void end_row();

  void flush();
  const std::string& text() const { return text_; }  // when writing to memory

 private:
  std::FILE* out_;
  std::size_t flush_at_;
  std::string text_;
  bool first_in_row_ = true;
};

}  // namespace clearhouse::render
