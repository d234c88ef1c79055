// Load on loopback: N keep-alive connections (64) for D seconds (30) against a real
// `clearhouse serve`, mixing GET /v1/worklist (3 of 4 requests) and POST /v1/remittances (1 of 4:
// one of 32 generated 835s, each paying 10 submitted claims, with a trace number new each time,
// so every post is a real posting with the rules pipeline and the worklist in its transaction). Meanwhile slow-loris connections keep
// trickling headers and must be cut. Asserts: no errors, every slow-loris connection closed by
// the server, the server's memory flat. Prints requests/s and p50/p99 latency per route (the
// README's figures) and writes them to build/load-results.json.
//
//   CLEARHOUSE_LOAD_SECONDS (30), CLEARHOUSE_LOAD_CONNECTIONS (64) override the defaults.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <mutex>
#include <regex>
#include <thread>

#include "tests/support/http_client.hpp"
#include "tests/support/service_fixture.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

int env_int(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? std::atoi(v) : fallback;
}

struct RouteStats {
  std::vector<double> ms;
  std::uint64_t ok = 0, errors = 0;
  std::map<int, std::uint64_t> statuses;
};

double percentile(std::vector<double>& v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p / 100.0 * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

TEST(ServiceLoad, MixedWorklistAndRemittancesStayErrorFreeWithFlatMemory) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  const int seconds = env_int("CLEARHOUSE_LOAD_SECONDS", 30);
  const int connections = env_int("CLEARHOUSE_LOAD_CONNECTIONS", 64);
  const auto dir = scratch_dir("service-load");

  // Claims and the remittances that pay them, from the shared generator: 32 sets of 10 claims.
  constexpr int kSets = 32;
  const auto gen = *shared_tools_dir() / "gen_x12.py";
  const auto r = run_command(fmt::format(
      "cd {} && for s in $(seq 1 {}); do python3 {} --type 835 --claims 10 --seed $((700 + s)) --encounters-json "
      "enc$s.jsonl -o remit$s.835 2>/dev/null || exit 1; done",
      shell_quote(dir.string()), kSets, shell_quote(gen.string())));
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::string encounters;
  std::vector<std::string> remittances;
  for (int i = 1; i <= kSets; ++i) {
    encounters += read_file(dir / fmt::format("enc{}.jsonl", i));
    remittances.push_back(read_file(dir / fmt::format("remit{}.835", i)));
  }
  // Every TRN02 gets a per-request number: each post is a new remittance for one of the sets.
  const std::regex trn(R"(TRN\*1\*[^*~]+)");
  for (const auto& text : remittances) ASSERT_TRUE(std::regex_search(text, trn));

  ServerProcess server({"--db", "sqlite:" + (dir / "ledger.db").string(), "--batch-dir", (dir / "batches").string(),
                        "--spool-dir", (dir / "spool").string(), "--as-of", "2024-09-01", "--read-timeout", "2",
                        "--max-requests", "256"},
                       {"CLEARHOUSE_TOKENS=" + tokens_env()});
  ASSERT_TRUE(server.started()) << server.log();
  const std::vector<std::pair<std::string, std::string>> auth = {
      {"Authorization", std::string("Bearer ") + token_for(service::Role::submitter)}};
  auto with_type = [&](const char* type) {
    auto h = auth;
    h.emplace_back("Content-Type", type);
    return h;
  };
  auto submitted = http_request(server.port(), "POST", "/v1/claims", with_type("application/x-ndjson"), encounters);
  ASSERT_EQ(submitted.status, 200) << submitted.body;
  ASSERT_NE(submitted.body.find(fmt::format("\"submitted\":{}", kSets * 10)), std::string::npos) << submitted.body;
  auto first = http_request(server.port(), "POST", "/v1/remittances", with_type("application/edi-x12"), remittances[0]);
  ASSERT_EQ(first.status, 200) << first.body;
  ASSERT_NE(first.body.find("\"unmatched\":0"), std::string::npos) << first.body;

  std::atomic<bool> stop{false};
  std::atomic<std::uint64_t> sequence{0};
  std::vector<RouteStats> worklist_stats(connections), remit_stats(connections);
  std::vector<std::thread> clients;
  const auto started = Clock::now();
  for (int c = 0; c < connections; ++c) {
    clients.emplace_back([&, c] {
      HttpConnection conn("127.0.0.1", server.port(), 60s);
      for (std::uint64_t i = static_cast<std::uint64_t>(c); !stop; ++i) {
        const bool post = i % 4 == 3;
        const auto t0 = Clock::now();
        HttpResponse res;
        if (post) {
          const std::uint64_t n = ++sequence;
          const std::string body = std::regex_replace(remittances[n % kSets], trn, "TRN*1*LOAD" + std::to_string(n));
          res = conn.request("POST", "/v1/remittances", with_type("application/edi-x12"), body);
        } else {
          res = conn.request("GET", "/v1/worklist", auth);
        }
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        RouteStats& s = post ? remit_stats[c] : worklist_stats[c];
        s.ms.push_back(ms);
        ++s.statuses[res.status];
        if (res.status == 200) ++s.ok;
        else ++s.errors;
      }
    });
  }

  // Slow-loris connections all along: each trickles a header byte every 500 ms and must be
  // cut by the 2 s header deadline; a new one replaces it.
  std::atomic<int> loris_cut{0}, loris_survived{0};
  std::thread loris([&] {
    std::vector<std::pair<std::unique_ptr<HttpConnection>, Clock::time_point>> open;
    while (!stop) {
      while (open.size() < 16) {
        auto c = std::make_unique<HttpConnection>("127.0.0.1", server.port());
        if (!c->send_raw("GET /v1/worklist HTTP/1.1\r\nHost: x\r\n")) break;
        open.emplace_back(std::move(c), Clock::now());
      }
      std::this_thread::sleep_for(500ms);
      for (auto it = open.begin(); it != open.end();) {
        if (!it->first->send_raw("X") || it->first->wait_closed(1ms)) {
          ++loris_cut;
          it = open.erase(it);
        } else if (Clock::now() - it->second > 6s) {
          ++loris_survived;  // the server should have cut it long ago
          it = open.erase(it);
        } else {
          ++it;
        }
      }
    }
  });

  // The server's resident memory, every half second.
  std::vector<std::pair<double, std::uint64_t>> rss;
  while (Clock::now() - started < std::chrono::seconds(seconds)) {
    std::this_thread::sleep_for(500ms);
    rss.emplace_back(std::chrono::duration<double>(Clock::now() - started).count(), server.rss_kb());
  }
  stop = true;
  for (auto& t : clients) t.join();
  loris.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();

  auto merge = [](std::vector<RouteStats>& per) {
    RouteStats all;
    for (auto& s : per) {
      all.ms.insert(all.ms.end(), s.ms.begin(), s.ms.end());
      all.ok += s.ok;
      all.errors += s.errors;
      for (auto [k, v] : s.statuses) all.statuses[k] += v;
    }
    return all;
  };
  RouteStats wl = merge(worklist_stats), rm = merge(remit_stats);
  RouteStats both;
  both.ms = wl.ms;
  both.ms.insert(both.ms.end(), rm.ms.begin(), rm.ms.end());
  const double total = static_cast<double>(wl.ms.size() + rm.ms.size());
  const std::uint64_t rss_warm = rss.size() > 10 ? rss[10].second : rss.front().second;  // after 5 s
  std::uint64_t rss_max = 0;
  for (const auto& [t, kb] : rss) rss_max = std::max(rss_max, kb);
  const std::uint64_t rss_end = rss.back().second;

  const std::string summary = fmt::format(
      "{} connections, {:.1f} s: {:.0f} requests/s ({} GET /v1/worklist, {} POST /v1/remittances)\n"
      "  all:                  p50 {:.1f} ms, p99 {:.1f} ms\n"
      "  GET /v1/worklist:     {:.0f}/s, p50 {:.1f} ms, p99 {:.1f} ms, errors {}\n"
      "  POST /v1/remittances: {:.0f}/s, p50 {:.1f} ms, p99 {:.1f} ms, errors {}\n"
      "  server RSS: {} MB after 5 s, {} MB at the end, {} MB peak; slow-loris connections cut: {}, survived: {}\n",
      connections, elapsed, total / elapsed, wl.ms.size(), rm.ms.size(), percentile(both.ms, 50),
      percentile(both.ms, 99), static_cast<double>(wl.ms.size()) / elapsed, percentile(wl.ms, 50),
      percentile(wl.ms, 99), wl.errors, static_cast<double>(rm.ms.size()) / elapsed, percentile(rm.ms, 50),
      percentile(rm.ms, 99), rm.errors, rss_warm / 1024, rss_end / 1024, rss_max / 1024, loris_cut.load(),
      loris_survived.load());
  std::string series = "  server RSS over time (s: MB):";
  for (std::size_t i = 0; i < rss.size(); i += 10) series += fmt::format(" {:.0f}: {}", rss[i].first, rss[i].second / 1024);
  const std::string report = summary + series + "\n";
  std::printf("%s", report.c_str());
  write_file(build_dir() / "load-results.txt", report);

  EXPECT_EQ(wl.errors, 0u) << "statuses: " << [&] {
    std::string s;
    for (auto [k, v] : wl.statuses) s += fmt::format("{}:{} ", k, v);
    return s;
  }();
  EXPECT_EQ(rm.errors, 0u) << "statuses: " << [&] {
    std::string s;
    for (auto [k, v] : rm.statuses) s += fmt::format("{}:{} ", k, v);
    return s;
  }();
  EXPECT_GT(wl.ok, 0u);
  EXPECT_GT(rm.ok, 0u);
  EXPECT_GT(loris_cut.load(), 0);
  EXPECT_EQ(loris_survived.load(), 0);
  // Flat memory: after warm-up, RSS grows by less than 32 MB however many requests ran.
  EXPECT_LT(rss_max, rss_warm + 32 * 1024) << summary;
  EXPECT_EQ(server.terminate(), 0);
}

}  // namespace
}  // namespace clearhouse::testing
