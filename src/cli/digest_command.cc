// `newsfuse digest`: the one command a newcomer runs. Ingests the inputs,
// finds the stories they belong to, prints one line per story (or each report
// whole) and writes its JSON, Markdown and HTML reports to the output folder,
// with an index of every report there.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/command.h"
#include "cli/ingest_run.h"
#include "core/terminal_text.h"
#include "render/index_page.h"
#include "render/render.h"

namespace newsfuse::cli {
namespace {

struct DigestArgs {
  StoreFlags store;
  ClusterFlags cluster;
  SummaryFlags summary;
  std::vector<std::string> sources;
  std::string out_dir = "reports";
  std::string print = "summary";
  ProgressFlags progress;
};

Status WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) return Status::IoError(path.string(), "cannot write report");
  return Status::Ok();
}

// The stories the inputs landed in, in the order their first article arrived.
Result<std::vector<std::string>> StoriesOf(Store& store, const std::vector<std::string>& ids) {
  std::vector<std::string> stories;
  std::set<std::string> seen;
  for (const auto& id : ids) {
    auto story = store.StoryOf(id);
    if (!story.ok()) {
      if (story.status().code() == Status::Code::kNotFound) continue;
      return story.status();
    }
    if (seen.insert(*story).second) stories.push_back(*story);
  }
  return stories;
}

// Every story-*.json in the folder, this run's and earlier runs', newest
// story first and undated ones last. A report that does not parse is
// reported and left out of the index rather than failing the digest.
std::vector<ReportIndexEntry> ReportsIn(const std::filesystem::path& dir) {
  std::vector<ReportIndexEntry> entries;
  std::error_code ec;
  for (const auto& file : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = file.path().filename().string();
    if (name.rfind("story-", 0) != 0 || file.path().extension() != ".json") continue;
    std::ifstream in(file.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    auto report = ParseReportJson(text.str());
    if (!report.ok()) {
      std::fprintf(stderr, "newsfuse: %s: left out of the index: %s\n", file.path().c_str(),
                   report.status().ToString().c_str());
      continue;
    }
    entries.push_back({file.path().stem().string(), std::move(report).value()});
  }
  std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
    const std::string& da =
        a.report.last_updated.empty() ? a.report.first_seen : a.report.last_updated;
    const std::string& db =
        b.report.last_updated.empty() ? b.report.first_seen : b.report.last_updated;
    if (da.empty() != db.empty()) return db.empty();
    if (da != db) return da > db;
    return a.file_stem < b.file_stem;
  });
  return entries;
}

Status WriteIndex(const std::filesystem::path& dir) {
  const auto entries = ReportsIn(dir);
  if (Status s = WriteFile(dir / "index.html", RenderIndexHtml(entries)); !s.ok()) return s;
  return WriteFile(dir / "index.md", RenderIndexMarkdown(entries));
}

// The --print summary line: the story, its size and dates, its headline.
std::string SummaryLine(const StoryReport& report) {
  const std::string dates = StoryUndated(report) || report.first_seen.empty()
                                ? "undated"
                                : report.first_seen.substr(0, 10);
  return fmt::format("{:<14} {:>3} {:<8} {:<10}  {}\n", TerminalSafeLine(report.story_id),
                     report.sources.size(), report.sources.size() == 1 ? "source" : "sources",
                     dates, TerminalSafeLine(report.headline));
}

int RunDigest(const DigestArgs& args) {
  auto store = OpenStore(args.store.db, /*read_only=*/false);
  if (!store.ok()) return Fail(store.status());
  PipelineOptions options;
  args.cluster.ApplyTo(options);
  args.summary.ApplyTo(options);
  Pipeline pipeline(**store, options);
  auto summary = RunIngest(pipeline, **store, args.sources, args.progress);
  if (!summary.ok()) return Fail(summary.status());

  auto stories = StoriesOf(**store, summary->article_ids);
  if (!stories.ok()) return Fail(stories.status());
  std::error_code ec;
  std::filesystem::create_directories(args.out_dir, ec);
  if (ec)
    return Fail(Status::IoError(args.out_dir, "cannot create output folder: " + ec.message()));

  for (const auto& story_id : *stories) {
    auto report = pipeline.Report(story_id);
    if (!report.ok()) return Fail(report.status());
    const std::string json = RenderJson(*report);
    const std::string md = RenderMarkdown(*report);
    const std::string html = RenderHtml(*report);
    const auto base = std::filesystem::path(args.out_dir) / ("story-" + story_id);
    for (const auto& [ext, text] :
         {std::pair{".json", &json}, std::pair{".md", &md}, std::pair{".html", &html}}) {
      if (Status s = WriteFile(base.string() + ext, *text); !s.ok()) return Fail(s);
    }
    if (args.print == "summary") {
      std::fputs(SummaryLine(*report).c_str(), stdout);
    } else if (args.print == "md" || args.print == "json") {
      std::fputs((args.print == "json" ? json : md).c_str(), stdout);
      std::fputs("\n", stdout);
    }
  }
  if (Status s = WriteIndex(args.out_dir); !s.ok()) return Fail(s);
  std::fprintf(stderr, "wrote %zu %s to %s (open %s)\n", stories->size(),
               stories->size() == 1 ? "story report" : "story reports", args.out_dir.c_str(),
               (std::filesystem::path(args.out_dir) / "index.html").c_str());
  return summary->failed > 0 ? 2 : 0;
}

}  // namespace

void RegisterDigest(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<DigestArgs>();
  CLI::App* cmd = app.add_subcommand(
      "digest", "Ingest, cluster and fuse; print each story and write its reports");
  cmd->add_option("sources", args->sources, "Files, directories, or - for stdin")->required();
  cmd->add_option("-o,--out", args->out_dir,
                  "Folder for story-<id>.json, .md and .html and their index.html and index.md "
                  "(default: reports)");
  cmd->add_option("--print", args->print,
                  "What to print: none, summary (one line per story), md or json (each report "
                  "whole)")
      ->check(CLI::IsMember({"none", "summary", "md", "json"}))
      ->capture_default_str();
  args->store.Add(*cmd);
  args->cluster.Add(*cmd);
  args->summary.Add(*cmd);
  args->progress.Add(*cmd);
  cmd->callback([args, &exit_code] { exit_code = RunDigest(*args); });
}

}  // namespace newsfuse::cli
