// The second browser engine: Debian's Firefox ESR, driven by npm puppeteer-core over WebDriver
// BiDi (playwright cannot drive a stock Firefox). The demo portal page (www/), served under the
// same strict Content Security Policy as in Chromium, loads prevalida from its npm tarball;
// then, as a page does: an email mistake typed into the form and its one-click fix, and,
// through the package's Web Worker, a PDF upload, a scanned one and a legacy certificate file
// (the files module's SIMD key derivation). Skipped, with the reason, where Firefox is absent
// (`make test` installs it: scripts/setup.sh).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { serve } from "../../scripts/serve.mjs";
import { pdf, scan } from "../js/pdf-fixtures.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const FIREFOX = process.env.FIREFOX ?? "/usr/bin/firefox-esr";
const skip = !existsSync(FIREFOX) && `no Firefox at ${FIREFOX} (scripts/setup.sh installs firefox-esr)`;
let server, browser, page, base, response;
const requests = [];
const errors = [];

before(async () => {
  if (skip) return;
  const puppeteer = (await import("puppeteer-core")).default;
  server = await serve(join(ROOT, "www"), 0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    browser: "firefox",
    executablePath: FIREFOX,
    headless: true,
    protocol: "webDriverBiDi",
  });
  page = await browser.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  response = await page.goto(`${base}/`);
  await page.waitForSelector('#status[data-ready="true"]', { timeout: 30000 });
});

after(async () => {
  await browser?.close();
  server?.close();
});

test("Firefox: an email typed with a comma gets its code, and the suggestion button fixes it", { skip }, async () => {
  await page.type("#email", "ventas@empresa,com,co");
  await page.waitForSelector("#email-findings li[data-code]", { timeout: 10000 });
  const codes = await page.$$eval("#email-findings li", (lis) => lis.map((li) => li.dataset.code));
  assert.deepEqual(codes, ["email.comma_in_domain"]);
  await page.waitForSelector("#email-suggestion:not([hidden])");
  assert.equal(await page.$eval("#email-suggestion-text", (e) => e.textContent), "ventas@empresa.com.co");
  await page.click("#email-use-suggestion");
  await page.waitForFunction(() => document.querySelectorAll("#email-findings li").length === 0, { timeout: 10000 });
  assert.equal(await page.$eval("#email", (e) => e.value), "ventas@empresa.com.co");
});

test("Firefox: PDF uploads and a legacy certificate file through the package's worker", { skip }, async () => {
  const text = [...pdf({ pages: [{ text: ["RUT 900.123.456-7"] }, { text: ["Pagina 2"] }] })];
  const scanned = [...scan("rgb-gray", 1)];
  const p12 = [...readFileSync(join(ROOT, "tests/fixtures/p12/legacy.p12"))];
  const r = await page.evaluate(async (text, scanned, p12) => {
    const { checkPdf, checkCertificate } = await import("prevalida");
    const file = (bytes, name) => new File([new Uint8Array(bytes)], name);
    const codes = (r) => r.findings.map((f) => f.code);
    const a = await checkPdf(file(text, "rut.pdf"), { maxBytes: 1_000_000, content: "text" });
    const b = await checkPdf(file(scanned, "cedula.pdf"), { content: "text" });
    const c = await checkCertificate(file(p12, "firma.p12"), "Prueba#2024", { at: new Date("2026-12-01T12:00:00Z") });
    const d = await checkCertificate(file(p12, "firma.p12"), "Prueba#2025");
    return {
      text: [a.ok, a.info.pages, codes(a)],
      scan: [b.ok, codes(b)],
      cert: [c.hasKey, c.keyMatchesCertificate, c.encryption, c.subject.includes("JUAN PÉREZ GÓMEZ")],
      wrong: codes(d),
    };
  }, text, scanned, p12);
  assert.deepEqual(r.text, [true, 2, []]);
  assert.equal(r.scan[0], false);
  assert.ok(r.scan[1].includes("pdf.needs_text"), JSON.stringify(r.scan));
  assert.deepEqual(r.cert, [true, true, "legacy", true]);
  assert.deepEqual(r.wrong, ["p12.wrong_password"]);
});

test("Firefox: under the strict policy with no violation; no request leaves the machine; no page error", { skip }, async () => {
  const header = response.headers()["content-security-policy"] ?? "";
  assert.ok(header.includes("'wasm-unsafe-eval'") && !header.includes("'unsafe-eval'"), header);
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(server.violations, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith(base)), []);
  assert.ok(requests.some((u) => u.endsWith("/prevalida_files_bg.wasm")), "the files module was fetched by the worker's page");
  assert.deepEqual(errors, []);
});
