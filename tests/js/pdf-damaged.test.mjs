// Issue 10, items 4 and 5, through the package in Node: an upload cut short (at 1 KB, at half,
// without its last 10 bytes) fails checkPdf with pdf.incomplete and inspectPdf says
// `incomplete` (apart from `truncated`, a work bound); pages that paint only white space, or
// nothing, are not text and fail `content: "text"` and `"scan"` with pdf.blank.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { checkPdf, inspectPdf } from "../../pkg/node.js";
import { pdf, rut, scan } from "./pdf-fixtures.mjs";

const corpus = (f) => new Uint8Array(readFileSync(new URL(`../corpus/pdf/${f}`, import.meta.url)));
const codes = (r) => r.findings.map((f) => f.code);

test("uploads cut short are incomplete: pdf.incomplete, an error, in both languages", async () => {
  const files = {
    rut: rut(),
    "scan, 3 pages": scan("rgb-color", 3),
    "qpdf__20-pages.pdf": corpus("qpdf__20-pages.pdf"),
    "pdfium__linearized.pdf": corpus("pdfium__linearized.pdf"),
    "lopdf__Incremental.pdf": corpus("lopdf__Incremental.pdf"),
  };
  for (const [name, whole] of Object.entries(files)) {
    const full = await inspectPdf(whole);
    assert.deepEqual([full.incomplete, full.truncated], [false, false], name);
    for (const [cut, end] of [["1 KB", 1024], ["half", whole.length >> 1], ["last 10 bytes", whole.length - 10]]) {
      const b = whole.slice(0, end);
      const info = await inspectPdf(b);
      assert.deepEqual([info.incomplete, info.truncated], [true, false], `${name}, ${cut}`);
      for (const content of ["any", "text", "scan"]) {
        const r = await checkPdf(b, { content });
        assert.equal(r.ok, false, `${name}, ${cut}, ${content}`);
        // Only the cut: no pdf.repaired, and no page rule judged on what is left.
        assert.ok(codes(r).includes("pdf.incomplete"), `${name}, ${cut}: ${codes(r)}`);
        assert.ok(codes(r).every((c) => !/^pdf\.(repaired|blank|needs_|too_few|too_many)/.test(c)), `${name}, ${cut}: ${codes(r)}`);
      }
    }
  }
  const cut = rut().slice(0, 1024);
  const es = (await checkPdf(cut, { field: "rut" })).findings.find((f) => f.code === "pdf.incomplete");
  assert.deepEqual([es.severity, es.field], ["error", "rut"]);
  assert.match(es.message, /incompleto o dañado.*Descárgalo o expórtalo otra vez/);
  const en = (await checkPdf(cut, { lang: "en" })).findings.find((f) => f.code === "pdf.incomplete");
  assert.match(en.message, /incomplete or damaged.*Download or export it again/);
  // A complete file whose cross-reference data needed rebuilding stays the warning.
  const rebuilt = await checkPdf(corpus("pdfium__parser_rebuildxref_correct.pdf"), { content: "text" });
  assert.deepEqual([rebuilt.ok, codes(rebuilt), rebuilt.info.incomplete], [true, ["pdf.repaired"], false]);
});

test("white space is not text; blank pages fail content text and scan with pdf.blank", async () => {
  const spaces = pdf({ pages: [{ text: ["    ", " \t "] }, { text: [" "] }] });
  const info = await inspectPdf(spaces);
  assert.deepEqual([info.hasText, info.textChars, info.pageCensus.map((p) => p.kind)], [false, 0, ["empty", "empty"]]);
  const nothing = pdf({ pages: [{}] });
  for (const [name, b] of [["spaces", spaces], ["no content", nothing]]) {
    for (const content of ["text", "scan"]) {
      const r = await checkPdf(b, { content });
      assert.deepEqual([r.ok, codes(r)], [false, ["pdf.blank"]], `${name}, ${content}`);
    }
    assert.deepEqual(codes(await checkPdf(b, { content: "any" })), [], name);
  }
  const en = (await checkPdf(nothing, { content: "scan", lang: "en" })).findings[0];
  assert.match(en.message, /blank/);
  // Visible characters among spaces: text, and counted alone.
  const some = await inspectPdf(pdf({ pages: [{ text: ["  NIT 900  "] }] }));
  assert.deepEqual([some.hasText, some.textChars], [true, 6]);
  assert.deepEqual(codes(await checkPdf(rut(), { content: "text" })), []);
  assert.deepEqual(codes(await checkPdf(scan("rgb-color"), { content: "scan" })), []);
});
