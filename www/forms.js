// The seven portal forms of prevalida's profiles, each rendered from describeProfile() and
// bound with attach(): what a portal's page does with the package (forms.html).
import { attach, describeProfile, prepareForm, profiles } from "prevalida";

const params = new URLSearchParams(location.search);
const name = profiles().includes(params.get("p")) ? params.get("p") : "dian.certificado";
const lang = params.get("lang") === "en" ? "en" : "es";
const $ = (id) => document.getElementById(id);

const nav = $("profiles");
for (const p of profiles()) {
  const a = document.createElement("a");
  a.href = `?p=${p}&lang=${lang}`;
  a.textContent = p;
  if (p === name) a.setAttribute("aria-current", "page");
  nav.append(a);
}
$("lang").value = lang;
$("lang").addEventListener("change", (e) => (location.search = `?p=${name}&lang=${e.target.value}`));
document.documentElement.lang = lang;

await prepareForm(name);
const d = describeProfile(name, { lang });
$("title").textContent = d.title;
document.title = `${d.title} · prevalida`;
if (lang === "en") {
  document.querySelector(".portals a").textContent = "Single fields";
  document.querySelector(".portals .lang").firstChild.textContent = "Language ";
  $("lead").textContent = "We check your data in your browser, before it is sent. Nothing you type leaves this page.";
  $("submit").textContent = "Send request";
  $("sent").textContent = "All good: the form would be sent now.";
}

const TYPES = { email: "email", password: "password", password_confirmation: "password", phone: "tel", pdf: "file", pkcs12: "file" };
const fields = $("fields");
for (const f of d.fields) {
  const row = document.createElement("div");
  row.className = "field";
  const label = document.createElement("label");
  label.htmlFor = `f-${f.name}`;
  label.textContent = f.label + (f.required ? " *" : "");
  let input;
  if (f.choices) {
    input = document.createElement("select");
    input.append(new Option(lang === "en" ? "Choose…" : "Elige…", ""));
    for (const c of f.choices) input.append(new Option(c.label, c.value));
  } else {
    input = document.createElement("input");
    input.type = f.secret ? "password" : (TYPES[f.kind] ?? "text");
    if (f.accept) input.accept = f.accept;
    if (f.example && input.type !== "file" && input.type !== "password") input.placeholder = f.example;
  }
  input.id = `f-${f.name}`;
  input.name = f.name;
  row.append(label, input);
  if (f.help) {
    const help = document.createElement("small");
    help.textContent = f.help;
    row.append(help);
  }
  fields.append(row);
}

const form = $("form");
// The browser's own bubbles are shown by attach() on submit (reportValidity); the messages
// under each input come from attach() too.
const bound = attach(form, name, { lang });
await bound.ready;
form.addEventListener("submit", (e) => {
  // Reached only once attach() let the submit through: the form passed.
  e.preventDefault();
  $("sent").hidden = false;
});
$("status").textContent = lang === "en" ? "Checks ready." : "Validaciones listas.";
$("status").dataset.ready = "true";
