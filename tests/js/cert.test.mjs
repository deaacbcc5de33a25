// Certificate files through the package in Node (the files module in-process): every
// fixture of tests/fixtures/p12/ (made by its make.sh with OpenSSL 3) opens with its password
// or is refused with its code; names decoded, holder identifiers found and compared.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { checkCertificate } from "../../pkg/node.js";

const file = (f) => new Uint8Array(readFileSync(new URL(`../fixtures/p12/${f}`, import.meta.url)));
const PW = "Prueba#2024";
const AT = { at: "2026-12-01" };
const codes = (r) => r.findings.map((f) => f.code);

test("every fixture opens with its password or is refused with its code", async () => {
  for (const f of ["modern.p12", "aes128_sha1mac.p12"]) {
    const r = await checkCertificate(file(f), PW, AT);
    assert.deepEqual([r.ok, r.encryption, codes(r), r.hasKey, r.keyMatchesCertificate], [true, "modern", [], true, true], f);
  }
  for (const f of ["legacy.p12", "des3_sha1.p12"]) {
    const r = await checkCertificate(file(f), PW, AT);
    assert.deepEqual([r.ok, r.encryption, codes(r), r.keyMatchesCertificate], [true, "legacy", ["p12.legacy_encryption"], true], f);
  }
  // Non-ASCII passwords, in both schemes (node-forge fails the modern one): exactly as typed.
  for (const f of ["modern_unicode.p12", "legacy_unicode.p12"]) {
    assert.equal((await checkCertificate(file(f), "Ñandú#2024", AT)).ok, true, f);
    assert.deepEqual(codes(await checkCertificate(file(f), "Ñandú#2024".normalize("NFD"), AT)), ["p12.wrong_password"], f);
  }
  const cases = [
    ["modern.p12", "prueba#2024", ["p12.wrong_password"]],
    ["modern.p12", undefined, ["p12.password_missing"]],
    ["legacy.p12", "", ["p12.wrong_password"]],
    ["certonly_nomac.p12", "cualquiera", ["p12.no_private_key", "p12.password_unverifiable"]],
    ["keyonly.p12", PW, ["p12.no_certificate"]],
    ["mismatch.p12", PW, ["p12.key_mismatch"]],
    ["expired.p12", PW, ["p12.expired"]],
    ["notyet.p12", PW, ["p12.not_yet_valid"]],
    ["iter2m.p12", PW, ["p12.too_complex"]],
    ["truncated.p12", PW, ["p12.damaged"]],
    ["cert.pem", PW, ["p12.not_pkcs12"]],
  ];
  for (const [f, pw, want] of cases) assert.deepEqual(codes(await checkCertificate(file(f), pw, AT)), want, f);
});

test("names, dates and the holder as the form types it; messages in both languages", async () => {
  const r = await checkCertificate(file("modern.p12"), PW, { at: "2027-12-10", lang: "en" });
  assert.match(r.subject, /CN=JUAN PÉREZ GÓMEZ/);
  assert.equal(r.notAfter.slice(0, 10), "2027-12-31");
  assert.equal(r.daysLeft, 21);
  assert.deepEqual(codes(r), ["p12.expires_soon"]);
  assert.match(r.findings[0].message, /expires in 21 days/);
  assert.ok(r.holderIds.some((h) => h.kind === "cl.rut" && h.value === "123456785" && h.source === "san:1.3.6.1.4.1.8321.1"));
  for (const expect of [{ kind: "cl.rut", value: "12.345.678-5" }, { kind: "co.nit", value: "900.123.456-7" }, { kind: "31", value: "900123456" }]) {
    assert.equal((await checkCertificate(file("modern.p12"), PW, { ...AT, expect })).ok, true, JSON.stringify(expect));
  }
  const other = await checkCertificate(file("modern.p12"), PW, { ...AT, expect: { kind: "cl.rut", value: "76.086.428-5" } });
  assert.deepEqual(codes(other), ["p12.holder_mismatch"]);
  assert.match(other.findings[0].message, /^El certificado es de 123456785, no de 76\.086\.428-5/);
  // A Date works for `at`; misuse is a coded rejection.
  assert.equal((await checkCertificate(file("modern.p12"), PW, { at: new Date(2026, 11, 1) })).ok, true);
  await assert.rejects(checkCertificate(file("modern.p12"), 1234), (e) => e.code === "api.invalid_argument");
  await assert.rejects(checkCertificate(file("modern.p12"), PW, { at: "ayer" }), (e) => e.code === "api.invalid_argument");
});

