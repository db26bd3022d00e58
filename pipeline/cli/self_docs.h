// The man page and the shell completion scripts, generated from the command-line definition
// that --help prints, so they cannot drift from it. The build runs `dossier --generate-man`
// and `dossier --generate-completion bash|zsh` and installs what they print.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace dossier::cli {

// dossier(1) in roff (man(7) macros).
std::string man_page(const CLI::App& app, const std::string& version, const std::string& date);

// A completion script for "bash" or "zsh": subcommands, their options, the values an option
// lists in its type ("TEXT:{text,json}"), and file names for everything else.
std::string completion_script(const CLI::App& app, const std::string& shell);

}  // namespace dossier::cli
