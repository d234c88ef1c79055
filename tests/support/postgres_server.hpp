#pragma once
// A real PostgreSQL 15 server for the tests in tests/postgres/ (and the PostgreSQL benchmark):
// initdb + pg_ctl from `pg_config --bindir` (Debian keeps them off PATH) in a fresh directory
// under /tmp, on a free local port, started once per test process and stopped at exit. initdb
// refuses to run as root, so as root the server runs as the `postgres` user (the directory is
// handed to it); as anyone else it runs as that user. A watchdog stops the server if the test
// process dies without stopping it. Tests get a fresh database each: create_database().

#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace clearhouse::testing {

// Self-contained (the benchmarks use this server too, without the test support library).
namespace pg_detail {
struct Output {
  int exit_code = -1;
  std::string out, err;
};
inline std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out.push_back(c);
  }
  return out + "'";
}
inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
// Runs a shell command line; stdout captured, stderr merged into err via a temporary file.
inline Output run(const std::string& command_line) {
  char err_path[] = "/tmp/clearhouse-pg-cmd-XXXXXX";
  const int fd = ::mkstemp(err_path);
  if (fd >= 0) ::close(fd);
  Output r;
  FILE* pipe = ::popen((command_line + " 2>" + quote(err_path)).c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
  r.err = slurp(err_path);
  std::remove(err_path);
  return r;
}
}  // namespace pg_detail

class PostgresServer {
 public:
  // The server of this process, started on first use. Throws std::runtime_error (with the
  // server's log) when PostgreSQL cannot be started.
  static PostgresServer& instance() {
    static PostgresServer server;
    return server;
  }

  int port() const { return port_; }
  // A libpq URI for database `name` on this server.
  std::string url(const std::string& name = "postgres") const {
    return fmt::format("postgresql://{}@127.0.0.1:{}/{}", user_, port_, name);
  }
  // Creates an empty database and returns its URI.
  std::string create_database(const std::string& name) {
    psql("postgres", fmt::format("DROP DATABASE IF EXISTS {}", name));
    psql("postgres", fmt::format("CREATE DATABASE {}", name));
    return url(name);
  }
  // Runs one SQL command with psql (for setup); throws when it fails.
  void psql(const std::string& database, const std::string& sql) const {
    const auto r = pg_detail::run(fmt::format("{} -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p {} -U {} -d {} -c {}",
                                           pg_detail::quote(bindir_ + "/psql"), port_, user_, database, pg_detail::quote(sql)));
    if (r.exit_code != 0) throw std::runtime_error("psql failed: " + sql + "\n" + r.err);
  }

  ~PostgresServer() { stop(); }
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

 private:
  PostgresServer() {
    const auto config = pg_detail::run("pg_config --bindir");
    if (config.exit_code != 0) throw std::runtime_error("pg_config not found: install postgresql-15 and libpq-dev");
    bindir_ = config.out.substr(0, config.out.find_last_not_of("\n ") + 1);
    const bool root = ::geteuid() == 0;
    run_as_ = root ? "runuser -u postgres -- " : "";
    user_ = "postgres";
    char tmpl[] = "/tmp/clearhouse-pg-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) throw std::runtime_error("cannot create a directory for PostgreSQL");
    dir_ = tmpl;
    if (root) pg_detail::run(fmt::format("chown postgres: {}", pg_detail::quote(dir_)));
    port_ = free_port();
    const std::string data = dir_ + "/data";
    const auto init = pg_detail::run(fmt::format("{}{} -D {} -U postgres --auth=trust -E UTF8 --no-sync --no-instructions",
                                              run_as_, pg_detail::quote(bindir_ + "/initdb"), pg_detail::quote(data)));
    if (init.exit_code != 0) throw std::runtime_error("initdb failed:\n" + init.out + init.err);
    const std::string options = fmt::format(
        "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60 "
        "-c shared_buffers=128MB",
        port_, dir_);
    const auto start = pg_detail::run(fmt::format("{}{} -D {} -o {} -l {} -w -t 60 start", run_as_,
                                               pg_detail::quote(bindir_ + "/pg_ctl"), pg_detail::quote(data), pg_detail::quote(options),
                                               pg_detail::quote(dir_ + "/server.log")));
    if (start.exit_code != 0)
      throw std::runtime_error("pg_ctl start failed:\n" + start.out + start.err + pg_detail::slurp(dir_ + "/server.log"));
    started_ = true;
    // If this process dies without stopping the server, the watchdog does.
    pg_detail::run(fmt::format("(while kill -0 {} 2>/dev/null; do sleep 1; done; {}{} -D {} -m immediate stop; "
                            "rm -rf {}) >/dev/null 2>&1 &",
                            ::getpid(), run_as_, pg_detail::quote(bindir_ + "/pg_ctl"), pg_detail::quote(data),
                            pg_detail::quote(dir_)));
  }

  void stop() {
    if (!started_) return;
    started_ = false;
    pg_detail::run(fmt::format("{}{} -D {} -m fast -w stop", run_as_, pg_detail::quote(bindir_ + "/pg_ctl"),
                            pg_detail::quote(dir_ + "/data")));
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }

  static int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
      throw std::runtime_error("no free local port for PostgreSQL");
    const int port = ntohs(addr.sin_port);
    ::close(fd);
    return port;
  }

  std::string bindir_, run_as_, user_, dir_;
  int port_ = 0;
  bool started_ = false;
};

}  // namespace clearhouse::testing