test("PBES2 keys derived with WebCrypto answer exactly what the module derives itself", async () => {
  // The package derives PBES2 keys with the platform's PBKDF2 (files-keys.js) when it has
  // WebCrypto; without it (or when WebCrypto fails) the module derives them in wasm.
  const FILES = [
    ["modern.p12", PW], ["aes128_sha1mac.p12", PW], ["modern_unicode.p12", "Ñandú#2024"],
    ["modern.p12", "prueba#2024"], ["modern.p12", ""], ["modern.p12", undefined],
    ["legacy.p12", PW], ["mismatch.p12", PW], ["iter2m.p12", PW], ["truncated.p12", PW],
    ["nomac_aes.p12", PW], ["nomac_aes.p12", "Otra#2024"],
  ];
  const withCrypto = [];
  for (const [f, pw] of FILES) withCrypto.push(await checkCertificate(file(f), pw, AT));
  const own = Object.getOwnPropertyDescriptor(globalThis, "crypto");
  Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true });
  try {
    for (const [i, [f, pw]] of FILES.entries()) {
      assert.deepEqual(await checkCertificate(file(f), pw, AT), withCrypto[i], `${f} ${pw}`);
    }
  } finally {
    Object.defineProperty(globalThis, "crypto", own);
  }
  // A WebCrypto that answers wrong keys (a broken platform) cannot change an answer: a key
  // that does not decrypt is derived again in wasm.
  const subtle = globalThis.crypto.subtle;
  const deriveBits = subtle.deriveBits;
  let calls = 0;
  subtle.deriveBits = async (params, key, bits) => (calls++, new Uint8Array(bits / 8).fill(7).buffer);
  try {
    for (const [i, [f, pw]] of FILES.entries()) {
      assert.deepEqual(await checkCertificate(file(f), pw, AT), withCrypto[i], `${f} ${pw} (wrong keys)`);
    }
  } finally {
    subtle.deriveBits = deriveBits;
  }
  assert.ok(calls >= 8, `WebCrypto was asked ${calls} times`); // two per PBES2 file with a MAC that is not refused
  assert.equal(withCrypto[0].ok, true);
  // Without a MAC only decryption tells the password: a wrong one is refused, keys or not.
  assert.deepEqual([withCrypto.at(-2).ok, codes(withCrypto.at(-1))], [true, ["p12.wrong_password"]]);
});

test("validity to the second when the check has an instant, counted in the applicant's own days", async () => {
  const tz = process.env.TZ;
  process.env.TZ = "America/Bogota"; // UTC−5: the certificate's last second is 18:59:59 there
  try {
    const codesAt = async (at) => {
      const r = await checkCertificate(file("modern.p12"), PW, { at });
      return [codes(r), r.daysLeft];
    };
    const { notAfter } = await checkCertificate(file("modern.p12"), PW, AT);
    assert.equal(notAfter, "2027-12-31T23:59:59Z");
    const end = Date.parse(notAfter);
    assert.equal(new Date(end + 3_600_000).getDate(), 31, "20:59:59 in Bogotá is still 31 December");
    assert.deepEqual(await codesAt(new Date(end - 1000)), [["p12.expires_soon"], 0]);
    assert.deepEqual(await codesAt(new Date(end + 3_600_000)), [["p12.expired"], -1]);
    // A day without an hour: valid through the day the certificate names.
    assert.deepEqual(await codesAt("2027-12-31"), [["p12.expires_soon"], 0]);
    assert.deepEqual(await codesAt("2028-01-01"), [["p12.expired"], -1]);
    // The first second: not yet valid one second before it (2026-01-01T00:00:00Z).
    assert.deepEqual((await codesAt(new Date(Date.parse("2026-01-01T00:00:00Z") - 1000)))[0], ["p12.not_yet_valid"]);
    assert.deepEqual((await codesAt(new Date(Date.parse("2026-01-01T00:00:00Z"))))[0], []);
    // East of UTC (Tokyo, UTC+9): the last second is 08:59:59 on 1 January there, so on the
    // evening of 31 December one day is left.
    process.env.TZ = "Asia/Tokyo";
    assert.deepEqual(await codesAt(new Date(end - 12 * 3_600_000)), [["p12.expires_soon"], 1]);
  } finally {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  }
});
