// `make bench`, PDF part: prevalida against pdf.js (pdfjs-dist) on the same files, in one
// Node process, each doing the work that answers the same question:
//   (a) inspectPdf      vs getDocument + getOperatorList of every page   (structure, census)
//   (b) extractPdfText  vs getDocument + getTextContent of every page    (the text)
// Files: tests/corpus/pdf/ (without those needing a user password, which neither tool can
// read, and those pdf.js cannot open: counted) and the generated fixtures (bench/fixtures.mjs).
// Prints the median over rounds of each tool's total time for all files, per group of files,
// the ratio (pdf.js time / prevalida time), MB/s, and the gzip size of what a page downloads
// for PDF checks with each. Run with `node --expose-gc` (as `make bench` does) so each tool's
// turn starts on a collected heap and does not pay for the other's garbage.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import * as prevalida from "../pkg/node.js";
import * as pdfjs from "pdfjs-dist/legacy/build/pdf.mjs";
import { makeFixtures } from "./fixtures.mjs";

const ROUNDS = Number(process.env.PDF_BENCH_ROUNDS ?? 9);
const CORPUS = new URL("../tests/corpus/pdf/", import.meta.url);
const PDFJS_DIR = new URL("./", import.meta.resolve("pdfjs-dist/package.json"));

// In Node pdf.js runs its worker code in this thread (a "fake worker"), but only once told
// where that code is; the legacy build is the one meant for Node.
pdfjs.GlobalWorkerOptions.workerSrc = import.meta.resolve("pdfjs-dist/legacy/build/pdf.worker.mjs");
// Nothing pdf.js could fetch: data only, no cMapUrl/standardFontDataUrl/wasmUrl (so also no
// font programs to parse for the standard 14 fonts: it uses its built-in metrics, its fastest
// path). verbosity 0: the missing-font-data warnings are expected, not news.
const PDFJS_OPTIONS = { disableFontFace: true, isEvalSupported: false, useSystemFonts: false, verbosity: 0 };

// pdf.js transfers the buffer it is given to its worker (detaching it), so each call gets a
// fresh copy; prevalida copies its input once too (the Uint8Array is never shared with wasm).
async function withPdfjs(bytes, perPage) {
  const task = pdfjs.getDocument({ ...PDFJS_OPTIONS, data: bytes.slice() });
  try {
    const doc = await task.promise;
    const out = [];
    for (let i = 1; i <= doc.numPages; i++) out.push(await perPage(await doc.getPage(i)));
    return out;
  } finally {
    await task.destroy();
  }
}
// prevalida's census walks page content, not annotation appearances: pdf.js likewise.
const pdfjsOperators = (bytes) =>
  withPdfjs(bytes, (page) => page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }).then((l) => l.fnArray.length));
const pdfjsText = (bytes) =>
  withPdfjs(bytes, (page) => page.getTextContent().then((c) => c.items.map((x) => x.str + (x.hasEOL ? "\n" : "")).join("")));

const manifest = JSON.parse(readFileSync(new URL("MANIFEST.json", CORPUS), "utf8"));
const needsPassword = manifest.files.filter((f) => f.ground_truth.user_password_required).map((f) => f.file);
const corpus = [];
const pdfjsFailed = [];
for (const { file } of manifest.files) {
  if (needsPassword.includes(file)) continue;
  const bytes = new Uint8Array(readFileSync(new URL(file, CORPUS)));
  // Files pdf.js refuses (or leaves unanswered for 20 s) are left out for both tools.
  try {
    let timer;
    const limit = new Promise((_, fail) => (timer = setTimeout(() => fail(new Error("over 20 s")), 20_000)));
    await Promise.race([Promise.all([pdfjsOperators(bytes), pdfjsText(bytes)]), limit]).finally(() => clearTimeout(timer));
    corpus.push({ name: file, bytes });
  } catch (e) {
    pdfjsFailed.push(`${file} (${e.message.split("\n")[0]})`);
  }
}
const fixtures = makeFixtures();
// AES-256 files (PDF 2.0 encryption, /V 5 /R 6) are timed apart: opening one runs the key
// derivation of ISO 32000-2 (≥ 64 rounds of AES and SHA-2), which both tools must do and
// which dominates their time on these small files.
const latin1 = (b) => Buffer.from(b).toString("latin1");
const aes256 = corpus.filter((f) => /\/V\s+5\b/.test(latin1(f.bytes)) && /\/R\s+6\b/.test(latin1(f.bytes)));
const others = corpus.filter((f) => !aes256.includes(f));
const groups = [
  { name: `corpus (${others.length} files)`, files: others },
  { name: `corpus, AES-256 (${aes256.length})`, files: aes256 },
  ...fixtures.map((f) => ({ name: f.name, files: [f] })),
];
const files = groups.flatMap((g) => g.files);
const mb = (fs) => fs.reduce((n, f) => n + f.bytes.length, 0) / 1e6;

console.log(`node ${process.version}; pdfjs-dist ${pdfjs.version} (legacy build, worker in-process); ` +
  `${ROUNDS} rounds${globalThis.gc ? ", heap collected before each turn" : " (no --expose-gc)"}`);
console.log(`corpus: ${manifest.files.length} files; skipped ${needsPassword.length} needing a user password, ` +
  `${pdfjsFailed.length} pdf.js could not read${pdfjsFailed.length ? ": " + pdfjsFailed.join(", ") : ""}`);
