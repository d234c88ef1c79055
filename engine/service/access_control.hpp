#pragma once
// Who may call what: bearer tokens mapped to roles, roles to permissions.
//
// Tokens come from `--tokens FILE` (one `TOKEN:ROLE[:NAME]` or `sha256=HEX:ROLE[:NAME]` per
// line, `#` comments) or from CLEARHOUSE_TOKENS="TOKEN:ROLE,TOKEN:ROLE". Only SHA-256 digests
// of tokens are kept in memory, and a presented token is hashed and compared against every
// stored digest in constant time (no early exit, no map lookup keyed by the secret), so
// neither timing nor a memory dump gives a token away.
//
// Roles (least privilege; a route needs one permission):
//   reader     read claims, the worklist and the report (a practice manager)
//   biller     reader + work the worklist (resolve, assign)
//   uploader   post claims and remittances, validate, fetch 837 batches (a system integration)
//   submitter  everything: biller + uploader

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clearhouse::service {

enum class Permission : std::uint8_t {
  none = 0,           // public (healthz, metrics, the page's static files)
  read_worklist = 1,  // GET claims, worklist, report
  work_worklist = 2,  // resolve, assign
  submit = 4,         // POST claims, remittances, validate; GET batches
};

enum class Role : std::uint8_t { reader, biller, uploader, submitter };

std::string_view role_name(Role r);
std::optional<Role> parse_role(std::string_view name);
bool role_allows(Role r, Permission p);
// Every role, for tests and the OpenAPI description.
const std::vector<Role>& all_roles();

// The caller a token identifies. name is for worklist history ("who resolved it"); it is the
// token's optional third field, else the role and the first 8 hex digits of its digest.
struct Principal {
  Role role = Role::reader;
  std::string name;
};

using TokenDigest = std::array<unsigned char, 32>;

class TokenStore {
 public:
  // Adds one `TOKEN:ROLE[:NAME]` or `sha256=HEX:ROLE[:NAME]` entry; false with error set when
  // it is malformed (empty token, unknown role, bad digest). Tokens shorter than 16 characters
  // are refused: a bearer token must not be guessable.
  bool add(std::string_view entry, std::string& error);
  // A comma-separated list (CLEARHOUSE_TOKENS).
  bool add_list(std::string_view list, std::string& error);
  // A file of entries, one per line; blank lines and # comments ignored.
  bool load_file(const std::string& path, std::string& error);

  // The principal for a presented token, or nullopt. Constant time in the token's content.
  std::optional<Principal> authenticate(std::string_view token) const;
  // The principal for an `Authorization` header value ("Bearer TOKEN"), or nullopt.
  std::optional<Principal> authenticate_header(std::string_view authorization) const;

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  static TokenDigest digest(std::string_view token);

 private:
  struct Entry {
    TokenDigest digest;
    Principal principal;
  };
  std::vector<Entry> entries_;
};

// True when a and b are equal, taking the same time wherever they differ.
bool constant_time_equal(const TokenDigest& a, const TokenDigest& b);

}  // namespace clearhouse::service
