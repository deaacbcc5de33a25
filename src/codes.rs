//! Every finding code prevalida can return, in one list, with its severity and its message in
//! Spanish and English: the core checks, the files module (PDF uploads) and the API's own
//! misuse error. Codes are API: never rename one; add new ones at the end of a group.
//!
//! Everything else is derived from this table: the `Code` union of the TypeScript types
//! (tsify), `listCodes()` and the messages the package renders (`tables()`), and the code
//! reference `docs/codes.md` (written by a test: `PREVALIDA_BLESS=1 cargo test codes`).
//!
//! Messages are templates: `{name}` is replaced by the finding's parameter of that name.
//! They speak to the applicant (not to the developer) and say what to change.

use serde::{Deserialize, Serialize};

/// The language of messages. Spanish is the default: the applicants are in Colombia, Chile
/// and Ecuador.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "files")),
    derive(tsify::Tsify)
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Spanish.
    #[default]
    Es,
    /// English.
    En,
}

macro_rules! codes {
    ($(#[$edoc:meta])* $name:ident; $( $(#[$doc:meta])* $variant:ident = $code:literal, $sev:ident, $es:literal, $en:literal; )*) => {
        $(#[$edoc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Deserialize)]
        #[cfg_attr(all(target_arch = "wasm32", not(feature = "files")), derive(tsify::Tsify))]
        pub enum $name {
            $( $(#[$doc])* #[serde(rename = $code)] $variant, )*
        }

        // Written by hand from `as_str`: the derived serializer is a second match over
        // every code (≈ 3 KB of wasm).
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl $name {
            /// Every code, in documentation order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The dotted string form, as serialized.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $code),* }
            }

            /// How serious a finding with this code is. Fixed per code so that a portal can
            /// rely on it.
            pub fn severity(self) -> crate::finding::Severity {
                match self { $($name::$variant => crate::finding::Severity::$sev),* }
            }

            /// The message template in `lang`. One match per language: each compiles to a
            /// lookup table, where a match on the pair was a branch per code and language
            /// (≈ 4.5 KB of wasm).
            pub fn template(self, lang: crate::codes::Lang) -> &'static str {
                match lang {
                    crate::codes::Lang::Es => match self { $($name::$variant => $es),* },
                    crate::codes::Lang::En => match self { $($name::$variant => $en),* },
                }
            }
        }
    };
}

codes! {
    /// A stable, dotted finding code such as `email.comma_in_domain`: one table for every
    /// check and both WebAssembly modules.
    Code;
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
    /// More than the address was pasted: `mailto:`, a name with angle brackets, quotes,
    /// brackets, or a list's `;` or `,`.
    EmailDecoration = "email.decoration", Error,
        "Escribe solo el correo, sin nombre, comillas ni signos alrededor.",
        "Enter only the address, without a name, quotes or signs around it.";
    /// An invisible character (zero-width, byte order mark, soft hyphen) inside the address.
    EmailInvisibleChar = "email.invisible_char", Error,
        "El correo tiene un carácter invisible, copiado con él: escríbelo de nuevo a mano.",
        "The address has an invisible character copied with it: type it again by hand.";
    /// An `xn--` (Punycode) label that does not decode, or decodes to a label IDNA refuses.
    EmailPunycodeInvalid = "email.punycode_invalid", Error,
        "La parte «{label}» del dominio no es un nombre internacional válido.",
        "The domain part “{label}” is not a valid international name.";

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

    // ---- identifiers (checkId) ----
    /// Nothing was typed.
    IdEmpty = "id.empty", Error,
        "Escribe el número del documento.",
        "Enter the document number.";
    /// A character that does not belong in this kind of number (a letter in a cédula).
    IdInvalidChar = "id.invalid_char", Error,
        "«{char}» no va en este número: escribe solo {allowed}.",
        "“{char}” does not belong in this number: use only {allowed}.";
    /// Fewer characters than this kind of document can have.
    IdTooShort = "id.too_short", Error,
        "El número tiene {length} caracteres; debe tener al menos {min}. Revisa que esté completo.",
        "The number has {length} characters; it needs at least {min}. Check that it is complete.";
    /// More characters than this kind of document can have.
    IdTooLong = "id.too_long", Error,
        "El número tiene {length} caracteres; puede tener como máximo {max}. Revisa que no sobre nada.",
        "The number has {length} characters; it can have at most {max}. Check for extra digits.";
    /// The check digit (DV) does not match the number.
    IdCheckDigit = "id.check_digit", Error,
        "El dígito de verificación debería ser {expected}, no {given}. Revisa el número: un dígito mal escrito cambia el dígito de verificación.",
        "The check digit should be {expected}, not {given}. Check the number: one wrong digit changes the check digit.";
    /// A NIT given in two fields whose DV field is empty.
    IdDvMissing = "id.dv_missing", Error,
        "Falta el dígito de verificación (DV). Para el NIT {nit} es {expected}.",
        "The check digit (DV) is missing. For NIT {nit} it is {expected}.";
    /// The NIT field of a two-field NIT already ends with its DV.
    IdNitIncludesDv = "id.nit_includes_dv", Error,
        "En el campo NIT escribiste también el dígito de verificación. Escribe solo {body} y el DV ({dv}) en su campo.",
        "The NIT field also holds the check digit. Enter only {body}, and the DV ({dv}) in its own field.";
    /// A number that never starts with zero (a Colombian cédula) starts with zero.
    IdLeadingZero = "id.leading_zero", Error,
        "Este número no empieza por 0: revisa el primer dígito.",
        "This number never starts with 0: check the first digit.";
    /// A Colombian cédula of fewer than 6 digits: very old, or incomplete.
    IdCcShort = "id.cc_short", Warning,
        "Una cédula de {length} dígitos es muy antigua o está incompleta: revisa que no falte ningún dígito.",
        "A cédula of {length} digits is very old or incomplete: check that no digit is missing.";
    /// A length this kind of document rarely has (a NIT of 12 digits, a PEP of 8).
    IdUnusualLength = "id.unusual_length", Warning,
        "Este tipo de número suele tener {usual} dígitos y este tiene {length}: revisa que esté bien escrito.",
        "This kind of number usually has {usual} digits and this one has {length}: check that it is right.";
    /// A Chilean RUT below 1,000,000: valid, but from a very old registration.
    IdRutSmall = "id.rut_small", Warning,
        "Un RUT menor que 1.000.000 es de un registro muy antiguo: revisa que no falte ningún dígito.",
        "A RUT below 1,000,000 is from a very old registration: check that no digit is missing.";
    /// The first two digits of an Ecuadorian number are not a province.
    IdProvince = "id.province", Error,
        "Los dos primeros dígitos ({province}) deben ser el código de una provincia del Ecuador: de 01 a 24, o 30 si se registró en el exterior.",
        "The first two digits ({province}) must be an Ecuadorian province code: 01 to 24, or 30 when registered abroad.";
    /// The third digit of an Ecuadorian number is not a possible one.
    IdThirdDigit = "id.third_digit", Error,
        "El tercer dígito ({digit}) no es posible aquí: puede ser {allowed}.",
        "The third digit ({digit}) is not possible here: it can be {allowed}.";
    /// An Ecuadorian RUC whose establishment number is zero.
    IdEstablishment = "id.establishment", Error,
        "El RUC termina en {establishment}: los últimos dígitos son el número de establecimiento y no pueden ser cero (el primero es 001).",
        "The RUC ends in {establishment}: the last digits are the establishment number and cannot be zero (the first is 001).";
    /// A company or public-entity RUC that fails its check digit: the SRI issues such RUCs,
    /// so this is a warning.
    IdRucChecksum = "id.ruc_checksum", Warning,
        "Este RUC no cumple el dígito verificador. El SRI ha emitido RUC de sociedades y entidades públicas así, pero revisa que esté bien escrito.",
        "This RUC fails its check digit. The SRI has issued company and public-entity RUCs like this, but check that it is typed right.";

    // ---- phones (checkPhone) ----
    /// Nothing was typed.
    PhoneEmpty = "phone.empty", Error,
        "Escribe un número de teléfono.",
        "Enter a phone number.";
    /// A character that is not a digit, a space, `+`, `.`, `-` or parentheses.
    PhoneInvalidChar = "phone.invalid_char", Error,
        "«{char}» no va en un teléfono: escribe solo números.",
        "“{char}” does not belong in a phone number: use only digits.";
    /// A number with another country's code.
    PhoneWrongCountry = "phone.wrong_country", Error,
        "Este número es de otro país (+{code}); aquí va un teléfono de {country} (+{expected}).",
        "This number is from another country (+{code}); a {country} number (+{expected}) goes here.";
    /// Fewer digits than a number of this country has.
    PhoneTooShort = "phone.too_short", Error,
        "El número tiene {length} dígitos; en {country} tiene {expected}. Revisa que esté completo.",
        "The number has {length} digits; in {country} it has {expected}. Check that it is complete.";
    /// More digits than a number of this country has.
    PhoneTooLong = "phone.too_long", Error,
        "El número tiene {length} dígitos; en {country} tiene {expected}. Revisa que no sobre nada.",
        "The number has {length} digits; in {country} it has {expected}. Check for extra digits.";
    /// A Colombian fixed number in the 7-digit format used before September 2021.
    PhoneOldFixedFormat = "phone.old_fixed_format", Error,
        "Desde 2021 los teléfonos fijos de Colombia tienen 10 dígitos: 60, el indicativo de la región y el número. En Bogotá sería 601 {number}; en Medellín, 604 {number}.",
        "Since 2021 Colombian landlines have 10 digits: 60, the region digit and the number. In Bogotá it would be 601 {number}; in Medellín, 604 {number}.";
    /// A Colombian fixed number with the old one-digit area code (`1 2281260`).
    PhoneOldAreaCode = "phone.old_area_code", Error,
        "Desde 2021 se marca 60 antes del indicativo: escribe {suggestion}.",
        "Since 2021, 60 goes before the area digit: write {suggestion}.";
    /// An Ecuadorian landline without its province code.
    PhoneMissingAreaCode = "phone.missing_area_code", Error,
        "Al teléfono fijo le falta el código de provincia: escribe 0, el código y el número, como 02 {number} en Pichincha o 04 {number} en Guayas.",
        "The landline is missing its province code: write 0, the code and the number, such as 02 {number} in Pichincha or 04 {number} in Guayas.";
    /// The right length and shape, but in a range the numbering plan does not assign.
    PhoneUnassigned = "phone.unassigned", Error,
        "El número {national} no existe en el plan de numeración de {country}: revisa los primeros dígitos.",
        "The number {national} does not exist in the numbering plan of {country}: check the first digits.";
    /// The form asks for a mobile and this is a landline.
    PhoneNotMobile = "phone.not_mobile", Error,
        "Aquí va un número de celular, y {national} es un teléfono fijo.",
        "A mobile number goes here, and {national} is a landline.";
    /// The form asks for a landline and this is a mobile.
    PhoneNotFixed = "phone.not_fixed", Error,
        "Aquí va un teléfono fijo, y {national} es un celular.",
        "A landline goes here, and {national} is a mobile number.";
    /// A toll-free, premium-rate or other service number.
    PhoneServiceNumber = "phone.service_number", Error,
        "{national} es una línea de servicio (gratuita o de tarifa especial), no un teléfono de contacto.",
        "{national} is a service line (toll-free or premium rate), not a contact number.";

    // ---- names (checkName) ----
    /// Nothing was typed.
    NameEmpty = "name.empty", Error,
        "Escribe el nombre.",
        "Enter the name.";
    /// Spaces around the name or doubled inside it; `normalized` has them removed.
    NameExtraSpaces = "name.extra_spaces", Info,
        "Quitamos los espacios de más.",
        "We removed the extra spaces.";
    /// A digit in a person's name (often a document number typed in the wrong field).
    NameDigit = "name.digit", Error,
        "Un nombre no lleva números («{char}»). ¿Escribiste el número de documento en este campo?",
        "A name has no digits (“{char}”). Did you type the document number in this field?";
    /// A character that does not belong in a name (a symbol, an invisible character).
    NameInvalidChar = "name.invalid_char", Error,
        "«{char}» no va en un nombre: usa letras, espacios, guiones y apóstrofos.",
        "“{char}” does not belong in a name: use letters, spaces, hyphens and apostrophes.";
    /// A person's name of a single letter: an initial where the full name goes.
    NameInitial = "name.initial", Warning,
        "Escribe el nombre completo, no solo la inicial.",
        "Write the full name, not only the initial.";
    /// Longer than the field takes.
    NameTooLong = "name.too_long", Error,
        "El nombre tiene {length} caracteres; el máximo es {max}.",
        "The name has {length} characters; the maximum is {max}.";

    // ---- addresses (checkAddress) ----
    /// Nothing was typed.
    AddressEmpty = "address.empty", Error,
        "Escribe la dirección.",
        "Enter the address.";
    /// A character no address holds (a symbol, an invisible character).
    AddressInvalidChar = "address.invalid_char", Error,
        "«{char}» no va en una dirección: usa letras, números, espacios y #.",
        "“{char}” does not belong in an address: use letters, digits, spaces and #.";
    /// No number at all: the plate or the street number is missing.
    AddressNoNumber = "address.no_number", Error,
        "Falta el número: escribe la dirección completa, por ejemplo «Calle 26 # 68B-70».",
        "The number is missing: write the whole address, for example “Calle 26 # 68B-70”.";
    /// Not read as street type and numbers (a rural address): kept as typed.
    AddressUnrecognized = "address.unrecognized", Warning,
        "Revisa la dirección: empieza por el tipo de vía y su número, por ejemplo «Carrera 14 # 123-45».",
        "Check the address: start with the street type and its number, for example “Carrera 14 # 123-45”.";
    /// Written in DIAN nomenclature as `normalized`.
    AddressNormalized = "address.normalized", Info,
        "Se enviará como «{normalized}», la forma de la DIAN.",
        "It will be sent as “{normalized}”, DIAN's form.";
    /// Longer than the field takes.
    AddressTooLong = "address.too_long", Error,
        "La dirección tiene {length} caracteres; el máximo es {max}.",
        "The address has {length} characters; the maximum is {max}.";

    // ---- certificate files (checkCertificate) ----
    /// Not a PKCS#12 file: what it really is (a PEM or .cer certificate, a PDF, a ZIP…).
    P12NotPkcs12 = "p12.not_pkcs12", Error,
        "El archivo no es un certificado .p12/.pfx sino {kind}. Sube el archivo .p12 o .pfx que te entregó la entidad certificadora.",
        "The file is not a .p12/.pfx certificate but {kind}. Upload the .p12 or .pfx file your certificate authority gave you.";
    /// The password does not open the file.
    P12WrongPassword = "p12.wrong_password", Error,
        "La contraseña no abre este certificado. Escríbela exactamente como te la entregaron (mayúsculas, tildes y símbolos cuentan).",
        "The password does not open this certificate. Type it exactly as you received it (capitals, accents and symbols count).";
    /// The file is protected and no password was given.
    P12PasswordMissing = "p12.password_missing", Error,
        "Escribe la contraseña del certificado.",
        "Enter the certificate's password.";
    /// No MAC and nothing encrypted: any password "opens" it, so the one typed cannot be checked.
    P12PasswordUnverifiable = "p12.password_unverifiable", Warning,
        "Este archivo abre con cualquier contraseña, así que no podemos comprobar la que escribiste.",
        "This file opens with any password, so we cannot check the one you typed.";
    /// The certificate's validity ended.
    P12Expired = "p12.expired", Error,
        "El certificado venció el {date}. Solicita uno nuevo o renuévalo.",
        "The certificate expired on {date}. Request or renew one.";
    /// The certificate is not valid yet.
    P12NotYetValid = "p12.not_yet_valid", Error,
        "El certificado solo es válido desde el {date}.",
        "The certificate is only valid from {date}.";
    /// Valid, but ending soon.
    P12ExpiresSoon = "p12.expires_soon", Warning,
        "El certificado vence en {days} días ({date}): renuévalo pronto.",
        "The certificate expires in {days} days ({date}): renew it soon.";
    /// No private key in the file: a certificate alone cannot sign.
    P12NoPrivateKey = "p12.no_private_key", Error,
        "El archivo no trae la clave privada, así que no sirve para firmar. Exporta el certificado con su clave privada.",
        "The file has no private key, so it cannot sign. Export the certificate with its private key.";
    /// No certificate in the file.
    P12NoCertificate = "p12.no_certificate", Error,
        "El archivo no trae el certificado, solo una clave.",
        "The file has no certificate, only a key.";
    /// The private key is not the certificate's.
    P12KeyMismatch = "p12.key_mismatch", Error,
        "La clave privada del archivo no corresponde al certificado.",
        "The file's private key does not belong to the certificate.";
    /// The holder's identifier is not the one in the form.
    P12HolderMismatch = "p12.holder_mismatch", Error,
        "El certificado es de {found}, no de {expected}. Sube el certificado del titular del formulario.",
        "The certificate belongs to {found}, not to {expected}. Upload the certificate of the form's holder.";
    /// No holder identifier found to compare with the form.
    P12HolderNotFound = "p12.holder_not_found", Warning,
        "No encontramos en el certificado el número del titular para compararlo con {expected}.",
        "We did not find the holder's number in the certificate to compare it with {expected}.";
    /// Old encryption (RC2/3DES): it opens, but some systems refuse it.
    P12LegacyEncryption = "p12.legacy_encryption", Info,
        "El archivo usa un cifrado antiguo (RC2/3DES); algunos sistemas ya no lo aceptan.",
        "The file uses old encryption (RC2/3DES); some systems no longer accept it.";
    /// Larger than any certificate file, or than the portal's limit.
    P12TooLarge = "p12.too_large", Error,
        "El archivo pesa {size}; un certificado pesa unos pocos KB (máximo {max}).",
        "The file is {size}; a certificate is a few KB (maximum {max}).";
    /// More key-derivation work than the documented ceiling: refused, not run.
    P12TooComplex = "p12.too_complex", Error,
        "El archivo pide {iterations} iteraciones; revisamos hasta {max}. Expórtalo de nuevo con las opciones por defecto.",
        "The file asks for {iterations} iterations; we check up to {max}. Export it again with the default options.";
    /// An algorithm this package does not read.
    P12Unsupported = "p12.unsupported", Error,
        "El archivo usa un cifrado que no podemos leer ({algorithm}). Expórtalo de nuevo con las opciones por defecto.",
        "The file uses encryption we cannot read ({algorithm}). Export it again with the default options.";
    /// Truncated or damaged.
    P12Damaged = "p12.damaged", Error,
        "El certificado está incompleto o dañado. Descárgalo o expórtalo de nuevo.",
        "The certificate is incomplete or damaged. Download or export it again.";

    // ---- places (forms: country, departamento, municipio fields) ----
    /// Not a country we know, by code or by name.
    PlaceUnknownCountry = "place.unknown_country", Error,
        "No reconocemos el país «{value}»: elige uno de la lista.",
        "We do not recognize the country “{value}”: choose one from the list.";
    /// Not a departamento (or Chilean región), by code or by name.
    PlaceUnknownDepartment = "place.unknown_department", Error,
        "No reconocemos el departamento «{value}»: elige uno de la lista.",
        "We do not recognize the department “{value}”: choose one from the list.";
    /// Not a municipio (or comuna) of any departamento, by code or by name.
    PlaceUnknownMunicipality = "place.unknown_municipality", Error,
        "No reconocemos el municipio «{value}»: elige uno de la lista.",
        "We do not recognize the municipality “{value}”: choose one from the list.";
    /// A code whose departamento exists but that the table (dated) does not list: a new
    /// municipio, or a typo.
    PlaceUnlistedMunicipality = "place.unlisted_municipality", Warning,
        "El código {value} no está en nuestra lista de municipios de {department}: revísalo.",
        "Code {value} is not in our list of municipalities of {department}: check it.";
    /// The municipio belongs to another departamento.
    PlaceMunicipalityElsewhere = "place.municipality_elsewhere", Error,
        "{municipality} queda en {actual}, no en {department}: revisa el departamento o el municipio.",
        "{municipality} is in {actual}, not in {department}: check the department or the municipality.";

    // ---- whole forms (checkForm, checkField) ----
    /// A required field left empty (or a required file not attached).
    FormRequired = "form.required", Error,
        "Este campo es obligatorio.",
        "This field is required.";
    /// The confirmation differs from the field it confirms.
    FormConfirmationMismatch = "form.confirmation_mismatch", Error,
        "No coincide con la contraseña: escríbela otra vez igual.",
        "It does not match the password: type it again exactly.";
    /// A value that is not one of the field's options.
    FormInvalidChoice = "form.invalid_choice", Error,
        "«{value}» no es una opción de este campo: elige una de la lista.",
        "“{value}” is not an option of this field: choose one from the list.";
    /// Shorter than the field asks.
    FormTooShort = "form.too_short", Error,
        "Escribe al menos {min} caracteres.",
        "Enter at least {min} characters.";
    /// Longer than the field takes.
    FormTooLong = "form.too_long", Error,
        "Tiene {length} caracteres; el máximo es {max}.",
        "It has {length} characters; the maximum is {max}.";
    /// What the field needs has not loaded yet: `prepareForm` (or `checkForm`) loads it.
    FormNotReady = "form.not_ready", Error,
        "Aún estamos preparando la revisión de este formulario; inténtalo en un momento.",
        "We are still getting this form's checks ready; try again in a moment.";
    /// The same email already used for another razón social with this NIT (DIAN).
    FormEmailReused = "form.email_reused", Error,
        "Ya usaste este correo para «{company}». DIAN pide un correo distinto para cada razón social.",
        "You already used this email for “{company}”. DIAN asks for a different email for each company name.";

    // ---- PDF uploads (checkPdf) ----
    /// The file is another type (a photo, a Word file) named or sent as a PDF.
    PdfNotPdf = "pdf.not_pdf", Error,
        "El archivo no es un PDF sino {kind}. Guárdalo o expórtalo como PDF y súbelo de nuevo.",
        "The file is not a PDF but {kind}. Save or export it as PDF and upload it again.";
    /// Zero bytes.
    PdfEmpty = "pdf.empty", Error,
        "El archivo está vacío. Vuelve a descargarlo o a generarlo.",
        "The file is empty. Download or generate it again.";
    /// It starts like a PDF but cannot be read.
    PdfDamaged = "pdf.damaged", Error,
        "El PDF está dañado y no se puede abrir. Vuelve a descargarlo o a generarlo.",
        "The PDF is damaged and cannot be opened. Download or generate it again.";
    /// Cut short: the end of the file is missing (an interrupted download or copy), or its
    /// cross-reference data, an object or a stream points past the end.
    PdfIncomplete = "pdf.incomplete", Error,
        "El PDF está incompleto o dañado: no se descargó o copió completo. Descárgalo o expórtalo otra vez y súbelo de nuevo.",
        "The PDF is incomplete or damaged: it was not fully downloaded or copied. Download or export it again, then upload it.";
    /// Read only after repairing its cross-reference data: the portal's tools may refuse it.
    PdfRepaired = "pdf.repaired", Warning,
        "El PDF tiene errores internos; pudimos leerlo, pero el portal podría rechazarlo. Si puedes, vuelve a generarlo.",
        "The PDF has internal errors; we could read it, but the portal may refuse it. If you can, generate it again.";
    /// Larger than the portal accepts.
    PdfTooLarge = "pdf.too_large", Error,
        "El PDF pesa {size}; el máximo es {max}. Redúcelo (por ejemplo, escanea a 150 ppp) y súbelo de nuevo.",
        "The PDF is {size}; the maximum is {max}. Make it smaller (for example, scan at 150 dpi) and upload it again.";
    /// A password is needed to open it.
    PdfEncryptedUser = "pdf.encrypted_user", Error,
        "El PDF tiene clave para abrirlo y el portal lo pide sin claves. Ábrelo y guárdalo (o imprímelo) como PDF sin contraseña.",
        "The PDF needs a password to open and the portal asks for one without. Open it and save (or print) it as a PDF without a password.";
    /// Opens, but carries an owner password (restrictions).
    PdfEncryptedOwner = "pdf.encrypted_owner", Warning,
        "El PDF tiene restricciones (clave de propietario) aunque abre sin clave; el portal podría rechazarlo. Guárdalo de nuevo sin restricciones.",
        "The PDF carries restrictions (an owner password) although it opens without one; the portal may refuse it. Save it again without restrictions.";
    /// Fewer pages than asked (a cédula needs both sides).
    PdfTooFewPages = "pdf.too_few_pages", Error,
        "El PDF tiene {pages} página(s) y se necesitan al menos {min}.",
        "The PDF has {pages} page(s) and at least {min} are needed.";
    /// More pages than allowed.
    PdfTooManyPages = "pdf.too_many_pages", Error,
        "El PDF tiene {pages} páginas; el máximo es {max}.",
        "The PDF has {pages} pages; the maximum is {max}.";
    /// Pages that are only images where the portal wants a PDF with text.
    PdfNeedsText = "pdf.needs_text", Error,
        "El PDF es una imagen escaneada (páginas sin texto: {pages}) y el portal pide el documento descargado del sistema, con texto. Descárgalo de nuevo en lugar de escanearlo.",
        "The PDF is a scanned image (pages without text: {pages}) and the portal wants the document downloaded from the system, with text. Download it again instead of scanning it.";
    /// Text pages where the portal wants a scan (a signed letter).
    PdfNeedsScan = "pdf.needs_scan", Error,
        "Este documento debe subirse escaneado (firmado a mano), y el PDF parece generado en el computador.",
        "This document must be uploaded as a scan (signed by hand), and the PDF looks generated on a computer.";
    /// A black-and-white or gray scan where the portal wants color.
    PdfNeedsColor = "pdf.needs_color", Error,
        "El escaneo está en blanco y negro o en escala de grises, y el portal lo pide a color. Escanéalo de nuevo a color.",
        "The scan is black and white or grayscale, and the portal wants it in color. Scan it again in color.";
    /// JavaScript inside the file.
    PdfJavascript = "pdf.javascript", Warning,
        "El PDF contiene JavaScript; muchos portales rechazan estos archivos. Imprímelo como PDF para quitarlo.",
        "The PDF contains JavaScript; many portals refuse such files. Print it to PDF to remove it.";
    /// A text the portal expects (the applicant's NIT, RUT or name) is not in the PDF.
    PdfMissingText = "pdf.missing_text", Error,
        "No encontramos «{text}» en el PDF. Revisa que hayas subido el documento de la persona o empresa correcta.",
        "We did not find “{text}” in the PDF. Check that you uploaded the document of the right person or company.";
    /// The document was issued longer ago than the portal accepts.
    PdfTooOld = "pdf.too_old", Error,
        "El documento se expidió el {date}, hace {age} días, y debe tener menos de {max} días. Solicita uno nuevo y súbelo.",
        "The document was issued on {date}, {age} days ago, and must be less than {max} days old. Request a new one and upload it.";
    /// The issue date found is after today.
    PdfIssuedInFuture = "pdf.issued_in_future", Warning,
        "La fecha de expedición del PDF ({date}) es posterior a hoy. Revisa la fecha de tu equipo o el documento.",
        "The PDF's issue date ({date}) is after today. Check your device's date or the document.";
    /// No issue date could be found in the text.
    PdfIssueDateNotFound = "pdf.issue_date_not_found", Warning,
        "No encontramos la fecha de expedición en el PDF. Verifica tú que tenga menos de {max} días.",
        "We did not find the issue date in the PDF. Check yourself that it is less than {max} days old.";
    /// The rules ask about the text, and the PDF has none to read (a scan).
    PdfTextUnreadable = "pdf.text_unreadable", Warning,
        "El PDF no tiene texto que podamos leer (parece escaneado), así que no pudimos revisar su contenido.",
        "The PDF has no text we can read (it looks scanned), so we could not check what it says.";
    /// `content` asks for text or a scan, and no page paints anything visible: no character
    /// other than spaces, no image.
    PdfBlank = "pdf.blank", Error,
        "El PDF está en blanco: no tiene texto ni imágenes visibles. Revisa que sea el documento correcto y genéralo o escanéalo de nuevo.",
        "The PDF is blank: no visible text or images. Check that it is the right document and generate or scan it again.";
    /// A limit stopped the inspection early.
    PdfTooComplex = "pdf.too_complex", Warning,
        "El PDF es demasiado complejo para revisarlo completo aquí; revisamos solo una parte.",
        "The PDF is too complex to check completely here; we checked only part of it.";

    // ---- internal ----
    /// The WebAssembly module trapped (a bug: no input should do this). The package restarted
    /// it, so the next check works; this one could not be answered.
    InternalError = "internal.error", Error,
        "No pudimos revisar este dato por un error interno. Inténtalo de nuevo; si se repite, avisa al portal.",
        "We could not check this because of an internal error. Try again; if it happens again, tell the portal.";
}

/// What a password rule requires, as shown in a checklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "files")),
    derive(tsify::Tsify)
)]
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

    /// The checklist line in `lang`; `{n}` and `{allowed}` are filled by the caller. One
    /// match per language, each a lookup table (as [`Code::template`]).
    pub fn template(self, lang: Lang) -> &'static str {
        use RuleId::*;
        match lang {
            Lang::Es => match self {
                MinLength => "Al menos {n} caracteres",
                MaxLength => "Como máximo {n} caracteres",
                Upper => "Una letra mayúscula (A–Z)",
                Lower => "Una letra minúscula (a–z)",
                Digit => "Un número (0–9)",
                Special => "Un carácter especial: {allowed}",
                NoWhitespace => "Sin espacios",
                MaxRepeat => "No más de {n} caracteres iguales seguidos",
                NotBlocklisted => "No es una contraseña común",
                NoPersonal => "No contiene tus datos personales",
                Confirmation => "La confirmación coincide",
            },
            Lang::En => match self {
                MinLength => "At least {n} characters",
                MaxLength => "At most {n} characters",
                Upper => "An uppercase letter (A–Z)",
                Lower => "A lowercase letter (a–z)",
                Digit => "A digit (0–9)",
                Special => "A special character: {allowed}",
                NoWhitespace => "No spaces",
                MaxRepeat => "No more than {n} identical characters in a row",
                NotBlocklisted => "Not a common password",
                NoPersonal => "Does not contain your personal data",
                Confirmation => "The confirmation matches",
            },
        }
    }
}

