// Form values under mutation (issue 14 item 1, the entry point cargo-fuzz cannot reach: the
// form engine is the package's JS, composing the core's checks and the files module). Every
// built-in profile gets its valid submission mutated the ways hostile or clumsy input looks:
// characters inserted, deleted and repeated, invisible and look-alike letters, huge values,
// values of the wrong type, fields missing or unknown, uploads cut, flipped or swapped.
// Invariants, for every input, as in fuzz/src/lib.rs: checkForm resolves (never throws for a
// value), every code is in the published table with the table's severity, every field of the
// profile is answered and nothing else, `ok` is false exactly when a finding is an error, the
// same input twice gives the same answer, and checkField agrees with checkForm on typed fields.
//
// Deterministic: a fixed-seed generator, a fixed number of cases; the same inputs on every
// machine, so it cannot fail by chance.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as p from "../../pkg/node.js";
import { TODAY, submission } from "./form-cases.mjs";

/** xorshift32: small, fixed, enough to spread the mutations. */
function rng(seed) {
  let s = seed >>> 0 || 1;
  const next = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
  return { int: (n) => Math.floor(next() * n), pick: (a) => a[Math.floor(next() * a.length)] };
}

// What lands in form fields: separators, digits, look-alikes, invisibles, controls, astral.
const ALPHABET = [
  ..."aZ09@.,-_#+ /()'\"<>;:ñÑáéÓüK",
  "\u00a0", "\u200b", "\ufeff", "\r\n", "\t", "\u0000", "\u202e", "＠", "。", "ｇ", "а", "о", "е",
  "\ud83d\ude00", "\ud800", "0x", "ℓ", "ﬁ", "İ",
];

function mutateText(r, s) {
  const a = [...s];
  for (let k = 1 + r.int(4); k > 0; k--) {
    const i = r.int(a.length + 1);
    switch (r.int(7)) {
      case 0: a.splice(i, 0, r.pick(ALPHABET)); break;
      case 1: a.splice(i, 1); break;
      case 2: if (a.length) a.splice(i, 0, ...Array(1 + r.int(40)).fill(a[Math.min(i, a.length - 1)])); break;
      case 3: a.reverse(); break;
      case 4: a.length = r.int(a.length + 1); break;
      case 5: a.splice(i, 0, r.pick(ALPHABET).repeat(1 + r.int(3000))); break;
      default: a[i] = r.pick(ALPHABET);
    }
  }
  return a.join("");
}

function mutateBytes(r, b) {
  const out = new Uint8Array(b);
  switch (r.int(4)) {
    case 0: return out.subarray(0, r.int(out.length + 1));
    case 1: for (let k = 0; k < 8; k++) out[r.int(out.length)] = r.int(256); return out;
    case 2: return new Uint8Array(r.int(64)).map(() => r.int(256));
    default: return new TextEncoder().encode("%PDF-1.7\n" + "1 0 obj <<".repeat(1 + r.int(50)));
  }
}

function mutate(r, values, names) {
  const v = { ...values };
  for (let k = 1 + r.int(3); k > 0; k--) {
    const name = r.pick(names);
    const cur = v[name];
    switch (r.int(10)) {
      case 0: delete v[name]; break;
      case 1: v[name] = r.pick([null, undefined, 0, 1e21, -1, NaN, true, false, ""]); break;
      case 2: v[`desconocido${r.int(3)}`] = mutateText(r, "x"); break;
      case 3: v[name] = v[r.pick(names)]; break; // a value pasted in the wrong field
      default:
        v[name] = cur instanceof Uint8Array ? mutateBytes(r, cur) : mutateText(r, cur == null ? "" : String(cur));
    }
  }
  return v;
}

test("every profile's form values, mutated: checkForm keeps its invariants", async () => {
  const table = new Map(p.listCodes().map((c) => [c.code, c.severity]));
  let cases = 0;
  for (const [i, profile] of p.profiles().entries()) {
    await p.prepareForm(profile);
    const fields = p.describeProfile(profile).fields;
    const names = fields.map((f) => f.name);
    const typed = new Set(fields.filter((f) => f.kind !== "pdf" && f.kind !== "pkcs12").map((f) => f.name));
    const good = submission(profile);
    const r = rng(0x9e3779b9 + i);
    for (let n = 0; n < 100; n++) {
      const values = mutate(r, good, names);
      // Files only on every fourth case: the files module is the slow part, and the
      // PDF and certificate targets of scripts/fuzz.sh cover it byte by byte.
      const options = { today: TODAY, lang: r.pick(["es", "en"]), skipFiles: n % 4 !== 0 };
      const what = `${profile} case ${n}`;
      const res = await p.checkForm(profile, values, options);
      assert.deepEqual(Object.keys(res.fields), names, what);
      let errors = false;
      for (const f of res.findings) {
        assert.ok(table.has(f.code), `${what}: ${f.code} is not in listCodes()`);
        assert.equal(f.severity, table.get(f.code), `${what}: ${f.code} severity`);
        assert.equal(typeof f.message, "string", `${what}: ${f.code} message`);
        assert.ok(f.message.length > 0 && !/\{[a-zA-Z_]+\}/.test(f.message), `${what}: ${f.code} message ${f.message}`);
        errors ||= f.severity === "error";
      }
      assert.equal(res.ok, !errors, `${what}: ok must be false exactly when a finding is an error`);
      const again = await p.checkForm(profile, values, options);
      assert.deepEqual(again, res, `${what}: not deterministic`);
      // A typed field checked alone gives the codes checkForm gave it.
      const name = r.pick([...typed]);
      if (name !== undefined && typeof values[name] === "string") {
        const one = p.checkField(profile, name, values[name], values, { lang: options.lang });
        assert.deepEqual(
          one.findings.map((f) => f.code).sort(),
          res.fields[name].map((f) => f.code).sort(),
          `${what}: checkField(${name}) disagrees with checkForm`,
        );
      }
      cases++;
    }
  }
  assert.equal(cases, 100 * p.profiles().length);
});
