// A screenshot of one page of `newsfuse serve`, for the README:
//   node tests/browser/screenshot.mjs URL OUT.png [WIDTH]
// (run from tests/browser after scripts/browser_setup.sh; CHROMIUM names the
// browser binary, default Debian's).
import puppeteer from "puppeteer-core";

const [url, out, width = "1280"] = process.argv.slice(2);
if (!url || !out) {
  console.error("usage: node screenshot.mjs URL OUT.png [WIDTH]");
  process.exit(2);
}
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || "/usr/lib/chromium/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: Number(width), height: 900 });
  await page.goto(url, { waitUntil: "networkidle2" });
  await page.screenshot({ path: out });
} finally {
  await browser.close();
}
