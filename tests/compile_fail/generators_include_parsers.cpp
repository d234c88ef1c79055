// layer: clearhouse_generators
// A generator sees the model only: not the parsers beside it, nor the engine above it.
#include "engine/model/money.hpp"
#ifdef CLEARHOUSE_COMPILE_FAIL
#include "parsers/x12/delimiters.hpp"
#endif

int main() { return static_cast<int>(clearhouse::model::Money::from_cents(0).cents()); }
