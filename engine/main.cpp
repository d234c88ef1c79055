// clearhouse: X12 837P/835 claim processing engine. One binary, subcommands in engine/cli.
#include "engine/cli/command.hpp"

int main(int argc, char** argv) { return clearhouse::cli::dispatch(argc, argv); }
