// The npm package as a customer gets it: `npm pack` of pkg/, installed into an empty
// folder, imported by name from Node 20, and type-checked from TypeScript.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const ROOT = new URL("../../", import.meta.url).pathname;
let app;
let packed; // the tarball's file list

const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

before(() => {
  const packDir = mkdtempSync(join(tmpdir(), "prevalida-pack-"));
  const out = run("npm", ["pack", join(ROOT, "pkg"), "--pack-destination", packDir, "--json"], ROOT);
  const [{ filename, files }] = JSON.parse(out);
  // Only the package's own files: what the build put in pkg/ (pkg-config/ and the two
  // modules' wasm-bindgen output; package.json's `files` is derived from it), no corpus,
  // no sources, no tests.
  const paths = files.map((f) => f.path).sort();
  packed = paths;
  assert.deepEqual(paths, readdirSync(join(ROOT, "pkg")).sort());
  for (const f of ["index.js", "node.js", "core.js", "form-engine.js", "files-worker.js", "prevalida_bg.wasm", "prevalida_files_bg.wasm", "index.d.ts"]) {
    assert.ok(paths.includes(f), f);
  }
  assert.ok(!paths.some((p) => /corpus|\.rs$|test/.test(p)), paths.join(" "));
  app = mkdtempSync(join(tmpdir(), "prevalida-app-"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  run("npm", ["install", "--no-audit", "--no-fund", join(packDir, filename)], app);
  assert.ok(readdirSync(join(app, "node_modules/prevalida")).includes("prevalida_bg.wasm"));
});

test("the tarball carries its license texts and the notice of what it builds in", () => {
  for (const f of ["LICENSE-MIT", "LICENSE-APACHE", "THIRD-PARTY-NOTICES.md"]) {
    assert.ok(packed.includes(f), `${f} is not in the tarball: ${packed.join(" ")}`);
    // The installed copy is the repository's text.
    assert.equal(readFileSync(join(app, "node_modules/prevalida", f), "utf8"), readFileSync(join(ROOT, f), "utf8"), f);
  }
  const pkg = JSON.parse(readFileSync(join(app, "node_modules/prevalida/package.json"), "utf8"));
  assert.equal(pkg.license, "MIT OR Apache-2.0");
  assert.match(readFileSync(join(ROOT, "LICENSE-MIT"), "utf8"), /^MIT License\n\nCopyright \(c\) the prevalida authors\n/);
  assert.match(readFileSync(join(ROOT, "LICENSE-APACHE"), "utf8"), /Apache License\s+Version 2\.0, January 2004/);
  const notice = readFileSync(join(ROOT, "THIRD-PARTY-NOTICES.md"), "utf8");
  // Every generated table file the package ships is named in the notice.
  for (const f of ["password-data.js", "places.js", "email-domains.json", "profiles.js", "prevalida_bg.wasm", "prevalida_files_bg.wasm"]) {
    assert.ok(packed.includes(f), f);
    assert.ok(notice.includes(`\`${f}\``), `${f} is not in THIRD-PARTY-NOTICES.md`);
  }
  // Every crate linked into either module, at its version (cargo tree, from Cargo.lock).
  for (const features of [[], ["--features", "files"]]) {
    const tree = run("cargo", ["tree", "--offline", "--target", "wasm32-unknown-unknown", "-e", "normal,no-proc-macro", "--prefix", "none", "--format", "{p}", ...features], ROOT);
    for (const line of new Set(tree.split("\n").filter(Boolean))) {
      const [, name, version] = line.match(/^(\S+) v(\S+)/);
      if (name === "prevalida") continue;
      assert.ok(notice.includes(`| \`${name}\` | ${version} |`), `crate ${name} ${version} (${features.join(" ") || "core"}) is not in THIRD-PARTY-NOTICES.md`);
    }
  }
});

test("no runtime dependencies: npm audit --omit=dev has nothing to audit", (t) => {
  const pkg = JSON.parse(readFileSync(join(app, "node_modules/prevalida/package.json"), "utf8"));
  for (const k of ["dependencies", "optionalDependencies", "peerDependencies", "bundleDependencies", "bundledDependencies"]) {
    assert.equal(pkg[k], undefined, `the published package.json has ${k}`);
  }
  // What npm installed for a customer: prevalida and nothing else.
  const tree = JSON.parse(run("npm", ["ls", "--all", "--omit=dev", "--json"], app));
  assert.deepEqual(Object.keys(tree.dependencies), ["prevalida"]);
  assert.equal(tree.dependencies.prevalida.dependencies, undefined);
  // The audit itself asks the registry: where its audit endpoint cannot be reached (no
  // network, or a registry that does not serve it), say so and skip rather than fail.
  const audit = spawnSync("npm", ["audit", "--omit=dev", "--json"], { cwd: app, encoding: "utf8", timeout: 60_000 });
  let report;
  try {
    report = JSON.parse(audit.stdout);
  } catch {
    report = undefined;
  }
  if (!report?.metadata) {
    const why = [report?.error?.summary, audit.stderr, audit.error?.message].filter(Boolean).join(" ").replace(/\s+/g, " ").trim();
    t.skip(`npm audit could not ask the registry (${why.slice(0, 200) || "no answer"}); the package has no dependencies to audit`);
    return;
  }
  assert.equal(report.metadata.vulnerabilities.total, 0, JSON.stringify(report.vulnerabilities));
});

test("import { checkEmail, checkPassword } from 'prevalida' in Node", () => {
  writeFileSync(
    join(app, "main.mjs"),
    `import { checkEmail, checkPassword, listCodes } from "prevalida";
     const e = checkEmail("ventas@empresa,com,co");
     const p = checkPassword("Colombia2024*", { policy: "gse", lang: "en" });
     let thrown = null;
     try { checkEmail(42); } catch (err) { thrown = { code: err.code, isError: err instanceof Error }; }
     const codes = listCodes();
     console.log(JSON.stringify({ e, p, thrown, codes: codes.length, groups: [...new Set(codes.map((c) => c.code.split(".")[0]))] }));`,
  );
  const r = JSON.parse(run("node", ["main.mjs"], app));
  assert.equal(r.e.ok, false);
  assert.equal(r.e.findings[0].code, "email.comma_in_domain");
  assert.equal(r.e.suggestion, "ventas@empresa.com.co");
  assert.equal(r.p.ok, true);
  assert.equal(r.p.findings[0].code, "password.weak");
  assert.match(r.p.findings[0].message, /^It meets the rules/);
  assert.deepEqual(r.thrown, { code: "api.invalid_argument", isError: true });
  assert.ok(r.codes > 80);
  // One table for both modules: listCodes() includes the files module's pdf.* codes.
  for (const g of ["api", "email", "password", "id", "phone", "name", "pdf", "internal"]) assert.ok(r.groups.includes(g), g);
});

test("every path through the glue gives the same kind of answer", () => {
  writeFileSync(
    join(app, "paths.mjs"),
    `import { checkEmail } from "prevalida";
     const cases = {
       clean: checkEmail("ventas@empresa.com.co"),                  // input buffer, answer 1
       capitals: checkEmail("Ventas@Empresa.COM.co"),               // input buffer, answer 2
       withOptions: checkEmail("ventas@empresa.com.co", { lang: "en" }), // ordinary call
       idn: checkEmail("info@español.com"),                         // non-ASCII: full check
       long: checkEmail("a".repeat(300) + "@x.co"),                 // over the buffer: full check
       mistake: checkEmail("ventas@empresa,com,co", { field: "f" }),
     };
     console.log(JSON.stringify(cases));`,
  );
  const c = JSON.parse(run("node", ["paths.mjs"], app));
  assert.deepEqual(c.clean, { ok: true, normalized: "ventas@empresa.com.co", findings: [] });
  assert.deepEqual(c.capitals, { ok: true, normalized: "Ventas@empresa.com.co", findings: [] });
  assert.deepEqual(c.withOptions, c.clean);
  assert.equal(c.idn.ok, true);
  assert.equal(c.idn.normalized, "info@xn--espaol-zwa.com");
  assert.equal(c.idn.findings[0].code, "email.idn");
  assert.equal(c.long.ok, false);
  assert.equal(c.long.findings[0].code, "email.local_too_long");
  assert.equal(c.mistake.findings[0].field, "f");
});

test("identifiers and phones from the installed package", () => {
  writeFileSync(
    join(app, "ids.mjs"),
    `import { checkId, checkPhone, nitCheckDigit, rutCheckDigit, dianDocumentTypes } from "prevalida";
     const out = {
       nit: checkId("800.197.268-5", { kind: "co.nit" }),
       nitEn: checkId("800197268-4", { kind: "31", lang: "en", field: "empresa.nit" }),
       split: checkId({ nit: "900.204.272-8", dv: "" }, { kind: "co.nit", field: "empresa" }),
       rut: checkId("60803000k", { kind: "cl.rut" }),
       ruc: checkId("1793213150001", { kind: "ec.ruc" }),
       phone: checkPhone("2281260", { country: "CO" }),
       mobile: checkPhone("601 228 1260", { country: "CO", type: "mobile", field: "movil" }),
       ec: checkPhone("+593 99 123 4567", { country: "EC" }),
       helpers: [nitCheckDigit("900.373.115"), nitCheckDigit("12a"), rutCheckDigit("60.803.000"), rutCheckDigit("")],
       dian: dianDocumentTypes(),
       misuse: [() => checkId("1", { kind: "co.dni" }), () => checkId({}, { kind: "cl.rut" }), () => checkPhone("1", { country: "PE" }),
                () => checkPhone(3, { country: "CO" }), () => checkPhone("1", { country: "CO", type: "cell" }), () => nitCheckDigit(9)]
         .map((f) => { try { f(); return null; } catch (e) { return e.code; } }),
     };
     console.log(JSON.stringify(out));`,
  );
  const o = JSON.parse(run("node", ["ids.mjs"], app));
  assert.deepEqual(o.nit, {
    ok: false, compact: "8001972685", formatted: "",
    findings: [{
      code: "id.check_digit", severity: "error", params: { expected: "4", given: "5" },
      message: "El dígito de verificación debería ser 4, no 5. Revisa el número: un dígito mal escrito cambia el dígito de verificación.",
    }],
    details: { kind: "co.nit", dianCode: "31" },
  });
  assert.deepEqual(o.nitEn, { ok: true, compact: "8001972684", formatted: "800.197.268-4", findings: [], details: { kind: "co.nit", dianCode: "31", holder: "company" } });
  assert.equal(o.split.findings[0].code, "id.nit_includes_dv");
  assert.equal(o.split.findings[0].field, "empresa.nit");
  assert.deepEqual([o.rut.ok, o.rut.compact, o.rut.formatted], [true, "60803000-K", "60.803.000-K"]);
  assert.deepEqual(o.ruc.details, { kind: "ec.ruc", type: "private", holder: "company", province: "Pichincha" });
  assert.deepEqual(o.ruc.findings.map((f) => [f.code, f.severity]), [["id.ruc_checksum", "warning"]]);
  assert.equal(o.ruc.ok, true);
  assert.equal(o.phone.findings[0].code, "phone.old_fixed_format");
  assert.match(o.phone.findings[0].message, /601 2281260/);
  assert.deepEqual([o.mobile.ok, o.mobile.type, o.mobile.findings[0].code, o.mobile.findings[0].field], [false, "fixed", "phone.not_mobile", "movil"]);
  assert.deepEqual([o.ec.ok, o.ec.e164, o.ec.national, o.ec.type], [true, "+593991234567", "099 123 4567", "mobile"]);
  assert.deepEqual(o.helpers, [3, null, "K", null]);
  assert.equal(o.dian.length, 12);
  assert.deepEqual(o.dian.find((d) => d.code === "13"), { code: "13", name: "Cédula de ciudadanía", kind: "co.cc" });
  assert.deepEqual(o.misuse, Array(6).fill("api.invalid_argument"));
});

test("checkName, generated from the registry like every check", () => {
  writeFileSync(
    join(app, "name.mjs"),
    `import { checkName } from "prevalida";
     console.log(JSON.stringify([
       checkName("  maría   josé "), checkName("1020304050", { field: "nombres", lang: "en" }),
       checkName("Pérez & Cía. S.A.S.", { kind: "company" }),
     ]));`,
  );
  const [spaces, digits, company] = JSON.parse(run("node", ["name.mjs"], app));
  assert.deepEqual(spaces, {
    ok: true, normalized: "maría josé",
    findings: [{ code: "name.extra_spaces", severity: "info", params: {}, message: "Quitamos los espacios de más." }],
  });
  assert.deepEqual([digits.ok, digits.findings[0].code, digits.findings[0].field], [false, "name.digit", "nombres"]);
  assert.match(digits.findings[0].message, /^A name has no digits \(“1”\)/);
  assert.deepEqual([company.ok, company.findings], [true, []]);
});

test("one export list: both entries export api.js's functions, and index.d.ts declares exactly those", () => {
  writeFileSync(join(app, "exports.mjs"), `import * as p from "prevalida"; console.log(JSON.stringify(Object.keys(p).sort()));`);
  const names = JSON.parse(run("node", ["exports.mjs"], app));
  const dir = join(app, "node_modules/prevalida");
  const dts = readFileSync(join(dir, "index.d.ts"), "utf8");
  // The checks of the registry are declared in prevalida.d.ts, the files module's operations in
  // prevalida_files.d.ts; checks.d.ts re-exports them (generated by scripts/gen-checks.mjs).
  const reexported = [...readFileSync(join(dir, "checks.d.ts"), "utf8").matchAll(/^export \{ ([\w, ]+) \}/gm)].map((m) => m[1].split(", "));
  const [registry, ops] = reexported;
  for (const f of ["inspectPdf", "extractPdfText", "checkPdf"]) assert.ok(ops.includes(f), f);
  const declared = [...new Set([...dts.matchAll(/export declare function (\w+)/g)].map((m) => m[1]).concat(registry, ops))].sort();
  assert.deepEqual(declared, names);
  for (const f of ["checkEmail", "checkPassword", "checkId", "checkPhone"]) assert.ok(registry.includes(f), f);
  const core = readFileSync(join(dir, "prevalida.d.ts"), "utf8");
  for (const f of registry) assert.match(core, new RegExp(`/\\*\\*\\n \\* [^\\n]+[\\s\\S]*?export declare function ${f}\\(`), `${f} is documented`);
  // The browser entry (which fetches its .wasm, so it is read, not run, here) exports the
  // same names: bundled (scripts/bundle.mjs), it ends with one export list.
  const browser = readFileSync(join(dir, "index.js"), "utf8");
  const list = [...browser.matchAll(/export\s*\{([^}]*)\}/g)].flatMap((m) => m[1].split(",")).map((e) => e.trim().split(/\s+as\s+/).pop());
  assert.deepEqual(list.sort(), names);
  // Two fetches for the core: the entry and what both entries share.
  for (const entry of ["index.js", "node.js"]) {
    const imports = [...readFileSync(join(dir, entry), "utf8").matchAll(/(?:from|import)\s*"\.\/([\w.-]+)"/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(imports)].filter((f) => !f.startsWith("prevalida_files")), ["core.js"], entry);
  }
});

test("inspectPdf from the installed package in Node: loaded on first use, corpus files", () => {
  const corpus = join(ROOT, "tests/corpus/pdf");
  writeFileSync(
    join(app, "pdf.mjs"),
    `import { checkPdf, identifyFile, inspectPdf } from "prevalida";
     import { readFileSync } from "node:fs";
     const read = (f) => readFileSync(${JSON.stringify(corpus)} + "/" + f);
     const out = {
       minimal: await inspectPdf(read("qpdf__minimal.pdf")),
       user: await inspectPdf(read("pdfium__encrypted.pdf").buffer.slice(0)),
       owner: await inspectPdf(new Blob([read("qpdf__enc-R3_V2_O_master.pdf")])),
       gray: await inspectPdf(read("samples__grayscale-image.pdf")),
       jpeg: await inspectPdf(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])),
     };
     const gse = { maxBytes: 4_000_000, encryption: "forbid", content: "text" };
     out.rut = await checkPdf(read("qpdf__minimal.pdf"), gse);
     out.locked = await checkPdf(read("pdfium__encrypted.pdf"), gse);
     out.scan = await checkPdf(read("samples__grayscale-image.pdf"), { ...gse, lang: "en" });
     out.big = await checkPdf(new Blob([new Uint8Array(70e6)]), { maxBytes: 1_000_000 });
     out.siigo = await checkPdf(read("samples__grayscale-image.pdf"), { maxBytes: 1_000_000, content: "scan", color: true });
     // Over 64 MB nothing is read but the first bytes, whatever the call.
     const huge = new Uint8Array(70e6);
     huge.set(new TextEncoder().encode("%PDF-1.7 "));
     out.hugeInfo = await inspectPdf(huge);
     out.hugeBlob = await inspectPdf(new Blob([huge]));
     out.hugeCheck = await checkPdf(huge, {});
     out.identify = [await identifyFile(new Blob([huge])), await identifyFile(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])),
       await identifyFile(new Uint8Array(read("qpdf__minimal.pdf")).buffer)];
     let misuse = null;
     try { await inspectPdf("a.pdf"); } catch (e) { misuse = e.code; }
     try { await checkPdf(read("qpdf__minimal.pdf"), { minPages: 0 }); } catch (e) { misuse += " " + e.code; }
     const mine = new Uint8Array(read("qpdf__minimal.pdf"));
     await inspectPdf(mine);
     console.log(JSON.stringify({ ...out, misuse, untouched: mine.length }));`,
  );
  const o = JSON.parse(run("node", ["pdf.mjs"], app));
  assert.deepEqual([o.minimal.isPdf, o.minimal.version, o.minimal.pages, o.minimal.hasText, o.minimal.encryption], [true, "1.3", 1, true, "none"]);
  assert.equal(o.minimal.pageCensus[0].kind, "text");
  assert.equal(o.user.encryption, "user");
  assert.deepEqual([o.owner.encryption, o.owner.pages, o.owner.hasText], ["owner", 30, true]);
  assert.deepEqual([o.gray.hasText, o.gray.images, o.gray.pageCensus[0].kind], [false, { count: 1, color: 0, gray: 1, bilevel: 0, sampled: 0 }, "image"]);
  assert.deepEqual([o.jpeg.isPdf, o.jpeg.kind], [false, "jpeg"]);
  assert.equal(o.misuse, "api.invalid_argument api.invalid_argument");
  assert.deepEqual([o.rut.ok, o.rut.findings], [true, []]);
  assert.equal(o.rut.info.pages, 1);
  assert.deepEqual(o.locked.findings.map((f) => f.code), ["pdf.encrypted_user"]);
  assert.match(o.locked.findings[0].message, /^El PDF tiene clave para abrirlo/);
  assert.deepEqual(o.scan.findings.map((f) => [f.code, f.severity]), [["pdf.needs_text", "error"]]);
  assert.match(o.scan.findings[0].message, /^The PDF is a scanned image \(pages without text: 1\)/);
  assert.deepEqual(o.big.findings.map((f) => [f.code, f.params.size, f.params.max]), [["pdf.too_large", "70 MB", "1 MB"]]);
  assert.equal(o.big.info.bytes, 0, "a 70 MB upload over a 1 MB limit is not read");
  assert.deepEqual(o.siigo.findings.map((f) => f.code), ["pdf.needs_color"]);
  for (const i of [o.hugeInfo, o.hugeBlob]) {
    assert.deepEqual([i.error, i.kind, i.version, i.bytes, i.isPdf], ["pdf.too_large", "pdf", "1.7", 70e6, false]);
    // The same shape as any PdfInfo (its TypeScript type), plus `error`.
    const keys = (x) => Object.keys(x).filter((k) => k !== "error").sort();
    assert.deepEqual([keys(i), keys(i.images)], [keys(o.minimal), keys(o.minimal.images)]);
  }
  assert.deepEqual(o.hugeCheck.findings.map((f) => [f.code, f.params.max]), [["pdf.too_large", "64 MB"]]);
  assert.equal(o.untouched, 763, "the caller's bytes are copied, not transferred");
  assert.deepEqual(o.identify, [{ kind: "pdf", bytes: 70e6 }, { kind: "jpeg", bytes: 6 }, { kind: "pdf", bytes: 763 }]);
});

test("extractPdfText and the text rules of checkPdf in Node: NIT, issue date, color by pixels, sizes at the limit", () => {
  const fixtures = join(ROOT, "tests/js/pdf-fixtures.mjs");
  const corpus = join(ROOT, "tests/corpus/pdf");
  writeFileSync(
    join(app, "text.mjs"),
    `import { checkPdf, extractPdfText } from "prevalida";
     import { readFileSync } from "node:fs";
     import { certificate, pdf, rut, scan } from ${JSON.stringify(fixtures)};
     const read = (f) => readFileSync(${JSON.stringify(corpus)} + "/" + f);
     const today = "2026-12-01";
     const out = {
       rut: await extractPdfText(rut()),
       latex: await extractPdfText(read("samples__pdflatex-4-pages.pdf"), { pages: [2, 99], maxChars: 40 }),
       locked: await extractPdfText(read("pdfium__encrypted.pdf")),
       jpeg: await extractPdfText(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])),
       huge: await extractPdfText(new Blob([new Uint8Array(65e6)])),
       nitFound: await checkPdf(rut("900.123.456-7"), { content: "text", mustContain: ["900123456", "Constructora Andina SAS"] }),
       nitOther: await checkPdf(rut("900.123.456-7"), { mustContain: ["9001234"] }),
       recent: await checkPdf(certificate("20 de noviembre de 2026"), { issuedWithinDays: 30, today }),
       edge: await checkPdf(certificate("1 de noviembre de 2026"), { issuedWithinDays: 30, today }),
       old: await checkPdf(certificate("2026/10/20"), { issuedWithinDays: 30, today: new Date(2026, 11, 1), lang: "en" }),
       future: await checkPdf(certificate("15/12/2026"), { issuedWithinDays: 30, today }),
       undated: await checkPdf(rut("900.123.456-7", "sin fecha"), { issuedWithinDays: 30, today }),
       scanned: await checkPdf(scan("gray"), { mustContain: ["900123456"] }),
       grayRgb: await checkPdf(scan("rgb-gray", 2), { color: true }),
       color: await checkPdf(scan("rgb-color", 2), { color: true }),
       at: await checkPdf(pdf({ pages: [{ text: ["x"] }], padTo: 1_000_000 }), { maxBytes: 1_000_000 }),
       over: await checkPdf(pdf({ pages: [{ text: ["x"] }], padTo: 1_048_576 }), { maxBytes: 1_000_000 }),
     };
     const misuse = [];
     for (const bad of [{ mustContain: "900123456" }, { mustContain: [""] }, { issuedWithinDays: 0 }, { issuedWithinDays: 30, today: "1/12/2026" }]) {
       try { await checkPdf(rut(), bad); misuse.push(null); } catch (e) { misuse.push(e.code); }
     }
     for (const bad of [{ pages: [0] }, { pages: "1" }, { maxChars: -1 }, null]) {
       try { await extractPdfText(rut(), bad); misuse.push(null); } catch (e) { misuse.push(e.code); }
     }
     console.log(JSON.stringify({ ...out, misuse }));`,
  );
  const o = JSON.parse(run("node", ["text.mjs"], app));
  assert.deepEqual(o.rut.pages[0].split("\n"), [
    "Formulario del Registro Único Tributario",
    "5. Número de Identificación Tributaria (NIT): 900.123.456-7",
    "35. Razón social: CONSTRUCTORA ANDINA S.A.S.",
    "Fecha generación documento PDF: 15/11/2026",
  ]);
  assert.equal(o.rut.truncated, false);
  assert.equal(o.latex.pages.length, 2);
  assert.equal(o.latex.pages[0].length, 40);
  assert.equal(o.latex.pages[1], "", "a page past the end is empty");
  assert.equal(o.latex.truncated, true);
  assert.deepEqual(o.locked, { pages: [], truncated: false });
  assert.deepEqual(o.jpeg, { pages: [], truncated: false });
  assert.deepEqual(o.huge, { pages: [], truncated: true, error: "pdf.too_large" });
  assert.deepEqual([o.nitFound.ok, o.nitFound.findings], [true, []]);
  assert.deepEqual(o.nitOther.findings.map((f) => [f.code, f.params.text]), [["pdf.missing_text", "9001234"]]);
  assert.deepEqual([o.recent.ok, o.recent.issueDate, o.recent.findings], [true, "2026-11-20", []]);
  // "menos de 30 días": 30 days old is too old.
  assert.deepEqual(o.edge.findings.map((f) => [f.code, f.params.age]), [["pdf.too_old", 30]]);
  assert.equal(o.old.findings[0].message, "The document was issued on October 20, 2026, 42 days ago, and must be less than 30 days old. Request a new one and upload it.");
  assert.deepEqual(o.future.findings.map((f) => f.code), ["pdf.issued_in_future"]);
  assert.equal(o.future.ok, true, "a date after today is a warning");
  assert.deepEqual(o.undated.findings.map((f) => [f.code, f.severity]), [["pdf.issue_date_not_found", "warning"]]);
  assert.deepEqual(o.scanned.findings.map((f) => f.code), ["pdf.text_unreadable"]);
  assert.deepEqual([o.grayRgb.findings.map((f) => f.code), o.grayRgb.info.images.sampled], [["pdf.needs_color"], 2]);
  assert.deepEqual([o.color.ok, o.color.info.images.color], [true, 2]);
  assert.deepEqual([o.at.ok, o.at.info.bytes], [true, 1_000_000]);
  assert.deepEqual(o.over.findings.map((f) => [f.code, f.params.size]), [["pdf.too_large", "1,05 MB"]]);
  assert.deepEqual(o.misuse, Array(8).fill("api.invalid_argument"));
});

test("the CLI: npx prevalida pdf|text|email|id|phone, exit codes 0/1/2", () => {
  const corpus = join(ROOT, "tests/corpus/pdf");
  const cli = (...args) => spawnSync("npx", ["--no-install", "prevalida", ...args], { cwd: app, encoding: "utf8" });
  let r = cli("pdf", join(corpus, "pdfium__encrypted.pdf"), "--max-bytes", "4000000", "--text");
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^error\tpdf\.encrypted_user\tEl PDF tiene clave para abrirlo/);
  r = cli("pdf", join(corpus, "qpdf__minimal.pdf"), "--text", "--must-contain", "potato", "--json");
  assert.equal(r.status, 0);
  assert.deepEqual(JSON.parse(r.stdout).findings, []);
  r = cli("pdf", join(corpus, "qpdf__minimal.pdf"), "--must-contain", "900.123.456-7", "--lang", "en");
  assert.equal(r.status, 1);
  assert.match(r.stdout, /pdf\.missing_text\tWe did not find “900.123.456-7” in the PDF/);
  r = cli("text", join(corpus, "qpdf__minimal.pdf"));
  assert.deepEqual([r.status, r.stdout], [0, "Potato\n"]);
  r = cli("email", "ventas@empresa,com,co");
  assert.equal(r.status, 1);
  assert.match(r.stdout, /email\.comma_in_domain/);
  assert.equal(cli("id", "co.nit", "800.197.268-4").status, 0);
  assert.equal(cli("phone", "CO", "601 2281260", "--mobile").status, 1);
  assert.equal(cli("pdf", join(corpus, "no-such-file.pdf")).status, 2);
  r = cli("frobnicate");
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^usage:/);
});

