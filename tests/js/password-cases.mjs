// The passwords of issue 11's acceptance, shared by tests/js/password.test.mjs and
// bench/password.mjs: the first 10,000 common passwords of the list the data is made from
// (scripts/gen-password-data.mjs), the variants people make of them, Spanish-pattern
// passwords, personal-data passwords and random ones from a fixed seed.
import { lists } from "../../scripts/gen-password-data.mjs";

export const TOP = lists().passwords.slice(0, 10000);

const cap = (w) => w.charAt(0).toUpperCase() + w.slice(1);
const LEET = { a: "4", e: "3", i: "1", o: "0", s: "$" };
const leet = (w) => [...w].map((c) => LEET[c] ?? c).join("");

/** The acceptance's variants of `w` (the same as tests/password_data.rs `variants`). */
export function variants(w, i) {
  const digits = ["1", "7", "12", "85", "123", "529", "1234", "8306"][i % 8];
  const year = ["1987", "1995", "2010", "2024"][i % 4];
  const special = ["!", "*", ".", "#", "@", "$"][i % 6];
  return [cap(w), w + digits, w + year, w + special, special + w, leet(w), cap(w) + digits + special, cap(w) + year + special];
}

/** The held-apart sample: every 7th of the top 10,000, none chosen by hand. */
export const SAMPLE = TOP.map((w, i) => [w, i]).filter(([, i]) => i % 7 === 3);

export const SPANISH = [
  "Colombia2024!", "Bogota123*", "Contraseña1#", "Millonarios1!", "Factura2024!", "Medellin2023#", "Ecuador1990*",
  "Santiago2024.", "ColoColo1!", "Barcelona2022$", "Valentina15*", "Camilo1995!", "Diciembre2024*", "Empresa123#",
  "Dian2024!", "Quito2025*", "Nacional10!", "Amor1234*", "Sebastian12#", "Guayaquil1!",
];

export const PERSONAL = [
  ["Rodrigo.Pardo77", ["Rodrigo Pardo Gómez"]],
  ["Pardo2024!", ["Rodrigo Pardo Gómez"]],
  ["R0dr1g0#1990", ["Rodrigo Pardo Gómez"]],
  ["900123456Ab!", ["900123456"]],
  ["Rpardo#2024", ["rpardo@empresa.com.co"]],
];

/** Uniform over the 94 printable ASCII characters (xorshift64, fixed seed). */
export function random(len, count, seed) {
  let x = BigInt(seed) || 1n;
  const M = (1n << 64n) - 1n;
  const out = [];
  for (let k = 0; k < count; k++) {
    let s = "";
    for (let i = 0; i < len; i++) {
      x ^= (x << 13n) & M;
      x ^= x >> 7n;
      x ^= (x << 17n) & M;
      s += String.fromCharCode(33 + Number(x % 94n));
    }
    out.push(s);
  }
  return out;
}

export const table = (scores) => scores.reduce((t, s) => (t[s]++, t), [0, 0, 0, 0, 0]);
