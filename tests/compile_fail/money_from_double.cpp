// Money must never be made from floating point. Built twice by ctest: as is (must compile,
// proving the test is sound) and with CLEARHOUSE_COMPILE_FAIL defined (must not compile).
#include "engine/model/money.hpp"

int main() {
  auto ok = clearhouse::model::Money::from_cents(150);
#ifdef CLEARHOUSE_COMPILE_FAIL
  auto bad = clearhouse::model::Money::from_cents(1.5);
  return static_cast<int>(ok.cents() + bad.cents());
#else
  return static_cast<int>(ok.cents() - 150);
#endif
}
