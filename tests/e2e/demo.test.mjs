// End-to-end test of www/ in real headless Chromium (Debian's), driven by playwright-core.
// The page loads prevalida from its npm tarball (scripts/install-demo.sh). Saves a
// screenshot to tests/e2e/out/demo.png. (playwright gives each launch a fresh, empty profile.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";
import { certificate, pdf, rut, scan } from "../js/pdf-fixtures.mjs";
import { assertNoViolations, watchCsp } from "./csp.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
let server, browser, page, base, response;
const requests = [];
const csp = [];
const errors = [];

before(async () => {
  server = await serve(join(ROOT, "www"), 0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--headless", "--disable-gpu", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
  page = await browser.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await watchCsp(page, csp);
  response = await page.goto(`${base}/`);
  await page.waitForSelector('#status[data-ready="true"]', { timeout: 20000 });
});

after(async () => {
  await browser?.close();
  server?.close();
});

const findings = (list) => page.$$eval(`#${list} li`, (lis) => lis.map((li) => ({ code: li.dataset.code, text: li.textContent })));

test("email with a comma: Spanish message, suggestion, one click fixes it", async () => {
  await page.fill("#email", "");
  await page.type("#email", "ventas@empresa,com,co");
  const f = await findings("email-findings");
  assert.equal(f[0].code, "email.comma_in_domain");
  assert.match(f[0].text, /Hay una coma \(,\) donde va un punto/);
  assert.equal(await page.textContent("#email-suggestion-text"), "ventas@empresa.com.co");
  await page.click("#email-use-suggestion");
  assert.equal(await page.inputValue("#email"), "ventas@empresa.com.co");
  assert.deepEqual(await findings("email-findings"), []);
  assert.equal(await page.getAttribute("#email", "aria-invalid"), "false");
});

test("the seed's address with Arabic letters is flagged", async () => {
  await page.fill("#email", "dguerrero@diان.gov.co");
  const f = await findings("email-findings");
  const mixed = f.find((x) => x.code === "email.mixed_script");
  assert.ok(mixed, JSON.stringify(f));
  assert.match(mixed.text, /alfabetos distintos/);
});

test("gmail.con is corrected, empresa.com.co is left alone", async () => {
  await page.fill("#email", "ana@gmail.con");
  assert.equal(await page.textContent("#email-suggestion-text"), "ana@gmail.com");
  await page.fill("#email", "ana@empresa.com.co");
  assert.equal(await page.isHidden("#email-suggestion"), true);
  assert.deepEqual(await findings("email-findings"), []);
});

test("GSE password: live checklist, Ñ explained, confirmation", async () => {
  await page.fill("#password", "");
  await page.type("#password", "ÑANDU2024");
  const rules = await page.$$eval("#password-rules li", (lis) => lis.map((li) => [li.dataset.rule, li.className === "ok"]));
  assert.deepEqual(rules, [["min_length", true], ["upper", true], ["lower", false], ["digit", true], ["special", false], ["no_personal", true]]);
  const f = await findings("password-findings");
  const lower = f.find((x) => x.code === "password.missing_lower");
  assert.match(lower.text, /La ñ y las letras con tilde no cuentan/);

  await page.fill("#password", "Vaca-Azul-Monte-42");
  await page.fill("#confirm", "Vaca-Azul-Monte-4");
  assert.equal((await findings("password-findings"))[0].code, "password.mismatch");
  await page.fill("#confirm", "Vaca-Azul-Monte-42");
  const all = await page.$$eval("#password-rules li", (lis) => lis.every((li) => li.className === "ok"));
  assert.ok(all);
  assert.deepEqual(await findings("password-findings"), []);
  assert.match(await page.textContent("#strength-text"), /Seguridad: (buena|muy buena)/);
});

test("NIT and DV in two fields: the wrong one is named, the DV typed twice is caught", async () => {
  await page.fill("#nit", "");
  await page.type("#nit", "800.197.268");
  let f = await findings("nit-findings");
  assert.equal(f[0].code, "id.dv_missing");
  assert.match(f[0].text, /Para el NIT 800197268 es 4/);
  await page.type("#dv", "5");
  f = await findings("nit-findings");
  assert.equal(f[0].code, "id.check_digit");
  assert.match(f[0].text, /El dígito de verificación debería ser 4, no 5/);
  assert.equal(await page.getAttribute("#dv", "aria-invalid"), "true");
  assert.equal(await page.getAttribute("#nit", "aria-invalid"), "false");
  await page.fill("#dv", "4");
  assert.deepEqual(await findings("nit-findings"), []);
  assert.equal(await page.textContent("#nit-details"), "800.197.268-4 · parece persona jurídica");
  assert.equal(await page.getAttribute("#nit", "aria-invalid"), "false");
  await page.fill("#nit", "900204272-8");
  await page.fill("#dv", "");
  assert.equal((await findings("nit-findings"))[0].code, "id.nit_includes_dv");
  assert.equal(await page.getAttribute("#nit", "aria-invalid"), "true");
  await page.fill("#nit", "900204272");
  await page.fill("#dv", "8");
});

test("cédula by DIAN document type, RUT with K, mobile phone", async () => {
  assert.equal(await page.inputValue("#doc-type"), "13");
  await page.fill("#doc", "52.4O1.223");
  assert.equal((await findings("doc-findings"))[0].code, "id.invalid_char");
  await page.fill("#doc", "1020304050");
  assert.deepEqual(await findings("doc-findings"), []);
  assert.equal(await page.textContent("#doc-details"), "1.020.304.050");
  await page.selectOption("#doc-type", "41");
  await page.fill("#doc", "ab12");
  assert.equal((await findings("doc-findings"))[0].code, "id.too_short");
  await page.fill("#doc", "ab123456");
  assert.equal(await page.textContent("#doc-details"), "AB123456");
  await page.selectOption("#doc-type", "13");
  await page.fill("#doc", "1020304050");

  await page.fill("#rut", "60.803.000-1");
  assert.match((await findings("rut-findings"))[0].text, /debería ser K, no 1/);
  await page.fill("#rut", "60803000k");
  assert.equal(await page.textContent("#rut-details"), "60.803.000-K · persona jurídica");

  await page.fill("#phone", "228 1260");
  let f = await findings("phone-findings");
  assert.equal(f[0].code, "phone.old_fixed_format");
  assert.match(f[0].text, /En Bogotá sería 601 2281260/);
  await page.fill("#phone", "601 2281260");
  assert.equal((await findings("phone-findings"))[0].code, "phone.not_mobile");
  await page.fill("#phone", "+57 321 123 4567");
  assert.deepEqual(await findings("phone-findings"), []);
  assert.equal(await page.textContent("#phone-details"), "321 1234567 · +573211234567");
});

test("PDF upload: inspected in the package's Web Worker, loaded on first use", async () => {
  const corpus = join(ROOT, "tests/corpus/pdf");
  // No NIT typed: the RUT's mustContain rule is empty here (the next test types one).
  const nit = await page.inputValue("#nit");
  await page.fill("#nit", "");
  assert.ok(!requests.some((u) => u.includes("prevalida_files")), "the files module is not loaded before it is needed");
  const facts = async () => {
    await page.waitForSelector('#rut-pdf-info[data-ready="true"]', { timeout: 20000 });
    return page.$$eval("#rut-pdf-info dd", (dds) => dds.map((d) => d.textContent));
  };
  await page.setInputFiles("#rut-pdf", join(corpus, "qpdf__enc-R3_V2_O_master.pdf"));
  assert.deepEqual(await facts(), ["PDF", "17 KB", "abre sin clave, con restricciones", "30", "texto"]);
  assert.ok(requests.some((u) => u.endsWith("/prevalida_files_bg.wasm")), "loaded now");
  assert.deepEqual((await findings("rut-pdf-findings")).map((f) => f.code), ["pdf.encrypted_owner"]);
  await page.setInputFiles("#rut-pdf", join(corpus, "pdfium__encrypted.pdf"));
  assert.deepEqual((await facts()).slice(2), ["pide clave para abrir"]);
  const locked = await findings("rut-pdf-findings");
  assert.equal(locked[0].code, "pdf.encrypted_user");
  assert.match(locked[0].text, /El PDF tiene clave para abrirlo/);
  await page.setInputFiles("#rut-pdf", join(corpus, "samples__grayscale-image.pdf"));
  assert.deepEqual((await facts()).slice(3, 5), ["1", "escaneada"]);
  assert.equal((await findings("rut-pdf-findings"))[0].code, "pdf.needs_text");
  await page.setInputFiles("#rut-pdf", { name: "rut.pdf", mimeType: "application/pdf", buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]) });
  assert.deepEqual((await facts()).slice(0, 1), ["foto JPEG"]);
  assert.match((await findings("rut-pdf-findings"))[0].text, /no es un PDF sino una foto JPEG/);
  const workers = page.workers().map((w) => w.url());
  assert.ok(workers.some((u) => u.endsWith("/files-worker.js")), JSON.stringify(workers));
  await page.setInputFiles("#rut-pdf", join(corpus, "qpdf__minimal.pdf"));
  await facts();
  await page.fill("#nit", nit);
});

