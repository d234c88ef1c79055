#include "engine/service/access_control.hpp"

#include <fmt/format.h>

#include <fstream>

#include "engine/util/sha256.hpp"

namespace clearhouse::service {
namespace {

constexpr std::size_t kMinTokenLength = 16;

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool parse_digest(std::string_view hex, TokenDigest& out) {
  if (hex.size() != 64) return false;
  for (std::size_t i = 0; i < 32; ++i) {
    const int hi = hex_value(hex[2 * i]), lo = hex_value(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return false;
    out[i] = static_cast<unsigned char>(hi * 16 + lo);
  }
  return true;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

}  // namespace

std::string_view role_name(Role r) {
  switch (r) {
    case Role::reader: return "reader";
    case Role::biller: return "biller";
    case Role::uploader: return "uploader";
    case Role::submitter: return "submitter";
  }
  return "reader";
}

std::optional<Role> parse_role(std::string_view name) {
  for (Role r : all_roles())
    if (role_name(r) == name) return r;
  return std::nullopt;
}

const std::vector<Role>& all_roles() {
  static const std::vector<Role> kRoles = {Role::reader, Role::biller, Role::uploader, Role::submitter};
  return kRoles;
}

bool role_allows(Role r, Permission p) {
  unsigned granted = 0;
  switch (r) {
    case Role::reader: granted = unsigned(Permission::read_worklist); break;
    case Role::biller: granted = unsigned(Permission::read_worklist) | unsigned(Permission::work_worklist); break;
    case Role::uploader: granted = unsigned(Permission::submit); break;
    case Role::submitter:
      granted = unsigned(Permission::read_worklist) | unsigned(Permission::work_worklist) | unsigned(Permission::submit);
      break;
  }
  return p == Permission::none || (granted & unsigned(p)) == unsigned(p);
}

TokenDigest TokenStore::digest(std::string_view token) {
  TokenDigest out{};
  parse_digest(util::sha256_hex(token), out);
  return out;
}

bool constant_time_equal(const TokenDigest& a, const TokenDigest& b) {
  // volatile keeps the compiler from turning the loop into an early-exit memcmp.
  volatile unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff = diff | (a[i] ^ b[i]);
  return diff == 0;
}

bool TokenStore::add(std::string_view entry, std::string& error) {
  entry = trim(entry);
  // The secret may itself contain ':' only in digest form; plain tokens split at the last
  // one or two colons (ROLE, or ROLE:NAME).
  std::string_view secret = entry, role_text, name;
  const auto last = entry.rfind(':');
  if (last == std::string_view::npos) {
    error = "token entry needs TOKEN:ROLE";
    return false;
  }
  role_text = entry.substr(last + 1);
  secret = entry.substr(0, last);
  if (!parse_role(role_text)) {
    // TOKEN:ROLE:NAME
    const auto before = secret.rfind(':');
    if (before != std::string_view::npos && parse_role(secret.substr(before + 1))) {
      name = role_text;
      role_text = secret.substr(before + 1);
      secret = secret.substr(0, before);
    }
  }
  const auto role = parse_role(role_text);
  if (!role) {
    error = fmt::format("unknown role '{}' (roles: reader, biller, uploader, submitter)", role_text);
    return false;
  }
  Entry e;
  if (secret.substr(0, 7) == "sha256=") {
    if (!parse_digest(secret.substr(7), e.digest)) {
      error = "sha256= needs 64 hex digits";
      return false;
    }
  } else {
    if (secret.size() < kMinTokenLength) {
      error = fmt::format("a token must have at least {} characters", kMinTokenLength);
      return false;
    }
    e.digest = digest(secret);
  }
  e.principal.role = *role;
  if (!name.empty()) {
    e.principal.name = std::string(name);
  } else {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string prefix;
    for (int i = 0; i < 4; ++i) {
      prefix.push_back(kHex[e.digest[i] >> 4]);
      prefix.push_back(kHex[e.digest[i] & 0xF]);
    }
    e.principal.name = fmt::format("{}-{}", role_name(*role), prefix);
  }
  entries_.push_back(std::move(e));
  return true;
}

bool TokenStore::add_list(std::string_view list, std::string& error) {
  std::size_t start = 0;
  while (start <= list.size()) {
    auto end = list.find(',', start);
    if (end == std::string_view::npos) end = list.size();
    const auto item = trim(list.substr(start, end - start));
    if (!item.empty() && !add(item, error)) return false;
    start = end + 1;
  }
  return true;
}

bool TokenStore::load_file(const std::string& path, std::string& error) {
  std::ifstream in(path);
  if (!in) {
    error = fmt::format("cannot read tokens file {}", path);
    return false;
  }
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const auto text = trim(line);
    if (text.empty() || text.front() == '#') continue;
    if (!add(text, error)) {
      error = fmt::format("{} line {}: {}", path, number, error);  // never the line itself: it holds a secret
      return false;
    }
  }
  return true;
}

std::optional<Principal> TokenStore::authenticate(std::string_view token) const {
  if (token.empty()) return std::nullopt;
  const TokenDigest presented = digest(token);
  const Entry* found = nullptr;
  for (const auto& e : entries_)
    if (constant_time_equal(e.digest, presented) && found == nullptr) found = &e;
  if (found == nullptr) return std::nullopt;
  return found->principal;
}

std::optional<Principal> TokenStore::authenticate_header(std::string_view authorization) const {
  authorization = trim(authorization);
  // The scheme is case-insensitive (RFC 7235).
  if (authorization.size() < 7) return std::nullopt;
  const std::string_view scheme = authorization.substr(0, 7);
  static constexpr std::string_view kBearer = "bearer ";
  for (std::size_t i = 0; i < 7; ++i) {
    char c = scheme[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != kBearer[i]) return std::nullopt;
  }
  return authenticate(trim(authorization.substr(7)));
}

}  // namespace clearhouse::service
