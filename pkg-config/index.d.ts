// Types of the public API. The declarations themselves are generated from the Rust types
// (tsify) into prevalida.d.ts; this file re-exports what a user may import.
export { checkEmail, checkPassword, listCodes } from "./prevalida.js";
export type {
  Code,
  CodeInfo,
  CharClass,
  CustomPolicy,
  EmailOptions,
  EmailResult,
  Finding,
  Lang,
  PasswordOptions,
  PasswordResult,
  Pattern,
  Policy,
  PolicyName,
  Rule,
  RuleId,
  Severity,
  Strength,
} from "./prevalida.js";

/** The `Error` thrown on misuse (an argument of the wrong type or shape). */
export interface PrevalidaError extends Error {
  code: "api.invalid_argument";
}
