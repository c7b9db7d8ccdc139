// The JSON form of a StoryReport: the contract every other rendering and every
// API client reads. Field names and meanings are documented in
// docs/report-schema.md; any change that is not a pure addition bumps
// StoryReport::kSchemaVersion.
#include <cmath>
#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "render/render.h"

namespace newsfuse {
namespace {

using nlohmann::json;

json SpanJson(const Span& s) { return json::array({s.begin, s.end}); }

json SourceJson(const ReportSource& s) {
  return {{"id", s.id},           {"article_id", s.article_id},
          {"outlet", s.outlet},   {"title", s.title},
          {"url", s.url},         {"published", s.published},
          {"authors", s.authors}, {"locator", s.locator},
          {"copy_of", s.copy_of}};
}

json AttestationsJson(const std::vector<Attestation>& wording) {
  json out = json::array();
  for (const auto& w : wording)
    out.push_back({{"source", w.source}, {"text", w.text}, {"span", SpanJson(w.span)}});
  return out;
}

json SummaryJson(const SummarySentence& s) {
  return {{"text", s.text},
          {"citations", s.citations},
          {"from_source", s.from_source},
          {"span", SpanJson(s.span)},
          {"support", s.support},
          {"wording", AttestationsJson(s.wording)}};
}

json FactJson(const Fact& f) {
  json j = {{"id", f.id},           {"kind", FactKindName(f.kind)},
            {"subject", f.subject}, {"value", f.value},
            {"sources", f.sources}, {"wording", AttestationsJson(f.wording)}};
  if (f.kind == Fact::Kind::kQuantity) {
    j["unit"] = f.unit;
    // JSON has no infinity: an open end ("more than 5") is written as null.
    auto bound = [](double v) { return std::isfinite(v) ? json(v) : json(nullptr); };
    j["interval"] = json::array({bound(f.low), bound(f.high)});
  }
  return j;
}

json ConflictJson(const Conflict& c) {
  json sides = json::array();
  for (const auto& s : c.sides) {
    sides.push_back(
        {{"value", s.value}, {"sources", s.sources}, {"wording", AttestationsJson(s.wording)}});
  }
  return {{"subject", c.subject},
          {"severity", c.hard ? "hard" : "soft"},
          {"confidence", c.confidence},
          {"sides", std::move(sides)}};
}

json SpeakerJson(const SpeakerQuotes& sp) {
  json quotes = json::array();
  for (const auto& q : sp.quotes) {
    quotes.push_back(
        {{"direct", q.direct}, {"sources", q.sources}, {"wording", AttestationsJson(q.wording)}});
  }
  // "named": false marks a described speaker ("a senior official"): the
  // phrase is a description, not a name, and must never read as one.
  return {{"speaker", sp.speaker},
          {"named", sp.named},
          {"role", sp.role},
          {"quotes", std::move(quotes)}};
}

json TimelineJson(const TimelineEntry& e) {
  return {{"date", e.date},   {"precision", e.precision}, {"what", e.what},
          {"place", e.place}, {"sources", e.sources},     {"wording", AttestationsJson(e.wording)}};
}

json CoverageJson(const SourceCoverage& c) {
  return {{"source", c.source}, {"only_here", c.only_here}, {"missing", c.missing}};
}

template <typename T, typename F>
json ArrayOf(const std::vector<T>& items, F&& to_json) {
  json out = json::array();
  for (const auto& item : items) out.push_back(to_json(item));
  return out;
}

// Reads `key` of `j` into `out` when present; a present field of the wrong
// type is an error rather than a silent default.
template <typename T>
void Read(const json& j, const char* key, T& out) {
  if (auto it = j.find(key); it != j.end() && !it->is_null()) out = it->get<T>();
}

// A field that is valid JSON of the right kind but out of range.
struct BadField : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A byte offset must be a JSON integer in 0..2^32-1: get<uint32_t>() would
// wrap a negative or larger integer, and converting an out-of-range float
// (1e30) is undefined behaviour (UBSan, hand-made inputs run through
// fuzz/report_json_fuzzer).
uint32_t ReadOffset(const json& j) {
  if (!j.is_number_unsigned() || j.get<uint64_t>() > std::numeric_limits<uint32_t>::max()) {
    throw BadField("span offsets must be integers in 0..4294967295, not " + j.dump());
  }
  return static_cast<uint32_t>(j.get<uint64_t>());
}

Span ReadSpan(const json& j) {
  if (auto it = j.find("span"); it != j.end() && it->is_array() && it->size() == 2) {
    return Span{ReadOffset((*it)[0]), ReadOffset((*it)[1])};
  }
  return {};
}

// Any integer, however large, compares correctly with the version this code
// knows; a float or an integer past int's range is refused, not converted.
int ReadSchemaVersion(const json& doc) {
  const json& v = doc.at("schema_version");
  if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<uint64_t>() > INT32_MAX) ||
      (!v.is_number_unsigned() && v.get<int64_t>() < INT32_MIN)) {
    throw BadField("schema_version must be an integer, not " + v.dump());
  }
  return v.get<int>();
}

std::vector<Attestation> ReadWording(const json& j) {
  std::vector<Attestation> out;
  for (const auto& w : j.value("wording", json::array())) {
    Attestation a;
    Read(w, "source", a.source);
    Read(w, "text", a.text);
    a.span = ReadSpan(w);
    out.push_back(std::move(a));
  }
  return out;
}

