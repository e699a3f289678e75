// common.mjs - what the browser tests (tests/browser/*.mjs, run by
// tests/cli_browser_*.sh) share: playwright-core loaded from the path the
// shell script found (scripts/fetch_data.sh unpacks it), the system
// chromium launched with time limits, a counter of passed and failed
// checks, page errors and console errors collected per page, screenshots
// written as test artefacts, and the glyph checks: that the fonts chromium
// picked for Arabic and Chinese text are installed fonts covering that
// script (CSS.getPlatformFontsForNode over CDP), and that no character of
// the page is drawn as the missing-glyph box (canvas comparison).
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const require = createRequire(import.meta.url);

export const STEP_MS = 15000; // any one browser action
export const TOTAL_MS = 75000; // the whole script (the shell allows 90 s)

export function loadChromium() {
  const dir = process.env.PX_PLAYWRIGHT;
  if (!dir) {
    throw new Error('PX_PLAYWRIGHT (playwright-core folder) is not set');
  }
  return require(dir).chromium;
}

// Counts checks; fail() prints the reason on stderr.
export class Checks {
  constructor() {
    this.passed = 0;
    this.failed = 0;
  }
  ok(cond, msg) {
    if (cond) {
      this.passed++;
    } else {
      this.failed++;
      console.error(`FAIL: ${msg}`);
    }
    return cond;
  }
  fail(msg) {
    return this.ok(false, msg);
  }
  summary() {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 ? 0 : 1;
  }
}

// Exits with a failure when the script runs longer than TOTAL_MS, whatever
// it is waiting for (the browser is killed with the process).
export function watchdog(checks) {
  return setTimeout(() => {
    checks.fail(`browser test took more than ${TOTAL_MS / 1000} s`);
    process.exit(checks.summary());
  }, TOTAL_MS);
}

export async function launch() {
  const chromium = loadChromium();
  return chromium.launch({
    executablePath: process.env.PX_CHROMIUM || '/usr/bin/chromium',
    timeout: 30000,
    args: ['--disable-gpu', '--no-first-run', '--lang=en-US'],
  });
}

// A page whose console errors, uncaught exceptions and dialogs are
// recorded in page.pxErrors / page.pxDialogs (dialogs are dismissed).
export async function newPage(browser, width = 1400, height = 1000) {
  const page = await browser.newPage({ viewport: { width, height } });
  page.setDefaultTimeout(STEP_MS);
  page.setDefaultNavigationTimeout(STEP_MS);
  page.pxErrors = [];
  page.pxDialogs = [];
  page.on('console', (m) => {
    const where = m.location().url || page.url();
    // Chromium asks for /favicon.ico by itself; a 404 there is no error.
    if (m.type() === 'error' && !where.endsWith('/favicon.ico')) {
      page.pxErrors.push(`console error: ${m.text()} (${where})`);
    }
  });
  page.on('pageerror', (e) => {
    page.pxErrors.push(`page error: ${e.message} (${page.url()})`);
  });
  page.on('dialog', (d) => {
    page.pxDialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  return page;
}

// The folder screenshots go to (printed by the shell script too).
export function artefactDir() {
  return process.env.PX_ARTEFACTS || path.resolve('artefacts');
}

export async function shot(page, name, opts = {}) {
  const file = path.join(artefactDir(), name);
  await page.screenshot({ path: file, timeout: STEP_MS, ...opts });
  console.log(`artefact: ${file}`);
  return file;
}

// A screenshot of the page's full width around the element matching
// selector (at most maxHeight pixels tall), in page coordinates.
export async function shotAround(page, selector, name, maxHeight = 1200) {
  const loc = page.locator(selector).first();
  await loc.scrollIntoViewIfNeeded({ timeout: STEP_MS });
  const box = await loc.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { y: r.top + window.scrollY, h: r.height };
  });
  const width = page.viewportSize().width;
  const y = Math.max(0, box.y - 40);
  const clip = { x: 0, y, width, height: Math.min(box.h + 80, maxHeight) };
  return shot(page, name, { clip, fullPage: true });
}

// Families fontconfig lists, optionally only those covering every code
// point of charset (hex list, e.g. '627 644'); null when fc-list fails.
function fcFamilies(charset) {
  const pattern = charset ? `:charset=${charset}` : ':';
  let out;
  try {
    out = execFileSync('fc-list', [pattern, 'family'], {
      encoding: 'utf8',
      timeout: 10000,
    });
  } catch {
    return null;
  }
  const names = new Set();
  for (const line of out.split('\n')) {
    for (const n of line.split(',')) {
      if (n.trim()) {
        names.add(n.trim());
      }
    }
  }
  return names;
}

// Code points every font used for a script must have (the most common
// letters of that script).
export const SCRIPTS = {
  Arabic: { re: /\p{Script=Arabic}/u, charset: '627 644 645 646 648 64a' },
  Han: { re: /\p{Script=Han}/u, charset: '4e00 4e2d 4eba 5927 662f 7684' },
};