/// The code reference as Markdown: one row per code, in table order.
pub fn reference_markdown() -> String {
    let mut out = String::from(
        "# Finding codes\n\n\
         Generated from `src/codes.rs` by `PREVALIDA_BLESS=1 cargo test codes`; a test fails when\n\
         this file and the table differ. Codes are API: they are never renamed. Severity is fixed\n\
         per code. `{name}` marks a parameter (`finding.params.name`). `listCodes()` returns the\n\
         same list at run time.\n",
    );
    let mut group = "";
    for c in Code::ALL {
        let g = c.as_str().split('.').next().unwrap_or_default();
        if g != group {
            group = g;
            out.push_str(&format!(
                "\n## `{g}.*`\n\n| code | severity | Spanish (default) | English |\n|---|---|---|---|\n"
            ));
        }
        let sev = match c.severity() {
            crate::Severity::Error => "error",
            crate::Severity::Warning => "warning",
            crate::Severity::Info => "info",
        };
        let cell = |t: &str| t.replace('|', "\\|");
        out.push_str(&format!(
            "| `{}` | {sev} | {} | {} |\n",
            c.as_str(),
            cell(c.template(Lang::Es)),
            cell(c.template(Lang::En))
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// docs/codes.md is generated from the table; `PREVALIDA_BLESS=1` rewrites it.
    #[test]
    fn codes_reference_is_generated_from_the_table() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/codes.md");
        let want = reference_markdown();
        if std::env::var_os("PREVALIDA_BLESS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "docs/codes.md differs from src/codes.rs: run PREVALIDA_BLESS=1 cargo test codes"
        );
    }

    #[test]
    fn one_table_for_every_group() {
        for group in [
            "api.",
            "email.",
            "password.",
            "id.",
            "phone.",
            "name.",
            "pdf.",
            "internal.",
        ] {
            assert!(
                Code::ALL.iter().any(|c| c.as_str().starts_with(group)),
                "{group}"
            );
        }
    }
}
