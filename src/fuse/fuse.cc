// FuseStory: the report's stages in order, one file each.
#include "fuse/fuse.h"

#include <set>
#include <string>

#include "fuse/candidates.h"
#include "fuse/claims/claims.h"
#include "fuse/headline.h"
#include "fuse/relevance.h"
#include "fuse/sources.h"
#include "fuse/summary.h"
#include "fuse/support.h"
#include "fuse/voices.h"

namespace newsfuse {

StoryReport FuseStory(const Story& story, const std::vector<AnnotatedArticle>& articles,
                      const FuseOptions& options) {
  StoryReport report;
  report.story_id = story.id;
  const std::vector<const AnnotatedArticle*> members = fuse::StoryMembers(story, articles);
  fuse::AddSources(story, members, report);
  if (members.empty()) return report;

  fuse::StoryWords words(members);
  fuse::StoryTerms terms(words);
  std::vector<fuse::Candidate> cands = fuse::CollectCandidates(members, terms);
  report.headline = fuse::HeadlineFromTitles(members, terms);

  const std::vector<std::string> voice_of = fuse::VoiceKeys(members, report.sources);
  const size_t n_voices = std::set<std::string>(voice_of.begin(), voice_of.end()).size();
  fuse::CountSupport(cands, words.dict().size(), voice_of, options.same_content_threshold);
  fuse::ScoreRelevance(cands, members.size(), words.dict().size(), n_voices);
  fuse::AddSummary(cands, voice_of, options, report);
  fuse::FallBackHeadline(members, report);
  fuse::AddClaims(members, words, cands, options.same_content_threshold, report);
  return report;
}

}  // namespace newsfuse
