#include "pipeline/cluster_signals.h"

#include <nlohmann/json.hpp>
#include <utility>

#include "pipeline/build_ids.h"

namespace newsfuse {
namespace {

bool ClustererReads(const Timex& t) {
  return t.type == Timex::Type::kDate || t.type == Timex::Type::kTime;
}

}  // namespace

std::string ClusterSignalsAnalyser() {
  return "cluster-signals/" + std::string(ClusterSignalsBuildId());
}

std::string ClusterStateBuilder() { return "cluster-state/" + std::string(ClusterStateBuildId()); }

std::string EncodeClusterSignals(const AnnotatedArticle& analysed) {
  // Short keys and arrays: one row per stored article.
  nlohmann::json entities = nlohmann::json::array();
  for (const Entity& e : analysed.entities) {
    if (e.key.empty()) continue;  // the clusterer skips entities without a key
    entities.push_back({static_cast<int>(e.type), e.key});
  }
  nlohmann::json timexes = nlohmann::json::array();
  for (const Timex& t : analysed.timexes) {
    if (ClustererReads(t)) timexes.push_back({static_cast<int>(t.type), t.value});
  }
  return nlohmann::json{{"e", std::move(entities)}, {"t", std::move(timexes)}}.dump();
}

Result<AnnotatedArticle> DecodeClusterSignals(Article& article, std::string_view signals) {
  AnnotatedArticle out;
  try {
    const auto json = nlohmann::json::parse(signals);
    for (const auto& e : json.at("e")) {
      const int type = e.at(0).get<int>();
      if (type < 0 || type > static_cast<int>(EntityType::kOther)) {
        return Status::BadInput(article.id, "unknown entity type in cluster signals");
      }
      Entity entity;
      entity.type = static_cast<EntityType>(type);
      entity.key = e.at(1).get<std::string>();
      out.entities.push_back(std::move(entity));
    }
    for (const auto& t : json.at("t")) {
      const int type = t.at(0).get<int>();
      if (type < 0 || type > static_cast<int>(Timex::Type::kSet)) {
        return Status::BadInput(article.id, "unknown timex type in cluster signals");
      }
      Timex timex;
      timex.type = static_cast<Timex::Type>(type);
      timex.value = t.at(1).get<std::string>();
      out.timexes.push_back(std::move(timex));
    }
  } catch (const nlohmann::json::exception& e) {
    return Status::BadInput(article.id, std::string("unreadable cluster signals: ") + e.what());
  }
  out.article = std::move(article);
  out.body = out.article.Body();
  return out;
}

}  // namespace newsfuse
