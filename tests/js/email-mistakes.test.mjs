// tests/fixtures/email-mistakes.json through the package (pkg/, after scripts/build.sh):
// the same cases as the native tests/email_mistakes.rs, each with its code (the first
// finding's, `email.idn` not counted; null for none) and its suggestion or none. Also the
// huge inputs that the package judges from a bounded part (pkg-config/instance.js), and
// the published domain lists.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const PKG = new URL("../../pkg/", import.meta.url);
const { checkEmail, checkPassword } = await import(new URL("node.js", PKG));
const cases = JSON.parse(readFileSync(new URL("../fixtures/email-mistakes.json", import.meta.url), "utf8"));

test("every mistake of the corpus gets its code and its suggestion", () => {
  assert.ok(cases.length >= 150);
  const failures = [];
  for (const c of cases) {
    const r = checkEmail(c.input);
    const first = r.findings.find((f) => f.code !== "email.idn")?.code ?? null;
    const errors = r.findings.some((f) => f.severity === "error");
    if (first !== c.code || (r.suggestion ?? null) !== c.suggestion || r.ok === errors) {
      failures.push(`${JSON.stringify(c.input)} [${c.category}]: got ${first} / ${r.suggestion}, want ${c.code} / ${c.suggestion}`);
    }
    if (r.suggestion) assert.equal(checkEmail(r.suggestion).findings.filter((f) => f.severity === "error").length, 0, r.suggestion);
  }
  assert.deepEqual(failures, []);
});

test("valid regional addresses get no finding and no suggestion", () => {
  for (const c of cases.filter((c) => c.category === "valid_regional")) {
    const r = checkEmail(c.input);
    assert.ok(r.ok && r.findings.length === 0 && r.suggestion === undefined, c.input);
  }
});

test("huge inputs keep their codes and their exact lengths", () => {
  const big = "a".repeat(1 << 20);
  let r = checkEmail(big + "@x.co");
  assert.equal(r.findings[0].code, "email.too_long");
  assert.equal(r.findings[0].params.length, (1 << 20) + 5);
  assert.match(r.findings[0].message, /1048581/);
  // Two-unit characters, spaces around, a surrogate pair at the cut: the count stays exact.
  const emoji = "😀".repeat(3000) + "é".repeat(9000) + "@x.co";
  r = checkEmail("  " + emoji + "\u200b");
  assert.equal(r.findings.find((f) => f.code === "email.too_long").params.length, 3000 + 9000 + 5);
  // Mostly spaces: the part cannot tell, the whole value is checked.
  r = checkEmail(" ".repeat(1 << 20) + "ana@gmail.com" + "\n".repeat(1 << 16));
  assert.ok(r.ok);
  assert.equal(r.normalized, "ana@gmail.com");
  assert.deepEqual(r.findings.map((f) => f.code), ["email.surrounding_spaces"]);
  r = checkEmail("\u200b".repeat(1 << 16) + "ana@gmail,com");
  assert.equal(r.suggestion, "ana@gmail.com");
  r = checkEmail(" ".repeat(1 << 20) + "x".repeat(20000) + "@x.co ");
  assert.equal(r.findings[0].code, "email.too_long");
  assert.equal(r.findings[0].params.length, 20005);

  let p = checkPassword(big, { policy: "gse" });
  assert.equal(p.findings[0].code, "password.too_long");
  assert.equal(p.findings[0].params.length, 1 << 20);
  assert.ok(p.findings.some((f) => f.code === "password.missing_upper"));
  p = checkPassword("😀".repeat(5000), { policy: { maxLength: 64 } });
  assert.equal(p.findings[0].params.length, 5000);
  assert.equal(p.findings[0].params.max, 64);
  // The confirmation: equal stays equal, different stays different.
  const strong = "Ab1#".repeat(1 << 16);
  assert.ok(!checkPassword(strong, { policy: "gse", confirmation: strong }).findings.some((f) => f.code === "password.mismatch"));
  for (const conf of [strong + "x", strong.slice(0, 4096), strong.slice(0, 5000), "short"]) {
    assert.ok(checkPassword(strong, { policy: "gse", confirmation: conf }).findings.some((f) => f.code === "password.mismatch"), conf.length);
  }
});

test("the built-in provider and official domain lists are published as data", () => {
  const data = JSON.parse(readFileSync(new URL("email-domains.json", PKG), "utf8"));
  for (const d of ["gmail.com", "hotmail.es", "une.net.co"]) assert.ok(data.providers.includes(d), d);
  for (const d of ["dian.gov.co", "sii.cl", "sri.gob.ec", "gmail.com"]) assert.ok(data.official.includes(d), d);
  const pkg = JSON.parse(readFileSync(new URL("package.json", PKG), "utf8"));
  assert.ok(pkg.files.includes("email-domains.json"));
  assert.equal(pkg.exports["./email-domains.json"], "./email-domains.json");
});
