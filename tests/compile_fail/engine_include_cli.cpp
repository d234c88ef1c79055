// layer: clearhouse_engine
// The engine core serves the CLI and the service and sees neither of them.
#include "engine/command_line/command.hpp"
#ifdef CLEARHOUSE_COMPILE_FAIL
#include "engine/cli/command.hpp"
#endif

int main() { return clearhouse::command_line::kExitOk; }
