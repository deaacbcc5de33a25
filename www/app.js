// The demo portal page: live pre-checks of the DIAN/GSE certificate request fields, using
// the published API only (`import … from "prevalida"`).
import { checkEmail, checkId, checkPassword, checkPdf, checkPhone, dianDocumentTypes, preparePassword } from "prevalida";

const $ = (id) => document.getElementById(id);
const email = $("email");
const password = $("password");
const confirm = $("confirm");

function showFindings(list, findings) {
  list.replaceChildren(
    ...findings.map((f) => {
      const li = document.createElement("li");
      li.className = f.severity;
      li.dataset.code = f.code;
      li.textContent = f.message;
      return li;
    }),
  );
}

function mark(input, ok, empty) {
  input.classList.toggle("invalid", !ok && !empty);
  input.classList.toggle("valid", ok && !empty);
  input.setAttribute("aria-invalid", String(!ok && !empty));
}

function onEmail() {
  const value = email.value;
  if (value === "") {
    showFindings($("email-findings"), []);
    $("email-suggestion").hidden = true;
    mark(email, true, true);
    return null;
  }
  const r = checkEmail(value, { field: "email" });
  showFindings($("email-findings"), r.findings);
  $("email-suggestion").hidden = !r.suggestion;
  $("email-suggestion-text").textContent = r.suggestion ?? "";
  mark(email, r.ok, false);
  return r;
}

const STRENGTH = ["muy débil", "débil", "regular", "buena", "muy buena"];
const COLORS = ["#c62828", "#e65100", "#f9a825", "#7cb342", "#2e7d32"];

function onPassword() {
  const r = checkPassword(password.value, {
    policy: "gse",
    confirmation: confirm.value === "" ? undefined : confirm.value,
    personal: [email.value].filter(Boolean),
  });
  $("password-rules").replaceChildren(
    ...r.rules.map((rule) => {
      const li = document.createElement("li");
      li.className = rule.ok ? "ok" : "";
      li.dataset.rule = rule.id;
      li.textContent = rule.message;
      return li;
    }),
  );
  const empty = password.value === "";
  showFindings($("password-findings"), empty ? [] : r.findings);
  const s = r.strength.score;
  $("strength-bar").style.width = empty ? "0" : `${(s + 1) * 20}%`;
  $("strength-bar").style.background = COLORS[s];
  // Until the lists of common passwords have loaded (a moment after the page opens), the
  // estimate knows only the commonest few: it says so.
  $("strength-text").textContent = empty ? "" : `Seguridad: ${STRENGTH[s]}${r.strength.provisional ? " (provisional)" : ""}`;
  mark(password, r.ok, empty);
  return r;
}

// Identifiers and phone: each field answers as it is typed; nothing is shown while empty.
const HOLDER = { person: "persona natural", company: "persona jurídica" };
function idField(name, check, describe) {
  const input = $(name);
  return () => {
    const empty = input.value.trim() === "" && (name !== "nit" || $("dv").value.trim() === "");
    if (empty) {
      showFindings($(`${name}-findings`), []);
      $(`${name}-details`).textContent = "";
      mark(input, true, true);
      return null;
    }
    const r = check(input.value);
    showFindings($(`${name}-findings`), r.findings);
    $(`${name}-details`).textContent = r.ok ? describe(r) : "";
    if (name === "nit") {
      // Two fields: the findings say which one is wrong (field "empresa.nit" or "empresa.dv").
      const wrong = (part) => r.findings.some((f) => f.severity === "error" && f.field?.endsWith(part));
      mark(input, !wrong(".nit"), false);
      mark($("dv"), !wrong(".dv"), $("dv").value === "" && !wrong(".dv"));
    } else {
      mark(input, r.ok, false);
    }
    return r;
  };
}
const onNit = idField(
  "nit",
  (nit) => checkId({ nit, dv: $("dv").value }, { kind: "31", field: "empresa" }),
  (r) => `${r.formatted}${r.details.holder ? ` · parece ${HOLDER[r.details.holder]}` : ""}`,
);
for (const t of dianDocumentTypes().filter((t) => t.code !== "31" && t.code !== "50")) {
  $("doc-type").append(new Option(`${t.name} (${t.code})`, t.code, t.code === "13", t.code === "13"));
}
const onDoc = idField(
  "doc",
  (v) => checkId(v, { kind: $("doc-type").value, field: "representante.documento" }),
  (r) => r.formatted,
);
const onRut = idField("rut", (v) => checkId(v, { kind: "cl.rut", field: "rut" }), (r) => `${r.formatted} · ${HOLDER[r.details.holder]}`);
const onPhone = idField(
  "phone",
  (v) => checkPhone(v, { country: "CO", type: "mobile", field: "telefono" }),
  (r) => `${r.national} · ${r.e164}`,
);
$("nit").addEventListener("input", onNit);
$("dv").addEventListener("input", onNit);
$("doc").addEventListener("input", onDoc);
$("doc-type").addEventListener("change", onDoc);
$("rut").addEventListener("input", onRut);
$("phone").addEventListener("input", onPhone);

