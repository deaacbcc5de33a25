// Password strength (issue 11): checkPassword with its data loaded against zxcvbn 4.4.2 and
// @zxcvbn-ts/core 4.2.0 with its common + es-es dictionaries, on the same inputs (a sample of
// the common-password list, its variants, Spanish-pattern and random passwords; the cases
// of tests/js/password-cases.mjs). Reports the time per call (alternating rounds, medians:
// bench/timing.mjs), the score tables, and agreement with zxcvbn's score (within 1).
//   node bench/password.mjs            this package (pkg/)
//   node bench/password.mjs <pkg dir>  another build's scores, e.g. before the data (no timing)
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";
import { timeAll } from "./timing.mjs";
import { SAMPLE, SPANISH, TOP, random, table, variants } from "../tests/js/password-cases.mjs";

const require = createRequire(import.meta.url);
// PREVALIDA_PKG=<dir>: another build, timed (bench/opt-levels.sh); BENCH_FAST=1: the time per
// call against zxcvbn only (no score tables, no zxcvbn-ts).
const other = process.argv[2] ?? process.env.PREVALIDA_PKG;
const dir = other ? pathToFileURL(resolve(other) + "/").href : new URL("../pkg/", import.meta.url).href;
const fast = process.env.BENCH_FAST === "1";
const p = await import(dir + "node.js");
if (p.preparePassword) await p.preparePassword();
const ours = (pw) => p.checkPassword(pw, { policy: "gse" }).strength.score;

const sets = {
  "top 2,000": TOP.slice(0, 2000),
  "top 10,000": TOP,
  "variants of every 7th of the top 10,000": SAMPLE.flatMap(([w, i]) => variants(w, i)),
  "policy-passing (Capitalized + 1!) of the top 2,000": TOP.slice(0, 2000).map((w) => w.charAt(0).toUpperCase() + w.slice(1) + "1!"),
  "Spanish patterns": SPANISH,
  "random, 14 characters": random(14, 200, 14),
};
console.log(`node ${process.version}; ${dir}`);
if (!fast) for (const [name, list] of Object.entries(sets)) console.log(`${name} (${list.length}) by score 0..4: ${JSON.stringify(table(list.map(ours)))}`);
if (process.argv[2]) process.exit(0);

const zxcvbn = require("zxcvbn");
const { ZxcvbnFactory } = await import("@zxcvbn-ts/core");
const common = (await import("@zxcvbn-ts/language-common")).default;
const es = (await import("@zxcvbn-ts/language-es-es")).default;
const ts = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...es.dictionary },
  graphs: common.adjacencyGraphs,
  translations: es.translations,
});
console.log(`zxcvbn ${require("zxcvbn/package.json").version}; @zxcvbn-ts/core ${require("@zxcvbn-ts/core/package.json").version}`);

// Agreement with zxcvbn (within 1) on a sample of the list and its variants.
if (!fast) {
  const sample = [...TOP.filter((_, i) => i % 20 === 0), ...SAMPLE.filter((_, k) => k % 3 === 0).flatMap(([w, i]) => variants(w, i)), ...SPANISH, ...random(14, 100, 3)];
  let within = 0;
  for (const pw of sample) within += Math.abs(ours(pw) - zxcvbn(pw).score) <= 1;
  console.log(`agreement with zxcvbn within 1: ${within}/${sample.length} (${((100 * within) / sample.length).toFixed(1)} %)`);
  const zs = SPANISH.map((pw) => zxcvbn(pw).score), ts2 = SPANISH.map((pw) => ts.check(pw).score);
  console.log(`Spanish patterns weak (≤ 2): prevalida ${SPANISH.filter((pw) => ours(pw) <= 2).length}, zxcvbn ${zs.filter((s) => s <= 2).length}, zxcvbn-ts ${ts2.filter((s) => s <= 2).length} of ${SPANISH.length}`);
}

// Time per call, on the same inputs.
const inputs = [...TOP.filter((_, i) => i % 100 === 0), ...SAMPLE.filter((_, k) => k % 50 === 0).flatMap(([w, i]) => variants(w, i)), ...SPANISH, ...random(14, 20, 5)];
// zxcvbn-ts takes ≈ 10 ms a call: timed against checkPassword in few rounds of its own, so
// that the checkPassword / zxcvbn pair (≈ 15 and ≈ 400 µs) can have enough rounds to be
// steady (7 rounds of 2 passes gave 18× to 26× on one machine within minutes).
const check = (x) => p.checkPassword(x, { policy: "gse" });
const [a, b] = timeAll([check, (x) => zxcvbn(x)], inputs, 25, 5);
const [a2, c] = fast ? [NaN, NaN] : timeAll([check, (x) => ts.check(x)], inputs, 5, 1);
const vsTs = fast ? "" : `, zxcvbn-ts ${c.toFixed(1)} µs (${(c / a2).toFixed(0)}×)`;
console.log(`time per call on ${inputs.length} passwords: checkPassword ${a.toFixed(1)} µs, zxcvbn ${b.toFixed(1)} µs (${(b / a).toFixed(1)}×)${vsTs}`);
