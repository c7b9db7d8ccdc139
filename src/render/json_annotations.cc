#include "render/json_annotations.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "core/terminal_text.h"

namespace newsfuse {
namespace {

using nlohmann::json;

const char* MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kName:
      return "name";
    case MentionKind::kAlias:
      return "alias";
    case MentionKind::kNationality:
      return "nationality";
    case MentionKind::kPronoun:
      return "pronoun";
  }
  return "name";
}

// A number, or null for the unbounded end of an interval.
json Number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

// Spans from an annotator are trusted but not blindly: one past the body
// would throw in substr, and a bad annotation must not take the command down.
json SpanJson(const AnnotatedArticle& a, Span s) {
  const bool ok = s.begin <= s.end && s.end <= a.body.size();
  return {
      {"begin", s.begin}, {"end", s.end}, {"text", ok ? std::string(a.Text(s)) : std::string()}};
}

json WithSpan(const AnnotatedArticle& a, Span s, json fields) {
  json j = SpanJson(a, s);
  j.update(fields);
  return j;
}

json QuantityJson(const AnnotatedArticle& a, const Quantity& q) {
  return WithSpan(
      a, q.span,
      {{"value", Number(q.value)},
       {"low", Number(q.low)},
       {"high", Number(q.high)},
       {"unit", q.unit},
       {"stated_unit", q.stated_unit},
       {"counted", q.counted},
       {"counted_span", q.counted.empty() ? json(nullptr) : SpanJson(a, q.counted_span)},
       {"total", Number(q.total)},
       {"distributive", q.distributive}});
}

json QuoteJson(const AnnotatedArticle& a, const Quote& q) {
  json speaker = nullptr;
  if (q.speaker && *q.speaker < a.entities.size())
    speaker = {{"entity", *q.speaker}, {"name", a.entities[*q.speaker].name}};
  return {{"content", SpanJson(a, q.content)},
          {"speaker", speaker},
          {"speaker_span", q.speaker_span.size() ? SpanJson(a, q.speaker_span) : json(nullptr)},
          {"cue", q.cue.size() ? SpanJson(a, q.cue) : json(nullptr)},
          // An unnamed speaker's description ("a senior official"), null when there is none.
          {"speaker_description",
           q.speaker_description.size() ? SpanJson(a, q.speaker_description) : json(nullptr)},
          {"direct", q.direct}};
}

}  // namespace

std::string RenderAnnotationsJson(const AnnotatedArticle& a) {
  const Article& art = a.article;
  json doc = {{"id", art.id},
              {"locator", art.locator},
              {"outlet", art.outlet},
              {"title", art.title},
              {"published", art.published ? art.published->ToIso() : ""},
              {"body", a.body}};
  json& sentences = doc["sentences"] = json::array();
  for (const Sentence& s : a.sentences)
    sentences.push_back(WithSpan(a, s.span, {{"paragraph", s.paragraph}}));
  json& entities = doc["entities"] = json::array();
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    entities.push_back({{"index", i},
                        {"type", EntityTypeName(e.type)},
                        {"name", e.name},
                        {"key", e.key},
                        {"roles", e.roles},
                        {"aliases", e.aliases},
                        {"country", e.country}});
  }
  json& mentions = doc["mentions"] = json::array();
  for (const Mention& m : a.mentions)
    mentions.push_back(
        WithSpan(a, m.span, {{"entity", m.entity}, {"kind", MentionKindName(m.kind)}}));
  json& quantities = doc["quantities"] = json::array();
  for (const Quantity& q : a.quantities) quantities.push_back(QuantityJson(a, q));
  json& timexes = doc["timexes"] = json::array();
  for (const Timex& t : a.timexes)
    timexes.push_back(WithSpan(a, t.span,
                               {{"type", TimexTypeName(t.type)},
                                {"value", t.value},
                                {"precision", DatePrecisionName(t.precision)},
                                {"anchor", t.anchor}}));
  json& quotes = doc["quotes"] = json::array();
  for (const Quote& q : a.quotes) quotes.push_back(QuoteJson(a, q));
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// For terminals: each span's text on one line, and the whole output stripped
// of control sequences (every name and key in it comes from the page).
std::string RenderAnnotationsText(const AnnotatedArticle& a) {
  auto text = [&](Span s) {
    return s.begin <= s.end && s.end <= a.body.size() ? TerminalSafeLine(a.Text(s)) : std::string();
  };
  std::string out =
      fmt::format("# {}\n", a.article.title.empty() ? a.article.locator : a.article.title);
  out += fmt::format("\n## sentences ({})\n", a.sentences.size());
  for (const Sentence& s : a.sentences)
    out += fmt::format("[{}-{}] p{} {}\n", s.span.begin, s.span.end, s.paragraph, text(s.span));
  out += fmt::format("\n## entities ({})\n", a.entities.size());
  for (size_t i = 0; i < a.entities.size(); ++i) {
    const Entity& e = a.entities[i];
    out += fmt::format("E{} {} \"{}\" key={}", i, EntityTypeName(e.type), e.name, e.key);
    if (!e.country.empty()) out += fmt::format(" country={}", e.country);
    if (!e.roles.empty()) out += fmt::format(" roles=[{}]", fmt::join(e.roles, "; "));
    if (!e.aliases.empty()) out += fmt::format(" aliases=[{}]", fmt::join(e.aliases, "; "));
    out += "\n";
  }
  out += fmt::format("\n## mentions ({})\n", a.mentions.size());
  for (const Mention& m : a.mentions)
    out += fmt::format("[{}-{}] {} -> E{} ({})\n", m.span.begin, m.span.end, text(m.span), m.entity,
                       MentionKindName(m.kind));
  out += fmt::format("\n## quantities ({})\n", a.quantities.size());
  for (const Quantity& q : a.quantities) {
    out += fmt::format("[{}-{}] \"{}\" = {:g} {} [{:g}, {:g}]", q.span.begin, q.span.end,
                       text(q.span), q.value, q.unit.empty() ? "(count)" : q.unit, q.low, q.high);
    if (!q.counted.empty()) out += fmt::format(" of \"{}\"", q.counted);
    if (q.distributive) out += fmt::format(" each, total {:g}", q.total);
    out += "\n";
  }
  out += fmt::format("\n## timexes ({})\n", a.timexes.size());
  for (const Timex& t : a.timexes)
    out += fmt::format("[{}-{}] \"{}\" {} {} ({}{}{})\n", t.span.begin, t.span.end, text(t.span),
                       TimexTypeName(t.type), t.value, DatePrecisionName(t.precision),
                       t.anchor.empty() ? "" : ", anchor ", t.anchor);
  out += fmt::format("\n## quotes ({})\n", a.quotes.size());
  for (const Quote& q : a.quotes) {
    const std::string who =
        q.speaker && *q.speaker < a.entities.size() ? a.entities[*q.speaker].name : "?";
    out += fmt::format("{} {}: \"{}\" (cue \"{}\")\n", q.direct ? "direct" : "reported", who,
                       text(q.content), text(q.cue));
  }
  return TerminalSafe(out);
}

}  // namespace newsfuse