// Runs in the page. Finds the text "owners" (the nearest element that is
// block-level or carries a dir attribute) of each script, checks the
// direction and alignment of the Arabic ones, marks up to maxProbes owners
// per script with a probe span holding only that script's characters, and
// returns what it found.
function inspectText({ maxProbes }) {
  const res = {
    Arabic: /\p{Script=Arabic}/u,
    Han: /\p{Script=Han}/u,
  };
  const blockish = new Set(['block', 'table-cell', 'list-item', 'flow-root',
    'table-caption', 'inline-block', 'flex', 'grid']);
  const owners = new Map();
  const walker = document.createTreeWalker(document.body,
    NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    let el = n.parentElement;
    if (!el || el.closest('script,style,template,noscript,[data-px-probe]')) {
      continue;
    }
    while (el !== document.body && !el.hasAttribute('dir') &&
      !blockish.has(getComputedStyle(el).display)) {
      el = el.parentElement;
    }
    let o = owners.get(el);
    if (!o) {
      o = { Arabic: 0, Han: 0, letters: 0, text: '' };
      owners.set(el, o);
    }
    for (const ch of n.data) {
      if (/\s/u.test(ch) && o.text && !o.text.endsWith(' ')) {
        o.text += ' ';
      }
      if (/\p{L}/u.test(ch)) {
        o.letters++;
        for (const s of Object.keys(res)) {
          if (res[s].test(ch)) {
            o[s]++;
            o.text += ch;
          }
        }
      }
    }
  }
  const describe = (el, o) =>
    `<${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''}>` +
    ` "${o.text.slice(0, 30)}"`;
  const out = { Arabic: 0, Han: 0, rtlBlocks: 0, problems: [], probes: {} };
  const probeOwners = { Arabic: [], Han: [] };
  for (const [el, o] of owners) {
    for (const s of Object.keys(res)) {
      if (o[s] >= 3 && o[s] * 2 > o.letters) {
        out[s]++;
        probeOwners[s].push([el, o]);
      }
    }
    if (!(o.Arabic >= 3 && o.Arabic * 2 > o.letters)) {
      continue;
    }
    const cs = getComputedStyle(el);
    if (cs.direction !== 'rtl') {
      out.problems.push(`Arabic text not right-to-left: ${describe(el, o)}`);
      continue;
    }
    if (!blockish.has(cs.display) || el.getClientRects().length === 0) {
      continue; // an inline run (isolated by its dir) or not rendered
    }
    const range = document.createRange();
    range.selectNodeContents(el);
    const rects = [...range.getClientRects()].filter(
      (r) => r.width > 0 && r.height > 0);
    if (rects.length === 0) {
      continue;
    }
    const top = Math.min(...rects.map((r) => r.top));
    const first = rects.filter((r) => r.top === top)[0];
    const line = rects.filter((r) => r.top < first.bottom - 2);
    const lineRight = Math.max(...line.map((r) => r.right));
    const box = el.getBoundingClientRect();
    const bl = parseFloat(cs.borderLeftWidth);
    const br = parseFloat(cs.borderRightWidth);
    const scrollbar = Math.max(0, el.offsetWidth - el.clientWidth - bl - br);
    const contentRight = box.right - br - parseFloat(cs.paddingRight);
    const contentLeft = box.left + bl + parseFloat(cs.paddingLeft);
    const gap = contentRight - lineRight;
    const leftGap = Math.min(...line.map((r) => r.left)) - contentLeft;
    // Centred (a table header, a title) is fine; left-aligned is not.
    const centred = cs.textAlign.endsWith('center') &&
      Math.abs(gap - leftGap) <= 3 + scrollbar;
    out.rtlBlocks++;
    if (!centred && (gap > 3 + scrollbar || gap < -3 - scrollbar)) {
      out.problems.push(`Arabic text not right-aligned (first line ends ` +
        `${gap.toFixed(1)} px from the right edge, text-align ` +
        `${cs.textAlign}): ${describe(el, o)}`);
    }
  }
  for (const s of Object.keys(res)) {
    const list = probeOwners[s];
    const step = Math.max(1, Math.floor(list.length / maxProbes));
    out.probes[s] = 0;
    for (let i = 0; i < list.length && out.probes[s] < maxProbes; i += step) {
      const span = document.createElement('span');
      span.setAttribute('data-px-probe', s);
      span.textContent = list[i][1].text.replace(/\s/gu, '').slice(0, 300);
      list[i][0].appendChild(span);
      out.probes[s]++;
    }
    if (list.length > 0) {
      list.sort((a, b) => b[1][s] - a[1][s]);
      list[0][0].setAttribute('data-px-shot', s);
    }
  }
  return out;
}

