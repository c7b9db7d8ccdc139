// Quote attribution on the PolNeAR test split (84 US political news
// articles, 2016; Newell, Margolin and Ruths, LREC 2018), scored on the
// corpus's own parts: span precision, recall and F1 of the source (our
// speaker_span) and of the content, exact and overlap (span_score.h; for
// sources also "head": our name inside PolNeAR's whole noun phrase), over
// all attributions and over the quoted ones (gold content with quote marks
// in it, whole quotes or quoted fragments, vs our direct=true quotes).
//
//   polnear_eval [--data DIR] [--show N] [--repeat K] [--categories [--missed CUE]]
//
// DIR defaults to polnear-test; tune on polnear-traindev/dev or /train (any
// folder with a metadata_<split>.tsv).
//
// PolNeAR annotates every attribution, including beliefs and intentions
// ("Trump wants to ...") and noun cues ("the Post's endorsement"), which this
// annotator does not try to find, so recall over all relations is bounded;
// the quoted ("direct") subset is the like-for-like figure. There is no published system
// score on this split, so the reference printed beside ours is the human
// one: annotators scored against each other on the two articles six people
// annotated, with the same metric. --show prints N misses and false alarms.
// --categories counts each gold attribution by what became of it (content
// found exactly, at other bounds, or not; its source exact, at other bounds,
// another one, or none) and the cue words of the attributions not found at all,
// to see which kind of miss is largest before changing anything.
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "analyze/quote/quotes.h"
#include "bench_env.h"
#include "polnear_corpus.h"
#include "span_score.h"

namespace fs = std::filesystem;
using namespace newsfuse;
using namespace newsfuse::bench;

namespace {

struct Decoded {
  std::u32string text;
  std::vector<uint32_t> cp_of_byte;  // size bytes + 1
};

Decoded Decode(const std::string& s) {
  Decoded d;
  d.cp_of_byte.assign(s.size() + 1, 0);
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < len && i + k < s.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    for (size_t k = 0; k < len && i + k < s.size(); ++k)
      d.cp_of_byte[i + k] = static_cast<uint32_t>(d.text.size());
    d.text.push_back(cp);
    i += len;
  }
  d.cp_of_byte[s.size()] = static_cast<uint32_t>(d.text.size());
  return d;
}

Article ToArticle(const std::string& text) {
  Article a;
  size_t pos = 0;
  while (true) {
    const size_t brk = text.find("\n\n", pos);
    if (brk == std::string::npos) {
      a.paragraphs.push_back(text.substr(pos));
      break;
    }
    a.paragraphs.push_back(text.substr(pos, brk - pos));
    pos = brk + 2;
  }
  return a;  // Body() joins with "\n\n": the text again, byte for byte
}

// Gold content with quoted words in it: a whole quote or a reported clause
// with a quoted fragment ("the election is “rigged”"), which our direct
// fragment quote answers.
bool HasQuoteMark(const std::u32string& t, const CpSpan& s) {
  for (uint32_t i = s.begin; i < s.end && i < t.size(); ++i) {
    if (t[i] == U'"' || t[i] == U'\u201C' || t[i] == U'\u201D' || t[i] == U'\u2018') return true;
  }
  return false;
}

// Our side: the halves of a split quote ("A," he said, "B.") and the further
// sentences of the same speaker's quote merged into one extent, as PolNeAR
// annotates them; a quoted fragment inside a reported
// clause of the same cue is dropped (the clause is the attribution's content).
struct Predicted {
  std::vector<CpSpan> content, source, direct_content;
  // Each content with its source ({0, 0} when none), for --categories.
  std::vector<std::pair<CpSpan, CpSpan>> pairs;
};

