// The web page of `newsfuse serve` in headless Chromium: the list, search, a
// story page, and a live update after a POST, at 1280 and 390 px, with no
// console errors. Skips (exit 77) saying why when Chromium or puppeteer-core
// (scripts/browser_setup.sh) is missing.
//
//   node serve_page.test.mjs NEWSFUSE_BINARY OUT_DIR
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

const SKIP = 77;
const [binary, outDir] = process.argv.slice(2);
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.log(`SKIP: no Chromium at ${chromium} (apt-get install chromium, or set CHROMIUM)`);
  process.exit(SKIP);
}
let puppeteer;
try {
  puppeteer = (await import("puppeteer-core")).default;
} catch {
  console.log("SKIP: puppeteer-core is not installed (run scripts/browser_setup.sh)");
  process.exit(SKIP);
}

// axe-core (pinned in package.json) checks each page against WCAG 2 A and AA.
let axeSource;
try {
  axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
} catch {
  console.log("SKIP: axe-core is not installed (run scripts/browser_setup.sh)");
  process.exit(SKIP);
}

const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
  console.log(`${ok ? "ok  " : "FAIL"} ${what}`);
};

// News written for this test: three unrelated events, three reports each.
// The third Brellick report is posted while its story page is open, and the
// first Quorvath report while the list is open.
const EVENTS = {
  a: {
    titles: ["Brellick ferry pier closed after storm", "Storm shuts Brellick ferry pier",
      "Brellick pier stays shut, says Anka Dovrin"],
    text: (i) => `The ferry pier in Brellick was closed on Monday after a storm tore away ` +
      `its timber decking, harbour master Anka Dovrin said. Ferries to the Osk islands will ` +
      `sail from the north quay until divers inspect the pilings.\n\nFishermen in Brellick ` +
      `said the gale had been the worst in a decade. Report ${i} from the harbour.`,
    day: 1,
  },
  b: {
    titles: ["Saltmere council cuts school budget", "Saltmere votes to trim school spending",
      "Orrin Gask defends Saltmere school cuts"],
    // Three tellings, one of them with another number: a disputed story.
    text: (i) => [
      `Councillors in Saltmere voted nine to four on Thursday to cut the school budget, ` +
        `treasurer Orrin Gask said. The cut removes 40 teaching posts from the town's ` +
        `schools.\n\nParents gathered outside the Saltmere town hall with placards about class sizes.`,
      `Saltmere's council has approved cuts to school spending after a heated Thursday ` +
        `meeting. Treasurer Orrin Gask told reporters that 25 teaching posts would go by ` +
        `September.\n\nTeachers' unions called the decision a betrayal and promised a ballot on strikes.`,
      `Orrin Gask, the Saltmere treasurer, defended the council's school cuts on Friday. He ` +
        `said 40 teaching posts had to go because the town's reserves were empty.\n\nThe vote ` +
        `on Thursday was nine to four, with unions threatening strikes.`,
    ][i],
    day: 4,
  },
  c: {
    titles: ["Fire guts Quorvath tram depot", "Quorvath trams halted after depot blaze",
      "Ilse Marrow: Quorvath depot fire was electrical"],
    text: (i) => `A fire gutted the Quorvath tram depot overnight, destroying eleven ` +
      `carriages, fire chief Ilse Marrow said. Tram services across Quorvath are suspended and ` +
      `replacement buses run every ten minutes.\n\nInvestigators believe a faulty charger ` +
      `started the blaze. Report ${i} from the depot.`,
    day: 6,
  },
};
const reports = (key) => [0, 1, 2].map((i) => ({
  url: `https://outlet${i}.example/${key}`,
  outlet: ["Harbour Daily", "Valley Post", "Coast Herald"][i],
  title: EVENTS[key].titles[i],
  published: `2026-04-0${EVENTS[key].day + i % 2}`,
  text: EVENTS[key].text(i),
}));
const work = mkdtempSync(join(tmpdir(), "newsfuse_browser_"));
const db = join(work, "store.db");
const feed = join(work, "news.jsonl");
writeFileSync(feed, [...reports("a").slice(0, 2), ...reports("b")]
  .map((a) => JSON.stringify(a)).join("\n") + "\n");
