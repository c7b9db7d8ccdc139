// `newsfuse stories` lists what the store holds; `newsfuse story ID` prints one.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "core/terminal_text.h"
#include "pipeline/pipeline.h"
#include "render/render.h"

namespace newsfuse::cli {
namespace {

struct StoriesArgs {
  StoreFlags store;
  int limit = 0;  // 0: all
  std::string sort = "recent";
  std::string format = "text";
};

// recent: newest first appearance first; updated: latest article first;
// size: most articles first. A story with no dated article has no place in
// time, so it comes after every dated one whatever the order, then by size.
void SortStories(std::vector<StoryRow>& rows, const std::string& sort) {
  auto date_of = [&](const StoryRow& row) -> const std::string& {
    return sort == "recent" ? row.first_seen : row.last_seen;
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const StoryRow& a, const StoryRow& b) {
    const size_t size_a = a.story.article_ids.size(), size_b = b.story.article_ids.size();
    if (sort == "size" && size_a != size_b) return size_a > size_b;
    const std::string& da = date_of(a);
    const std::string& db = date_of(b);
    if (da.empty() != db.empty()) return db.empty();
    if (da != db) return da > db;
    if (size_a != size_b) return size_a > size_b;
    return a.story.id < b.story.id;
  });
}

std::string StoriesJson(const std::vector<StoryRow>& rows, size_t shown, size_t articles) {
  nlohmann::json list = nlohmann::json::array();
  for (size_t i = 0; i < shown; ++i) {
    const StoryRow& row = rows[i];
    list.push_back(nlohmann::json{
        {"id", row.story.id},
        {"headline", row.headline},
        {"articles", row.story.article_ids.size()},
        {"copies", row.story.copy_of.size()},
        {"first_seen", row.first_seen.empty() ? nlohmann::json() : nlohmann::json(row.first_seen)},
        {"last_seen", row.last_seen.empty() ? nlohmann::json() : nlohmann::json(row.last_seen)},
        {"outlets", row.outlets}});
  }
  // Page text may hold invalid UTF-8; replace it rather than throw.
  return nlohmann::json{{"total_stories", rows.size()},
                        {"total_articles", articles},
                        {"stories", std::move(list)}}
             .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
         "\n";
}

struct StoryArgs {
  StoreFlags store;
  SummaryFlags summary;
  std::string id;
  std::string format = "md";
};

int RunStories(const StoriesArgs& args) {
  auto store = OpenStore(args.store.db, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status());
  auto rows = (*store)->ListStories();
  if (!rows.ok()) return Fail(rows.status());
  SortStories(*rows, args.sort);
  size_t articles = 0;
  for (const auto& row : *rows) articles += row.story.article_ids.size();
  const size_t shown =
      args.limit > 0 ? std::min(rows->size(), static_cast<size_t>(args.limit)) : rows->size();
  if (args.format == "json") {
    std::fputs(StoriesJson(*rows, shown, articles).c_str(), stdout);
    return 0;
  }
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
  for (size_t i = 0; i < shown; ++i) {
    const StoryRow& row = (*rows)[i];
    // The headline is a page's title: stripped of escape sequences and kept
    // on its row, so a page cannot rewrite the user's terminal or forge rows.
    fmt::print("{:<14} {:>8} {:>6} {:<11} {:<11} {}\n", TerminalSafeLine(row.story.id),
               row.story.article_ids.size(), row.story.copy_of.size(), date_column(row.first_seen),
               date_column(row.last_seen), TerminalSafeLine(row.headline));
  }
  if (shown < rows->size()) fmt::print("showing {} of ", shown);
  fmt::print("{} {}, {} {}\n", rows->size(), rows->size() == 1 ? "story" : "stories", articles,
             articles == 1 ? "article" : "articles");
  return 0;
}

// A report built by a read-only `story` is cached through a second,
// writable connection, opened after the reader is closed so the last one to
// close removes the WAL files, and waiting little: the reader already has
// its report, and a writer busy with an ingest will change the story anyway.
void CacheBuiltReport(const std::string& db, const std::string& builder, const StoryReport& report,
                      int64_t story_version) {
  StoreOptions options;
  options.busy_timeout_ms = 200;
  options.write_wait_ms = 200;
  auto store = OpenStoreAt(db, options);
  if (!store.ok()) return;  // a read-only file or folder: served uncached
  (void)SaveReport(**store, report, story_version, builder);
}

int RunStory(const StoryArgs& args) {
  auto store = OpenStore(args.store.db, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status());
  PipelineOptions options;
  args.summary.ApplyTo(options);
  Pipeline pipeline(**store, options);
  if (args.format == "md") {
    // An unchanged story prints the Markdown cached with its report: no
    // analysis, no JSON parse, no rendering.
    auto cached = CachedMarkdown(**store, args.id, pipeline.ReportBuilder());
    if (!cached.ok()) return Fail(cached.status());
    if (*cached) {
      std::fputs((*cached)->c_str(), stdout);
      return 0;
    }
  }
  ReportOrigin origin;
  auto report = pipeline.Report(args.id, &origin);
  if (!report.ok()) return Fail(report.status());
  const std::string text = args.format == "json"   ? RenderJson(*report)
                           : args.format == "html" ? RenderHtml(*report)
                                                   : RenderMarkdown(*report);
  // Every renderer already strips control sequences from the page's text
  // (render/render.h), so the report is printed as rendered.
  std::fputs(text.c_str(), stdout);
  std::fflush(stdout);
  if (!origin.from_cache && !origin.saved && origin.story_version > 0) {
    const std::string builder = pipeline.ReportBuilder();
    store->reset();  // the pipeline is not used past this point
    CacheBuiltReport(args.store.db, builder, *report, origin.story_version);
  }
  return 0;
}

}  // namespace

void RegisterStories(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<StoriesArgs>();
  CLI::App* cmd = app.add_subcommand("stories", "List stories: size, copies, dates, headline");
  cmd->add_option("-n,--limit", args->limit, "Most stories to list (default: all)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--sort", args->sort,
                  "recent (newest first seen), updated (latest article) or size; undated "
                  "stories come last")
      ->check(CLI::IsMember({"recent", "updated", "size"}))
      ->capture_default_str();
  cmd->add_option("--format", args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  args->store.Add(*cmd);
  cmd->callback([args, &exit_code] { exit_code = RunStories(*args); });
}

void RegisterStory(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<StoryArgs>();
  CLI::App* cmd = app.add_subcommand("story", "Print one story's report");
  cmd->add_option("id", args->id, "Story id, as `newsfuse stories` lists it")->required();
  cmd->add_option("--format", args->format, "md, json or html")
      ->check(CLI::IsMember({"md", "json", "html"}));
  args->summary.Add(*cmd);
  args->store.Add(*cmd);
  cmd->callback([args, &exit_code] { exit_code = RunStory(*args); });
}

}  // namespace newsfuse::cli
