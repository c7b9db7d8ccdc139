// The claims gold (../shared/bench/claims-gold/<topic>.json, see its
// GUIDELINES.md) as plain records. Read in place, never copied.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace newsfuse::bench {

struct GoldEvidence {
  std::string doc;   // "D04.txt"
  std::string text;  // verbatim from the document (whitespace collapsed)
};

struct GoldFact {
  std::string kind, subject, value;
  std::vector<GoldEvidence> evidence;
  std::vector<std::string> docs;  // every document the editors found stating it
};

struct GoldRole {
  std::string person;
  std::vector<std::string> roles;
};

struct GoldConflict {
  std::string kind;  // hard | approximate | update
  std::string subject;
  std::vector<std::vector<GoldEvidence>> sides;
};

struct GoldQuote {
  std::string speaker, text, doc;
  bool direct = true;
};

struct GoldEvent {
  std::string date;  // "1998-10-16" or "1998-10"
  std::string event;
  std::vector<GoldEvidence> evidence;
};

struct GoldTopic {
  std::string id;                                // "d30003t"
  std::map<std::string, std::string> published;  // "D01.txt" -> "1998-10-18"
  std::vector<GoldFact> facts;
  std::vector<GoldRole> roles;
  std::vector<GoldConflict> conflicts;
  std::vector<GoldQuote> quotes;
  std::vector<GoldEvent> timeline;
};

// Every <topic>.json under `dir`, in id order; empty when the folder is
// absent. A file that does not parse is named on stderr and skipped.
std::vector<GoldTopic> LoadClaimsGold(const std::filesystem::path& dir);

}  // namespace newsfuse::bench
