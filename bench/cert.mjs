// Certificates: checkCertificate against node-forge 1.4.3 (`pkcs12FromAsn1`, the JavaScript
// peer) on the same fixtures (tests/fixtures/p12/, OpenSSL 3), same Node process, alternating
// rounds, medians; and which files each opens.
//   node bench/cert.mjs
import { readFileSync } from "node:fs";
import forge from "node-forge";
import { checkCertificate } from "../pkg/node.js";

const dir = new URL("../tests/fixtures/p12/", import.meta.url);
const FILES = [
  ["modern.p12", "Prueba#2024", "PBES2 AES-256, SHA-256 MAC, 2,048 iterations (OpenSSL 3 default)"],
  ["aes128_sha1mac.p12", "Prueba#2024", "PBES2 AES-128, SHA-1 MAC"],
  ["legacy.p12", "Prueba#2024", "RC2-40 + 3DES, SHA-1 MAC (OpenSSL -legacy)"],
  ["des3_sha1.p12", "Prueba#2024", "3DES, SHA-1 MAC (Windows default)"],
  ["modern_unicode.p12", "Ñandú#2024", "PBES2 AES-256, password Ñandú#2024"],
  ["legacy_unicode.p12", "Ñandú#2024", "legacy, password Ñandú#2024"],
];
const bytes = Object.fromEntries(FILES.map(([f]) => [f, new Uint8Array(readFileSync(new URL(f, dir)))]));
const ours = (f, pw) => checkCertificate(bytes[f], pw, { at: "2026-12-01" });
function forgeOpen(f, pw) {
  const der = forge.util.createBuffer(Buffer.from(bytes[f]).toString("binary"));
  const p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der), pw);
  const certs = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  const cn = certs[0]?.cert?.subject.getField("CN")?.value;
  return { ok: true, cn };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`node ${process.version}; node-forge ${forge.version ?? "1.4.3"}; each file: median of 9 alternating rounds\n`);
console.log("file".padEnd(22), "prevalida".padStart(12), "node-forge".padStart(12), "  ratio   what forge answers");
for (const [f, pw, what] of FILES) {
  const a = [], b = [];
  let forgeAnswer = "";
  for (let i = 0; i < 2; i++) {
    await ours(f, pw);
    try { forgeOpen(f, pw); } catch {}
  }
  for (let r = 0; r < 9; r++) {
    let t = performance.now();
    const mine = await ours(f, pw);
    a.push(performance.now() - t);
    if (!mine.ok && !mine.findings.every((x) => x.severity !== "error")) throw new Error(`${f}: ${mine.findings.map((x) => x.code)}`);
    t = performance.now();
    try {
      const o = forgeOpen(f, pw);
      forgeAnswer = `opens; CN ${o.cn}`;
    } catch (e) {
      forgeAnswer = `fails: ${e.message}`;
    }
    b.push(performance.now() - t);
  }
  const [x, y] = [median(a), median(b)];
  console.log(f.padEnd(22), `${x.toFixed(2)} ms`.padStart(12), `${y.toFixed(2)} ms`.padStart(12), `  ${(y / x).toFixed(1)}×`.padEnd(8), forgeAnswer, `(${what})`);
}
