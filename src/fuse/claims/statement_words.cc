#include "fuse/claims/statement_words.h"

#include <string_view>

namespace newsfuse::fuse {

std::vector<StatementWord> StatementWords(const text::Tokens& t, size_t k) {
  std::vector<StatementWord> out;
  const size_t end = k + 1 < t.sentence_first.size() ? t.SentenceEnd(k) : 0;
  ForEachWord(t, k, [&](size_t first, size_t last) {
    StatementWord w;
    w.begin = t[first].begin;
    w.end = t[last].end;
    text::AppendFolded(t.text.substr(w.begin, w.end - w.begin), w.text);
    w.capital = t[first].Has(text::kCapital);
    w.ends_clause =
        last + 1 < end && t[last + 1].IsSymbol() && t[last + 1].end - t[last + 1].begin == 1 &&
        std::string_view(",.;:!?()\"").find(t.Text(last + 1)[0]) != std::string_view::npos;
    out.push_back(std::move(w));
  });
  return out;
}

}  // namespace newsfuse::fuse
