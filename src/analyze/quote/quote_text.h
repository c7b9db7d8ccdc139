// The article body as the quote annotator sees it: word and punctuation
// tokens, the quotations their quote marks delimit, and the sentence of each
// token. Internal to the quote annotator.
//
// Tokens are byte ranges into AnnotatedArticle::body (no strings are made).
// Quote marks are paired per paragraph; a quotation left open at the end of a
// paragraph continues when the next paragraph opens with a quote mark, the
// news convention for a quote that runs over several paragraphs.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "text/tokens.h"

namespace newsfuse::analyze::quote_internal {

enum class TokenKind : uint8_t { kWord, kPunct, kOpenQuote, kCloseQuote };

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool capitalised = false;  // first letter upper case
  uint32_t paragraph = 0;
  uint32_t sentence = 0;   // index into QuoteText::sentences
  int32_t quotation = -1;  // the quotation whose marks enclose it, -1 outside
};

// A run of quoted words between a pair of quote marks.
struct Quotation {
  uint32_t open = 0;   // token index of the opening mark
  uint32_t close = 0;  // token index of the closing mark; == last content token + 1 when unclosed
  bool closed = true;
  Span content;        // between the marks, trimmed of spaces
  uint32_t words = 0;  // word tokens inside
};

struct QuoteText {
  std::string_view body;
  std::vector<Token> tokens;
  std::vector<Quotation> quotations;  // in body order
  std::vector<Span> sentences;        // in body order
  std::vector<uint32_t> paragraph_first_token;

  std::string_view Text(const Token& t) const { return body.substr(t.begin, t.end - t.begin); }
  bool IsWord(uint32_t i) const { return i < tokens.size() && tokens[i].kind == TokenKind::kWord; }
  bool IsPunct(uint32_t i, char c) const;
  // Sentence-ending punctuation outside quotes: '.', '?', '!'.
  bool EndsSentence(uint32_t i) const;
  // Token i is a word equal to `lower` once ASCII case is folded.
  bool WordIs(uint32_t i, std::string_view lower) const;
  bool EndsWith(uint32_t i, std::string_view suffix) const;
  // The first token of the sentence (and paragraph) of token k, and one past its last.
  uint32_t SentenceStart(uint32_t k) const;
  uint32_t SentenceEnd(uint32_t k) const;
  // "WASHINGTON (AFP) – Uncertainty ...": the first token after the dateline
  // that opens the paragraph whose first sentence starts at `start`; `start`
  // itself when there is none (or `start` opens no paragraph).
  uint32_t AfterDateline(uint32_t start) const;
};

// Tokenises `body`, pairs its quote marks and assigns tokens to `sentences`
// (which must be in body order; an empty list is computed with the ICU splitter).
// Words are read off `scan`, the article's one scan (text::Tokenize of the
// same body and sentences), as runs of its tokens; with null, the body is
// scanned here first. Only text inside the sentences is read (the splitter's
// spans leave out nothing but spaces); paragraphs are the scan's blank lines
// (text::kParagraphBefore); quote marks are told apart by their neighbours.
QuoteText BuildQuoteText(std::string_view body, const std::vector<Sentence>& sentences,
                         const text::Tokens* scan = nullptr);

}  // namespace newsfuse::analyze::quote_internal
