#include "readability_meta.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "guideline_gold.h"
#include "readability_text.h"
#include "rejections.h"
#include "set_split.h"
#include "shingle_metric.h"

namespace newsfuse::bench {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Whitespace collapsed and trimmed; ASCII case folded when `fold`.
std::string Norm(const std::string& s, bool fold) {
  std::string out;
  bool space = false;
  for (unsigned char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += fold && c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return out;
}

// Norm, with a no-break space read as a space: the guideline scores the words
// of a title or name, not which space the page used between them.
std::string NormWords(std::string s, bool fold) {
  for (size_t at; (at = s.find("\u00a0")) != std::string::npos;) s.replace(at, 2, " ");
  return Norm(s, fold);
}

std::string DropByPrefix(std::string s) {
  for (const char* p : {"by ", "par ", "von "})
    if (s.rfind(p, 0) == 0) return s.substr(std::string(p).size());
  return s;
}

bool Contained(const std::string& a, const std::string& b) {
  return !a.empty() && !b.empty() &&
         (a.find(b) != std::string::npos || b.find(a) != std::string::npos);
}

// True when one title is the other with a site's name added before or after
// a separator ("Headline | Site", "Headline - Site", "Site: Headline"): the
// convention of keeping the site in the title, which newsfuse drops on
// purpose (issue 15). The added part is at most six words.
bool EqualUpToSiteAffix(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty() || a == b) return !a.empty() && a == b;
  const std::string& longer = a.size() > b.size() ? a : b;
  const std::string& shorter = a.size() > b.size() ? b : a;
  auto short_affix = [](std::string_view affix) {
    int words = 1;
    for (char c : affix) words += c == ' ';
    return !affix.empty() && words <= 6;
  };
  for (const char* sep :
       {" | ", " - ", " \u2013 ", " \u2014 ", " \u00b7 ", " :: ", " \u00bb ", ": "}) {
    const std::string s(sep);
    if (longer.size() > shorter.size() + s.size() && longer.starts_with(shorter) &&
        longer.compare(shorter.size(), s.size(), s) == 0 &&
        short_affix(std::string_view(longer).substr(shorter.size() + s.size())))
      return true;
    if (longer.size() > shorter.size() + s.size() && longer.ends_with(shorter) &&
        longer.compare(longer.size() - shorter.size() - s.size(), s.size(), s) == 0 &&
        short_affix(std::string_view(longer).substr(0, longer.size() - shorter.size() - s.size())))
      return true;
  }
  return false;
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

namespace {

struct Tally {
  int pages = 0, failures = 0;
  int title_n = 0, title_exact = 0, title_affix = 0, title_contained = 0;
  int author_n = 0, author_exact = 0, author_contained = 0, author_none_n = 0, author_invented = 0;
  int date_n = 0, date_exact = 0, date_none = 0;
  // Canonical URL, self-consistency only (no gold): pages whose source has a
  // <link rel=canonical> or og:url, and how many of them got one; pages with
  // neither that got one anyway (JSON-LD).
  int canonical_n = 0, canonical_found = 0, canonical_other = 0;
  std::vector<PageScore> bodies;  // real sites only ("page" in index.csv), not feature tests
  // Against the guideline labels (METADATA-GUIDELINES.md) instead of the raw
  // reference: pages with a headline, pages naming persons, pages naming none.
  int g_title_n = 0, g_title_exact = 0, g_author_n = 0, g_author_exact = 0;
  int g_author_none_n = 0, g_author_invented = 0, g_skipped = 0;
};

void PrintTally(const char* half, const Tally& t) {
  auto frac = [](int a, int b) { return b ? static_cast<double>(a) / b : 0.0; };
  std::printf(
      "extraction_readability_meta half=%s pages=%d failures=%d title_n=%d title_exact=%.3f "
      "title_up_to_site_affix=%.3f title_contained=%.3f author_n=%d author_exact=%.3f "
      "author_contained=%.3f "
      "author_none_n=%d author_invented=%d\n",
      half, t.pages, t.failures, t.title_n, frac(t.title_exact, t.title_n),
      frac(t.title_affix, t.title_n), frac(t.title_contained, t.title_n), t.author_n,
      frac(t.author_exact, t.author_n), frac(t.author_contained, t.author_n), t.author_none_n,
      t.author_invented);
  std::printf(
      "extraction_readability_guideline half=%s title_n=%d title_exact=%.3f author_n=%d "
      "author_exact=%.3f author_none_n=%d author_none_correct=%.3f author_invented=%d "
      "skipped=%d\n",
      half, t.g_title_n, frac(t.g_title_exact, t.g_title_n), t.g_author_n,
      frac(t.g_author_exact, t.g_author_n), t.g_author_none_n,
      frac(t.g_author_none_n - t.g_author_invented, t.g_author_none_n), t.g_author_invented,
      t.g_skipped);
  const Totals body = Aggregate(t.bodies);
  std::printf(
      "extraction_readability_body half=%s pages=%d precision=%.3f recall=%.3f f1=%.3f "
      "date_n=%d date_exact=%d date_none=%d date_accuracy=%.3f\n",
      half, body.pages, body.precision, body.recall, body.f1, t.date_n, t.date_exact, t.date_none,
      frac(t.date_exact, t.date_n));
  std::printf(
      "extraction_readability_canonical half=%s pages_with_link=%d found=%d "
      "without_link_found=%d\n",
      half, t.canonical_n, t.canonical_found, t.canonical_other);
}

// Column `n` (0-based) of a CSV line without quoted fields.
std::string CsvField(const std::string& line, int n) {
  size_t at = 0;
  for (int i = 0; i < n; ++i) {
    at = line.find(',', at);
    if (at == std::string::npos) return "";
    ++at;
  }
  return line.substr(at, line.find(',', at) - at);
}

// The calendar day a reference publishedTime states, as written (its own
// zone): every reference begins "YYYY-MM-DD".
std::string DayOf(const std::string& s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return "";
  return s.substr(0, 10);
}

// The names as a sorted list, case-folded and whitespace-collapsed, so two
// author lists compare equal whatever their order.
std::vector<std::string> NameSet(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (const std::string& n : names) out.push_back(NormWords(n, true));
  std::sort(out.begin(), out.end());
  return out;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : "; ") + n;
  return out;
}

void ScoreGuideline(const std::string& name, const GuidelineLabel& label, const std::string& title,
                    const std::vector<std::string>& authors, bool list, Tally& t) {
  if (label.title_state == LabelState::kSkip || label.author_state == LabelState::kSkip)
    ++t.g_skipped;
  if (label.title_state == LabelState::kScored) {
    ++t.g_title_n;
    const bool exact = std::any_of(
        label.titles.begin(), label.titles.end(),
        [&](const std::string& w) { return NormWords(w, false) == NormWords(title, false); });
    t.g_title_exact += exact;
    if (list && !exact)
      std::printf("guideline_title_miss %s want=\"%s\" got=\"%s\"\n", name.c_str(),
                  Joined(label.titles).c_str(), Norm(title, false).c_str());
  }
  if (label.author_state == LabelState::kScored) {
    ++t.g_author_n;
    const bool exact = NameSet(label.authors) == NameSet(authors);
    t.g_author_exact += exact;
    if (list && !exact)
      std::printf("guideline_author_miss %s want=\"%s\" got=\"%s\"\n", name.c_str(),
                  Joined(label.authors).c_str(), Joined(authors).c_str());
  } else if (label.author_state == LabelState::kNone) {
    ++t.g_author_none_n;
    if (!authors.empty()) {
      ++t.g_author_invented;
      if (list)
        std::printf("guideline_author_invented %s got=\"%s\"\n", name.c_str(),
                    Joined(authors).c_str());
    }
  }
}

}  // namespace

void ReadabilityMetadata(const fs::path& dir, HalfSelection halves, bool misses) {
  std::ifstream index(dir / "index.csv");
  if (!index) {
    std::printf("skipped: %s not found\n", (dir / "index.csv").c_str());
    return;
  }
  std::string line;
  std::getline(index, line);  // header
  Tally tally[2];             // by Half
  const std::map<std::string, GuidelineEdits> gold =
      ReadGuidelineEdits(fs::path(NEWSFUSE_BENCH_DIR) / "readability_guideline_gold.tsv");
  while (std::getline(index, line)) {
    const std::string name = line.substr(0, line.find(','));
    const size_t kind_at = line.find(',') + 1;
    const bool real_site = line.compare(kind_at, 5, "page,") == 0;
    const fs::path page = dir / "pages" / name;
    const json want = json::parse(ReadAll(page / "expected-metadata.json"), nullptr, false);
    if (want.is_discarded()) continue;
    const Half half = HalfOf(name);
    Tally& t = tally[static_cast<int>(half)];
    // Misses are listed for the selected halves only, so tuning never sees a
    // held-out page unless asked to.
    const bool list = misses && halves.Wants(half);
    ++t.pages;
    RawPage raw;
    raw.locator = name;
    raw.url = "http://fakehost/test/page.html";
    raw.format = PageFormat::kHtml;
    raw.content = ReadAll(page / "source.html");
    Result<Article> got = Status::BadInput(name, "not run");
    if (const Status refused = ExtractMetadata(raw, got); !refused.ok()) {
      ++t.failures;
      NoteRejection("readability", name, refused);
    }
    const bool names_itself = CsvField(line, 10) == "1" || CsvField(line, 11) == "1";
    const bool canonical = got.ok() && !got->canonical_url.empty();
    t.canonical_n += names_itself;
    t.canonical_found += names_itself && canonical;
    t.canonical_other += !names_itself && canonical;
    if (list && names_itself != canonical)
      std::printf("canonical_miss %s source_names_itself=%d got=\"%s\"\n", name.c_str(),
                  names_itself, canonical ? got->canonical_url.c_str() : "");
    const std::string title = got.ok() ? got->title : "";
    std::string authors;
    if (got.ok())
      for (const auto& a : got->authors) authors += (authors.empty() ? "" : ", ") + a;

    if (const auto edits = gold.find(name); edits != gold.end()) {
      auto text = [&](const char* key) {
        return want.contains(key) && want[key].is_string() ? want[key].get<std::string>() : "";
      };
      ScoreGuideline(name, ApplyGuidelineEdits(edits->second, text("title"), text("byline")), title,
                     got.ok() ? got->authors : std::vector<std::string>{}, list, t);
    } else {
      ++t.g_skipped;
    }
    if (real_site) {
      std::string body;
      if (got.ok())
        for (const auto& p : got->paragraphs) body += p + "\n";
      t.bodies.push_back(ScorePage(body, ReaderText(ReadAll(page / "expected.html"))));
      const PageScore& s = t.bodies.back();
      const double f1 = s.tp > 0 ? 2 * s.tp / (2 * s.tp + s.fp + s.fn) : 0.0;
      if (list && f1 < 0.9)
        std::printf("body_miss %s f1=%.3f p=%.2f r=%.2f\n", name.c_str(), f1,
                    s.tp + s.fp > 0 ? s.tp / (s.tp + s.fp) : 0.0,
                    s.tp + s.fn > 0 ? s.tp / (s.tp + s.fn) : 0.0);
    }
    if (want.contains("publishedTime") && want["publishedTime"].is_string()) {
      const std::string w = DayOf(want["publishedTime"].get<std::string>());
      const std::string g =
          got.ok() && got->published && got->published->precision >= DatePrecision::kDay
              ? got->published->ToIso().substr(0, 10)
              : "";
      ++t.date_n;
      t.date_exact += !w.empty() && w == g;
      t.date_none += g.empty();
      if (list && w != g)
        std::printf("date_miss %s want=%s got=%s\n", name.c_str(), w.c_str(),
                    g.empty() ? "-" : g.c_str());
    }
    if (want.contains("title") && want["title"].is_string() &&
        !want["title"].get<std::string>().empty()) {
      ++t.title_n;
      const std::string w = want["title"].get<std::string>();
      const bool exact = Norm(w, false) == Norm(title, false);
      const bool affix = EqualUpToSiteAffix(Norm(w, false), Norm(title, false));
      t.title_exact += exact;
      t.title_affix += affix;
      t.title_contained += Contained(Norm(w, true), Norm(title, true));
      if (list && !exact)
        std::printf("title_miss%s %s want=\"%s\" got=\"%s\"\n", affix ? "_site_affix" : "",
                    name.c_str(), Norm(w, false).c_str(), Norm(title, false).c_str());
    }
    const bool has_byline = want.contains("byline") && want["byline"].is_string() &&
                            !Norm(want["byline"].get<std::string>(), false).empty();
    if (has_byline) {
      ++t.author_n;
      const std::string w = DropByPrefix(Norm(want["byline"].get<std::string>(), true));
      const std::string g = Norm(authors, true);
      const bool exact = w == g;
      const bool contained = Contained(w, g);
      t.author_exact += exact;
      t.author_contained += contained;
      if (list && !exact)
        std::printf("author_miss%s %s want=\"%s\" got=\"%s\"\n", contained ? "_contained" : "",
                    name.c_str(), w.c_str(), g.c_str());
    } else {
      ++t.author_none_n;
      if (!authors.empty()) {
        ++t.author_invented;
        if (list) std::printf("author_invented %s got=\"%s\"\n", name.c_str(), authors.c_str());
      }
    }
  }
  Tally all;
  for (const Tally& t : tally) {
    all.pages += t.pages, all.failures += t.failures;
    all.title_n += t.title_n, all.title_exact += t.title_exact, all.title_affix += t.title_affix;
    all.title_contained += t.title_contained, all.author_n += t.author_n;
    all.author_exact += t.author_exact, all.author_contained += t.author_contained;
    all.author_none_n += t.author_none_n, all.author_invented += t.author_invented;
    all.date_n += t.date_n, all.date_exact += t.date_exact, all.date_none += t.date_none;
    all.canonical_n += t.canonical_n, all.canonical_found += t.canonical_found;
    all.canonical_other += t.canonical_other;
    all.bodies.insert(all.bodies.end(), t.bodies.begin(), t.bodies.end());
    all.g_title_n += t.g_title_n, all.g_title_exact += t.g_title_exact;
    all.g_author_n += t.g_author_n, all.g_author_exact += t.g_author_exact;
    all.g_author_none_n += t.g_author_none_n, all.g_author_invented += t.g_author_invented;
    all.g_skipped += t.g_skipped;
  }
  if (halves.dev) PrintTally("dev", tally[static_cast<int>(Half::kDev)]);
  if (halves.held_out) PrintTally("held-out", tally[static_cast<int>(Half::kHeldOut)]);
  if (halves.dev && halves.held_out) PrintTally("all", all);
}

}  // namespace newsfuse::bench
