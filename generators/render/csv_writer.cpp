#include "generators/render/csv_writer.hpp"

namespace clearhouse::render {

CsvWriter& CsvWriter::field(std::string_view value) {
  if (!first_in_row_) text_.push_back(',');
  first_in_row_ = false;
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) {
    text_.append(value);
    return *this;
  }
  text_.push_back('"');
  for (char c : value) {
    if (c == '"') text_.push_back('"');
    text_.push_back(c);
  }
  text_.push_back('"');
  return *this;
}

void CsvWriter::end_row() {
  text_.push_back('\n');
  first_in_row_ = true;
  if (out_ != nullptr && text_.size() >= flush_at_) flush();
}

void CsvWriter::flush() {
  if (out_ == nullptr || text_.empty()) return;
  std::fwrite(text_.data(), 1, text_.size(), out_);
  text_.clear();
}

}  // namespace clearhouse::render
