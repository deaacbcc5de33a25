//! Places typed in a form: countries (in the core: ISO codes and the names applicants type),
//! and departamentos/municipios of Colombia (DIVIPOLA) and regiones/comunas of Chile (CUT),
//! which are data loaded on first use ([`load`]), not code: the package ships the two CSV
//! files of `src/form/data/` as they are and hands them to the core when a form needs them.
//! Codes nest by prefix (municipio 05001 is in departamento 05; comuna 13101 in región 13),
//! so a code the dated table does not list but whose prefix is a departamento is a warning,
//! never an error (new municipios appear; `src/form/data/README.md`).

use std::cell::RefCell;

/// ISO 3166-1 alpha-2 codes, two letters each.
const ISO: &str = "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";

/// The countries applicants of these portals name most, as they type them (folded).
const NAMES: &[(&str, &str)] = &[
    ("CO", "colombia"),
    ("CL", "chile"),
    ("EC", "ecuador"),
    ("PE", "peru"),
    ("VE", "venezuela"),
    ("AR", "argentina"),
    ("BO", "bolivia"),
    ("BR", "brasil"),
    ("MX", "mexico"),
    ("PA", "panama"),
    ("CR", "costa rica"),
    ("US", "estados unidos"),
    ("ES", "espana"),
    ("UY", "uruguay"),
    ("PY", "paraguay"),
    ("CU", "cuba"),
    ("DO", "republica dominicana"),
    ("GT", "guatemala"),
    ("HN", "honduras"),
    ("SV", "el salvador"),
    ("NI", "nicaragua"),
    ("PR", "puerto rico"),
    ("CA", "canada"),
    ("FR", "francia"),
    ("IT", "italia"),
    ("DE", "alemania"),
    ("GB", "reino unido"),
    ("PT", "portugal"),
    ("CN", "china"),
    ("JP", "japon"),
    ("HT", "haiti"),
];

/// A country by ISO code (any case) or by name: its code.
pub fn country(value: &str) -> Option<&'static str> {
    let v = value.trim();
    if v.len() == 2 {
        let up = v.to_ascii_uppercase();
        return (0..ISO.len() / 2)
            .map(|i| &ISO[2 * i..2 * i + 2])
            .find(|c| *c == up);
    }
    let key = key(v);
    NAMES.iter().find(|(_, n)| *n == key).map(|(c, _)| *c)
}

/// A name folded for matching: lower case, no accents, words of letters and digits only
/// (`"Bogotá, D.C."` → `"bogota d c"`… joined as `"bogota dc"`: single letters glue).
pub fn key(s: &str) -> String {
    let mut out = String::new();
    let mut last_single = false;
    for word in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w: String = word.chars().map(crate::text::fold).collect();
        let single = w.chars().count() == 1;
        if !out.is_empty() && !(single && last_single) {
            out.push(' ');
        }
        out.push_str(&w);
        last_single = single;
    }
    out
}

/// A place of the loaded tables.
#[derive(Clone, Debug)]
pub struct Place {
    /// Its code (2 digits for a departamento or región, 5 for a municipio or comuna).
    pub code: String,
    /// Its name as the table writes it.
    pub name: String,
    key: String,
}

/// One country's loaded table.
#[derive(Default)]
struct Table {
    departments: Vec<Place>,
    municipalities: Vec<Place>,
}

thread_local! {
    static TABLES: RefCell<Vec<(String, Table)>> = const { RefCell::new(Vec::new()) };
}

/// Loads a country's table from its CSV (`co_divipola_municipios.csv`: municipio code,
/// departamento code, departamento, municipio; `cl_cut_2018.csv`: región code, región,
/// provincia code, provincia, comuna code, comuna). Answers how many municipios it read.
pub fn load(country: &str, csv: &str) -> usize {
    let (dept, dept_name, muni, muni_name) = match country {
        "CO" => (1, 2, 0, 3),
        "CL" => (0, 1, 4, 5),
        _ => return 0,
    };
    let mut t = Table::default();
    for line in csv.lines().skip(1) {
        let cells = cells(line);
        let (Some(d), Some(dn), Some(m), Some(mn)) = (
            cells.get(dept),
            cells.get(dept_name),
            cells.get(muni),
            cells.get(muni_name),
        ) else {
            continue;
        };
        if !t.departments.iter().any(|p| &p.code == d) {
            t.departments.push(place(d, dn));
        }
        t.municipalities.push(place(m, mn));
    }
    let n = t.municipalities.len();
    TABLES.with(|tables| {
        let mut tables = tables.borrow_mut();
        tables.retain(|(c, _)| c != country);
        tables.push((country.to_owned(), t));
    });
    n
}

/// Whether the table of `country` is loaded.
pub fn loaded(country: &str) -> bool {
    TABLES.with(|t| t.borrow().iter().any(|(c, _)| c == country))
}

fn place(code: &str, name: &str) -> Place {
    Place {
        code: code.to_owned(),
        name: name.to_owned(),
        key: key(name),
    }
}

/// The cells of a CSV line (quotes as RFC 4180 writes them).
fn cells(line: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                if let Some(cell) = out.last_mut() {
                    cell.push('"');
                }
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(String::new()),
            c => {
                if let Some(cell) = out.last_mut() {
                    cell.push(c);
                }
            }
        }
    }
    out
}

