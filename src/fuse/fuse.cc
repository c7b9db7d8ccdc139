// Fuse v1: sources, headline and a cited extractive summary.
//
// Every sentence of every source is a candidate unless it cannot stand alone
// in a summary (see Candidate filters). Candidates become TF-IDF vectors over
// stemmed terms, with IDF taken over the story's own candidates: what every
// sentence of the story says ("Ukraine", "talks") weighs little, what tells
// sentences apart weighs much. Two candidates state the same content when
// their cosine reaches FuseOptions::same_content_threshold.
#include "fuse/fuse.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "fuse/claims/claims.h"
#include "fuse/summary_select.h"
#include "fuse/voices.h"
#include "text/terms.h"

namespace newsfuse {
namespace {

// ---- Relevance weights. Each is a share of a score in [0, 1]. ----
// Agreement across independent outlets is the best evidence a statement is
// both core to the story and reliable, so it weighs most.
constexpr double kSupportWeight = 0.5;
// Centrality (cosine with the story centroid, relative to the most central
// candidate) stands in for agreement when few outlets overlap, and keeps
// asides and off-topic material out.
constexpr double kCentralityWeight = 0.4;
// News is written as an inverted pyramid: the first sentences carry the
// facts. A small bonus, fading over the first kLeadSentences, breaks ties
// toward them without letting a weak lead beat a confirmed fact.
constexpr double kLeadWeight = 0.1;
constexpr int kLeadSentences = 5;
// A candidate this far from the centroid (relative to the most central) is
// off-topic unless another outlet says it too: glued-on stories, boilerplate.
constexpr double kMinRelativeCentrality = 0.25;

// ---- Candidate filters. ----
constexpr int kMinWords = 6;         // fragments, datelines, captions
constexpr int kShortQuoteWords = 8;  // `"We agreed," he said.` says little alone

using Vec = std::vector<std::pair<uint32_t, double>>;  // sorted by term id

double Dot(const Vec& a, const Vec& b) {
  double dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first < b[j].first)
      ++i;
    else if (a[i].first > b[j].first)
      ++j;
    else
      dot += a[i++].second * b[j++].second;
  }
  return dot;
}

void Normalise(Vec& v) {
  double n = 0;
  for (const auto& [t, w] : v) n += w * w;
  if (n <= 0) return;
  n = std::sqrt(n);
  for (auto& [t, w] : v) w /= n;
}

// Word counts of a sentence, and how much of it is inside quotation marks.
struct Shape {
  int words = 0;
  int quoted_words = 0;
  int letters = 0;
  int upper = 0;
  bool question = false;
};

Shape ShapeOf(std::string_view s) {
  Shape shape;
  bool in_word = false, in_quote = false;
  UChar32 last = 0;
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const int32_t n = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) c = 0xFFFD;
    if (c == '"')
      in_quote = !in_quote;
    else if (c == 0x201C)
      in_quote = true;
    else if (c == 0x201D)
      in_quote = false;
    const bool word_char = u_isalnum(c);
    if (word_char && !in_word) {
      ++shape.words;
      if (in_quote) ++shape.quoted_words;
    }
    in_word = word_char || (in_word && (c == '\'' || c == 0x2019 || c == '-'));
    if (u_isalpha(c)) {
      ++shape.letters;
      if (u_isupper(c)) ++shape.upper;
    }
    if (!u_isUWhiteSpace(c) && c != '"' && c != 0x201D && c != 0x2019 && c != '\'' && c != ')') {
      last = c;
    }
  }
  shape.question = last == '?';
  return shape;
}

// Sentences a summary cannot use on their own.
bool Usable(const Shape& s) {
  if (s.words < kMinWords) return false;
  if (s.question) return false;
  // Mostly a short quotation: the words are someone's, the content thin.
  if (s.quoted_words > 0 && s.quoted_words * 2 >= s.words && s.quoted_words < kShortQuoteWords) {
    return false;
  }
  // A subhead set in capitals ("RUSSIA SEES PROGRESS"), not a sentence.
  if (s.letters >= 3 && s.upper * 10 >= s.letters * 8) return false;
  return true;
}

struct Candidate {
  size_t source = 0;      // index into the sorted sources
  uint32_t position = 0;  // sentence index within its article
  Span span;
  std::string_view text;
  Vec vec;
  std::vector<uint32_t> terms;  // in text order, for concept pairs
  int words = 0;
  double centrality = 0;
  double relevance = 0;
  int support = 0;                 // distinct voices (fuse/voices.h)
  std::vector<size_t> supporters;  // source indices, sorted, own included
};

