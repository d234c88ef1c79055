#pragma once
// A service without sockets over a fresh SQLite ledger in a scratch directory, with one token
// per role, for route tests.

#include <memory>
#include <string>
#include <vector>

#include "engine/service/service.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::testing {

inline const char* token_for(service::Role r) {
  switch (r) {
    case service::Role::reader: return "reader-token-0000000001";
    case service::Role::biller: return "biller-token-0000000002";
    case service::Role::uploader: return "uploader-token-00000003";
    case service::Role::submitter: return "submitter-token-0000004";
  }
  return "";
}

inline std::string tokens_env() {
  std::string out;
  for (auto r : service::all_roles())
    out += (out.empty() ? "" : ",") + std::string(token_for(r)) + ":" + std::string(service::role_name(r));
  return out;
}

struct ServiceFixture {
  explicit ServiceFixture(const std::string& name, service::ServiceSettings settings = {}) {
    dir = scratch_dir(name);
    settings.ledger_url = "sqlite:" + (dir / "ledger.db").string();
    settings.batch_dir = dir / "batches";
    settings.spool_dir = dir / "spool";
    context = std::make_unique<service::ServiceContext>(settings);
    service::TokenStore tokens;
    std::string error;
    tokens.add_list(tokens_env(), error);
    svc = std::make_unique<service::Service>(*context, std::move(tokens));
  }

  service::Response call(const std::string& method, const std::string& target, std::string body = {},
                         std::vector<service::Header> headers = {}) {
    return svc->handle(service::make_request(method, target, std::move(headers), std::move(body)));
  }
  service::Response call_as(service::Role role, const std::string& method, const std::string& target,
                            std::string body = {}, std::string content_type = {}) {
    std::vector<service::Header> headers = {{"authorization", std::string("Bearer ") + token_for(role)}};
    if (!content_type.empty()) headers.push_back({"content-type", content_type});
    return call(method, target, std::move(body), std::move(headers));
  }

  std::filesystem::path dir;
  std::unique_ptr<service::ServiceContext> context;
  std::unique_ptr<service::Service> svc;
};

}  // namespace clearhouse::testing
