#include "extract/furniture.h"

#include <string>

#include "extract/bylines.h"
#include "extract/rules.h"
#include "extract/text_util.h"
#include "extract/timestamps.h"

namespace newsfuse::extract_internal {

const char* LineKindName(LineKind kind) {
  switch (kind) {
    case LineKind::kEmpty:
      return "empty";
    case LineKind::kProse:
      return "prose";
    case LineKind::kTimestamp:
      return "timestamp";
    case LineKind::kTimestampLabel:
      return "timestamp-label";
    case LineKind::kBullet:
      return "bullet";
    case LineKind::kHashtags:
      return "hashtags";
    case LineKind::kEmailByline:
      return "email-byline";
    case LineKind::kByline:
      return "byline";
    case LineKind::kNewsletter:
      return "newsletter";
    case LineKind::kRelated:
      return "related";
    case LineKind::kMenu:
      return "menu";
    case LineKind::kCaps:
      return "caps";
    case LineKind::kShort:
      return "short";
    case LineKind::kUnterminated:
      return "unterminated";
  }
  return "?";
}

bool IsFurniture(LineKind kind) {
  return kind != LineKind::kProse && kind != LineKind::kUnterminated;
}

namespace {

bool OnlySeparators(std::string_view s) {
  // Punctuation-only lines: "-", "|", "• •", "* * *", "—".
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (IsWordByte(s[i]) && c < 0x80) return false;
    if (c >= 0x80) {
      // Allow only dashes and bullets (E2 80 9x / E2 80 A2) and middle dot (C2 B7).
      if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        i += 2;
        continue;
      }
      if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xB7) {
        i += 1;
        continue;
      }
      return false;
    }
  }
  return true;
}

// A prompt is short or reads like a command; a long sentence that merely
// mentions a newsletter is prose.
bool ProseLike(std::string_view line) {
  return EndsWithTerminal(line) && SplitWords(line).size() >= 12;
}

}  // namespace

LineKind ClassifyLine(std::string_view raw, const ExtractOptions& options) {
  const std::string line = CollapseSpace(raw);
  if (line.empty()) return LineKind::kEmpty;
  if (OnlySeparators(line)) return LineKind::kBullet;
  const Rules& rules = GetRules();
  const std::string lower = AsciiLower(line);
  const std::vector<std::string_view> words = SplitWords(line);
  const bool terminal = EndsWithTerminal(line);
  const size_t chars = Utf8Length(line);

  // Hashtag lines: most words are #tags.
  size_t tags = 0;
  for (auto w : words) tags += (w.size() > 1 && w[0] == '#');
  if (tags > 0 && tags * 10 >= words.size() * 6) return LineKind::kHashtags;

  // Timestamps and their labels: nothing on the line but dates, times, labels.
  if (chars <= 120) {
    TimestampScan scan = ScanTimestamps(line);
    if (scan.IsTimestampLine()) return LineKind::kTimestamp;
    if (scan.IsLabelLine() && !terminal) return LineKind::kTimestampLabel;
  }

  if (ParseEmailByline(line)) return LineKind::kEmailByline;
  if (!terminal && !ParseByline(line).empty()) return LineKind::kByline;

  if (chars <= 200 && !ProseLike(line)) {
    for (const auto& p : rules.Phrases("newsletter"))
      if (lower.find(p) != std::string::npos) return LineKind::kNewsletter;
  }
  if (chars <= 100) {
    for (const auto& p : rules.Phrases("related")) {
      if (!StartsWith(lower, p)) continue;
      // "Related" alone, "Read more: <headline>", or an unpunctuated header.
      const char next = lower.size() > p.size() ? lower[p.size()] : '\0';
      if (next == '\0' || next == ':' || next == '|' || next == '-' || !terminal ||
          static_cast<unsigned char>(next) >= 0x80)
        return LineKind::kRelated;
    }
  }
  if (!terminal && chars <= 200) {
    for (const auto& p : rules.Phrases("menu"))
      if (lower.find(p) != std::string::npos) return LineKind::kMenu;
    size_t social = 0;
    for (auto w : words) social += rules.social.count(AsciiLower(w)) > 0;
    if (words.size() >= 2 && social * 2 >= words.size()) return LineKind::kMenu;
  }
  if (!terminal && words.size() <= 12 && IsAllCaps(line, 3)) return LineKind::kCaps;
  if (!terminal && chars < static_cast<size_t>(options.min_paragraph_chars))
    return LineKind::kShort;
  // Headlines, teasers and link lists do not end in sentence punctuation;
  // a paragraph that lost its full stop is usually long.
  if (!terminal && chars < 150) return LineKind::kUnterminated;
  return LineKind::kProse;
}

}  // namespace newsfuse::extract_internal
