// `make bench`: prevalida against its peers on the same inputs, in one Node process,
// through the real JS↔wasm boundary (the package's own Node entry in pkg/).
//   checkEmail     vs validator.isEmail
//   checkPassword  vs validator.isStrongPassword and zxcvbn   (policy + strength)
// Prints per-call µs (median of rounds) and ratios, the 1 MB inputs, and the gzip size
// of what a page downloads for the core: the .wasm and the JS glue.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createRequire } from "node:module";
import { checkEmail, checkId, checkPassword, checkPhone, preparePassword } from "../pkg/node.js";
import { coreSize } from "./size.mjs";
import { timeAll } from "./timing.mjs";

const require = createRequire(import.meta.url);
// checkPassword with its data loaded (password-data.js), as a page has it after the first call.
await preparePassword();
const validator = require("validator");
const zxcvbn = require("zxcvbn");
const { parsePhoneNumberFromString } = require("libphonenumber-js/max");

// Addresses as applicants submit them (valid, mixed case, subaddresses, long company
// domains) and the mistakes the seeds report, timed separately: on a mistake prevalida does
// more (it names the mistake, in Spanish, with a fix) than a yes/no validator.
const EMAILS_VALID = [
  "dguerrero@dian.gov.co", "facturacion@empresa.com.co", "ana.maria+dian@gmail.com",
  "contacto@siigo.com", "rep.legal@empresa.cl", "juan_perez@sri.gob.ec", "x@xn--espaol-zwa.com",
  "CONTABILIDAD@EMPRESA.COM.CO", "notificaciones.electronicas@constructora-andina.com.co",
  "gerencia@importadora.ec", "ana@yahoo.es", "Maria.Lopez@Hotmail.com", "pagos.proveedores@grupo-exito.com",
  "jgomez1984@outlook.com", "tesoreria@alcaldia.gov.co", "soporte@icert.fje.gob.ec",
];
const EMAILS_MISTAKES = [
  "ventas@empresa,com,co", "ana@gmail.con", "ana@hotmial.com", "ana maria@gmail.com", " ana@gmail.com ",
  "ana@gmail", "ana..b@gmail.com", ".ana@gmail.com", "a@b@c.com", "juan.gmail.com", "peña@gmail.com",
  "info@español.com", "dguerrero@diان.gov.co", "ana@-empresa.com", "pagos@diаn.gov.co", "",
];
const EMAILS = [...EMAILS_VALID, ...EMAILS_MISTAKES];
const PASSWORDS = [
  "Colombia2024*", "Contraseña1", "abc", "Vaca-Azul-Monte-42", "Qwerty123!", "123456",
  "Millonarios10#", "T9#kq!Lm2@xZ", "ÑANDU2024", "Contable_2024", "P@ssw0rd", "maria1990",
  "Rodrigo.Pardo77", "tres tristes tigres comen trigo", "Bogota.2026", "aaaaaaaaaa",
  "Facturacion#2025", "1q2w3e4r5t", "Sol-Luna-Mar-19", "x7#Qm!pz9@Lw2$",
];

const fmt = (us) => `${us.toFixed(2).padStart(9)} µs/call`;
const rows = [];
const row = (name, us) => (rows.push([name, us]), console.log(`${name.padEnd(44)}${fmt(us)}`));

console.log(`node ${process.version}; ${EMAILS.length} emails, ${PASSWORDS.length} passwords\n`);
const emailSets = { valid: EMAILS_VALID, mistakes: EMAILS_MISTAKES, all: EMAILS };
const email = {};
for (const [name, set] of Object.entries(emailSets)) {
  const [pv, v] = timeAll([(x) => checkEmail(x), (x) => validator.isEmail(x)], set);
  email[name] = { pv, v };
  row(`prevalida checkEmail (${name}, ${set.length})`, pv);
  row(`validator.isEmail (${name}, ${set.length})`, v);
}
const [pvPass, vPass, zPass] = timeAll(
  [(x) => checkPassword(x, { policy: "gse" }), (x) => validator.isStrongPassword(x, { returnScore: true }), (x) => zxcvbn(x)],
  PASSWORDS,
  11,
  5,
);
row("prevalida checkPassword (gse + strength)", pvPass);
row("validator.isStrongPassword (returnScore)", vPass);
row("zxcvbn", zPass);

console.log("\nratios (peer time / prevalida time; > 1 means prevalida is faster)");
for (const name of Object.keys(emailSets)) {
  const { pv, v } = email[name];
  console.log(`  checkEmail    vs validator.isEmail (${name.padEnd(8)}) ${(v / pv).toFixed(1)}×   (goal ≥ 4×)`);
}
console.log(`  checkPassword vs zxcvbn                     ${(zPass / pvPass).toFixed(1)}×   (goal ≥ 20×)`);
console.log(`  checkPassword vs validator.isStrongPassword ${(vPass / pvPass).toFixed(1)}×`);

