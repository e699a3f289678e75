// report.mjs - opens the HTML report of `parallax report` in headless
// chromium and checks that it renders: no console error, no page error,
// no request leaving the file (the report is self-contained), Arabic
// blocks right-to-left and right-aligned, Arabic and Chinese text drawn
// with installed fonts that cover those scripts, and no character drawn
// as the missing-glyph box. Screenshots go to the artefact folder.
// Usage: node report.mjs REPORT.html   (run by tests/cli_browser_report.sh)
import { pathToFileURL } from 'node:url';
import { Checks, watchdog, launch, newPage, shot, shotAround, checkScripts }
  from './common.mjs';

const checks = new Checks();
const timer = watchdog(checks);
const file = process.argv[2];
const url = pathToFileURL(file).href;
const browser = await launch();
try {
  const page = await newPage(browser);
  const outside = [];
  page.on('request', (r) => {
    if (r.url() !== url && !r.url().startsWith('data:')) {
      outside.push(r.url());
    }
  });
  const resp = await page.goto(url, { waitUntil: 'load' });
  checks.ok(resp === null || resp.ok(), `report did not load: ${url}`);
  await page.evaluate(() => document.fonts.ready.then(() => true));
  checks.ok(await page.locator('section').count() > 0,
    'the report shows no story section');
  await shot(page, 'report-top.png');
  // Then screenshots of the longest Arabic and Chinese blocks, which
  // checkScripts marks with data-px-shot.
  const found = await checkScripts(page, checks,
    { needArabic: true, needHan: true });
  for (const s of ['Arabic', 'Han']) {
    if (found[s] > 0) {
      await shotAround(page, `[data-px-shot="${s}"]`,
        `report-${s.toLowerCase()}.png`);
    }
  }
  for (const e of page.pxErrors) {
    checks.fail(e);
  }
  checks.ok(page.pxErrors.length === 0, 'console or page errors');
  checks.ok(outside.length === 0,
    `the report loads resources: ${outside.slice(0, 3).join(' ')}`);
} catch (e) {
  checks.fail(`browser: ${e.message}`);
} finally {
  await browser.close().catch(() => {});
  clearTimeout(timer);
}
process.exit(checks.summary());
