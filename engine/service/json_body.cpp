#include "engine/service/json_body.hpp"

#include <fmt/format.h>
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "engine/service/http_message.hpp"

namespace clearhouse::service {

struct JsonBody::Impl {
  rapidjson::Document doc;
};

JsonBody::JsonBody(std::string_view text) : impl_(std::make_unique<Impl>()) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
    throw RequestError(400, "bad_json", "the body is empty; send a JSON object");
  impl_->doc.Parse<rapidjson::kParseStopWhenDoneFlag>(text.data(), text.size());
  if (impl_->doc.HasParseError())
    throw RequestError(400, "bad_json",
                       fmt::format("the body is not JSON: {} at byte {}",
                                   rapidjson::GetParseError_En(impl_->doc.GetParseError()), impl_->doc.GetErrorOffset()));
  if (!impl_->doc.IsObject()) throw RequestError(400, "bad_json", "the body must be a JSON object");
}

JsonBody::~JsonBody() = default;

std::optional<std::string> JsonBody::text(std::string_view name, bool required, std::size_t max_length) {
  const auto it = impl_->doc.FindMember(rapidjson::Value(name.data(), static_cast<rapidjson::SizeType>(name.size())));
  if (it == impl_->doc.MemberEnd() || it->value.IsNull()) {
    if (required) throw RequestError(422, "invalid_field", fmt::format("'{}' is required", name));
    return std::nullopt;
  }
  if (!it->value.IsString()) throw RequestError(422, "invalid_field", fmt::format("'{}' must be a string", name));
  std::string value(it->value.GetString(), it->value.GetStringLength());
  if (value.size() > max_length)
    throw RequestError(422, "invalid_field", fmt::format("'{}' is longer than {} bytes", name, max_length));
  if (value.find('\0') != std::string::npos)
    throw RequestError(422, "invalid_field", fmt::format("'{}' contains a NUL character", name));
  if (required && value.find_first_not_of(" \t\r\n") == std::string::npos)
    throw RequestError(422, "invalid_field", fmt::format("'{}' must not be blank", name));
  return value;
}

bool JsonBody::flag(std::string_view name, bool fallback) {
  const auto it = impl_->doc.FindMember(rapidjson::Value(name.data(), static_cast<rapidjson::SizeType>(name.size())));
  if (it == impl_->doc.MemberEnd() || it->value.IsNull()) return fallback;
  if (!it->value.IsBool()) throw RequestError(422, "invalid_field", fmt::format("'{}' must be true or false", name));
  return it->value.GetBool();
}

}  // namespace clearhouse::service
