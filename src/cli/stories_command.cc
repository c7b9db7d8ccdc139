// `newsfuse stories` lists what the store holds; `newsfuse story ID` prints one.
#include <fmt/format.h>

#include <cstdio>

#include "cli/command.h"
#include "core/terminal_text.h"
#include "pipeline/pipeline.h"
#include "render/render.h"

namespace newsfuse::cli {
namespace {

struct StoriesArgs {
  StoreFlags store;
};

struct StoryArgs {
  StoreFlags store;
  std::string id;
  std::string format = "md";
};

int RunStories(const StoriesArgs& args) {
  auto store = OpenStore(args.store.db, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status());
  auto rows = (*store)->ListStories();
  if (!rows.ok()) return Fail(rows.status());
  // COPIES counts the articles among ARTICLES that are near-duplicates of
  // another (wire copies, reprints): ARTICLES - COPIES is the number of
  // independent reports.
  fmt::print("{:<14} {:>8} {:>6} {:<11} {:<11} {}\n", "STORY", "ARTICLES", "COPIES", "FIRST",
             "LAST", "HEADLINE");
  // Blank date columns would read as a display fault; a story with no dated
  // article says so, since clustering and the timeline had no time for it.
  auto date_column = [](const std::string& iso) {
    return iso.empty() ? std::string("undated") : TerminalSafeLine(iso.substr(0, 10));
  };
  for (const auto& row : *rows) {
    // The headline is a page's title: stripped of escape sequences and kept
    // on its row, so a page cannot rewrite the user's terminal or forge rows.
    fmt::print("{:<14} {:>8} {:>6} {:<11} {:<11} {}\n", TerminalSafeLine(row.story.id),
               row.story.article_ids.size(), row.story.copy_of.size(), date_column(row.first_seen),
               date_column(row.last_seen), TerminalSafeLine(row.headline));
  }
  return 0;
}

int RunStory(const StoryArgs& args) {
  auto store = OpenStore(args.store.db, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status());
  Pipeline pipeline(**store);
  auto report = pipeline.Report(args.id);
  if (!report.ok()) return Fail(report.status());
  const std::string text = args.format == "json"   ? RenderJson(*report)
                           : args.format == "html" ? RenderHtml(*report)
                                                   : RenderMarkdown(*report);
  // Every renderer already strips control sequences from the page's text
  // (render/render.h), so the report is printed as rendered.
  std::fputs(text.c_str(), stdout);
  return 0;
}

}  // namespace

void RegisterStories(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<StoriesArgs>();
  CLI::App* cmd = app.add_subcommand("stories", "List stories: size, copies, dates, headline");
  args->store.Add(*cmd);
  cmd->callback([args, &exit_code] { exit_code = RunStories(*args); });
}

void RegisterStory(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<StoryArgs>();
  CLI::App* cmd = app.add_subcommand("story", "Print one story's report");
  cmd->add_option("id", args->id, "Story id, as `newsfuse stories` lists it")->required();
  cmd->add_option("--format", args->format, "md, json or html")
      ->check(CLI::IsMember({"md", "json", "html"}));
  args->store.Add(*cmd);
  cmd->callback([args, &exit_code] { exit_code = RunStory(*args); });
}

}  // namespace newsfuse::cli