Predicted FromQuotes(const AnnotatedArticle& a, const Decoded& d) {
  Predicted p;
  auto cp = [&](Span s) { return CpSpan{d.cp_of_byte[s.begin], d.cp_of_byte[s.end]}; };
  std::vector<std::pair<Quote, CpSpan>> items;
  for (const Quote& q : a.quotes) {
    CpSpan c = cp(q.content);
    if (!items.empty()) {
      auto& [prev, prev_span] = items.back();
      // The cue between the halves, or a continuation (no cue) of the same speaker.
      const bool halves = q.cue.size() > 0 && q.cue == prev.cue &&
                          prev.content.end <= q.cue.begin && q.cue.end <= q.content.begin;
      const bool continued =
          q.cue.size() == 0 && q.speaker_span.size() > 0 && q.speaker_span == prev.speaker_span;
      const bool split = q.direct && prev.direct && (halves || continued);
      if (split) {
        prev_span.end = c.end;
        continue;
      }
    }
    items.emplace_back(q, c);
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const auto& [q, c] = items[i];
    bool inside = false;
    for (size_t j = 0; j < items.size() && !inside; ++j) {
      const auto& [o, oc] = items[j];
      inside = j != i && !o.direct && q.direct && o.cue == q.cue && oc.begin <= c.begin &&
               c.end <= oc.end;
    }
    if (inside) continue;
    p.content.push_back(c);
    if (q.direct) p.direct_content.push_back(c);
    if (q.speaker_span.size() > 0) p.source.push_back(cp(q.speaker_span));
    p.pairs.emplace_back(c, q.speaker_span.size() > 0 ? cp(q.speaker_span) : CpSpan{});
  }
  return p;
}

struct Gold {
  std::vector<CpSpan> content, source, direct_content;
};

Gold FromGold(const PolnearDoc& doc, const std::u32string& text) {
  Gold g;
  for (const GoldAttribution& a : doc.gold) {
    g.content.push_back(a.content);
    if (HasQuoteMark(text, a.content)) g.direct_content.push_back(a.content);
    if (a.has_source) g.source.push_back(a.source);
  }
  return g;
}

struct Scores {
  Tally content_exact, content_overlap, source_exact, source_head, source_overlap, direct_exact,
      direct_overlap;
  void Add(const std::u32string& t, const Gold& g, const Predicted& p) {
    const auto gc = Prepare(t, g.content), pc = Prepare(t, p.content);
    const auto gs = Prepare(t, g.source), ps = Prepare(t, p.source);
    const auto gd = Prepare(t, g.direct_content), pd = Prepare(t, p.direct_content);
    content_exact.Add(ScoreExact(pc, gc));
    content_overlap.Add(ScoreOverlap(pc, gc));
    source_exact.Add(ScoreExact(ps, gs));
    source_overlap.Add(ScoreOverlap(ps, gs));
    source_head.Add(ScoreHead(t, ps, gs));
    direct_exact.Add(ScoreExact(pd, gd));
    direct_overlap.Add(ScoreOverlap(pd, gd));
  }
};

void Print(const char* who, const char* subset, const char* role, const char* match,
           const Tally& t) {
  std::printf(
      "%s subset=%s role=%s match=%s p=%.3f r=%.3f f1=%.3f predicted=%llu gold=%llu matched=%llu\n",
      who, subset, role, match, t.Precision(), t.Recall(), t.F1(),
      static_cast<unsigned long long>(t.predicted), static_cast<unsigned long long>(t.gold),
      static_cast<unsigned long long>(t.matched));
}

void PrintAll(const char* who, const Scores& s) {
  Print(who, "all", "source", "exact", s.source_exact);
  Print(who, "all", "source", "head", s.source_head);
  Print(who, "all", "source", "overlap", s.source_overlap);
  Print(who, "all", "content", "exact", s.content_exact);
  Print(who, "all", "content", "overlap", s.content_overlap);
  Print(who, "direct", "content", "exact", s.direct_exact);
  Print(who, "direct", "content", "overlap", s.direct_overlap);
}

