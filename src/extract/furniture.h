// Line classification for scraped page text: is this line article prose or
// page furniture, and if furniture, what kind?
//
// Scraped text keeps the page's chrome as lines of its own. Each kind below is
// recognised from surface features only (length, terminal punctuation,
// capitals, digits, '#', '@') and from the phrase lists in
// data/extract/furniture.txt, never from a particular site's wording.
#pragma once

#include <string_view>

#include "extract/extract.h"

namespace newsfuse::extract_internal {

enum class LineKind {
  kEmpty,
  kProse,           // a sentence-like line: body material
  kTimestamp,       // only dates/times/labels: "2026-02-06 04:04 Last Updated At:06:17", "09:30"
  kTimestampLabel,  // only labels: "- Input", "Updated"
  kBullet,          // only a list marker or separator: "-", "|", "•"
  kHashtags,        // mostly #tags
  kEmailByline,     // short line with an e-mail address: "jd@example.com Jane Doe Reporter"
  kByline,          // "By Jane Doe"
  kNewsletter,      // "Sign up now: Get our newsletters delivered to your inbox"
  kRelated,         // "Recommended Articles", "Read more: ..."; after the body it ends the article
  kMenu,            // "Skip to Content", "Facebook Twitter WhatsApp"
  kCaps,            // a short line in capitals: a subhead or a section label
  kShort,           // shorter than min_paragraph_chars, no sentence punctuation ("China")
  kUnterminated,    // longer, but no sentence punctuation: headline-like
};

const char* LineKindName(LineKind kind);

// Classifies one line (or one joined block) of page text.
LineKind ClassifyLine(std::string_view line, const ExtractOptions& options);

// True for kinds that are never body text whatever their position.
bool IsFurniture(LineKind kind);

}  // namespace newsfuse::extract_internal
