// Whole forms: `checkForm` on the typed fields of the DIAN certificate request
// (dian.certificado: 15 fields) against the same fields checked with zod 4 + validator.js +
// libphonenumber-js, which do less (no NIT check digit, no municipio-in-departamento, no
// look-alike domains, no DIAN address form); and `checkField` per keystroke. Same process,
// alternating rounds, medians (bench/timing.mjs).
//   node bench/forms.mjs
import { z } from "zod";
import validator from "validator";
import { isValidPhoneNumber } from "libphonenumber-js/max";
import { pathToFileURL } from "node:url";
import { resolve } from "node:path";

// PREVALIDA_PKG=<dir>: another build of the package (bench/opt-levels.sh).
const pkg = process.env.PREVALIDA_PKG ? pathToFileURL(resolve(process.env.PREVALIDA_PKG) + "/").href : new URL("../pkg/", import.meta.url).href;
const { checkField, checkForm, describeProfile, prepareForm } = await import(pkg + "node.js");

await prepareForm("dian.certificado");
const example = Object.fromEntries(describeProfile("dian.certificado").fields.map((f) => [f.name, f.example]));
// The examples, and the mistakes people make, one per form.
const FORMS = [
  example,
  { ...example, email: "laura.restrepo@andinacafe,com,co" },
  { ...example, nit: "901458732-3" },
  { ...example, confirmacionClave: "Tucan!Verde47" },
  { ...example, ciudad: "Medellín" },
  { ...example, telefonoMovil: "601 7432158" },
  { ...example, nombresRepresentante: "Laura 3" },
  { ...example, direccion: "Cra 14 # 123-45 apto 301" },
];

// The peer: the same fields as a zod 4 schema, with validator.js and libphonenumber-js.
const PERSON = /^[\p{L}' .-]+$/u;
const COMPANY = /^[\p{L}\p{N}' .,&()/+#-]+$/u;
const peer = z
  .object({
    razonSocial: z.string().trim().min(1).max(200).regex(COMPANY),
    nit: z.string().regex(/^\d{1,3}(\.?\d{3}){2}-?\d$/),
    direccion: z.string().trim().min(5).max(200),
    tipoPersona: z.enum(["natural", "juridica"]),
    departamento: z.string().min(1),
    ciudad: z.string().min(1),
    email: z.string().refine((v) => validator.isEmail(v)),
    telefonoMovil: z.string().refine((v) => isValidPhoneNumber(v, "CO")),
    nombresRepresentante: z.string().trim().min(1).regex(PERSON),
    apellidosRepresentante: z.string().trim().min(1).regex(PERSON),
    tipoDocumentoRepresentante: z.enum(["13", "21", "22", "41", "42", "47", "48"]),
    numeroDocumentoRepresentante: z.string().regex(/^[A-Za-z0-9]{3,20}$/),
    autoridadCertificacion: z.string().min(1),
    claveAlmacen: z.string().refine((v) => validator.isStrongPassword(v, { minLength: 8, minLowercase: 1, minUppercase: 1, minNumbers: 1, minSymbols: 1 })),
    confirmacionClave: z.string(),
  })
  .refine((v) => v.claveAlmacen === v.confirmacionClave, { path: ["confirmacionClave"] });

async function timeAsync(fns, inputs, rounds = 21, reps = 40) {
  for (const fn of fns) for (let i = 0; i < 3; i++) for (const x of inputs) await fn(x);
  const samples = fns.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [k, fn] of fns.entries()) {
      const t = performance.now();
      for (let rep = 0; rep < reps; rep++) for (const x of inputs) await fn(x);
      samples[k].push(((performance.now() - t) * 1000) / (reps * inputs.length));
    }
  }
  return samples.map((s) => s.sort((a, b) => a - b)[s.length >> 1]);
}

const [ours, theirs] = await timeAsync(
  [(v) => checkForm("dian.certificado", v, { skipFiles: true }), (v) => peer.safeParse(v)],
  FORMS,
);
console.log("dian.certificado, 15 typed fields (8 forms: the examples and 7 mistakes)");
console.log(`  checkForm (prevalida)                      ${ours.toFixed(1).padStart(7)} µs per form`);
console.log(`  zod 4 + validator.js + libphonenumber-js   ${theirs.toFixed(1).padStart(7)} µs per form   → prevalida ${(theirs / ours).toFixed(2)}× (goal ≥ 1.5×)`);

// Per keystroke: each field of the form typed one character at a time.
const keystrokes = [];
for (const [name, value] of Object.entries(example)) for (let i = 1; i <= value.length; i++) keystrokes.push([name, value.slice(0, i)]);
const [field] = await timeAsync([([name, v]) => checkField("dian.certificado", name, v, example)], keystrokes, 11, 5);
const worst = Object.keys(example).map((name) => {
  const [t] = [performance.now()];
  for (let i = 0; i < 200; i++) checkField("dian.certificado", name, example[name], example);
  return [name, ((performance.now() - t) * 1000) / 200];
}).sort((a, b) => b[1] - a[1])[0];
console.log(`  checkField per keystroke (${keystrokes.length} keystrokes over the 15 fields)  ${field.toFixed(1)} µs median; slowest field ${worst[0]} ${worst[1].toFixed(1)} µs`);
