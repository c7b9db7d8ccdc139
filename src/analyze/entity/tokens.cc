#include "analyze/entity/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "analyze/entity/gazetteer.h"
#include "core/strings.h"
#include "text/tokens.h"

namespace newsfuse::analyze::entity {
namespace {

bool IsApostrophe(std::string_view t) { return t == "'" || t == "\u2019"; }

// Letters and lower-case letters of a token's text. Only the glued runs
// that join several base tokens or cut one ask: a lone base token's shape
// flags already say it.
struct CaseCount {
  int letters = 0, lower = 0;
  void Add(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      const auto b = static_cast<unsigned char>(s[i]);
      if (b < 0x80) {
        if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) ++letters;
        if (b >= 'a' && b <= 'z') ++lower;
        ++i;
        continue;
      }
      auto j = static_cast<int32_t>(i);
      UChar32 c = 0;
      U8_NEXT(s.data(), j, static_cast<int32_t>(s.size()), c);
      i = static_cast<size_t>(j);
      if (c < 0) continue;
      if (u_isalpha(c)) ++letters;
      if (u_islower(c)) ++lower;
    }
  }
};

// The entity tokens of one sentence, read off the base tokens [first, last).
// An entity word is a run of glued base words and numbers ("G7", "5km",
// "A.5") joined across a hyphen ("Kyung-min") or an apostrophe; a period
// after it is kept when it belongs to the word (an initial "J.", a rank
// abbreviation "Adm."). Two cuts go inside a base token: a possessive "'s"
// comes off its word ("O’Brien’s" -> "O’Brien" + "’s"), and a hyphenated word
// whose first part is a place ("US-brokered") is cut at its hyphen.
class SentenceView {
 public:
  SentenceView(const text::Tokens& base, const Gazetteer& gaz, Tokens& out, uint32_t sentence)
      : base_(base), s_(base.text), gaz_(gaz), out_(out), sentence_(sentence) {}

  void Run(size_t first, size_t last) {
    bool first_word = true;
    size_t at = 0;  // when not 0: the next word starts at this byte inside base token i
    for (size_t i = first; i < last;) {
      const text::Token& t = base_[i];
      if (t.IsSymbol() && at == 0) {
        Symbol(i);
        ++i;
        continue;
      }
      const Next next = Word(i, at != 0 ? at : t.begin, last, first_word);
      i = next.token;
      at = next.at;
      first_word = false;
    }
  }

 private:
  bool Glued(size_t i, size_t last) const { return i + 1 < last && base_.Glued(i); }
  bool IsPart(size_t i, size_t last) const { return i < last && !base_[i].IsSymbol(); }

  // A symbol outside any word. A possessive "'" after a plural name ("the
  // Emirates' role") is marked.
  void Symbol(size_t i) {
    const text::Token& t = base_[i];
    const bool poss = IsApostrophe(base_.Text(i)) && !out_.list.empty() &&
                      out_.list.back().end == t.begin && out_.list.back().Has(kWord);
    Emit(t.begin, t.end, poss ? kPossessive : 0);
  }

  // Where reading goes on: base token `token`, from byte `at` inside it when
  // `at` is not 0.
  struct Next {
    size_t token = 0;
    size_t at = 0;
  };

