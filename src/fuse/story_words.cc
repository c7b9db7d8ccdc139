#include "fuse/story_words.h"

#include <absl/container/flat_hash_set.h>
#include <libstemmer.h>

#include "core/strings.h"
#include "core/utf8.h"
#include "text/language_terms.h"
#include "text/string_map.h"
#include "text/word_lists.h"

namespace newsfuse::fuse {
namespace {

constexpr std::string_view kCurlyApostrophe = "\u2019";

// The byte offset of the last apostrophe (' or ’) in `w` after its first
// byte, and its length; npos when there is none.
std::pair<size_t, size_t> LastApostrophe(std::string_view w) {
  for (size_t i = w.size(); i-- > 1;) {
    if (w[i] == '\'') return {i, 1};
    if (i + kCurlyApostrophe.size() <= w.size() &&
        w.substr(i, kCurlyApostrophe.size()) == kCurlyApostrophe)
      return {i, kCurlyApostrophe.size()};
  }
  return {std::string_view::npos, 0};
}

}  // namespace

struct TokenTerms::Impl {
  sb_stemmer* stemmer = nullptr;  // null for a language Snowball lacks
  absl::flat_hash_set<std::string_view> stop_words;
  // Surface form -> term id (or kNoTerm), one memo per reading: a text in
  // capitals reads "AND" as a stop word, other text as an acronym. Probed
  // with a token's view: no string built per token.
  text::StringMap<uint32_t> memo[2];
  std::string folded;

