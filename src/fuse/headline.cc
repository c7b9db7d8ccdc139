#include "fuse/headline.h"

#include <algorithm>

#include "fuse/summary_select.h"

namespace newsfuse::fuse {

std::string HeadlineFromTitles(const std::vector<const AnnotatedArticle*>& members,
                               StoryTerms& terms) {
  std::vector<std::pair<size_t, TermVector>> titles;
  std::vector<uint32_t> ids;
  for (size_t s = 0; s < members.size(); ++s) {
    const Article& article = members[s]->article;
    if (article.title.empty() || JudgeHeadline(article.title) != LineFault::kNone) continue;
    // A title the extractor made up from the lead is no headline; it only
    // stands in when no source states a real one (FallBackHeadline).
    if (auto it = article.field_sources.find("title");
        it != article.field_sources.end() && it->second == "lead")
      continue;
    ids.clear();
    terms.words.TermsOf(article.title, article.language, ids);
    std::sort(ids.begin(), ids.end());
    TermVector v = LogFrequencies(ids);
    for (auto& [t, w] : v) w *= terms.Idf(t);
    Normalise(v);
    titles.emplace_back(s, std::move(v));
  }
  std::string headline;
  double best = -1;
  for (size_t i = 0; i < titles.size(); ++i) {
    double sum = 0;
    for (size_t j = 0; j < titles.size(); ++j) {
      if (i != j) sum += Dot(titles[i].second, titles[j].second);
    }
    // Strictly greater: on a tie (or a single title) the earliest source wins.
    if (sum > best + 1e-12) {
      best = sum;
      headline = members[titles[i].first]->article.title;
    }
  }
  return headline;
}

void FallBackHeadline(const std::vector<const AnnotatedArticle*>& members, StoryReport& report) {
  // The best summary sentence tells the story better than a title the
  // extractor made up from a lead (which may be furniture itself).
  if (report.headline.empty() && !report.summary.empty()) report.headline = report.summary[0].text;
  for (size_t s = 0; report.headline.empty() && s < members.size(); ++s) {
    if (JudgeHeadline(members[s]->article.title) == LineFault::kNone)
      report.headline = members[s]->article.title;
  }
  // Last, a short title beats no headline at all; furniture never does.
  for (size_t s = 0; report.headline.empty() && s < members.size(); ++s) {
    if (JudgeHeadline(members[s]->article.title) != LineFault::kFurniture)
      report.headline = members[s]->article.title;
  }
}

}  // namespace newsfuse::fuse
