// AnnotateQuotes scored on tests/data/analysis/quotes.jsonl: sentences we
// wrote in the styles of wire services, British and American papers,
// business, sports, regional and social-media reporting (none from the seed
// articles), each with its gold quotes (content, speaker as written, direct
// or reported). No entities are given, so the speaker is checked as the span
// that names it: the name without title or determiner ("Rajiv Menon",
// "National Hurricane Center"), a pronoun, or a common-noun phrase ("the mayor"). The floors sit a
// little under the measured figures; a change that drops below them has made quote finding worse.
#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/quote/quote_fixture.h"
#include "analyze/quote/quotes.h"

namespace newsfuse {
namespace {

struct GoldQuote {
  std::string content, speaker;
  bool direct = true;
};

struct Item {
  std::string id, text;
  std::vector<GoldQuote> quotes;
};

std::vector<Item> ReadItems() {
  std::vector<Item> items;
  std::ifstream in(std::string(NEWSFUSE_SOURCE_DIR) + "/tests/data/analysis/quotes.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(line);
    Item item{j["id"], j["text"], {}};
    for (const auto& q : j["quotes"])
      item.quotes.push_back(GoldQuote{q["content"], q["speaker"], q["direct"]});
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<std::string> Paragraphs(const std::string& text) {
  std::vector<std::string> out;
  size_t pos = 0;
  for (size_t brk; (brk = text.find("\n\n", pos)) != std::string::npos; pos = brk + 2) {
    out.push_back(text.substr(pos, brk - pos));
  }
  out.push_back(text.substr(pos));
  return out;
}

// Trims spaces, quote marks and end punctuation, as the PolNeAR scorer does.
Span Normalise(const std::string& body, Span s) {
  auto trimmable = [&](uint32_t i, bool front) {
    const unsigned char c = static_cast<unsigned char>(body[i]);
    if (c == ' ' || c == '"' || c == '\'' || c == '.' || c == ',' || c == ';' || c == ':')
      return true;
    // U+2018/2019/201C/201D are E2 80 98..9D: trim all three bytes.
    if (front && c == 0xE2 && i + 2 < body.size() &&
        static_cast<unsigned char>(body[i + 1]) == 0x80) {
      const unsigned char d = static_cast<unsigned char>(body[i + 2]);
      return d >= 0x98 && d <= 0x9D;
    }
    if (!front && i >= 2 && static_cast<unsigned char>(body[i - 2]) == 0xE2 &&
        static_cast<unsigned char>(body[i - 1]) == 0x80) {
      return c >= 0x98 && c <= 0x9D;
    }
    return false;
  };
  while (s.begin < s.end && trimmable(s.begin, true))
    s.begin += static_cast<unsigned char>(body[s.begin]) == 0xE2 ? 3 : 1;
  while (s.end > s.begin && trimmable(s.end - 1, false))
    s.end -= (s.end >= 3 && static_cast<unsigned char>(body[s.end - 3]) == 0xE2) ? 3 : 1;
  return s;
}

// The speaker span is the phrase as written, PolNeAR's source convention
// (issue 18): the gold name with its determiner, title or appositive around
// it ("the mayor of Kharkiv, Ihor Terekhov"; "Sophie Laurent, a strategist at
// Banque Orion"). It is right when it holds the gold name as whole words and
// no quote mark or second clause of its own ("; ").
bool NamesSpeaker(std::string_view ours, std::string_view gold) {
  if (ours == gold) return true;
  const size_t at = ours.find(gold);
  if (gold.empty() || at == std::string_view::npos) return false;
  auto letter = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  if ((at > 0 && letter(ours[at - 1])) ||
      (at + gold.size() < ours.size() && letter(ours[at + gold.size()])))
    return false;
  for (std::string_view bad : {"\"", "``", "''", "\u201c", "\u201d", "; "})
    if (ours.find(bad) != std::string_view::npos) return false;
  return true;
}

struct Totals {
  int gold = 0, predicted = 0, overlap = 0, exact = 0, speaker = 0, name_exact = 0, direct = 0;
  double F1(int matched) const {
    const double p = predicted ? double(matched) / predicted : 0,
                 r = gold ? double(matched) / gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

TEST(QuotesLabelledTest, ScoresAboveFloor) {
  const std::vector<Item> items = ReadItems();
  ASSERT_GE(items.size(), 60u);
  Totals t;
  for (const Item& item : items) {
    AnnotatedArticle a = testing::MakeAnnotated(Paragraphs(item.text));
    analyze::AnnotateQuotes(a);
    t.predicted += static_cast<int>(a.quotes.size());
    t.gold += static_cast<int>(item.quotes.size());
    std::vector<bool> used(a.quotes.size(), false);
    for (const GoldQuote& g : item.quotes) {
      const size_t at = a.body.find(g.content);
      ASSERT_NE(at, std::string::npos) << item.id << ": gold content not in text";
      const Span gold = Normalise(
          a.body, Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + g.content.size())});
      bool found = false;
      for (size_t k = 0; k < a.quotes.size() && !found; ++k) {
        const Quote& q = a.quotes[k];
        const Span ours = Normalise(a.body, q.content);
        if (used[k] || std::max(ours.begin, gold.begin) >= std::min(ours.end, gold.end)) continue;
        used[k] = found = true;
        ++t.overlap;
        t.exact += ours == gold ? 1 : 0;
        const bool speaker_ok = NamesSpeaker(a.Text(q.speaker_span), g.speaker);
        t.speaker += speaker_ok ? 1 : 0;
        t.name_exact += a.Text(q.speaker_span) == g.speaker ? 1 : 0;
        t.direct += q.direct == g.direct ? 1 : 0;
        if (a.Text(q.speaker_span) != g.speaker) {
          std::printf("speaker %s: ours [%s] gold [%s]\n", item.id.c_str(),
                      std::string(a.Text(q.speaker_span)).c_str(), g.speaker.c_str());
        }
        if (!(ours == gold)) {
          std::printf("content %s: ours [%s] gold [%s]\n", item.id.c_str(),
                      std::string(a.Text(ours)).c_str(), std::string(a.Text(gold)).c_str());
        }
      }
      if (!found) std::printf("missed %s: [%s]\n", item.id.c_str(), g.content.c_str());
    }
    for (size_t k = 0; k < a.quotes.size(); ++k) {
      if (!used[k])
        std::printf("extra %s: [%s]\n", item.id.c_str(),
                    std::string(a.Text(a.quotes[k].content)).c_str());
    }
  }
  const double speaker_acc = t.overlap ? double(t.speaker) / t.overlap : 0;
  const double direct_acc = t.overlap ? double(t.direct) / t.overlap : 0;
  std::printf(
      "quotes_labelled items=%zu gold=%d predicted=%d overlap_f1=%.3f exact_f1=%.3f "
      "speaker_acc=%.3f (name alone %.3f) direct_acc=%.3f\n",
      items.size(), t.gold, t.predicted, t.F1(t.overlap), t.F1(t.exact), speaker_acc,
      t.overlap ? double(t.name_exact) / t.overlap : 0, direct_acc);
  // Measured (82 items, 87 quotes): overlap F1 1.000, exact F1 1.000,
  // speaker 0.966, direct/reported 1.000. The last 16 items were written after
  // the rules were tuned on the first 66 and scored once: content all found,
  // speaker 14 of 17.
  EXPECT_GE(t.F1(t.overlap), 0.95);
  EXPECT_GE(t.F1(t.exact), 0.90);
  EXPECT_GE(speaker_acc, 0.90);
  EXPECT_GE(direct_acc, 0.95);
}

}  // namespace
}  // namespace newsfuse
