// layer: clearhouse_codes
// The code rules sit beside the model, below the parsers (which call them): compiled with the
// codes' include view, the model is found and the parsers and the claim edits are not.
#include "engine/codes/npi.hpp"
#include "engine/model/money.hpp"
#ifdef CLEARHOUSE_COMPILE_FAIL
#include "parsers/x12/delimiters.hpp"
#endif

int main() { return clearhouse::codes::is_valid_npi("1234567893") ? 0 : 1; }
