// Quotes by speaker. One speaker's quotes from different sources are one
// quote when their content shares enough words: translations and paraphrases
// of one remark ("substantive and productive" / "meaningful and productive")
// overlap far more than two different remarks do.
#include <algorithm>
#include <map>
#include <set>

#include "fuse/claims/builders.h"

namespace newsfuse::fuse {
namespace {

constexpr double kSameQuote = 0.35;

struct QuoteClaim {
  size_t source;
  const Quote* quote;
  TermVector words;
  std::string text;
};

}  // namespace

std::vector<SpeakerQuotes> GroupQuotes(ClaimContext& ctx) {
  struct Speaker {
    std::string name;
    std::map<std::string, int> roles;
    std::vector<QuoteClaim> claims;
    size_t first_source = 0;
  };
  std::map<std::string, Speaker> speakers;
  std::vector<std::string> order;
  for (size_t s = 0; s < ctx.size(); ++s) {
    const AnnotatedArticle& a = ctx.article(s);
    for (const Quote& q : a.quotes) {
      if (!q.speaker || *q.speaker >= a.entities.size()) continue;
      const Entity& e = a.entities[*q.speaker];
      const std::string key = e.key.empty() ? e.name : e.key;
      if (key.empty()) continue;
      auto [it, inserted] = speakers.try_emplace(key);
      Speaker& sp = it->second;
      if (inserted) {
        order.push_back(key);
        sp.first_source = s;
      }
      if (e.name.size() > sp.name.size()) sp.name = e.name;
      for (const std::string& r : e.roles) ++sp.roles[r];
      std::string text = SpanText(a, q.content);
      if (text.empty()) continue;
      sp.claims.push_back({s, &q, ctx.Vector(text), std::move(text)});
    }
  }

  std::vector<std::pair<size_t, SpeakerQuotes>> out;  // (outlets, group)
  for (const std::string& key : order) {
    Speaker& sp = speakers[key];
    SpeakerQuotes group;
    group.speaker = sp.name;
    int best = 0;
    for (const auto& [role, n] : sp.roles) {
      if (n > best) {
        best = n;
        group.role = role;
      }
    }
    std::vector<std::vector<const QuoteClaim*>> merged;
    for (const QuoteClaim& c : sp.claims) {
      auto it = std::find_if(merged.begin(), merged.end(), [&](const auto& m) {
        // Direct speech and a paraphrase of it stay apart: a group is shown
        // in quote marks or not at all, so mixing would put a reporter's
        // words in the speaker's mouth.
        return m.front()->quote->direct == c.quote->direct &&
               std::any_of(m.begin(), m.end(), [&](const QuoteClaim* o) {
                 return Cosine(o->words, c.words) >= kSameQuote;
               });
      });
      if (it == merged.end())
        merged.push_back({&c});
      else
        it->push_back(&c);
    }
    std::set<size_t> all_sources;
    for (auto& m : merged) {
      // Fullest wording first.
      std::stable_sort(m.begin(), m.end(), [](const QuoteClaim* a, const QuoteClaim* b) {
        return a->text.size() > b->text.size();
      });
      ReportQuote rq;
      rq.direct = m.front()->quote->direct;
      std::set<size_t> seen;
      for (const QuoteClaim* c : m) {
        all_sources.insert(c->source);
        if (seen.insert(c->source).second) rq.sources.push_back(ctx.source_id(c->source));
        rq.wording.push_back({ctx.source_id(c->source), c->text, c->quote->content});
      }
      group.quotes.push_back(std::move(rq));
    }
    std::stable_sort(group.quotes.begin(), group.quotes.end(),
                     [](const ReportQuote& a, const ReportQuote& b) {
                       return a.sources.size() > b.sources.size();
                     });
    if (group.quotes.empty()) continue;
    out.emplace_back(DistinctOutlets(ctx, {all_sources.begin(), all_sources.end()}),
                     std::move(group));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<SpeakerQuotes> result;
  for (auto& [n, g] : out) result.push_back(std::move(g));
  return result;
}

}  // namespace newsfuse::fuse