console.log(`timed: ${groups.map((g) => `${g.name} ${mb(g.files).toFixed(2)} MB`).join(", ")}; ${mb(files).toFixed(2)} MB in all\n`);

// Tools take turns in each round (each reads every file once) and swap order every round,
// so a noisy neighbour or a GC slows both alike; each figure is the median over rounds of the
// tool's summed time over a group of files (one pass of every file per round).
async function timeAll(fns) {
  for (const fn of fns) for (const f of files) await fn(f.bytes); // warm-up (JIT, module load)
  const samples = fns.map(() => []); // samples[tool][round][file] in ms
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 ? [...fns.keys()].reverse() : [...fns.keys()];
    for (const k of order) {
      globalThis.gc?.();
      const perFile = [];
      for (const f of files) {
        const t = performance.now();
        await fns[k](f.bytes);
        perFile.push(performance.now() - t);
      }
      samples[k].push(perFile);
    }
  }
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  // Files are timed in group order: each group is a span of the per-file samples.
  let from = 0;
  const spans = groups.map((g) => ({ ...g, from, to: (from += g.files.length) }));
  spans.push({ name: "all files", files, from: 0, to: files.length });
  const sum = (perFile, s) => perFile.slice(s.from, s.to).reduce((a, b) => a + b, 0);
  return spans.map((s) => ({ ...s, ms: samples.map((rounds) => median(rounds.map((perFile) => sum(perFile, s)))) }));
}

function report(title, names, byGroup) {
  console.log(title);
  console.log(`  ${"".padEnd(26)}${names.map((n) => n.padStart(24)).join("")}   ratio`);
  for (const g of byGroup) {
    const cells = g.ms.map((ms) => `${ms.toFixed(1).padStart(9)} ms ${(mb(g.files) / (ms / 1000)).toFixed(1).padStart(7)} MB/s`);
    console.log(`  ${g.name.padEnd(26)}${cells.map((c) => c.padStart(24)).join("")}   ${(g.ms[1] / g.ms[0]).toFixed(1).padStart(5)}×`);
  }
  console.log("  (ratio: pdf.js time / prevalida time; > 1 means prevalida is faster)\n");
}

const rut = fixtures[0];
const info = await prevalida.inspectPdf(rut.bytes);
const ops = await pdfjsOperators(rut.bytes);
console.log(`${rut.name}: prevalida ${info.pages} pages, hasText ${info.hasText}, ${info.images.count} images; ` +
  `pdf.js ${ops.length} pages, ${ops.reduce((a, b) => a + b, 0)} operators`);
report("(a) prevalida inspectPdf vs pdf.js getDocument + getOperatorList (every page)",
  ["prevalida", "pdf.js"], await timeAll([(b) => prevalida.inspectPdf(b), pdfjsOperators]));

if (typeof prevalida.extractPdfText !== "function") {
  console.log("extractPdfText: not in this build, skipped\n");
} else {
  // The same text comes out of both, or the timing compares different work.
  const mine = (await prevalida.extractPdfText(rut.bytes)).pages;
  const theirs = await pdfjsText(rut.bytes);
  const facts = ["Registro Único Tributario", "NIT 900.123.456-7", "Fecha de expedición: 15 de noviembre de 2026"];
  const has = (text) => facts.map((s) => (text?.includes(s) ? "yes" : "NO")).join("/");
  const chars = (pages) => pages.reduce((n, p) => n + p.replace(/\s+/g, "").length, 0);
  console.log(`${rut.name} page 1 has ${facts.map((s) => `"${s}"`).join(", ")}: prevalida ${has(mine[0])}, pdf.js ${has(theirs[0])}; ` +
    `non-space chars, all pages: prevalida ${chars(mine)}, pdf.js ${chars(theirs)}`);
  report("(b) prevalida extractPdfText vs pdf.js getDocument + getTextContent (every page)",
    ["prevalida", "pdf.js"], await timeAll([(b) => prevalida.extractPdfText(b), pdfjsText]));
}

// What a page downloads to check PDFs in the browser: prevalida's files module and its worker
// (the glue the entry imports statically, files.js and files-browser.js, is counted with the
// core in bench.mjs), pdf.js's minified browser
// build and worker (the modern build, which browsers get; legacy is for old ones and Node).
const gz = (url) => gzipSync(readFileSync(url), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
const pkg = new URL("../pkg/", import.meta.url);
const mineFiles = ["prevalida_files_bg.wasm", "prevalida_files.js", "files-worker.js"];
const theirFiles = ["build/pdf.min.mjs", "build/pdf.worker.min.mjs"];
const mineSize = mineFiles.map((f) => gz(new URL(f, pkg)));
const theirSize = theirFiles.map((f) => gz(new URL(f, PDFJS_DIR)));
console.log("size a page downloads for PDF checks (gzip -9)");
mineFiles.forEach((f, i) => console.log(`  prevalida ${f.padEnd(28)}${kb(mineSize[i])}`));
console.log(`  prevalida total${"".padEnd(23)}${kb(mineSize.reduce((a, b) => a + b))}`);
theirFiles.forEach((f, i) => console.log(`  pdfjs-dist ${f.padEnd(27)}${kb(theirSize[i])}`));
console.log(`  pdfjs-dist total${"".padEnd(22)}${kb(theirSize.reduce((a, b) => a + b))}`);
