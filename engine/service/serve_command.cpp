// clearhouse serve [--listen HOST:PORT] [--db URL] [--tokens FILE] ...: the HTTP API and the
// worklist page (engine/service). Loopback by default; TLS belongs to a reverse proxy in front.
#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <unistd.h>

#include "engine/command_line/args.hpp"
#include "engine/command_line/command.hpp"
#include "engine/command_line/rules_options.hpp"
#include "engine/ledger/ledger.hpp"
#include "engine/ledger/ledger_url.hpp"
#include "engine/service/http_server.hpp"
#include "engine/service/serve_command.hpp"
#include "engine/service/service.hpp"
#include "generators/render/json_writer.hpp"

namespace clearhouse::service {
namespace {

using command_line::Args;
using command_line::UsageError;
using command_line::kExitOk;
using command_line::kExitRejected;

constexpr const char* kUsage =
    "usage: clearhouse serve [--listen HOST:PORT] [--db URL] [--tokens FILE] [--batch-dir DIR]\n"
    "         [--spool-dir DIR] [--web-dir DIR] [--body-limit SIZE] [--header-limit SIZE]\n"
    "         [--read-timeout SECONDS] [--write-timeout SECONDS] [--shutdown-timeout SECONDS]\n"
    "         [--max-requests N] [--max-connections N] [--threads N] [--workers N] [--query-workers N]\n"
    "         [--schemas DIR] [--as-of YYYY-MM-DD] [--test]\n"
    "  --listen defaults to 127.0.0.1:8080 (port 0 picks a free one; the address is printed as JSON).\n"
    "  Tokens: --tokens FILE (lines TOKEN:ROLE[:NAME] or sha256=HEX:ROLE[:NAME]) and/or\n"
    "  CLEARHOUSE_TOKENS=\"TOKEN:ROLE,...\"; roles reader, biller, uploader, submitter.\n"
    "  SIZE takes K, M or G suffixes (256M is the default body limit).";

std::uint64_t parse_size(const std::string& name, const std::string& text) {
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  std::uint64_t mult = 1;
  const std::string suffix = end == nullptr ? "" : std::string(end);
  if (suffix == "K" || suffix == "k" || suffix == "KB") mult = 1ull << 10;
  else if (suffix == "M" || suffix == "m" || suffix == "MB") mult = 1ull << 20;
  else if (suffix == "G" || suffix == "g" || suffix == "GB") mult = 1ull << 30;
  else if (!suffix.empty()) throw UsageError(fmt::format("--{} expects a size like 256M, got '{}'\n{}", name, text, kUsage));
  if (end == text.c_str() || v == 0) throw UsageError(fmt::format("--{} expects a size like 256M, got '{}'\n{}", name, text, kUsage));
  return v * mult;
}

long parse_count(const std::string& name, const std::string& text, long min, long max) {
  char* end = nullptr;
  const long v = std::strtol(text.c_str(), &end, 10);
  if (end == text.c_str() || *end != '\0' || v < min || v > max)
    throw UsageError(fmt::format("--{} expects {}..{}, got '{}'\n{}", name, min, max, text, kUsage));
  return v;
}

std::chrono::milliseconds parse_seconds(const std::string& name, const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !(v > 0) || v > 86400)
    throw UsageError(fmt::format("--{} expects seconds (0 < s <= 86400), got '{}'\n{}", name, text, kUsage));
  return std::chrono::milliseconds(static_cast<long long>(v * 1000));
}

// "127.0.0.1:8080", "[::1]:8080", ":8080" (loopback), "0.0.0.0:80".
void parse_listen(const std::string& text, ServerOptions& o) {
  std::string host, port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
      throw UsageError(fmt::format("--listen expects HOST:PORT, got '{}'\n{}", text, kUsage));
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) throw UsageError(fmt::format("--listen expects HOST:PORT, got '{}'\n{}", text, kUsage));
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  if (host.empty()) host = "127.0.0.1";
  o.host = host;
  o.port = static_cast<unsigned short>(parse_count("listen", port, 0, 65535));
}

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

}  // namespace