test("the CLI over many files and forms: the PDF corpus in one invocation, a form file per profile", async () => {
  const corpus = join(ROOT, "tests/corpus/pdf");
  const cli = (args, input) => spawnSync("npx", ["--no-install", "prevalida", ...args], { cwd: app, encoding: "utf8", input });
  // The whole corpus: one record per file with --json, and a summary that agrees with them.
  const pdfs = readdirSync(corpus).filter((f) => f.endsWith(".pdf"));
  let r = cli(["pdf", corpus, "--json"]);
  const records = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
  assert.equal(records.length, pdfs.length);
  const failed = records.filter((x) => !x.ok);
  assert.equal(r.status, failed.length > 0 ? 1 : 0);
  assert.deepEqual(records.map((x) => x.file.split("/").pop()).sort(), pdfs.sort());
  r = cli(["pdf", corpus]);
  assert.match(r.stdout, new RegExp(`^${pdfs.length} archivos: ${pdfs.length - failed.length} sin errores, ${failed.length} con errores\\.$`, "m"));
  const encrypted = records.filter((x) => x.findings.some((f) => f.code === "pdf.encrypted_user")).length;
  assert.match(r.stdout, new RegExp(`^ +${encrypted}  pdf\\.encrypted_user$`, "m"));
  // A form per profile: its examples pass; uploads from a folder; passwords from stdin.
  const { scan, pdf } = await import("./pdf-fixtures.mjs");
  for (const f of readdirSync(join(ROOT, "src/form/profiles"))) {
    const profile = JSON.parse(readFileSync(join(ROOT, "src/form/profiles", f), "utf8"));
    const dir = mkdtempSync(join(tmpdir(), "prevalida-form-"));
    const values = {};
    const secrets = [];
    for (const x of profile.fields) {
      if (x.kind === "password" || x.kind === "password_confirmation") secrets.push(x.example);
      else if (x.example !== undefined) values[x.name] = x.example;
    }
    for (const x of profile.fields.filter((y) => y.kind === "pdf")) {
      const lines = ["Fecha de expedición: 20 de noviembre de 2026", ...(x.mustContainFields ?? []).map((n) => values[n])];
      writeFileSync(join(dir, `${x.name}.pdf`), x.content === "scan" ? scan(x.color ? "rgb-color" : "gray") : pdf({ pages: [{ text: lines }] }));
    }
    for (const x of profile.fields.filter((y) => y.kind === "pkcs12")) writeFileSync(join(dir, `${x.name}.p12`), readFileSync(join(ROOT, "tests/fixtures/p12/modern.p12")));
    writeFileSync(join(dir, "values.json"), JSON.stringify(values));
    r = cli(["form", profile.name, join(dir, "values.json"), "--files", dir, "--today", "2026-12-01"], secrets.join("\n") + "\n");
    assert.equal(r.status, 0, `${profile.name}: ${r.stdout}${r.stderr}`);
    // A mistake: exit 1 and the field named.
    const email = profile.fields.find((y) => y.kind === "email");
    if (email) {
      writeFileSync(join(dir, "values.json"), JSON.stringify({ ...values, [email.name]: "ana@gmail,com" }));
      r = cli(["form", profile.name, join(dir, "values.json"), "--files", dir, "--today", "2026-12-01"], secrets.join("\n") + "\n");
      assert.equal(r.status, 1, profile.name);
      assert.match(r.stdout, new RegExp(`^${email.name}\terror\temail\\.comma_in_domain\t`, "m"));
    }
  }
  assert.equal(cli(["form", "nope", join(ROOT, "package.json")]).status, 2);
  // A certificate: the password from stdin, never an argument.
  const cert = join(ROOT, "tests/fixtures/p12/modern.p12");
  r = cli(["cert", cert, "--at", "2026-12-01", "--expect", "cl.rut:12.345.678-5"], "Prueba#2024\n");
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /CN=JUAN PÉREZ GÓMEZ/);
  r = cli(["cert", cert, "--at", "2026-12-01", "--expect", "cl.rut:76.086.428-5", "--lang", "en"], "Prueba#2024\n");
  assert.equal(r.status, 1);
  assert.match(r.stdout, /error\tp12\.holder_mismatch\tThe certificate belongs to 123456785/);
  assert.equal(cli(["cert", cert, "--at", "2026-12-01"], "otra\n").status, 1);
});