std::string Utf8(const std::u32string& t, CpSpan s) {
  std::string out;
  for (uint32_t i = s.begin; i < s.end && i < t.size(); ++i) {
    const char32_t c = t[i];
    if (c < 0x80)
      out += static_cast<char>(c);
    else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  for (char& c : out)
    if (c == '\n') c = ' ';
  return out;
}

void ShowSpans(const char* role, const PolnearDoc& doc, const std::u32string& t,
               const std::vector<CpSpan>& gc, const std::vector<CpSpan>& pc, int* budget) {
  auto overlaps = [](const std::vector<CpSpan>& v, CpSpan s) {
    for (const CpSpan& o : v)
      if (std::max(o.begin, s.begin) < std::min(o.end, s.end)) return true;
    return false;
  };
  for (const CpSpan& s : pc) {
    if (*budget <= 0) return;
    if (!overlaps(gc, s)) {
      std::printf("false %s %s: %s\n", role, doc.name.c_str(), Utf8(t, s).c_str());
      --*budget;
    }
  }
  for (const CpSpan& s : pc) {
    if (*budget <= 0) return;
    if (std::binary_search(gc.begin(), gc.end(), s)) continue;
    for (const CpSpan& o : gc) {
      if (std::max(o.begin, s.begin) < std::min(o.end, s.end)) {
        std::printf("near %s %s: ours [%s] gold [%s]\n", role, doc.name.c_str(), Utf8(t, s).c_str(),
                    Utf8(t, o).c_str());
        --*budget;
        break;
      }
    }
  }
  for (const CpSpan& s : gc) {
    if (*budget <= 0) return;
    if (!overlaps(pc, s)) {
      std::printf("miss %s %s: %s\n", role, doc.name.c_str(), Utf8(t, s).c_str());
      --*budget;
    }
  }
}

bool Overlap(CpSpan a, CpSpan b) { return std::max(a.begin, b.begin) < std::min(a.end, b.end); }

struct Categories {
  // content: exact, other bounds, not found; source (of gold with a source
  // whose content was found): exact, other bounds, another, none.
  uint64_t content[3] = {}, source[4] = {}, source_content_missed = 0;
  uint64_t missed_quoted = 0, missed_total = 0;
  std::map<std::string, uint64_t> missed_cues;
  std::string show_cue;  // --missed CUE: print each attribution of that cue not found
  void Add(const PolnearDoc& doc, const std::u32string& t, const Predicted& p) {
    for (const GoldAttribution& g : doc.gold) {
      const CpSpan gc = Normalise(t, g.content);
      const std::pair<CpSpan, CpSpan>* found = nullptr;
      bool exact = false;
      for (const auto& pr : p.pairs) {
        const CpSpan pc = Normalise(t, pr.first);
        if (pc == gc) {
          found = &pr;
          exact = true;
          break;
        }
        if (!found && Overlap(pc, gc)) found = &pr;
      }
      ++content[found == nullptr ? 2 : exact ? 0 : 1];
      if (found == nullptr) {
        ++missed_total;
        if (HasQuoteMark(t, g.content)) ++missed_quoted;
        std::string cue = Utf8(t, g.cue);
        for (char& c : cue) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (!show_cue.empty() && cue == show_cue)
          std::printf(
              "missed [%s] %s: ...%s [%s] [%s]\n", cue.c_str(), doc.name.c_str(),
              Utf8(t, CpSpan{g.content.begin > 300 ? g.content.begin - 300 : 0, g.content.begin})
                  .c_str(),
              Utf8(t, g.content).c_str(), g.has_source ? Utf8(t, g.source).c_str() : "");
        ++missed_cues[cue];
      }
      if (!g.has_source) continue;
      if (found == nullptr) {
        ++source_content_missed;
        continue;
      }
      const CpSpan gs = Normalise(t, g.source), ps = Normalise(t, found->second);
      ++source[ps.end == 0 ? 3 : ps == gs ? 0 : Overlap(ps, gs) ? 1 : 2];
    }
  }
  void Print() const {
    std::printf(
        "polnear_categories content exact=%llu other_bounds=%llu not_found=%llu (quoted %llu)\n",
        static_cast<unsigned long long>(content[0]), static_cast<unsigned long long>(content[1]),
        static_cast<unsigned long long>(content[2]),
        static_cast<unsigned long long>(missed_quoted));
    std::printf(
        "polnear_categories source exact=%llu other_bounds=%llu another=%llu none=%llu "
        "content_not_found=%llu\n",
        static_cast<unsigned long long>(source[0]), static_cast<unsigned long long>(source[1]),
        static_cast<unsigned long long>(source[2]), static_cast<unsigned long long>(source[3]),
        static_cast<unsigned long long>(source_content_missed));
    std::vector<std::pair<uint64_t, std::string>> top;
    for (const auto& [cue, n] : missed_cues) top.emplace_back(n, cue);
    std::sort(top.rbegin(), top.rend());
    if (top.size() > 60) top.resize(60);
    std::printf("polnear_categories missed cues:");
    for (const auto& [n, cue] : top)
      std::printf(" [%s]=%llu", cue.c_str(), static_cast<unsigned long long>(n));
    std::printf("\n");
  }
};

void Show(const PolnearDoc& doc, const std::u32string& t, const Gold& g, const Predicted& p,
          int* budget) {
  ShowSpans("content", doc, t, Prepare(t, g.content), Prepare(t, p.content), budget);
  ShowSpans("source", doc, t, Prepare(t, g.source), Prepare(t, p.source), budget);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path dir = fs::path(NEWSFUSE_SHARED_DIR) / "bench" / "polnear-test";
  int show = 0;
  int repeat = 5;
  bool categories = false;
  Categories kinds;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--categories") == 0)
      categories = true;
    else if (i + 1 >= argc)
      break;
    else if (std::strcmp(argv[i], "--data") == 0)
      dir = argv[++i];
    else if (std::strcmp(argv[i], "--show") == 0)
      show = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--missed") == 0)
      kinds.show_cue = argv[++i];
    else if (std::strcmp(argv[i], "--repeat") == 0)
      repeat = std::max(1, std::atoi(argv[++i]));
  }
  if (MetadataPath(dir).empty()) {
    std::printf("skipped: no PolNeAR split (metadata_*.tsv) at %s\n", dir.c_str());
    return 0;
  }
  const std::vector<PolnearDoc> docs = ReadPolnear(dir);
  Scores ours;
  uint64_t bytes = 0, relations = 0, quotes = 0;
  std::vector<AnnotatedArticle> prepared;
  int budget = show;
  for (const PolnearDoc& doc : docs) {
    AnnotatedArticle a = Analyze(ToArticle(doc.text));
    if (a.body != doc.text) {
      std::fprintf(stderr, "%s: body differs from the text; offsets would not match\n",
                   doc.name.c_str());
      return 1;
    }
    // The quote annotator is timed alone below, on the articles the pipeline annotated.
    prepared.push_back(a);
    prepared.back().quotes.clear();
    const Decoded d = Decode(doc.text);
    const Gold g = FromGold(doc, d.text);
    const Predicted p = FromQuotes(a, d);
    ours.Add(d.text, g, p);
    if (budget > 0) Show(doc, d.text, g, p, &budget);
    if (categories) kinds.Add(doc, d.text, p);
    bytes += doc.text.size();
    relations += doc.gold.size();
    quotes += a.quotes.size();
  }
  std::printf("polnear_quotes docs=%zu gold_relations=%llu our_quotes=%llu\n", docs.size(),
              static_cast<unsigned long long>(relations), static_cast<unsigned long long>(quotes));
  PrintAll("polnear_quotes system=newsfuse", ours);
  if (categories) kinds.Print();

  // Human reference: each annotator of a multiply-annotated article scored
  // against each other one (every ordered pair), tallies pooled.
  Scores humans;
  size_t pairs = 0;
  for (const auto& versions : ReadMultiAnnotated(dir)) {
    const Decoded d = Decode(versions.front().text);
    for (size_t i = 0; i < versions.size(); ++i) {
      for (size_t j = 0; j < versions.size(); ++j) {
        if (i == j) continue;
        const Gold as_pred = FromGold(versions[i], d.text);
        Predicted p{as_pred.content, as_pred.source, as_pred.direct_content, {}};
        humans.Add(d.text, FromGold(versions[j], d.text), p);
        ++pairs;
      }
    }
  }
  std::printf(
      "polnear_quotes peer=annotator-vs-annotator pairs=%zu (2 articles; Krippendorff alpha 75.4%% "
      "published for the corpus)\n",
      pairs);
  PrintAll("polnear_quotes system=human-annotator", humans);
  // Speed of AnnotateQuotes alone (entities, sentences already there), one
  // thread, best of --repeat passes by process CPU time, the figure that
  // holds on a shared machine.
  double best_cpu = 1e30, best_wall = 1e30;
  for (int r = 0; r < repeat; ++r) {
    std::vector<AnnotatedArticle> batch = prepared;
    const std::clock_t c0 = std::clock();
    const auto t0 = std::chrono::steady_clock::now();
    for (AnnotatedArticle& a : batch) analyze::AnnotateQuotes(a);
    best_wall = std::min(
        best_wall, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    best_cpu = std::min(best_cpu, double(std::clock() - c0) / CLOCKS_PER_SEC);
  }
  std::printf("polnear_quotes speed bytes=%llu repeat=%d cpu_mb_per_s=%.1f wall_mb_per_s=%.1f\n",
              static_cast<unsigned long long>(bytes), repeat,
              best_cpu > 0 ? double(bytes) / 1e6 / best_cpu : 0.0,
              best_wall > 0 ? double(bytes) / 1e6 / best_wall : 0.0);
  std::printf("%s\n", MachineLine().c_str());
  return 0;
}
