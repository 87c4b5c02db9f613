// Browser test of `hedui serve`: starts the server, drives headless Chromium over the Chrome
// DevTools Protocol (Node's own WebSocket, no npm package), pastes a planted fixture, clicks
// Check, and asserts that the planted figures are highlighted as errors and that the message
// and the likely culprit appear beside them. Takes a screenshot.
//
//   node --experimental-websocket tests/browser/check_page.mjs [HEDUI_BIN] [SCREENSHOT.png]
//
// Needs /usr/bin/chromium (Debian: apt-get install chromium), or CHROMIUM=/path/to/chrome.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const bin = process.argv[2] || process.env.HEDUI_BIN || join(repo, "target", "debug", "hedui");
const screenshot = process.argv[3] || join(repo, "target", "serve-screenshot.png");
const chromium = process.env.CHROMIUM || "/usr/bin/chromium";
const fixture = readFileSync(join(repo, "fixtures", "planted-partition-sum.txt"), "utf8");
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const children = [];
let profile = null;

function fail(message) {
  console.error(`browser test: FAIL: ${message}`);
  cleanup();
  process.exit(1);
}

function cleanup() {
  for (const c of children) {
    try { c.kill("SIGKILL"); } catch { /* already gone */ }
  }
  // Chromium's helpers may still be writing to the profile for a moment: best effort.
  if (profile) {
    try { rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }); } catch { /* left in tmp */ }
  }
}

// `hedui serve --port 0` prints its address on its first line.
async function startServer() {
  const server = spawn(bin, ["serve", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(server);
  let out = "";
  server.stdout.on("data", (d) => { out += d; });
  for (let i = 0; i < 100; i++) {
    const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (m) return m[0];
    await sleep(100);
  }
  fail(`hedui serve printed no address (${bin})`);
}

// Chromium with a fresh profile; its DevTools port is read from DevToolsActivePort.
async function startChromium() {
  profile = mkdtempSync(join(tmpdir(), "hedui-chromium-"));
  const flags = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    `--user-data-dir=${profile}`, "--remote-debugging-port=0", "--window-size=1280,1000",
    "about:blank",
  ];
  const browser = spawn(chromium, flags, { stdio: "ignore" });
  children.push(browser);
  const file = join(profile, "DevToolsActivePort");
  for (let i = 0; i < 200; i++) {
    if (existsSync(file)) {
      const port = readFileSync(file, "utf8").split("\n")[0];
      if (port) {
        const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
        const page = targets.find((t) => t.type === "page");
        if (page) return page.webSocketDebuggerUrl;
      }
    }
    await sleep(100);
  }
  fail("Chromium did not open its DevTools port");
}

// A minimal CDP client: send(method, params) resolves with the result.
function connect(url) {
  const ws = new WebSocket(url);
  let next = 0;
  const waiting = new Map();
  ws.onmessage = (e) => {
    const m = JSON.parse(e.data);
    if (m.id !== undefined && waiting.has(m.id)) {
      const { resolve, reject } = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error) reject(new Error(JSON.stringify(m.error)));
      else resolve(m.result);
    }
  };
  const send = (method, params = {}) => new Promise((resolve, reject) => {
    const id = ++next;
    waiting.set(id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, params }));
  });
  return new Promise((resolve, reject) => {
    ws.onopen = () => resolve(send);
    ws.onerror = () => reject(new Error("cannot connect to Chromium"));
  });
}

async function evaluate(send, expression) {
  const r = await send("Runtime.evaluate", { expression, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) fail(`in the page: ${JSON.stringify(r.exceptionDetails)}`);
  return r.result.value;
}

async function until(send, expression, what) {
  for (let i = 0; i < 100; i++) {
    if (await evaluate(send, expression)) return;
    await sleep(100);
  }
  const state = await evaluate(send, `JSON.stringify({ error: document.getElementById("error")?.textContent,
    draft: document.getElementById("draft")?.value.slice(0, 40), log: window.__errors || [] })`);
  fail(`timed out waiting for ${what}; page state: ${state}`);
}

const address = await startServer();
const send = await connect(await startChromium());
await send("Page.enable");
await send("Page.addScriptToEvaluateOnNewDocument", {
  source: `window.__errors = []; addEventListener("error", (e) => __errors.push(String(e.message)));
           addEventListener("unhandledrejection", (e) => __errors.push(String(e.reason)));`,
});
await send("Emulation.setDeviceMetricsOverride", { width: 1280, height: 1000, deviceScaleFactor: 1, mobile: false });
await send("Page.navigate", { url: address });
await until(send, `document.readyState === "complete" && !!document.getElementById("draft")`, "the page");

// Paste: focus the textarea and insert the draft as a paste would, then click Check.
await evaluate(send, `document.getElementById("draft").focus(); true`);
await send("Input.insertText", { text: fixture });
await evaluate(send, `document.getElementById("check").click(); true`);
await until(send, `!document.getElementById("result").hidden`, "the result");

const seen = await evaluate(send, `(() => {
  const marks = [...document.querySelectorAll("#text mark.error")].map((m) => m.textContent);
  const findings = [...document.querySelectorAll("#findings .finding.error")].map((f) => f.textContent);
  return { marks, findings, summary: document.getElementById("summary").textContent };
})()`);
const errorMarks = seen.marks.join("|");
for (const figure of ["3586.4亿元", "2318.7亿元", "1367.7"]) {
  if (!errorMarks.includes(figure)) fail(`${figure} is not highlighted as an error (marks: ${errorMarks})`);
}
const message = "the parts of 全市进出口 add up to 3686.4亿元, not the whole 3586.4亿元";
if (!seen.findings.some((f) => f.includes(message))) fail(`the message is not shown beside the text: ${seen.findings}`);
if (!seen.findings.some((f) => f.includes("Likely culprit"))) fail("no likely culprit is shown");
if (!/\d+ error\(s\)/.test(seen.summary)) fail(`no summary: ${seen.summary}`);

// The toggle lists every figure with its kind, interval and identity.
await evaluate(send, `document.getElementById("figures-toggle").click(); true`);
await until(send, `!document.getElementById("figures").hidden`, "the figure table");
const rows = await evaluate(send, `[...document.querySelectorAll("#figures tbody tr")].map((r) => r.textContent)`);
if (rows.length < 10 || !rows.some((r) => r.includes("amount") && r.includes("label"))) {
  fail(`the figure table is wrong: ${rows.slice(0, 3)}`);
}

const shot = await send("Page.captureScreenshot", { format: "png", captureBeyondViewport: true });
writeFileSync(screenshot, Buffer.from(shot.data, "base64"));
console.log(`browser test: ok: ${seen.marks.length} error spans, ${seen.findings.length} error finding(s), ` +
  `${rows.length} figures listed; screenshot ${screenshot}`);
cleanup();
process.exit(0);
