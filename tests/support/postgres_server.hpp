#pragma once
// A real PostgreSQL 15 server for the tests in tests/postgres/ (and the PostgreSQL benchmark):
// initdb + pg_ctl from `pg_config --bindir` (Debian keeps them off PATH) in a fresh directory
// under /tmp, on a free local port, started once per test process and stopped at exit. initdb
// refuses to run as root, so as root the server runs as the `postgres` user (the directory is
// handed to it); as anyone else it runs as that user. A watchdog stops the server if the test
// process dies without stopping it. Tests get a fresh database each: create_database().

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {

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
    const auto r = run_command(fmt::format("{} -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p {} -U {} -d {} -c {}",
                                           shell_quote(bindir_ + "/psql"), port_, user_, database, shell_quote(sql)));
    if (r.exit_code != 0) throw std::runtime_error("psql failed: " + sql + "\n" + r.err);
  }

  ~PostgresServer() { stop(); }
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

 private:
  PostgresServer() {
    const auto config = run_command("pg_config --bindir");
    if (config.exit_code != 0) throw std::runtime_error("pg_config not found: install postgresql-15 and libpq-dev");
    bindir_ = config.out.substr(0, config.out.find_last_not_of("\n ") + 1);
    const bool root = ::geteuid() == 0;
    run_as_ = root ? "runuser -u postgres -- " : "";
    user_ = "postgres";
    char tmpl[] = "/tmp/clearhouse-pg-XXXXXX";
    if (::mkdtemp(tmpl) == nullptr) throw std::runtime_error("cannot create a directory for PostgreSQL");
    dir_ = tmpl;
    if (root) run_command(fmt::format("chown postgres: {}", shell_quote(dir_)));
    port_ = free_port();
    const std::string data = dir_ + "/data";
    const auto init = run_command(fmt::format("{}{} -D {} -U postgres --auth=trust -E UTF8 --no-sync --no-instructions",
                                              run_as_, shell_quote(bindir_ + "/initdb"), shell_quote(data)));
    if (init.exit_code != 0) throw std::runtime_error("initdb failed:\n" + init.out + init.err);
    const std::string options = fmt::format(
        "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=60 "
        "-c shared_buffers=128MB",
        port_, dir_);
    const auto start = run_command(fmt::format("{}{} -D {} -o {} -l {} -w -t 60 start", run_as_,
                                               shell_quote(bindir_ + "/pg_ctl"), shell_quote(data), shell_quote(options),
                                               shell_quote(dir_ + "/server.log")));
    if (start.exit_code != 0)
      throw std::runtime_error("pg_ctl start failed:\n" + start.out + start.err + read_file(dir_ + "/server.log"));
    started_ = true;
    // If this process dies without stopping the server, the watchdog does.
    run_command(fmt::format("(while kill -0 {} 2>/dev/null; do sleep 1; done; {}{} -D {} -m immediate stop; "
                            "rm -rf {}) >/dev/null 2>&1 &",
                            ::getpid(), run_as_, shell_quote(bindir_ + "/pg_ctl"), shell_quote(data),
                            shell_quote(dir_)));
  }

  void stop() {
    if (!started_) return;
    started_ = false;
    run_command(fmt::format("{}{} -D {} -m fast -w stop", run_as_, shell_quote(bindir_ + "/pg_ctl"),
                            shell_quote(dir_ + "/data")));
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
