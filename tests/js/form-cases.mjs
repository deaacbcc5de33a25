// The forms' test cases, shared by tests/js/forms.test.mjs (Node) and
// tests/e2e/forms.test.mjs (the same cases in headless Chromium): each built-in profile's
// valid submission (its examples and a good file for each upload) and the mistakes people
// make, each with the one code it must give on its field.
import { readFileSync } from "node:fs";
import { pdf, scan } from "./pdf-fixtures.mjs";

export const TODAY = "2026-12-01";
const profile = (name) => JSON.parse(readFileSync(new URL(`../../src/form/profiles/${name}.json`, import.meta.url), "utf8"));
export const p12 = (f) => new Uint8Array(readFileSync(new URL(`../fixtures/p12/${f}`, import.meta.url)));
export const corpus = (f) => new Uint8Array(readFileSync(new URL(`../corpus/pdf/${f}`, import.meta.url)));

/** The typed examples of a profile, as a form sends them. */
export function examples(name) {
  return Object.fromEntries(profile(name).fields.filter((f) => f.example !== undefined && f.example !== "").map((f) => [f.name, f.example]));
}

/** A file that meets an upload field's rules, with the values typed in the fields it must hold. */
function goodFile(field, values) {
  if (field.content === "scan") return scan(field.color ? "rgb-color" : "gray", field.minPages ?? 1);
  const lines = ["Documento de prueba", "Fecha de expedición: 20 de noviembre de 2026"];
  for (const name of field.mustContainFields ?? []) lines.push(`${name}: ${values[name]}`);
  return pdf({ pages: [{ text: lines }] });
}

/** The examples and a good file for every upload: a valid submission. */
export function submission(name) {
  const values = examples(name);
  for (const f of profile(name).fields) {
    if (f.kind === "pdf") values[f.name] = goodFile(f, values);
    // A real certificate file (tests/fixtures/p12/make.sh): password Prueba#2024, holder RUT 12.345.678-5.
    if (f.kind === "pkcs12") values[f.name] = p12("modern.p12");
  }
  return values;
}

/** A 1.2 MB scan: over Siigo's 1 MB, under 2 MB. */
export const bigScan = () => pdf({ pages: [{ image: "gray" }], padTo: 1_200_000 });

/** [profile, field, value, code, other values changed with it]. */
const jur = examples("gse.juridica");
export const CASES = [
    ["dian.certificado", "email", "facturacion@andinacafe,com,co", "email.comma_in_domain"],
    ["dian.certificado", "nit", "901458732-3", "id.check_digit"],
    ["dian.certificado", "confirmacionClave", "Tucan!Verde47M", "form.confirmation_mismatch"],
    ["dian.certificado", "ciudad", "05001", "place.municipality_elsewhere"],
    ["dian.certificado", "ciudad", "Medellín", "place.municipality_elsewhere"],
    ["dian.certificado", "nombresRepresentante", "Laura 3", "name.digit"],
    ["dian.certificado", "direccion", "correo@andina.co", "address.invalid_char"],
    ["dian.certificado", "razonSocial", "", "form.required"],
    ["gse.cuenta", "nuevaContrasena", "clave1234", "password.missing_upper", { confirmarContrasena: "clave1234" }],
    ["dian.certificado", "numeroDocumentoRepresentante", "12", "id.too_short"],
    ["siigo.representante", "cartaExoneracion", bigScan(), "pdf.too_large"],
    ["siigo.representante", "cartaExoneracion", pdf({ pages: [{ text: ["Carta de exoneración firmada"] }] }), "pdf.needs_scan"],
    ["gse.juridica", "rutPdf", corpus("pypdf__r4-aes-user-password.pdf"), "pdf.encrypted_user"],
    ["icert.solicitud", "copiaIdentificacion", scan("gray"), "pdf.needs_color"],
    ["icert.solicitud", "correo", "ana maria@gmail.com", "email.space_inside"],
    ["sii.certificado", "rutPersona", "15.634.218-2", "id.check_digit"],
    // The Certificado de existencia 45 days old; one of another company's NIT.
    ["gse.juridica", "certificadoExistencia", pdf({ pages: [{ text: ["Fecha de expedición: 17 de octubre de 2026", `NIT: ${jur.nit}`, jur.razonSocial] }] }), "pdf.too_old"],
    ["gse.juridica", "certificadoExistencia", pdf({ pages: [{ text: ["Fecha de expedición: 20 de noviembre de 2026", "NIT: 800.197.268-4", jur.razonSocial] }] }), "pdf.missing_text"],
    ["gse.natural", "pais", "Narnia", "place.unknown_country"],
    ["gse.natural", "municipio", "Cali", "place.municipality_elsewhere"],
    ["gse.natural", "telefono", "321 123 45", "phone.too_short"],
    ["icert.solicitud", "numeroIdentificacion", "1718452930", "id.check_digit"],
    ["siigo.representante", "nombres", "", "form.required"],
    // Certificates: the wrong password, another holder, an expired one, a PEM instead of the .pfx.
    ["sii.certificado", "archivoFirma", p12("modern.p12"), "p12.wrong_password", { claveSeguridad: "prueba#2024" }],
    ["sii.certificado", "archivoFirma", p12("modern.p12"), "p12.holder_mismatch", { rutPersona: "76.086.428-5" }],
    ["sii.certificado", "archivoFirma", p12("expired.p12"), "p12.expired"],
    ["sii.certificado", "archivoFirma", p12("cert.pem"), "p12.not_pkcs12"],
    ["dian.adicionar_certificado", "certificado", p12("modern.p12"), "p12.holder_mismatch", { nit: "800.197.268-4" }],
    ["dian.adicionar_certificado", "certificado", p12("keyonly.p12"), "p12.no_certificate"],
];