// Runs in the page: draws every distinct visible character of the page
// (per computed font) on a canvas and compares it, pixel for pixel, with
// the drawing of code points no font has (U+10FFFF, U+0378): equal means
// the character is shown as the missing-glyph box ("tofu").
function findTofu() {
  const size = 96;
  const cv = document.createElement('canvas');
  cv.width = size;
  cv.height = size;
  const g = cv.getContext('2d', { willReadFrequently: true });
  const draw = (font, ch) => {
    g.clearRect(0, 0, size, size);
    g.font = font;
    g.fillStyle = '#000';
    g.textBaseline = 'middle';
    g.fillText(ch, 16, size / 2);
    const d = g.getImageData(0, 0, size, size).data;
    const a = new Uint8Array(d.length / 4);
    for (let i = 0; i < a.length; i++) {
      a[i] = d[i * 4 + 3];
    }
    return a;
  };
  const same = (a, b) => a.every((v, i) => v === b[i]);
  const ink = (a) => a.some((v) => v !== 0);
  const groups = new Map();
  const walker = document.createTreeWalker(document.body,
    NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script,style,template,noscript,[data-px-probe]') ||
      el.getClientRects().length === 0) {
      continue;
    }
    const cs = getComputedStyle(el);
    const font = `${cs.fontStyle} ${cs.fontWeight} 40px ${cs.fontFamily}`;
    if (!groups.has(font)) {
      groups.set(font, new Set());
    }
    for (const ch of n.data) {
      if (!/[\s\p{C}]/u.test(ch)) {
        groups.get(font).add(ch);
      }
    }
  }
  const out = { fonts: groups.size, chars: 0, missing: [], broken: [] };
  for (const [font, chars] of groups) {
    const ref = draw(font, '\u{10FFFF}');
    if (!ink(ref) || !same(ref, draw(font, '\u0378')) ||
      same(ref, draw(font, 'a')) || !g.font.includes('40px')) {
      out.broken.push(font); // the method does not work for this font
      continue;
    }
    for (const ch of chars) {
      out.chars++;
      if (same(ref, draw(font, ch))) {
        out.missing.push(`U+${ch.codePointAt(0).toString(16).toUpperCase()}` +
          ` ${ch} (${font})`);
      }
    }
  }
  return out;
}

// The glyph and direction checks on the page as it is (probe spans are
// added, then removed; the longest Arabic and Han blocks are left marked
// data-px-shot="Arabic" / "Han" for screenshots). needArabic/needHan:
// fail when the page has no text of that script.
export async function checkScripts(page, checks, { needArabic, needHan }) {
  const found = await page.evaluate(inspectText, { maxProbes: 12 });
  console.log(`text blocks: ${found.Arabic} Arabic (${found.rtlBlocks} ` +
    `right-to-left blocks measured), ${found.Han} Chinese/Han`);
  if (needArabic) {
    checks.ok(found.Arabic > 0 && found.rtlBlocks > 0,
      'no Arabic block found on the page');
  }
  if (needHan) {
    checks.ok(found.Han > 0, 'no Chinese text found on the page');
  }
  for (const p of found.problems.slice(0, 10)) {
    checks.fail(p);
  }
  checks.ok(found.problems.length === 0,
    `${found.problems.length} Arabic direction/alignment problems`);
  await checkFonts(page, checks);
  await page.evaluate(() => {
    document.querySelectorAll('[data-px-probe]').forEach((e) => e.remove());
  });
  const tofu = await page.evaluate(findTofu);
  console.log(`glyphs: ${tofu.chars} distinct characters in ` +
    `${tofu.fonts} fonts drawn`);
  checks.ok(tofu.broken.length === 0,
    `missing-glyph detection does not work for ${tofu.broken.join('; ')}`);
  checks.ok(tofu.chars > 0, 'no characters drawn for the glyph check');
  for (const m of tofu.missing.slice(0, 10)) {
    checks.fail(`missing glyph: ${m}`);
  }
  checks.ok(tofu.missing.length === 0,
    `${tofu.missing.length} characters without a glyph`);
  return found;
}

// Every font chromium used for the probe spans (only Arabic, or only Han
// characters) must be a system font (no web font) that fontconfig lists as
// covering that script's common letters.
async function checkFonts(page, checks) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const doc = await cdp.send('DOM.getDocument', { depth: -1 });
  const installed = fcFamilies('');
  for (const [script, def] of Object.entries(SCRIPTS)) {
    const covering = fcFamilies(def.charset);
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', {
      nodeId: doc.root.nodeId,
      selector: `[data-px-probe="${script}"]`,
    });
    const used = new Map();
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode',
        { nodeId });
      for (const f of fonts) {
        used.set(f.familyName, (used.get(f.familyName) || 0) + f.glyphCount);
        checks.ok(!f.isCustomFont, `${script}: web font ${f.familyName}`);
      }
    }
    const list = [...used].map(([n, c]) => `${n} (${c} glyphs)`).join(', ');
    if (nodeIds.length > 0) {
      console.log(`${script} fonts (${nodeIds.length} probes): ${list}`);
    }
    if (installed === null || covering === null) {
      console.log('SKIP: fc-list absent (font coverage check)');
      continue;
    }
    for (const name of used.keys()) {
      checks.ok(installed.has(name), `${script}: font ${name} not installed`);
      checks.ok(covering.has(name),
        `${script}: font ${name} does not cover the script`);
    }
  }
  await cdp.detach();
}