// PDF uploads, each with its portal's rules, checked in a Web Worker the package starts on
// first use (the page stays responsive while it runs). The RUT and the certificate must
// name the NIT typed above: the rule is built from the form when the file is chosen.
const KIND = { pdf: "PDF", jpeg: "foto JPEG", png: "imagen PNG", zip: "archivo Word/ZIP", html: "página web", empty: "archivo vacío" };
const ENCRYPTION = { none: "sin claves", owner: "abre sin clave, con restricciones", user: "pide clave para abrir" };
const PAGE = { text: "texto", image: "escaneada", mixed: "texto e imágenes", ocr: "escaneada con OCR", empty: "vacía" };
const typedNit = () => {
  const digits = $("nit").value.replace(/\D/g, "");
  return digits.length >= 8 ? [digits] : [];
};
const UPLOADS = {
  "rut-pdf": () => ({ maxBytes: 4_000_000, encryption: "forbid", content: "text", mustContain: typedNit() }),
  "cert-pdf": () => ({ maxBytes: 4_000_000, encryption: "forbid", content: "text", issuedWithinDays: 30, mustContain: typedNit() }),
  "cedula-pdf": () => ({ maxBytes: 2_000_000, content: "scan", color: true, minPages: 2 }),
  "carta-pdf": () => ({ maxBytes: 1_000_000, content: "scan" }),
};
for (const [id, rules] of Object.entries(UPLOADS)) {
  $(id).addEventListener("change", async (e) => {
    const file = e.target.files[0];
    const dl = $(`${id}-info`);
    if (!file) return dl.replaceChildren();
    dl.dataset.ready = "false";
    const r = await checkPdf(file, rules());
    const info = r.info;
    showFindings($(`${id}-findings`), r.findings);
    const rows = [
      ["Tipo", KIND[info.kind] ?? "otro tipo de archivo"],
      ["Tamaño", info.bytes < 1e6 ? `${Math.max(1, Math.round(info.bytes / 1e3))} KB` : `${(info.bytes / 1e6).toFixed(2).replace(".", ",")} MB`],
    ];
    if (info.isPdf) {
      rows.push(["Protección", ENCRYPTION[info.encryption]]);
      if (info.encryption !== "user") {
        rows.push(["Páginas", String(info.pages)]);
        rows.push(["Contenido", [...new Set(info.pageCensus.map((p) => PAGE[p.kind]))].join(", ") || "—"]);
        if (info.images.count > 0) rows.push(["Imágenes", `${info.images.count} (a color: ${info.images.color})`]);
      }
    }
    if (r.issueDate) rows.push(["Expedido", r.issueDate.split("-").reverse().join("/")]);
    dl.replaceChildren(...rows.flatMap(([k, v]) => {
      const dt = document.createElement("dt");
      const dd = document.createElement("dd");
      dt.textContent = k;
      dd.textContent = v;
      return [dt, dd];
    }));
    dl.dataset.ready = "true";
  });
}

$("form").addEventListener("input", () => ($("submit-result").textContent = ""));
email.addEventListener("input", () => {
  onEmail();
  onPassword();
});
password.addEventListener("input", onPassword);
// The password lists load now, not at the first keystroke; the meter is redrawn when they have.
preparePassword().then(onPassword);
confirm.addEventListener("input", onPassword);
$("show").addEventListener("change", (e) => {
  const type = e.target.checked ? "text" : "password";
  password.type = type;
  confirm.type = type;
});
$("email-use-suggestion").addEventListener("click", () => {
  email.value = $("email-suggestion-text").textContent;
  email.dispatchEvent(new Event("input"));
  email.focus();
});
$("form").addEventListener("submit", (e) => {
  e.preventDefault();
  const er = onEmail() ?? checkEmail("");
  const pr = onPassword();
  if (email.value === "") showFindings($("email-findings"), er.findings);
  const others = [onNit(), onDoc(), onRut(), onPhone()].every((r) => r === null || r.ok);
  $("submit-result").textContent =
    er.ok && pr.ok && others ? "Todo listo para enviar." : "Revisa los campos marcados en rojo.";
});

onPassword();
$("status").textContent = "Validaciones listas (sin conexión).";
$("status").dataset.ready = "true";
