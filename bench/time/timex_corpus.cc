#include "timex_corpus.h"

#include <cstdlib>
#include <map>
#include <string_view>

namespace newsfuse::bench {
namespace {

std::string Attribute(std::string_view tag, std::string_view name) {
  std::string key = " " + std::string(name) + "=\"";
  size_t at = tag.find(key);
  if (at == std::string_view::npos) return "";
  at += key.size();
  size_t end = tag.find('"', at);
  return std::string(tag.substr(at, end - at));
}

std::string Unescape(std::string_view s) {
  static const std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
  std::string out;
  for (size_t i = 0; i < s.size();) {
    bool done = false;
    if (s[i] == '&')
      for (const auto& [entity, c] : kEntities)
        if (s.substr(i, entity.size()) == entity) {
          out += c;
          i += entity.size();
          done = true;
          break;
        }
    if (!done) out += s[i++];
  }
  return out;
}

}  // namespace

// TimeML does not nest TIMEX3, so one open timex at a time is enough.
bool ParseTimeMl(const std::string& xml, TimexDocument& doc) {
  size_t dct = xml.find("<DCT>");
  if (dct == std::string::npos) return false;
  size_t dct_tag_end = xml.find('>', xml.find("<TIMEX3", dct));
  doc.dct = Attribute(std::string_view(xml).substr(dct, dct_tag_end - dct + 1), "value");
  size_t begin = xml.find("<TEXT>"), end = xml.find("</TEXT>");
  if (begin == std::string::npos || end == std::string::npos) return false;
  begin += 6;
  GoldTimex open;
  bool in_timex = false;
  for (size_t i = begin; i < end;) {
    if (xml[i] != '<') {
      doc.text += xml[i++];
      continue;
    }
    size_t close = xml.find('>', i);
    std::string_view tag = std::string_view(xml).substr(i, close - i + 1);
    if (tag.starts_with("<TIMEX3")) {
      open = GoldTimex{Span{static_cast<uint32_t>(doc.text.size()), 0}, Attribute(tag, "type"),
                       Attribute(tag, "value")};
      in_timex = true;
    } else if (tag.starts_with("</TIMEX3") && in_timex) {
      open.span.end = static_cast<uint32_t>(doc.text.size());
      doc.gold.push_back(open);
      in_timex = false;
    }
    i = close + 1;
  }
  return true;
}

bool ParseCatXml(const std::string& xml, TimexDocument& doc) {
  // MEANTIME's timexes are annotated in the title, the dateline and the first
  // four sentences only (sentence numbers 0-5; none lies beyond in its 120
  // files): later text is not scored, or every later date would count as spurious.
  constexpr int kLastTimexSentence = 5;
  uint32_t unscored_from = UINT32_MAX;
  std::map<std::string, Span> token_spans;
  std::string sentence = "";
  for (size_t i = xml.find("<token "); i != std::string::npos; i = xml.find("<token ", i + 1)) {
    size_t tag_end = xml.find('>', i), close = xml.find("</token>", tag_end);
    if (tag_end == std::string::npos || close == std::string::npos) return false;
    std::string_view tag = std::string_view(xml).substr(i, tag_end - i + 1);
    std::string s = Attribute(tag, "sentence");
    if (!doc.text.empty()) doc.text += s == sentence ? " " : "\n";
    sentence = s;
    uint32_t begin = static_cast<uint32_t>(doc.text.size());
    if (std::atoi(s.c_str()) > kLastTimexSentence && unscored_from == UINT32_MAX)
      unscored_from = begin;
    doc.text += Unescape(std::string_view(xml).substr(tag_end + 1, close - tag_end - 1));
    token_spans[Attribute(tag, "t_id")] = Span{begin, static_cast<uint32_t>(doc.text.size())};
  }
  if (unscored_from != UINT32_MAX)
    doc.unscored.push_back(Span{unscored_from, static_cast<uint32_t>(doc.text.size())});
  for (size_t i = xml.find("<TIMEX3 "); i != std::string::npos; i = xml.find("<TIMEX3 ", i + 1)) {
    size_t tag_end = xml.find('>', i);
    if (tag_end == std::string::npos) return false;
    if (xml[tag_end - 1] == '/') continue;  // <TIMEX3 .../>: an implied point with no words
    size_t close = xml.find("</TIMEX3>", tag_end);
    if (close == std::string::npos) return false;
    std::string_view tag = std::string_view(xml).substr(i, tag_end - i + 1);
    GoldTimex g{Span{UINT32_MAX, 0}, Attribute(tag, "type"), Attribute(tag, "value")};
    std::string_view body = std::string_view(xml).substr(tag_end, close - tag_end);
    for (size_t a = body.find("t_id=\""); a != std::string_view::npos;
         a = body.find("t_id=\"", a + 1)) {
      size_t q = body.find('"', a + 6);
      auto it = token_spans.find(std::string(body.substr(a + 6, q - a - 6)));
      if (it == token_spans.end()) continue;
      g.span.begin = std::min(g.span.begin, it->second.begin);
      g.span.end = std::max(g.span.end, it->second.end);
    }
    if (g.span.begin == UINT32_MAX) continue;  // a timex with no words (an implied point)
    if (Attribute(tag, "functionInDocument") == "CREATION_TIME") {
      doc.dct = g.value;
      // A few files write the DCT day first ("03-02-2009").
      if (doc.dct.size() == 10 && doc.dct[2] == '-' && doc.dct[5] == '-')
        doc.dct = doc.dct.substr(6, 4) + "-" + doc.dct.substr(3, 2) + "-" + doc.dct.substr(0, 2);
      doc.unscored.push_back(g.span);
      continue;
    }
    doc.gold.push_back(g);
  }
  return true;
}

}  // namespace newsfuse::bench
