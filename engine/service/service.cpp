#include "engine/service/service.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <exception>

#include "engine/ledger/sql/connection.hpp"

namespace clearhouse::service {

Admission& Admission::operator=(Admission&& o) noexcept {
  if (this == &o) return *this;
  release();
  refusal = std::move(o.refusal);
  route = o.route;
  route_label = std::move(o.route_label);
  request = std::move(o.request);
  body = o.body;
  body_limit = o.body_limit;
  pool = o.pool;
  started = o.started;
  in_flight_ = o.in_flight_;
  o.in_flight_ = nullptr;
  return *this;
}

void Admission::release() {
  if (in_flight_ != nullptr) --*in_flight_;
  in_flight_ = nullptr;
}

namespace {

std::string join(const std::vector<std::string_view>& v) {
  std::string out;
  for (auto s : v) {
    if (!out.empty()) out += ", ";
    out += s;
  }
  return out;
}

}  // namespace

Admission Service::admit(RequestHead head) {
  Admission a;
  Request& req = a.request;
  req.method = std::move(head.method);
  req.target = std::move(head.target);
  req.headers = std::move(head.headers);
  if (!split_target(req.target, req.path, req.query)) {
    a.refusal = error_response(400, "bad_target", "the request target is not a valid path and query");
    return a;
  }
  const RouteMatch m = match_route(req.method, req.path);
  if (m.route == nullptr) {
    if (m.path_known) {
      a.refusal = error_response(405, "method_not_allowed", fmt::format("{} is not allowed here", req.method));
      std::vector<std::string_view> allowed = m.allowed;
      std::sort(allowed.begin(), allowed.end());
      allowed.erase(std::unique(allowed.begin(), allowed.end()), allowed.end());
      a.refusal->headers.push_back({"allow", join(allowed)});
    } else {
      a.refusal = error_response(404, "not_found", "no such resource");
    }
    return a;
  }
  const Route& r = *m.route;
  a.route = &r;
  a.route_label = std::string(r.path);
  a.pool = r.pool;
  a.body = r.body;
  for (auto& [k, v] : m.params) req.params.emplace(k, v);

  if (r.permission != Permission::none) {
    const std::string* auth = req.header("authorization");
    if (auth == nullptr) {
      a.refusal = error_response(401, "unauthorized", "this resource needs an Authorization: Bearer token");
      a.refusal->headers.push_back({"www-authenticate", "Bearer realm=\"clearhouse\""});
      return a;
    }
    req.principal = tokens_.authenticate_header(*auth);
    if (!req.principal) {
      a.refusal = error_response(401, "unauthorized", "the bearer token is not valid");
      a.refusal->headers.push_back({"www-authenticate", "Bearer realm=\"clearhouse\", error=\"invalid_token\""});
      return a;
    }
    if (!role_allows(req.principal->role, r.permission)) {
      a.refusal = error_response(403, "forbidden",
                                 fmt::format("the role '{}' may not do this", role_name(req.principal->role)));
      return a;
    }
  }

  const auto& settings = context_.settings();
  a.body_limit = r.body == BodyKind::upload ? settings.body_limit
                 : r.body == BodyKind::json ? settings.json_body_limit
                                            : settings.small_body_limit;
  const bool has_body = head.chunked || head.content_length.value_or(0) > 0;
  if (has_body && !r.media_types.empty()) {
    const std::string type = req.media_type();
    if (std::find(r.media_types.begin(), r.media_types.end(), type) == r.media_types.end()) {
      std::string accepted;
      for (auto t : r.media_types) accepted += (accepted.empty() ? "" : ", ") + std::string(t);
      a.refusal = error_response(415, "unsupported_media_type",
                                 fmt::format("Content-Type '{}' is not accepted here; send one of: {}",
                                             type.empty() ? "(none)" : type, accepted));
      return a;
    }
  }
  if (head.content_length && *head.content_length > a.body_limit) {
    a.refusal = error_response(413, "body_too_large",
                               fmt::format("the body is {} bytes; the limit here is {} bytes", *head.content_length,
                                           a.body_limit));
    return a;
  }

  auto& in_flight = context_.metrics().in_flight();
  if (++in_flight > settings.max_in_flight) {
    --in_flight;
    a.refusal = error_response(503, "busy", "too many requests in progress; retry shortly");
    a.refusal->headers.push_back({"retry-after", "1"});
    return a;
  }
  a.hold(&in_flight);
  return a;
}

Response Service::run(Admission& a) {
  if (a.refusal) return *a.refusal;
  try {
    return a.route->handler(a.request, context_);
  } catch (const RequestError& e) {
    return error_response(e.status, e.code, e.what());
  } catch (const ledger::LedgerError& e) {
    // Database trouble is not the client's fault; the message is the driver's, no claim data.
    spdlog::error("{} {}: ledger error: {}", a.request.method, a.route_label, e.what());
    return error_response(503, "ledger_unavailable", "the ledger could not complete the request; retry later");
  } catch (const std::exception& e) {
    spdlog::error("{} {}: internal error: {}", a.request.method, a.route_label, e.what());
    return error_response(500, "internal", "the request failed inside the service; it has been logged");
  } catch (...) {
    spdlog::error("{} {}: internal error", a.request.method, a.route_label);
    return error_response(500, "internal", "the request failed inside the service; it has been logged");
  }
}

void Service::finish(const Admission& a, int status, std::uint64_t bytes_out) {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - a.started).count();
  context_.metrics().record_request(a.route_label, a.request.method, status, seconds, bytes_out);
  // The access log: never the query string, the concrete path, headers or bodies.
  spdlog::info("access method={} route={} status={} ms={:.2f} bytes_in={} bytes_out={}", a.request.method,
               a.route_label, status, seconds * 1000.0, a.request.body_size(), bytes_out);
}

Response Service::handle(Request req) {
  RequestHead head;
  head.method = req.method;
  head.target = req.target;
  head.headers = req.headers;
  head.content_length = req.body.size();
  Admission a = admit(std::move(head));
  a.request.body = std::move(req.body);
  a.request.body_file = std::move(req.body_file);
  if (!a.refusal && a.request.body.size() > a.body_limit)
    a.refusal = error_response(413, "body_too_large", "the body is over the limit");
  Response r = run(a);
  finish(a, r.status, r.body_size());
  return r;
}

}  // namespace clearhouse::service
