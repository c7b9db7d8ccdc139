// A self-contained HTML report: one file, inline CSS and SVG, no script and no
// network, so it opens the same from a mail attachment or an air-gapped disk.
//
// Every citation marker links to its source's card; every fact-table cell,
// conflict side and quote shows the source's own wording, so a reader can
// check each claim against what was written without leaving the page.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/terminal_text.h"
#include "render/html_text.h"
#include "render/render.h"
#include "render/web_url.h"

namespace newsfuse {
namespace {

using render_internal::HtmlEscape;
using render_internal::IsWebUrl;
using render_internal::LinkTarget;

// Control characters are dropped too: HTML has no use for them, and the page
// is also printed to terminals (`newsfuse story --format html`).
std::string Esc(std::string_view text) { return HtmlEscape(TerminalSafe(text)); }

std::string Cites(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += fmt::format("<a class=cite href=\"#src-{0}\">{0}</a>", Esc(id));
  return out;
}

const Attestation* WordingOf(const std::vector<Attestation>& wording, const std::string& source) {
  for (const auto& w : wording) {
    if (w.source == source) return &w;
  }
  return nullptr;
}

constexpr const char* kStyle = R"css(
body{font:16px/1.5 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.7rem;margin-bottom:.2rem}.meta{color:#555;margin-top:0}
h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;margin-top:2rem}
a.cite{font-size:.75em;vertical-align:super;margin-left:.15em;text-decoration:none;color:#0a58ca}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #ddd;padding:.3rem .45rem;text-align:left;vertical-align:top}
th{background:#f5f5f5}td.yes{background:#e7f4ea;text-align:center}td.no{color:#bbb;text-align:center}
.hard{border-left:4px solid #c62828;padding-left:.6rem}.soft{border-left:4px solid #f9a825;padding-left:.6rem}
blockquote{margin:.3rem 0 .3rem 1rem;color:#333}.src{color:#666;font-size:.85rem}
.card{padding:.4rem .6rem;margin:.3rem 0;border:1px solid #eee;border-radius:4px}.card:target{background:#fff8d6}
svg text{font:12px system-ui,sans-serif}
.grid{overflow-x:auto;max-width:100%}th a{overflow-wrap:normal}.legend{font-size:.85rem;color:#555}
ol.summary li{position:relative}
.tip{display:none;position:absolute;left:0;right:0;top:100%;z-index:2;background:#fff;color:#1b1b1b;border:1px solid #999;border-radius:4px;padding:.4rem .6rem;box-shadow:0 2px 8px #0004;font-size:.92rem}
a.cite:hover+.tip,a.cite:focus+.tip,.tip.open{display:block}ol.summary a.cite+.tip.shut{display:none}
)css";

const ReportSource* SourceOf(const StoryReport& r, const std::string& id) {
  for (const auto& s : r.sources) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

std::string OutletOf(const StoryReport& r, const std::string& id) {
  const ReportSource* s = SourceOf(r, id);
  return s == nullptr || s->outlet.empty() ? id : s->outlet;
}

// Each citation carries its outlet's own sentence in a tooltip the citation
// is described by: shown on hover and on keyboard focus by CSS alone (the
// offline file runs no script), read by screen readers as the link's
// description; the served page adds tap-to-open (assets/story.js).
void Summary(const StoryReport& r, std::string& out) {
  out += "<h2>Summary</h2><ol class=summary>";
  for (size_t i = 0; i < r.summary.size(); ++i) {
    const SummarySentence& s = r.summary[i];
    out += "<li>" + Esc(s.text);
    for (const auto& id : s.citations) {
      const Attestation* w = WordingOf(s.wording, id);
      if (w == nullptr) {
        out += Cites({id});
        continue;
      }
      const std::string tip = fmt::format("tip-{}-{}", i + 1, Esc(id));
      out += fmt::format(
          "<a class=cite href=\"#src-{0}\" aria-describedby=\"{1}\">{0}</a>"
          "<span class=tip role=tooltip id=\"{1}\"><b>{2}</b> ({0}): &ldquo;{3}&rdquo;</span>",
          Esc(id), tip, Esc(OutletOf(r, id)), Esc(w->text));
    }
    out += "</li>";
  }
  out += "</ol>";
}

// Columns are named by outlet, with the citation id beside it, and a legend
// says what the marks mean. The table scrolls inside its own box, so a phone
// never scrolls the page sideways; the box takes focus so a keyboard can too.
// Who is who (roles) is background to the story's claims: its own table.
void FactTable(const StoryReport& r, bool roles, std::string& out) {
  std::vector<const Fact*> rows;
  for (const auto& f : r.facts)
    if ((f.kind == Fact::Kind::kRole) == roles) rows.push_back(&f);
  if (rows.empty()) return;
  const char* id = roles ? "roles-h" : "facts-h";
  out += fmt::format(
      "<h2 id={0}>{1}</h2><div class=grid role=region aria-labelledby={0} "
      "tabindex=0><table><tr><th scope=col>{2}</th><th scope=col>{3}</th>",
      id, roles ? "Who is who" : "Facts", roles ? "Person" : "Fact", roles ? "Role" : "Value");
  for (const auto& s : r.sources) {
    out += fmt::format("<th scope=col><a href=\"#src-{0}\">{1}</a> <span class=src>{0}</span></th>",
                       Esc(s.id), Esc(OutletOf(r, s.id)));
  }
  out += "</tr>";
  for (const Fact* f : rows) {
    out += fmt::format("<tr id=\"fact-{}\"><td>{} <span class=src>{}</span></td><td>{}</td>",
                       Esc(f->id), Esc(f->subject), FactKindName(f->kind), Esc(f->value));
    for (const auto& s : r.sources) {
      if (const Attestation* w = WordingOf(f->wording, s.id)) {
        out += fmt::format("<td class=yes title=\"{}\">&#10003;</td>", Esc(w->text));
      } else {
        out += "<td class=no>&middot;</td>";
      }
    }
    out += "</tr>";
  }
  out +=
      "</table></div><p class=legend><b>&#10003;</b> the outlet states this (hold the "
      "pointer on it for the outlet&rsquo;s words) &middot; <b>&middot;</b> it does not "
      "mention it. A column per article: S1, S2&hellip; are the citation ids of "
      "<a href=\"#sources-h\">Sources</a>.</p>";
}

// "Harbour Gazette (S1)": the outlet a reader knows, with the id the
// citations and the Sources list use.
std::string Named(const StoryReport& r, const std::string& id) {
  return fmt::format("{} (<a class=src href=\"#src-{}\">{}</a>)", Esc(OutletOf(r, id)), Esc(id),
                     Esc(id));
}

std::string NamedList(const StoryReport& r, const std::vector<std::string>& ids) {
  std::string out;
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i > 0) out += i + 1 == ids.size() ? " and " : ", ";
    out += Named(r, ids[i]);
  }
  return out;
}

// Where the sources disagree comes first after the headline: a reader should
// know what is contested before reading the summary that states one side.
// Each side names its outlets and quotes their words.
void Disagreements(const StoryReport& r, std::string& out) {
  if (r.conflicts.empty()) return;
  out += fmt::format(
      "<section class=disputes aria-labelledby=disputes-h><h2 id=disputes-h>"
      "Where the sources disagree ({})</h2>",
      r.conflicts.size());
  for (const auto& c : r.conflicts) {
    out += fmt::format(
        "<div class={}><p><b>{}</b> <span class=src>{} conflict, confidence {:.2f}</span></p><ul>",
        c.hard ? "hard" : "soft", Esc(c.subject), c.hard ? "hard" : "soft", c.confidence);
    for (const auto& side : c.sides) {
      out += fmt::format("<li>{} {}: <b>{}</b>", NamedList(r, side.sources),
                         side.sources.size() == 1 ? "says" : "say", Esc(side.value));
      for (const auto& w : side.wording)
        out += fmt::format("<blockquote>&ldquo;{}&rdquo; <span class=src>{}</span></blockquote>",
                           Esc(w.text), Esc(OutletOf(r, w.source)));
      out += "</li>";
    }
    out += "</ul></div>";
  }
  out += "</section>";
}

void Quotes(const StoryReport& r, std::string& out) {
  if (r.quotes.empty()) return;
  out += "<h2>Quotes</h2>";
  for (const auto& sp : r.quotes) {
    // A described speaker ("a senior official") is a description, not a name.
    if (sp.named) {
      out += fmt::format("<h3>{}{}</h3>", Esc(sp.speaker),
                         sp.role.empty() ? "" : ", <i>" + Esc(sp.role) + "</i>");
    } else {
      out +=
          fmt::format("<h3 class=unnamed><i>{}</i> <span class=src>(speaker not named)</span></h3>",
                      Esc(sp.speaker));
    }
    for (const auto& q : sp.quotes) {
      if (q.wording.empty()) continue;
      // A paraphrase is never in quote marks: they promise the speaker's own words.
      const char* open = q.direct ? "&ldquo;" : "";
      const char* close = q.direct ? "&rdquo;" : "";
      out += fmt::format("<p>{}{}{}{}{}</p>", q.direct ? "" : "<i>(paraphrase)</i> ", open,
                         Esc(q.wording.front().text), close, Cites(q.sources));
      for (size_t i = 1; i < q.wording.size(); ++i) {
        if (q.wording[i].text == q.wording.front().text) continue;
        out += fmt::format("<blockquote>also {}{}{} <span class=src>{}</span></blockquote>", open,
                           Esc(q.wording[i].text), close, Esc(q.wording[i].source));
      }
    }
  }
}

// Days since the epoch of the first day a TIMEX3 value covers, and of its last.
std::optional<std::pair<int64_t, int64_t>> DayRange(const std::string& value) {
  const size_t slash = value.find('/');
  auto first = DateTime::ParseIso(value.substr(0, slash));
  auto last = DateTime::ParseIso(slash == std::string::npos ? value : value.substr(slash + 1));
  if (!first || !last) return std::nullopt;
  auto end_of = [](DateTime d) -> int64_t {
    d.precision = DatePrecision::kDay;
    if (d.month == 0) return DateTime::Day(d.year, 12, 31).DaysSinceEpoch();
    if (d.day == 0) {  // the month's last day: the day before the next month's first
      return DateTime::Day(d.month == 12 ? d.year + 1 : d.year, d.month == 12 ? 1 : d.month + 1, 1)
                 .DaysSinceEpoch() -
             1;
    }
    return d.DaysSinceEpoch();
  };
  const int64_t begin = first->DaysSinceEpoch();  // month/day 0 count as the first
  return std::make_pair(begin, std::max(begin, end_of(*last)));
}

// The timeline as an SVG: one row per entry, a bar (or dot) at its dates on a
// shared axis, so the order and the gaps between events are seen at a glance.
void TimelineSvg(const StoryReport& r, std::string& out) {
  if (r.timeline.empty()) return;
  std::vector<std::pair<int64_t, int64_t>> ranges;
  int64_t lo = INT64_MAX, hi = INT64_MIN;
  for (const auto& e : r.timeline) {
    auto d = DayRange(e.date);
    ranges.push_back(d.value_or(std::make_pair(INT64_MIN, INT64_MIN)));
    if (d) {
      lo = std::min(lo, d->first);
      hi = std::max(hi, d->second);
    }
  }
  out += "<h2>Timeline</h2>";
  if (lo <= hi) {
    const int width = 900, left = 170, row = 24;
    const int height = row * static_cast<int>(r.timeline.size()) + 10;
    const double span = std::max<int64_t>(1, hi - lo);
    auto x = [&](int64_t day) {
      return left + (width - left - 20) * (static_cast<double>(day - lo) / span);
    };
    out +=
        fmt::format("<svg role=img aria-label=\"timeline\" viewBox=\"0 0 {} {}\" width=\"100%\">",
                    width, height);
    for (size_t i = 0; i < r.timeline.size(); ++i) {
      const int y = 5 + row * static_cast<int>(i);
      out += fmt::format("<text x=0 y={}>{}</text>", y + 15, Esc(r.timeline[i].date));
      if (ranges[i].first == INT64_MIN) continue;
      const double x0 = x(ranges[i].first), x1 = std::max(x0 + 6, x(ranges[i].second));
      out += fmt::format(
          "<rect x={:.1f} y={} width={:.1f} height=14 rx=3 "
          "fill=\"#0a58ca\"><title>{}</title></rect>",
          x0, y + 4, x1 - x0, Esc(r.timeline[i].what));
    }
    out += "</svg>";
  }
  out += "<table><tr><th>Date</th><th>Place</th><th>Event</th><th>Sources</th></tr>";
  for (const auto& e : r.timeline) {
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", Esc(e.date),
                       Esc(e.place), Esc(e.what), Cites(e.sources));
  }
  out += "</table>";
}

const Fact* FactOf(const StoryReport& r, const std::string& id) {
  for (const auto& f : r.facts) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

// "trees: 1,200", linked to its row of the fact grid.
std::string FactPhrase(const Fact& f) {
  if (f.value.empty()) return fmt::format("<a href=\"#fact-{}\">{}</a>", Esc(f.id), Esc(f.subject));
  return fmt::format("<a href=\"#fact-{}\">{}: {}</a>", Esc(f.id), Esc(f.subject), Esc(f.value));
}

// Per outlet, in sentences: what it alone reports (in its own words) and what
// it leaves out that most others report. Outlets that add and omit nothing
// are not listed.
void Coverage(const StoryReport& r, std::string& out) {
  std::string items;
  for (const auto& c : r.coverage) {
    std::string alone, left_out;
    for (const auto& id : c.only_here) {
      const Fact* f = FactOf(r, id);
      if (f == nullptr) continue;
      alone += alone.empty() ? "" : "; ";
      alone += FactPhrase(*f);
      if (const Attestation* w = WordingOf(f->wording, c.source))
        alone += fmt::format(" (&ldquo;{}&rdquo;)", Esc(w->text));
    }
    for (const auto& id : c.missing) {
      const Fact* f = FactOf(r, id);
      if (f == nullptr) continue;
      left_out += left_out.empty() ? "" : "; ";
      left_out += FactPhrase(*f);
    }
    if (alone.empty() && left_out.empty()) continue;
    items += "<li>";
    if (!alone.empty()) {
      items += fmt::format("Only {} reports {}.", Named(r, c.source), alone);
    }
    if (!left_out.empty()) {
      items += fmt::format("{}{} does not mention what most others report: {}.",
                           alone.empty() ? "" : " ", alone.empty() ? Named(r, c.source) : "It",
                           left_out);
    }
    items += "</li>";
  }
  if (items.empty()) return;
  out += "<h2>What each outlet adds or leaves out</h2><ul class=coverage>" + items + "</ul>";
}

void Sources(const StoryReport& r, std::string& out) {
  out += "<h2 id=sources-h>Sources</h2>";
  for (const auto& s : r.sources) {
    out += fmt::format("<div class=card id=\"src-{}\"><b>[{}]</b> {}", Esc(s.id), Esc(s.id),
                       Esc(s.outlet.empty() ? "(unknown outlet)" : s.outlet));
    if (!s.title.empty()) out += " &mdash; <i>" + Esc(s.title) + "</i>";
    if (!s.published.empty()) out += ", " + Esc(s.published);
    if (!s.authors.empty()) {
      std::string names;
      for (const auto& a : s.authors) names += (names.empty() ? "" : ", ") + a;
      out += ", by " + Esc(names);
    }
    // Only http(s) becomes a link: a javascript: or data: URL from the input
    // would run script when clicked, and the page promises none.
    if (IsWebUrl(s.url)) {
      out += fmt::format(" <a href=\"{}\">{}</a>", Esc(LinkTarget(s.url)), Esc(s.url));
    } else if (!s.url.empty()) {
      out += fmt::format(" <span class=src>{}</span>", Esc(s.url));
    }
    if (!s.copy_of.empty())
      out += fmt::format(" (copy of <a href=\"#src-{0}\">{0}</a>)", Esc(s.copy_of));
    out += fmt::format("<div class=src>{}</div></div>", Esc(s.locator));
  }
}

}  // namespace

std::string RenderHtml(const StoryReport& report) {
  const std::string title = report.headline.empty() ? "(untitled story)" : report.headline;
  std::string out = fmt::format(
      "<!doctype html><html lang=en><head><meta charset=utf-8><meta name=viewport "
      "content=\"width=device-width\">"
      "<title>{0}</title><style>{1}</style></head><body><h1>{0}</h1>",
      Esc(title), kStyle);
  out +=
      fmt::format("<p class=meta>Story <code>{}</code> &middot; {} source{}", Esc(report.story_id),
                  report.sources.size(), report.sources.size() == 1 ? "" : "s");
  if (!report.first_seen.empty()) out += " &middot; " + Esc(report.first_seen);
  if (!report.last_updated.empty() && report.last_updated != report.first_seen)
    out += " to " + Esc(report.last_updated);
  out += "</p>";
  if (StoryUndated(report)) out += fmt::format("<p class=meta>{}.</p>", Esc(kUndatedNotice));
  Disagreements(report, out);
  Summary(report, out);
  FactTable(report, /*roles=*/false, out);
  FactTable(report, /*roles=*/true, out);
  Quotes(report, out);
  TimelineSvg(report, out);
  Coverage(report, out);
  Sources(report, out);
  out += "</body></html>\n";
  return out;
}

}  // namespace newsfuse
