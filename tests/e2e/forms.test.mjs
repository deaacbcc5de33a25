// The portal forms page (www/forms.html) in real headless Chromium: each profile rendered
// from describeProfile() and bound with attach(). Filled as a person fills it: the visible
// messages, the inputs' validity and aria-*, submit held and then let through, uploads; a
// screenshot of each profile in tests/e2e/out/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";
import { pdf, scan } from "../js/pdf-fixtures.mjs";
import { CASES, TODAY, submission } from "../js/form-cases.mjs";
import { assertNoViolations, watchCsp } from "./csp.mjs";

const ROOT = new URL("../../", import.meta.url).pathname;
const OUT = join(ROOT, "tests/e2e/out");
let server, browser, base;
const requests = [];
const errors = [];
const csp = [];
let response;

before(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await serve(join(ROOT, "www"), 0);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(profile, lang = "es") {
  const page = await browser.newPage();
  page.on("request", (r) => requests.push(r.url()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await watchCsp(page, csp);
  response = await page.goto(`${base}/forms.html?p=${profile}&lang=${lang}`);
  await page.waitForSelector('#status[data-ready="true"]', { timeout: 20000 });
  return page;
}

/** The messages shown under an input: `[{ code, text }]`. */
const shown = (page, name) =>
  page.$$eval(`[data-prevalida-for="${name}"] p`, (ps) => ps.map((p) => ({ code: p.dataset.code, text: p.textContent })));
const state = (page, name) =>
  page.$eval(`[name="${name}"]`, (el) => ({ valid: el.validity.valid, message: el.validationMessage, invalid: el.getAttribute("aria-invalid"), describedby: el.getAttribute("aria-describedby") }));

/** Fills every typed field with its example (the placeholder), choices with theirs. */
async function fillExamples(page, profile) {
  const fields = await page.evaluate(async (p) => (await import("prevalida")).describeProfile(p).fields, profile);
  for (const f of fields) {
    if (f.kind === "pdf" || f.kind === "pkcs12" || f.example === "") continue;
    if (f.choices) await page.selectOption(`[name="${f.name}"]`, f.example);
    else await page.fill(`[name="${f.name}"]`, f.example);
  }
  return fields;
}

test("DIAN: messages as the applicant leaves each input, in the browser's validity and aria; submit held, then let through", async () => {
  const page = await open("dian.certificado");
  await fillExamples(page, "dian.certificado");
  // A comma for a dot: the message, the browser's validity, aria, and the one-click fix.
  await page.fill('[name="email"]', "laura.restrepo@andinacafe,com,co");
  await page.locator('[name="email"]').blur();
  let m = await shown(page, "email");
  assert.equal(m[0].code, "email.comma_in_domain");
  assert.match(m[0].text, /coma/);
  let s = await state(page, "email");
  assert.deepEqual([s.valid, s.invalid], [false, "true"]);
  assert.ok(m[0].text.startsWith(s.message) && s.message.length > 20, s.message);
  const box = await page.$eval('[data-prevalida-for="email"]', (el) => el.id);
  assert.ok(s.describedby.split(" ").includes(box));
  await page.click('[data-prevalida-for="email"] .prevalida-use');
  assert.equal(await page.inputValue('[name="email"]'), "laura.restrepo@andinacafe.com.co");
  assert.deepEqual(await shown(page, "email"), []);
  assert.deepEqual((await state(page, "email")).invalid, "false");
  // The municipio of another departamento; then the departamento is corrected and the
  // municipio's message goes away by itself.
  await page.fill('[name="ciudad"]', "Medellín");
  await page.locator('[name="ciudad"]').blur();
  m = await shown(page, "ciudad");
  assert.equal(m[0]?.code, "place.municipality_elsewhere");
  await page.fill('[name="departamento"]', "Antioquia");
  await page.locator('[name="departamento"]').blur();
  assert.deepEqual(await shown(page, "ciudad"), []);
  // A confirmation that does not match: submit is held, the first invalid input reported.
  await page.fill('[name="confirmacionClave"]', "Tucan!Verde47");
  await page.click("#submit");
  await page.waitForFunction(() => document.querySelector('[name="confirmacionClave"]').getAttribute("aria-invalid") === "true");
  assert.equal(await page.isHidden("#sent"), true);
  assert.equal((await shown(page, "confirmacionClave"))[0].code, "form.confirmation_mismatch");
  await page.screenshot({ path: join(OUT, "forms-dian-errors.png"), fullPage: true });
  // Corrected: the submit goes through.
  await page.fill('[name="confirmacionClave"]', await page.inputValue('[name="claveAlmacen"]'));
  await page.click("#submit");
  await page.waitForSelector("#sent:not([hidden])", { timeout: 30000 });
  await page.screenshot({ path: join(OUT, "forms-dian.png"), fullPage: true });
  await page.close();
});

test("Siigo: a 1.2 MB carta, then a text PDF, then a scan under 1 MB; in English", async () => {
  const page = await open("siigo.representante", "en");
  assert.match(await page.textContent("#title"), /Siigo/);
  await fillExamples(page, "siigo.representante");
  const upload = (bytes) => page.setInputFiles('[name="cartaExoneracion"]', { name: "carta.pdf", mimeType: "application/pdf", buffer: Buffer.from(bytes) });
  await upload(pdf({ pages: [{ image: "gray" }], padTo: 1_200_000 }));
  await page.waitForSelector('[data-prevalida-for="cartaExoneracion"] p');
  let m = await shown(page, "cartaExoneracion");
  assert.equal(m[0].code, "pdf.too_large");
  assert.match(m[0].text, /MB/);
  assert.equal((await state(page, "cartaExoneracion")).valid, false);
  await upload(pdf({ pages: [{ text: ["Carta de exoneración"] }] }));
  await page.waitForFunction(() => document.querySelector('[data-prevalida-for="cartaExoneracion"] p')?.dataset.code === "pdf.needs_scan");
  await upload(scan("gray"));
  await page.waitForFunction(() => document.querySelector('[data-prevalida-for="cartaExoneracion"]').children.length === 0);
  assert.equal((await state(page, "cartaExoneracion")).valid, true);
  await page.click("#submit");
  await page.waitForSelector("#sent:not([hidden])", { timeout: 30000 });
  await page.screenshot({ path: join(OUT, "forms-siigo.png"), fullPage: true });
  await page.close();
});

test("every profile renders, its examples pass on submit where it has no uploads; no request leaves the machine", async () => {
  const names = await (await open("dian.certificado")).evaluate(async () => (await import("prevalida")).profiles());
  for (const name of names) {
    const page = await open(name);
    const fields = await fillExamples(page, name);
    assert.equal(await page.$$eval("#fields .field", (f) => f.length), fields.length, name);
    // A required field left empty is held, with its message.
    const first = fields.find((f) => f.required && f.kind !== "pdf" && f.kind !== "pkcs12");
    await page.fill(`[name="${first.name}"]`, "").catch(() => page.selectOption(`[name="${first.name}"]`, ""));
    await page.click("#submit");
    await page.waitForFunction((n) => document.querySelector(`[name="${n}"]`).getAttribute("aria-invalid") === "true", first.name);
    assert.equal((await shown(page, first.name))[0].code, "form.required", name);
    await page.screenshot({ path: join(OUT, `forms-${name}.png`), fullPage: true });
    await page.close();
  }
  assert.deepEqual(requests.filter((u) => !u.startsWith(base)), []);
  assert.deepEqual(errors, []);
});

test("the Node suites in Chromium: every profile's valid submission passes, each mistake its code on its field", async () => {
  const page = await open("dian.certificado");
  // Values cross into the page as JSON: files as arrays of bytes, made Uint8Arrays there.
  const wire = (values) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v instanceof Uint8Array ? { bytes: [...v] } : v]));
  const run = (profile, values) =>
    page.evaluate(async ({ profile, values, today }) => {
      const m = await import("prevalida");
      const v = Object.fromEntries(Object.entries(values).map(([k, x]) => [k, typeof x === "object" ? new Uint8Array(x.bytes) : x]));
      const r = await m.checkForm(profile, v, { today });
      return { ok: r.ok, codes: r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.field}`), messages: r.findings.every((f) => f.message.length > 0) };
    }, { profile, values: wire(values), today: TODAY });
  const names = await page.evaluate(async () => (await import("prevalida")).profiles());
  for (const name of names) {
    const r = await run(name, submission(name));
    assert.deepEqual([r.ok, r.codes], [true, []], name);
  }
  for (const [name, field, value, code, also] of CASES) {
    const r = await run(name, { ...submission(name), ...also, [field]: value });
    assert.equal(r.ok, false, `${name}.${field}`);
    assert.deepEqual(r.codes.filter((c) => !c.endsWith(`@${field}`)), [], `${name}.${field}: only its field`);
    assert.ok(r.codes.includes(`${code}@${field}`), `${name}.${field}: want ${code}, got ${r.codes}`);
    assert.ok(r.messages);
  }
  await page.close();
});

test("every certificate fixture through the worker in Chromium: opens or is refused with its code", async () => {
  const page = await open("sii.certificado");
  const cases = [
    ["modern.p12", "Prueba#2024", []], ["aes128_sha1mac.p12", "Prueba#2024", []],
    ["legacy.p12", "Prueba#2024", ["p12.legacy_encryption"]], ["des3_sha1.p12", "Prueba#2024", ["p12.legacy_encryption"]],
    ["modern_unicode.p12", "Ñandú#2024", []], ["legacy_unicode.p12", "Ñandú#2024", ["p12.legacy_encryption"]],
    ["modern.p12", "prueba#2024", ["p12.wrong_password"]], ["modern.p12", null, ["p12.password_missing"]],
    ["certonly_nomac.p12", "x", ["p12.no_private_key", "p12.password_unverifiable"]], ["keyonly.p12", "Prueba#2024", ["p12.no_certificate"]],
    ["mismatch.p12", "Prueba#2024", ["p12.key_mismatch"]], ["expired.p12", "Prueba#2024", ["p12.expired"]],
    ["notyet.p12", "Prueba#2024", ["p12.not_yet_valid"]], ["iter2m.p12", "Prueba#2024", ["p12.too_complex"]],
    ["truncated.p12", "Prueba#2024", ["p12.damaged"]], ["cert.pem", "Prueba#2024", ["p12.not_pkcs12"]],
  ];
  // The files cross into the page as arrays of bytes (the demo server serves www/ only).
  const withBytes = cases.map(([file, pw]) => [file, pw, [...readFileSync(join(ROOT, "tests/fixtures/p12", file))]]);
  const got = await page.evaluate(async (cases) => {
    const { checkCertificate } = await import("prevalida");
    const out = [];
    for (const [file, pw, bytes] of cases) {
      const r = await checkCertificate(new File([new Uint8Array(bytes)], file), pw ?? undefined, { at: "2026-12-01" });
      out.push([r.findings.map((f) => f.code), r.subject ?? ""]);
    }
    return out;
  }, withBytes);
  for (const [i, [file, , want]] of cases.entries()) assert.deepEqual(got[i][0], want, file);
  assert.match(got[0][1], /CN=JUAN PÉREZ GÓMEZ/);
  await page.close();
});

test("attach on a form of radio buttons, a checkbox and a named submit button: what the form would send", async () => {
  const page = await open("dian.certificado");
  const r = await page.evaluate(async () => {
    const { attach } = await import("prevalida");
    const form = document.createElement("form");
    form.innerHTML = `
      <label><input type="radio" name="tipo" value="natural"> Natural</label>
      <label><input type="radio" name="tipo" value="juridica"> Jurídica</label>
      <label><input type="checkbox" name="acepto" value="si"> Acepto</label>
      <button type="submit" name="accion" value="borrador" id="borrador">Guardar</button>
      <button type="submit" name="accion" value="enviar" id="enviar">Enviar</button>`;
    document.body.append(form);
    const sent = [];
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      sent.push([...new FormData(form, e.submitter)].map(([k, v]) => `${k}=${v}`).join("&"));
    });
    const profile = {
      name: "prueba.controles",
      fields: [
        { name: "tipo", kind: "choice", required: true, label: "Tipo", choices: [{ value: "natural", label: "Natural" }, { value: "juridica", label: "Jurídica" }] },
        { name: "acepto", kind: "choice", required: true, label: "Acepto", choices: [{ value: "si", label: "Sí" }] },
      ],
    };
    const bound = attach(form, profile);
    await bound.ready;
    const codes = async () => Object.entries((await bound.check()).fields).flatMap(([k, fs]) => fs.map((f) => `${f.code}@${k}`));
    const out = { empty: await codes() };
    const radios = [...form.querySelectorAll('[name="tipo"]')];
    out.invalidBefore = radios.map((r) => r.getAttribute("aria-invalid"));
    // The message after the group, outside every label; every button described by it.
    const group = form.querySelector('[data-prevalida-for="tipo"]');
    out.boxInLabel = group.closest("label") !== null;
    out.describedBy = radios.map((r) => r.getAttribute("aria-describedby") === group.id);
    // The second radio: heard by its own listener (no check() called), its value read.
    radios[1].click(); // input and change are dispatched, and answered, synchronously
    out.invalidAfter = radios.map((r) => r.getAttribute("aria-invalid"));
    out.radioValid = radios[0].validity.valid;
    out.afterRadio = await codes();
    // A checkbox counts only when checked.
    const box = form.querySelector('[name="acepto"]');
    out.unchecked = await codes();
    box.click();
    out.checked = await codes();
    // Submitted by the second button: held, checked, let through by the same button.
    form.querySelector("#enviar").click();
    // Waited for as long as the other submits of this suite (30 s), not a fixed short time.
    for (let i = 0; i < 1200 && sent.length === 0; i++) await new Promise((ok) => setTimeout(ok, 25));
    out.sent = sent.slice();
    bound.detach();
    form.remove();
    return out;
  });
  assert.deepEqual(r.empty, ["form.required@tipo", "form.required@acepto"]);
  assert.deepEqual([r.invalidBefore, r.boxInLabel, r.describedBy], [["true", "true"], false, [true, true]]);
  assert.deepEqual([r.invalidAfter, r.radioValid], [["false", "false"], true]);
  assert.deepEqual(r.afterRadio, ["form.required@acepto"]);
  assert.deepEqual(r.unchecked, ["form.required@acepto"]);
  assert.deepEqual(r.checked, []);
  assert.deepEqual(r.sent, ["tipo=juridica&acepto=si&accion=enviar"]);
  await page.close();
});

test("every page above ran under the strict Content Security Policy, with no violation", async () => {
  await assertNoViolations(server, csp, response);
});
