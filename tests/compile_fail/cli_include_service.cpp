// layer: clearhouse_cli
// The CLI does not reach into the service either; main.cpp alone joins the two.
#include "engine/command_line/command.hpp"
#ifdef CLEARHOUSE_COMPILE_FAIL
#include "engine/service/serve_command.hpp"
#endif

int main() { return clearhouse::command_line::kExitOk; }
