#include "cli/ingest_run.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>

#include "cli/command.h"
#include "cli/progress_line.h"
#include "core/terminal_text.h"

namespace newsfuse::cli {

bool ProgressFlags::Wanted() const { return on || (!off && ProgressWanted()); }

namespace {

// Draws the progress line and keeps the story count in step: each article
// is looked up once, when it is first seen, so the cost grows with the run,
// not with the number of redraws.
class ProgressShown {
 public:
  ProgressShown(Store& store, std::optional<uint64_t> total_bytes)
      : store_(store), total_bytes_(total_bytes), start_(std::chrono::steady_clock::now()) {}

  void Update(const IngestSummary& sum) {
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (!throttle_.Due(secs)) return;
    for (; looked_up_ < sum.article_ids.size(); ++looked_up_) {
      auto story = store_.StoryOf(sum.article_ids[looked_up_]);
      if (story.ok()) stories_.insert(*story);
    }
    ProgressFigures f;
    f.articles = sum.pages;
    f.stories = static_cast<int64_t>(stories_.size());
    f.elapsed_s = secs;
    f.bytes_read = sum.input.bytes_read;
    f.total_bytes = total_bytes_;
    std::fprintf(stderr, "\r\033[K%s", FormatProgressLine(f).c_str());
    std::fflush(stderr);
    drawn_ = true;
  }
  // Ends the line so what follows starts on a fresh one.
  void Clear() {
    if (!drawn_) return;
    std::fputs("\n", stderr);
    drawn_ = false;
  }

 private:
  Store& store_;
  std::optional<uint64_t> total_bytes_;
  std::chrono::steady_clock::time_point start_;
  ProgressThrottle throttle_;
  size_t looked_up_ = 0;
  std::set<std::string> stories_;
  bool drawn_ = false;
};

// "skipped 3 files: 2 unknown type .pdf, 1 hidden (...)": a folder that gave
// fewer pages than the user expected says which files it passed over.
void PrintSkipped(const IngestStats& stats) {
  if (stats.skipped_why.empty()) return;
  std::string reasons;
  bool unknown_type = false;
  for (const auto& [why, count] : stats.skipped_why) {
    if (!reasons.empty()) reasons += ", ";
    reasons += std::to_string(count) + " " + TerminalSafeLine(why);
    unknown_type = unknown_type || why.starts_with("unknown type");
  }
  std::fprintf(stderr, "skipped %zu %s in folders: %s%s\n", stats.skipped_files,
               stats.skipped_files == 1 ? "file" : "files", reasons.c_str(),
               unknown_type ? " (a folder is read for .txt .text .html .htm .xhtml .jsonl "
                              ".ndjson .warc, each also .gz; name a file to read it whatever "
                              "its name)"
                            : "");
}

void PrintIgnoredFields(const IngestStats& stats) {
  if (stats.ignored_fields.empty()) return;
  std::string fields;
  for (const auto& [name, count] : stats.ignored_fields) {
    if (!fields.empty()) fields += ", ";
    fields += "\"" + TerminalSafeLine(name) + "\" (" + std::to_string(count) +
              (count == 1 ? " record)" : " records)");
  }
  std::fprintf(stderr,
               "ignored JSONL fields newsfuse does not read: %s (it reads url, outlet, title, "
               "published (or published_at, pubDate, date), author, text, html)\n",
               fields.c_str());
}

// The extractors say "not an article: <reason>" for a page that is a notice,
// a README or an index (extract.h); "" for any other error.
std::string NotArticleReason(const Status& s) {
  constexpr std::string_view kPrefix = "not an article: ";
  if (s.code() != Status::Code::kBadInput || !s.message().starts_with(kPrefix)) return "";
  return s.message().substr(kPrefix.size());
}

// "refused 2 pages as not articles (nothing stored from them): 1 software
// README or manual, 1 index or list page": said apart from the failures, so
// a reader of the summary knows these were recognised, not broken.
void PrintRefused(const std::map<std::string, int64_t>& refused) {
  if (refused.empty()) return;
  int64_t total = 0;
  std::string reasons;
  for (const auto& [why, count] : refused) {
    total += count;
    if (!reasons.empty()) reasons += ", ";
    reasons += std::to_string(count) + " " + TerminalSafeLine(why);
  }
  std::fprintf(stderr, "refused %lld %s as not articles (nothing stored from %s): %s\n",
               static_cast<long long>(total), total == 1 ? "page" : "pages",
               total == 1 ? "it" : "them", reasons.c_str());
}

}  // namespace

Result<IngestSummary> RunIngest(Pipeline& pipeline, Store& store,
                                const std::vector<std::string>& sources,
                                const ProgressFlags& flags) {
  std::optional<ProgressShown> progress;
  if (flags.Wanted()) progress.emplace(store, SourceBytes(sources));
  IngestCallbacks callbacks;
  std::map<std::string, int64_t> refused;  // not-an-article reason -> pages
  callbacks.on_error = [&](const Status& s) {
    if (progress) progress->Clear();
    if (std::string why = NotArticleReason(s); !why.empty()) ++refused[why];
    std::fprintf(stderr, "newsfuse: %s\n", s.ToString().c_str());
  };
  if (progress) {
    callbacks.on_progress = [&](const IngestSummary& sum) { progress->Update(sum); };
  }
  auto result = pipeline.Ingest(sources, callbacks);
  if (progress) progress->Clear();
  if (result.ok()) {
    if (result->reanalysed > 0) {
      // Once per new analyser: the restore of the clusterer reads the
      // analysis kept with each article, and this build's was missing.
      std::fprintf(stderr,
                   "re-analysed %lld stored articles: their kept analysis was made by another "
                   "build of newsfuse (done once; later runs read it)\n",
                   static_cast<long long>(result->reanalysed));
    }
    if (!result->state_rebuilt.empty()) {
      std::fprintf(stderr,
                   "rebuilt the clusterer's state by replaying the store (%s); it is kept now, "
                   "so later runs load it\n",
                   result->state_rebuilt.c_str());
    }
    if (result->recovered > 0) {
      std::fprintf(stderr, "recovered %lld articles left without a story by an interrupted run\n",
                   static_cast<long long>(result->recovered));
    }
    std::fprintf(stderr, "ingested %lld, duplicate %lld, failed %lld\n",
                 static_cast<long long>(result->ingested),
                 static_cast<long long>(result->duplicates),
                 static_cast<long long>(result->failed));
    PrintRefused(refused);
    PrintSkipped(result->input);
    PrintIgnoredFields(result->input);
    if (result->undated > 0) {
      std::fprintf(stderr,
                   "undated: %lld of %lld new articles have no publication date (clustering and "
                   "the timeline cannot use time for them)\n",
                   static_cast<long long>(result->undated),
                   static_cast<long long>(result->ingested));
    }
  }
  return result;
}

}  // namespace newsfuse::cli
