#include "extract/page_text_dates.h"

#include <string>
#include <vector>

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
  for (std::string_view w : {"datum", " date", " vom ", "erschienen", "posted"})
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
      const std::string text = CollapseSpace(n->v.text.text);
      if (text.empty()) continue;
      if (++nodes > 5000) return first_plain;
      if (text.size() > 160) {
        previous.clear();
        continue;
      }
      auto d = FirstDateInText(text, month_first);
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
