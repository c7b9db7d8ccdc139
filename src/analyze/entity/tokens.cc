#include "analyze/entity/tokens.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "analyze/entity/gazetteer.h"

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

  void Run(size_t begin, size_t end) {
    size_t pos = begin;
    bool first_word = true;
    while (pos < end) {
      const CodePoint cp = Decode(s_, pos);
      if (cp.len <= 0) break;
      if (cp.c == ' ' || cp.c == '\n' || cp.c == '\t' || cp.c == '\r' || cp.c == 0xA0) {
        pos += cp.len;
        continue;
      }
      if (!IsWordChar(cp.c)) {
        // A possessive "'" after a plural name ("the Emirates' role").
        const bool poss = IsApostrophe(cp.c) && !out_.list.empty() && out_.list.back().end == pos &&
                          out_.list.back().Has(kWord);
        Emit(pos, pos + cp.len, poss ? kPossessive : 0);
        pos += cp.len;
        continue;
      }
      pos = Word(pos, end, first_word);
      first_word = false;
    }
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
    for (size_t i = begin; i < key_end; ++i) {
      const char c = s_[i];
      out_.keys.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
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

}  // namespace

void Tokenize(std::string_view body, const std::vector<Sentence>& sentences,
              const Gazetteer& gazetteer, Tokens& out) {
  out.list.clear();
  out.keys.clear();
  out.list.reserve(body.size() / 5 + 16);
  out.keys.reserve(body.size());
  for (size_t i = 0; i < sentences.size(); ++i) {
    const Span sp = sentences[i].span;
    if (sp.end > body.size() || sp.begin >= sp.end) continue;
    SentenceTokenizer(body, gazetteer, out, static_cast<uint32_t>(i)).Run(sp.begin, sp.end);
  }
}

}  // namespace newsfuse::analyze::entity