test("the npm page (pkg-config/README.md) names every function the package exports", async () => {
  const page = readFileSync(join(ROOT, "pkg/README.md"), "utf8");
  const exported = Object.keys(await import(join(ROOT, "pkg/node.js"))).filter((k) => /^[a-z]/.test(k));
  assert.ok(exported.length >= 20, exported.join(" "));
  assert.deepEqual(exported.filter((k) => !page.includes(`\`${k}(`)), []);
});

test("the README's 30-second example says what the package does", () => {
  writeFileSync(
    join(app, "readme.mjs"),
    `import { checkEmail, checkPassword, preparePassword } from "prevalida";
     const r = checkEmail("ventas@empresa,com,co");
     await preparePassword();
     const p = checkPassword("Colombia2024", { policy: "gse", confirmation: "Colombia2024" });
     console.log(JSON.stringify({ r, p }));`,
  );
  const { r, p } = JSON.parse(run("node", ["readme.mjs"], app));
  assert.deepEqual(r, {
    ok: false,
    normalized: "ventas@empresa,com,co",
    suggestion: "ventas@empresa.com.co",
    findings: [{
      code: "email.comma_in_domain", severity: "error", params: { suggestion: "ventas@empresa.com.co" },
      message: "Hay una coma (,) donde va un punto (.): escribe ventas@empresa.com.co",
    }],
  });
  assert.deepEqual(p.rules[0], { id: "min_length", ok: true, n: 8, message: "Al menos 8 caracteres" });
  assert.deepEqual(p.rules[4], { id: "special", ok: false, message: "Un carácter especial: ! # $ % & ( ) [ ] < = > ? @ ^ * ~ . -" });
  assert.deepEqual(p.strength, { score: 0, guessesLog10: 1.9, patterns: ["word"], provisional: false });
  assert.equal(p.findings[0].code, "password.missing_special");
});