  // The entity word starting at byte `begin` of base token i; returns where
  // reading goes on.
  Next Word(size_t i, size_t begin, size_t last, bool first) {
    uint16_t flags = kWord;
    if (IsUpperAt(begin) || ArticleBeforeName(begin)) flags |= kCapital;
    size_t j = i;  // the last part taken
    size_t split_at = 0;
    for (;;) {
      const text::Token& part = base_[j];
      if (part.IsNumber()) flags |= kDigit;
      if (part.Has(text::kDotted)) {
        if (const Next n = DottedRunOn(j, begin, flags, first); n.token != 0) return n;
        if (s_[part.end - 1] == '.') break;  // "U.S." took its final period: the word ends
      }
      // "Zelensky's" in one base word: the name ends before the possessive.
      if (const size_t poss = PossessiveAt(j, last); poss != 0) {
        EmitWord(begin, poss, flags, first, nullptr);
        Emit(poss, part.end, kPossessive);
        return {j + 1, 0};
      }
      if (!Glued(j, last)) break;
      const size_t k = j + 1;
      if (!base_[k].IsSymbol()) {  // letters and digits glued: "G7", "5km"
        j = k;
        continue;
      }
      const std::string_view sym = base_.Text(k);
      const bool inner = Glued(k, last) && IsPart(k + 1, last);
      if (sym == "-" && inner) {
        if (split_at == 0 && (flags & kCapital) && StartsLower(k + 1) &&
            PlaceLike(begin, base_[k].begin))
          split_at = base_[k].begin;
        j = k + 1;
        continue;
      }
      if (IsApostrophe(sym) && inner) {
        // "1990's": the possessive is an apostrophe and a lone "s".
        if (IsLoneS(k + 1, last)) {
          EmitWord(begin, base_[k].begin, flags, first, nullptr);
          Emit(base_[k].begin, base_[k + 1].end, kPossessive);
          return {k + 2, 0};
        }
        j = k + 1;
        continue;
      }
      if (sym == ".") {
        const size_t len = base_[k].begin - begin;
        if (inner && len == 1) {  // "A.5"
          j = k + 1;
          continue;
        }
        if (TakesPeriod(begin, base_[k].begin, flags)) {
          flags |= kPeriod;
          j = k;
        }
      }
      break;
    }
    if (split_at != 0) {
      EmitWord(begin, split_at, flags, first, nullptr);
      Emit(split_at, split_at + 1, 0);
      // The rest is read again as words of its own ("brokered").
      size_t next = j;
      while (base_[next].begin > split_at + 1) --next;
      return {next, 0};
    }
    const bool whole = i == j && begin == base_[i].begin;
    EmitWord(begin, base_[j].end, flags, first, whole ? &base_[i] : nullptr);
    return {j + 1, 0};
  }

  // A dotted base word is one entity word only while each period follows a
  // single character ("U.S.", "a.m."); a period after a longer part ends it,
  // as a space would: "U.N.refugee" -> "U.N." + "refugee", "Rep.e" -> "Rep."
  // + "e", "MSN.com" -> "MSN" + "." + "com". Emits the word and returns
  // where reading goes on, or {0, 0} when every period is inner to the word.
  Next DottedRunOn(size_t j, size_t begin, uint16_t flags, bool first) {
    const text::Token& t = base_[j];
    for (size_t p = std::max<size_t>(begin, t.begin); p < t.end; ++p) {
      if (s_[p] != '.') continue;
      const size_t len = p - begin;
      const bool inner = p + 1 < t.end;
      if (inner && len == 1) continue;
      const bool take = TakesPeriod(begin, p, flags);
      if (!inner && take) return {};  // the word's own final period: "U.S.", "D."
      if (take) flags |= kPeriod;
      EmitWord(begin, take ? p + 1 : p, flags, first, nullptr);
      if (!take) Emit(p, p + 1, 0);
      if (p + 1 < t.end) return {j, p + 1};
      return {j + 1, 0};
    }
    return {};
  }

  // Whether the period at `dot` belongs to the word [begin, dot): an initial
  // ("J."), a dotted acronym so far ("U.S") or a rank abbreviation ("Adm.").
  bool TakesPeriod(size_t begin, size_t dot, uint16_t flags) const {
    const size_t len = dot - begin;
    return (len == 1 && (flags & kCapital)) || Dotted(begin, dot) || Abbreviation(begin, dot);
  }

  bool Dotted(size_t begin, size_t dot) const {
    // "U.S" so far (letters separated by dots) takes its final period.
    return dot - begin >= 3 && s_[begin + 1] == '.';
  }

  bool IsUpperAt(size_t i) const {
    const auto b = static_cast<unsigned char>(s_[i]);
    if (b < 0x80) return b >= 'A' && b <= 'Z';
    auto k = static_cast<int32_t>(i);
    UChar32 c = 0;
    U8_NEXT(s_.data(), k, static_cast<int32_t>(s_.size()), c);
    return c >= 0 && u_isupper(c);
  }

  // "al-Sharaa", "el-Masri": the Arabic article is written in lower case
  // before a capitalised name; the word is a capitalised name all the same.
  bool ArticleBeforeName(size_t begin) const {
    for (const std::string_view article : {"al-", "el-"}) {
      if (s_.substr(begin, article.size()) == article && begin + article.size() < s_.size() &&
          IsUpperAt(begin + article.size())) {
        return true;
      }
    }
    return false;
  }

