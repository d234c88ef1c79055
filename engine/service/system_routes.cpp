// The routes that need no token: the worklist page and its files, /healthz and /metrics.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "engine/service/routes.hpp"
#include "engine/service/service_context.hpp"
#include "engine/service/web_assets.hpp"
#include "engine/util/sha256.hpp"
#include "generators/render/json_writer.hpp"
#include "generators/statements/statement_html.hpp"

namespace clearhouse::service {
namespace {

// The page only talks to this origin, nothing from elsewhere. Nothing inline but the patient
// statement's stylesheet, allowed by its hash: the page shows a statement as the renderer
// writes it, in a sandboxed frame that inherits this policy.
const std::string& content_security_policy() {
  static const std::string policy = [] {
    util::Sha256 hash;
    hash.update(statements::statement_style_text());
    return "default-src 'none'; script-src 'self'; style-src 'self' 'sha256-" + hash.base64_digest() +
           "'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }();
  return policy;
}

Response serve_asset(const Request& req, const ServiceContext& ctx, std::string_view name) {
  if (name.empty() || name.front() == '.' || name.find('/') != std::string_view::npos ||
      name.find('\\') != std::string_view::npos)
    throw RequestError(404, "not_found", "no such file");
  Response r;
  r.content_type = std::string(web_content_type(name));
  std::string etag;
  if (!ctx.settings().web_dir.empty()) {
    // Development: the files as they are on disk, never cached.
    std::ifstream in(ctx.settings().web_dir / std::string(name), std::ios::binary);
    if (!in) throw RequestError(404, "not_found", "no such file");
    std::ostringstream s;
    s << in.rdbuf();
    r.body = s.str();
    r.headers.push_back({"cache-control", "no-store"});
  } else {
    const WebAsset* a = find_web_asset(name);
    if (a == nullptr) throw RequestError(404, "not_found", "no such file");
    etag = fmt::format("\"{}\"", a->sha256.substr(0, 32));
    r.headers.push_back({"etag", etag});
    r.headers.push_back({"cache-control", "no-cache"});
    const std::string* inm = req.header("if-none-match");
    if (inm != nullptr && *inm == etag) {
      r.status = 304;
      r.content_type.clear();
      return r;
    }
    r.body = std::string(a->data);
  }
  r.headers.push_back({"x-content-type-options", "nosniff"});
  r.headers.push_back({"referrer-policy", "no-referrer"});
  r.headers.push_back({"x-frame-options", "DENY"});
  r.headers.push_back({"content-security-policy", content_security_policy()});
  return r;
}

}  // namespace

const WebAsset* find_web_asset(std::string_view name) {
  for (const auto& a : web_assets())
    if (a.name == name) return &a;
  return nullptr;
}

std::string_view web_content_type(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".json")) return "application/json";
  if (ends(".png")) return "image/png";
  if (ends(".ico")) return "image/x-icon";
  return "application/octet-stream";
}

Response handle_page(Request& req, ServiceContext& ctx) { return serve_asset(req, ctx, "index.html"); }

Response handle_asset(Request& req, ServiceContext& ctx) { return serve_asset(req, ctx, req.param("name")); }

Response handle_healthz(Request&, ServiceContext& ctx) {
  bool ledger_ok = true;
  std::string version;
  try {
    auto ledger = ctx.ledgers().acquire();
    version = std::to_string(ledger->schema_version());
  } catch (const std::exception&) {
    ledger_ok = false;
  }
  render::JsonWriter json;
  json.begin_object();
  json.field("status", ledger_ok ? "ok" : "degraded");
  json.field("ledger", ledger_ok ? "ok" : "unavailable");
  if (ledger_ok) json.field("schema_version", version);
  json.key("in_flight").number(ctx.metrics().in_flight().load());
  json.end_object();
  json.newline();
  return json_response(ledger_ok ? 200 : 503, json.take());
}

Response handle_metrics(Request&, ServiceContext& ctx) {
  std::int64_t open_items = -1;
  try {
    auto ledger = ctx.ledgers().acquire();
    open_items = open_worklist_items(*ledger);
  } catch (const std::exception&) {
    open_items = -1;  // the gauge is left out; the rest is still useful
  }
  Response r;
  r.content_type = "text/plain; version=0.0.4; charset=utf-8";
  r.body = ctx.metrics().render(open_items);
  return r;
}

}  // namespace clearhouse::service
