// `clearhouse serve` over loopback: a real process, real sockets. Tokens and roles route by
// route, limits (body, header, slow-loris, in flight), malformed requests, keep-alive and
// pipelining, and the graceful shutdown on SIGTERM.
#include <gtest/gtest.h>
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <thread>

#include "engine/service/access_control.hpp"
#include "engine/service/router.hpp"
#include "tests/support/http_client.hpp"
#include "tests/support/service_fixture.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

std::vector<std::string> base_args(const std::string& name) {
  const auto dir = scratch_dir(name);
  return {"--db", "sqlite:" + (dir / "ledger.db").string(), "--batch-dir", (dir / "batches").string(), "--spool-dir",
          (dir / "spool").string()};
}

std::vector<std::string> with(std::vector<std::string> a, std::vector<std::string> more) {
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

// Waits until the server has admitted `n` requests besides the probe itself (it reports
// in_flight on /healthz): the machine may be busy, so poll instead of sleeping a fixed time.
bool wait_in_flight(int port, int n) {
  for (const auto until = Clock::now() + 10s; Clock::now() < until;) {
    auto r = http_request(port, "GET", "/healthz");
    if (r.body.find("\"in_flight\":" + std::to_string(n + 1)) != std::string::npos) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

std::vector<std::pair<std::string, std::string>> bearer(service::Role role, std::string content_type = {}) {
  std::vector<std::pair<std::string, std::string>> h = {{"Authorization", std::string("Bearer ") + token_for(role)}};
  if (!content_type.empty()) h.emplace_back("Content-Type", content_type);
  return h;
}

TEST(ServeE2E, HealthPageAndKeepAlive) {
  ServerProcess server(base_args("serve-health"), {"CLEARHOUSE_TOKENS=" + tokens_env()});
  ASSERT_TRUE(server.started()) << server.log();
  HttpConnection c("127.0.0.1", server.port());
  for (int i = 0; i < 5; ++i) {
    auto r = c.request("GET", "/healthz");
    ASSERT_EQ(r.status, 200) << r.error;
    EXPECT_NE(r.body.find("\"status\":\"ok\""), std::string::npos);
  }
  EXPECT_TRUE(c.connected());  // the same connection served all five
  auto page = c.request("GET", "/");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.headers["content-type"], "text/html; charset=utf-8");
  EXPECT_NE(page.headers["content-security-policy"].find("default-src 'none'"), std::string::npos);
  auto metrics = c.request("GET", "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("clearhouse_http_requests_total{route=\"/healthz\",method=\"GET\",status=\"200\"} 5"),
            std::string::npos)
      << metrics.body;
  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServeE2E, UsageErrorsExit2) {
  EXPECT_EQ(run_clearhouse({"serve", "--listen", "nonsense"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"serve", "--listen", "127.0.0.1:99999"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"serve", "--body-limit", "lots"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"serve", "--tokens", "/nonexistent/tokens"}).exit_code, 2);
  EXPECT_EQ(run_clearhouse({"serve", "extra-positional"}).exit_code, 2);
  const auto r = run_command("CLEARHOUSE_TOKENS=short:biller " + shell_quote(clearhouse_binary().string()) + " serve");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("at least 16 characters"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("short:biller"), std::string::npos) << "the token itself is never echoed";
}

TEST(ServeE2E, TokensFileWithDigests) {
  const auto dir = scratch_dir("serve-tokens-file");
  // The biller's token is stored as its SHA-256 only.
  write_file(dir / "tokens", "# who may call\n" + std::string("sha256=") +
                                 "7b3f1c0e1d1a4e5f9c2b8a6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f:biller:nobody\n" +
                                 token_for(service::Role::reader) + ":reader:Rita\n");
  ServerProcess server(with(base_args("serve-tokens-file-server"), {"--tokens", (dir / "tokens").string()}));
  ASSERT_TRUE(server.started()) << server.log();
  EXPECT_EQ(http_request(server.port(), "GET", "/v1/worklist", bearer(service::Role::reader)).status, 200);
  EXPECT_EQ(http_request(server.port(), "GET", "/v1/worklist", bearer(service::Role::biller)).status, 401);
  EXPECT_EQ(http_request(server.port(), "POST", "/v1/worklist/X/resolve", bearer(service::Role::reader, "application/json"),
                         R"({"note":"x"})")
                .status,
            403);
  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServeE2E, PipelinedRequestsAreAnsweredInOrder) {
  ServerProcess server(base_args("serve-pipeline"));
  ASSERT_TRUE(server.started()) << server.log();
  HttpConnection c("127.0.0.1", server.port());
  ASSERT_TRUE(c.send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /nope HTTP/1.1\r\nHost: x\r\n\r\n"
                         "GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(c.read_response().status, 200);
  EXPECT_EQ(c.read_response().status, 404);
  auto third = c.read_response();
  EXPECT_EQ(third.status, 200);
  EXPECT_NE(third.body.find("clearhouse_http_requests_total"), std::string::npos);
}

TEST(ServeE2E, EveryV1RouteRefusesMissingAndWrongTokensAndRoles) {
  ServerProcess server(base_args("serve-auth"), {"CLEARHOUSE_TOKENS=" + tokens_env()});
  ASSERT_TRUE(server.started()) << server.log();
  HttpConnection c("127.0.0.1", server.port());
  int checked = 0;
  for (const auto& r : service::routes()) {
    if (r.path.rfind("/v1/", 0) != 0) continue;
    std::string target(r.path);
    for (std::size_t b; (b = target.find('{')) != std::string::npos;) target.replace(b, target.find('}') - b + 1, "1");
    const std::string ct = r.media_types.empty() ? "" : std::string(r.media_types.front());
    const std::string method(r.method);
    std::vector<std::pair<std::string, std::string>> no_token;
    if (!ct.empty()) no_token.emplace_back("Content-Type", ct);
    auto res = c.request(method, target, no_token, "{}");
    EXPECT_EQ(res.status, 401) << method << " " << r.path;
    EXPECT_EQ(res.headers["www-authenticate"].rfind("Bearer", 0), 0u) << r.path;
    auto wrong = no_token;
    wrong.emplace_back("Authorization", "Bearer wrong-token-xxxxxxxxxxxx");
    EXPECT_EQ(c.request(method, target, wrong, "{}").status, 401) << r.path;
    for (auto role : service::all_roles()) {
      auto out = c.request(method, target, bearer(role, ct), "{}");
      if (service::role_allows(role, r.permission)) {
        EXPECT_NE(out.status, 401) << r.path << " " << service::role_name(role);
        EXPECT_NE(out.status, 403) << r.path << " " << service::role_name(role);
      } else {
        EXPECT_EQ(out.status, 403) << r.path << " " << service::role_name(role);
      }
    }
    ++checked;
  }
  EXPECT_GE(checked, 9);
  EXPECT_EQ(server.terminate(), 0);
  // The access log names route templates and never a token.
  const auto log = server.log();
  EXPECT_NE(log.find("route=/v1/worklist/{claim_id}/resolve"), std::string::npos);
  EXPECT_EQ(log.find(token_for(service::Role::submitter)), std::string::npos);
}

TEST(ServeE2E, LargeUploadsStreamToDiskWithFlatMemory) {
  CLEARHOUSE_REQUIRE_SHARED_TOOLS();
  const auto dir = scratch_dir("serve-large");
  const auto big = dir / "big.837";
  const auto gen = run_command("python3 " + shell_quote((*shared_tools_dir() / "gen_x12.py").string()) +
                               " --type 837p --claims 64000 --seed 5 -o " + shell_quote(big.string()) + " 2>/dev/null");
  ASSERT_EQ(gen.exit_code, 0);
  const std::string body = read_file(big);
  ASSERT_GT(body.size(), 30u << 20);
  const auto args = base_args("serve-large-server");
  const std::filesystem::path spool = *(std::find(args.begin(), args.end(), "--spool-dir") + 1);
  ServerProcess server(with(args, {"--body-limit", "64M"}), {"CLEARHOUSE_TOKENS=" + tokens_env()});
  ASSERT_TRUE(server.started()) << server.log();
  ASSERT_EQ(http_request(server.port(), "GET", "/healthz").status, 200);
  const auto before = server.rss_kb();
  std::atomic<bool> done{false};
  std::atomic<std::uint64_t> peak{before};
  std::thread sampler([&] {
    while (!done) {
      peak = std::max<std::uint64_t>(peak, server.rss_kb());
      std::this_thread::sleep_for(20ms);
    }
  });
  HttpConnection c("127.0.0.1", server.port(), 120s);
  auto r = c.request("POST", "/v1/validate", bearer(service::Role::submitter, "application/edi-x12"), body);
  done = true;
  sampler.join();
  EXPECT_EQ(r.status, 200) << r.error << r.body.substr(0, 500);
  EXPECT_NE(r.body.find("\"transactions\":"), std::string::npos);
  // A 30+ MB body never sits in the server's memory: it is spooled to disk as it arrives.
  std::printf("upload of %zu MB: server RSS %llu kB before, %llu kB peak\n", body.size() >> 20,
              static_cast<unsigned long long>(before), static_cast<unsigned long long>(peak.load()));
  EXPECT_LT(peak.load(), before + (body.size() >> 10) / 2) << "RSS before " << before << " kB, peak " << peak << " kB";
  // And the spool file is gone afterwards.
  bool spool_empty = true;
  for (const auto& e : std::filesystem::directory_iterator(spool)) spool_empty = spool_empty && !e.is_regular_file();
  EXPECT_TRUE(spool_empty);
  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServeE2E, MalformedRequestsGet4xxJsonNotACrash) {
  ServerProcess server(base_args("serve-malformed"), {"CLEARHOUSE_TOKENS=" + tokens_env()});
  ASSERT_TRUE(server.started()) << server.log();
  {
    HttpConnection c("127.0.0.1", server.port());
    ASSERT_TRUE(c.send_raw("THIS IS NOT HTTP\r\n\r\n"));
    auto r = c.read_response();
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find("\"malformed_request\""), std::string::npos);
  }
  {
    HttpConnection c("127.0.0.1", server.port());
    ASSERT_TRUE(c.send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(40000, 'a') + "\r\n\r\n"));
    EXPECT_EQ(c.read_response().status, 431);
  }
  {
    HttpConnection c("127.0.0.1", server.port());
    ASSERT_TRUE(c.send_raw("POST /v1/validate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           std::string(token_for(service::Role::submitter)) +
                           "\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nxx\r\n"));
    auto r = c.read_response();
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find("\"malformed_body\""), std::string::npos);
  }
  auto r = http_request(server.port(), "GET", "/v1/claims/%zz", bearer(service::Role::submitter));
  EXPECT_EQ(r.status, 400);
  r = http_request(server.port(), "POST", "/v1/worklist/X/resolve", bearer(service::Role::biller, "text/csv"), "a,b");
  EXPECT_EQ(r.status, 415);
  EXPECT_NE(r.body.find("\"unsupported_media_type\""), std::string::npos);
  r = http_request(server.port(), "POST", "/v1/validate", bearer(service::Role::submitter, "text/plain"), "hello");
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(http_request(server.port(), "GET", "/healthz").status, 200);  // still serving
  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServeE2E, BodiesOverTheLimitAreCutWithoutAffectingOthers) {
  ServerProcess server(with(base_args("serve-413"), {"--body-limit", "64K"}), {"CLEARHOUSE_TOKENS=" + tokens_env()});
  ASSERT_TRUE(server.started()) << server.log();
  std::atomic<bool> stop{false};
  std::atomic<int> ok{0}, bad{0};
  std::thread others([&] {
    HttpConnection c("127.0.0.1", server.port());
    while (!stop) {
      auto r = c.request("GET", "/healthz");
      (r.status == 200 ? ok : bad)++;
    }
  });
  auto wait_ok = [&](int n) {
    for (const auto until = Clock::now() + 10s; Clock::now() < until && ok.load() < n;) std::this_thread::sleep_for(5ms);
    return ok.load() >= n;
  };
  ASSERT_TRUE(wait_ok(3));
  // Declared too large: refused from the header, before the body.
  const std::string big(1 << 20, 'x');
  auto r = http_request(server.port(), "POST", "/v1/validate", bearer(service::Role::submitter, "application/edi-x12"), big);
  EXPECT_EQ(r.status, 413) << r.error;
  EXPECT_NE(r.body.find("\"body_too_large\""), std::string::npos);
  // Chunked, no length: cut when the running total passes the limit.
  HttpConnection c("127.0.0.1", server.port());
  std::string head = "POST /v1/remittances HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                     std::string(token_for(service::Role::submitter)) +
                     "\r\nContent-Type: application/edi-x12\r\nTransfer-Encoding: chunked\r\n\r\n";
  ASSERT_TRUE(c.send_raw(head));
  const std::string chunk = "4000\r\n" + std::string(0x4000, 'y') + "\r\n";
  for (int i = 0; i < 8; ++i)
    if (!c.send_raw(chunk)) break;
  auto cut = c.read_response();
  EXPECT_EQ(cut.status, 413);
  EXPECT_TRUE(c.wait_closed(5s));
  EXPECT_TRUE(wait_ok(ok.load() + 3));  // the other connection is still served
  stop = true;
  others.join();
  EXPECT_EQ(bad.load(), 0);
  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServeE2E, SlowLorisConnectionsAreCutWithoutAffectingOthers) {
  ServerProcess server(with(base_args("serve-loris"), {"--read-timeout", "1"}), {"CLEARHOUSE_TOKENS=" + tokens_env()});
  ASSERT_TRUE(server.started()) << server.log();
  // 32 connections trickle a header one byte every 200 ms; 8 more send a body too slowly.
  std::vector<std::unique_ptr<HttpConnection>> loris;
  for (int i = 0; i < 32; ++i) {
    loris.push_back(std::make_unique<HttpConnection>("127.0.0.1", server.port()));
    ASSERT_TRUE(loris.back()->send_raw("GET /healthz HTTP/1.1\r\nHost: x\r\n"));
  }
  std::vector<std::unique_ptr<HttpConnection>> slow_body;
  for (int i = 0; i < 8; ++i) {
    slow_body.push_back(std::make_unique<HttpConnection>("127.0.0.1", server.port()));
    ASSERT_TRUE(slow_body.back()->send_raw("POST /v1/validate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                           std::string(token_for(service::Role::submitter)) +
                                           "\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\nISA"));
  }
  const auto started = Clock::now();
  std::atomic<bool> stop{false};
  std::thread trickle([&] {
    while (!stop) {
      for (auto& c : loris) c->send_raw("X");
      std::this_thread::sleep_for(200ms);
    }
  });
  // Meanwhile normal clients are served promptly.
  double worst_ms = 0;
  int served = 0;
  while (Clock::now() - started < 2500ms) {
    const auto t0 = Clock::now();
    auto r = http_request(server.port(), "GET", "/healthz");
    worst_ms = std::max(worst_ms, std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    EXPECT_EQ(r.status, 200) << r.error;
    ++served;
    std::this_thread::sleep_for(20ms);
  }
  stop = true;
  trickle.join();
  EXPECT_GT(served, 20);
  EXPECT_LT(worst_ms, 1000.0);  // generous: ctest runs other suites beside this one
  // Every slow connection was closed by the server (the header deadline is 1 s in all).
  for (auto& c : loris) EXPECT_TRUE(c->wait_closed(3s));
  for (auto& c : slow_body) EXPECT_TRUE(c->wait_closed(3s));
  auto metrics = http_request(server.port(), "GET", "/metrics");
  EXPECT_NE(metrics.body.find("clearhouse_http_refused_total{reason=\"header_timeout\"} 32"), std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("clearhouse_http_refused_total{reason=\"body_timeout\"} 8"), std::string::npos);
  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServeE2E, RequestsBeyondTheInFlightLimitGet503) {
  ServerProcess server(with(base_args("serve-503"), {"--max-requests", "1"}), {"CLEARHOUSE_TOKENS=" + tokens_env()});
  ASSERT_TRUE(server.started()) << server.log();
  // An upload whose body is still arriving holds the only slot. The machine may be slow to read
  // the holder's header, and a probe that is itself in flight at that moment makes the holder
  // the one refused: then start over with a new holder.
  std::unique_ptr<HttpConnection> holder;
  HttpResponse busy;
  for (int attempt = 0; attempt < 20 && busy.status != 503; ++attempt) {
    holder = std::make_unique<HttpConnection>("127.0.0.1", server.port());
    ASSERT_TRUE(holder->send_raw("POST /v1/validate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                 std::string(token_for(service::Role::submitter)) +
                                 "\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nab"));
    std::this_thread::sleep_for(100ms);
    busy = http_request(server.port(), "GET", "/healthz");
  }
  ASSERT_EQ(busy.status, 503);
  EXPECT_EQ(busy.headers["retry-after"], "1");
  EXPECT_NE(busy.body.find("\"busy\""), std::string::npos);
  ASSERT_TRUE(holder->send_raw("cde"));
  EXPECT_EQ(holder->read_response().status, 422);  // not X12, but answered
  // The slot frees once the server has finished writing that answer.
  int status = 0;
  for (const auto until = Clock::now() + 5s; Clock::now() < until && status != 200;) {
    status = http_request(server.port(), "GET", "/healthz").status;
    if (status != 200) std::this_thread::sleep_for(20ms);
  }
  EXPECT_EQ(status, 200);
  EXPECT_EQ(server.terminate(), 0);
}

TEST(ServeE2E, SigtermFinishesRequestsInFlightAndClosesIdleConnections) {
  ServerProcess server(base_args("serve-drain"), {"CLEARHOUSE_TOKENS=" + tokens_env()});
  ASSERT_TRUE(server.started()) << server.log();
  HttpConnection idle("127.0.0.1", server.port());
  ASSERT_EQ(idle.request("GET", "/healthz").status, 200);
  HttpConnection in_flight("127.0.0.1", server.port());
  ASSERT_TRUE(in_flight.send_raw("POST /v1/validate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                 std::string(token_for(service::Role::submitter)) +
                                 "\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nnot "));
  ASSERT_TRUE(wait_in_flight(server.port(), 1));
  server.signal(SIGTERM);
  EXPECT_TRUE(idle.wait_closed(3s));  // idle keep-alive connections close at once
  std::this_thread::sleep_for(300ms);
  ASSERT_TRUE(in_flight.send_raw("x12 at"));
  auto r = in_flight.read_response();
  EXPECT_EQ(r.status, 422);
  EXPECT_EQ(r.headers["connection"], "close");
  EXPECT_EQ(server.wait_exit(5s), 0);  // exited cleanly after the drain
  EXPECT_NE(server.log().find("stopped cleanly"), std::string::npos);
}

TEST(ServeE2E, ShutdownWaitIsBounded) {
  ServerProcess server(with(base_args("serve-forced"), {"--read-timeout", "30", "--shutdown-timeout", "1"}),
                       {"CLEARHOUSE_TOKENS=" + tokens_env()});
  ASSERT_TRUE(server.started()) << server.log();
  HttpConnection stalled("127.0.0.1", server.port());
  ASSERT_TRUE(stalled.send_raw("POST /v1/validate HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                               std::string(token_for(service::Role::submitter)) +
                               "\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nISA"));
  ASSERT_TRUE(wait_in_flight(server.port(), 1));
  const auto t0 = Clock::now();
  const int status = server.terminate(10s);
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  EXPECT_EQ(status, 1);  // forced: a request was still in flight
  EXPECT_LT(seconds, 4.0);
  EXPECT_GE(seconds, 0.9);
}

}  // namespace
}  // namespace clearhouse::testing