  // The byte where a final "'s" / "’s" of base word j starts, or 0.
  size_t PossessiveAt(size_t j, size_t last) const {
    const text::Token& t = base_[j];
    if (!t.Has(text::kInnerApostrophe)) return 0;
    // A digit glued after the "s" continues the word: no possessive.
    if (Glued(j, last) && base_[j + 1].IsNumber()) return 0;
    const std::string_view w = base_.Text(j);
    if (w.size() < 3 || (w.back() != 's' && w.back() != 'S')) return 0;
    const std::string_view head = w.substr(0, w.size() - 1);
    if (head.ends_with("'")) return t.end - 2;
    if (head.ends_with("\u2019")) return t.end - 4;
    return 0;
  }

  bool IsLoneS(size_t k, size_t last) const {
    const std::string_view w = base_.Text(k);
    return (w == "s" || w == "S") && !(Glued(k, last) && base_[k + 1].IsNumber());
  }

  bool StartsLower(size_t k) const {
    const std::string_view w = base_.Text(k);
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(w.data(), i, static_cast<int32_t>(w.size()), c);
    return c >= 0 && u_islower(c);
  }

  bool Abbreviation(size_t begin, size_t dot) const {
    const LexEntry* e = gaz_.Find(Lower(begin, dot));
    return e != nullptr && (e->flags & (kHonorific | kCourtesy));
  }

  bool PlaceLike(size_t begin, size_t end) const {
    if (const LexEntry* e = gaz_.FindExact(s_.substr(begin, end - begin))) {
      if (e->flags & kCountryName) return true;
    }
    const LexEntry* e = gaz_.Find(Lower(begin, end));
    return e != nullptr && (e->flags & (kCountryName | kDemonym | kCity | kRegion));
  }

  // Bytes [begin, end) of the text, A-Z lowered (Tokens::keys).
  std::string_view Lower(size_t begin, size_t end) const {
    return std::string_view(out_.keys).substr(begin, end - begin);
  }

  // `whole`: the base token the word is, as it stands; null when the word
  // joins several or cuts one, and its case is counted from its text.
  void EmitWord(size_t begin, size_t end, uint16_t flags, bool first, const text::Token* whole) {
    bool all_caps = false;
    if (whole != nullptr) {
      all_caps = whole->Has(text::kAllCaps);
    } else {
      CaseCount n;
      n.Add(s_.substr(begin, end - begin));
      all_caps = n.letters >= 2 && n.lower == 0;
    }
    if (all_caps) flags |= kAllCaps;
    if (first) flags |= kSentenceStart;
    if (end > begin && s_[end - 1] == '.') flags |= kPeriod;
    Emit(begin, end, flags);
  }

  void Emit(size_t begin, size_t end, uint16_t flags) {
    Token t;
    t.begin = static_cast<uint32_t>(begin);
    t.end = static_cast<uint32_t>(end);
    t.sentence = sentence_;
    t.flags = flags;
    out_.list.push_back(t);
  }

  const text::Tokens& base_;
  std::string_view s_;
  const Gazetteer& gaz_;
  Tokens& out_;
  uint32_t sentence_;
};

}  // namespace

void Tokenize(const text::Tokens& base, const Gazetteer& gazetteer, Tokens& out) {
  out.list.clear();
  out.list.reserve(base.size() + 16);
  out.keys.assign(base.text);
  AsciiLowerInPlace(out.keys);
  const size_t sentences = base.sentence_first.empty() ? 0 : base.sentence_first.size() - 1;
  for (size_t k = 0; k < sentences; ++k) {
    SentenceView(base, gazetteer, out, static_cast<uint32_t>(k))
        .Run(base.SentenceBegin(k), base.SentenceEnd(k));
  }
}

void Tokenize(std::string_view body, const std::vector<Sentence>& sentences,
              const Gazetteer& gazetteer, Tokens& out) {
  text::Tokens base;
  text::Tokenize(body, sentences, base);
  Tokenize(base, gazetteer, out);
}

}  // namespace newsfuse::analyze::entity