test("the portal's uploads: RUT with the typed NIT, a recent certificate, a color cédula, a scanned letter", async () => {
  const upload = async (id, name, bytes) => {
    await page.setInputFiles(`#${id}`, { name, mimeType: "application/pdf", buffer: Buffer.from(bytes) });
    await page.waitForSelector(`#${id}-info[data-ready="true"]`, { timeout: 20000 });
    const facts = await page.$$eval(`#${id}-info dd`, (dds) => dds.map((d) => d.textContent));
    return { facts, findings: await findings(`${id}-findings`) };
  };
  const saved = [await page.inputValue("#nit"), await page.inputValue("#dv")];
  await page.fill("#nit", "900.123.456");
  await page.fill("#dv", "7");
  // The RUT must be the company's: its NIT is found whatever the dots and hyphen.
  assert.deepEqual((await upload("rut-pdf", "rut.pdf", rut("900.123.456-7"))).findings, []);
  let r = await upload("rut-pdf", "rut.pdf", rut("800.200.300-1"));
  assert.deepEqual(r.findings.map((f) => f.code), ["pdf.missing_text"]);
  assert.match(r.findings[0].text, /No encontramos «900123456» en el PDF/);
  // The certificate: issued less than 30 days before the browser's today.
  const ago = (days) => {
    const d = new Date(Date.now() - days * 864e5);
    return `${d.getDate()} de ${MESES[d.getMonth()]} de ${d.getFullYear()}`;
  };
  r = await upload("cert-pdf", "certificado.pdf", certificate(ago(5), "900123456-7"));
  assert.deepEqual(r.findings, []);
  assert.equal(r.facts.at(-1).split("/").length, 3, "the issue date is shown");
  r = await upload("cert-pdf", "certificado.pdf", certificate(ago(45), "900123456-7"));
  assert.deepEqual(r.findings.map((f) => f.code), ["pdf.too_old"]);
  assert.match(r.findings[0].text, /hace 45 días, y debe tener menos de 30 días/);
  // The cédula: both sides, in color. A gray scan saved as RGB is caught by its pixels.
  r = await upload("cedula-pdf", "cedula.pdf", scan("rgb-gray", 2));
  assert.deepEqual(r.findings.map((f) => f.code), ["pdf.needs_color"]);
  r = await upload("cedula-pdf", "cedula.pdf", scan("rgb-color", 1));
  assert.deepEqual(r.findings.map((f) => f.code), ["pdf.too_few_pages"]);
  assert.deepEqual((await upload("cedula-pdf", "cedula.pdf", scan("rgb-color", 2))).findings, []);
  // The signed letter: a scan of at most 1 MB (exactly 1,000,000 bytes passes).
  r = await upload("carta-pdf", "carta.pdf", rut());
  assert.deepEqual(r.findings.map((f) => f.code), ["pdf.needs_scan"]);
  const letter = (padTo) => pdf({ pages: [{ image: "gray" }], padTo });
  assert.deepEqual((await upload("carta-pdf", "carta.pdf", letter(1_000_000))).findings, []);
  r = await upload("carta-pdf", "carta.pdf", letter(1_048_576));
  assert.deepEqual(r.findings.map((f) => f.code), ["pdf.too_large"]);
  assert.match(r.findings[0].text, /El PDF pesa 1,05 MB; el máximo es 1 MB/);
  await page.fill("#nit", saved[0]);
  await page.fill("#dv", saved[1]);
});

const MESES = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"];

test("submit with everything right; screenshot; no request leaves the machine", async () => {
  await page.fill("#email", "ventas@empresa.com.co");
  await page.click("#submit");
  assert.equal(await page.textContent("#submit-result"), "Todo listo para enviar.");
  mkdirSync(join(ROOT, "tests/e2e/out"), { recursive: true });
  await page.fill("#email", "ventas@empresa,com,co");
  await page.fill("#dv", "3");
  await page.fill("#phone", "228 1260");
  await page.fill("#password", "Colombia2024");
  await page.fill("#confirm", "");
  await page.screenshot({ path: join(ROOT, "tests/e2e/out/demo.png"), fullPage: true });
  const foreign = requests.filter((u) => !u.startsWith(base));
  assert.deepEqual(foreign, [], "the page must not contact anything but its own server");
  assert.deepEqual(errors, []);
});

test("everything above ran under the strict Content Security Policy, with no violation", async () => {
  await assertNoViolations(server, csp, response);
});
