#include <fmt/format.h>

#include "cli/command.h"
#include "core/terminal_text.h"

namespace newsfuse::cli {
namespace {

struct SearchArgs {
  StoreFlags store;
  std::string query;
  int limit = 10;
};

int RunSearch(const SearchArgs& args) {
  auto store = OpenStore(args.store.db, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status());
  auto hits = (*store)->Search(args.query, args.limit);
  if (!hits.ok()) return Fail(hits.status());
  // Outlet, title and snippet are page text: stripped of escape sequences
  // and kept on their lines (core/terminal_text.h).
  for (const auto& hit : *hits) {
    fmt::print("{}  {}  {} — {}\n    {}\n",
               hit.story_id.empty() ? "-" : TerminalSafeLine(hit.story_id),
               TerminalSafeLine(hit.article_id.substr(0, 12)), TerminalSafeLine(hit.outlet),
               TerminalSafeLine(hit.title), TerminalSafeLine(hit.snippet));
  }
  return 0;
}

}  // namespace

void RegisterSearch(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Full-text search over stored articles");
  cmd->add_option("query", args->query, "Words or a \"quoted phrase\"")->required();
  cmd->add_option("-n,--limit", args->limit, "Most hits to show (default 10)")
      ->check(CLI::Range(1, 1000));
  args->store.Add(*cmd);
  cmd->callback([args, &exit_code] { exit_code = RunSearch(*args); });
}

}  // namespace newsfuse::cli
