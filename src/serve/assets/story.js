// The served story page's one script (the offline report runs none):
//  - a citation opens its outlet's sentence on a tap as well as on hover and
//    focus (CSS does those), and Escape closes whatever is open;
//  - when /api/events says this story changed, the status region says so,
//    with a reload link. The page is not redrawn under the reader.
"use strict";

(() => {
  const storyId = decodeURIComponent(location.pathname.replace(/^\/stories\//, ""));
  const cites = () => document.querySelectorAll("a.cite[aria-describedby]");
  const tipOf = (cite) => document.getElementById(cite.getAttribute("aria-describedby"));

  function closeAll(except) {
    for (const cite of cites()) {
      const tip = tipOf(cite);
      if (!tip || tip === except) continue;
      tip.classList.remove("open");
      cite.setAttribute("aria-expanded", "false");
    }
  }

  // A first tap opens the sentence instead of jumping to the source card; a
  // tap on an open citation follows its link as before.
  function onCiteClick(event) {
    const cite = event.currentTarget;
    const tip = tipOf(cite);
    if (!tip || tip.classList.contains("open")) return;
    event.preventDefault();
    closeAll(tip);
    tip.classList.remove("shut");
    tip.classList.add("open");
    cite.setAttribute("aria-expanded", "true");
  }

  // Escape hides a sentence shown by hover or focus too (WCAG 1.4.13: shown
  // content can be dismissed without moving the pointer or the focus).
  function onKey(event) {
    if (event.key !== "Escape") return;
    closeAll(null);
    for (const cite of cites()) tipOf(cite)?.classList.add("shut");
  }

  // Hover or focus elsewhere shows sentences again after an Escape.
  function reopen(event) {
    tipOf(event.currentTarget)?.classList.remove("shut");
  }

  function say(text, linkText, href) {
    const status = document.getElementById("story-status");
    if (!status) return;
    const link = document.createElement("a");
    link.href = href;
    link.textContent = linkText;
    status.replaceChildren(document.createTextNode(text + " — "), link);
  }

  function follow() {
    if (!window.EventSource || !storyId) return;
    const events = new EventSource("/api/events");
    const about = (event) => {
      try {
        return JSON.parse(event.data).id === storyId;
      } catch {
        return false;
      }
    };
    events.addEventListener("story-updated", (event) => {
      if (about(event)) say("This story was updated", "reload", location.pathname);
    });
    events.addEventListener("story-removed", (event) => {
      if (!about(event)) return;
      say("This story was merged into another", "see all stories", "/");
      events.close();
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    for (const cite of cites()) {
      cite.setAttribute("aria-expanded", "false");
      cite.addEventListener("click", onCiteClick);
      cite.addEventListener("mouseenter", reopen);
      cite.addEventListener("focus", reopen);
    }
    document.addEventListener("keydown", onKey);
    // A tap anywhere else closes an open sentence.
    document.addEventListener("click", (event) => {
      if (!event.target.closest?.("a.cite, .tip")) closeAll(null);
    });
    follow();
  });
})();
