// Matching a story report's claim sections to the claims gold. The rules
// (and why they are lenient where they are) are in bench/claims/README.md.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "claims_gold.h"
#include "core/records.h"

namespace newsfuse::bench {

// Counts for precision (system rows right / system rows) and recall (gold
// items found / gold items); they differ where one gold item may be matched
// by several rows (a quote split in two) or a row by several gold items.
struct SectionScore {
  int sys = 0, sys_ok = 0, gold = 0, gold_ok = 0;
  void Add(const SectionScore& o) {
    sys += o.sys, sys_ok += o.sys_ok, gold += o.gold, gold_ok += o.gold_ok;
  }
  double Precision() const { return sys ? double(sys_ok) / sys : 0; }
  double Recall() const { return gold ? double(gold_ok) / gold : 0; }
  double F1() const {
    const double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// Lowercased ASCII words and numbers ("4,299" -> "4299"), minus function
// words: what two wordings of one claim share.
std::vector<std::string> ContentWords(std::string_view text);
// Share of `part`'s content words that occur in `whole` (0 when `part` has none).
double Covered(std::string_view part, std::string_view whole);
// Numbers a text states, digits or small number words ("five" -> 5).
std::vector<double> Numbers(std::string_view text);
// Same person or body by last name ("Castro" = "Fidel Castro").
bool SameSpeaker(std::string_view gold, std::string_view system);
// Same time: equal, or the gold day inside the system interval, or the
// system date within a gold month.
bool SameDate(std::string_view gold, std::string_view system);

// One report's sections scored against one topic. `doc_of` maps a report
// source id ("S3") to its gold document name ("D04.txt"). `detail`, when not
// null, receives one line per system row and missed gold item.
struct TopicScores {
  // facts_strict: a matched fact row counts only when every outlet it cites
  // states that gold fact (its document is among the fact's `docs`): the
  // lenient match needs one wording to overlap, so a loosely grouped row
  // citing outlets for what they did not say still scores.
  SectionScore facts, facts_strict, roles, conflicts, quotes_direct, quotes_reported, quotes_any,
      timeline;
  int direct_matched = 0, direct_speaker_ok = 0;  // speaker accuracy over matched direct quotes
  int conflicts_hard = 0, conflicts_self = 0, conflicts_kind_ok = 0;
};
TopicScores ScoreReport(const StoryReport& report, const std::map<std::string, std::string>& doc_of,
                        const GoldTopic& gold, std::vector<std::string>* detail);

}  // namespace newsfuse::bench
