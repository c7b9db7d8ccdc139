// The labelled set in tests/data/analysis: sentence boundaries and quantities
// written for this project in the styles of varied outlets. Each test prints
// its figures ("name key=value ...") and holds them above a floor, so a change
// that makes the annotator worse on text it was not tuned on fails here.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "analyze/analyze.h"
#include "text/seed_corpus.h"
#include "text/sentences.h"

namespace newsfuse {
namespace {

const std::string kDataDir = std::string(NEWSFUSE_SOURCE_DIR) + "/tests/data/analysis/";

std::vector<std::string> Split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t from = 0;
  for (size_t at; (at = s.find(sep, from)) != std::string::npos; from = at + sep.size())
    out.push_back(s.substr(from, at - from));
  out.push_back(s.substr(from));
  return out;
}

std::string Trim(const std::string& s) {
  const size_t b = s.find_first_not_of(' ');
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(' ') - b + 1);
}

// Rows of a TSV file, comments and blank lines skipped.
std::vector<std::vector<std::string>> ReadTsv(const std::string& name) {
  std::ifstream in(kDataDir + name);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    rows.push_back(Split(line, "\t"));
  }
  return rows;
}

double F1(double p, double r) { return p + r == 0 ? 0 : 2 * p * r / (p + r); }

TEST(LabelledSetTest, SentenceSplitterOnVariedOutlets) {
  const auto rows = ReadTsv("sentences.tsv");
  ASSERT_GE(rows.size(), 50u);
  int gold_n = 0, pred_n = 0, correct = 0, paragraphs_exact = 0;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 3u) << row[0];
    const std::vector<std::string> gold = Split(row[2], " || ");
    std::string paragraph;
    for (const std::string& s : gold) paragraph += (paragraph.empty() ? "" : " ") + s;
    std::vector<std::string> pred;
    for (const Span& s : SplitSentences(paragraph))
      pred.push_back(paragraph.substr(s.begin, s.size()));
    gold_n += static_cast<int>(gold.size());
    pred_n += static_cast<int>(pred.size());
    int hit = 0;
    for (const std::string& g : gold)
      for (const std::string& p : pred) hit += g == p;
    correct += hit;
    if (pred == gold) {
      ++paragraphs_exact;
    } else {
      std::printf("sentence_miss id=%s got=%zu want=%zu\n", row[0].c_str(), pred.size(),
                  gold.size());
    }
  }
  const double p = static_cast<double>(correct) / pred_n, r = static_cast<double>(correct) / gold_n;
  std::printf(
      "labelled_sentences paragraphs=%zu sentences=%d precision=%.3f recall=%.3f f1=%.3f "
      "paragraphs_exact=%.3f\n",
      rows.size(), gold_n, p, r, F1(p, r), static_cast<double>(paragraphs_exact) / rows.size());
  // Floors a little under the figures measured when the set was written
  // (f1 0.974, 53 of 55 paragraphs exact), so a regression fails here. The
  // splitter is not ours (src/text); the two misses are "8 p.m. ET." and
  // "Sh. Ramesh Kumar", abbreviations its list lacks.
  EXPECT_GE(gold_n, 100);
  EXPECT_GE(F1(p, r), 0.94);
  EXPECT_GE(paragraphs_exact, 50);
}

struct GoldQuantity {
  std::string text, unit, counted;
  double value = 0, total = 0, low = 0, high = 0;
  bool has_total = false, has_interval = false;
};

double ParseBound(const std::string& s) {
  return s == "inf" ? std::numeric_limits<double>::infinity() : std::stod(s);
}

GoldQuantity ParseGold(const std::string& item) {
  const std::vector<std::string> f = Split(Trim(item), "|");
  GoldQuantity g;
  g.text = f.at(0);
  g.value = std::stod(f.at(1));
  g.unit = f.at(2);
  g.counted = f.at(3);
  g.total = g.value;
  if (f.size() > 4 && !f[4].empty()) {
    g.total = std::stod(f[4]);
    g.has_total = true;
  }
  if (f.size() > 5) {
    const std::vector<std::string> b = Split(f[5], "..");
    g.low = ParseBound(b.at(0));
    g.high = ParseBound(b.at(1));
    g.has_interval = true;
  }
  return g;
}

bool Near(double a, double b) {
  if (std::isinf(a) || std::isinf(b)) return a == b;
  return std::fabs(a - b) <= 1e-3 * std::max(1.0, std::fabs(b));
}

