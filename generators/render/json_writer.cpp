#include "generators/render/json_writer.hpp"

#include <cstring>

// RapidJSON's SSE2 scan copies runs of characters that need no escaping 16 bytes at a time
// (every x86-64 has SSE2); as in parsers/encounter/encounter_reader.cpp.
#define RAPIDJSON_SSE2
#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace clearhouse::render {
namespace {

bool is_ascii(std::string_view s) {
  unsigned char any = 0;
  for (char c : s) any |= static_cast<unsigned char>(c);  // no early exit: the loop vectorizes
  return any < 0x80;
}

// The same text as valid UTF-8: a byte that does not start a valid UTF-8 sequence is the
// Latin-1 character of that code (RapidJSON's own decoder and encoder judge and write).
std::string_view as_utf8(std::string_view s, rapidjson::StringBuffer& scratch) {
  if (is_ascii(s)) return s;
  scratch.Clear();
  bool repaired = false;
  for (std::size_t i = 0; i < s.size();) {
    rapidjson::MemoryStream in(s.data() + i, s.size() - i);
    unsigned code_point = 0;
    if (rapidjson::UTF8<>::Decode(in, &code_point)) {
      for (std::size_t k = 0; k < in.Tell(); ++k) scratch.Put(s[i + k]);
      i += in.Tell();
    } else {
      rapidjson::UTF8<>::Encode(scratch, static_cast<unsigned char>(s[i]));
      repaired = true;
      ++i;
    }
  }
  return repaired ? std::string_view(scratch.GetString(), scratch.GetSize()) : s;
}

}  // namespace

struct JsonWriter::Rapid {
  Rapid() : writer(buffer) {}
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer;
  rapidjson::StringBuffer scratch;  // text that needed repair into UTF-8
};

JsonWriter::JsonWriter(std::FILE* out, std::size_t flush_at)
    : out_(out), flush_at_(flush_at), rapid_(std::make_unique<Rapid>()) {}

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
  maybe_flush();  // a raw value may be large (parse --jobs writes a part's sets as one)
  return *this;
}

JsonWriter& JsonWriter::raw_items(std::string_view json) {
  if (json.empty()) return *this;
  rapid_->writer.RawValue("", 0, rapidjson::kObjectType);  // the separator before them, if any
  if (out_ != nullptr) {
    flush();
    std::fwrite(json.data(), 1, json.size(), out_);
  } else {
    std::memcpy(rapid_->buffer.Push(json.size()), json.data(), json.size());
  }
  return *this;
}

JsonWriter& JsonWriter::field(std::string_view name, const std::vector<std::string>& values) {
  key(name).begin_array();
  for (const auto& v : values) string(v);
  return end_array();
}

void JsonWriter::newline() {
  rapid_->buffer.Put('\n');
  rapid_->writer.Reset(rapid_->buffer);
}

void JsonWriter::maybe_flush() {
  if (out_ != nullptr && rapid_->buffer.GetSize() >= flush_at_) flush();
}

void JsonWriter::flush() {
  auto& buffer = rapid_->buffer;
  if (out_ != nullptr && buffer.GetSize() != 0) {
    std::fwrite(buffer.GetString(), 1, buffer.GetSize(), out_);
    buffer.Clear();
  }
}

std::string_view JsonWriter::text() const { return {rapid_->buffer.GetString(), rapid_->buffer.GetSize()}; }

std::string JsonWriter::take() {
  std::string out(text());
  rapid_->buffer.Clear();
  return out;
}

}  // namespace clearhouse::render
