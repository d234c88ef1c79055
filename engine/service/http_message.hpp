#pragma once
// The service's own request and response values: what routes see and return. No Beast here
// (the one translation unit that speaks HTTP on sockets converts), so routes are plain
// functions tested without sockets and cheap to compile.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/service/access_control.hpp"

namespace clearhouse::service {

struct Header {
  std::string name;  // lowercase
  std::string value;
};

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as received: "/v1/worklist?category=authorization"
  std::string path;    // percent-decoded path without the query
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in order
  std::vector<Header> headers;
  // Small bodies (JSON) live in memory; uploads are spooled to a file by the server, which
  // then sets body_file (and removes the file after the response).
  std::string body;
  std::filesystem::path body_file;
  // Set by the router and the access check.
  std::map<std::string, std::string, std::less<>> params;  // {claim_id} -> value
  std::optional<Principal> principal;

  const std::string* header(std::string_view lowercase_name) const;
  std::optional<std::string> query_value(std::string_view name) const;
  std::vector<std::string> query_values(std::string_view name) const;
  const std::string& param(std::string_view name) const;
  // The media type of Content-Type, lowercased, without parameters ("application/json").
  std::string media_type() const;
  std::uint64_t body_size() const;
  // The body's bytes (reads body_file when the body was spooled). For small bodies only.
  std::string body_text() const;
};

// Builds a request for tests and for the server: splits target into path and query.
Request make_request(std::string method, std::string target, std::vector<Header> headers = {}, std::string body = {});
// Splits "path?query" into a decoded path and decoded pairs; false when the percent-encoding
// is malformed or the path decodes to something unsafe (a NUL byte).
bool split_target(std::string_view target, std::string& path, std::vector<std::pair<std::string, std::string>>& query);

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::filesystem::path file;  // when set, the body is this file (837 downloads of any size)
  std::vector<Header> headers;
  bool close = false;          // close the connection after this response

  std::uint64_t body_size() const;
};

// {"error":{"status":404,"code":"not_found","message":"..."}} -- every error the service returns.
Response error_response(int status, std::string_view code, std::string_view message);
Response json_response(int status, std::string body);
std::string_view reason_phrase(int status);

// Thrown by routes for a request they refuse (400/404/409/413/415/422); the service turns it
// into error_response. Messages name fields and positions, never claim contents.
struct RequestError : std::runtime_error {
  RequestError(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status(status), code(std::move(code)) {}
  int status;
  std::string code;
};

}  // namespace clearhouse::service
