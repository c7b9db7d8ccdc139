#include "cluster/names.h"

#include <string>

#include "core/utf8.h"
#include "text/tokens.h"

namespace newsfuse::cluster {
namespace {

// Punctuation after which a capital says nothing: sentence ends, a colon, an
// opening or closing quote, and "_" (wire-story separators).
bool StartsSentence(std::string_view symbol) {
  return symbol == "." || symbol == "!" || symbol == "?" || symbol == ":" || symbol == "\"" ||
         symbol == "_" || symbol == "\u201c" || symbol == "\u201d";
}

// "Zelensky's" names Zelensky: the possessive is cut from the term.
std::string_view WithoutPossessive(std::string_view w) {
  for (std::string_view s : {std::string_view("'s"), std::string_view("\u2019s")}) {
    if (w.size() > s.size() && w.substr(w.size() - s.size()) == s)
      return w.substr(0, w.size() - s.size());
  }
  return w;
}

}  // namespace

void NameTerms(std::string_view text, TermDictionary& dict, std::vector<uint32_t>& out) {
  // Reused: no allocation per token once the buffers have grown.
  thread_local text::Tokens tokens;
  thread_local std::string word;
  text::Tokenize(text, tokens);
  bool sentence_start = true;  // at text start, after . ! ? : a quote or a line break
  for (size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    if (t.Has(text::kLineBefore)) sentence_start = true;
    if (!t.IsWord()) {
      if (t.IsSymbol() && StartsSentence(tokens.Text(t))) sentence_start = true;
      continue;
    }
    // A hyphenated name is one term ("Kyung-min", "Al-Assad"): words joined
    // by glued hyphens.
    size_t last = i;
    while (tokens.Glued(last) && tokens.Text(last + 1) == "-" && tokens.Glued(last + 1) &&
           tokens[last + 2].IsWord())
      last += 2;
    if (t.Has(text::kCapital) && !sentence_start) {
      word.assign(kNamePrefix);
      for (size_t k = i; k <= last; ++k) {
        const std::string_view piece = tokens.Text(k);
        text::AppendFolded(k == last ? WithoutPossessive(piece) : piece, word);
      }
      // At least three characters: initials and "Mr" say little.
      if (Utf8Length(word) >= kNamePrefix.size() + 3) out.push_back(dict.Intern(word));
    }
    // "U.S." ends in a period that may end the sentence too.
    sentence_start = tokens[last].Has(text::kDotted);
    i = last;
  }
}

}  // namespace newsfuse::cluster
