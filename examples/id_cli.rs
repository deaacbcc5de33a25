//! Reads JSON lines `["co.nit", "800.197.268-4"]` (a kind or DIAN code, or `"phone:CO"`)
//! on stdin and writes each result as a JSON line: the driver of the differential tests
//! against python-stdnum and libphonenumber (`tests/differential/compare.py`).
use prevalida::id::{check_id_as, IdOptions, Kind};
use prevalida::phone::{check_phone, Country, PhoneOptions};
use std::io::{BufRead, Write};

fn main() {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout());
    let id = IdOptions {
        skip_messages: true,
        ..Default::default()
    };
    let phone = PhoneOptions {
        skip_messages: true,
        ..Default::default()
    };
    for line in stdin.lock().lines() {
        let line = line.expect("stdin");
        let (kind, value): (String, String) =
            serde_json::from_str(&line).expect("a [kind, value] pair");
        let json = match kind.strip_prefix("phone:") {
            Some(c) => serde_json::to_string(&check_phone(
                Country::parse(c).expect("country"),
                &value,
                &phone,
            )),
            None => {
                let (k, code) = Kind::parse(&kind).expect("kind");
                serde_json::to_string(&check_id_as(k, code, &value, &id))
            }
        };
        writeln!(out, "{}", json.expect("serializable")).expect("stdout");
    }
}
