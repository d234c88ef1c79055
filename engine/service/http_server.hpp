#pragma once
// The HTTP/1.1 server (Boost.Beast on Asio), after Beast's advanced server: one session per
// connection on its own strand; a fresh parser per request with a header limit; the body read
// only after the request was admitted (route, token, role, media type, declared length), with
// the route's body limit, spooled to a file for uploads; `expires_after` before every read
// (the header must arrive within read_timeout: slow-loris connections are cut) and a minimum
// body rate; route handlers run on worker pools, never on the I/O threads; graceful shutdown
// on SIGINT/SIGTERM: stop accepting, close idle connections, let requests in flight finish
// within shutdown_timeout. Requests on one connection are answered one at a time, in order
// (the response queue holds one): a pipelining client's next request waits in the read buffer.
//
// Beast lives only in http_server.cpp; this header exposes standard types.

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace clearhouse::service {

class Service;

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  unsigned short port = 8080;      // 0: any free port (tests); listen() says which
  unsigned io_threads = 2;
  unsigned query_workers = 4;      // reads and worklist actions
  unsigned heavy_workers = 2;      // posting, submitting, validating
  std::uint32_t header_limit = 16 * 1024;
  std::chrono::milliseconds read_timeout{15000};    // a whole header; an idle keep-alive; each body chunk
  std::chrono::milliseconds write_timeout{120000};  // a whole response
  std::chrono::milliseconds shutdown_timeout{30000};
  std::uint64_t min_body_rate = 64 * 1024;  // bytes/s an upload must average (beyond read_timeout)
  std::int64_t max_connections = 4096;      // accepted and closed at once beyond it
};

struct ShutdownReport {
  bool forced = false;          // shutdown_timeout passed with requests still running
  std::int64_t abandoned = 0;   // connections still open then
};

class HttpServer {
 public:
  HttpServer(ServerOptions options, Service& service);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds and listens. Returns the address actually bound ("127.0.0.1:41234"). Throws
  // std::runtime_error when it cannot.
  std::string listen();
  // Serves until stop() (or SIGINT/SIGTERM when handle_signals), then drains; returns when
  // every connection is closed or shutdown_timeout passed.
  ShutdownReport run(bool handle_signals);
  // Begins the graceful shutdown. Thread-safe; any number of calls.
  void stop();

  struct Impl;  // opaque: Beast stays in http_server.cpp

 private:
  std::shared_ptr<Impl> impl_;
};

}  // namespace clearhouse::service
