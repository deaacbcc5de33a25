// Whole forms, as the core exports them: the form engine (form-engine.js, with the built-in
// profiles and, when a form has places, the DIVIPOLA and CUT tables) is a separate module a
// page downloads the first time it uses a form, so that the core stays small for pages that
// check single fields. `prepareForm` loads it; `checkForm` loads it if needed; until then
// the synchronous `checkField` and `describeProfile` answer that the form is not ready.
import { PROFILE_NAMES } from "./profile-names.js";
import { misuse, renderFindings } from "./messages.js";

let engine = null;
let loading = null;
function load() {
  loading ??= import("./form-engine.js").then((m) => (engine = m));
  return loading;
}

/** The built-in profiles' names. */
export function profiles() {
  return PROFILE_NAMES.slice();
}

/**
 * Gets a form ready: the form engine, the place tables the form uses and, when it has
 * uploads, the files module (fetched and compiled in its worker), so that the first upload
 * is answered as fast as the next ones. Call it when the form appears.
 */
export async function prepareForm(profile) {
  await (await load()).prepare(profile);
}

/** A profile's title and fields (label, kind, required, example, help, choices…) in `options.lang`. Needs `prepareForm` first. */
export function describeProfile(profile, options) {
  if (engine === null) throw misuse("await prepareForm(profile) before describeProfile");
  return engine.describeProfile(profile, options);
}

/**
 * Checks one field as the applicant types (synchronous), with the form's other `values` for
 * the rules between fields. Before `prepareForm` has resolved, answers `form.not_ready`.
 */
export function checkField(profile, name, value, values, options) {
  if (engine === null) {
    load();
    return { ok: false, findings: renderFindings([{ code: "form.not_ready", field: name, params: {} }], options?.lang === "en") };
  }
  return engine.checkField(profile, name, value, values, options);
}

/** Checks a whole form: typed fields, uploads and the rules between them. */
export async function checkForm(profile, values, options) {
  return (await load()).checkForm(profile, values, options);
}

/**
 * Binds a form element to a profile: checks as the applicant types and leaves each input,
 * shows each message next to its input and in the browser's own validation UI, offers the
 * email suggestion as a button, and holds submit until the form passes. Returns at once;
 * `ready` resolves when the form engine (and what the form needs) has loaded.
 */
export function attach(form, profile, options) {
  let bound = null;
  let detached = false;
  const ready = prepareForm(profile).then(() => {
    if (!detached) bound = engine.attach(form, profile, options);
  });
  // A page that does not wait for `ready` gets no unhandled rejection; one that does still sees it.
  ready.catch(() => {});
  return {
    ready,
    async check() {
      await ready;
      if (bound === null) throw misuse("the form was detached");
      return bound.check();
    },
    detach() {
      detached = true;
      bound?.detach();
    },
  };
}
