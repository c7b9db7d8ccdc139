#include "dragnet_set.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "extract/extract.h"
#include "gzip_file.h"
#include "lcs_metric.h"
#include "rejections.h"
#include "shingle_metric.h"

namespace newsfuse::bench {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kCommentsSeparator = "!@#$%^&*()  COMMENTS";

bool ValidUtf8(std::string_view s) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open("UTF-8", &err);
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::vector<UChar> buf(s.size() + 1);
  ucnv_toUChars(conv, buf.data(), static_cast<int32_t>(buf.size()), s.data(),
                static_cast<int32_t>(s.size()), &err);
  ucnv_close(conv);
  return U_SUCCESS(err);
}

std::string Convert(std::string_view s, const char* from) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(s.size() * 3 + 16, '\0');
  const int32_t n = ucnv_convert("UTF-8", from, out.data(), static_cast<int32_t>(out.size()),
                                 s.data(), static_cast<int32_t>(s.size()), &err);
  out.resize(U_SUCCESS(err) ? static_cast<size_t>(n) : 0);
  return out;
}

// The gold files' encodings (SOURCE.md): a BOM first, then UTF-8, then cp1252.
std::string DecodeGold(const std::string& bytes) {
  if (bytes.rfind("\xFF\xFE", 0) == 0)
    return Convert(std::string_view(bytes).substr(2), "UTF-16LE");
  if (bytes.rfind("\xFE\xFF", 0) == 0)
    return Convert(std::string_view(bytes).substr(2), "UTF-16BE");
  if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) return bytes.substr(3);
  if (ValidUtf8(bytes)) return bytes;
  return Convert(bytes, "windows-1252");
}

struct Page {
  std::string id, split;
  std::string article, content;  // gold: article only; article + comments
  std::string predicted;
  LcsScore lcs_content, lcs_article;
  PageScore shingle;
};

bool KnownBadPair(const std::string& id) { return id == "R427" || id == "R237"; }

void PrintGroup(const char* group, const std::vector<const Page*>& pages, bool clean) {
  std::vector<LcsScore> content, article;
  std::vector<PageScore> shingle;
  for (const Page* p : pages) {
    if (clean && KnownBadPair(p->id)) continue;
    content.push_back(p->lcs_content);
    article.push_back(p->lcs_article);
    shingle.push_back(p->shingle);
  }
  const LcsTotals c = AggregateLcs(content), a = AggregateLcs(article);
  const Totals s = Aggregate(shingle);
  std::printf(
      "extraction_dragnet group=%s%s pages=%d lcs_content_p=%.3f lcs_content_r=%.3f "
      "lcs_content_f1=%.3f lcs_article_p=%.3f lcs_article_r=%.3f lcs_article_f1=%.3f "
      "shingle_article_p=%.3f shingle_article_r=%.3f shingle_article_f1=%.3f\n",
      group, clean ? "-clean" : "", c.pages, c.precision, c.recall, c.f1, a.precision, a.recall,
      a.f1, s.precision, s.recall, s.f1);
}

void PrintWorst(const char* group, std::vector<const Page*> pages, int worst) {
  std::sort(pages.begin(), pages.end(),
            [](const Page* a, const Page* b) { return a->lcs_article.f1 < b->lcs_article.f1; });
  for (int k = 0; k < worst && k < static_cast<int>(pages.size()); ++k)
    std::printf("dragnet_worst group=%s id=%s lcs_article_f1=%.3f p=%.2f r=%.2f\n", group,
                pages[k]->id.c_str(), pages[k]->lcs_article.f1, pages[k]->lcs_article.precision,
                pages[k]->lcs_article.recall);
}

// Peters & Lecocq 2013, Table 2, "2012 Test" column (gold with comments).
void PrintPublished() {
  struct Row {
    const char* model;
    double f1;
  };
  static constexpr Row kRows[] = {
      {"Dragnet-ST+IC+CETR", 0.836},
      {"ST+IC", 0.824},
      {"ST-Kohlschuetter", 0.809},
      {"CETR", 0.735},
      {"IC", 0.701},
      {"Baseline", 0.623},
  };
  for (const Row& r : kRows)
    std::printf(
        "extraction_dragnet_published group=test task=content+comments model=%s "
        "lcs_content_f1=%.3f\n",
        r.model, r.f1);
}

}  // namespace

void DragnetBodies(const fs::path& dir, HalfSelection halves, int worst) {
  if (!fs::exists(dir / "pages.tsv")) {
    std::printf("skipped: dragnet (%s not found; the set lives in ../shared/bench)\n",
                (dir / "pages.tsv").c_str());
    return;
  }
  std::vector<Page> pages;
  {
    std::ifstream in(dir / "pages.tsv");
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      const size_t a = line.find('\t'), b = line.find('\t', a + 1);
      if (b == std::string::npos) continue;
      Page p;
      p.id = line.substr(0, a);
      p.split = line.substr(a + 1, b - a - 1);
      const bool dev = HalfOf(p.id) == Half::kDev && p.split == "train";
      if (dev ? !halves.dev : !halves.held_out) continue;
      pages.push_back(std::move(p));
    }
  }
  int failures = 0;
  for (Page& p : pages) {
    RawPage raw;
    raw.locator = p.id;
    raw.format = PageFormat::kHtml;
    if (!ReadGzip(dir / "HTML" / (p.id + ".html.gz"), raw.content))
      std::fprintf(stderr, "cannot read %s.html.gz\n", p.id.c_str());
    std::ifstream g(dir / "Corrected" / (p.id + ".html.corrected.txt"), std::ios::binary);
    const std::string gold = DecodeGold(std::string(std::istreambuf_iterator<char>(g), {}));
    const size_t sep = gold.find(kCommentsSeparator);
    p.article = gold.substr(0, sep);
    p.content = sep == std::string::npos
                    ? gold
                    : p.article + "\n" + gold.substr(sep + kCommentsSeparator.size());
    if (auto a = ExtractArticle(raw); a.ok()) {
      p.predicted = a->title + "\n";
      for (const auto& para : a->paragraphs) p.predicted += para + "\n";
    } else {
      ++failures;
      NoteRejection("dragnet", p.id, a.status());
    }
    p.lcs_content = ScoreLcs(p.predicted, p.content);
    p.lcs_article = ScoreLcs(p.predicted, p.article);
    p.shingle = ScorePage(p.predicted, p.article);
  }
  std::map<std::string, std::vector<const Page*>> groups;
  for (const Page& p : pages) {
    const bool dev = HalfOf(p.id) == Half::kDev && p.split == "train";
    groups[dev ? "dev" : "held-out"].push_back(&p);
    if (p.split == "test") groups["test"].push_back(&p);
  }
  for (const auto& [name, group] : groups) {
    PrintGroup(name.c_str(), group, false);
    PrintGroup(name.c_str(), group, true);
    PrintWorst(name.c_str(), group, worst);
  }
  std::printf("extraction_dragnet_failures pages=%zu failures=%d\n", pages.size(), failures);
  PrintPublished();
}

}  // namespace newsfuse::bench