// Identifiers and phones as applicants type them, valid and mistaken. Peers get the same
// strings: validator.isVAT (a format regex per country, no check digit), validator.isMobilePhone
// (a regex per locale) and libphonenumber-js with its full ("max") metadata.
const IDS = [
  ["CO", "co.nit", "8001972684"], ["CO", "co.nit", "900.204.272-8"], ["CO", "co.nit", "800197268-5"],
  ["CO", "co.nit", "830048145-8"], ["CL", "cl.rut", "60803000-K"], ["CL", "cl.rut", "76086428-5"],
  ["CL", "cl.rut", "12.531.909-2"], ["CL", "cl.rut", "76086428-4"], ["EC", "ec.ruc", "1793213150001"],
  ["EC", "ec.ruc", "1710034065001"], ["EC", "ec.ruc", "1710034066001"], ["EC", "ec.ruc", "0992397535001"],
];
const PHONES = [
  ["CO", "es-CO", "3211234567"], ["CO", "es-CO", "+57 321 123 4567"], ["CO", "es-CO", "601 2281260"],
  ["CO", "es-CO", "2281260"], ["CL", "es-CL", "+56 9 6123 4567"], ["CL", "es-CL", "+56 9 1234 5678"],
  ["CL", "es-CL", "22 123 4567"], ["EC", "es-EC", "099 123 4567"], ["EC", "es-EC", "(02) 212-3456"],
  ["EC", "es-EC", "0941234567"],
];
const [pvId, vId, lId] = timeAll(
  [([, kind, x]) => checkId(x, { kind }), ([c, , x]) => validator.isVAT(x, c), () => 0],
  IDS,
);
const [pvPh, vPh, lPh] = timeAll(
  [
    ([country, , x]) => checkPhone(x, { country }),
    ([, l, x]) => validator.isMobilePhone(x, l),
    ([c, , x]) => {
      const p = parsePhoneNumberFromString(x, c);
      return p !== undefined && p.isValid() && p.getType();
    },
  ],
  PHONES,
  31,
  20,
);
void lId;
row(`prevalida checkId (${IDS.length})`, pvId);
row(`validator.isVAT (${IDS.length})`, vId);
row(`prevalida checkPhone (${PHONES.length})`, pvPh);
row(`validator.isMobilePhone (${PHONES.length})`, vPh);
row(`libphonenumber-js/max isValid+getType (${PHONES.length})`, lPh);
// Right answers on the same inputs: valid by their check digits (RULES.md vectors), the
// SRI's checksum-failing RUC counted as valid (it is a real RUC), the rest invalid.
const VALID_ID = [true, true, false, true, true, true, true, false, true, true, false, true];
const VALID_PHONE = [true, true, false, false, true, false, false, true, false, false]; // mobiles only
const right = (f, xs, truth) => xs.filter((x, i) => Boolean(f(x)) === truth[i]).length;
console.log(`\nright verdicts: checkId ${right(([, kind, x]) => checkId(x, { kind }).ok, IDS, VALID_ID)}/${IDS.length}, ` +
  `validator.isVAT ${right(([c, , x]) => validator.isVAT(x, c), IDS, VALID_ID)}/${IDS.length}; ` +
  `mobile numbers: checkPhone ${right(([country, , x]) => checkPhone(x, { country }).type === "mobile", PHONES, VALID_PHONE)}/${PHONES.length}, ` +
  `validator.isMobilePhone ${right(([, l, x]) => validator.isMobilePhone(x, l), PHONES, VALID_PHONE)}/${PHONES.length}`);
console.log("\nratios (peer time / prevalida time; goal: > 1, prevalida faster)");
console.log(`  checkId    vs validator.isVAT              ${(vId / pvId).toFixed(2)}×`);
console.log(`  checkPhone vs validator.isMobilePhone      ${(vPh / pvPh).toFixed(2)}×`);
console.log(`  checkPhone vs libphonenumber-js (max)      ${(lPh / pvPh).toFixed(2)}×`);

console.log("\n1 MB inputs (median of 5 calls, each including the 1 MB string crossing into wasm)");
const big = "a".repeat(1 << 20);
const med = (f) => {
  const ts = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    const r = f();
    ts.push(performance.now() - t);
    if (!r.findings.length) throw new Error("a 1 MB input must produce a finding");
  }
  return ts.sort((a, b) => a - b)[2];
};
console.log(`  checkEmail(1 MB)     ${med(() => checkEmail(big + "@x.co")).toFixed(1).padStart(7)} ms   (goal < 50 ms)`);
console.log(`  checkPassword(1 MB)  ${med(() => checkPassword(big, { policy: "gse" })).toFixed(1).padStart(7)} ms   (goal < 50 ms)`);

const { wasm, glue, glueFiles, later } = coreSize();
console.log("\nsize of the core a page downloads (gzip -9)");
console.log(`  prevalida_bg.wasm  ${(wasm / 1024).toFixed(1)} KB`);
console.log(`  JS glue            ${(glue / 1024).toFixed(1)} KB  (${glueFiles.join(" + ")})`);
console.log(`  total              ${((wasm + glue) / 1024).toFixed(1)} KB   (goal ≤ 100 KB)`);
console.log(`  loaded with the first form: ${Object.entries(later).map(([f, n]) => `${f} ${(n / 1024).toFixed(1)} KB`).join(", ")}`);
