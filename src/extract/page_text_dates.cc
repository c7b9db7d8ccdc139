#include "extract/page_text_dates.h"

#include <string>
#include <vector>

#include "extract/date_words.h"
#include "extract/html_dom.h"
#include "extract/rules.h"
#include "extract/text_util.h"
#include "extract/visible_dates.h"

namespace newsfuse::extract_internal {
namespace {

// An unlabelled date next to these words is an event's (an appointment, a
// deadline, an opening), not the page's: "Termin: 10.06.2018".
bool EventWordIn(std::string_view lower) {
  for (std::string_view w : {"termin", "veranstaltung", "event", "deadline", "frist", "anmeldung",
                             "registration", " until ", " bis ", "from ", " ab "})
    if (lower.find(w) != std::string_view::npos) return true;
  return false;
}

bool PublicationLabelBefore(std::string_view lower_before) {
  for (const std::string& w : GetRules().Phrases("datepublished"))
    if (lower_before.find(w) != std::string_view::npos) return true;
  for (std::string_view w :
       {"datum", " date", " vom ", "erschienen", "posted", "erstellt am", "created on", "créé le"})
    if (lower_before.find(w) != std::string_view::npos) return true;
  return false;
}

}  // namespace

// The `updated` words of furniture.txt are English; these add the languages of
// the pages newsfuse reads most (short on purpose: a missed one only lets an
// update date through where no publication date is printed at all).
bool UpdateWordBefore(std::string_view lower_before) {
  for (const std::string& w : GetRules().updated)
    if (lower_before.find(w) != std::string_view::npos) return true;
  for (std::string_view w : {"aktualisiert", "geändert", "stand:", "stand ", "mis à jour",
                             "actualizado", "aggiornato", "bijgewerkt", "\xC2\xA9", "copyright"})
    if (lower_before.find(w) != std::string_view::npos) return true;
  return false;
}

// A full date in the first three words of `text`, which open with it (a
// number or a month name first): "01.02.2022 Der ...", "March 3, 2021 - ...";
// or after one capitalised place name and a comma, as a press release's
// dateline writes it: "Karlsruhe, (12.11.2021). Der ...", "Genf, 3. März 2021 -".
static std::optional<DateTime> OpeningDate(const std::string& text, bool month_first) {
  std::vector<std::string_view> words = SplitWords(text);
  if (words.empty()) return std::nullopt;
  const std::string_view place = words.front();
  if (words.size() > 1 && place.size() > 2 && place.back() == ',' &&
      (IsAsciiUpper(place[0]) || static_cast<unsigned char>(place[0]) >= 0x80))
    words.erase(words.begin());
  const std::string_view w0 = StripDecor(words.front());
  if (w0.empty() || (!IsAsciiDigit(w0[0]) && MonthFromName(AsciiLower(w0)) == 0))
    return std::nullopt;
  std::string prefix;
  for (size_t i = 0; i < words.size() && i < 3; ++i) prefix += std::string(words[i]) + " ";
  auto d = FirstDateInText(prefix, month_first);
  if (!d || d->precision < DatePrecision::kDay || d->year == 0) return std::nullopt;
  return d;
}

std::optional<DateTime> DateInPageText(const GumboNode* root, bool month_first) {
  std::optional<DateTime> first_plain;
  // The label may sit in the node before the date ("<dt>Datum</dt><dd>...").
  std::string previous;
  int nodes = 0;
  for (const GumboNode* el : Elements(root)) {
    const GumboTag tag = Tag(el);
    if (tag == GUMBO_TAG_A || tag == GUMBO_TAG_OPTION || tag == GUMBO_TAG_BUTTON ||
        tag == GUMBO_TAG_TITLE || IsNonTextTag(tag))
      continue;
    const GumboVector& kids = el->v.element.children;
    for (unsigned k = 0; k < kids.length; ++k) {
      const auto* n = static_cast<const GumboNode*>(kids.data[k]);
      if (n->type != GUMBO_NODE_TEXT) continue;
      std::string text = CollapseSpace(n->v.text.text);
      if (text.empty()) continue;
      if (++nodes > 5000) return first_plain;
      std::optional<DateTime> d;
      if (text.size() > 160) {
        // Running text is not read, except a date opening it: a press
        // release's first paragraph "01.02.2022 Der Arbeitsmarkt ist ..."
        // states its day as a dateline does.
        d = OpeningDate(text, month_first);
        if (!d) {
          previous.clear();
          continue;
        }
        text.resize(24);  // labels and update words are read around the date only
      } else {
        d = FirstDateInText(text, month_first);
      }
      if (!d) {
        previous = text;
        continue;
      }
      // The label may be in this node or the one before it; an update word
      // in this node rules the date out unless a publication label is there
      // too ("Veröffentlicht 02.03.2020, aktualisiert ..." reads the first).
      const std::string here = " " + AsciiLower(text), before = " " + AsciiLower(previous);
      const bool label_here = PublicationLabelBefore(here);
      const bool update =
          (UpdateWordBefore(here) && !label_here) || (!label_here && UpdateWordBefore(before));
      if (!update && (label_here || PublicationLabelBefore(before))) return d;
      if (!first_plain && !update && !EventWordIn(here)) first_plain = d;
      previous = text;
    }
  }
  return first_plain;
}

}  // namespace newsfuse::extract_internal
