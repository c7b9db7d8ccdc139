// Plain scraped text -> Article.
//
// The page is read as lines. Furniture lines (text_lines.h) are dropped but
// mined for metadata first (timestamps give dates, e-mail bylines give
// authors). The headline is the first headline-shaped line, and a line that
// repeats on the page is the strongest headline evidence: sites print it in
// the breadcrumb, the header and the share bar. The article ends where the
// headline comes back after body text has begun, or at a "recommended" list:
// what follows on scraped pages is the next story, not this one.
#include <map>
#include <regex>

#include "extract/extract_internal.h"
#include "extract/text_lines.h"

namespace newsfuse::extract_internal {
namespace {

struct Line {
  std::string text;
  int repeats = 0;
};

std::vector<Line> ReadLines(std::string_view content) {
  std::vector<Line> lines;
  std::map<std::string, int> counts;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string text(TrimView(content.substr(pos, nl - pos)));
    if (!text.empty()) {
      ++counts[text];
      lines.push_back({std::move(text), 0});
    }
    pos = nl + 1;
  }
  for (auto& l : lines) l.repeats = counts[l.text];
  return lines;
}

bool HeadlineShaped(const Line& l) {
  return l.text.size() >= 20 && l.text.size() <= 250 && !EndsSentence(l.text) &&
         !IsCapsHeading(l.text) &&
         !IsTimestampLine(l.text) && !IsPromptLine(l.text) && !IsHashtagLine(l.text);
}

// A body line reads as prose: long enough, or a sentence.
bool ProseShaped(std::string_view line, int min_chars) {
  return static_cast<int>(line.size()) >= min_chars || (line.size() >= 20 && EndsSentence(line));
}

// "KYIV, Feb. 5 (GeokHub) — Ukraine and ..." / "KYIV, Feb 5 - Ukraine ..."
void TakeDateline(std::string& first, Article& a, const DateTime* year_from) {
  static const std::regex kDateline(
      R"(^([A-Z][A-Z .'-]{1,30}),\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\s*(?:\(([^)]{2,40})\))?\s*(?:—|–|-{1,2})\s*)");
  std::smatch m;
  if (!std::regex_search(first, m, kDateline)) return;
  std::string place = m[1].str();
  for (size_t i = 1; i < place.size(); ++i)
    if (place[i - 1] != ' ' && place[i] >= 'A' && place[i] <= 'Z') place[i] = static_cast<char>(place[i] - 'A' + 'a');
  a.dateline = place;
  a.field_sources["dateline"] = "dateline";
  if (m[4].matched && a.outlet.empty()) {
    a.outlet = m[4].str();
    a.field_sources["outlet"] = "dateline";
  }
  static const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  int month = 0;
  for (int i = 0; i < 12; ++i) if (m[2].str().substr(0, 3) == kMonths[i]) month = i + 1;
  const int day = std::stoi(m[3].str());
  if (!a.published && year_from && IsValidDate(year_from->year, month, day)) {
    a.published = DateTime::Day(year_from->year, month, day);
    a.field_sources["published"] = "dateline";
  }
  first = first.substr(m[0].length());
}

// "[Financial News] Russia and Ukraine ..." names the outlet in a lead tag.
void TakeLeadTag(std::string& first, Article& a) {
  static const std::regex kTag(R"(^\[([^\]]{2,40})\]\s*)");
  std::smatch m;
  if (!std::regex_search(first, m, kTag)) return;
  if (a.outlet.empty()) {
    a.outlet = m[1].str();
    a.field_sources["outlet"] = "lead-tag";
  }
  first = first.substr(m[0].length());
}

// Wire copy ends with the agency's name: "... since early 2024. REUTERS"
void TakeWireSignoff(std::string& last, Article& a) {
  static const std::regex kWire(R"(\s*[\(]?(REUTERS|AFP|AP|XINHUA|Reuters|Xinhua)[\)]?\s*$)");
  std::smatch m;
  if (!std::regex_search(last, m, kWire) || m.position(0) == 0) return;
  a.field_sources["wire"] = m[1].str();
  last = last.substr(0, m.position(0));
}

}  // namespace

Result<Article> ExtractFromText(const RawPage& page, const ExtractOptions& options) {
  Article a;
  a.url = page.url;
  a.language = "en";
  const std::vector<Line> lines = ReadLines(page.content);

  // Metadata from furniture, before it is dropped.
  for (size_t i = 0; i < lines.size() && i < 40; ++i) {
    const std::string& t = lines[i].text;
    // Page dates sit above the article; stop at its first real sentence.
    if (t.size() > 80 && EndsSentence(t)) break;
    if (auto when = FindIsoDateTime(t)) {
      const bool is_update = i > 0 && lines[i - 1].text.find("Updated") != std::string::npos &&
                             IsTimestampLine(lines[i - 1].text);
      if (is_update && a.published) {
        if (!a.updated) a.updated = *when;
      } else if (!a.published) {
        a.published = *when;
        a.field_sources["published"] = "visible-text";
      }
    }
  }

  // Headline: a repeated headline-shaped line beats the first one.
  int title_at = -1;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (!HeadlineShaped(lines[i])) continue;
    if (lines[i].repeats >= 2) { title_at = static_cast<int>(i); break; }
    if (title_at < 0) title_at = static_cast<int>(i);
    if (ProseShaped(lines[i].text, 200)) break;
  }
  // A first line that reads as prose is the lead, not a headline.
  if (title_at >= 0 && lines[title_at].repeats < 2 && ProseShaped(lines[title_at].text, 160)) title_at = -1;
  if (title_at >= 0) {
    a.title = lines[title_at].text;
    a.field_sources["title"] = lines[title_at].repeats >= 2 ? "repeated-line" : "first-line";
  }

  bool body_started = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& t = lines[i].text;
    if (static_cast<int>(i) == title_at) continue;
    if (body_started && (t == a.title || (IsPromptLine(t) && lines[i].repeats == 1 && t.size() < 40))) break;
    if (auto name = EmailBylineName(t)) {
      a.authors.push_back(*name);
      a.field_sources["authors"] = "email-byline";
      continue;
    }
    if (t.rfind("By ", 0) == 0 && t.size() < 60 && !EndsSentence(t)) {
      a.authors.push_back(t.substr(3));
      a.field_sources["authors"] = "byline";
      continue;
    }
    if (IsTimestampLine(t) || IsHashtagLine(t) || IsPromptLine(t) || IsCapsHeading(t)) continue;
    if (lines[i].repeats >= 2 || t == a.title) continue;
    if (!ProseShaped(t, options.min_paragraph_chars)) continue;
    a.paragraphs.push_back(t);
    body_started = true;
  }
  if (a.paragraphs.empty()) {
    return Status::BadInput(page.locator, "no article text found (no line reads as prose)");
  }
  const DateTime* year_from = a.published ? &*a.published : nullptr;
  std::optional<DateTime> hinted;
  if (!year_from && !page.hint_published.empty()) {
    hinted = DateTime::ParseIso(page.hint_published);
    if (hinted) year_from = &*hinted;
  }
  TakeLeadTag(a.paragraphs.front(), a);
  TakeDateline(a.paragraphs.front(), a, year_from);
  TakeWireSignoff(a.paragraphs.back(), a);
  if (a.paragraphs.back().empty()) a.paragraphs.pop_back();
  return a;
}

}  // namespace newsfuse::extract_internal
