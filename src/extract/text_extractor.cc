// Plain scraped text -> Draft.
//
// The page is read as a sequence of units (lines, or hard-wrapped blocks
// joined back into one unit), each classified by furniture.cc. Then:
//   1. The body starts at the first prose unit: long enough, sentence-final
//      punctuation, not repeated. Everything before it is the page header,
//      where the headline, timestamps and bylines live.
//   2. The title is the header's headline-like unit; a unit the page repeats
//      is the strongest evidence (pages print the headline in the breadcrumb,
//      the <h1> and the share bar, so scraped text shows it two or three times).
//   3. The body runs until an end marker: a "Recommended/Related/Read more"
//      header, the title again, or any repeated headline-like line (the next
//      story's headline, printed twice like ours). Furniture inside the body
//      (timestamp lists, hashtags, subheads in capitals, short labels) is
//      dropped without ending it.
//   4. cohesion.cc then cuts a glued-on story that had no such marker.
#include "extract/text_extractor.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "extract/bylines.h"
#include "extract/cohesion.h"
#include "extract/dateline.h"
#include "extract/furniture.h"
#include "extract/not_article.h"
#include "extract/text_util.h"
#include "extract/timestamps.h"

namespace newsfuse::extract_internal {
namespace {

struct Unit {
  std::string text;  // whitespace-collapsed
  std::string key;   // lowercased, for repetition counts
  LineKind kind = LineKind::kEmpty;
  int repeats = 0;  // how often `key` occurs on the page
};

// A block of consecutive non-blank lines is hard-wrapped prose when most of
// its lines stop mid-sentence and none is long: then its lines are one
// paragraph. Otherwise (the common case for scraped text) each line is a unit:
// scrapers write one paragraph per line, with or without blank lines between.
bool IsHardWrapped(const std::vector<std::string>& lines) {
  if (lines.size() < 3) return false;
  size_t open = 0, longest = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    longest = std::max(longest, Utf8Length(lines[i]));
    if (i + 1 < lines.size() && !EndsWithTerminal(lines[i])) ++open;
  }
  if (longest > 100 || open * 10 < (lines.size() - 1) * 6) return false;
  // Wrapped lines fill the measure: every line but the last is at least half
  // as long as the longest. A headline over "- Input"/"- Updated" lines is not.
  for (size_t i = 0; i + 1 < lines.size(); ++i)
    if (Utf8Length(lines[i]) * 2 < longest) return false;
  return true;
}

std::vector<Unit> ReadUnits(std::string_view text, const ExtractOptions& options) {
  std::vector<Unit> units;
  std::vector<std::string> block;
  auto flush = [&] {
    if (block.empty()) return;
    if (IsHardWrapped(block)) {
      std::string joined;
      for (auto& l : block) joined += (joined.empty() ? "" : " ") + l;
      units.push_back(Unit{joined, {}, LineKind::kEmpty, 0});
    } else {
      for (auto& l : block) units.push_back(Unit{l, {}, LineKind::kEmpty, 0});
    }
    block.clear();
  };
  for (std::string_view raw : SplitLines(text)) {
    std::string line = CollapseSpace(raw);
    if (line.empty()) {
      flush();
    } else {
      block.push_back(std::move(line));
    }
  }
  flush();
  std::map<std::string, int> counts;
  for (auto& u : units) {
    u.key = AsciiLower(u.text);
    u.kind = ClassifyLine(u.text, options);
    ++counts[u.key];
  }
  for (auto& u : units) u.repeats = counts[u.key];
  return units;
}

bool HeadlineLike(const Unit& u) {
  if (u.kind != LineKind::kUnterminated && u.kind != LineKind::kShort && u.kind != LineKind::kCaps)
    return false;
  const size_t words = SplitWords(u.text).size();
  return words >= 4 && words <= 30 && !ParseDateline(u.text);
}

// A unit where the article proper can begin.
bool BodyStart(const Unit& u, const ExtractOptions& options) {
  return u.kind == LineKind::kProse && u.repeats == 1 &&
         Utf8Length(u.text) >= static_cast<size_t>(options.min_paragraph_chars) &&
         SplitWords(u.text).size() >= 6;
}

// Reads publication/update times from the header units, in order. A label
// line ("- Updated") applies to the timestamp on the next line; a time with no
// date ("Last Updated At:06:17") takes its date from the publication stamp.
void ReadHeaderDates(const std::vector<Unit>& units, size_t end, Article& a) {
  bool pending_updated = false;
  for (size_t i = 0; i < end; ++i) {
    const Unit& u = units[i];
    if (u.kind == LineKind::kProse || u.kind == LineKind::kUnterminated) continue;
    TimestampScan scan = ScanTimestamps(u.text);
    if (scan.IsLabelLine()) {
      pending_updated = scan.has_updated_label;
      continue;
    }
    for (const auto& st : scan.stamps) {
      const bool updated = st.updated || pending_updated;
      DateTime when = st.when;
      if (!st.has_date) {
        // Time only: needs a stated date to hang on.
        const auto& base = a.published;
        if (!base || base->precision < DatePrecision::kDay) continue;
        when.year = base->year;
        when.month = base->month;
        when.day = base->day;
        when.utc_offset_minutes = base->utc_offset_minutes;
      }
      if (when.year == 0 || when.month == 0) continue;  // no year: not enough to date the page
      if (updated) {
        if (!a.updated) {
          a.updated = when;
          a.field_sources["updated"] = "visible-text";
        }
      } else if (!a.published) {
        a.published = when;
        a.field_sources["published"] = "visible-text";
      }
    }
    if (!scan.stamps.empty()) pending_updated = false;
  }
  // "Updated" equal to the publication stamp says nothing new, but it is what
  // the page states; keep it.
}

}  // namespace