/// What a departamento typed resolves to.
pub enum Found {
    /// This place.
    One(Place),
    /// Not listed, but its code's prefix is this departamento: the table may be older than
    /// the place (a warning).
    Unlisted(Place),
    /// Nothing.
    None,
}

/// The departamento (región) typed as `value`, by code or name; `None` when the table of
/// `country` is not loaded.
pub fn department(country: &str, value: &str) -> Option<Found> {
    with(country, |t| find(&t.departments, value, |_| true))
}

/// The municipio (comuna) typed as `value`: first among those of the departamento `dept`
/// (a code) when given, then anywhere. `None` when the table is not loaded.
pub fn municipality(country: &str, value: &str, dept: Option<&str>) -> Option<Found> {
    with(country, |t| {
        if let Some(d) = dept {
            if let Found::One(p) = find(&t.municipalities, value, |p| p.code.starts_with(d)) {
                return Found::One(p);
            }
        }
        match find(&t.municipalities, value, |_| true) {
            Found::None => {
                let v = value.trim();
                // A 5-digit code whose departamento exists: unlisted, not unknown.
                match t.departments.iter().find(|d| {
                    v.len() == 5 && v.bytes().all(|b| b.is_ascii_digit()) && v.starts_with(&d.code)
                }) {
                    Some(d) => Found::Unlisted(d.clone()),
                    None => Found::None,
                }
            }
            found => found,
        }
    })
}

fn with<R>(country: &str, f: impl FnOnce(&Table) -> R) -> Option<R> {
    TABLES.with(|t| {
        t.borrow()
            .iter()
            .find(|(c, _)| c == country)
            .map(|(_, t)| f(t))
    })
}

/// By code, then by folded name (exactly; then the one name that starts with it, so that
/// "Bogotá" finds "Bogotá, D.C." and "Valle" "Valle del Cauca"; then the one that holds it
/// as whole words, so that "San Andrés" finds the archipelago).
fn find(places: &[Place], value: &str, within: impl Fn(&Place) -> bool) -> Found {
    let v = value.trim();
    let places = places.iter().filter(|p| within(p));
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        return places
            .clone()
            .find(|p| p.code == v)
            .cloned()
            .map_or(Found::None, Found::One);
    }
    let k = key(v);
    if k.is_empty() {
        return Found::None;
    }
    if let Some(p) = places.clone().find(|p| p.key == k) {
        return Found::One(p.clone());
    }
    let padded = crate::text::cat(&[" ", &k, " "]);
    for test in [
        &(|p: &Place| p.key.starts_with(&crate::text::cat(&[&k, " "]))) as &dyn Fn(&Place) -> bool,
        &|p: &Place| crate::text::cat(&[" ", &p.key, " "]).contains(&padded),
    ] {
        let mut hits = places.clone().filter(|p| test(p));
        if let (Some(p), None) = (hits.next(), hits.next()) {
            return Found::One(p.clone());
        }
    }
    Found::None
}

#[cfg(test)]
mod tests {
    use super::*;

    const CO: &str = include_str!("data/co_divipola_municipios.csv");
    const CL: &str = include_str!("data/cl_cut_2018.csv");

    fn one(f: Option<Found>) -> Option<String> {
        match f? {
            Found::One(p) => Some(p.code),
            _ => None,
        }
    }

    #[test]
    fn places_by_code_or_name() {
        assert_eq!(load("CO", CO), 1121);
        assert_eq!(load("CL", CL), 346);
        for typed in ["11", "Bogotá D.C.", "BOGOTA", "bogotá, d.c.", "Bogota DC"] {
            assert_eq!(
                one(department("CO", typed)).as_deref(),
                Some("11"),
                "{typed}"
            );
        }
        assert_eq!(one(department("CO", "Valle")).as_deref(), Some("76"));
        assert_eq!(one(department("CO", "San Andrés")).as_deref(), Some("88"));
        assert_eq!(one(department("CO", "Narino")).as_deref(), Some("52"));
        for typed in ["11001", "Bogotá", "BOGOTA, D.C."] {
            assert_eq!(
                one(municipality("CO", typed, Some("11"))).as_deref(),
                Some("11001")
            );
        }
        assert_eq!(
            one(municipality("CO", "medellin", Some("05"))).as_deref(),
            Some("05001")
        );
        // Medellín asked in Cundinamarca: found elsewhere, the caller says where.
        assert_eq!(
            one(municipality("CO", "Medellín", Some("25"))).as_deref(),
            Some("05001")
        );
        assert!(matches!(
            municipality("CO", "05999", Some("05")),
            Some(Found::Unlisted(_))
        ));
        assert!(matches!(
            municipality("CO", "Gotham", Some("05")),
            Some(Found::None)
        ));
        assert_eq!(one(department("CL", "Ñuble")).as_deref(), Some("16"));
        assert_eq!(
            one(department("CL", "Metropolitana")).as_deref(),
            Some("13")
        );
        assert_eq!(
            one(municipality("CL", "Santiago", Some("13"))).as_deref(),
            Some("13101")
        );
        assert_eq!(
            one(municipality("CL", "Chillán", None)).as_deref(),
            Some("16101")
        );
        assert_eq!(country("co"), Some("CO"));
        assert_eq!(country("Perú"), Some("PE"));
        assert_eq!(country("XX"), None);
    }
}
