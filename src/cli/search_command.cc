#include <fmt/format.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "cli/command.h"
#include "cli/name_aliases.h"
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

// Hits fetched per hit shown, so folding copies still fills the list.
constexpr int kFoldHeadroom = 3;

// One line of the result list: a hit and the near-duplicates folded into it.
struct FoldedHit {
  const SearchHit* hit = nullptr;
  std::vector<const SearchHit*> copies;
};

// Folds each copy (the clusterer's mark, SearchHit::copy_of) into the best
// hit of its family: the original, or the best-ranked copy of the same
// original when the original itself did not match. A wire story reprinted by
// ten outlets is one line with "+ 9 near-duplicates", not ten lines.
std::vector<FoldedHit> FoldCopies(const std::vector<SearchHit>& hits, size_t limit) {
  std::vector<FoldedHit> out;
  std::map<std::string, size_t> line_of;  // family (original's id) -> line
  for (const SearchHit& hit : hits) {
    const std::string& family = hit.copy_of.empty() ? hit.article_id : hit.copy_of;
    auto it = line_of.find(family);
    if (it != line_of.end()) {
      out[it->second].copies.push_back(&hit);
      continue;
    }
    if (out.size() == limit) continue;  // later hits may still be copies of shown ones
    line_of.emplace(family, out.size());
    out.push_back(FoldedHit{&hit, {}});
  }
  return out;
}

int RunSearch(const SearchArgs& args) {
  auto store = OpenStore(args.store.db, /*read_only=*/true);
  if (!store.ok()) return Fail(store.status());
  // Several arguments are one query (`search al-Sharaa election`), so a
  // newcomer need not quote it; a quoted phrase needs its own quotes inside.
  std::string typed;
  for (const auto& word : args.words) typed += (typed.empty() ? "" : " ") + word;
  std::string query = typed;
  if (!args.raw_fts) {
    // Names match their other spellings the store's analysis knows of.
    Store& names = **store;
    auto built = PlainWordsToFts(
        typed, [&names](std::string_view word) { return NameVariants(names, word); });
    if (!built.ok()) return Fail(built.status());
    query = std::move(built).value();
  }
  // More than asked: folding copies may merge several hits into one line.
  auto hits = (*store)->Search(query, args.limit * kFoldHeadroom);
  if (!hits.ok()) return Fail(hits.status());
  // An empty screen reads as a fault; say the search ran and found nothing.
  if (hits->empty()) {
    std::fprintf(stderr, "no matches for '%s'\n", TerminalSafeLine(typed).c_str());
    return 0;
  }
  // Outlet, title and snippet are page text: stripped of escape sequences
  // and kept on their lines (core/terminal_text.h).
  for (const FoldedHit& folded : FoldCopies(*hits, static_cast<size_t>(args.limit))) {
    const SearchHit& hit = *folded.hit;
    // The date tells a hit of today from one of last year at a glance.
    fmt::print("{}  {}  {}  {} — {}\n    {}\n",
               hit.story_id.empty() ? "-" : TerminalSafeLine(hit.story_id),
               TerminalSafeLine(hit.article_id.substr(0, 12)),
               hit.published.empty() ? std::string("undated")
                                     : TerminalSafeLine(hit.published.substr(0, 10)),
               TerminalSafeLine(hit.outlet), TerminalSafeLine(hit.title),
               TerminalSafeLine(hit.snippet));
    if (!folded.copies.empty()) {
      std::string outlets;
      for (const SearchHit* copy : folded.copies) {
        outlets +=
            (outlets.empty() ? "" : ", ") +
            TerminalSafeLine(copy->outlet.empty() ? copy->article_id.substr(0, 12) : copy->outlet);
      }
      fmt::print("    + {} near-duplicate{} ({})\n", folded.copies.size(),
                 folded.copies.size() == 1 ? "" : "s", outlets);
    }
  }
  return 0;
}

}  // namespace

void RegisterSearch(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<SearchArgs>();
  CLI::App* cmd = app.add_subcommand("search", "Full-text search over stored articles");
  cmd->add_option(
         "query", args->words,
         "Words (all must match; a name also matches its other spellings in the store: "
         "Zelensky finds Zelenskiy), '\"a quoted phrase\"' (no variants), -word to exclude "
         "(quote the whole query when it starts with -)")
      ->required();
  cmd->add_flag("--fts", args->raw_fts,
                "Pass the query as raw FTS5 syntax (OR, NOT, NEAR, prefix*, column filters)");
  cmd->add_option("-n,--limit", args->limit, "Most hits to show (default 10)")
      ->check(CLI::Range(1, 1000));
  args->store.Add(*cmd);
  cmd->callback([args, &exit_code] { exit_code = RunSearch(*args); });
}

}  // namespace newsfuse::cli
