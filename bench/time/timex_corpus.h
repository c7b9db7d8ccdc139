// Documents with gold TIMEX3 annotations, read from the two formats of the
// public benchmarks: TimeML (TempEval-3) and NewsReader CAT XML (MEANTIME).
#pragma once

#include <string>
#include <vector>

#include "core/records.h"

namespace newsfuse::bench {

struct GoldTimex {
  Span span;  // in Document::text
  std::string type, value;
};

struct TimexDocument {
  std::string name;
  std::string dct;   // document creation time, the anchor: "2013-03-22"
  std::string text;  // plain text the spans index
  std::vector<GoldTimex> gold;
  // Stretches of text that are not scored (MEANTIME's dateline, which is its
  // DCT, and the text after its annotated sentences).
  std::vector<Span> unscored;
};

// TimeML: the <TEXT> element with its tags stripped; the DCT from <DCT>.
bool ParseTimeMl(const std::string& xml, TimexDocument& doc);

// NewsReader CAT: tokens joined by spaces, one line per sentence; the DCT is
// the TIMEX3 with functionInDocument="CREATION_TIME", which is not scored
// (dct stays empty when a document has none).
bool ParseCatXml(const std::string& xml, TimexDocument& doc);

}  // namespace newsfuse::bench
