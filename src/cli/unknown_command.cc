#include "cli/unknown_command.h"

#include <algorithm>
#include <utility>

#include "core/edit_distance.h"
#include "core/terminal_text.h"

namespace newsfuse::cli {

std::string UnknownCommandMessage(const std::string& typed,
                                  const std::vector<std::string>& commands) {
  // Every command within two edits: `storys` is one edit from story and two
  // from stories, and either may be what was meant.
  std::vector<std::pair<size_t, std::string>> near;
  for (const auto& command : commands) {
    const size_t d = command.rfind(typed, 0) == 0 ? 1 : EditDistance(typed, command);
    if (d <= 2) near.emplace_back(d, command);
  }
  std::stable_sort(near.begin(), near.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::string message = "unknown command '" + TerminalSafeLine(typed) + "'";
  if (!near.empty()) {
    message += "; did you mean";
    for (size_t i = 0; i < near.size(); ++i) {
      message += std::string(i == 0                 ? " '"
                             : i + 1 == near.size() ? " or '"
                                                    : ", '") +
                 near[i].second + "'";
    }
    return message + "?";
  }
  message += "; the commands are";
  for (size_t i = 0; i < commands.size(); ++i) message += (i ? ", " : " ") + commands[i];
  return message;
}

}  // namespace newsfuse::cli
