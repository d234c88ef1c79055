#include "engine/service/metrics.hpp"

#include <fmt/format.h>

namespace clearhouse::service {
namespace {

// Label values are route templates and fixed words; escape anyway (the format requires it).
std::string label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

template <typename... Args>
void append(std::string& out, fmt::format_string<Args...> f, Args&&... args) {
  fmt::format_to(std::back_inserter(out), f, std::forward<Args>(args)...);
}

}  // namespace

void Metrics::record_request(std::string_view route, std::string_view method, int status, double seconds,
                             std::uint64_t bytes_out) {
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(route), std::string(method), status}];
  auto it = latency_.find(route);
  if (it == latency_.end()) it = latency_.emplace(std::string(route), Histogram{}).first;
  auto& h = it->second;
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.counts[i];
  ++h.count;
  h.sum += seconds;
  bytes_out_ += bytes_out;
}

void Metrics::record_refusal(std::string_view reason) {
  std::lock_guard lock(mutex_);
  auto it = refusals_.find(reason);
  if (it == refusals_.end()) it = refusals_.emplace(std::string(reason), 0).first;
  ++it->second;
}

std::uint64_t Metrics::requests_total() const {
  std::lock_guard lock(mutex_);
  std::uint64_t n = 0;
  for (const auto& [k, v] : requests_) n += v;
  return n;
}

std::string Metrics::render(std::int64_t open_items) const {
  std::string out;
  std::lock_guard lock(mutex_);
  append(out, "# HELP clearhouse_http_requests_total HTTP requests answered, by route template, method and status.\n");
  append(out, "# TYPE clearhouse_http_requests_total counter\n");
  for (const auto& [key, n] : requests_) {
    const auto& [route, method, status] = key;
    append(out, "clearhouse_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", label(route), label(method),
        status, n);
  }
  append(out, "# HELP clearhouse_http_request_duration_seconds Time from a request's header to its response written.\n");
  append(out, "# TYPE clearhouse_http_request_duration_seconds histogram\n");
  for (const auto& [route, h] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      append(out, "clearhouse_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label(route), kBuckets[i],
          h.counts[i]);
    append(out, "clearhouse_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label(route), h.count);
    append(out, "clearhouse_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n", label(route), h.sum);
    append(out, "clearhouse_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label(route), h.count);
  }
  append(out, "# HELP clearhouse_http_response_bytes_total Response body bytes sent.\n");
  append(out, "# TYPE clearhouse_http_response_bytes_total counter\n");
  append(out, "clearhouse_http_response_bytes_total {}\n", bytes_out_);
  append(out, "# HELP clearhouse_http_refused_total Requests refused or connections cut before a route ran, by reason.\n");
  append(out, "# TYPE clearhouse_http_refused_total counter\n");
  for (const auto& [reason, n] : refusals_) append(out, "clearhouse_http_refused_total{{reason=\"{}\"}} {}\n", label(reason), n);
  append(out, "# HELP clearhouse_http_requests_in_flight Requests admitted and not yet answered.\n");
  append(out, "# TYPE clearhouse_http_requests_in_flight gauge\n");
  append(out, "clearhouse_http_requests_in_flight {}\n", in_flight_.load());
  append(out, "# HELP clearhouse_http_connections Open client connections.\n");
  append(out, "# TYPE clearhouse_http_connections gauge\n");
  append(out, "clearhouse_http_connections {}\n", connections_.load());
  append(out, "# HELP clearhouse_claims_submitted_total Claims written to 837 batches through this service.\n");
  append(out, "# TYPE clearhouse_claims_submitted_total counter\n");
  append(out, "clearhouse_claims_submitted_total {}\n", claims_submitted_.load());
  append(out, "# HELP clearhouse_claims_posted_total Claim payments (CLP) posted through this service.\n");
  append(out, "# TYPE clearhouse_claims_posted_total counter\n");
  append(out, "clearhouse_claims_posted_total {}\n", claims_posted_.load());
  append(out, "# HELP clearhouse_remittances_posted_total 835 transaction sets posted through this service.\n");
  append(out, "# TYPE clearhouse_remittances_posted_total counter\n");
  append(out, "clearhouse_remittances_posted_total {}\n", remittances_posted_.load());
  if (open_items >= 0) {
    append(out, "# HELP clearhouse_worklist_open_items Worklist items open in the ledger.\n");
    append(out, "# TYPE clearhouse_worklist_open_items gauge\n");
    append(out, "clearhouse_worklist_open_items {}\n", open_items);
  }
  return out;
}

}  // namespace clearhouse::service
