#include "claims_gold.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using nlohmann::json;

namespace newsfuse::bench {
namespace {

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<GoldEvidence> Evidence(const json& j) {
  std::vector<GoldEvidence> out;
  if (auto it = j.find("evidence"); it != j.end() && it->is_array()) {
    for (const json& e : *it) out.push_back({Str(e, "doc"), Str(e, "text")});
  }
  return out;
}

GoldTopic ParseTopic(const json& j) {
  GoldTopic t;
  t.id = Str(j, "topic");
  // Bound to a name: items() of a temporary would dangle inside the loop.
  const json docs = j.value("docs", json::object());
  for (const auto& [doc, meta] : docs.items()) t.published[doc] = Str(meta, "published");
  for (const json& f : j.value("facts", json::array())) {
    GoldFact fact{Str(f, "kind"), Str(f, "subject"), Str(f, "value"), Evidence(f), {}};
    if (auto docs = f.find("docs"); docs != f.end() && docs->is_array())
      for (const auto& d : *docs)
        if (d.is_string()) fact.docs.push_back(d.get<std::string>());
    t.facts.push_back(std::move(fact));
  }
  for (const json& r : j.value("roles", json::array())) {
    GoldRole role{Str(r, "person"), {}};
    for (const json& x : r.value("roles", json::array()))
      role.roles.push_back(x.get<std::string>());
    t.roles.push_back(std::move(role));
  }
  for (const json& c : j.value("conflicts", json::array())) {
    GoldConflict conflict{Str(c, "kind"), Str(c, "subject"), {}};
    for (const json& s : c.value("sides", json::array())) conflict.sides.push_back(Evidence(s));
    t.conflicts.push_back(std::move(conflict));
  }
  for (const json& q : j.value("quotes", json::array())) {
    t.quotes.push_back({Str(q, "speaker"), Str(q, "text"), Str(q, "doc"), q.value("direct", true)});
  }
  for (const json& e : j.value("timeline", json::array())) {
    t.timeline.push_back({Str(e, "date"), Str(e, "event"), Evidence(e)});
  }
  return t;
}

}  // namespace

std::vector<GoldTopic> LoadClaimsGold(const fs::path& dir) {
  std::vector<GoldTopic> topics;
  if (!fs::is_directory(dir)) return topics;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".json") continue;
    std::ifstream in(e.path());
    try {
      GoldTopic t = ParseTopic(json::parse(in));
      if (t.id.empty()) t.id = e.path().stem().string();
      topics.push_back(std::move(t));
    } catch (const json::exception& ex) {
      std::fprintf(stderr, "%s: not a claims-gold topic: %s\n", e.path().c_str(), ex.what());
    }
  }
  std::sort(topics.begin(), topics.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return topics;
}

}  // namespace newsfuse::bench
