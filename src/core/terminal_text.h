// Text from pages made safe to show on a terminal.
//
// Page content is written by strangers: a title holding "\x1b]0;...\x07" can
// retitle the user's terminal window, "\x1b[2J" clears it, and some terminals
// answer queries by typing into the shell. Every line a command prints from
// page content goes through TerminalSafe; the Markdown and HTML renderers use
// it too, so a report shown with `cat` is just as safe.
#pragma once

#include <string>
#include <string_view>

namespace newsfuse {

// Returns `text` with every escape sequence and control character removed:
// ESC sequences whole (CSI "ESC [ ... final", OSC/DCS/SOS/PM/APC up to their
// BEL or ESC \ terminator, two- and three-byte ESC forms), C0 controls other
// than newline and tab, DEL, and C1 controls (U+0080-U+009F). Bytes that are
// not valid UTF-8 become U+FFFD (a terminal in a Latin-1 locale would read
// byte 0x9B as CSI). Valid UTF-8 text, newlines and tabs pass unchanged.
// Linear in the size of `text`.
std::string TerminalSafe(std::string_view text);

// As TerminalSafe, also turning newlines and tabs into spaces: for a field
// printed inside a one-line row (a headline in `stories`), where a newline
// could forge a row of its own.
std::string TerminalSafeLine(std::string_view text);

}  // namespace newsfuse
