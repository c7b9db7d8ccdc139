// What `newsfuse storys` says: CLI11 alone answers "A subcommand is required",
// which does not tell a newcomer that the word was read, nor what was meant.
#pragma once

#include <string>
#include <vector>

namespace newsfuse::cli {

// The message for a first argument `typed` that names no command among
// `commands`: "unknown command 'storys'; did you mean 'story' or 'stories'?"
// naming every command within two edits (or starting with `typed`), nearest
// first; else the list of commands.
std::string UnknownCommandMessage(const std::string& typed,
                                  const std::vector<std::string>& commands);

}  // namespace newsfuse::cli
