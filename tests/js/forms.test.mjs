// Whole forms through the package in Node: every built-in profile's examples pass with
// realistic uploads, and each mistake people make gives exactly its code on exactly its field
// (the typed fields in the core, the uploads in the files module, the places loaded as data).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as p from "../../pkg/node.js";
import { KINDS } from "../../pkg/form-engine.js";
import { pdf, scan } from "./pdf-fixtures.mjs";
import { CASES, TODAY, bigScan, examples, submission } from "./form-cases.mjs";

const codesOf = (r) => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code}@${f.field}`);

test("before prepareForm, a field answers form.not_ready; the lists agree with the types", async () => {
  const f = p.checkField("dian.certificado", "email", "ana@gmail.com");
  assert.deepEqual([f.ok, f.findings.map((x) => x.code)], [false, ["form.not_ready"]]);
  assert.throws(() => p.describeProfile("dian.certificado"), (e) => e.code === "api.invalid_argument");
  await p.prepareForm("dian.certificado");
  const dts = readFileSync(new URL("../../pkg/index.d.ts", import.meta.url), "utf8");
  const union = (name) => [...dts.match(new RegExp(`export type ${name} = ([^;]+);`))[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(union("ProfileName"), p.profiles());
  assert.deepEqual(union("FieldKind"), KINDS);
  // Every code the form engine makes is in the one table.
  const codes = new Set(p.listCodes().map((c) => c.code));
  for (const dir of ["form-engine.js", "forms.js"]) {
    const src = readFileSync(new URL(`../../pkg-config/${dir}`, import.meta.url), "utf8");
    for (const [, code] of src.matchAll(/"((?:form|place)\.[a-z_]+)"/g)) assert.ok(codes.has(code), code);
  }
});

test("every built-in profile: its examples and good uploads pass, every field answered", async () => {
  assert.deepEqual(p.profiles(), ["dian.adicionar_certificado", "dian.certificado", "gse.cuenta", "gse.juridica", "gse.natural", "icert.solicitud", "sii.certificado", "siigo.representante"]);
  for (const name of p.profiles()) {
    await p.prepareForm(name);
    const d = p.describeProfile(name);
    assert.equal(d.name, name);
    const r = await p.checkForm(name, submission(name), { today: TODAY });
    assert.deepEqual(codesOf(r), [], name);
    assert.equal(r.ok, true, name);
    assert.deepEqual(Object.keys(r.fields), d.fields.map((f) => f.name), name);
    // In English too, and the descriptions are bilingual.
    assert.notEqual(p.describeProfile(name, { lang: "en" }).title, d.title);
  }
});

test("the mistakes people make, each its code on its field", async () => {
  for (const [name, field, value, code, also] of CASES) {
    const values = { ...submission(name), ...also, [field]: value };
    const r = await p.checkForm(name, values, { today: TODAY });
    assert.equal(r.ok, false, `${name}.${field}`);
    assert.deepEqual(codesOf(r).filter((c) => !c.endsWith(`@${field}`)), [], `${name}.${field}: only its field`);
    assert.ok(codesOf(r).includes(`${code}@${field}`), `${name}.${field}=${String(value).slice(0, 30)}: want ${code}, got ${codesOf(r)}`);
    assert.ok(r.fields[field].some((f) => f.code === code && f.message.length > 0));
  }
});

test("uploads are checked against what was typed: the NIT and razón social, the certificado's age", async () => {
  const name = "gse.juridica";
  const values = submission(name);
  const other = pdf({ pages: [{ text: ["Fecha de expedición: 20 de noviembre de 2026", "NIT: 800.197.268-4", `razonSocial: ${values.razonSocial}`] }] });
  let r = await p.checkForm(name, { ...values, certificadoExistencia: other }, { today: TODAY });
  assert.deepEqual(codesOf(r), ["pdf.missing_text@certificadoExistencia"]);
  const old = pdf({ pages: [{ text: ["Fecha de expedición: 17 de octubre de 2026", `NIT: ${values.nit}`, `${values.razonSocial}`] }] });
  r = await p.checkForm(name, { ...values, certificadoExistencia: old }, { today: TODAY });
  assert.deepEqual(codesOf(r), ["pdf.too_old@certificadoExistencia"]);
  // A required upload missing; skipFiles checks only what was typed.
  const { rutPdf, ...without } = values;
  r = await p.checkForm(name, without, { today: TODAY });
  assert.deepEqual(codesOf(r), ["form.required@rutPdf"]);
  r = await p.checkForm(name, without, { skipFiles: true });
  assert.equal(r.ok, true);
});

test("checkField per keystroke, FormData values, a portal's own profile", async () => {
  await p.prepareForm("dian.certificado");
  const values = examples("dian.certificado");
  let f = p.checkField("dian.certificado", "confirmacionClave", "Tucan!", values);
  assert.deepEqual(f.findings.map((x) => x.code), ["form.confirmation_mismatch"]);
  f = p.checkField("dian.certificado", "direccion", "Cra 14 # 123-45 apto 301");
  assert.equal(f.normalized, "CR 14 123 45 AP 301");
  f = p.checkField("dian.certificado", "departamento", "bogota d.c.");
  assert.deepEqual([f.ok, f.normalized], [true, "11"]);
  f = p.checkField("dian.certificado", "numeroDocumentoRepresentante", "52873614", { tipoDocumentoRepresentante: "41" });
  assert.equal(f.ok, true, "a passport number of digits");
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) fd.append(k, v);
  fd.set("email", "laura@gmail.con");
  const r = await p.checkForm("dian.certificado", fd);
  assert.deepEqual(codesOf(r), ["email.tld_typo@email"]);
  // Extend a profile with data: another limit, an extra field, new wording.
  const mine = { extends: "siigo.representante", name: "mi.portal", fields: [{ name: "cartaExoneracion", maxBytes: 2_097_152 }, { name: "celular", kind: "phone", country: "CO", phoneType: "mobile", required: true, label: "Celular" }] };
  const big = bigScan();
  const base = submission("siigo.representante");
  let m = await p.checkForm(mine, { ...base, cartaExoneracion: big, celular: "3001234567" });
  assert.deepEqual(codesOf(m), []);
  m = await p.checkForm(mine, { ...base, celular: "6017432158" });
  assert.deepEqual(codesOf(m), ["phone.not_mobile@celular"]);
  assert.equal(p.describeProfile(mine).fields.at(-1).label, "Celular");
  // Misuse is an exception with a code; a wrong profile name says which exist.
  assert.throws(() => p.checkField("nope", "x", ""), (e) => e.code === "api.invalid_argument" && /dian\.certificado/.test(e.message));
  // DIAN: one email per razón social under the same NIT, against the requests already made.
  const earlierRequests = [{ nit: values.nit, companyName: "Otra Empresa S.A.S.", email: values.email }];
  const again = await p.checkForm("dian.certificado", { ...values, confirmacionClave: values.claveAlmacen }, { earlierRequests, skipFiles: true });
  assert.deepEqual(codesOf(again), ["form.email_reused@email"]);
  await assert.rejects(p.checkForm("dian.certificado", 42), (e) => e.code === "api.invalid_argument");
  assert.throws(() => p.describeProfile({ fields: [{ name: "x", kind: "telepathy" }] }), (e) => e.code === "api.invalid_argument");
});

test("a portal rewords a message: setMessages, parameters still filled in, null restores", async () => {
  await p.prepareForm("siigo.representante");
  p.setMessages("es", { "pdf.too_large": "Tu carta pesa {size}; Siigo acepta hasta {max}." });
  const values = { ...submission("siigo.representante"), cartaExoneracion: bigScan() };
  let r = await p.checkForm("siigo.representante", values);
  assert.equal(r.fields.cartaExoneracion[0].message, "Tu carta pesa 1,2 MB; Siigo acepta hasta 1 MB.");
  assert.equal(p.listCodes().find((c) => c.code === "pdf.too_large").message, "Tu carta pesa {size}; Siigo acepta hasta {max}.");
  p.setMessages("es", { "pdf.too_large": null });
  r = await p.checkForm("siigo.representante", values);
  assert.match(r.fields.cartaExoneracion[0].message, /^El PDF pesa 1,2 MB/);
  assert.throws(() => p.setMessages("es", { "no.such": "x" }), (e) => e.code === "api.invalid_argument");
});

test("places as people write them: Chile's regions by number and long name, a name several departamentos share", async () => {
  const cl = {
    name: "mi.portal.cl",
    fields: [
      { name: "region", kind: "department", country: "CL", label: "Región", required: true },
      { name: "comuna", kind: "municipality", departmentField: "region", label: "Comuna", required: true },
    ],
  };
  await p.prepareForm(cl);
  const region = (v) => p.checkField(cl, "region", v);
  for (const [typed, code] of [
    ["Región de Valparaíso", "05"], ["V Región", "05"], ["Región V", "05"], ["v región", "05"],
    ["RM", "13"], ["Región Metropolitana", "13"], ["XIII Región", "13"], ["Metropolitana de Santiago", "13"],
    ["Región del Libertador General Bernardo O'Higgins", "06"], ["O'Higgins", "06"],
    ["Región de la Araucanía", "09"], ["Bío Bío", "08"], ["Biobío", "08"], ["XVI Región", "16"], ["Ñuble", "16"], ["16", "16"],
  ]) {
    const f = region(typed);
    assert.deepEqual([f.ok, f.normalized], [true, code], typed);
  }
  for (const typed of ["XVII Región", "Región", "Región de Antioquia", "IIII"]) {
    assert.deepEqual(region(typed).findings.map((x) => x.code), ["place.unknown_department"], typed);
  }
  const comuna = (v, r) => p.checkField(cl, "comuna", v, { region: r });
  assert.deepEqual([comuna("Viña del Mar", "Región de Valparaíso").ok, comuna("Viña del Mar", "V Región").normalized], [true, "05109"]);
  assert.deepEqual(comuna("Viña del Mar", "RM").findings.map((x) => x.code), ["place.municipality_elsewhere"]);
  // Colombia: roman numerals are not departamentos; "Departamento de …" is.
  assert.deepEqual(p.checkField("dian.certificado", "departamento", "Departamento de Antioquia").normalized, "05");
  assert.deepEqual(p.checkField("dian.certificado", "departamento", "V").findings.map((x) => x.code), ["place.unknown_department"]);
  // "La Unión" is a municipio of Antioquia, Nariño, Sucre and Valle: with its departamento it
  // is that one; without one it exists, and no code is claimed for it.
  const union = (d) => p.checkField("dian.certificado", "ciudad", "La Unión", { departamento: d });
  assert.deepEqual([union("Nariño").ok, union("Nariño").normalized], [true, "52399"]);
  assert.deepEqual([union("Sucre").ok, union("Sucre").normalized], [true, "70400"]);
  assert.deepEqual([union("").ok, union("").normalized, union("").findings], [true, "La Unión", []]);
  // With a departamento that has none of them, it is of the others.
  const elsewhere = union("Norte de Santander").findings;
  assert.deepEqual(elsewhere.map((x) => x.code), ["place.municipality_elsewhere"]);
  assert.equal(elsewhere[0].params.actual, "ANTIOQUIA, NARIÑO, SUCRE, VALLE DEL CAUCA");
});

test("the form engine cuts mustContain texts where checkPdf's limit is", async () => {
  // The limit is the files module's (src/js/files.rs); the engine's copy cannot drift from it.
  const { MUST_CONTAIN_MAX } = await import("../../pkg/form-engine.js");
  const file = pdf({ pages: [{ text: ["Certificado de existencia y representación legal"] }] });
  const at = (n) => p.checkPdf(file, { mustContain: ["ñ".repeat(n)] });
  assert.equal((await at(MUST_CONTAIN_MAX)).findings.some((f) => f.code === "pdf.missing_text"), true);
  await assert.rejects(at(MUST_CONTAIN_MAX + 1), (e) => e.code === "api.invalid_argument");
});

test("a typed value too long to search for, or only white space, is answered, never a thrown misuse", async () => {
  // Found by tests/js/form-fuzz.test.mjs: a razón social over 500 characters (or only a
  // U+0085 line break, white space to Rust and not to JS) went into checkPdf's mustContain,
  // which refused it as misuse, so checkForm threw instead of answering.
  await p.prepareForm("gse.juridica");
  const check = (razonSocial) => p.checkForm("gse.juridica", { ...submission("gse.juridica"), razonSocial }, { today: TODAY });
  // 960 characters: a valid name, looked for by its first 500 in the documents, not there.
  const long = await check("Comercializadora Andina ".repeat(40));
  assert.equal(long.ok, false);
  assert.ok(long.fields.razonSocial.every((f) => f.severity !== "error"), JSON.stringify(long.fields.razonSocial));
  assert.ok(long.findings.some((f) => f.code === "pdf.missing_text"), JSON.stringify(long.findings.map((f) => f.code)));
  for (const blank of ["\u0085", "\u0085 \u0085"]) {
    const r = await check(blank);
    assert.equal(r.ok, false);
    assert.ok(r.fields.razonSocial.some((f) => f.severity === "error"), JSON.stringify(r.fields.razonSocial));
  }
});
