// ROUGE-N recall as ROUGE-1.5.5 computes it for the DUC protocol
// (-n 2 -m -l 100 -f A, no stop-word removal), re-implemented from the
// published description of the Perl script's behaviour:
//
//  * a summary is its non-empty lines, lowercased; the first `word_limit`
//    whitespace-separated words are kept (counted before punctuation is
//    removed, as the script does);
//  * then '-' and every byte that is not an ASCII letter or digit become
//    spaces, so "U.S." is "u s" and "Abu-Dhabi" is "abu dhabi";
//  * words longer than 3 characters are looked up in ROUGE's irregular-form
//    table (its WordNet exception database; we read WordNet's *.exc files)
//    and otherwise Porter-stemmed with ROUGE's variant (rouge_porter.h);
//  * a peer is scored against every model; "model average" (-f A) is
//    sum of clipped n-gram hits / sum of model n-gram counts over the models;
//    per-topic recall is rounded to 5 decimals before averaging over topics.
//
// rouge_eval checks this against the golden ROUGE-1.5.5 output before any of
// our figures are quoted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sb_stemmer;

namespace newsfuse::bench {

struct RougeOptions {
  int word_limit = 100;  // -l; 0 = whole text
  bool stem = true;      // -m
  // ROUGE's own Porter variant (rouge_porter.h) by default; Snowball's
  // "porter" (libstemmer) to measure the difference.
  bool snowball = false;
};

// Token ids of one summary, in text order.
using RougeTokens = std::vector<uint32_t>;

class Rouge {
 public:
  explicit Rouge(RougeOptions options = {});
  ~Rouge();
  Rouge(const Rouge&) = delete;
  Rouge& operator=(const Rouge&) = delete;

  // Irregular forms looked up before stemming ("children" -> "child"), as
  // ROUGE's exception database does. Reads WordNet *.exc files ("form base").
  int LoadExceptions(const std::vector<std::string>& exc_files);

  // A summary given as its lines (sentences), tokenised by the protocol.
  RougeTokens Tokenize(const std::vector<std::string>& lines);
  // The words the protocol keeps, as strings (for tests).
  std::vector<std::string> Words(const std::vector<std::string>& lines);

  struct Counts {
    long hit = 0;
    long model = 0;
    double Recall() const;  // rounded to 5 decimals, as ROUGE-1.5.5 prints per topic
  };
  // Model-average ROUGE-n of `peer` against `models`.
  static Counts Score(const RougeTokens& peer, const std::vector<RougeTokens>& models, int n);

 private:
  std::string StemWord(std::string_view word);
  uint32_t Intern(const std::string& word);

  RougeOptions options_;
  sb_stemmer* stemmer_ = nullptr;
  std::unordered_map<std::string, std::string> exceptions_;
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;
};

// The system average ROUGE-1.5.5 prints as Average_R: not the plain mean of
// the per-topic scores but the mean of 1000 bootstrap resample means,
// resample i drawn with Perl's drand48 after srand(i). Reproducing the draw
// makes a comparison with published figures exact, not within the
// resampling noise (~0.0003 on DUC 2004). `scores` in ROUGE's instance order
// (sorted evaluation ids: topic order).
double RougeAverage(const std::vector<double>& scores, int resamples = 1000);

// Non-empty lines of a summary file, as ROUGE's SPL reader takes them.
std::vector<std::string> ReadSummaryLines(const std::string& path);

}  // namespace newsfuse::bench