// Points each copy at its original's citation key. The sources are sorted by
// date first, so the keys are only known once all are numbered.
void MarkCopies(const Story& story, std::vector<ReportSource>& sources) {
  if (story.copy_of.empty()) return;
  std::unordered_map<std::string_view, std::string_view> key_of;
  for (const auto& s : sources) key_of.emplace(s.article_id, s.id);
  for (auto& s : sources) {
    auto copy = story.copy_of.find(s.article_id);
    if (copy == story.copy_of.end()) continue;
    if (auto original = key_of.find(copy->second); original != key_of.end()) {
      s.copy_of = std::string(original->second);
    }
  }
}

}  // namespace

StoryReport FuseStory(const Story& story, const std::vector<AnnotatedArticle>& articles,
                      const FuseOptions& options) {
  StoryReport report;
  report.story_id = story.id;

  // ---- Sources: the story's articles, by publication time, unknown last. ----
  std::vector<const AnnotatedArticle*> members;
  {
    std::unordered_map<std::string_view, const AnnotatedArticle*> by_id;
    for (const auto& a : articles) by_id.emplace(a.article.id, &a);
    std::set<std::string_view> seen;
    for (const auto& id : story.article_ids) {
      auto it = by_id.find(id);
      if (it != by_id.end() && seen.insert(id).second) members.push_back(it->second);
    }
    if (story.article_ids.empty()) {
      for (const auto& a : articles) members.push_back(&a);
    }
  }
  std::stable_sort(members.begin(), members.end(), [](const auto* x, const auto* y) {
    const auto& a = x->article.published;
    const auto& b = y->article.published;
    if (a.has_value() != b.has_value()) return a.has_value();
    return a && *a < *b;
  });
  std::optional<DateTime> first, last;
  for (size_t i = 0; i < members.size(); ++i) {
    const Article& a = members[i]->article;
    ReportSource src;
    src.id = "S" + std::to_string(i + 1);
    src.article_id = a.id;
    src.outlet = a.outlet;
    src.title = a.title;
    src.url = a.url;
    src.published = a.published ? a.published->ToIso() : "";
    src.authors = a.authors;
    src.locator = a.locator;
    report.sources.push_back(std::move(src));
    // first_seen: the earliest publication (members are sorted, so the first
    // dated one); last_updated: the latest publication or update.
    if (a.published && !first) first = a.published;
    for (const auto& d : {a.published, a.updated}) {
      if (d && (!last || *last < *d)) last = d;
    }
  }
  MarkCopies(story, report.sources);
  if (first) report.first_seen = first->ToIso();
  if (last) report.last_updated = last->ToIso();
  if (members.empty()) return report;

  // ---- Candidate sentences and their vectors. ----
  TermDictionary dict;
  TermExtractor extractor;
  std::vector<Candidate> cands;
  std::vector<uint32_t> ids;
  std::vector<uint32_t> df;
  for (size_t s = 0; s < members.size(); ++s) {
    const AnnotatedArticle& a = *members[s];
    for (size_t k = 0; k < a.sentences.size(); ++k) {
      const Span span = a.sentences[k].span;
      if (span.end > a.body.size() || span.begin >= span.end) continue;
      std::string_view text = a.Text(span);
      const Shape shape = ShapeOf(text);
      // Furniture and fragments are left out before they weigh in the
      // story's centroid and term weights, not only from the summary.
      if (!Usable(shape) || fuse::JudgeSummaryLine(text) != fuse::LineFault::kNone) continue;
      ids.clear();
      extractor.Extract(text, dict, ids);
      if (ids.empty()) continue;
      Candidate c;
      c.terms = ids;
      c.words = shape.words;
      std::sort(ids.begin(), ids.end());
      c.source = s;
      c.position = static_cast<uint32_t>(k);
      c.span = span;
      c.text = text;
      if (df.size() < dict.size()) df.resize(dict.size(), 0);
      for (size_t i = 0; i < ids.size();) {
        size_t j = i;
        while (j < ids.size() && ids[j] == ids[i]) ++j;
        c.vec.emplace_back(ids[i], 1.0 + std::log(static_cast<double>(j - i)));
        ++df[ids[i]];
        i = j;
      }
      cands.push_back(std::move(c));
    }
  }
  const double n_docs = static_cast<double>(cands.size());
  auto idf = [&](uint32_t t) {
    return std::log((n_docs + 1.0) / ((t < df.size() ? df[t] : 0) + 1.0)) + 1.0;
  };
  for (auto& c : cands) {
    for (auto& [t, w] : c.vec) w *= idf(t);
    Normalise(c.vec);
  }

  // ---- Headline: the most central real title, or the earliest. ----
  {
    std::vector<std::pair<size_t, Vec>> titles;
    for (size_t s = 0; s < members.size(); ++s) {
      const std::string& title = members[s]->article.title;
      if (title.empty() || fuse::JudgeHeadline(title) != fuse::LineFault::kNone) continue;
      // A title the extractor made up from the lead is no headline; it only
      // stands in when no source states a real one (the fallback below).
      if (auto it = members[s]->article.field_sources.find("title");
          it != members[s]->article.field_sources.end() && it->second == "lead")
        continue;
      ids.clear();
      extractor.Extract(title, dict, ids);
      std::sort(ids.begin(), ids.end());
      Vec v;
      for (size_t i = 0; i < ids.size();) {
        size_t j = i;
        while (j < ids.size() && ids[j] == ids[i]) ++j;
        v.emplace_back(ids[i], (1.0 + std::log(static_cast<double>(j - i))) * idf(ids[i]));
        i = j;
      }
      Normalise(v);
      titles.emplace_back(s, std::move(v));
    }
    double best = -1;
    for (size_t i = 0; i < titles.size(); ++i) {
      double sum = 0;
      for (size_t j = 0; j < titles.size(); ++j) {
        if (i != j) sum += Dot(titles[i].second, titles[j].second);
      }
      // Strictly greater: on a tie (or a single title) the earliest source wins.
      if (sum > best + 1e-12) {
        best = sum;
        report.headline = members[titles[i].first]->article.title;
      }
    }
  }

  // ---- Support: which outlets state each candidate's content. ----
  // An inverted index over terms, so each candidate is compared only with
  // candidates it shares a term with.
  // Term ids are dense, so the index is a plain vector.
  std::vector<std::vector<std::pair<uint32_t, double>>> postings(dict.size());
  for (uint32_t i = 0; i < cands.size(); ++i) {
    for (const auto& [t, w] : cands[i].vec) postings[t].emplace_back(i, w);
  }
  const std::vector<std::string> outlet_of = fuse::VoiceKeys(members, report.sources);
  const size_t n_outlets = std::set<std::string>(outlet_of.begin(), outlet_of.end()).size();
  std::vector<double> acc(cands.size(), 0.0);
  std::vector<uint32_t> touched;
  for (uint32_t i = 0; i < cands.size(); ++i) {
    touched.clear();
    for (const auto& [t, w] : cands[i].vec) {
      for (const auto& [j, wj] : postings[t]) {
        if (acc[j] == 0) touched.push_back(j);
        acc[j] += w * wj;
      }
    }
    std::vector<size_t>& sources = cands[i].supporters;
    sources.assign(1, cands[i].source);
    for (uint32_t j : touched) {
      if (acc[j] >= options.same_content_threshold) sources.push_back(cands[j].source);
      acc[j] = 0;
    }
    std::sort(sources.begin(), sources.end());
    sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
    std::vector<std::string_view> outlets;
    for (size_t s : sources) outlets.push_back(outlet_of[s]);
    std::sort(outlets.begin(), outlets.end());
    cands[i].support =
        static_cast<int>(std::unique(outlets.begin(), outlets.end()) - outlets.begin());
  }

  // ---- Centrality: cosine with the centroid, every source weighing the same. ----
  {
    std::vector<double> centroid(dict.size(), 0.0);
    std::vector<Vec> sums(members.size());
    for (const auto& c : cands)
      sums[c.source].insert(sums[c.source].end(), c.vec.begin(), c.vec.end());
    for (auto& v : sums) {
      // One source's terms, merged: sorted by term, equal terms summed.
      std::sort(v.begin(), v.end());
      size_t out = 0;
      for (size_t k = 0; k < v.size(); ++k) {
        if (out > 0 && v[out - 1].first == v[k].first)
          v[out - 1].second += v[k].second;
        else
          v[out++] = v[k];
      }
      v.resize(out);
      Normalise(v);
      for (const auto& [t, w] : v) centroid[t] += w;
    }
    Vec cv;
    for (uint32_t t = 0; t < centroid.size(); ++t) {
      if (centroid[t] != 0) cv.emplace_back(t, centroid[t]);
    }
    Normalise(cv);
    double max_c = 0;
    for (auto& c : cands) {
      c.centrality = Dot(c.vec, cv);
      max_c = std::max(max_c, c.centrality);
    }
    for (auto& c : cands) {
      const double support_share =
          n_outlets > 1 ? (c.support - 1.0) / static_cast<double>(n_outlets - 1) : 0.0;
      const double rel_centrality = max_c > 0 ? c.centrality / max_c : 0.0;
      const double lead = std::max(0.0, 1.0 - static_cast<double>(c.position) / kLeadSentences);
      c.relevance =
          kSupportWeight * support_share + kCentralityWeight * rel_centrality + kLeadWeight * lead;
      c.centrality = rel_centrality;
    }
  }

  // ---- Selection: the most concept coverage within the length (summary_select.h). ----
  std::vector<size_t> chosen;
  {
    std::map<std::string_view, uint32_t> outlet_ids;
    for (const auto& o : outlet_of) outlet_ids.emplace(o, static_cast<uint32_t>(outlet_ids.size()));
    std::vector<fuse::SummaryCandidate> pool(cands.size());
    for (size_t i = 0; i < cands.size(); ++i) {
      const Candidate& c = cands[i];
      fuse::SummaryCandidate& p = pool[i];
      p.outlet = outlet_ids[outlet_of[c.source]];
      p.position = c.position;
      p.words = c.words;
      p.support = c.support;
      p.relevance = c.relevance;
      p.eligible = !(c.centrality < kMinRelativeCentrality && c.support < 2);
      p.terms = c.terms;
      for (size_t src : c.supporters) p.cites.push_back(outlet_ids[outlet_of[src]]);
    }
    fuse::SelectionLimits limits;
    limits.max_sentences = static_cast<size_t>(std::max(0, options.max_summary_sentences));
    limits.min_sentences = std::min(
        limits.max_sentences, static_cast<size_t>(std::max(0, options.min_summary_sentences)));
    limits.max_words = options.max_summary_words;
    chosen = fuse::SelectByCoverage(pool, limits, [&](size_t a, size_t b) {
      return Dot(cands[a].vec, cands[b].vec) >= options.same_content_threshold;
    });
  }
  // With a word budget, the sentence chosen last may run past it: it goes
  // last, so a reader (or an evaluation) cutting at the budget loses only it.
  std::optional<size_t> overflow;
  if (options.max_summary_words > 0 && !chosen.empty()) {
    int words = 0;
    for (size_t i : chosen) words += cands[i].words;
    if (words > options.max_summary_words) {
      overflow = chosen.back();
      chosen.pop_back();
    }
  }
  std::stable_sort(chosen.begin(), chosen.end(), [&](size_t a, size_t b) {
    if (cands[a].support != cands[b].support) return cands[a].support > cands[b].support;
    return cands[a].relevance > cands[b].relevance;
  });
  if (overflow) chosen.push_back(*overflow);

  for (size_t i : chosen) {
    const Candidate& c = cands[i];
    SummarySentence out;
    out.text = std::string(c.text);
    for (size_t s : c.supporters) out.citations.push_back(report.sources[s].id);
    out.from_source = report.sources[c.source].id;
    out.span = c.span;
    out.support = c.support;
    report.summary.push_back(std::move(out));
  }
  // No outlet's own headline stands: the best summary sentence tells the
  // story better than a title the extractor made up from a lead (which may
  // be furniture itself), which comes last.
  if (report.headline.empty() && !report.summary.empty()) report.headline = report.summary[0].text;
  for (size_t s = 0; report.headline.empty() && s < members.size(); ++s) {
    if (fuse::JudgeHeadline(members[s]->article.title) == fuse::LineFault::kNone)
      report.headline = members[s]->article.title;
  }
  // Last, a short title beats no headline at all; furniture never does.
  for (size_t s = 0; report.headline.empty() && s < members.size(); ++s) {
    if (fuse::JudgeHeadline(members[s]->article.title) != fuse::LineFault::kFurniture)
      report.headline = members[s]->article.title;
  }
  fuse::AddClaims(members, report);
  return report;
}

}  // namespace newsfuse
