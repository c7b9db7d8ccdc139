#include "cluster/names.h"

#include <string>

#include "core/utf8.h"

namespace newsfuse::cluster {
namespace {

// Punctuation after which a capital says nothing: sentence ends, a colon, an
// opening or closing quote, and "_" (wire-story separators).
bool StartsSentence(std::string_view symbol) {
  return symbol == "." || symbol == "!" || symbol == "?" || symbol == ":" || symbol == "\"" ||
         symbol == "_";
}

// The last word of a hyphenated name loses a final clitic ('s, 'm, 'd, 'll,
// 're, 've, n't): "Al-Qaida's" names al-qaida.
std::string_view WithoutClitic(std::string_view w) {
  for (std::string_view apostrophe : {std::string_view("'"), std::string_view("\u2019")}) {
    const size_t at = w.rfind(apostrophe);
    if (at == std::string_view::npos || at == 0) continue;
    const std::string_view rest = w.substr(at + apostrophe.size());
    if ((rest == "t" || rest == "T") && (w[at - 1] == 'n' || w[at - 1] == 'N'))
      return w.substr(0, at - 1);
    if (rest == "s" || rest == "S" || rest == "m" || rest == "M" || rest == "d" || rest == "D" ||
        rest == "ll" || rest == "re" || rest == "ve")
      return w.substr(0, at);
  }
  return w;
}

// Emits `piece` as a name when it is capitalised and at least three
// characters long.
void Emit(std::string_view piece, std::string& word, TermDictionary& dict,
          std::vector<uint32_t>& out) {
  if (!text::StartsCapital(piece)) return;
  word.assign(kNamePrefix);
  text::AppendFolded(piece, word);
  if (Utf8Length(word) >= kNamePrefix.size() + 3) out.push_back(dict.Intern(word));
}

// A word with inner apostrophes names by its parts, the way news spells a
// name inconsistently: "O'Brien", "O’Brien" and "OBrien's" all give "brien",
// "Zelensky's" gives "zelensky", "I'm" and "don't" give nothing. The first
// part counts only mid-sentence; the later ones always (a capital after an
// apostrophe is the name's own).
void EmitApostrophed(std::string_view w, bool sentence_start, std::string& word,
                     TermDictionary& dict, std::vector<uint32_t>& out) {
  size_t begin = 0;
  bool first = true;
  while (begin <= w.size()) {
    size_t end = w.size(), next = w.size() + 1;
    for (size_t k = begin; k < w.size(); ++k) {
      if (w[k] == '\'') {
        end = k;
        next = k + 1;
        break;
      }
      if (w.substr(k, 3) == "\u2019") {
        end = k;
        next = k + 3;
        break;
      }
    }
    if (!(first && sentence_start)) Emit(w.substr(begin, end - begin), word, dict, out);
    first = false;
    begin = next;
  }
}

}  // namespace

void NameTerms(const text::Tokens& tokens, TermDictionary& dict, std::vector<uint32_t>& out) {
  // Reused: no allocation per name once the buffer has grown.
  thread_local std::string word;
  bool sentence_start = true;  // at text start, after . ! ? : a quote or a line break
  for (size_t i = 0; i < tokens.size(); ++i) {
    const text::Token& t = tokens[i];
    if (t.Has(text::kLineBefore)) sentence_start = true;
    if (!t.IsWord()) {
      if (t.IsSymbol() && StartsSentence(tokens.Text(t))) sentence_start = true;
      continue;
    }
    // A hyphenated name is one term ("Kyung-min", "Al-Assad"): words joined
    // by glued hyphens. A dotted word ends the run and gives its first part
    // ("D-N.Y." -> "d-n", a party label); none starts one ("U.S.-led").
    size_t last = i;
    while (!tokens[last].Has(text::kDotted) && tokens.Glued(last) && tokens.Text(last + 1) == "-" &&
           tokens.Glued(last + 1) && tokens[last + 2].IsWord())
      last += 2;
    if (last == i && t.Has(text::kInnerApostrophe)) {
      EmitApostrophed(tokens.Text(t), sentence_start, word, dict, out);
    } else if (t.Has(text::kCapital) && !sentence_start) {
      word.assign(kNamePrefix);
      for (size_t k = i; k <= last; ++k) {
        std::string_view piece = tokens.Text(k);
        // A dotted word names by its first part ("TVGuide.com" -> tvguide);
        // a dotted acronym ("U.S.") is then too short to count: as a name
        // term "U.S." would join every American story.
        if (tokens[k].Has(text::kDotted)) piece = piece.substr(0, piece.find('.'));
        text::AppendFolded(k == last ? WithoutClitic(piece) : piece, word);
      }
      // A hyphen before a number stays: "AK-47" and "AK-74" meet as "ak-".
      if (tokens.Glued(last) && tokens.Text(last + 1) == "-" && tokens.Glued(last + 1) &&
          tokens[last + 2].IsNumber())
        word.push_back('-');
      // At least three characters: initials and "Mr" say little.
      if (Utf8Length(word) >= kNamePrefix.size() + 3) out.push_back(dict.Intern(word));
    }
    // "U.S." ends in a period that may end the sentence too.
    sentence_start = tokens[last].Has(text::kDotted);
    i = last;
  }
}

}  // namespace newsfuse::cluster
