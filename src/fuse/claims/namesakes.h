// People who share a surname in one story. Internal to src/fuse/claims.
//
// Entity::key is spelling-insensitive and, for a person, the surname: that
// joins "Zelensky" to "Volodymyr Zelenskyy" across outlets, and also joins
// Lucia Pinochet to Augusto Pinochet. When the story names two people of one
// surname in full with no given name in common, the given name becomes part
// of the key, and a bare surname stays apart under the name as written
// rather than being handed to either (its words and roles could be anyone's).
#pragma once

#include <map>
#include <set>
#include <string>

#include "core/records.h"

namespace newsfuse::fuse {

// An entity's key, or its name when the annotator gave none.
std::string EntityKey(const Entity& e);

class Namesakes {
 public:
  // Call for every entity of every article before asking for keys.
  void Add(const Entity& e);
  // The word telling this person from namesakes in the story ("lucia"), the
  // name as written for a bare surname among namesakes, or "" when the key
  // names one person.
  std::string Tag(const Entity& e) const;
  // The key under which this entity's claims are grouped: EntityKey, with
  // the tag when the key names several people.
  std::string PersonKey(const Entity& e) const;

 private:
  std::map<std::string, std::set<std::set<std::string>>> names_;  // key -> given-name sets
};

}  // namespace newsfuse::fuse
