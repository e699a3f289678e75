// Read + extract speed of Mozilla Readability with a DOM package.
//
// Usage: node run.mjs [--dom jsdom|linkedom] [--recycle N] PAGE_LIST
// PAGE_LIST holds one .html.gz path per line. For each page, in one process
// and on one thread (the JS thread; V8 may use helper threads for GC, which
// the CPU time below includes): read and gunzip the file, build a DOM,
// run new Readability(document).parse() and take its textContent. Only that
// loop is timed. Pages that throw or yield no article are counted as failed.
// Prints one JSON line: {tool, pages, failed, seconds, cpu_seconds,
// pages_per_s, pages_per_cpu_s, peak_rss_kb, text_chars}.
//
// jsdom gets the raw bytes and sniffs the charset itself (BOM, <meta>), as a
// user's code would. linkedom only takes a string, so the bytes are decoded
// with the <meta> charset (or BOM, else UTF-8) through TextDecoder first.
//
// jsdom keeps memory of every window even after window.close() (a known jsdom
// problem), so over the 1319 pages its heap nears V8's limit and garbage
// collection takes over. As a user with many pages would, --recycle N (default
// 100 for jsdom, 0 = off) runs each N pages in a fresh worker thread, one at a
// time; the timing and the process CPU time include the workers' start-up.
//
// Benchmark only: JavaScript is never part of parallax at run time.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { createRequire } from "node:module";
import {
    Worker, isMainThread, parentPort, workerData,
} from "node:worker_threads";
import { Readability } from "@mozilla/readability";

const require = createRequire(import.meta.url);

function usage() {
    console.error(
        "usage: node run.mjs [--dom jsdom|linkedom] [--recycle N] PAGE_LIST");
    process.exit(2);
}

function sniffCharset(bytes) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        return "utf-8";
    }
    if (bytes[0] === 0xff && bytes[1] === 0xfe) {
        return "utf-16le";
    }
    if (bytes[0] === 0xfe && bytes[1] === 0xff) {
        return "utf-16be";
    }
    const head = bytes.subarray(0, 4096).toString("latin1");
    const m = /<meta[^>]*charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
    return m ? m[1].toLowerCase() : "utf-8";
}

function decode(bytes) {
    try {
        return new TextDecoder(sniffCharset(bytes)).decode(bytes);
    } catch {
        return new TextDecoder("utf-8").decode(bytes);
    }
}

function makeJsdom() {
    const { JSDOM, VirtualConsole } = require("jsdom");
    const quiet = new VirtualConsole(); // drop CSS parse errors and the like
    const version = require("jsdom/package.json").version;
    return {
        name: `jsdom ${version}`,
        extract(bytes) {
            const dom = new JSDOM(bytes, { virtualConsole: quiet });
            try {
                return new Readability(dom.window.document).parse();
            } finally {
                dom.window.close();
            }
        },
    };
}

function makeLinkedom() {
    const { parseHTML } = require("linkedom");
    const version = require("linkedom/package.json").version;
    return {
        name: `linkedom ${version}`,
        extract(bytes) {
            const { document } = parseHTML(decode(bytes));
            return new Readability(document).parse();
        },
    };
}

const makeDom = (name) => (name === "jsdom" ? makeJsdom() : makeLinkedom());

// The timed loop body: counts into t = {ok, failed, chars}.
function runPages(dom, paths, t) {
    for (const path of paths) {
        try {
            const bytes = gunzipSync(readFileSync(path));
            const article = dom.extract(bytes);
            if (article && typeof article.textContent === "string") {
                t.chars += article.textContent.length;
                t.ok++;
            } else {
                t.failed++;
            }
        } catch {
            t.failed++;
        }
    }
}

// Runs paths in fresh workers of at most n pages each, one after the other.
async function runRecycled(domName, paths, n, t) {
    for (let i = 0; i < paths.length; i += n) {
        const w = new Worker(new URL(import.meta.url), {
            workerData: { domName, paths: paths.slice(i, i + n) },
            stdout: true, // dropped: pages' scripts never run, but be safe
        });
        const got = await new Promise((resolve, reject) => {
            w.once("message", resolve);
            w.once("error", reject);
        });
        await new Promise((resolve) => w.once("exit", resolve));
        t.ok += got.ok;
        t.failed += got.failed;
        t.chars += got.chars;
    }
}

function parseArgs(argv) {
    const opt = { domName: "jsdom", recycle: -1, list: null };
    const args = argv.slice(2);
    while (args.length > 1 && args[0].startsWith("--")) {
        const [flag, value] = args.splice(0, 2);
        if (flag === "--dom") {
            opt.domName = value;
        } else if (flag === "--recycle" && /^\d+$/.test(value)) {
            opt.recycle = Number(value);
        } else {
            usage();
        }
    }
    if (args.length !== 1 || !["jsdom", "linkedom"].includes(opt.domName)) {
        usage();
    }
    opt.list = args[0];
    if (opt.recycle < 0) {
        opt.recycle = opt.domName === "jsdom" ? 100 : 0;
    }
    return opt;
}

async function main(argv) {
    const opt = parseArgs(argv);
    const paths = readFileSync(opt.list, "utf8").split("\n")
        .map((s) => s.trim()).filter((s) => s.length > 0);
    const dom = makeDom(opt.domName);
    const rdVersion = require("@mozilla/readability/package.json").version;
    console.log = () => {}; // some pages' code paths log; keep stdout clean
    const t = { ok: 0, failed: 0, chars: 0 };
    const wall0 = performance.now();
    const cpu0 = process.cpuUsage(); // whole process: workers included
    if (opt.recycle > 0) {
        await runRecycled(opt.domName, paths, opt.recycle, t);
    } else {
        runPages(dom, paths, t);
    }
    const wall = (performance.now() - wall0) / 1000;
    const cpuUs = process.cpuUsage(cpu0);
    const cpu = (cpuUs.user + cpuUs.system) / 1e6;
    const { ok, failed, chars } = t;
    const n = ok + failed;
    const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
    process.stdout.write(JSON.stringify({
        tool: `@mozilla/readability ${rdVersion} + ${dom.name}` +
            (opt.recycle > 0 ? ` (worker/${opt.recycle})` : ""),
        pages: n,
        failed,
        seconds: round(wall, 3),
        cpu_seconds: round(cpu, 3),
        pages_per_s: wall > 0 ? round(n / wall, 2) : 0,
        pages_per_cpu_s: cpu > 0 ? round(n / cpu, 2) : 0,
        peak_rss_kb: process.resourceUsage().maxRSS,
        text_chars: chars,
    }) + "\n");
}

if (isMainThread) {
    await main(process.argv);
} else {
    console.log = () => {};
    const t = { ok: 0, failed: 0, chars: 0 };
    runPages(makeDom(workerData.domName), workerData.paths, t);
    parentPort.postMessage(t);
}