Result<Draft> ExtractFromText(const RawPage& page, std::string_view text,
                              const ExtractOptions& options) {
  text = Utf8Prefix(text, kMaxTextBytes);
  std::vector<Unit> units = ReadUnits(text, options);
  Draft draft;
  draft.kind.readme = LooksLikeReadme(text);
  Article& a = draft.article;

  size_t start = units.size();
  for (size_t i = 0; i < units.size(); ++i) {
    if (BodyStart(units[i], options)) {
      start = i;
      break;
    }
  }
  if (start == units.size()) {
    size_t longest = 0;
    std::vector<std::string> blocks;
    for (auto& u : units) {
      longest = std::max(longest, Utf8Length(u.text));
      blocks.push_back(u.text);
    }
    // A login wall or consent notice in scraped text: said as such.
    if (draft.kind.readme)
      return Status::BadInput(page.locator, "not an article: software README or manual");
    if (auto why = NoticeReason(blocks))
      return Status::BadInput(page.locator, "not an article: " + *why);
    return Status::BadInput(
        page.locator, "no article text found (longest line " + std::to_string(longest) + " chars)");
  }

  // Title: a repeated headline-like header unit, else the first one.
  std::optional<size_t> title;
  for (size_t i = 0; i < start; ++i) {
    if (!HeadlineLike(units[i])) continue;
    if (units[i].repeats >= 2) {
      title = i;
      a.field_sources["title"] = "repeated-line";
      break;
    }
    if (!title) title = i;
  }
  if (title && !a.field_sources.count("title")) a.field_sources["title"] = "first-line";
  if (title) a.title = units[*title].text;

  ReadHeaderDates(units, start, a);

  // Body, up to the first end marker.
  std::vector<std::string> body;
  std::vector<std::string> authors;
  std::string title_key = title ? units[*title].key : std::string();
  auto take_byline = [&](const Unit& u) {
    if (u.kind == LineKind::kByline) {
      for (auto& n : ParseByline(u.text)) authors.push_back(n);
    } else if (u.kind == LineKind::kEmailByline) {
      if (auto eb = ParseEmailByline(u.text)) {
        if (!eb->name.empty()) authors.push_back(eb->name);
        if (draft.weak_outlet.empty() && !eb->domain.empty()) {
          draft.weak_outlet = eb->domain;
          draft.weak_outlet_source = "email-domain";
        }
      }
    }
  };
  for (size_t i = 0; i < start; ++i) take_byline(units[i]);
  size_t end = units.size();
  for (size_t i = start; i < units.size(); ++i) {
    const Unit& u = units[i];
    if (!body.empty()) {
      const bool related = u.kind == LineKind::kRelated;
      const bool title_again = !title_key.empty() && u.key == title_key;
      const bool repeated_headline = u.repeats >= 2 && HeadlineLike(u);
      if (related || title_again || repeated_headline) {
        end = i;
        break;
      }
    }
    take_byline(u);
    if (u.kind == LineKind::kProse && u.repeats == 1) body.push_back(u.text);
  }

  DriftReport drift = FindTopicDrift(body);
  if (drift.cut < body.size()) {
    body.resize(drift.cut);
    a.field_sources["body_end"] = "topic-drift";
  } else if (end < units.size()) {
    a.field_sources["body_end"] = "end-marker";
  }

  a.paragraphs = std::move(body);
  for (auto& n : authors) {
    bool dup = false;
    for (auto& e : a.authors) dup |= AsciiLower(e) == AsciiLower(n);
    if (!dup) a.authors.push_back(n);
  }
  if (!a.authors.empty()) a.field_sources["authors"] = "byline";
  return draft;
}

}  // namespace newsfuse::extract_internal
