#pragma once
// A JSON request body read into the few typed fields a route wants. Malformed JSON or a body
// that is not an object is a 400; a field of the wrong type, missing when required, or too
// long is a 422 naming the field. RapidJSON stays in json_body.cpp.

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace clearhouse::service {

class JsonBody {
 public:
  // Throws RequestError(400) unless text is a JSON object.
  explicit JsonBody(std::string_view text);
  ~JsonBody();
  JsonBody(const JsonBody&) = delete;
  JsonBody& operator=(const JsonBody&) = delete;

  // The string field; nullopt when absent or null. Throws RequestError(422) for another type,
  // for a required field that is absent or blank, or for more than max_length bytes.
  std::optional<std::string> text(std::string_view name, bool required, std::size_t max_length);
  // The boolean field, or fallback when absent. Throws RequestError(422) for another type.
  bool flag(std::string_view name, bool fallback);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace clearhouse::service
