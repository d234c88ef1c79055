// schemas/openapi.yaml documents exactly the routes the service answers: every route of the
// table is there with its method, and nothing there is missing from the table. Also checks
// that protected routes declare the bearer scheme and the roles that may call them.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>
#include <set>
#include <string>

#include "engine/service/access_control.hpp"
#include "engine/service/router.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::service {
namespace {

struct Operation {
  bool secured = false;      // has a `security:` with bearer
  std::string roles;         // the x-roles line
  std::set<int> responses;   // status codes listed
};

// A deliberately small reader for the document's own layout: paths at two spaces, methods at
// four, operation keys at six, response codes at eight.
std::map<std::pair<std::string, std::string>, Operation> read_operations(const std::string& text) {
  std::map<std::pair<std::string, std::string>, Operation> out;
  std::istringstream in(text);
  std::string line, path, method;
  bool in_paths = false, in_responses = false;
  auto indent = [](const std::string& l) { return l.find_first_not_of(' '); };
  while (std::getline(in, line)) {
    if (line.empty() || line.find_first_not_of(' ') == std::string::npos) continue;
    const auto ind = indent(line);
    if (ind == 0) {
      in_paths = line.rfind("paths:", 0) == 0;
      continue;
    }
    if (!in_paths) continue;
    std::string key = line.substr(ind);
    if (ind == 2 && key.front() == '/') {
      path = key.substr(0, key.find(':'));
      method.clear();
    } else if (ind == 4) {
      const std::string m = key.substr(0, key.find(':'));
      if (m == "get" || m == "post" || m == "put" || m == "delete" || m == "patch") {
        method = m;
        for (auto& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        out[{method, path}];
      } else {
        method.clear();
      }
      in_responses = false;
    } else if (ind == 6 && !method.empty()) {
      auto& op = out[{method, path}];
      in_responses = key.rfind("responses:", 0) == 0;
      if (key.rfind("security:", 0) == 0 && key.find("bearer") != std::string::npos) op.secured = true;
      if (key.rfind("x-roles:", 0) == 0) op.roles = key;
    } else if (ind == 8 && !method.empty() && in_responses) {
      if (key.front() == '\'' || key.front() == '"') key = key.substr(1);
      if (std::isdigit(static_cast<unsigned char>(key.front()))) out[{method, path}].responses.insert(std::stoi(key));
    }
  }
  return out;
}

TEST(OpenApi, DocumentsEveryRouteAndNothingElse) {
  const std::string text = testing::read_file(testing::source_dir() / "schemas" / "openapi.yaml");
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(text.rfind("openapi: 3.", 0), 0u);
  const auto ops = read_operations(text);
  std::set<std::pair<std::string, std::string>> table;
  for (const auto& r : routes()) table.insert({std::string(r.method), std::string(r.path)});
  for (const auto& key : table) EXPECT_TRUE(ops.count(key)) << key.first << " " << key.second << " is not in openapi.yaml";
  for (const auto& [key, op] : ops)
    EXPECT_TRUE(table.count(key)) << key.first << " " << key.second << " is in openapi.yaml but not in the router";
}

TEST(OpenApi, ProtectedRoutesDeclareBearerRolesAndRefusals) {
  const auto ops = read_operations(testing::read_file(testing::source_dir() / "schemas" / "openapi.yaml"));
  for (const auto& r : routes()) {
    const auto it = ops.find({std::string(r.method), std::string(r.path)});
    if (it == ops.end()) continue;  // reported above
    const Operation& op = it->second;
    if (r.permission == Permission::none) {
      EXPECT_FALSE(op.secured) << r.path;
      continue;
    }
    EXPECT_TRUE(op.secured) << r.method << " " << r.path << " needs `security: [{bearer: []}]`";
    EXPECT_TRUE(op.responses.count(401)) << r.path;
    EXPECT_TRUE(op.responses.count(403)) << r.path;
    for (Role role : all_roles()) {
      const bool listed = op.roles.find(std::string(role_name(role))) != std::string::npos;
      EXPECT_EQ(listed, role_allows(role, r.permission)) << r.method << " " << r.path << " x-roles vs " << role_name(role);
    }
    if (r.body != BodyKind::none) {
      EXPECT_TRUE(op.responses.count(413)) << r.path;
      EXPECT_TRUE(op.responses.count(415)) << r.path;
    }
  }
}

}  // namespace
}  // namespace clearhouse::service