// The claim sections; absent in reports written before they existed.
void ReadClaims(const json& doc, StoryReport& r) {
  for (const auto& j : doc.value("facts", json::array())) {
    Fact f;
    Read(j, "id", f.id);
    const std::string kind = j.value("kind", "quantity");
    f.kind = kind == "event"  ? Fact::Kind::kEvent
             : kind == "role" ? Fact::Kind::kRole
                              : Fact::Kind::kQuantity;
    Read(j, "subject", f.subject);
    Read(j, "value", f.value);
    Read(j, "unit", f.unit);
    if (auto it = j.find("interval"); it != j.end() && it->is_array() && it->size() == 2) {
      const double inf = std::numeric_limits<double>::infinity();
      f.low = (*it)[0].is_null() ? -inf : (*it)[0].get<double>();
      f.high = (*it)[1].is_null() ? inf : (*it)[1].get<double>();
    }
    Read(j, "sources", f.sources);
    f.wording = ReadWording(j);
    r.facts.push_back(std::move(f));
  }
  for (const auto& j : doc.value("conflicts", json::array())) {
    Conflict c;
    Read(j, "subject", c.subject);
    c.hard = j.value("severity", "soft") == "hard";
    Read(j, "confidence", c.confidence);
    for (const auto& s : j.value("sides", json::array())) {
      Conflict::Side side;
      Read(s, "value", side.value);
      Read(s, "sources", side.sources);
      side.wording = ReadWording(s);
      c.sides.push_back(std::move(side));
    }
    r.conflicts.push_back(std::move(c));
  }
  for (const auto& j : doc.value("quotes", json::array())) {
    SpeakerQuotes sp;
    Read(j, "speaker", sp.speaker);
    Read(j, "named", sp.named);  // absent in reports written before it: a name
    Read(j, "role", sp.role);
    for (const auto& q : j.value("quotes", json::array())) {
      ReportQuote rq;
      Read(q, "direct", rq.direct);
      Read(q, "sources", rq.sources);
      rq.wording = ReadWording(q);
      sp.quotes.push_back(std::move(rq));
    }
    r.quotes.push_back(std::move(sp));
  }
  for (const auto& j : doc.value("timeline", json::array())) {
    TimelineEntry e;
    Read(j, "date", e.date);
    Read(j, "precision", e.precision);
    Read(j, "what", e.what);
    Read(j, "place", e.place);
    Read(j, "sources", e.sources);
    e.wording = ReadWording(j);
    r.timeline.push_back(std::move(e));
  }
  for (const auto& j : doc.value("coverage", json::array())) {
    SourceCoverage c;
    Read(j, "source", c.source);
    Read(j, "only_here", c.only_here);
    Read(j, "missing", c.missing);
    r.coverage.push_back(std::move(c));
  }
}

}  // namespace

std::string RenderJson(const StoryReport& report) {
  json sources = json::array();
  for (const auto& s : report.sources) sources.push_back(SourceJson(s));
  json summary = json::array();
  for (const auto& s : report.summary) summary.push_back(SummaryJson(s));
  const json doc = {{"schema_version", StoryReport::kSchemaVersion},
                    {"story_id", report.story_id},
                    {"headline", report.headline},
                    {"first_seen", report.first_seen},
                    {"last_updated", report.last_updated},
                    {"undated", StoryUndated(report)},
                    {"sources", std::move(sources)},
                    {"summary", std::move(summary)},
                    {"facts", ArrayOf(report.facts, FactJson)},
                    {"conflicts", ArrayOf(report.conflicts, ConflictJson)},
                    {"quotes", ArrayOf(report.quotes, SpeakerJson)},
                    {"timeline", ArrayOf(report.timeline, TimelineJson)},
                    {"coverage", ArrayOf(report.coverage, CoverageJson)}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<StoryReport> ParseReportJson(const std::string& text) {
  try {
    const json doc = json::parse(text);
    const int version = ReadSchemaVersion(doc);
    if (version > StoryReport::kSchemaVersion) {
      return Status::BadInput("report", "schema_version " + std::to_string(version) +
                                            " is newer than this newsfuse understands (" +
                                            std::to_string(StoryReport::kSchemaVersion) + ")");
    }
    StoryReport r;
    Read(doc, "story_id", r.story_id);
    Read(doc, "headline", r.headline);
    Read(doc, "first_seen", r.first_seen);
    Read(doc, "last_updated", r.last_updated);
    for (const auto& s : doc.value("sources", json::array())) {
      ReportSource src;
      Read(s, "id", src.id);
      Read(s, "article_id", src.article_id);
      Read(s, "outlet", src.outlet);
      Read(s, "title", src.title);
      Read(s, "url", src.url);
      Read(s, "published", src.published);
      Read(s, "authors", src.authors);
      Read(s, "locator", src.locator);
      Read(s, "copy_of", src.copy_of);
      r.sources.push_back(std::move(src));
    }
    for (const auto& s : doc.value("summary", json::array())) {
      SummarySentence sent;
      Read(s, "text", sent.text);
      Read(s, "citations", sent.citations);
      Read(s, "from_source", sent.from_source);
      Read(s, "support", sent.support);
      if (auto it = s.find("span"); it != s.end() && it->is_array() && it->size() == 2) {
        sent.span = Span{ReadOffset((*it)[0]), ReadOffset((*it)[1])};
      }
      sent.wording = ReadWording(s);  // absent in reports written before it
      r.summary.push_back(std::move(sent));
    }
    ReadClaims(doc, r);
    return r;
  } catch (const json::exception& e) {
    return Status::BadInput("report", std::string("not a story report: ") + e.what());
  } catch (const BadField& e) {
    return Status::BadInput("report", std::string("not a story report: ") + e.what());
  }
}

}  // namespace newsfuse
