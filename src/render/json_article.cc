#include <nlohmann/json.hpp>

#include "render/render.h"

namespace newsfuse {

std::string RenderArticleJson(const Article& a) {
  using nlohmann::json;
  json doc = {{"id", a.id},
              {"locator", a.locator},
              {"url", a.url},
              {"canonical_url", a.canonical_url},
              {"outlet", a.outlet},
              {"title", a.title},
              {"authors", a.authors},
              {"published", a.published ? a.published->ToIso() : ""},
              {"updated", a.updated ? a.updated->ToIso() : ""},
              {"dateline", a.dateline},
              {"language", a.language},
              {"paragraphs", a.paragraphs},
              {"field_sources", a.field_sources}};
  return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace newsfuse