int run_serve(const std::vector<std::string>& argv) {
  Args args(argv, {{"listen"}, {"db"}, {"tokens"}, {"batch-dir"}, {"spool-dir"}, {"web-dir"}, {"body-limit"},
                   {"header-limit"}, {"read-timeout"}, {"write-timeout"}, {"shutdown-timeout"}, {"max-requests"},
                   {"max-connections"}, {"threads"}, {"workers"}, {"query-workers"}, {"test", 0, false},
                   command_line::schemas_option(), command_line::as_of_option()});
  args.expect_positionals(0, 0, kUsage);

  // Logs (the access log included) go to stderr; stdout carries only the listening address.
  auto logger = spdlog::stderr_logger_mt("clearhouse");
  spdlog::set_default_logger(logger);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  spdlog::flush_on(spdlog::level::info);

  ServerOptions server;
  parse_listen(args.value_or("listen", "127.0.0.1:8080"), server);
  ServiceSettings settings;
  settings.ledger_url = args.value_or("db", ledger::default_ledger_url());
  try {
    ledger::parse_ledger_url(settings.ledger_url);
  } catch (const ledger::LedgerUrlError& e) {
    throw UsageError(e.what());
  }
  settings.batch_dir = args.value_or("batch-dir", "batches");
  settings.spool_dir = args.value_or("spool-dir", "");
  if (settings.spool_dir.empty())
    settings.spool_dir = std::filesystem::temp_directory_path() / fmt::format("clearhouse-spool-{}", ::getpid());
  settings.web_dir = args.value_or("web-dir", "");
  if (auto v = args.value("body-limit")) settings.body_limit = parse_size("body-limit", *v);
  if (auto v = args.value("header-limit")) {
    const auto n = parse_size("header-limit", *v);
    if (n < 1024 || n > (1u << 20)) throw UsageError(fmt::format("--header-limit expects 1K..1M\n{}", kUsage));
    server.header_limit = static_cast<std::uint32_t>(n);
  }
  if (auto v = args.value("read-timeout")) server.read_timeout = parse_seconds("read-timeout", *v);
  if (auto v = args.value("write-timeout")) server.write_timeout = parse_seconds("write-timeout", *v);
  if (auto v = args.value("shutdown-timeout")) server.shutdown_timeout = parse_seconds("shutdown-timeout", *v);
  if (auto v = args.value("max-requests")) settings.max_in_flight = parse_count("max-requests", *v, 1, 100000);
  if (auto v = args.value("max-connections")) server.max_connections = parse_count("max-connections", *v, 1, 1000000);
  if (auto v = args.value("threads")) server.io_threads = static_cast<unsigned>(parse_count("threads", *v, 1, 256));
  if (auto v = args.value("workers")) server.heavy_workers = static_cast<unsigned>(parse_count("workers", *v, 1, 256));
  if (auto v = args.value("query-workers"))
    server.query_workers = static_cast<unsigned>(parse_count("query-workers", *v, 1, 256));
  settings.production = !args.flag("test");
  settings.schemas_dir = args.value_or("schemas", "");
  if (args.value("as-of") || std::getenv("CLEARHOUSE_TODAY") != nullptr) settings.as_of = command_line::today_for(args);

  TokenStore tokens;
  std::string error;
  if (auto file = args.value("tokens"); file && !tokens.load_file(*file, error)) throw UsageError(error);
  if (const char* env = std::getenv("CLEARHOUSE_TOKENS"); env != nullptr && !tokens.add_list(env, error))
    throw UsageError(fmt::format("CLEARHOUSE_TOKENS: {}", error));
  if (tokens.empty()) spdlog::warn("no tokens configured (--tokens FILE or CLEARHOUSE_TOKENS): every /v1 request will get 401");
  if (!is_loopback(server.host))
    spdlog::warn("listening on {} (not loopback): put a TLS-terminating reverse proxy in front", server.host);

  // Open the ledger once up front: migrations run here, not inside the first request.
  { auto ledger = ledger::open_ledger(settings.ledger_url); }
  std::error_code ec;
  std::filesystem::create_directories(settings.spool_dir, ec);
  if (ec) throw std::runtime_error(fmt::format("cannot create the spool directory {}", settings.spool_dir.string()));

  ServiceContext context(settings);
  Service svc(context, std::move(tokens));
  HttpServer http(server, svc);
  const std::string address = http.listen();
  {
    render::JsonWriter json(stdout);
    json.begin_object().field("listening", address).end_object();
    json.newline();
  }
  std::fflush(stdout);
  spdlog::info("clearhouse serve on http://{} (ledger {}, {} token(s), body limit {} bytes)", address,
               ledger::parse_ledger_url(settings.ledger_url).dialect == ledger::sql::Dialect::sqlite ? "sqlite"
                                                                                                      : "postgresql",
               svc.tokens().size(), settings.body_limit);
  const auto report = http.run(true);
  std::filesystem::remove_all(settings.spool_dir, ec);
  if (report.forced) {
    // Worker threads may still be inside a ledger transaction; it rolls back when the process
    // ends, so leaving now keeps the ledger all-or-nothing.
    spdlog::warn("forced shutdown: {} connection(s) abandoned", report.abandoned);
    spdlog::shutdown();
    std::_Exit(kExitRejected);
  }
  spdlog::info("stopped cleanly");
  return kExitOk;
}

}  // namespace clearhouse::service
