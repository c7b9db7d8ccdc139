// Fuzzes the path from article text to the three reports: up to four
// articles (the input split at form feeds; first line the title) are
// analysed, fused into one story and rendered as JSON, Markdown and HTML. The
// JSON must parse back to itself. URLs and outlets cycle through hostile
// values so the renderers' escaping is exercised on every run.
// With NEWSFUSE_FUZZ_DUMP_REPORTS=DIR set, each report's JSON is also written
// to DIR (how the report_json_fuzzer seeds are made from the story seeds).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "annotate_input.h"
#include "fuse/fuse.h"
#include "render/render.h"

namespace {

const char* const kUrls[] = {"https://news.example/a?x=1&y=<2>", "javascript:alert(1)", "",
                             "data:text/html,<script>alert(1)</script>"};
const char* const kOutlets[] = {"Reuters", "<b>Wire</b> & \"Co\"", "", "`md` *star* [x](y)"};

void Dump(const std::string& json) {
  static const char* dir = std::getenv("NEWSFUSE_FUZZ_DUMP_REPORTS");
  static int count = 0;
  if (dir) std::ofstream(std::string(dir) + "/report" + std::to_string(count++) + ".json") << json;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace newsfuse;
  const std::string text = fuzz::ValidUtf8(fuzz::AsText(data, size));
  std::vector<AnnotatedArticle> articles;
  Story story;
  story.id = "story-fuzz";
  size_t start = 0;
  for (int i = 0; i < 4 && start <= text.size(); ++i) {
    size_t end = text.find('\f', start);
    if (end == std::string::npos || i == 3) end = text.size();
    const std::string_view part = std::string_view(text).substr(start, end - start);
    start = end + 1;
    const size_t title_end = std::min(part.find('\n'), part.size());
    Article article = fuzz::ArticleFromText(part.substr(title_end));
    if (article.paragraphs.empty()) continue;
    article.id = "a" + std::to_string(i);
    article.title = std::string(part.substr(0, title_end));
    article.url = kUrls[i];
    article.outlet = kOutlets[i];
    article.authors = {"Jane <Doe>"};
    article.published = DateTime::Day(2026, 2, 3 + i);
    story.article_ids.push_back(article.id);
    articles.push_back(Analyze(std::move(article)));
    fuzz::CheckAnnotations(articles.back());
  }
  if (articles.size() > 1) story.copy_of[story.article_ids[1]] = story.article_ids[0];
  if (articles.empty()) return 0;
  const StoryReport report = FuseStory(story, articles);
  const std::string json = RenderJson(report);
  Dump(json);
  auto parsed = ParseReportJson(json);
  fuzz::Check(parsed.ok(), "ParseReportJson rejects a fused report");
  fuzz::Check(RenderJson(*parsed) == json, "fused report JSON does not round-trip");
  RenderMarkdown(report);
  RenderHtml(report);
  return 0;
}
