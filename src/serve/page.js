// hedui serve's page: sends the draft to /api/inspect and draws the answer. No framework,
// no build step: this file is served as it is, from inside the binary.
"use strict";

const $ = (id) => document.getElementById(id);
let lastFile = null; // {name, bytes} of a dropped or chosen file, until the text is edited
let lastAnswer = null;

function escapeHtml(s) {
  return String(s ?? "").replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
}

// Byte offsets (UTF-8, as hedui reports them) to indices of the JavaScript string.
function byteIndex(text) {
  const map = new Map();
  let bytes = 0;
  let i = 0;
  for (const ch of text) {
    map.set(bytes, i);
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += ch.length;
  }
  map.set(bytes, i);
  return (b) => (map.has(b) ? map.get(b) : text.length);
}

async function check() {
  $("error").hidden = true;
  let name = $("name").value.trim() || "draft.txt";
  let body;
  if (lastFile) {
    name = lastFile.name;
    body = lastFile.bytes;
  } else {
    body = new TextEncoder().encode($("draft").value);
  }
  const response = await fetch("/api/inspect?name=" + encodeURIComponent(name), { method: "POST", body });
  const answer = await response.json();
  if (!response.ok) {
    $("error").textContent = answer.error || "hedui could not check this draft";
    $("error").hidden = false;
    return;
  }
  lastAnswer = answer;
  draw();
}

function draw() {
  const a = lastAnswer;
  const text = a.text;
  const at = byteIndex(text);
  const shift = a.offset || 0;
  const file = a.check.files[0] || { findings: [] };
  const findings = file.findings;
  const showFigures = $("figures-toggle").checked;

  // Spans: every finding label, and every figure when asked.
  const spans = [];
  findings.forEach((f, n) => {
    for (const l of f.labels) {
      spans.push({ from: at(l.start - shift), to: at(l.end - shift), finding: n, severity: f.severity, note: l.note });
    }
  });
  a.figures.forEach((g, n) => {
    spans.push({ from: at(g.start - shift), to: at(g.end - shift), figure: n });
  });
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.from); cuts.add(s.to); }
  const points = [...cuts].sort((x, y) => x - y);
  let html = "";
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k], to = points[k + 1];
    const piece = escapeHtml(text.slice(from, to));
    const over = spans.filter((s) => s.from <= from && s.to >= to && s.to > s.from);
    const labels = over.filter((s) => s.finding !== undefined);
    const figures = over.filter((s) => s.figure !== undefined);
    if (labels.length === 0 && (!showFigures || figures.length === 0)) { html += piece; continue; }
    const cls = labels.some((s) => s.severity === "error") ? "error" : labels.length ? "warning" : "fig";
    const titles = labels.map((s) => s.note);
    if (showFigures) {
      for (const s of figures) titles.push(describe(a.figures[s.figure]));
    }
    const data = labels.length ? ` data-finding="${labels.map((s) => s.finding).join(" ")}"` : "";
    html += `<mark class="${cls}"${data} title="${escapeHtml(titles.join("\n"))}">${piece}</mark>`;
  }
  $("text").innerHTML = html;

  // Findings beside the text: message, arithmetic and likely culprit, labelled figures.
  $("findings").innerHTML = findings.length === 0
    ? '<p class="none">No contradiction found between the figures.</p>'
    : findings.map((f, n) => `
      <div class="finding ${f.severity}" id="finding-${n}" data-finding="${n}">
        <span class="sev">${f.severity}</span> <span class="rule">${escapeHtml(f.rule)}</span>
        <div class="msg">${escapeHtml(f.message)}</div>
        <ul>${f.labels.map((l) => `<li>${escapeHtml(l.note)}${place(l)}</li>`).join("")}</ul>
        <div class="help">${escapeHtml(f.help)}</div>
        ${(f.fixes || []).length ? `<div class="fixes">Likely culprit: ${f.fixes.map((x) =>
          `<code>${escapeHtml(x.text)}</code> → <code>${escapeHtml(x.replacement)}</code>${x.open ? " " + x.open : ""}`).join("; ")}</div>` : ""}
      </div>`).join("");
  const s = a.check.summary;
  $("summary").textContent = `${a.name}: ${s.errors} error(s), ${s.warnings} warning(s); ` +
    `${s.checked} of ${s.figures} figures checked, ${a.figures.length} figures read`;

  // Every figure read: kind, interval, identity.
  const rows = a.figures.map((g, n) => {
    const inFindings = findings
      .map((f, k) => (f.labels.some((l) => l.start === g.start) ? `#${k + 1} ${f.rule}` : null))
      .filter(Boolean);
    return `<tr><td>${n + 1}</td><td>${escapeHtml(g.text)}</td><td>${escapeHtml(g.kind)}</td>` +
      `<td>${interval(g)}</td><td>${escapeHtml(identity(g))}</td><td>${escapeHtml(inFindings.join(", "))}</td></tr>`;
  });
  $("figures").querySelector("tbody").innerHTML = rows.join("");
  $("figures").hidden = !showFigures;
  $("input").hidden = true;
  $("result").hidden = false;
}

function place(l) {
  return l.paragraph ? ` <small>(paragraph ${l.paragraph}, offset ${l.offset})</small>` : ` <small>(line ${l.line})</small>`;
}

// An interval's bounds; null is an open end (`超800万吨` has no upper bound).
function interval(g) {
  const unit = escapeHtml(g.unit || "");
  if (g.lo !== null && g.lo === g.hi) return `= ${escapeHtml(g.lo)} ${unit}`;
  return `[${g.lo === null ? "−∞" : escapeHtml(g.lo)}, ${g.hi === null ? "∞" : escapeHtml(g.hi)}] ${unit}`;
}

function identity(g) {
  const parts = [`label ${g.label || "—"}`];
  if (g.period) parts.push(`period ${g.period}`);
  if (g.base) parts.push(`base ${g.base}`);
  if (g.qualifier) parts.push(`qualifier ${g.qualifier}`);
  if (g.tags && g.tags.length) parts.push(`tags ${g.tags.join(",")}`);
  return parts.join("; ");
}

function describe(g) {
  return `${g.text}: ${g.kind} ${interval(g)}; ${identity(g)}`;
}

function activate(n) {
  document.querySelectorAll(".active").forEach((e) => e.classList.remove("active"));
  document.querySelectorAll("[data-finding]").forEach((e) => {
    if (e.dataset.finding.split(" ").includes(String(n))) e.classList.add("active");
  });
}

async function takeFile(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  lastFile = { name: file.name, bytes };
  $("name").value = file.name;
  $("draft").value = file.name.toLowerCase().endsWith(".docx")
    ? `(${file.name}: a Word draft, read by hedui when checked)`
    : new TextDecoder().decode(bytes);
  await check();
}

$("check").addEventListener("click", check);
$("edit").addEventListener("click", () => { $("result").hidden = true; $("input").hidden = false; });
$("figures-toggle").addEventListener("change", () => lastAnswer && draw());
$("draft").addEventListener("input", () => { lastFile = null; });
$("file").addEventListener("change", (e) => e.target.files[0] && takeFile(e.target.files[0]));
$("text").addEventListener("click", (e) => {
  const m = e.target.closest("mark[data-finding]");
  if (m) {
    const n = m.dataset.finding.split(" ")[0];
    activate(n);
    $("finding-" + n).scrollIntoView({ block: "nearest" });
  }
});
$("findings").addEventListener("click", (e) => {
  const f = e.target.closest(".finding");
  if (f) activate(f.dataset.finding);
});
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  if (e.dataTransfer.files[0]) takeFile(e.dataTransfer.files[0]);
});
