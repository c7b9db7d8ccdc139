#include "analyze/entity/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "analyze/entity/gazetteer.h"
#include "text/tokens.h"

namespace newsfuse::analyze::entity {
namespace {

struct CodePoint {
  UChar32 c = 0;
  int32_t len = 0;
};

CodePoint Decode(std::string_view s, size_t pos) {
  const unsigned char b = static_cast<unsigned char>(s[pos]);
  if (b < 0x80) return {static_cast<UChar32>(b), 1};
  int32_t i = static_cast<int32_t>(pos);
  UChar32 c = 0;
  U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
  return {c, i - static_cast<int32_t>(pos)};
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }
bool IsWordChar(UChar32 c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return c > 0 &&
         (u_isalnum(c) || u_getIntPropertyValue(c, UCHAR_GENERAL_CATEGORY) == U_NON_SPACING_MARK);
}
bool IsUpper(UChar32 c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c) != 0; }
bool IsLower(UChar32 c) { return c < 0x80 ? (c >= 'a' && c <= 'z') : u_islower(c) != 0; }

class SentenceTokenizer {
 public:
  SentenceTokenizer(std::string_view body, const Gazetteer& gaz, Tokens& out, uint32_t sentence)
      : s_(body), gaz_(gaz), out_(out), sentence_(sentence) {}

  // Cuts [begin, end) byte by byte: the exact rules, for the glued runs the
  // base tokens alone cannot settle. `first_word` is true until the
  // sentence's first word is emitted.
  void Run(size_t begin, size_t end, bool& first_word) {
    size_t pos = begin;
    while (pos < end) {
      const CodePoint cp = Decode(s_, pos);
      if (cp.len <= 0) break;
      if (cp.c == ' ' || cp.c == '\n' || cp.c == '\t' || cp.c == '\r' || cp.c == 0xA0) {
        pos += cp.len;
        continue;
      }
      if (!IsWordChar(cp.c)) {
        EmitSymbol(pos, pos + cp.len);
        pos += cp.len;
        continue;
      }
      pos = Word(pos, end, first_word);
      first_word = false;
    }
  }

  // A symbol outside any word. A possessive "'" after a plural name ("the
  // Emirates' role") is marked.
  void EmitSymbol(size_t begin, size_t end) {
    const UChar32 c = Decode(s_, begin).c;
    const bool poss = IsApostrophe(c) && !out_.list.empty() && out_.list.back().end == begin &&
                      out_.list.back().Has(kWord);
    Emit(begin, end, poss ? kPossessive : 0);
  }

  // A plain ASCII word or digit run [begin, end) that ends the word: what
  // Word() would emit for it, without decoding it again. A period glued
  // after it (not followed by a word character) is taken as Word() takes it:
  // after an initial ("J.") or a rank abbreviation ("Adm."). Returns where
  // the token ends.
  size_t PlainWord(size_t begin, size_t end, bool digits, bool capital, bool all_caps,
                   bool period_follows, bool first) {
    uint16_t flags = kWord;
    if (digits) flags |= kDigit;
    if (capital) flags |= kCapital;
    if (all_caps) flags |= kAllCaps;
    if (first) flags |= kSentenceStart;
    if (period_follows &&
        ((end - begin == 1 && capital) || (!digits && Abbreviation(begin, end)))) {
      flags |= kPeriod;
      ++end;
    }
    Emit(begin, end, flags);
    return end;
  }

 private:
  // Scans one word from `pos`; returns where it ends.
  size_t Word(size_t pos, size_t end, bool first) {
    const size_t begin = pos;
    uint16_t flags = kWord;
    const CodePoint first_cp = Decode(s_, pos);
    if (IsUpper(first_cp.c)) flags |= kCapital;
    int letters = 0, lower = 0;
    size_t split_at = 0;  // a hyphen after a place-like first part
    while (pos < end) {
      const CodePoint cp = Decode(s_, pos);
      if (cp.len <= 0) break;
      if (IsWordChar(cp.c)) {
        if (cp.c >= '0' && cp.c <= '9')
          flags |= kDigit;
        else
          ++letters;
        if (IsLower(cp.c)) ++lower;
        pos += cp.len;
        continue;
      }
      const size_t next = pos + cp.len;
      const bool inner = next < end && IsWordChar(Decode(s_, next).c);
      if (IsApostrophe(cp.c) && inner) {
        // "'s" at the end of the word is a possessive, not part of the name.
        const bool s_follows = (s_[next] == 's' || s_[next] == 'S') &&
                               (next + 1 >= end || !IsWordChar(Decode(s_, next + 1).c));
        if (s_follows) {
          EmitWord(begin, pos, flags, letters, lower, first);
          Emit(pos, next + 1, kPossessive);
          return next + 1;
        }
        pos = next;
        continue;
      }
      if (cp.c == '-' && inner) {
        if (split_at == 0 && (flags & kCapital) && IsLower(Decode(s_, next).c) &&
            PlaceLike(begin, pos)) {
          split_at = pos;
        }
        pos = next;
        continue;
      }
      if (cp.c == '.') {
        // Dotted acronyms and initials: "U.S.", "J.", "Adm.".
        const size_t len = pos - begin;
        const bool initial = len == 1 && (flags & kCapital);
        const bool dotted = inner && len == 1;
        if (dotted) {
          pos = next;
          continue;
        }
        if (initial || Dotted(begin, pos) || Abbreviation(begin, pos)) {
          flags |= kPeriod;
          pos = next;
        }
      }
      break;
    }
    if (split_at != 0) {
      EmitWord(begin, split_at, flags, letters, lower, first);
      Emit(split_at, split_at + 1, 0);
      return split_at + 1;
    }
    EmitWord(begin, pos, flags, letters, lower, first);
    return pos;
  }

