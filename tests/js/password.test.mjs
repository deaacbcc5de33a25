// checkPassword through the package, before and after its data has loaded (issue 11).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as p from "../../pkg/node.js";
import { PERSONAL, SAMPLE, SPANISH, TOP, random, variants } from "./password-cases.mjs";

const gse = { policy: "gse" };
const score = (pw, personal) => p.checkPassword(pw, { policy: "gse", personal }).strength.score;

test("before the data: provisional, the same checklist and verdict; after: the big lists", async () => {
  const before = p.checkPassword("Harley1!", gse);
  assert.equal(before.strength.provisional, true);
  await p.preparePassword();
  await p.preparePassword(); // once
  const after = p.checkPassword("Harley1!", gse);
  assert.equal(after.strength.provisional, false);
  assert.deepEqual([after.ok, after.rules], [before.ok, before.rules]);
  assert.ok(after.strength.score <= 1, JSON.stringify(after.strength));
  assert.deepEqual(after.strength.patterns, ["common_variant"]);
  const weak = after.findings.find((f) => f.code === "password.weak");
  assert.match(weak.message, /muy usada con mayúsculas, números o un símbolo añadidos/);
  const en = p.checkPassword("Harley1!", { policy: "gse", lang: "en" }).findings.find((f) => f.code === "password.weak");
  assert.match(en.message, /very common password with capitals, digits or a symbol added/);
  assert.deepEqual(p.checkPassword("drowssaP1!", gse).strength.patterns, ["reversed"]);
});

test("the top 10,000 and the variants of a held-apart sample score at most 1", async () => {
  await p.preparePassword();
  const over = TOP.filter((w) => score(w) > 1);
  for (const [w, i] of SAMPLE) over.push(...variants(w, i).filter((v) => score(v) > 1));
  assert.deepEqual(over, []);
});

test("Spanish patterns and personal data stay weak; random passwords of 14+ stay strong", async () => {
  await p.preparePassword();
  for (const pw of SPANISH) assert.ok(score(pw) <= 1, pw);
  for (const [pw, personal] of PERSONAL) assert.ok(score(pw, personal) <= 1, pw);
  for (const len of [14, 16, 20, 32]) for (const pw of random(len, 200, 7 * len)) assert.ok(score(pw) >= 3, pw);
});

test("data that cannot be loaded: preparePassword resolves, the estimate stays provisional", async () => {
  // A copy of the package without its password data (a blocked or failed download).
  const { cpSync, mkdtempSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const { join } = await import("node:path");
  const dir = mkdtempSync(join(tmpdir(), "prevalida-nodata-"));
  try {
    cpSync(new URL("../../pkg/", import.meta.url), dir, { recursive: true });
    rmSync(join(dir, "password-data.js"));
    const q = await import(join(dir, "node.js"));
    await q.preparePassword(); // resolves; a rejection fails this test
    const r = q.checkPassword("Harley1!", gse);
    assert.equal(r.strength.provisional, true);
    assert.deepEqual(r.rules.map((x) => x.ok), p.checkPassword("Harley1!", gse).rules.map((x) => x.ok));
    await q.preparePassword(); // tried again, still resolves
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
