//! Every finding code prevalida can return, in one list, with its severity and its message in
//! Spanish and English. Codes are API: never rename one; add new ones at the end of a group.
//!
//! Messages are templates: `{name}` is replaced by the finding's parameter of that name.
//! They speak to the applicant (not to the developer) and say what to change.

use crate::finding::Severity;
use serde::{Deserialize, Serialize};

/// The language of messages. Spanish is the default: the applicants are in Colombia, Chile
/// and Ecuador.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Spanish.
    #[default]
    Es,
    /// English.
    En,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $code:literal, $sev:ident, $es:literal, $en:literal; )*) => {
        /// A stable, dotted finding code such as `email.comma_in_domain`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
        pub enum Code {
            $( $(#[$doc])* #[serde(rename = $code)] $variant, )*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The dotted string form, as serialized.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code),* }
            }

            /// How serious a finding with this code is. Fixed per code so that a portal can
            /// rely on it.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$sev),* }
            }

            /// The message template in `lang`.
            pub fn template(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $( (Code::$variant, Lang::Es) => $es, (Code::$variant, Lang::En) => $en, )*
                }
            }
        }
    };
}

codes! {
    // ---- API misuse (thrown as JS errors, never returned as findings) ----
    /// An argument has the wrong type or an impossible value (a number where a string goes,
    /// a policy whose minimum exceeds its maximum).
    ApiInvalidArgument = "api.invalid_argument", Error,
        "Argumento no válido: {detail}",
        "Invalid argument: {detail}";

    // ---- email ----
    /// Nothing was typed.
    EmailEmpty = "email.empty", Error,
        "Escribe tu correo electrónico.",
        "Enter your email address.";
    /// Longer than 254 octets (RFC 5321 path limit).
    EmailTooLong = "email.too_long", Error,
        "El correo tiene {length} caracteres; el máximo es 254. Revisa que hayas pegado solo tu correo.",
        "The address has {length} characters; the maximum is 254. Check that you pasted only your address.";
    /// Spaces before or after the address; they were removed in `normalized`.
    EmailSurroundingSpaces = "email.surrounding_spaces", Info,
        "Quitamos los espacios que había al inicio o al final del correo.",
        "We removed the spaces at the start or end of the address.";
    /// A space inside the address.
    EmailSpaceInside = "email.space_inside", Error,
        "El correo no puede tener espacios en medio: quítalos.",
        "An email address cannot contain spaces: remove them.";
    /// Full-width characters (`＠`, `ａ`), typed with an East Asian input method.
    EmailFullwidth = "email.fullwidth", Error,
        "El correo tiene caracteres de ancho completo (como ＠ o ａ). Escríbelo con el teclado normal: {suggestion}",
        "The address has full-width characters (such as ＠ or ａ). Type it with a normal keyboard layout: {suggestion}";
    /// No `@`.
    EmailMissingAt = "email.missing_at", Error,
        "Falta la arroba (@) entre tu usuario y el dominio, como en nombre@gmail.com.",
        "The @ between your user name and the domain is missing, as in name@gmail.com.";
    /// More than one `@` outside quotes.
    EmailMultipleAt = "email.multiple_at", Error,
        "El correo tiene {count} arrobas (@) y debe tener una sola. Escribe un único correo.",
        "The address has {count} @ signs and must have exactly one. Enter a single address.";
    /// Nothing before the `@`.
    EmailLocalEmpty = "email.local_empty", Error,
        "Falta tu usuario antes de la @.",
        "The user name before the @ is missing.";
    /// More than 64 octets before the `@` (RFC 5321).
    EmailLocalTooLong = "email.local_too_long", Error,
        "La parte antes de la @ tiene {length} caracteres; el máximo es 64.",
        "The part before the @ has {length} characters; the maximum is 64.";
    /// A character the HTML standard does not allow before the `@`.
    EmailLocalInvalidChar = "email.local_invalid_char", Error,
        "Antes de la @ no puede ir «{char}». Usa letras, números y . _ - +",
        "The part before the @ cannot contain “{char}”. Use letters, digits and . _ - +";
    /// A letter with an accent, an ñ or another non-ASCII character before the `@`.
    EmailLocalNonAscii = "email.local_non_ascii", Error,
        "Antes de la @ no puede ir «{char}»: los correos se escriben sin tildes ni ñ.",
        "The part before the @ cannot contain “{char}”: addresses are written without accents.";
    /// The address starts with a dot.
    EmailLocalLeadingDot = "email.local_leading_dot", Error,
        "El correo no puede empezar con un punto.",
        "The address cannot start with a dot.";
    /// A dot right before the `@`.
    EmailLocalTrailingDot = "email.local_trailing_dot", Error,
        "No puede haber un punto justo antes de la @.",
        "There cannot be a dot right before the @.";
    /// Two dots in a row.
    EmailDoubleDot = "email.double_dot", Error,
        "El correo tiene dos puntos seguidos (..): deja uno solo.",
        "The address has two dots in a row (..): keep only one.";
    /// Nothing after the `@`.
    EmailDomainEmpty = "email.domain_empty", Error,
        "Falta el dominio después de la @, como gmail.com.",
        "The domain after the @ is missing, such as gmail.com.";
    /// A comma where a dot belongs: the most common mistake in the source documents.
    EmailCommaInDomain = "email.comma_in_domain", Error,
        "Hay una coma (,) donde va un punto (.): escribe {suggestion}",
        "There is a comma (,) where a dot (.) belongs: write {suggestion}";
    /// A character that no domain can contain (`_`, `!`, `#`…).
    EmailDomainInvalidChar = "email.domain_invalid_char", Error,
        "Después de la @ no puede ir «{char}».",
        "The domain (after the @) cannot contain “{char}”.";
    /// A dot right after the `@`.
    EmailDomainLeadingDot = "email.domain_leading_dot", Error,
        "No puede haber un punto justo después de la @.",
        "There cannot be a dot right after the @.";
    /// The address ends with a dot.
    EmailDomainTrailingDot = "email.domain_trailing_dot", Error,
        "El correo no puede terminar en punto.",
        "The address cannot end with a dot.";
    /// A domain without a dot (`ana@gmail`).
    EmailMissingTld = "email.missing_tld", Error,
        "Al dominio le falta la terminación, como .com o .co: «{domain}» no basta.",
        "The domain needs an ending such as .com or .co: “{domain}” is not enough.";
    /// A top-level domain that is numeric or one character long.
    EmailTldInvalid = "email.tld_invalid", Error,
        "La terminación «.{tld}» no existe: debe tener letras, como .com o .co.",
        "The ending “.{tld}” does not exist: it must be letters, such as .com or .co.";
    /// A dot-separated part of the domain longer than 63 octets.
    EmailLabelTooLong = "email.label_too_long", Error,
        "Una parte del dominio tiene {length} caracteres; el máximo es 63.",
        "A part of the domain has {length} characters; the maximum is 63.";
    /// A domain part that starts or ends with a hyphen.
    EmailLabelHyphen = "email.label_hyphen", Error,
        "Una parte del dominio («{label}») empieza o termina con guion.",
        "A part of the domain (“{label}”) starts or ends with a hyphen.";
    /// The domain is longer than 253 octets in its ASCII form.
    EmailDomainTooLong = "email.domain_too_long", Error,
        "El dominio tiene {length} caracteres; el máximo es 253.",
        "The domain has {length} characters; the maximum is 253.";
    /// A domain part mixes letters of different scripts (Latin with Arabic or Cyrillic): a
    /// spoofed or badly copied domain.
    EmailMixedScript = "email.mixed_script", Error,
        "El dominio mezcla letras de alfabetos distintos ({scripts}) en «{label}». Parece copiado de otro sitio: escríbelo a mano.",
        "The domain mixes letters of different scripts ({scripts}) in “{label}”. It looks copied from elsewhere: type it by hand.";
    /// The domain looks like an official one (same confusable skeleton) without being it.
    EmailLookalikeDomain = "email.lookalike_domain", Error,
        "«{domain}» se parece a {official} pero no es el mismo dominio: tiene letras de otro alfabeto que se ven iguales.",
        "“{domain}” looks like {official} but is a different domain: it has look-alike letters from another script.";
    /// An internationalized domain, accepted; says how it will travel.
    EmailIdn = "email.idn", Info,
        "El dominio tiene caracteres internacionales; se enviará como {ascii}.",
        "The domain has international characters; it will be sent as {ascii}.";
    /// A top-level domain that does not exist and is a known typo (`.con`).
    EmailTldTypo = "email.tld_typo", Error,
        "La terminación «.{tld}» no existe. ¿Quisiste decir {suggestion}?",
        "The ending “.{tld}” does not exist. Did you mean {suggestion}?";
    /// A misspelt email provider (`hotmial.com`).
    EmailDomainTypo = "email.domain_typo", Warning,
        "¿Quisiste decir {suggestion}? Revisa el dominio.",
        "Did you mean {suggestion}? Check the domain.";

    // ---- password ----
    /// Nothing was typed.
    PasswordEmpty = "password.empty", Error,
        "Escribe una contraseña.",
        "Enter a password.";
    /// Fewer characters than the policy asks.
    PasswordTooShort = "password.too_short", Error,
        "La contraseña tiene {length} caracteres; debe tener al menos {min}.",
        "The password has {length} characters; it needs at least {min}.";
    /// More characters than the policy allows.
    PasswordTooLong = "password.too_long", Error,
        "La contraseña tiene {length} caracteres; puede tener como máximo {max}.",
        "The password has {length} characters; it can have at most {max}.";
    /// No ASCII uppercase letter.
    PasswordMissingUpper = "password.missing_upper", Error,
        "Falta una letra mayúscula (A–Z). La Ñ y las letras con tilde no cuentan para el portal.",
        "An uppercase letter (A–Z) is missing. Ñ and accented letters do not count for the portal.";
    /// No ASCII lowercase letter.
    PasswordMissingLower = "password.missing_lower", Error,
        "Falta una letra minúscula (a–z). La ñ y las letras con tilde no cuentan para el portal.",
        "A lowercase letter (a–z) is missing. ñ and accented letters do not count for the portal.";
    /// No ASCII digit.
    PasswordMissingDigit = "password.missing_digit", Error,
        "Falta un número (0–9).",
        "A digit (0–9) is missing.";
    /// No special character from the policy's set.
    PasswordMissingSpecial = "password.missing_special", Error,
        "Falta un carácter especial de estos: {allowed}",
        "A special character is missing; use one of: {allowed}";
    /// A character outside what the portal lists: it may reject it.
    PasswordCharMayBeRejected = "password.char_may_be_rejected", Warning,
        "El portal podría rechazar «{char}»: usa solo letras A–Z, a–z, números y {allowed}",
        "The portal may reject “{char}”: use only letters A–Z, a–z, digits and {allowed}";
    /// A space, tab or line break where the policy forbids them.
    PasswordWhitespace = "password.whitespace", Error,
        "La contraseña no puede tener espacios.",
        "The password cannot contain spaces.";
    /// The same character repeated more times in a row than the policy allows.
    PasswordRepeatedRun = "password.repeated_run", Error,
        "Tiene {count} caracteres «{char}» seguidos; el máximo es {max}.",
        "It has {count} “{char}” in a row; the maximum is {max}.";
    /// The whole password is on the blocklist of common passwords (NIST SP 800-63B).
    PasswordBlocklisted = "password.blocklisted", Error,
        "Esta contraseña es de las más usadas y se adivina enseguida. Elige otra.",
        "This is one of the most used passwords and is guessed at once. Choose another.";
    /// The password contains the user's name, email, NIT or another personal datum.
    PasswordContainsPersonal = "password.contains_personal", Error,
        "La contraseña contiene «{value}», un dato tuyo fácil de adivinar. Quítalo.",
        "The password contains “{value}”, a personal detail that is easy to guess. Remove it.";
    /// The confirmation differs from the password.
    PasswordMismatch = "password.mismatch", Error,
        "La confirmación no coincide con la contraseña.",
        "The confirmation does not match the password.";
    /// Meets the portal's rules but is easy to guess (strength score below 3).
    PasswordWeak = "password.weak", Warning,
        "Cumple las reglas, pero es fácil de adivinar ({pattern}). Alárgala con palabras que no tengan que ver contigo.",
        "It meets the rules but is easy to guess ({pattern}). Make it longer with words unrelated to you.";

    // ---- internal ----
    /// The WebAssembly module trapped (a bug: no input should do this). The package restarted
    /// it, so the next check works; this one could not be answered.
    InternalError = "internal.error", Error,
        "No pudimos revisar este dato por un error interno. Inténtalo de nuevo; si se repite, avisa al portal.",
        "We could not check this because of an internal error. Try again; if it happens again, tell the portal.";
}

