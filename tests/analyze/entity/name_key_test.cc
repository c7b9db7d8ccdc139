#include "analyze/entity/name_key.h"

#include <gtest/gtest.h>

#include "analyze/entity/gazetteer.h"

namespace newsfuse::analyze::entity {
namespace {

std::string Key(std::string_view s) { return NameKey(s, Gazetteer::Get().translit()); }

TEST(NameKey, TransliterationVariantsShareAKey) {
  EXPECT_EQ(Key("Zelensky"), "zelensky");
  EXPECT_EQ(Key("Zelenskiy"), "zelensky");
  EXPECT_EQ(Key("Zelenskyy"), "zelensky");
  EXPECT_EQ(Key("Kostioukov"), Key("Kostyukov"));
  EXPECT_EQ(Key("Zaporizhzhia"), Key("Zaporizhzhya"));
}

TEST(NameKey, DiacriticsAndCaseFold) {
  EXPECT_EQ(Key("Zaporižžja"), Key("zaporizzja"));
  EXPECT_EQ(Key("São Paulo"), "sao paulo");
  EXPECT_EQ(Key("O’Brien"), Key("O'Brien"));
}

TEST(NameKey, DifferentNamesStayApart) {
  EXPECT_NE(Key("Dmitriev"), Key("Dmitrenko"));
  EXPECT_NE(Key("Umerov"), Key("Umarov"));
  EXPECT_NE(Key("Witkoff"), Key("Wittkopf"));
}

}  // namespace
}  // namespace newsfuse::analyze::entity
