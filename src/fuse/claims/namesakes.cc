#include "fuse/claims/namesakes.h"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "core/strings.h"

namespace newsfuse::fuse {
namespace {

// The words before a person's surname as the article writes the name
// ("Lucia Pinochet" -> {"lucia"}); empty for a bare surname or a non-person.
// Abbreviated titles ("Gen.") are left out.
std::set<std::string> GivenNames(const Entity& e) {
  std::set<std::string> out;
  if (e.type != EntityType::kPerson) return out;
  for (size_t b = 0; b < e.name.size();) {
    const size_t sp = e.name.find(' ', b);
    if (sp == std::string::npos) break;  // the last word is the surname
    const std::string_view w = std::string_view(e.name).substr(b, sp - b);
    if (w.size() > 1 && w.back() != '.') out.insert(AsciiLower(w));
    b = sp + 1;
  }
  return out;
}

bool Disjoint(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::none_of(a.begin(), a.end(), [&](const std::string& w) { return b.count(w) > 0; });
}

// Two people share the key when two full names have no given name in common
// ("Lucia" / "Augusto"), while "Premier-designate Bulent Ecevit" and "Bulent
// Ecevit" are one.
bool Split(const std::set<std::set<std::string>>& names) {
  for (auto a = names.begin(); a != names.end(); ++a)
    for (auto b = std::next(a); b != names.end(); ++b)
      if (Disjoint(*a, *b)) return true;
  return false;
}

}  // namespace

std::string EntityKey(const Entity& e) { return e.key.empty() ? e.name : e.key; }

void Namesakes::Add(const Entity& e) {
  std::set<std::string> given = GivenNames(e);
  if (!given.empty()) names_[EntityKey(e)].insert(std::move(given));
}

std::string Namesakes::Tag(const Entity& e) const {
  const auto it = names_.find(EntityKey(e));
  if (it == names_.end() || !Split(it->second)) return {};
  const std::set<std::string> given = GivenNames(e);
  if (given.empty()) return e.name;
  std::string best;
  int best_n = -1;
  for (const std::string& w : given) {
    const int n = static_cast<int>(std::count_if(it->second.begin(), it->second.end(),
                                                 [&](const auto& g) { return g.count(w) > 0; }));
    if (n > best_n) best = w, best_n = n;
  }
  return best;
}

std::string Namesakes::PersonKey(const Entity& e) const {
  std::string key = EntityKey(e);
  if (const std::string tag = Tag(e); !tag.empty()) key += "|" + tag;
  return key;
}

}  // namespace newsfuse::fuse
