#pragma once
// A tiny blocking HTTP/1.1 client over POSIX sockets for the service's loopback tests and the
// load test: keep-alive connections, Content-Length and chunked responses, timeouts. No Boost,
// so the tests that use it compile quickly.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace clearhouse::testing {

struct HttpResponse {
  int status = 0;  // 0: no response (connection failed, closed or timed out)
  std::map<std::string, std::string> headers;  // lowercase names
  std::string body;
  std::string error;  // why status is 0
};

class HttpConnection {
 public:
  HttpConnection(std::string host, int port, std::chrono::milliseconds timeout = std::chrono::seconds(30));
  ~HttpConnection();
  HttpConnection(const HttpConnection&) = delete;
  HttpConnection& operator=(const HttpConnection&) = delete;

  bool connect();
  bool connected() const { return fd_ >= 0; }
  void close();
  // Sends raw bytes (for slow-loris and malformed-request tests).
  bool send_raw(const std::string& bytes);
  // Sends a request (reconnecting when needed) and reads the response.
  HttpResponse request(const std::string& method, const std::string& target,
                       const std::vector<std::pair<std::string, std::string>>& headers = {},
                       const std::string& body = {});
  // Reads one response from the connection.
  HttpResponse read_response();
  // True when the server closed the connection (a read returns 0) within the timeout.
  bool wait_closed(std::chrono::milliseconds timeout);
  int fd() const { return fd_; }

 private:
  bool fill(std::chrono::steady_clock::time_point deadline);
  std::string host_;
  int port_;
  std::chrono::milliseconds timeout_;
  int fd_ = -1;
  std::string buffer_;
};

// One request on a fresh connection.
HttpResponse http_request(int port, const std::string& method, const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& headers = {},
                          const std::string& body = {});

// `clearhouse serve` as a child process on a free loopback port.
class ServerProcess {
 public:
  // extra: arguments after `serve --listen 127.0.0.1:0`; env: NAME=VALUE added.
  ServerProcess(std::vector<std::string> extra, std::vector<std::string> env = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  bool started() const { return port_ > 0; }
  int port() const { return port_; }
  int pid() const { return pid_; }
  // Sends SIGTERM and waits (up to timeout) for exit; returns the exit status or -1.
  int terminate(std::chrono::milliseconds timeout = std::chrono::seconds(30));
  // Waits (up to timeout) for the process to exit on its own; the exit status or -1.
  int wait_exit(std::chrono::milliseconds timeout);
  void signal(int signo);
  // The server's stderr so far (logs, the access log).
  std::string log() const;
  // Resident set size in kB from /proc (0 when gone).
  std::uint64_t rss_kb() const;

 private:
  int pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

}  // namespace clearhouse::testing
