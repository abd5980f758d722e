// The `safeguard` command: serve, init, demo, workdays, calendar, rebuild, audit, users, tokens,
// access. Thin: each subcommand parses and checks its arguments, calls a use case, and prints the
// result. Bad arguments exit with 2 and a message saying what is wrong; an operation that fails
// (or a check that finds a problem) exits with 1; success is 0.
#pragma once

namespace safeguard::cli {

int run(int argc, char** argv);

}  // namespace safeguard::cli
