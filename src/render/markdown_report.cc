// Markdown for terminals and notes: the summary first (what a reader wants),
// each sentence followed by its citation keys, then the sources those keys
// name. Citation keys are the report's own ("S1"), so the Markdown, the JSON
// and the HTML of one report agree on them.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>

#include "render/render.h"

namespace newsfuse {
namespace {

std::string Citations(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += fmt::format("[{}]", id);
  return out;
}

std::string SourceLine(const ReportSource& s) {
  std::string line = fmt::format("- **[{}]** {}", s.id, s.outlet.empty() ? "(unknown outlet)" : s.outlet);
  if (!s.title.empty()) line += fmt::format(" — *{}*", s.title);
  if (!s.published.empty()) line += fmt::format(", {}", s.published);
  if (!s.authors.empty()) {
    std::string names;
    for (const auto& a : s.authors) names += (names.empty() ? "" : ", ") + a;
    line += fmt::format(", by {}", names);
  }
  if (!s.url.empty()) line += fmt::format(" <{}>", s.url);
  if (!s.copy_of.empty()) line += fmt::format(" (copy of [{}])", s.copy_of);
  return line + "\n";
}

std::string Quoted(const Attestation& w) { return fmt::format("\u201c{}\u201d [{}]", w.text, w.source); }

void FactsSection(const StoryReport& r, std::string& out) {
  if (r.facts.empty()) return;
  // A list, not a table: a story of forty sources would not fit a terminal's
  // width as columns. The HTML report draws the facts-by-outlets table.
  out += "\n## Facts\n\n";
  for (const auto& f : r.facts) {
    out += fmt::format("- **{}** {}: {} {}\n", f.id, f.subject.empty() ? FactKindName(f.kind) : f.subject, f.value,
                       Citations(f.sources));
  }
}

void ConflictsSection(const StoryReport& r, std::string& out) {
  if (r.conflicts.empty()) return;
  out += "\n## Conflicts\n\n";
  for (const auto& c : r.conflicts) {
    out += fmt::format("- **{}** ({}, confidence {:.2f})\n", c.subject, c.hard ? "hard" : "soft", c.confidence);
    for (const auto& side : c.sides) {
      out += fmt::format("  - {} {}", side.value, Citations(side.sources));
      if (!side.wording.empty()) out += ": " + Quoted(side.wording.front());
      out += "\n";
    }
  }
}

void QuotesSection(const StoryReport& r, std::string& out) {
  if (r.quotes.empty()) return;
  out += "\n## Quotes\n";
  for (const auto& sp : r.quotes) {
    out += fmt::format("\n**{}**{}\n\n", sp.speaker, sp.role.empty() ? "" : ", " + sp.role);
    for (const auto& q : sp.quotes) {
      if (q.wording.empty()) continue;
      // A paraphrase is never in quote marks: they promise the speaker's own words.
      const auto shown = [&](const std::string& text) { return q.direct ? "\u201c" + text + "\u201d" : text; };
      out += fmt::format("- {}{} {}\n", q.direct ? "" : "(paraphrase) ", shown(q.wording.front().text), Citations(q.sources));
      for (size_t i = 1; i < q.wording.size(); ++i) {
        if (q.wording[i].text == q.wording.front().text) continue;
        out += "  - also: " + (q.direct ? Quoted(q.wording[i]) : q.wording[i].text + " [" + q.wording[i].source + "]") + "\n";
      }
    }
  }
}

void TimelineSection(const StoryReport& r, std::string& out) {
  if (r.timeline.empty()) return;
  out += "\n## Timeline\n\n";
  for (const auto& e : r.timeline) {
    out += fmt::format("- **{}**{} {} {}\n", e.date, e.place.empty() ? "" : " (" + e.place + ")", e.what, Citations(e.sources));
  }
}

void CoverageSection(const StoryReport& r, std::string& out) {
  std::string body;
  for (const auto& c : r.coverage) {
    if (c.only_here.empty() && c.missing.empty()) continue;
    body += fmt::format("- [{}]", c.source);
    if (!c.only_here.empty()) body += " only here: " + fmt::format("{}", fmt::join(c.only_here, ", "));
    if (!c.only_here.empty() && !c.missing.empty()) body += ";";
    if (!c.missing.empty()) body += " leaves out: " + fmt::format("{}", fmt::join(c.missing, ", "));
    body += "\n";
  }
  if (!body.empty()) out += "\n## Coverage\n\n" + body;
}

}  // namespace

std::string RenderMarkdown(const StoryReport& report) {
  std::string out = fmt::format("# {}\n\n", report.headline.empty() ? "(untitled story)" : report.headline);
  out += fmt::format("Story `{}` · {} source{}", report.story_id, report.sources.size(),
                     report.sources.size() == 1 ? "" : "s");
  if (!report.first_seen.empty()) {
    out += fmt::format(" · {}", report.first_seen);
    if (!report.last_updated.empty() && report.last_updated != report.first_seen)
      out += fmt::format(" to {}", report.last_updated);
  }
  out += "\n\n## Summary\n\n";
  for (const auto& s : report.summary) out += fmt::format("- {} {}\n", s.text, Citations(s.citations));
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
