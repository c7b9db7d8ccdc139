#include "guideline_gold.h"

#include <fstream>
#include <stdexcept>
#include <string_view>

#include "core/strings.h"

namespace newsfuse::bench {
namespace {

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsAsciiSpace(c)) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::vector<std::string> SplitOn(std::string_view s, std::string_view sep) {
  std::vector<std::string> parts;
  size_t at = 0;
  for (size_t next; (next = s.find(sep, at)) != std::string_view::npos; at = next + sep.size())
    parts.emplace_back(s.substr(at, next - at));
  parts.emplace_back(s.substr(at));
  return parts;
}

// The "..." arguments of one edit.
std::vector<std::string> Quoted(std::string_view edit) {
  std::vector<std::string> args;
  for (size_t open = edit.find('"'); open != std::string_view::npos;) {
    const size_t close = edit.find('"', open + 1);
    if (close == std::string_view::npos)
      throw std::runtime_error("unclosed quote: " + std::string(edit));
    args.emplace_back(edit.substr(open + 1, close - open - 1));
    open = edit.find('"', close + 1);
  }
  return args;
}

// A reference byline listing several persons, split at the joins the gold
// file's `split` edit names (the ones the labelled pages use).
std::vector<std::string> SplitPersons(const std::string& byline) {
  std::vector<std::string> persons{byline};
  for (std::string_view join : {", ", " and ", " & ", " et "}) {
    std::vector<std::string> next;
    for (const std::string& p : persons)
      for (std::string& part : SplitOn(p, join)) next.push_back(Collapse(part));
    persons = std::move(next);
  }
  return persons;
}

struct Edited {
  LabelState state = LabelState::kScored;
  std::string text;
  std::vector<std::string> set, alts;
  bool split = false;
};

Edited Apply(const std::string& column, const std::string& reference) {
  Edited e;
  e.text = Collapse(reference);
  for (const std::string& raw : SplitOn(column, " ; ")) {
    const std::string edit = Collapse(raw);
    const std::vector<std::string> args = Quoted(edit);
    auto fail = [&] { throw std::runtime_error("edit \"" + edit + "\" on \"" + e.text + "\""); };
    if (edit == "keep") continue;
    if (edit == "none")
      e.state = LabelState::kNone;
    else if (edit == "skip")
      e.state = LabelState::kSkip;
    else if (edit == "split")
      e.split = true;
    else if (edit.starts_with("cut-prefix ") && args.size() == 1) {
      if (!e.text.starts_with(args[0])) fail();
      e.text = Collapse(e.text.substr(args[0].size()));
    } else if (edit.starts_with("cut-suffix ") && args.size() == 1) {
      if (!e.text.ends_with(args[0])) fail();
      e.text = Collapse(e.text.substr(0, e.text.size() - args[0].size()));
    } else if (edit.starts_with("set ") && !args.empty()) {
      e.set = args;
    } else if (edit.starts_with("alt ") && args.size() == 1) {
      e.alts.push_back(args[0]);
    } else {
      fail();
    }
  }
  return e;
}

}  // namespace

std::map<std::string, GuidelineEdits> ReadGuidelineEdits(const std::filesystem::path& tsv) {
  std::map<std::string, GuidelineEdits> edits;
  std::ifstream in(tsv);
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> cols = SplitOn(line, "\t");
    if (cols.size() < 3) throw std::runtime_error("gold line without three columns: " + line);
    edits[cols[0]] = {cols[1], cols[2]};
  }
  return edits;
}

GuidelineLabel ApplyGuidelineEdits(const GuidelineEdits& edits, const std::string& reference_title,
                                   const std::string& reference_byline) {
  GuidelineLabel label;
  const Edited title = Apply(edits.title, reference_title);
  label.title_state = title.state;
  label.titles = title.set.empty() ? std::vector<std::string>{title.text} : title.set;
  label.titles.insert(label.titles.end(), title.alts.begin(), title.alts.end());
  if (label.title_state == LabelState::kScored && label.titles.front().empty())
    label.title_state = LabelState::kNone;

  const Edited author = Apply(edits.author, reference_byline);
  label.author_state = author.state;
  if (!author.set.empty())
    label.authors = author.set;
  else if (author.split)
    label.authors = SplitPersons(author.text);
  else if (!author.text.empty())
    label.authors = {author.text};
  if (label.author_state == LabelState::kScored && label.authors.empty())
    label.author_state = LabelState::kNone;
  return label;
}

}  // namespace newsfuse::bench