test("TypeScript: precise types, string-literal codes, misuse rejected at compile time", () => {
  writeFileSync(
    join(app, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", lib: ["es2022", "dom"], skipLibCheck: false } }),
  );
  writeFileSync(
    join(app, "main.ts"),
    `import { checkEmail, checkPassword, checkId, checkPhone, nitCheckDigit, rutCheckDigit, dianDocumentTypes, type Code, type EmailResult, type PasswordResult, type Finding, type IdResult, type Kind, type PhoneResult, type DianDocumentType, inspectPdf, type PdfInfoResult, type PageKind, checkPdf, type PdfCheckResult, extractPdfText, checkName, type NameResult, type PdfTextResult, type PdfRules, checkCertificate, type CertResult } from "prevalida";
     checkCertificate(new Blob([]), "Prueba#2024", { at: new Date(), expect: { kind: "co.nit", value: "900123456" }, expiresSoonDays: 15 }).then((c: CertResult) => c.daysLeft);
     checkCertificate(new Uint8Array(0), undefined, { at: "2026-12-01", lang: "en" });
     // @ts-expect-error: at is a Date or a "YYYY-MM-DD" string
     checkCertificate(new Blob([]), "x", { at: 20261201 });
     const r: EmailResult = checkEmail("a@b.co", { lang: "en", field: "email" });
     const c: Code = r.findings[0]?.code ?? "email.empty";
     const f: Finding | undefined = r.findings[0];
     const n: string | number | undefined = f?.params["length"];
     const p: PasswordResult = checkPassword("x", { policy: { minLength: 12, require: ["upper", "digit"], maxRepeat: 3 } });
     const score: 0 | 1 | 2 | 3 | 4 = p.strength.score;
     // @ts-expect-error: not a code
     const bad: Code = "email.nope";
     // @ts-expect-error: policy is required
     checkPassword("x", {});
     // @ts-expect-error: unknown policy name
     checkPassword("x", { policy: "strong" });
     // @ts-expect-error: value must be a string
     checkEmail(42);
     // @ts-expect-error: lang is "es" | "en"
     checkEmail("a@b.co", { lang: "fr" });
     const id: IdResult = checkId("1.020.304.050", { kind: "13", field: "cedula" });
     const kind: Kind = id.details.kind;
     const holder: "person" | "company" | undefined = id.details.holder;
     const split: IdResult = checkId({ nit: "900204272", dv: "8" }, { kind: "co.nit" });
     const dv: number | null = nitCheckDigit("900204272");
     const k: "0" | "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "K" | null = rutCheckDigit("60803000");
     const ph: PhoneResult = checkPhone("321 123 4567", { country: "CO", type: "mobile" });
     const t: "mobile" | "fixed" | undefined = ph.type;
     const codes: DianDocumentType["code"][] = dianDocumentTypes().map((d) => d.code);
     const idCode: Code = "id.check_digit";
     const phoneCode: Code = "phone.old_fixed_format";
     // @ts-expect-error: not a kind nor a DIAN code
     checkId("1", { kind: "co.dni" });
     // @ts-expect-error: { nit, dv } only for a NIT
     checkId({ nit: "1", dv: "2" }, { kind: "cl.rut" });
     // @ts-expect-error: Peru is not a country prevalida knows
     checkPhone("1", { country: "PE" });
     // @ts-expect-error: type is "mobile" | "fixed"
     checkPhone("1", { country: "CO", type: "cell" });
     const info: Promise<PdfInfoResult> = inspectPdf(new Uint8Array(4));
     checkPdf(new Blob([]), { maxBytes: 4e6, content: "text", encryption: "forbid" }).then((r: PdfCheckResult) => {
       const code: Code | undefined = r.findings[0]?.code; const field: string | undefined = r.findings[0]?.field;
       return code;
     });
     // @ts-expect-error: content is "text" | "scan" | "any"
     checkPdf(new Blob([]), { content: "photo" });
     info.then((i) => { const e: "none" | "owner" | "user" = i.encryption; const k: PageKind | undefined = i.pageCensus[0]?.kind; return [e, k]; });
     // @ts-expect-error: a file name is not the file
     inspectPdf("a.pdf");
     const text: Promise<PdfTextResult> = extractPdfText(new Uint8Array(4), { pages: [1, 2], maxChars: 1000 });
     text.then((t) => { const first: string | undefined = t.pages[0]; const cut: boolean = t.truncated; return [first, cut]; });
     const rules: PdfRules = { mustContain: ["900123456"], issuedWithinDays: 30, today: new Date() };
     const nm: NameResult = checkName("Ana", { kind: "company", maxLength: 60 });
     // @ts-expect-error: kind is "person" | "company"
     checkName("Ana", { kind: "robot" });
     checkPdf(new Blob([]), rules).then((r) => { const d: string | undefined = r.issueDate; const m: Code = "pdf.too_old"; return [d, m]; });
     // @ts-expect-error: pages are numbers
     extractPdfText(new Uint8Array(4), { pages: ["1"] });
     // @ts-expect-error: mustContain is a list of strings
     checkPdf(new Blob([]), { mustContain: "900123456" });
     export { c, n, score, bad, kind, holder, split, dv, k, t, codes, idCode, phoneCode, nm };`,
  );
  run(join(ROOT, "node_modules/.bin/tsc"), ["-p", "."], app);
});

test("the core a page downloads stays within its budget (gzip, deterministic)", async () => {
  const { coreSize, CORE_BUDGET } = await import("../../bench/size.mjs");
  const s = coreSize(new URL("../../pkg/", import.meta.url));
  assert.ok(s.total <= CORE_BUDGET, `core ${s.total} B > ${CORE_BUDGET} B (wasm ${s.wasm}, JS ${s.glue}: ${s.glueFiles.join(" ")})`);
  // What loads with the first form is not in it.
  for (const f of ["form-engine.js", "profiles.js", "places.js", "password-data.js", "prevalida_files.js"]) assert.ok(!s.glueFiles.includes(f), f);
});