  bool Dotted(size_t begin, size_t dot) const {
    // "U.S" so far (letters separated by dots) takes its final period.
    return dot - begin >= 3 && s_[begin + 1] == '.';
  }

  bool Abbreviation(size_t begin, size_t dot) const {
    Lower(begin, dot);
    const LexEntry* e = gaz_.Find(scratch_);
    return e != nullptr && (e->flags & (kHonorific | kCourtesy));
  }

  bool PlaceLike(size_t begin, size_t end) const {
    if (const LexEntry* e = gaz_.FindExact(s_.substr(begin, end - begin))) {
      if (e->flags & kCountryName) return true;
    }
    Lower(begin, end);
    const LexEntry* e = gaz_.Find(scratch_);
    return e != nullptr && (e->flags & (kCountryName | kDemonym | kCity | kRegion));
  }

  void Lower(size_t begin, size_t end) const {
    scratch_.clear();
    for (size_t i = begin; i < end; ++i) {
      const char c = s_[i];
      scratch_.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    }
  }

  void EmitWord(size_t begin, size_t end, uint16_t flags, int letters, int lower, bool first) {
    if (letters >= 2 && lower == 0) flags |= kAllCaps;
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
    t.key_begin = static_cast<uint32_t>(out_.keys.size());
    // Keys drop a final period ("adm.", "u.s." -> "adm", "u.s") so lookups
    // see the word the lists hold.
    size_t key_end = end;
    if ((flags & kPeriod) && key_end > begin) --key_end;
    const size_t base = out_.keys.size();
    out_.keys.append(s_.substr(begin, key_end - begin));
    for (size_t i = base; i < out_.keys.size(); ++i) {
      char& c = out_.keys[i];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    t.key_end = static_cast<uint32_t>(out_.keys.size());
    out_.list.push_back(t);
  }

  std::string_view s_;
  const Gazetteer& gaz_;
  Tokens& out_;
  uint32_t sentence_;
  mutable std::string scratch_;
};

// A connector Word() may carry a word across: a hyphen, an apostrophe or a
// period ("Kyung-min", "O'Brien's", "J.", "U.S.A.").
bool IsConnector(std::string_view t) { return t == "-" || t == "'" || t == "\u2019" || t == "."; }

}  // namespace

void Tokenize(const text::Tokens& base, const Gazetteer& gazetteer, Tokens& out) {
  const std::string_view body = base.text;
  out.list.clear();
  out.keys.clear();
  out.list.reserve(base.size() + 16);
  out.keys.reserve(body.size());
  const size_t sentences = base.sentence_first.empty() ? 0 : base.sentence_first.size() - 1;
  for (size_t k = 0; k < sentences; ++k) {
    SentenceTokenizer cut(body, gazetteer, out, static_cast<uint32_t>(k));
    bool first_word = true;
    size_t done = 0;  // bytes before this are cut
    const size_t last = base.SentenceEnd(k);
    for (size_t i = base.SentenceBegin(k); i < last; ++i) {
      const text::Token& t = base[i];
      if (t.begin < done) continue;  // inside a run already cut byte by byte
      const bool glued = base.Glued(i);
      const std::string_view next = glued ? base.Text(i + 1) : std::string_view();
      if (t.IsSymbol()) {
        cut.EmitSymbol(t.begin, t.end);
        continue;
      }
      // A plain ASCII word ("said", "UAE") or digit run ("1998") that no
      // glued word, number or connector continues: the base token is the
      // entity token. A glued period ends it unless a word goes on after it.
      const bool plain = !t.Has(text::kNonAscii | text::kInnerApostrophe | text::kDotted) &&
                         (t.IsWord() || base.Text(i).find_first_of(",.") == std::string_view::npos);
      // Word() takes a glued period only when no word character follows it.
      const bool period = next == "." && (!base.Glued(i + 1) || base[i + 2].IsSymbol());
      if (plain && (!glued || period || (base[i + 1].IsSymbol() && !IsConnector(next)))) {
        done = cut.PlainWord(t.begin, t.end, t.IsNumber(), t.Has(text::kCapital),
                             t.Has(text::kAllCaps), period, first_word);
        first_word = false;
        continue;
      }
      // Anything else (accents, "O'Brien's", "U.S.", "G7", "Kyung-min",
      // "1,200"): the whole glued run, byte by byte. Runs end at a space,
      // which no entity word crosses, so the cut is the same as if the whole
      // sentence were read byte by byte.
      const size_t run_end = base[text::GluedRunAt(base, i) - 1].end;
      cut.Run(t.begin, run_end, first_word);
      done = run_end;
    }
  }
}

void TokenizeBytes(std::string_view body, const std::vector<Sentence>& sentences,
                   const Gazetteer& gazetteer, Tokens& out) {
  out.list.clear();
  out.keys.clear();
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Span sp = sentences[i].span;
    if (sp.end > body.size() || sp.begin >= sp.end) continue;
    bool first_word = true;
    SentenceTokenizer(body, gazetteer, out, static_cast<uint32_t>(i))
        .Run(sp.begin, sp.end, first_word);
  }
}

void Tokenize(std::string_view body, const std::vector<Sentence>& sentences,
              const Gazetteer& gazetteer, Tokens& out) {
  text::Tokens base;
  text::Tokenize(body, sentences, base);
  Tokenize(base, gazetteer, out);
}

}  // namespace newsfuse::analyze::entity
