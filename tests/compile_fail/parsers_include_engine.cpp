// layer: clearhouse_parsers
// A parser sees the model and nothing of the engine above it (../shared/DESIGN.md): compiled
// with the parsers' include view, the model is found and the ledger is not.
#include "engine/model/money.hpp"
#ifdef CLEARHOUSE_COMPILE_FAIL
#include "engine/ledger/ledger_url.hpp"
#endif

int main() { return static_cast<int>(clearhouse::model::Money::from_cents(0).cents()); }
