// Bearer tokens: parsing entries, digests only in memory, constant-time comparison, roles.
#include <gtest/gtest.h>

#include "engine/service/access_control.hpp"
#include "engine/util/sha256.hpp"
#include "tests/support/test_paths.hpp"

namespace clearhouse::service {
namespace {

TEST(AccessControl, TokenRoleEntriesAuthenticate) {
  TokenStore store;
  std::string error;
  ASSERT_TRUE(store.add_list("biller-token-aaaaaaaa:biller, submit-token-bbbbbbbb:submitter", error)) << error;
  EXPECT_EQ(store.size(), 2u);
  auto p = store.authenticate("biller-token-aaaaaaaa");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->role, Role::biller);
  EXPECT_EQ(p->name.rfind("biller-", 0), 0u);
  p = store.authenticate_header("Bearer submit-token-bbbbbbbb");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->role, Role::submitter);
  EXPECT_TRUE(store.authenticate_header("bearer  submit-token-bbbbbbbb "));  // scheme is case-insensitive
  EXPECT_FALSE(store.authenticate("biller-token-aaaaaaab"));
  EXPECT_FALSE(store.authenticate(""));
  EXPECT_FALSE(store.authenticate_header("Basic YmlsbGVyOnh4"));
  EXPECT_FALSE(store.authenticate_header("Bearer"));
}

TEST(AccessControl, NamedAndDigestEntries) {
  TokenStore store;
  std::string error;
  ASSERT_TRUE(store.add("front-desk-token-01:biller:Dana", error)) << error;
  const std::string digest = util::sha256_hex("machine-token-0000001");
  ASSERT_TRUE(store.add("sha256=" + digest + ":uploader:intake-system", error)) << error;
  auto dana = store.authenticate("front-desk-token-01");
  ASSERT_TRUE(dana);
  EXPECT_EQ(dana->name, "Dana");
  auto machine = store.authenticate("machine-token-0000001");
  ASSERT_TRUE(machine);
  EXPECT_EQ(machine->role, Role::uploader);
  EXPECT_EQ(machine->name, "intake-system");
}

TEST(AccessControl, BadEntriesAreRefused) {
  TokenStore store;
  std::string error;
  EXPECT_FALSE(store.add("no-role-here-at-all", error));
  EXPECT_FALSE(store.add("long-enough-token-1:admin", error));
  EXPECT_NE(error.find("unknown role"), std::string::npos);
  EXPECT_FALSE(store.add("short:biller", error));  // guessable
  EXPECT_FALSE(store.add("sha256=abcd:biller", error));
  EXPECT_EQ(store.size(), 0u);
}

TEST(AccessControl, TokensFileSkipsCommentsAndNeverEchoesSecrets) {
  const auto dir = testing::scratch_dir("tokens-file");
  testing::write_file(dir / "tokens", "# billers\nbiller-token-aaaaaaaa:biller\n\nreader-token-cccccccc:reader\n");
  TokenStore store;
  std::string error;
  ASSERT_TRUE(store.load_file((dir / "tokens").string(), error)) << error;
  EXPECT_EQ(store.size(), 2u);
  testing::write_file(dir / "bad", "secret-value-xxxxxxxx:root\n");
  TokenStore bad;
  EXPECT_FALSE(bad.load_file((dir / "bad").string(), error));
  EXPECT_NE(error.find("line 1"), std::string::npos);
  EXPECT_EQ(error.find("secret-value"), std::string::npos);
}

TEST(AccessControl, DigestsCompareEqualOnlyWhenEqual) {
  const auto a = TokenStore::digest("one-token-aaaaaaaaaa");
  auto b = a;
  EXPECT_TRUE(constant_time_equal(a, b));
  b[31] ^= 1;
  EXPECT_FALSE(constant_time_equal(a, b));
  b = a;
  b[0] ^= 0x80;
  EXPECT_FALSE(constant_time_equal(a, b));
}

TEST(AccessControl, RolesGrantLeastPrivilege) {
  EXPECT_TRUE(role_allows(Role::reader, Permission::read_worklist));
  EXPECT_FALSE(role_allows(Role::reader, Permission::work_worklist));
  EXPECT_FALSE(role_allows(Role::reader, Permission::submit));
  EXPECT_TRUE(role_allows(Role::biller, Permission::work_worklist));
  EXPECT_FALSE(role_allows(Role::biller, Permission::submit));
  EXPECT_TRUE(role_allows(Role::uploader, Permission::submit));
  EXPECT_FALSE(role_allows(Role::uploader, Permission::read_worklist));
  for (auto p : {Permission::read_worklist, Permission::work_worklist, Permission::submit})
    EXPECT_TRUE(role_allows(Role::submitter, p));
  for (auto r : all_roles()) EXPECT_TRUE(role_allows(r, Permission::none));
}

}  // namespace
}  // namespace clearhouse::service
