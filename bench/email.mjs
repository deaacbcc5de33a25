// Email with a fix, against the classic pair a portal would otherwise use: validator.isEmail
// (the verdict) + mailcheck's Mailcheck.run (the "did you mean" suggestion), on the same
// inputs: the mistakes of tests/fixtures/email-mistakes.json and its valid addresses. Two
// figures: time per address (alternating rounds, medians: bench/timing.mjs), valid and
// mistaken addresses apart; and how often each gives the right suggestion on that corpus
// (the expected whole address), and how often it suggests something for a valid address.
//   node bench/email.mjs
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { timeAll } from "./timing.mjs";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

// PREVALIDA_PKG=<dir>: another build of the package (bench/opt-levels.sh).
const pkg = process.env.PREVALIDA_PKG ? pathToFileURL(resolve(process.env.PREVALIDA_PKG) + "/").href : new URL("../pkg/", import.meta.url).href;
const { checkEmail } = await import(pkg + "node.js");

const require = createRequire(import.meta.url);
const validator = require("validator");
const Mailcheck = require("mailcheck");

const corpus = JSON.parse(readFileSync(new URL("../tests/fixtures/email-mistakes.json", import.meta.url), "utf8"));
const valid = corpus.filter((c) => c.code === null).map((c) => c.input);
const mistakes = corpus.filter((c) => c.code !== null).map((c) => c.input);

/** validator.isEmail, then mailcheck's suggestion (its callback API, as its README shows). */
function peer(email) {
  const ok = validator.isEmail(email);
  let suggestion = null;
  Mailcheck.run({ email, suggested: (s) => (suggestion = s.full), empty: () => {} });
  return { ok, suggestion };
}
const ours = (email) => checkEmail(email);

console.log(`node ${process.version}; validator ${require("validator/package.json").version}; mailcheck ${require("mailcheck/package.json").version}`);
console.log(`corpus: ${corpus.length} addresses (${mistakes.length} mistakes, ${valid.length} valid)\n`);
const ratio = [];
for (const [name, set] of [["mistakes", mistakes], ["valid", valid]]) {
  const [a, b] = timeAll([ours, peer], set, 21, 20);
  ratio.push(b / a);
  console.log(`${name.padEnd(9)} checkEmail ${a.toFixed(2).padStart(7)} µs   validator.isEmail + Mailcheck.run ${b.toFixed(2).padStart(7)} µs   → prevalida ${(b / a).toFixed(1)}× (goal ≥ 3×)`);
}

// Suggestions: right (the expected whole address), wrong (another one), none.
const tally = { ours: { right: 0, wrong: 0, none: 0, onValid: 0 }, peer: { right: 0, wrong: 0, none: 0, onValid: 0 } };
const byCategory = new Map();
for (const c of corpus) {
  const mine = ours(c.input).suggestion ?? null;
  const theirs = peer(c.input).suggestion;
  for (const [who, s] of [["ours", mine], ["peer", theirs]]) {
    if (c.suggestion === null) {
      if (c.code === null && s !== null) tally[who].onValid++;
      continue;
    }
    tally[who][s === c.suggestion ? "right" : s === null ? "none" : "wrong"]++;
  }
  if (c.suggestion !== null) {
    const k = byCategory.get(c.category) ?? { n: 0, ours: 0, peer: 0 };
    k.n++;
    k.ours += mine === c.suggestion;
    k.peer += theirs === c.suggestion;
    byCategory.set(c.category, k);
  }
}
const withFix = corpus.filter((c) => c.suggestion !== null).length;
console.log(`\nright suggestion on the ${withFix} mistakes whose intent is clear:`);
for (const who of ["ours", "peer"]) {
  const t = tally[who];
  console.log(`  ${who === "ours" ? "prevalida" : "mailcheck"}  right ${t.right}, wrong ${t.wrong}, none ${t.none}; a suggestion on ${t.onValid} of ${valid.length} valid addresses`);
}
console.log("\nby category (right / with a clear fix): prevalida, mailcheck");
for (const [cat, k] of [...byCategory].sort()) console.log(`  ${cat.padEnd(18)} ${String(k.ours).padStart(3)} / ${k.n}   ${String(k.peer).padStart(3)} / ${k.n}`);
