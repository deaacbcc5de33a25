// Types of the public API. The declarations themselves are generated from the Rust types
// (tsify) into prevalida.d.ts; this file re-exports what a user may import.
import type { CodeInfo, EmailOptions, EmailResult, Lang, PasswordOptions, PasswordResult } from "./prevalida.js";

/**
 * Checks an email address: WHATWG syntax plus RFC 5321 limits, the mistakes people make
 * (comma for dot, spaces, missing TLD, `gmail.con`), and look-alike or mixed-script domains.
 * Never throws for a string; throws a {@link PrevalidaError} when `value` is not a string.
 */
export declare function checkEmail(value: string, options?: EmailOptions): EmailResult;

/**
 * Checks a password against a portal policy (`"gse"`, `"dian"`, `"nist"` or your own), its
 * confirmation and the user's data, and estimates its strength offline. The password is
 * used as typed: never trimmed or normalized, and never kept after the call.
 */
export declare function checkPassword(value: string, options: PasswordOptions): PasswordResult;

/** Every finding code with its severity and message template in `lang` (default Spanish). */
export declare function listCodes(lang?: Lang): CodeInfo[];

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
