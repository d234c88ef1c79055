#pragma once
// The route table: every endpoint the service answers, as plain data (method, path template,
// permission, body kind, which pool runs it, the handler). The server, the OpenAPI test and
// the 401/403 tests all read this one table.

#include <string>
#include <string_view>
#include <vector>

#include "engine/service/access_control.hpp"
#include "engine/service/http_message.hpp"

namespace clearhouse::service {

class ServiceContext;

enum class BodyKind {
  none,    // no body expected (a small one is read and ignored)
  json,    // a JSON document, in memory, small (json_body_limit)
  upload,  // X12 or JSON Lines, spooled to a file, up to body_limit
};

// Where a route runs. I/O threads only for what takes microseconds and touches no ledger;
// queries and worklist actions on the query pool; posting, submitting and validating (long,
// CPU and disk bound) on the heavy pool so that they never hold up the worklist.
enum class Pool { io, query, heavy };

using Handler = Response (*)(Request&, ServiceContext&);

struct Route {
  std::string_view method;
  std::string_view path;  // template: "/v1/claims/{claim_id}"
  Permission permission;
  BodyKind body;
  Pool pool;
  std::vector<std::string_view> media_types;  // accepted Content-Type for a body (empty: any)
  Handler handler;
};

const std::vector<Route>& routes();

struct RouteMatch {
  const Route* route = nullptr;
  std::vector<std::pair<std::string, std::string>> params;
  bool path_known = false;                // some route has this path (another method: 405)
  std::vector<std::string_view> allowed;  // the methods that path accepts
};

// Matches a decoded path against the table. A parameter matches one non-empty segment.
RouteMatch match_route(std::string_view method, std::string_view path);

}  // namespace clearhouse::service
