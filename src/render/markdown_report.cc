// Markdown for terminals and notes: the summary first (what a reader wants),
// each sentence followed by its citation keys, then the sources those keys
// name. Citation keys are the report's own ("S1"), so the Markdown, the JSON
// and the HTML of one report agree on them.
//
// Every piece of input text is escaped (Md): a report opened in a Markdown
// viewer runs no HTML from the input and links nothing but http(s) URLs.
#include <fmt/format.h>

#include <string>

#include "core/terminal_text.h"
#include "render/render.h"
#include "render/web_url.h"

namespace newsfuse {
namespace {

using render_internal::IsWebUrl;
using render_internal::LinkTarget;

// "&amp;", "&#60;", "&#x3c;": what a Markdown viewer would decode, so a
// source's literal "&lt;" must be escaped to stay literal.
bool StartsEntity(std::string_view s) {
  size_t i = 1;  // past '&'
  if (i < s.size() && s[i] == '#') ++i;
  const size_t begin = i;
  while (i < s.size() && i < 40 &&
         ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
          (s[i] >= '0' && s[i] <= '9'))) {
    ++i;
  }
  return i > begin && i < s.size() && s[i] == ';';
}

// Input text as inert Markdown: control sequences dropped (the report is also
// read on terminals), line breaks joined so the text stays inside its list
// item (no heading, list, HTML block or link definition can start), and the
// inline syntax escaped: '<' (raw HTML and autolinks), '[' ']' (links and
// images), '`', '*', '_', '~' (code and emphasis), '\', and '&' before an
// entity. Other punctuation is left alone so the report still reads as text.
std::string Md(std::string_view text) {
  const std::string clean = TerminalSafeLine(text);
  std::string out;
  out.reserve(clean.size() + 8);
  for (size_t i = 0; i < clean.size(); ++i) {
    const char c = clean[i];
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '~':
        out += '\\';
        break;
      case '&':
        if (StartsEntity(std::string_view(clean).substr(i))) out += '\\';
        break;
      default:
        break;
    }
    out += c;
  }
  return out;
}

// An id inside a code span, where backslash escapes do not work: backticks
// and controls are dropped instead.
std::string Code(std::string_view id) {
  std::string out = TerminalSafeLine(id);
  std::erase(out, '`');
  return out;
}

std::string Join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : std::string(sep)) + Md(item);
  return out;
}

std::string Citations(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += fmt::format("[{}]", Md(id));
  return out;
}

std::string SourceLine(const ReportSource& s) {
  std::string line =
      fmt::format("- **[{}]** {}", Md(s.id), s.outlet.empty() ? "(unknown outlet)" : Md(s.outlet));
  if (!s.title.empty()) line += fmt::format(" — *{}*", Md(s.title));
  if (!s.published.empty()) line += fmt::format(", {}", Md(s.published));
  if (!s.authors.empty()) line += fmt::format(", by {}", Join(s.authors, ", "));
  // An autolink only for http(s); any other scheme (javascript:, data:) is text.
  if (IsWebUrl(s.url)) {
    line += fmt::format(" <{}>", Code(LinkTarget(s.url)));
  } else if (!s.url.empty()) {
    line += fmt::format(" ({})", Md(s.url));
  }
  if (!s.copy_of.empty()) line += fmt::format(" (copy of [{}])", Md(s.copy_of));
  return line + "\n";
}

std::string Quoted(const Attestation& w) {
  return fmt::format("\u201c{}\u201d [{}]", Md(w.text), Md(w.source));
}

// Who is who (roles) is background to the story's claims, so it is listed
// apart from what happened, how many and when.
void FactsSection(const StoryReport& r, std::string& out) {
  // A list, not a table: a story of forty sources would not fit a terminal's
  // width as columns. The HTML report draws the facts-by-outlets table.
  for (const bool roles : {false, true}) {
    bool first = true;
    for (const auto& f : r.facts) {
      if ((f.kind == Fact::Kind::kRole) != roles) continue;
      if (first) out += roles ? "\n## Who is who\n\n" : "\n## Facts\n\n";
      first = false;
      // An event row is its own sentence and may carry no date or place: no
      // dangling colon then.
      const std::string subject = f.subject.empty() ? FactKindName(f.kind) : Md(f.subject);
      out += f.value.empty()
                 ? fmt::format("- **{}** {} {}\n", Md(f.id), subject, Citations(f.sources))
                 : fmt::format("- **{}** {}: {} {}\n", Md(f.id), subject, Md(f.value),
                               Citations(f.sources));
    }
  }
}