  explicit Impl(std::string_view language) {
    for (std::string_view w : word_lists::Lines(word_lists::StopWords(language)))
      stop_words.emplace(w);
    const std::string code(language);
    stemmer = sb_stemmer_new(code.c_str(), "UTF_8");
  }
  ~Impl() {
    if (stemmer) sb_stemmer_delete(stemmer);
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  uint32_t TermOf(std::string_view surface, bool number, bool acronym, TermDictionary& dict);
};

// What TermExtractor::Impl::TermOf does with an ICU word, on a token's bytes.
uint32_t TokenTerms::Impl::TermOf(std::string_view surface, bool number, bool acronym,
                                  TermDictionary& dict) {
  folded.clear();
  if (number) {
    // "1,200" and "1200" are the same number; a decimal point stays.
    for (char c : surface)
      if (c != ',') folded.push_back(c);
    return dict.Intern(folded);
  }
  text::AppendFolded(surface, folded);
  // Contractions: "n't" makes an auxiliary (all stop words), so the word
  // goes; "'s", "'ll", "'re", "'ve", "'d", "'m" are cut ("Europe's" -> "europe").
  if (auto [apos, len] = LastApostrophe(folded); apos != std::string_view::npos) {
    const size_t suffix = folded.size() - apos - len;
    if (folded[apos - 1] == 'n' && suffix == 1 && folded.back() == 't')
      return TermDictionary::kNoTerm;
    if (suffix >= 1 && suffix <= 2) folded.resize(apos);
  }
  // "u.s." -> "us": dotted and undotted spellings of an acronym meet.
  if (folded.find('.') != std::string::npos) {
    std::erase(folded, '.');
    acronym = true;
  }
  if (folded.empty()) return TermDictionary::kNoTerm;
  if (folded.size() == 1) return TermDictionary::kNoTerm;  // stray initials and letters
  if (!acronym && stop_words.contains(folded)) return TermDictionary::kNoTerm;
  if (stemmer) {
    const sb_symbol* stemmed =
        sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(folded.data()),
                        static_cast<int>(folded.size()));
    if (stemmed)
      return dict.Intern(
          std::string_view(reinterpret_cast<const char*>(stemmed), sb_stemmer_length(stemmer)));
  }
  return dict.Intern(folded);
}

TokenTerms::TokenTerms(std::string_view language) : impl_(std::make_unique<Impl>(language)) {}
TokenTerms::~TokenTerms() = default;

void TokenTerms::Extract(const text::Tokens& tokens, size_t begin, size_t end, TermDictionary& dict,
                         std::vector<uint32_t>& out) {
  end = std::min(end, tokens.size());
  // A text mostly in capitals (a subhead, a shouted title) reads "AND" as
  // the stop word, not an acronym: over 60% of its letters upper case.
  size_t letters = 0, upper = 0;
  for (size_t i = begin; i < end; ++i) {
    const text::Token& t = tokens[i];
    if (!t.IsWord()) continue;
    const std::string_view w = tokens.Text(t);
    if (!t.Has(text::kNonAscii)) {
      for (char c : w) {
        letters += IsAsciiUpper(c) || IsAsciiLower(c);
        upper += IsAsciiUpper(c);
      }
    } else {
      const size_t n = Utf8Length(w);
      letters += n;
      upper += t.Has(text::kAllCaps) ? n : t.Has(text::kCapital) ? 1 : 0;
    }
  }
  const bool shouting = letters > 0 && upper * 10 > letters * 6;
  auto& memo = impl_->memo[shouting ? 1 : 0];

  for (size_t i = begin; i < end; ++i) {
    const text::Token& first = tokens[i];
    if (first.IsSymbol()) continue;
    // Letters and digits glued together ("G7", "5km", "1990s") are one ICU word.
    size_t last = i;
    bool has_word = first.IsWord();
    while (last + 1 < end && tokens.Glued(last) && !tokens[last + 1].IsSymbol() &&
           tokens[last + 1].kind != tokens[last].kind) {
      ++last;
      has_word = has_word || tokens[last].IsWord();
    }
    const std::string_view surface =
        tokens.text.substr(first.begin, tokens[last].end - first.begin);
    const bool number = !has_word;
    // An acronym in capitals ("US", "WHO", "IT") is a name, not the stop
    // word it spells, unless the whole text is in capitals.
    const bool acronym =
        !number && !shouting && last == i && first.Has(text::kAllCaps) && Utf8Length(surface) <= 6;
    i = last;
    // Capitals and dots decide the reading, so the memo keys on the surface
    // as written; the acronym test above depends only on it and `shouting`.
    uint32_t id;
    if (auto it = memo.find(surface); it != memo.end()) {
      id = it->second;
    } else {
      id = impl_->TermOf(surface, number, acronym, dict);
      memo.emplace(surface, id);
    }
    if (id != TermDictionary::kNoTerm) out.push_back(id);
  }
}

StoryWords::StoryWords(const std::vector<const AnnotatedArticle*>& members)
    : articles_(members.size()) {
  for (size_t s = 0; s < members.size(); ++s) {
    const AnnotatedArticle& a = *members[s];
    Article& out = articles_[s];
    text::Tokenize(a.body, a.sentences, out.tokens);
    out.terms = &For(a.article.language);
    const size_t sentences =
        out.tokens.sentence_first.empty() ? 0 : out.tokens.sentence_first.size() - 1;
    out.by_sentence.resize(sentences);
    out.ready.resize(sentences, false);
  }
}

StoryWords::~StoryWords() = default;

std::span<const uint32_t> StoryWords::SentenceTerms(size_t s, size_t k) {
  Article& a = articles_[s];
  if (k >= a.by_sentence.size()) return {};
  if (!a.ready[k]) {
    a.terms->Extract(a.tokens, a.tokens.SentenceBegin(k), a.tokens.SentenceEnd(k), dict_,
                     a.by_sentence[k]);
    a.ready[k] = true;
  }
  return a.by_sentence[k];
}

void StoryWords::TermsOf(std::string_view text, std::string_view language_tag,
                         std::vector<uint32_t>& out) {
  text::Tokenize(text, scratch_);
  For(language_tag).Extract(scratch_, 0, scratch_.size(), dict_, out);
}

TokenTerms& StoryWords::For(std::string_view language_tag) {
  const std::string code = PrimaryLanguage(language_tag);
  auto it = by_language_.find(code);
  if (it == by_language_.end())
    it = by_language_.emplace(code, std::make_unique<TokenTerms>(code)).first;
  return *it->second;
}

}  // namespace newsfuse::fuse
