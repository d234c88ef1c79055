// layer: clearhouse_parsers
// A parser sees the model and the code rules and nothing of the engine above them
// (../shared/DESIGN.md): compiled with the parsers' include view, the model and engine/codes
// are found and the ledger is not.
#include "engine/codes/npi.hpp"
#include "engine/model/money.hpp"
#ifdef CLEARHOUSE_COMPILE_FAIL
#include "engine/ledger/ledger_url.hpp"
#endif

int main() { return static_cast<int>(clearhouse::model::Money::from_cents(0).cents()); }
