#pragma once
// What /metrics reports, in the Prometheus text format (version 0.0.4): requests by route
// template, method and status; latency histograms by route; requests in flight; requests
// refused before routing (busy, too large, timeouts); claims submitted and posted by this
// process; open worklist items (read from the ledger at scrape time by the route).
// Labels are route templates, never concrete paths: no claim id reaches the metrics.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace clearhouse::service {

class Metrics {
 public:
  // Upper bounds of the latency buckets, seconds.
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1.0,  2.5,   10.0};

  void record_request(std::string_view route, std::string_view method, int status, double seconds,
                      std::uint64_t bytes_out);
  // Connections cut or requests refused before a route ran: "busy", "timeout", "body_too_large",
  // "header_too_large", "malformed".
  void record_refusal(std::string_view reason);
  void add_claims_submitted(std::uint64_t n) { claims_submitted_ += n; }
  void add_claims_posted(std::uint64_t n) { claims_posted_ += n; }
  void add_remittances_posted(std::uint64_t n) { remittances_posted_ += n; }
  std::atomic<std::int64_t>& in_flight() { return in_flight_; }
  std::atomic<std::int64_t>& connections() { return connections_; }

  // The exposition text; open_items < 0 leaves the worklist gauge out (ledger unavailable).
  std::string render(std::int64_t open_items) const;

  std::uint64_t requests_total() const;

 private:
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Histogram, std::less<>> latency_;
  std::map<std::string, std::uint64_t, std::less<>> refusals_;
  std::uint64_t bytes_out_ = 0;
  std::atomic<std::uint64_t> claims_submitted_{0}, claims_posted_{0}, remittances_posted_{0};
  std::atomic<std::int64_t> in_flight_{0}, connections_{0};
};

}  // namespace clearhouse::service
