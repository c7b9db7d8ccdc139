#include "core/records.h"

namespace newsfuse {

const char* PageFormatName(PageFormat format) {
  switch (format) {
    case PageFormat::kAuto:
      return "auto";
    case PageFormat::kText:
      return "text";
    case PageFormat::kHtml:
      return "html";
  }
  return "auto";
}

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "person";
    case EntityType::kOrganization:
      return "organization";
    case EntityType::kPlace:
      return "place";
    case EntityType::kOther:
      return "other";
  }
  return "other";
}

const char* TimexTypeName(Timex::Type type) {
  switch (type) {
    case Timex::Type::kDate:
      return "DATE";
    case Timex::Type::kTime:
      return "TIME";
    case Timex::Type::kDuration:
      return "DURATION";
    case Timex::Type::kSet:
      return "SET";
  }
  return "DATE";
}

const char* FactKindName(Fact::Kind kind) {
  switch (kind) {
    case Fact::Kind::kQuantity:
      return "quantity";
    case Fact::Kind::kEvent:
      return "event";
    case Fact::Kind::kRole:
      return "role";
  }
  return "quantity";
}

std::string Article::Body() const {
  std::string body;
  size_t total = 0;
  for (const auto& p : paragraphs) total += p.size() + 2;
  body.reserve(total);
  for (size_t i = 0; i < paragraphs.size(); ++i) {
    if (i) body += "\n\n";
    body += paragraphs[i];
  }
  return body;
}

}  // namespace newsfuse
