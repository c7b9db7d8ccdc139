#include "rouge.h"

#include <libstemmer.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "rouge_porter.h"

namespace newsfuse::bench {
namespace {

// Perl's \s without `use utf8`.
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Fields of Perl's split(/\s+/, s): a leading empty field when s starts with
// whitespace, trailing empty fields dropped. Only their count and the text up
// to the k-th field matter to the word limit.
std::vector<std::string_view> PerlSplit(std::string_view s) {
  std::vector<std::string_view> fields;
  size_t i = 0;
  if (!s.empty() && IsSpace(s[0])) fields.emplace_back();
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    const size_t b = i;
    while (i < s.size() && !IsSpace(s[i])) ++i;
    if (i > b) fields.push_back(s.substr(b, i - b));
  }
  if (fields.size() == 1 && fields[0].empty()) fields.clear();
  return fields;
}

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

Rouge::Rouge(RougeOptions options) : options_(options) {
  if (options_.stem && options_.snowball) stemmer_ = sb_stemmer_new("porter", "UTF_8");
}

Rouge::~Rouge() {
  if (stemmer_) sb_stemmer_delete(stemmer_);
}

int Rouge::LoadExceptions(const std::vector<std::string>& exc_files) {
  int n = 0;
  for (const auto& path : exc_files) {
    std::ifstream in(path);
    std::string line, form, base;
    while (std::getline(in, line)) {
      std::istringstream fields(line);
      if (fields >> form >> base) {
        exceptions_[form] = base;
        ++n;
      }
    }
  }
  return n;
}

std::string Rouge::StemWord(std::string_view word) {
  if (!options_.stem || word.size() <= 3) return std::string(word);
  if (auto it = exceptions_.find(std::string(word)); it != exceptions_.end()) return it->second;
  if (!stemmer_) return RougePorterStem(std::string(word));
  const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(word.data()),
                                       static_cast<int>(word.size()));
  return std::string(reinterpret_cast<const char*>(s),
                     static_cast<size_t>(sb_stemmer_length(stemmer_)));
}

uint32_t Rouge::Intern(const std::string& word) {
  auto [it, fresh] = ids_.emplace(word, static_cast<uint32_t>(words_.size()));
  if (fresh) words_.push_back(word);
  return it->second;
}

std::vector<std::string> Rouge::Words(const std::vector<std::string>& lines) {
  // The word limit counts raw whitespace-separated words, before punctuation
  // is removed: "U.S.-led" is one word here and three tokens later.
  std::string text;
  long taken = 0;
  for (const std::string& raw : lines) {
    if (raw.empty()) continue;
    std::string line = raw;
    for (char& c : line) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    const auto fields = PerlSplit(line);
    const long n = static_cast<long>(fields.size());
    if (options_.word_limit <= 0 || taken + n < options_.word_limit) {
      if (taken != 0) text += ' ';
      text += line;
      taken += n;
      continue;
    }
    if (taken > 0) text += ' ';
    for (long k = 0; k < options_.word_limit - taken && k < n; ++k) {
      if (k) text += ' ';
      text += fields[static_cast<size_t>(k)];
    }
    break;
  }
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (IsAlnum(c)) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(StemWord(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(StemWord(word));
  return words;
}

RougeTokens Rouge::Tokenize(const std::vector<std::string>& lines) {
  RougeTokens out;
  for (const auto& w : Words(lines)) out.push_back(Intern(w));
  return out;
}

double Rouge::Counts::Recall() const {
  if (model <= 0) return 0;
  return std::round(static_cast<double>(hit) / static_cast<double>(model) * 1e5) / 1e5;
}

namespace {

std::unordered_map<uint64_t, int> Grams(const RougeTokens& t, int n) {
  std::unordered_map<uint64_t, int> grams;
  for (size_t i = 0; i + static_cast<size_t>(n) <= t.size(); ++i) {
    const uint64_t key = n == 1 ? t[i] : (static_cast<uint64_t>(t[i]) << 32) | t[i + 1];
    ++grams[key];
  }
  return grams;
}

}  // namespace

Rouge::Counts Rouge::Score(const RougeTokens& peer, const std::vector<RougeTokens>& models, int n) {
  // Bigrams are packed into 64 bits; the protocol needs no more than n = 2.
  if (n < 1 || n > 2) return {};
  const auto p = Grams(peer, n);
  Counts c;
  for (const auto& m : models) {
    const auto g = Grams(m, n);
    for (const auto& [key, count] : g) {
      c.model += count;
      if (auto it = p.find(key); it != p.end()) c.hit += std::min(count, it->second);
    }
  }
  return c;
}

namespace {

// Perl's own drand48 (used on every platform since Perl 5.20).
struct PerlRand {
  uint64_t x = 0;
  void Seed(uint32_t seed) { x = (static_cast<uint64_t>(seed) << 16) | 0x330E; }
  double Next() {
    x = (x * 0x5DEECE66DULL + 0xB) & ((1ULL << 48) - 1);
    return std::ldexp(static_cast<double>(x), -48);
  }
};

}  // namespace

double RougeAverage(const std::vector<double>& scores, int resamples) {
  if (scores.empty() || resamples <= 0) return 0;
  PerlRand rng;
  const size_t n = scores.size();
  double total = 0;
  for (int i = 0; i < resamples; ++i) {
    rng.Seed(static_cast<uint32_t>(i));
    double sum = 0;
    for (size_t k = 0; k < n; ++k)
      sum += scores[static_cast<size_t>(rng.Next() * static_cast<double>(n))];
    total += sum / static_cast<double>(n);
  }
  return total / resamples;
}

std::vector<std::string> ReadSummaryLines(const std::string& path) {
  std::vector<std::string> lines;
  std::ifstream in(path, std::ios::binary);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

}  // namespace newsfuse::bench
