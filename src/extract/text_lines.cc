#include "extract/text_lines.h"

#include <cstring>
#include <regex>

namespace newsfuse::extract_internal {

std::string_view TrimView(std::string_view s) {
  const char* ws = " \t\r\n\f\v";
  const size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return s.substr(b, s.find_last_not_of(ws) - b + 1);
}

bool IsTimestampLine(std::string_view line) {
  static const std::regex kStamp(
      R"(^[-–•*\s]*((\d{1,2}:\d{2}(:\d{2})?)|(\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?)|Input|Updated|Posted|Published|Last Updated)[\s:]*$)",
      std::regex::icase);
  const std::string s(TrimView(line));
  return !s.empty() && s.size() < 60 && std::regex_match(s, kStamp);
}

bool IsHashtagLine(std::string_view line) {
  const std::string_view s = TrimView(line);
  if (s.empty() || s[0] != '#') return false;
  size_t words = 0, tags = 0;
  bool in_word = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const bool space = s[i] == ' ' || s[i] == '\t';
    if (!space && !in_word) {
      ++words;
      tags += s[i] == '#';
    }
    in_word = !space;
  }
  return tags * 2 > words;
}

bool IsPromptLine(std::string_view line) {
  static const std::regex kPrompt(
      R"((sign up|subscribe|newsletter|recommended articles|read more|related articles|related stories|skip to content|follow us|all rights reserved|copyright ©))",
      std::regex::icase);
  const std::string s(TrimView(line));
  return s.size() < 160 && std::regex_search(s, kPrompt);
}

bool IsCapsHeading(std::string_view line) {
  const std::string_view s = TrimView(line);
  if (s.size() < 4 || s.size() > 80) return false;
  int upper = 0, lower = 0;
  for (unsigned char c : s) {
    upper += c >= 'A' && c <= 'Z';
    lower += c >= 'a' && c <= 'z';
  }
  return upper >= 4 && lower == 0 && s.find(' ') != std::string_view::npos;
}

bool EndsSentence(std::string_view line) {
  std::string_view s = TrimView(line);
  // Closing quotes and brackets after the stop: «… said.”»
  while (!s.empty()) {
    const unsigned char c = s.back();
    if (c == '"' || c == '\'' || c == ')' || c == ']') { s.remove_suffix(1); continue; }
    if (s.size() >= 3 && (s.ends_with("\xE2\x80\x9D") || s.ends_with("\xE2\x80\x99"))) { s.remove_suffix(3); continue; }
    break;
  }
  return !s.empty() && (s.back() == '.' || s.back() == '!' || s.back() == '?');
}

std::optional<DateTime> FindIsoDateTime(std::string_view line) {
  static const std::regex kIso(R"((\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?)");
  const std::string s(line);
  std::smatch m;
  if (!std::regex_search(s, m, kIso)) return std::nullopt;
  std::string iso = m[1].str();
  if (m[2].matched) iso += " " + m[2].str();
  return DateTime::ParseIso(iso);
}

std::optional<std::string> EmailBylineName(std::string_view line) {
  static const std::regex kByline(
      R"(^\s*[\w.+-]+@[\w-]+(\.[\w-]+)+\s+([A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){0,3})(?:\s+(?:Reporter|Correspondent|Staff Writer|Editor))?\s*$)");
  const std::string s(line);
  std::smatch m;
  if (s.size() > 120 || !std::regex_match(s, m, kByline)) return std::nullopt;
  // The name pattern is greedy and may swallow the job title; give it back.
  std::string name = m[2].str();
  for (const char* title : {" Reporter", " Correspondent", " Editor"}) {
    if (name.size() > std::strlen(title) && name.ends_with(title)) name.resize(name.size() - std::strlen(title));
  }
  return name;
}

}  // namespace newsfuse::extract_internal
