// Recovery from a trapped instance, on a test build (scripts/build.sh --test-trap) whose
// module aborts on one magic input. The published package has no such input: this checks the
// glue's last line of defence (pkg-config/instance.js `recover`, files-node.js and files-worker.js for the files module).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const ENTRY = new URL("../../target/pkg-trap/node.js", import.meta.url);

test("a trap becomes an internal.error finding and the next call works", { skip: !existsSync(ENTRY) && "run scripts/build.sh --test-trap" }, async () => {
  const { checkEmail, checkPassword } = await import(ENTRY);
  assert.equal(checkEmail("ana@gmail.com").ok, true);

  const r = checkEmail("\0trap\0", { field: "email", lang: "en" });
  assert.equal(r.ok, false);
  assert.deepEqual(r.findings.map((f) => [f.code, f.severity, f.field]), [["internal.error", "error", "email"]]);
  assert.match(r.findings[0].message, /internal error/);

  // A fresh instance answers every path again: clean, mistake, password.
  assert.deepEqual(checkEmail("Ana@Gmail.com"), { ok: true, normalized: "Ana@gmail.com", findings: [] });
  assert.equal(checkEmail("ventas@empresa,com,co").findings[0].code, "email.comma_in_domain");
  assert.equal(checkPassword("Vaca-Azul-Monte-42", { policy: "gse" }).ok, true);

  // A trapped password check answers the result's whole shape: the checklist's lines built
  // from the fallback (src/js/core.rs `fallback_result`) as from any result.
  const p = checkPassword("\0trap\0", { policy: "gse", lang: "en" });
  assert.deepEqual([p.ok, p.findings.map((f) => f.code)], [false, ["internal.error"]]);
  assert.ok(p.rules.length > 0);
  for (const rule of p.rules) {
    assert.deepEqual(Object.keys(rule).slice(0, 3), ["id", "ok", "message"]);
    assert.equal(typeof rule.ok, "boolean");
    assert.ok(rule.message.length > 0, rule.id);
  }

  // And it survives being trapped again.
  assert.equal(checkEmail("\0trap\0").findings[0].code, "internal.error");
  assert.equal(checkEmail("ana@gmail.con").suggestion, "ana@gmail.com");
});

test("after a trap, the fresh instance gets the password data again", { skip: !existsSync(ENTRY) && "run scripts/build.sh --test-trap" }, async () => {
  const { checkEmail, checkPassword, preparePassword } = await import(ENTRY);
  await preparePassword();
  assert.equal(checkPassword("Harley1!", { policy: "gse" }).strength.provisional, false);
  assert.equal(checkEmail("\0trap\0").findings[0].code, "internal.error");
  // The glue started loading it into the fresh instance; until then the estimate says so.
  assert.equal(checkPassword("Harley1!", { policy: "gse" }).strength.provisional, true);
  await preparePassword();
  const r = checkPassword("Harley1!", { policy: "gse" });
  assert.deepEqual([r.strength.provisional, r.strength.score <= 1], [false, true]);
});

test("a trapped PDF module answers internal.error and the next file is inspected", { skip: !existsSync(ENTRY) && "run scripts/build.sh --test-trap" }, async () => {
  const { checkPdf, extractPdfText, inspectPdf } = await import(ENTRY);
  const { rut } = await import("./pdf-fixtures.mjs");
  const magic = new TextEncoder().encode("%PDF-trap");
  assert.equal((await inspectPdf(rut())).pages, 2);

  const info = await inspectPdf(magic);
  assert.deepEqual([info.error, info.isPdf, info.bytes], ["internal.error", false, 9]);
  assert.equal((await inspectPdf(rut())).pages, 2, "a fresh instance after the trap");

  const r = await checkPdf(magic, { maxBytes: 1_000_000, lang: "en" });
  assert.deepEqual([r.ok, r.findings.map((f) => f.code)], [false, ["internal.error"]]);
  assert.deepEqual((await checkPdf(rut(), { mustContain: ["900123456"] })).findings, []);

  const t = await extractPdfText(magic);
  assert.deepEqual(t, { pages: [], truncated: false, error: "internal.error" });
  assert.match((await extractPdfText(rut())).pages[0], /Registro Único Tributario/);
});

test("in a browser the trapped worker's module is reset and the next upload is checked", { skip: !existsSync(ENTRY) && "run scripts/build.sh --test-trap" }, async () => {
  const { chromium } = await import("playwright-core");
  const { serve } = await import("../../scripts/serve.mjs");
  const dir = new URL("../../target/pkg-trap/", import.meta.url).pathname;
  // The page's script is a file (the server's strict policy refuses inline scripts).
  writeFileSync(join(dir, "trap.html"), `<!doctype html><script type="module" src="trap.js"></script>`);
  writeFileSync(join(dir, "trap.js"), `
    import { checkPdf, inspectPdf } from "./index.js";
    const magic = new TextEncoder().encode("%PDF-trap");
    const minimal = new TextEncoder().encode(${JSON.stringify(MINIMAL)});
    const out = { first: await inspectPdf(magic), after: await inspectPdf(minimal) };
    out.check = await checkPdf(magic, { maxBytes: 1000 });
    out.again = await checkPdf(minimal, { maxBytes: 1000 });
    window.result = out;
  `);
  const server = await serve(dir, 0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/trap.html`);
    await page.waitForFunction(() => window.result, null, { timeout: 20000 });
    const r = await page.evaluate(() => window.result);
    assert.equal(r.first.error, "internal.error");
    assert.deepEqual([r.after.isPdf, r.after.pages, r.after.error], [true, 1, undefined]);
    assert.deepEqual(r.check.findings.map((f) => f.code), ["internal.error"]);
    assert.deepEqual([r.again.ok, r.again.findings], [true, []]);
  } finally {
    await browser.close();
    server.close();
  }
});

/** A one-page PDF with the text "Potato" (qpdf's minimal.pdf, as text). */
const MINIMAL = readFileSync(new URL("../corpus/pdf/qpdf__minimal.pdf", import.meta.url), "latin1");
