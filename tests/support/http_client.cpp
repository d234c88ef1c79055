#include "tests/support/http_client.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <strings.h>

#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {

using Clock = std::chrono::steady_clock;

HttpConnection::HttpConnection(std::string host, int port, std::chrono::milliseconds timeout)
    : host_(std::move(host)), port_(port), timeout_(timeout) {}

HttpConnection::~HttpConnection() { close(); }

void HttpConnection::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  buffer_.clear();
}

bool HttpConnection::connect() {
  close();
  fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) return false;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port_));
  ::inet_pton(AF_INET, host_.c_str(), &addr.sin_addr);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close();
    return false;
  }
  int one = 1;
  ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  return true;
}

bool HttpConnection::send_raw(const std::string& bytes) {
  if (fd_ < 0 && !connect()) return false;
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

bool HttpConnection::fill(Clock::time_point deadline) {
  if (fd_ < 0) return false;
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  if (left <= 0) return false;
  pollfd p{fd_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(left)) <= 0) return false;
  char buf[65536];
  const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
  if (n <= 0) return false;
  buffer_.append(buf, static_cast<std::size_t>(n));
  return true;
}

bool HttpConnection::wait_closed(std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  while (fd_ >= 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) return false;
    char buf[4096];
    const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
    if (n <= 0) return true;
  }
  return true;
}

HttpResponse HttpConnection::read_response() {
  HttpResponse r;
  const auto deadline = Clock::now() + timeout_;
  for (;;) {
    std::size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill(deadline)) {
        r.error = fd_ < 0 ? "not connected" : "no complete header before timeout or close";
        close();
        return r;
      }
    }
    std::istringstream head(buffer_.substr(0, end));
    buffer_.erase(0, end + 4);
    std::string line;
    std::getline(head, line);
    if (line.size() < 12 || line.compare(0, 5, "HTTP/") != 0) {
      r.error = "bad status line";
      close();
      return r;
    }
    r.status = std::stoi(line.substr(9, 3));
    r.headers.clear();
    while (std::getline(head, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      r.headers[name] = value;
    }
    if (r.status == 100) continue;  // interim response: the real one follows
    break;
  }
  if (auto it = r.headers.find("transfer-encoding"); it != r.headers.end() && it->second.find("chunked") != std::string::npos) {
    for (;;) {
      std::size_t eol;
      while ((eol = buffer_.find("\r\n")) == std::string::npos)
        if (!fill(deadline)) return r.error = "chunked body cut", r;
      const std::size_t size = std::stoul(buffer_.substr(0, eol), nullptr, 16);
      buffer_.erase(0, eol + 2);
      while (buffer_.size() < size + 2)
        if (!fill(deadline)) return r.error = "chunked body cut", r;
      r.body.append(buffer_, 0, size);
      buffer_.erase(0, size + 2);
      if (size == 0) break;
    }
  } else {
    std::size_t length = 0;
    if (auto it = r.headers.find("content-length"); it != r.headers.end()) length = std::stoul(it->second);
    while (buffer_.size() < length)
      if (!fill(deadline)) return r.error = "body cut", r;
    r.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
  }
  if (auto it = r.headers.find("connection"); it != r.headers.end() && it->second == "close") close();
  return r;
}

HttpResponse HttpConnection::request(const std::string& method, const std::string& target,
                                     const std::vector<std::pair<std::string, std::string>>& headers,
                                     const std::string& body) {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  bool has_length = false;
  for (const auto& [k, v] : headers) {
    req += k + ": " + v + "\r\n";
    if (strcasecmp(k.c_str(), "content-length") == 0 || strcasecmp(k.c_str(), "transfer-encoding") == 0)
      has_length = true;
  }
  if (!has_length && (!body.empty() || method == "POST")) req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  req += "\r\n";
  if (fd_ < 0 && !connect()) {
    HttpResponse r;
    r.error = "cannot connect";
    return r;
  }
  if (!send_raw(req) || (!body.empty() && !send_raw(body))) {
    // The server may have answered (413) and closed before taking the whole body.
    auto r = read_response();
    if (r.status == 0) r.error = "send failed";
    return r;
  }
  return read_response();
}

HttpResponse http_request(int port, const std::string& method, const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& headers, const std::string& body) {
  HttpConnection c("127.0.0.1", port);
  return c.request(method, target, headers, body);
}

ServerProcess::ServerProcess(std::vector<std::string> extra, std::vector<std::string> env) {
  static int counter = 0;
  const auto dir = build_dir() / "test-scratch";
  std::filesystem::create_directories(dir);
  log_path_ = (dir / ("serve-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".log")).string();
  int out[2];
  if (::pipe(out) != 0) return;
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(out[1], 1);
    ::close(out[0]);
    ::close(out[1]);
    const int err = ::open(log_path_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (err >= 0) ::dup2(err, 2);
    for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
    std::vector<std::string> args = {clearhouse_binary().string(), "serve", "--listen", "127.0.0.1:0"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(out[1]);
  // The first stdout line: {"listening":"127.0.0.1:PORT"}
  std::string line;
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  while (line.find('\n') == std::string::npos && Clock::now() < deadline) {
    pollfd p{out[0], POLLIN, 0};
    if (::poll(&p, 1, 1000) <= 0) continue;
    char buf[256];
    const ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    line.append(buf, static_cast<std::size_t>(n));
  }
  ::close(out[0]);
  const auto colon = line.rfind(':');
  if (line.find("listening") != std::string::npos && colon != std::string::npos) port_ = std::atoi(line.c_str() + colon + 1);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
}

void ServerProcess::signal(int signo) {
  if (pid_ > 0) ::kill(pid_, signo);
}

int ServerProcess::terminate(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  return wait_exit(timeout);
}

int ServerProcess::wait_exit(std::chrono::milliseconds timeout) {
  if (pid_ <= 0) return -1;
  const auto deadline = Clock::now() + timeout;
  int status = 0;
  while (Clock::now() < deadline) {
    const int r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return -1;
}

std::string ServerProcess::log() const { return read_file(log_path_); }

std::uint64_t ServerProcess::rss_kb() const {
  if (pid_ <= 0) return 0;
  std::ifstream in("/proc/" + std::to_string(pid_) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stoull(line.substr(6));
  return 0;
}

}  // namespace clearhouse::testing
