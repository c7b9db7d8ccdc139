#include "cli/unknown_command.h"

#include <algorithm>
#include <utility>

#include "core/terminal_text.h"

namespace newsfuse::cli {
namespace {

// Levenshtein distance; command names are short, so the full table is cheap.
size_t EditDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

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
