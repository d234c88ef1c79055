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

// The HELP and TYPE lines every metric starts with.
void header(std::string& out, std::string_view name, std::string_view type, std::string_view help) {
  append(out, "# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
}

// A metric with one unlabelled value.
template <typename T>
void scalar(std::string& out, std::string_view name, std::string_view type, std::string_view help, T value) {
  header(out, name, type, help);
  append(out, "{} {}\n", name, value);
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
  header(out, "clearhouse_http_requests_total", "counter", "HTTP requests answered, by route template, method and status.");
  for (const auto& [key, n] : requests_) {
    const auto& [route, method, status] = key;
    append(out, "clearhouse_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", label(route), label(method),
        status, n);
  }
  header(out, "clearhouse_http_request_duration_seconds", "histogram",
         "Time from a request's header to its response written.");
  for (const auto& [route, h] : latency_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i)
      append(out, "clearhouse_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", label(route), kBuckets[i],
          h.counts[i]);
    append(out, "clearhouse_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", label(route), h.count);
    append(out, "clearhouse_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n", label(route), h.sum);
    append(out, "clearhouse_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", label(route), h.count);
  }
  scalar(out, "clearhouse_http_response_bytes_total", "counter", "Response body bytes sent.", bytes_out_);
  header(out, "clearhouse_http_refused_total", "counter",
         "Requests refused or connections cut before a route ran, by reason.");
  for (const auto& [reason, n] : refusals_) append(out, "clearhouse_http_refused_total{{reason=\"{}\"}} {}\n", label(reason), n);
  scalar(out, "clearhouse_http_requests_in_flight", "gauge", "Requests admitted and not yet answered.", in_flight_.load());
  scalar(out, "clearhouse_http_connections", "gauge", "Open client connections.", connections_.load());
  scalar(out, "clearhouse_claims_submitted_total", "counter", "Claims written to 837 batches through this service.",
         claims_submitted_.load());
  scalar(out, "clearhouse_claims_posted_total", "counter", "Claim payments (CLP) posted through this service.",
         claims_posted_.load());
  scalar(out, "clearhouse_remittances_posted_total", "counter", "835 transaction sets posted through this service.",
         remittances_posted_.load());
  if (open_items >= 0)
    scalar(out, "clearhouse_worklist_open_items", "gauge", "Worklist items open in the ledger.", open_items);
  return out;
}

}  // namespace clearhouse::service
