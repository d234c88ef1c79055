#pragma once
// The service without sockets: admission (route, authentication, role, media type, size,
// concurrency), running a route with every failure turned into a JSON error, and the access
// log and metrics after the response. The HTTP server calls these three steps around its
// socket work; tests call handle() and see exactly what a client would.
//
// Admission order: malformed target (400) -> unknown path (404) / method (405) -> missing or
// unknown token (401) -> role without the route's permission (403) -> body media type (415) ->
// declared length over the route's limit (413) -> too many requests in flight (503).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/service/access_control.hpp"
#include "engine/service/http_message.hpp"
#include "engine/service/router.hpp"
#include "engine/service/service_context.hpp"

namespace clearhouse::service {

// What the server knows after reading a request's header.
struct RequestHead {
  std::string method;
  std::string target;
  std::vector<Header> headers;  // names lowercase
  std::optional<std::uint64_t> content_length;
  bool chunked = false;
};

// An admitted (or refused) request. Holds one in-flight slot while it lives: move-only.
class Admission {
 public:
  Admission() = default;
  Admission(Admission&& o) noexcept { *this = std::move(o); }
  Admission& operator=(Admission&& o) noexcept;
  Admission(const Admission&) = delete;
  Admission& operator=(const Admission&) = delete;
  ~Admission() { release(); }

  // Set when the request is refused before its body is read.
  std::optional<Response> refusal;
  const Route* route = nullptr;
  std::string route_label = "unmatched";  // the template, for logs and metrics
  Request request;                        // head fields, params and principal filled
  BodyKind body = BodyKind::none;
  std::uint64_t body_limit = 0;
  Pool pool = Pool::io;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();

  void release();
  void hold(std::atomic<std::int64_t>* counter) { in_flight_ = counter; }

 private:
  std::atomic<std::int64_t>* in_flight_ = nullptr;
};

class Service {
 public:
  Service(ServiceContext& context, TokenStore tokens) : context_(context), tokens_(std::move(tokens)) {}

  Admission admit(RequestHead head);
  // Runs the admitted request's route (its body already in admission.request). Never throws.
  Response run(Admission& admission);
  // Metrics and the access log line: method, route template, status, latency, bytes.
  void finish(const Admission& admission, int status, std::uint64_t bytes_out);
  // A request refused by the server itself before admission (timeouts, limits, parse errors).
  void refused(std::string_view reason) { context_.metrics().record_refusal(reason); }

  // admit + run + finish, for requests whose body is in req.body (tests, no sockets).
  Response handle(Request req);

  ServiceContext& context() { return context_; }
  const TokenStore& tokens() const { return tokens_; }

 private:
  ServiceContext& context_;
  TokenStore tokens_;
};

}  // namespace clearhouse::service
