// Two builds of the package in one Node process, on the same inputs, alternating rounds:
// the before/after figure of a change (ARCHITECTURE.md; docs/figures.md).
//   node bench/compare-builds.mjs <before pkg dir> <after pkg dir>
//   BENCH_STAT=min BENCH_ROUNDS=80 node bench/compare-builds.mjs …   the typed checks by the
//   fastest of 80 rounds (bench/timing.mjs): steadier on a loaded machine (the PDF rows keep
//   their median of 9)
// Either build may have the 0.1 positional signatures checkId(kind, value) and
// checkPhone(country, value), or the (value, options) ones: each is called its own way.
import { readFileSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { timeAll } from "./timing.mjs";

const [beforeDir, afterDir] = process.argv.slice(2).map((d) => resolve(d));
if (!afterDir) throw new Error("usage: node bench/compare-builds.mjs <before pkg dir> <after pkg dir>");
const load = async (dir) => {
  const m = await import(pathToFileURL(`${dir}/node.js`).href);
  const positional = m.checkId.length === 3;
  return {
    email: (x) => m.checkEmail(x),
    password: (x) => m.checkPassword(x, { policy: "gse" }),
    id: positional ? ([k, x]) => m.checkId(k, x) : ([kind, x]) => m.checkId(x, { kind }),
    phone: positional ? ([c, x]) => m.checkPhone(c, x) : ([country, x]) => m.checkPhone(x, { country }),
    inspect: (b) => m.inspectPdf(b),
    check: (b) => m.checkPdf(b, { maxBytes: 4_000_000, content: "text", mustContain: ["900123456"], issuedWithinDays: 30, today: "2026-12-01" }),
  };
};
const [before, after] = [await load(beforeDir), await load(afterDir)];

const EMAILS_VALID = ["dguerrero@dian.gov.co", "facturacion@empresa.com.co", "ana.maria+dian@gmail.com", "CONTABILIDAD@EMPRESA.COM.CO", "Maria.Lopez@Hotmail.com", "x@xn--espaol-zwa.com"];
const EMAILS_MISTAKES = ["ventas@empresa,com,co", "ana@gmail.con", "ana@hotmial.com", "ana maria@gmail.com", " ana@gmail.com ", "ana@gmail", "a@b@c.com", "peña@gmail.com", "pagos@diаn.gov.co", ""];
const PASSWORDS = ["Colombia2024*", "Contraseña1", "abc", "Vaca-Azul-Monte-42", "Qwerty123!", "P@ssw0rd", "x7#Qm!pz9@Lw2$"];
const IDS = [["co.nit", "8001972684"], ["co.nit", "900.204.272-8"], ["co.nit", "800197268-5"], ["cl.rut", "60803000-K"], ["cl.rut", "76086428-4"], ["ec.ruc", "1793213150001"], ["ec.ruc", "1710034066001"]];
const PHONES = [["CO", "3211234567"], ["CO", "+57 321 123 4567"], ["CO", "2281260"], ["CL", "+56 9 6123 4567"], ["EC", "(02) 212-3456"]];

const timeBoth = (name, inputs, rounds = 31, reps = 200) => timeAll([before[name], after[name]], inputs, rounds, reps);
async function timeBothAsync(name, inputs, rounds = 9) {
  const fns = [before[name], after[name]];
  for (const fn of fns) for (const x of inputs) await fn(x);
  const samples = [[], []];
  for (let r = 0; r < rounds; r++) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      for (const x of inputs) await fn(x);
      samples[k].push((performance.now() - t) / inputs.length);
    }
  }
  return samples.map((s) => s.sort((a, b) => a - b)[s.length >> 1]);
}

const line = (what, [b, a], unit) =>
  console.log(`${what.padEnd(34)} before ${b.toFixed(2).padStart(8)} ${unit}   after ${a.toFixed(2).padStart(8)} ${unit}   after/before ${(a / b).toFixed(3)}`);
console.log(`node ${process.version}; before ${beforeDir}; after ${afterDir}\n`);
line("checkEmail (valid)", timeBoth("email", EMAILS_VALID), "µs");
line("checkEmail (mistakes)", timeBoth("email", EMAILS_MISTAKES), "µs");
line("checkPassword (gse + strength)", timeBoth("password", PASSWORDS, 11, 20), "µs");
line("checkId", timeBoth("id", IDS), "µs");
line("checkPhone", timeBoth("phone", PHONES), "µs");
const corpus = new URL("../tests/corpus/pdf/", import.meta.url);
const pdfs = readdirSync(corpus).filter((f) => f.endsWith(".pdf")).map((f) => new Uint8Array(readFileSync(new URL(f, corpus))));
line(`inspectPdf (${pdfs.length} corpus files)`, await timeBothAsync("inspect", pdfs), "ms");
line(`checkPdf, text rules (${pdfs.length} files)`, await timeBothAsync("check", pdfs), "ms");

// Sizes: what a page downloads with the core (the .wasm and every JS module index.js
// imports, statically), and the files module (its .wasm, glue and worker).
const gz = (dir, f) => gzipSync(readFileSync(`${dir}/${f}`), { level: 9 }).length;
const closure = (dir, f, seen = new Set()) => {
  if (seen.has(f)) return seen;
  seen.add(f);
  for (const [, dep] of readFileSync(`${dir}/${f}`, "utf8").matchAll(/(?:from|import)\s*"\.\/([\w.-]+\.js)"/g)) closure(dir, dep, seen);
  return seen;
};
console.log("\nsize (gzip -9, bytes)");
for (const [label, dir] of [["before", beforeDir], ["after", afterDir]]) {
  const glue = [...closure(dir, "index.js")];
  const js = glue.reduce((n, f) => n + gz(dir, f), 0);
  const wasm = gz(dir, "prevalida_bg.wasm");
  const filesWasm = readdirSync(dir).find((f) => /^prevalida_(pdf|files)_bg\.wasm$/.test(f));
  const filesGlue = readdirSync(dir).filter((f) => /^prevalida_(pdf|files)\.js$|^(pdf|files)-worker\.js$/.test(f));
  console.log(`  ${label.padEnd(6)} core ${wasm + js} (wasm ${wasm} + JS ${js}: ${glue.length} files); ` +
    `files module ${gz(dir, filesWasm) + filesGlue.reduce((n, f) => n + gz(dir, f), 0)} (${filesWasm} ${gz(dir, filesWasm)})`);
}
