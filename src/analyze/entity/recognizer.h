// Candidate mentions from capitalised runs, one sentence at a time.
//
// News names entities with capitals, so the recogniser walks each sentence's
// runs of capitalised words (joined across "of"/"and" only inside
// organisation names: "National Security and Defense Council") and types each
// run from the gazetteer and from the words around it:
//   - a leading nationality or country ("Russian", "U.S.") is its own mention
//     and gives the rest its country;
//   - a role or rank inside the run titles the name after it ("President
//     Donald Trump", "Council Secretary Rustem Umerov", "Adm. Igor ...");
//   - a lower-case role before it ("special envoy Steve Witkoff", "Russia's
//     envoy, Kirill Dmitriev") or an appositive after it ("Kirill Dmitriev,
//     head of the Russian Direct Investment Fund,") attaches a role;
//   - an organisation word ("Fund", "Ministry") makes an organisation, a
//     gazetteer place a place, a known first name or person context a person.
// A sentence-initial ordinary word ("Officials", "Talks") is never a name; an
// unknown one alone stays a bare candidate (below); months, weekdays and
// one-letter words ("X" the platform) are never names by themselves. Single
// words that may be a surname or an acronym stay "bare" for the resolver.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "analyze/entity/gazetteer.h"
#include "analyze/entity/tokens.h"
#include "core/records.h"

namespace newsfuse::analyze::entity {

struct Candidate {
  Span span;
  EntityType type = EntityType::kOther;
  MentionKind kind = MentionKind::kName;
  uint32_t sentence = 0;
  uint32_t paragraph = 0;
  int32_t country = -1;    // countries() index: a country, a nationality word, or a person's
  int32_t place = -1;      // places() index for cities and regions
  std::string place_code;  // alpha-2 of a place known by its kind ("Donetsk Oblast")
  char gender = '?';
  int words = 1;          // name words (persons: without titles)
  std::string first_key;  // persons: the first name's key, "" when none
  std::string last_key;   // persons: the surname's key; else the whole name's key
  std::vector<std::string> roles;
  bool bare = false;        // a single word the resolver must still place
  bool person_cue = false;  // bare: context says person ("Witkoff said")
  bool acronym = false;     // bare: all capitals ("RDIF")
};

class Recognizer {
 public:
  Recognizer(std::string_view body, const std::vector<Sentence>& sentences, const Tokens& tokens,
             const Gazetteer& gazetteer);

  // Appends the candidates of the whole body, in body order.
  void Run(std::vector<Candidate>& out);

 private:
  struct Segment {
    size_t begin, end;  // token indices [begin, end)
    const LexEntry* entry;
  };

  void ScanSentence(size_t begin, size_t end, std::vector<Candidate>& out);
  size_t ExtendRun(size_t i, size_t end) const;
  void SegmentRun(size_t begin, size_t end, std::vector<Segment>& segs) const;
  // What a run names (classify_run.cc): the stanzas below, tried in order;
  // each returns true when it settled the run.
  void ClassifyRun(std::vector<Segment> segs, size_t sent_end, std::vector<Candidate>& out);
  bool Shouted(const std::vector<Segment>& segs) const;
  void DropNonNames(std::vector<Segment>& segs) const;
  bool IsConnector(const Segment& s) const;
  bool SplitAtConnector(const std::vector<Segment>& segs, bool has_org_word, size_t sent_end,
                        std::vector<Candidate>& out);
  bool SplitOrganizationThenPerson(const std::vector<Segment>& segs, size_t sent_end,
                                   std::vector<Candidate>& out);
  bool TakeLeadingCountries(std::vector<Segment>& segs, bool has_org_word, int32_t& country,
                            std::vector<Candidate>& out);
  bool EmitTitledPerson(const std::vector<Segment>& segs, int32_t country, size_t sent_end,
                        std::vector<Candidate>& out);
  bool GivenNameAfterTitle(const std::vector<Segment>& segs, size_t k) const;
  bool OpensPersonName(const Segment& first) const;
  bool EmitByLexicon(const std::vector<Segment>& segs, bool has_org_word, int32_t country,
                     size_t sent_end, std::vector<Candidate>& out);
  void EmitByContext(std::vector<Segment> segs, int32_t country, size_t sent_end,
                     std::vector<Candidate>& out);
  void EmitSingleWord(size_t b, int32_t country, bool cue, int32_t ctx_country,
                      std::vector<Candidate>& out);
  void EmitPerson(const std::vector<Segment>& segs, size_t first, int32_t country, std::string role,
                  char gender, size_t sent_end, std::vector<Candidate>& out);
  void EmitSimple(size_t b, size_t e, EntityType type, MentionKind kind, int32_t country,
                  int32_t place, std::vector<Candidate>& out);
  std::string RoleBefore(size_t first, int32_t& country) const;
  std::string AppositiveRole(size_t after, size_t sent_end, int32_t& country) const;
  bool CueAfter(size_t after, size_t sent_end) const;
  bool AgeAfter(size_t after, size_t sent_end) const;
  bool PlausiblePlace(size_t b, size_t e, int32_t place_index) const;
  const LexEntry* Entry(size_t i) const;
  const LexEntry* KeyEntry(size_t i) const;
  static const LexEntry* Unlooked() {
    static const LexEntry kUnlooked;
    return &kUnlooked;
  }
  const LexEntry* LookupExact(const Token& t) const;
  bool Flag(size_t i, uint32_t flag) const;
  bool CapWord(size_t i) const;
  bool Lower(size_t i) const;
  std::string_view Key(size_t i) const { return tokens_.Key(tokens_.list[i]); }
  int32_t CountryOf(size_t i) const;
  std::string_view Text(size_t b, size_t e) const;
  Candidate Make(size_t b, size_t e) const;

  std::string_view body_;
  const std::vector<newsfuse::Sentence>& sentences_;
  const Tokens& tokens_;
  const Gazetteer& gaz_;
  mutable std::vector<const LexEntry*> entries_;      // per token; Unlooked() until asked
  mutable std::vector<const LexEntry*> key_entries_;  // per token, by key only; likewise
  mutable std::string scratch_;
};

}  // namespace newsfuse::analyze::entity
