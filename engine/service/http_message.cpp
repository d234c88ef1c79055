#include "engine/service/http_message.hpp"

#include <fstream>
#include <sstream>

#include "generators/render/json_writer.hpp"

namespace clearhouse::service {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding; '+' is a space in the query only.
bool decode(std::string_view in, bool plus_is_space, std::string& out) {
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c == '%') {
      if (i + 2 >= in.size()) return false;
      const int hi = hex_digit(in[i + 1]), lo = hex_digit(in[i + 2]);
      if (hi < 0 || lo < 0) return false;
      const char decoded = static_cast<char>(hi * 16 + lo);
      if (decoded == '\0') return false;
      out.push_back(decoded);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return true;
}

}  // namespace

const std::string* Request::header(std::string_view lowercase_name) const {
  for (const auto& h : headers)
    if (h.name == lowercase_name) return &h.value;
  return nullptr;
}

std::optional<std::string> Request::query_value(std::string_view name) const {
  for (const auto& [k, v] : query)
    if (k == name) return v;
  return std::nullopt;
}

std::vector<std::string> Request::query_values(std::string_view name) const {
  std::vector<std::string> out;
  for (const auto& [k, v] : query)
    if (k == name) out.push_back(v);
  return out;
}

const std::string& Request::param(std::string_view name) const {
  static const std::string kEmpty;
  const auto it = params.find(name);
  return it == params.end() ? kEmpty : it->second;
}

std::string Request::media_type() const {
  const std::string* ct = header("content-type");
  if (ct == nullptr) return {};
  std::string out;
  for (char c : *ct) {
    if (c == ';') break;
    if (c == ' ' || c == '\t') continue;
    out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

std::uint64_t Request::body_size() const {
  if (!body_file.empty()) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(body_file, ec);
    return ec ? 0 : n;
  }
  return body.size();
}

std::string Request::body_text() const {
  if (body_file.empty()) return body;
  std::ifstream in(body_file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

bool split_target(std::string_view target, std::string& path, std::vector<std::pair<std::string, std::string>>& query) {
  query.clear();
  const auto q = target.find('?');
  std::string_view raw_path = target.substr(0, q);
  if (raw_path.empty() || raw_path.front() != '/') return false;
  if (!decode(raw_path, false, path)) return false;
  if (q == std::string_view::npos) return true;
  std::string_view rest = target.substr(q + 1);
  const auto hash = rest.find('#');
  rest = rest.substr(0, hash);
  while (!rest.empty()) {
    const auto amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;
    const auto eq = pair.find('=');
    std::string k, v;
    if (!decode(pair.substr(0, eq), true, k)) return false;
    if (eq != std::string_view::npos && !decode(pair.substr(eq + 1), true, v)) return false;
    query.emplace_back(std::move(k), std::move(v));
  }
  return true;
}

Request make_request(std::string method, std::string target, std::vector<Header> headers, std::string body) {
  Request r;
  r.method = std::move(method);
  r.target = std::move(target);
  if (!split_target(r.target, r.path, r.query)) r.path.clear();
  for (auto& h : headers) {
    for (auto& c : h.name)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  r.headers = std::move(headers);
  r.body = std::move(body);
  return r;
}

std::uint64_t Response::body_size() const {
  if (!file.empty()) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(file, ec);
    return ec ? 0 : n;
  }
  return body.size();
}

std::string_view reason_phrase(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 415: return "Unsupported Media Type";
    case 422: return "Unprocessable Entity";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    default: return "";
  }
}

Response error_response(int status, std::string_view code, std::string_view message) {
  render::JsonWriter json;
  json.begin_object();
  json.key("error").begin_object();
  json.key("status").number(status);
  json.field("code", code);
  json.field("message", message);
  json.end_object();
  json.end_object();
  json.newline();
  return json_response(status, json.take());
}

Response json_response(int status, std::string body) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(body);
  return r;
}

}  // namespace clearhouse::service
