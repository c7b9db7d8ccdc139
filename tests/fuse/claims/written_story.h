// Stories written for the claim tests, run through the analysers and fusion
// as one story (MakeArticle from tests/text/).
#pragma once

#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "fuse/fuse.h"

namespace newsfuse::testing {

inline StoryReport FuseAll(const std::vector<Article>& articles, const std::string& story_id) {
  Story story{story_id, {}};
  std::vector<AnnotatedArticle> annotated;
  for (const Article& a : articles) {
    story.article_ids.push_back(a.id);
    annotated.push_back(Analyze(a));
  }
  return FuseStory(story, annotated);
}

}  // namespace newsfuse::testing