const ingest = spawnSync(binary, ["ingest", "--db", db, feed], { encoding: "utf8" });
if (ingest.status !== 0) {
  console.log("FAIL ingest: " + ingest.stderr);
  process.exit(1);
}

const server = spawn(binary, ["serve", "--db", db, "--listen", "127.0.0.1:0"],
  { stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("no port line in 10 s")), 10000);
  createInterface({ input: server.stdout }).once("line", (line) => {
    clearTimeout(timer);
    resolve(line.slice(line.indexOf("http://")).replace(/\/$/, ""));
  });
});

const profile = join(work, "profile");
const browser = await puppeteer.launch({
  executablePath: chromium,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    `--user-data-dir=${profile}`],
});
mkdirSync(outDir, { recursive: true });
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text() + (m.location()?.url ? " (" + m.location().url + ")" : ""));
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  // The pages forbid inline and foreign scripts (CSP); axe is put in by the
  // test, so the test alone is let past it.
  await page.setBypassCSP(true);
  const accessible = async (what) => {
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } }));
    const found = result.violations.map((v) =>
      `${v.id} (${v.impact}, ${v.nodes.length}x: ${v.nodes[0].target.join(" ")})`);
    check(found.length === 0, `${what}: axe finds no WCAG 2 A/AA violations` +
      (found.length ? ": " + found.join("; ") : ` (${result.passes.length} rules pass)`));
  };
  page.on("requestfailed", (r) => {
    // The event stream is cut when the page is left; that is no error.
    if (!r.url().endsWith("/api/events")) errors.push("request failed: " + r.url());
  });

  for (const width of [1280, 390]) {
    await page.setViewport({ width, height: 900 });
    await page.goto(base + "/", { waitUntil: "networkidle2" });
    await page.waitForSelector("#stories li a");
    const headlines = await page.$$eval("#stories li a", (as) => as.map((a) => a.textContent));
    check(headlines.some((h) => h.includes("Brellick")) &&
      headlines.some((h) => h.includes("Saltmere")),
    `${width}px: both stories listed (${headlines.join(" | ")})`);
    // Each story's coverage as a sparkline (both span two days), and the
    // badge on the one whose sources disagree only.
    const items = await page.$$eval("#stories li", (lis) => lis.map((li) => ({
      headline: li.querySelector("a").textContent,
      badge: li.querySelector(".badge")?.textContent || "",
      bars: li.querySelectorAll("svg.spark[role=img] rect").length,
      label: li.querySelector("svg.spark")?.getAttribute("aria-label") || "",
      meta: li.querySelector(".meta").textContent,
    })));
    const saltmere = items.find((i) => i.headline.includes("Saltmere"));
    const brellick = items.find((i) => i.headline.includes("Brellick"));
    check(saltmere?.badge === "disputed" && brellick?.badge === "",
      `${width}px: only the Saltmere story is marked disputed (${items.map((i) => i.badge || "-").join(", ")})`);
    check(items.every((i) => i.bars === 2 && /^Coverage: \d+ articles over 2 days from 2026-04-0\d/.test(i.label)),
      `${width}px: each story has a coverage sparkline with a label (${items.map((i) => i.label).join(" | ")})`);
    check(/3 outlets · 2026-04-04 – 2026-04-05/.test(saltmere?.meta || ""),
      `${width}px: outlet count and date range (${saltmere?.meta})`);
    const overflow = await page.evaluate(() =>
      document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `${width}px: list has no sideways scrolling (overflow ${overflow}px)`);
    await accessible(`${width}px list`);
    await page.screenshot({ path: join(outDir, `list-${width}.png`), fullPage: true });
  }

  // Search by keyboard: type, Enter.
  await page.focus("#q");
  await page.keyboard.type("Saltmere budget");
  await page.keyboard.press("Enter");
  await page.waitForSelector("#hits li");
  const marks = await page.$$eval("#hits mark", (ms) => ms.map((m) => m.textContent));
  check(marks.some((m) => /Saltmere/i.test(m)), "search marks the matched words");
  const titleMarks = await page.$$eval("#hits li > a mark", (ms) => ms.map((m) => m.textContent));
  check(titleMarks.some((m) => /Saltmere/i.test(m)), "search marks the matched words in titles");
  const hitTitles = await page.$$eval("#hits li > a", (as) => as.map((a) => a.textContent));
  check(hitTitles.length > 0 && hitTitles.every((t) => /Saltmere/.test(t)),
    "every hit is a Saltmere report");

  // Open the story from the list; it links back to the list.
  const link = await page.$$eval("#stories li a", (as) =>
    as.find((a) => a.textContent.includes("Brellick")).getAttribute("href"));
  // A phone: touch as well as a mouse, so a tap is a tap.
  await page.setViewport({ width: 390, height: 900, hasTouch: true, isMobile: true });
  await page.goto(base + link, { waitUntil: "load" });
  const body = await page.$eval("body", (b) => b.innerText);
  check(body.includes("Brellick") && body.includes("Anka Dovrin"), "story page shows the story");
  check(await page.$('a[href="/"]') !== null, "story page links back to the list");
  await page.screenshot({ path: join(outDir, "story-390.png"), fullPage: true });
  const storyOverflow = await page.evaluate(() =>
    document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(storyOverflow <= 0, `390px: story page has no sideways scrolling (overflow ${storyOverflow}px)`);
  await accessible("390px story page");

  // Citations: the outlet's sentence on hover and on keyboard focus (CSS), on
  // a tap (story.js); Escape hides it whichever way it opened.
  const shown = (id) => page.evaluate((tip) =>
    getComputedStyle(document.getElementById(tip)).display !== "none", id);
  const cites = await page.$$eval("a.cite[aria-describedby]", (as) =>
    as.map((a) => a.getAttribute("aria-describedby")));
  check(cites.length >= 2, `story page has citations with the outlet's words (${cites.length})`);
  if (cites.length >= 2) {
    const [first, second] = cites;
    const cite = (id) => `a.cite[aria-describedby="${id}"]`;
    check(!(await shown(first)), "a citation's sentence is hidden until asked for");
    await page.focus(cite(first));
    check(await shown(first), "keyboard focus on a citation shows its sentence");
    await page.keyboard.press("Escape");
    check(!(await shown(first)), "Escape hides the sentence focus showed");
    await page.hover(cite(second));
    check(await shown(second), "hovering a citation shows its sentence");
    await page.mouse.move(1, 1);
    await page.evaluate(() => document.activeElement?.blur());
    const before = await page.evaluate(() => location.hash);
    await page.tap(cite(first));
    check(await shown(first) && await page.evaluate(() => location.hash) === before,
      "a tap on a citation opens its sentence (and stays on it)");
    check(await page.$eval(cite(first), (a) => a.getAttribute("aria-expanded")) === "true",
      "the tapped citation says it is expanded");
    await page.keyboard.press("Escape");
    check(!(await shown(first)), "Escape closes a tapped sentence");
  }

  // The disputed story: where its sources disagree comes before the summary,
  // naming who says what; what each outlet adds or leaves out is in words.
  const saltmereLink = await page.evaluate(async () => {
    const list = await (await fetch("/api/stories")).json();
    return "/stories/" + list.stories.find((s) => s.headline.includes("Saltmere")).id;
  });
  await page.goto(base + saltmereLink, { waitUntil: "load" });
  const layout = await page.evaluate(() => {
    const heads = [...document.querySelectorAll("h2")].map((h) => h.textContent);
    return {
      heads,
      disputes: document.querySelector("section.disputes")?.innerText || "",
      coverage: [...document.querySelectorAll("ul.coverage li")].map((li) => li.textContent),
    };
  });
  check(layout.heads[0]?.startsWith("Where the sources disagree") &&
    layout.heads.indexOf("Summary") > 0,
  `disagreements come first (${layout.heads.join(" | ")})`);
  check(/(Harbour Daily|Valley Post|Coast Herald) \(S\d+\) (and .* )?says?: 40/.test(layout.disputes) &&
    /Valley Post \(S\d+\) says: 25/.test(layout.disputes) && layout.disputes.includes("25 teaching posts"),
  `each side names its outlets and quotes them (${layout.disputes.replace(/\s+/g, " ")})`);
  check(layout.coverage.length > 0 && layout.coverage.every((c) =>
    /^(Only )?(Harbour Daily|Valley Post|Coast Herald) \(S\d+\) /.test(c)),
  `coverage per outlet in words (${layout.coverage.join(" | ")})`);
  const disputedOverflow = await page.evaluate(() =>
    document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(disputedOverflow <= 0, `390px: disputed story has no sideways scrolling (overflow ${disputedOverflow}px)`);
  await accessible("390px disputed story page");
  await page.screenshot({ path: join(outDir, "story-disputed-390.png"), fullPage: true });

  // Live, on the story page with its own Content-Security-Policy in force:
  // a report of the same event posted elsewhere brings the notice.
  const live = await browser.newPage();
  live.on("console", (m) => {
    if (m.type() === "error") errors.push("live page: " + m.text());
  });
  live.on("pageerror", (e) => errors.push("live page: " + String(e)));
  await live.setViewport({ width: 390, height: 900 });
  await live.goto(base + link, { waitUntil: "load" });
  const ran = await live.waitForFunction(
    () => document.querySelector("a.cite[aria-expanded]") !== null, { timeout: 5000 })
    .then(() => true, () => false);
  check(ran, "story.js runs under the page's own Content-Security-Policy");
  check(await live.$eval("#story-status", (s) => s.textContent) === "",
    "no notice before the story changes");
  // The stream is open once the server has greeted it; give it a moment.
  await new Promise((r) => setTimeout(r, 500));
  const joined = await fetch(base + "/api/articles", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(reports("a")[2]),
  });
  const joinedBody = await joined.json();
  check(joined.status === 201 && link.endsWith("/" + joinedBody.story?.id),
    `the third Brellick report joins the open story (${joined.status}, ${joinedBody.story?.id})`);
  const noticed = await live.waitForFunction(
    () => document.getElementById("story-status").textContent
      .includes("This story was updated — reload"), { timeout: 10000 })
    .then(() => true, () => false);
  check(noticed, "the open story page says it was updated");
  check(await live.$eval("#story-status a", (a) => a.getAttribute("href")) === link,
    "the notice links to the story");
  await live.screenshot({ path: join(outDir, "story-updated-390.png"), fullPage: true });
  await live.close();

  // Live: a POST elsewhere shows up in an open list without a reload.
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(base + "/", { waitUntil: "networkidle2" });
  await page.waitForSelector("#stories li a");
  const posted = await fetch(base + "/api/articles", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(reports("c")[0]),
  });
  check(posted.status === 201, `POST answered ${posted.status}`);
  const listed = await page.waitForFunction(
    () => [...document.querySelectorAll("#stories li a")]
      .some((a) => a.textContent.includes("Quorvath")), { timeout: 10000 })
    .then(() => true, () => false);
  check(listed, "the posted story appears in the open list");
  await page.screenshot({ path: join(outDir, "list-live-1280.png"), fullPage: true });

  check(errors.length === 0, "no console errors" + (errors.length ? ": " + errors.join(" | ") : ""));
} finally {
  await browser.close();
  server.kill("SIGTERM");
  rmSync(work, { recursive: true, force: true });
}
process.exit(failures.length ? 1 : 0);