struct QuantityScore {
  int rows = 0, gold = 0, predicted = 0, matched = 0, value_ok = 0, counted_n = 0, counted_ok = 0;
  int total_n = 0, total_ok = 0, interval_n = 0, interval_ok = 0, negatives = 0,
      negatives_clean = 0;
  static double Ratio(int a, int b) { return b == 0 ? 1.0 : static_cast<double>(a) / b; }
  double Precision() const { return Ratio(matched, predicted); }
  double Recall() const { return Ratio(matched, gold); }
  double F() const { return F1(Precision(), Recall()); }
  void Print(const char* split) const {
    std::printf(
        "labelled_quantities split=%s sentences=%d gold=%d predicted=%d span_p=%.3f span_r=%.3f "
        "span_f1=%.3f "
        "value_unit_acc=%.3f counted_acc=%.3f total_acc=%.3f interval_acc=%.3f "
        "negatives_clean=%.3f\n",
        split, rows, gold, predicted, Precision(), Recall(), F(), Ratio(value_ok, matched),
        Ratio(counted_ok, counted_n), Ratio(total_ok, total_n), Ratio(interval_ok, interval_n),
        Ratio(negatives_clean, negatives));
  }
};

// Scores one labelled row into `score`, printing each miss so a failure says where.
void ScoreRow(const std::vector<std::string>& row, QuantityScore& score) {
  std::vector<GoldQuantity> gold;
  if (row[3] != "-")
    for (const std::string& item : Split(row[3], ";;")) gold.push_back(ParseGold(item));
  const AnnotatedArticle a = Analyze(testing::MakeArticle(row[0], row[1], "", {row[2]}));
  ++score.rows;
  score.predicted += static_cast<int>(a.quantities.size());
  score.gold += static_cast<int>(gold.size());
  if (gold.empty()) {
    ++score.negatives;
    score.negatives_clean += a.quantities.empty();
  }
  std::vector<bool> used(a.quantities.size(), false);
  for (const GoldQuantity& g : gold) {
    size_t k = 0;
    while (k < a.quantities.size() && (used[k] || a.Text(a.quantities[k].span) != g.text)) ++k;
    if (k == a.quantities.size()) {
      std::printf("quantity_miss id=%s want=\"%s\"\n", row[0].c_str(), g.text.c_str());
      continue;
    }
    used[k] = true;
    const Quantity& q = a.quantities[k];
    ++score.matched;
    const bool v = Near(q.value, g.value) && q.unit == g.unit;
    score.value_ok += v;
    if (!v)
      std::printf("value_miss id=%s text=\"%s\" got=%g%s want=%g%s\n", row[0].c_str(),
                  g.text.c_str(), q.value, q.unit.c_str(), g.value, g.unit.c_str());
    if (g.counted != "*") {
      ++score.counted_n;
      score.counted_ok += q.counted == g.counted;
      if (q.counted != g.counted)
        std::printf("counted_miss id=%s text=\"%s\" got=\"%s\" want=\"%s\"\n", row[0].c_str(),
                    g.text.c_str(), q.counted.c_str(), g.counted.c_str());
    }
    if (g.has_total) {
      ++score.total_n;
      score.total_ok += Near(q.total, g.total);
    }
    if (g.has_interval) {
      ++score.interval_n;
      score.interval_ok += Near(q.low, g.low) && Near(q.high, g.high);
    }
  }
  for (size_t k = 0; k < used.size(); ++k)
    if (!used[k])
      std::printf("quantity_extra id=%s got=\"%s\"\n", row[0].c_str(),
                  std::string(a.Text(a.quantities[k].span)).c_str());
}

TEST(LabelledSetTest, QuantitiesOnVariedOutlets) {
  const auto rows = ReadTsv("quantities.tsv");
  ASSERT_GE(rows.size(), 150u);
  QuantityScore dev, heldout;
  for (const auto& row : rows) {
    ASSERT_EQ(row.size(), 4u) << row[0];
    ScoreRow(row, row[0][0] == 'h' ? heldout : dev);
  }
  dev.Print("dev");
  heldout.Print("heldout");
  // Floors a little under the figures measured. The dev rows were written
  // alongside the rules; the held-out rows were scored once, untuned, and
  // say how the rules generalise.
  EXPECT_GE(dev.rows, 150);
  EXPECT_GE(dev.F(), 0.95);
  EXPECT_GE(QuantityScore::Ratio(dev.value_ok, dev.matched), 0.95);
  EXPECT_GE(QuantityScore::Ratio(dev.counted_ok, dev.counted_n), 0.90);
  EXPECT_GE(QuantityScore::Ratio(dev.total_ok, dev.total_n), 0.95);
  EXPECT_GE(QuantityScore::Ratio(dev.interval_ok, dev.interval_n), 0.95);
  EXPECT_GE(QuantityScore::Ratio(dev.negatives_clean, dev.negatives), 0.85);
  // Held out, measured once: span f1 0.911, counted 0.944.
  EXPECT_GE(heldout.rows, 30);
  EXPECT_GE(heldout.F(), 0.85);
  EXPECT_GE(QuantityScore::Ratio(heldout.value_ok, heldout.matched), 0.90);
  EXPECT_GE(QuantityScore::Ratio(heldout.counted_ok, heldout.counted_n), 0.85);
}

}  // namespace
}  // namespace newsfuse
