// layer: clearhouse_service
// The service and the CLI sit side by side on the engine: what both need lives below them
// (engine/command_line, engine/validation), so the service never includes the CLI.
#include "engine/command_line/command.hpp"
#ifdef CLEARHOUSE_COMPILE_FAIL
#include "engine/cli/command.hpp"
#endif

int main() { return clearhouse::command_line::kExitOk; }