void ConflictsSection(const StoryReport& r, std::string& out) {
  if (r.conflicts.empty()) return;
  out += "\n## Conflicts\n\n";
  for (const auto& c : r.conflicts) {
    out += fmt::format("- **{}** ({}, confidence {:.2f})\n", Md(c.subject),
                       c.hard ? "hard" : "soft", c.confidence);
    for (const auto& side : c.sides) {
      out += fmt::format("  - {} {}", Md(side.value), Citations(side.sources));
      if (!side.wording.empty()) out += ": " + Quoted(side.wording.front());
      out += "\n";
    }
  }
}

void QuotesSection(const StoryReport& r, std::string& out) {
  if (r.quotes.empty()) return;
  out += "\n## Quotes\n";
  for (const auto& sp : r.quotes) {
    // A described speaker ("a senior official") is a description, not a
    // name: set in italics and said to be unnamed, never bold like a person.
    if (sp.named) {
      out +=
          fmt::format("\n**{}**{}\n\n", Md(sp.speaker), sp.role.empty() ? "" : ", " + Md(sp.role));
    } else {
      out += fmt::format("\n*{}* (speaker not named)\n\n", Md(sp.speaker));
    }
    for (const auto& q : sp.quotes) {
      if (q.wording.empty()) continue;
      // A paraphrase is never in quote marks: they promise the speaker's own words.
      const auto shown = [&](const std::string& text) {
        return q.direct ? "\u201c" + Md(text) + "\u201d" : Md(text);
      };
      out += fmt::format("- {}{} {}\n", q.direct ? "" : "(paraphrase) ",
                         shown(q.wording.front().text), Citations(q.sources));
      for (size_t i = 1; i < q.wording.size(); ++i) {
        if (q.wording[i].text == q.wording.front().text) continue;
        out += "  - also: " +
               (q.direct ? Quoted(q.wording[i])
                         : Md(q.wording[i].text) + " [" + Md(q.wording[i].source) + "]") +
               "\n";
      }
    }
  }
}

void TimelineSection(const StoryReport& r, std::string& out) {
  if (r.timeline.empty()) return;
  out += "\n## Timeline\n\n";
  for (const auto& e : r.timeline) {
    out += fmt::format("- **{}**{} {} {}\n", Md(e.date),
                       e.place.empty() ? "" : " (" + Md(e.place) + ")", Md(e.what),
                       Citations(e.sources));
  }
}

void CoverageSection(const StoryReport& r, std::string& out) {
  std::string body;
  for (const auto& c : r.coverage) {
    if (c.only_here.empty() && c.missing.empty()) continue;
    body += fmt::format("- [{}]", Md(c.source));
    if (!c.only_here.empty()) body += " only here: " + Join(c.only_here, ", ");
    if (!c.only_here.empty() && !c.missing.empty()) body += ";";
    if (!c.missing.empty()) body += " leaves out: " + Join(c.missing, ", ");
    body += "\n";
  }
  if (!body.empty()) out += "\n## Coverage\n\n" + body;
}

}  // namespace

std::string RenderMarkdown(const StoryReport& report) {
  std::string out =
      fmt::format("# {}\n\n", report.headline.empty() ? "(untitled story)" : Md(report.headline));
  out += fmt::format("Story `{}` · {} source{}", Code(report.story_id), report.sources.size(),
                     report.sources.size() == 1 ? "" : "s");
  if (!report.first_seen.empty()) {
    out += fmt::format(" · {}", Md(report.first_seen));
    if (!report.last_updated.empty() && report.last_updated != report.first_seen)
      out += fmt::format(" to {}", Md(report.last_updated));
  }
  if (StoryUndated(report)) out += fmt::format("\n\n_{}._", kUndatedNotice);
  out += "\n\n## Summary\n\n";
  for (const auto& s : report.summary)
    out += fmt::format("- {} {}\n", Md(s.text), Citations(s.citations));
  FactsSection(report, out);
  ConflictsSection(report, out);
  QuotesSection(report, out);
  TimelineSection(report, out);
  CoverageSection(report, out);
  out += "\n## Sources\n\n";
  for (const auto& s : report.sources) out += SourceLine(s);
  return out;
}

}  // namespace newsfuse
