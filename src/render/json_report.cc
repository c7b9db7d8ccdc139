// The JSON form of a StoryReport: the contract every other rendering and every
// API client reads. Field names and meanings are documented in
// docs/report-schema.md; any change that is not a pure addition bumps
// StoryReport::kSchemaVersion.
#include <nlohmann/json.hpp>

#include "render/render.h"

namespace newsfuse {
namespace {

using nlohmann::json;

json SpanJson(const Span& s) { return json::array({s.begin, s.end}); }

json SourceJson(const ReportSource& s) {
  return {{"id", s.id},           {"article_id", s.article_id}, {"outlet", s.outlet},
          {"title", s.title},     {"url", s.url},               {"published", s.published},
          {"authors", s.authors}, {"locator", s.locator}};
}

json SummaryJson(const SummarySentence& s) {
  return {{"text", s.text},
          {"citations", s.citations},
          {"from_source", s.from_source},
          {"span", SpanJson(s.span)},
          {"support", s.support}};
}

// Reads `key` of `j` into `out` when present; a present field of the wrong
// type is an error rather than a silent default.
template <typename T>
void Read(const json& j, const char* key, T& out) {
  if (auto it = j.find(key); it != j.end() && !it->is_null()) out = it->get<T>();
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
                    {"sources", std::move(sources)},
                    {"summary", std::move(summary)}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

Result<StoryReport> ParseReportJson(const std::string& text) {
  try {
    const json doc = json::parse(text);
    const int version = doc.at("schema_version").get<int>();
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
      r.sources.push_back(std::move(src));
    }
    for (const auto& s : doc.value("summary", json::array())) {
      SummarySentence sent;
      Read(s, "text", sent.text);
      Read(s, "citations", sent.citations);
      Read(s, "from_source", sent.from_source);
      Read(s, "support", sent.support);
      if (auto it = s.find("span"); it != s.end() && it->is_array() && it->size() == 2) {
        sent.span = Span{(*it)[0].get<uint32_t>(), (*it)[1].get<uint32_t>()};
      }
      r.summary.push_back(std::move(sent));
    }
    return r;
  } catch (const json::exception& e) {
    return Status::BadInput("report", std::string("not a story report: ") + e.what());
  }
}

}  // namespace newsfuse