/// What a password rule requires, as shown in a checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(target_arch = "wasm32", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum RuleId {
    /// At least `min` characters.
    MinLength,
    /// At most `max` characters.
    MaxLength,
    /// An ASCII uppercase letter.
    Upper,
    /// An ASCII lowercase letter.
    Lower,
    /// An ASCII digit.
    Digit,
    /// A special character from the allowed set.
    Special,
    /// No whitespace.
    NoWhitespace,
    /// No long runs of one character.
    MaxRepeat,
    /// Not on the blocklist of common passwords.
    NotBlocklisted,
    /// Does not contain the user's personal data.
    NoPersonal,
    /// Confirmation matches.
    Confirmation,
}

impl RuleId {
    /// Every rule, in declaration order.
    pub const ALL: &'static [RuleId] = &[
        RuleId::MinLength,
        RuleId::MaxLength,
        RuleId::Upper,
        RuleId::Lower,
        RuleId::Digit,
        RuleId::Special,
        RuleId::NoWhitespace,
        RuleId::MaxRepeat,
        RuleId::NotBlocklisted,
        RuleId::NoPersonal,
        RuleId::Confirmation,
    ];

    /// The checklist line in `lang`; `{n}` and `{allowed}` are filled by the caller.
    pub fn template(self, lang: Lang) -> &'static str {
        use RuleId::*;
        match (self, lang) {
            (MinLength, Lang::Es) => "Al menos {n} caracteres",
            (MinLength, Lang::En) => "At least {n} characters",
            (MaxLength, Lang::Es) => "Como máximo {n} caracteres",
            (MaxLength, Lang::En) => "At most {n} characters",
            (Upper, Lang::Es) => "Una letra mayúscula (A–Z)",
            (Upper, Lang::En) => "An uppercase letter (A–Z)",
            (Lower, Lang::Es) => "Una letra minúscula (a–z)",
            (Lower, Lang::En) => "A lowercase letter (a–z)",
            (Digit, Lang::Es) => "Un número (0–9)",
            (Digit, Lang::En) => "A digit (0–9)",
            (Special, Lang::Es) => "Un carácter especial: {allowed}",
            (Special, Lang::En) => "A special character: {allowed}",
            (NoWhitespace, Lang::Es) => "Sin espacios",
            (NoWhitespace, Lang::En) => "No spaces",
            (MaxRepeat, Lang::Es) => "No más de {n} caracteres iguales seguidos",
            (MaxRepeat, Lang::En) => "No more than {n} identical characters in a row",
            (NotBlocklisted, Lang::Es) => "No es una contraseña común",
            (NotBlocklisted, Lang::En) => "Not a common password",
            (NoPersonal, Lang::Es) => "No contiene tus datos personales",
            (NoPersonal, Lang::En) => "Does not contain your personal data",
            (Confirmation, Lang::Es) => "La confirmación coincide",
            (Confirmation, Lang::En) => "The confirmation matches",
        }
    }
}
