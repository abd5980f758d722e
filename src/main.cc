// The one binary: everything is a subcommand of `safeguard` (see cli/cli.h).
#include "cli/cli.h"

int main(int argc, char** argv) { return safeguard::cli::run(argc, argv); }
