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
#include "engine/command_line/ledger_option.hpp"
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

using command_line::OptionSpec;

constexpr OptionSpec kOptions[] = {
    {.name = "listen", .value_name = "HOST:PORT",
     .description = "the address (default 127.0.0.1:8080; port 0 picks a free one, printed as JSON on stdout)"},
    command_line::kDbOption,
    {.name = "tokens", .value_name = "FILE",
     .description = "bearer tokens, one TOKEN:ROLE[:NAME] or sha256=HEX:ROLE[:NAME] per line (also $CLEARHOUSE_TOKENS)"},
    {.name = "batch-dir", .value_name = "DIR", .description = "where submitted 837P batches go (default batches)"},
    {.name = "spool-dir", .value_name = "DIR", .description = "where uploads are streamed (default a temporary directory)"},
    {.name = "web-dir", .value_name = "DIR", .description = "serve the worklist page from disk instead of the binary"},
    {.name = "body-limit", .value_name = "SIZE", .description = "the largest request body, with K, M or G (default 256M)"},
    {.name = "header-limit", .value_name = "SIZE", .description = "the largest request header, 1K..1M (default 16K)"},
    {.name = "read-timeout", .value_name = "SECONDS", .description = "for a header, an idle connection, a body chunk (default 15)"},
    {.name = "write-timeout", .value_name = "SECONDS", .description = "for writing a response (default 120)"},
    {.name = "shutdown-timeout", .value_name = "SECONDS",
     .description = "how long requests in flight may finish after SIGTERM (default 30)"},
    {.name = "max-requests", .value_name = "N", .description = "requests in flight before 503 (default 128)"},
    {.name = "max-connections", .value_name = "N", .description = "open connections (default 4096)"},
    {.name = "threads", .value_name = "N", .description = "I/O threads (default 2)"},
    {.name = "workers", .value_name = "N", .description = "threads for posting, submitting, validating (default 2)"},
    {.name = "query-workers", .value_name = "N", .description = "threads for reads and worklist actions (default 4)"},
    {.name = "test", .takes_value = false, .description = "submitted interchanges are test data (ISA15 T)"},
    command_line::kSchemasOption,
    command_line::kAsOfOption,
};

std::uint64_t parse_size(const std::string& name, const std::string& text) {
  char* end = nullptr;
  const unsigned long long v = std::strtoull(text.c_str(), &end, 10);
  std::uint64_t mult = 1;
  const std::string suffix = end == nullptr ? "" : std::string(end);
  if (suffix == "K" || suffix == "k" || suffix == "KB") mult = 1ull << 10;
  else if (suffix == "M" || suffix == "m" || suffix == "MB") mult = 1ull << 20;
  else if (suffix == "G" || suffix == "g" || suffix == "GB") mult = 1ull << 30;
  else if (!suffix.empty()) throw UsageError(fmt::format("--{} expects a size like 256M, got '{}'", name, text));
  if (end == text.c_str() || v == 0) throw UsageError(fmt::format("--{} expects a size like 256M, got '{}'", name, text));
  return v * mult;
}

long parse_count(const std::string& name, const std::string& text, long min, long max) {
  char* end = nullptr;
  const long v = std::strtol(text.c_str(), &end, 10);
  if (end == text.c_str() || *end != '\0' || v < min || v > max)
    throw UsageError(fmt::format("--{} expects {}..{}, got '{}'", name, min, max, text));
  return v;
}

std::chrono::milliseconds parse_seconds(const std::string& name, const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !(v > 0) || v > 86400)
    throw UsageError(fmt::format("--{} expects seconds (0 < s <= 86400), got '{}'", name, text));
  return std::chrono::milliseconds(static_cast<long long>(v * 1000));
}

// "127.0.0.1:8080", "[::1]:8080", ":8080" (loopback), "0.0.0.0:80".
void parse_listen(const std::string& text, ServerOptions& o) {
  std::string host, port;
  if (!text.empty() && text.front() == '[') {
    const auto close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
      throw UsageError(fmt::format("--listen expects HOST:PORT, got '{}'", text));
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) throw UsageError(fmt::format("--listen expects HOST:PORT, got '{}'", text));
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

int run_serve(const Args& args) {
  args.expect_positionals(0, 0, "");

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
    if (n < 1024 || n > (1u << 20)) throw UsageError("--header-limit expects 1K..1M");
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

}  // namespace

const command_line::Command kServeCommand{
    .name = "serve",
    .summary = "HTTP API and the worklist page (127.0.0.1:8080 by default)",
    .synopsis = "[--listen HOST:PORT] [--db URL] [--tokens FILE] [--batch-dir DIR] [options]",
    .options = kOptions,
    .run = run_serve,
    .notes = "Tokens: --tokens FILE and/or CLEARHOUSE_TOKENS=\"TOKEN:ROLE[:NAME],...\"; roles reader, biller,\n"
             "uploader, submitter. Logs go to stderr; stdout carries only {\"listening\":\"HOST:PORT\"}.",
};

}  // namespace clearhouse::service
