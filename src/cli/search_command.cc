#include <fmt/format.h>

#include <cstdio>

#include "cli/command.h"
#include "cli/plain_query.h"
#include "core/terminal_text.h"

namespace newsfuse::cli {
namespace {

struct SearchArgs {
  StoreFlags store;
  std::vector<std::string> words;
  int limit = 10;
  bool raw_fts = false;
};

int RunSearch(const SearchArgs& args) {
  auto store = OpenStore(args.store.db, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status());
  // Several arguments are one query (`search al-Sharaa election`), so a
  // newcomer need not quote it; a quoted phrase needs its own quotes inside.
  std::string typed;
  for (const auto& word : args.words) typed += (typed.empty() ? "" : " ") + word;
  std::string query = typed;
  if (!args.raw_fts) {
    auto built = PlainWordsToFts(typed);
    if (!built.ok()) return Fail(built.status());
    query = std::move(built).value();
  }
  auto hits = (*store)->Search(query, args.limit);
  if (!hits.ok()) return Fail(hits.status());
  // An empty screen reads as a fault; say the search ran and found nothing.
  if (hits->empty()) {
    std::fprintf(stderr, "no matches for '%s'\n", TerminalSafeLine(typed).c_str());
    return 0;
  }
  // Outlet, title and snippet are page text: stripped of escape sequences
  // and kept on their lines (core/terminal_text.h).
  for (const auto& hit : *hits) {
    // The date tells a hit of today from one of last year at a glance.
    fmt::print("{}  {}  {}  {} — {}\n    {}\n",
               hit.story_id.empty() ? "-" : TerminalSafeLine(hit.story_id),
               TerminalSafeLine(hit.article_id.substr(0, 12)),
               hit.published.empty() ? std::string("undated")
                                     : TerminalSafeLine(hit.published.substr(0, 10)),
               TerminalSafeLine(hit.outlet), TerminalSafeLine(hit.title),
               TerminalSafeLine(hit.snippet));
  }
  return 0;
}

}  // namespace

void RegisterSearch(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Full-text search over stored articles");
  cmd->add_option("query", args->words,
                  "Words (all must match), '\"a quoted phrase\"', -word to exclude (quote the "
                  "whole query when it starts with -)")
      ->required();
  cmd->add_flag("--fts", args->raw_fts,
                "Pass the query as raw FTS5 syntax (OR, NOT, NEAR, prefix*, column filters)");
  cmd->add_option("-n,--limit", args->limit, "Most hits to show (default 10)")
      ->check(CLI::Range(1, 1000));
  args->store.Add(*cmd);
  cmd->callback([args, &exit_code] { exit_code = RunSearch(*args); });
}

}  // namespace newsfuse::cli
