#include "generators/render/json_writer.hpp"

#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/writer.h>

#include <algorithm>

namespace clearhouse::render {
namespace {

// The output stream RapidJSON writes into: the writer's text.
struct TextStream {
  using Ch = char;
  std::string* text;
  void Put(char c) { text->push_back(c); }
  void Flush() {}
};

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// The same text as valid UTF-8: a byte that does not start a valid UTF-8 sequence is the
// Latin-1 character of that code (RapidJSON's own decoder and encoder judge and write).
std::string_view as_utf8(std::string_view s, std::string& scratch) {
  if (is_ascii(s)) return s;
  scratch.clear();
  TextStream out{&scratch};
  bool repaired = false;
  for (std::size_t i = 0; i < s.size();) {
    rapidjson::MemoryStream in(s.data() + i, s.size() - i);
    unsigned code_point = 0;
    if (rapidjson::UTF8<>::Decode(in, &code_point)) {
      scratch.append(s.data() + i, in.Tell());
      i += in.Tell();
    } else {
      rapidjson::UTF8<>::Encode(out, static_cast<unsigned char>(s[i]));
      repaired = true;
      ++i;
    }
  }
  return repaired ? std::string_view(scratch) : s;
}

}  // namespace

struct JsonWriter::Rapid {
  explicit Rapid(std::string& text) : stream{&text}, writer(stream) {}
  TextStream stream;
  rapidjson::Writer<TextStream> writer;
  std::string scratch;  // for text that needed repair into UTF-8
};

JsonWriter::JsonWriter(std::FILE* out, std::size_t flush_at)
    : out_(out), flush_at_(flush_at), rapid_(std::make_unique<Rapid>(text_)) {}

JsonWriter::~JsonWriter() { flush(); }

JsonWriter& JsonWriter::begin_object() {
  rapid_->writer.StartObject();
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  rapid_->writer.EndObject();
  maybe_flush();
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  rapid_->writer.StartArray();
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  rapid_->writer.EndArray();
  maybe_flush();
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view name) {
  const std::string_view utf8 = as_utf8(name, rapid_->scratch);
  rapid_->writer.Key(utf8.data(), static_cast<rapidjson::SizeType>(utf8.size()));
  return *this;
}

JsonWriter& JsonWriter::string(std::string_view value) {
  const std::string_view utf8 = as_utf8(value, rapid_->scratch);
  rapid_->writer.String(utf8.data(), static_cast<rapidjson::SizeType>(utf8.size()));
  return *this;
}

JsonWriter& JsonWriter::number(std::int64_t value) {
  rapid_->writer.Int64(value);
  return *this;
}

JsonWriter& JsonWriter::unsigned_number(std::uint64_t value) {
  rapid_->writer.Uint64(value);
  return *this;
}

JsonWriter& JsonWriter::boolean(bool value) {
  rapid_->writer.Bool(value);
  return *this;
}

JsonWriter& JsonWriter::null() {
  rapid_->writer.Null();
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  rapid_->writer.RawValue(json.data(), json.size(), rapidjson::kObjectType);
  return *this;
}

JsonWriter& JsonWriter::field(std::string_view name, const std::vector<std::string>& values) {
  key(name).begin_array();
  for (const auto& v : values) string(v);
  return end_array();
}

void JsonWriter::newline() {
  text_.push_back('\n');
  rapid_->writer.Reset(rapid_->stream);
}

void JsonWriter::flush() {
  if (out_ != nullptr && !text_.empty()) {
    std::fwrite(text_.data(), 1, text_.size(), out_);
    text_.clear();
  }
}

std::string JsonWriter::take() {
  std::string out;
  out.swap(text_);
  return out;
}

}  // namespace clearhouse::render
