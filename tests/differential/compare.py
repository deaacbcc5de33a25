"""Differential test of prevalida's identifiers and phones against python-stdnum 2.2 and
libphonenumber (PyPI `phonenumbers` 9.0.43), run by `make test` (scripts/test.sh).

Generates, with a fixed seed, thousands of valid numbers per kind and near misses made
the way people get them wrong (one digit changed, two swapped, one missing or extra, a
wrong check digit, odd separators, pasted Unicode dashes and spaces, lower-case k, a
leading CL, letters for digits), runs them through prevalida (examples/id_cli.rs) and
compares the verdicts, and for valid numbers the compact and display forms.

Every disagreement must fall under one of the DELIBERATE differences below (each is
listed, with its reason, in README.md "Identifiers"); any other fails the run. Prints the
counts per kind.
"""
import json
import random
import subprocess
import sys
from collections import Counter, defaultdict

import phonenumbers
from phonenumbers import PhoneNumberType as T
from stdnum.cl import rut
from stdnum.co import nit
from stdnum.ec import ci, ruc

SEED = 20261122
N = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
rng = random.Random(SEED)
DIGITS = "0123456789"


def digits(n):
    return "".join(rng.choice(DIGITS) for _ in range(n))


def mutate(s):
    """One way people get a number wrong, or a way of writing it right."""
    k = rng.randrange(15)
    ds = [i for i, c in enumerate(s) if c.isdigit()]
    if not ds:
        return s
    i = rng.choice(ds)
    if k == 0:  # one digit changed
        return s[:i] + rng.choice(DIGITS.replace(s[i], "")) + s[i + 1:]
    if k == 1 and len(ds) > 1:  # two neighbours swapped
        j = ds[ds.index(i) - 1] if ds.index(i) > 0 else ds[1]
        a, b = sorted((i, j))
        return s[:a] + s[b] + s[a + 1:b] + s[a] + s[b + 1:]
    if k == 2:  # one digit missing
        return s[:i] + s[i + 1:]
    if k == 3:  # one digit extra
        return s[:i] + rng.choice(DIGITS) + s[i:]
    if k == 4:  # spaces around
        return "  " + s + " "
    if k == 5:  # separators in odd places
        return s[:i] + rng.choice(".- ,") + s[i:]
    if k == 6:  # pasted from a PDF: en dash, no-break space
        return s.replace("-", "\u2013").replace(" ", "\u00a0")
    if k == 7:  # letter O for zero, l for one
        return s.replace("0", "O", 1) if "0" in s else s.replace("1", "l", 1)
    if k == 8:  # full-width digits
        return "".join(chr(0xFF10 + int(c)) if c.isdigit() else c for c in s)
    return s


def group(body):
    out = ""
    for i, c in enumerate(body):
        if i and (len(body) - i) % 3 == 0:
            out += "."
        out += c
    return out


def gen_nit():
    n = rng.choice([5, 6, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 11, 13, 15, 16])
    body = rng.choice("123456789") + digits(n - 1)
    dv = nit.calc_check_digit(body) if len(body) <= 15 else "0"
    style = rng.randrange(4)
    s = [group(body) + "-" + dv, body + "-" + dv, body + dv, body + " " + dv][style]
    return s if rng.random() < 0.4 else mutate(s)


def gen_rut():
    n = rng.choice([6, 7, 7, 7, 8, 8, 8, 8, 8, 9])
    body = rng.choice("123456789") + digits(n - 1)
    dv = rut.calc_check_digit(body)
    s = rng.choice([group(body) + "-" + dv, body + "-" + dv, body + dv, "CL" + body + dv,
                    (group(body) + "-" + dv).lower(), "0" + body + "-" + dv])
    return s if rng.random() < 0.4 else mutate(s)


def ci_digit(nine):
    s = 0
    for i, c in enumerate(nine):
        p = int(c) * (2 if i % 2 == 0 else 1)
        s += p - 9 if p > 9 else p
    return str((10 - s % 10) % 10)


def gen_prov():
    return "%02d" % rng.choice(list(range(1, 25)) * 3 + [0, 25, 29, 30, 50, 99])


def gen_ci():
    nine = gen_prov() + rng.choice("0123456789") + digits(6)
    s = nine + ci_digit(nine)
    s = rng.choice([s, s[:9] + "-" + s[9]])
    return s if rng.random() < 0.4 else mutate(s)


def mod11_digit(base, weights):
    s = sum(int(c) * w for c, w in zip(base, weights)) % 11
    return None if s == 1 else str((11 - s) % 11)


def gen_ruc():
    kind = rng.randrange(4)
    if kind == 0:  # natural
        nine = gen_prov() + rng.choice("012345") + digits(6)
        s = nine + ci_digit(nine) + rng.choice(["001", "002", "000", "010"])
    elif kind == 1:  # public: third digit 6, check 9th
        while True:
            eight = gen_prov() + "6" + digits(5)
            d = mod11_digit(eight, [3, 2, 7, 6, 5, 4, 3, 2])
            if d is not None:
                break
        s = eight + d + rng.choice(["0001", "0002", "0000"])
    elif kind == 2:  # private: third digit 9, check 10th
        while True:
            nine = gen_prov() + "9" + digits(6)
            d = mod11_digit(nine, [4, 3, 2, 7, 6, 5, 4, 3, 2])
            if d is not None:
                break
        s = nine + d + rng.choice(["001", "002", "000"])
    else:  # anything 13 digits
        s = gen_prov() + digits(11)
    return s if rng.random() < 0.4 else mutate(s)


def std_compact(module, v):
    return module.compact(v)


# ---- the deliberate differences (README.md "Identifiers"); each returns a reason or None ----
def nit_reason(v, ours):
    c = nit.compact(v)
    if ours["ok"] and c.isdigit() and 6 <= len(c) <= 7:
        return "co.nit body of 5-6 digits: a person's NIT is the cedula, which can be that short (stdnum needs 7)"
    return None


def rut_reason(v, ours):
    if ours["ok"] and ("," in v or "\u00a0" in v):
        return "cl.rut written with commas or no-break spaces: accepted here as for every other kind (stdnum's Chilean compact() strips only spaces, hyphens and dots)"
    c = rut.compact(v)
    if ours["ok"] and c.startswith("0") and len(c) == 10:
        return "cl.rut with a leading zero before 8 body digits: leading zeros are not part of the number (cordada lib-cl-sii), stdnum counts them towards its length limit"
    body = c[:-1].lstrip("0")
    if ours["ok"] and len(body) <= 6:
        return "cl.rut body below 1,000,000 (6 digits or fewer): valid for the SII schema, a warning here (stdnum needs 7-8)"
    return None


def ec_reason(v, ours):
    if ours["ok"] and ("." in v or "," in v or "\u00a0" in v or "\u2013" in v or any(0xFF10 <= ord(ch) <= 0xFF19 for ch in v)):
        return "ec.ci / ec.ruc written with dots, commas or pasted Unicode separators/full-width digits: accepted here as for every other kind (stdnum's Ecuadorian compact() strips only spaces and hyphens)"
    return None


def ruc_reason(v, ours):
    r = ec_reason(v, ours)
    if r:
        return r
    if ours["ok"] and any(f["code"] == "id.ruc_checksum" for f in ours["findings"]):
        return "ec.ruc of a company or public entity failing its checksum: a warning here, because the SRI issues such RUCs (python-stdnum#497)"
    return None


KINDS = {
    "co.nit": (gen_nit, nit, nit_reason),
    "cl.rut": (gen_rut, rut, rut_reason),
    "ec.ci": (gen_ci, ci, ec_reason),
    "ec.ruc": (gen_ruc, ruc, ruc_reason),
}

VECTORS = {
    "co.nit": ["800.197.268-4", "900.204.272-8", "830048145-8", "900559088-2", "890321151-0", "901223648-8"],
    "cl.rut": ["60.803.000-K", "76.086.428-5", "96.874.030-K", "12.531.909-2", "07880442-4"],
    "ec.ci": ["1710034065", "171430710-3"],
    "ec.ruc": ["1793213150001", "1793189906001", "0993366721001", "0993370026001", "0993381661001", "1793221293001"],
}


def run(pairs):
    proc = subprocess.run(
        [sys.argv[2] if len(sys.argv) > 2 else "target/release/examples/id_cli"],
        input="".join(json.dumps(p) + "\n" for p in pairs), capture_output=True, text=True, check=True)
    return [json.loads(line) for line in proc.stdout.splitlines()]


def main():
    failures = []
    report = {}
    for kind, (gen, module, reason) in KINDS.items():
        values = VECTORS[kind] + [gen() for _ in range(N)]
        seen = set()
        values = [v for v in values if not (v in seen or seen.add(v))]
        results = run([[kind, v] for v in values])
        counts = Counter()
        reasons = Counter()
        for v, ours in zip(values, results):
            theirs = module.is_valid(v)
            counts["valid" if theirs else "invalid"] += 1
            if ours["ok"] == theirs:
                if theirs:
                    want = module.compact(v)
                    got = ours["compact"]
                    if kind == "cl.rut":  # ours keeps the SII hyphen and drops leading zeros
                        want = want[:-1].lstrip("0") + "-" + want[-1]
                    if got != want:
                        failures.append((kind, v, "compact", got, want))
                    if hasattr(module, "format"):
                        fw = module.format(v)
                        if kind == "cl.rut":
                            c = module.compact(v)
                            fw = group(c[:-1].lstrip("0")) + "-" + c[-1]
                        if ours["formatted"] != fw:
                            failures.append((kind, v, "format", ours["formatted"], fw))
                counts["agree"] += 1
                continue
            r = reason(v, ours)
            if r:
                reasons[r] += 1
            else:
                failures.append((kind, v, "verdict", ours["ok"], theirs, [f["code"] for f in ours["findings"]]))
        report[kind] = (len(values), counts, reasons)
        print(f"{kind:7} {len(values):5} values ({counts['valid']} valid, {counts['invalid']} invalid for stdnum): "
              f"{counts['agree']} agree, {sum(reasons.values())} deliberate differences")
        for r, n in reasons.items():
            print(f"          {n:4} × {r}")
    phones(failures)
    if failures:
        print(f"\n{len(failures)} unexplained disagreements, the first 20:")
        for f in failures[:20]:
            print("  ", f)
        sys.exit(1)
    print("\nno unexplained disagreement")


# ---- phones vs libphonenumber ----
PREFIXES = {
    "CO": ["3", "30", "31", "32", "33", "333", "3333", "35", "36", "37", "39", "60", "601", "602", "604", "605", "606", "607", "608", "609", "6010", "9408", "5", "46"],
    "CL": ["9", "91", "93", "96", "99", "2", "22", "23", "21", "3", "4", "44", "5", "6", "600", "7", "8", "80"],
    "EC": ["9", "93", "94", "95", "96", "97", "98", "99", "2", "3", "4", "5", "6", "7", "8"],
}
NSN_LEN = {"CO": [10, 10, 10, 9, 11, 8], "CL": [9, 9, 9, 8, 10], "EC": [9, 9, 8, 8, 10]}
CC = {"CO": "57", "CL": "56", "EC": "593"}
PERSONAL = {T.MOBILE: "mobile", T.FIXED_LINE: "fixed", T.FIXED_LINE_OR_MOBILE: None, T.VOIP: "fixed"}


def same_as_plus57(written, ours):
    """Whether prevalida's answer for 0057… is libphonenumber's for +57…."""
    num = phonenumbers.parse("+57" + written[4:], "CO")
    ok = phonenumbers.is_valid_number(num) and phonenumbers.number_type(num) in PERSONAL
    e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
    return ours["ok"] == ok and (not ok or ours.get("e164") == e164)


def phone_reason(country, written, nsn, ours, theirs_type):
    if country == "CO" and written.startswith("0057") and same_as_plus57(written, ours):
        return ("CO written 0057…: read as +57, as applicants abroad mean it; libphonenumber, dialing from inside "
                "Colombia, reads 00 + carrier 5 + country 7 (Russia)")
    if country == "CL" and theirs_type == T.FIXED_LINE_OR_MOBILE and ours["ok"]:
        return None  # type compared below
    if not ours["ok"] and theirs_type in (T.TOLL_FREE, T.PREMIUM_RATE, T.SHARED_COST, T.UAN):
        return "service numbers (toll-free, premium, shared cost) are not contact numbers: phone.service_number"
    if country == "CO" and len(nsn) == 8 and nsn.startswith("46") and not ours["ok"]:
        return "CO 8-digit 46xxxxxx: libphonenumber still lists it as fixed; read here as the pre-2021 format (phone.old_area_code)"
    return "unexplained"


def phones(failures):
    for country in ("CO", "CL", "EC"):
        pairs, nsns = [], []
        for _ in range(N):
            n = rng.choice(NSN_LEN[country])
            p = rng.choice(PREFIXES[country])
            nsn = (p + digits(max(0, n - len(p))))[:n]
            nsns.append(nsn)
            written = rng.choice([
                "+" + CC[country] + " " + nsn,
                "00" + CC[country] + nsn,
                ("0" if country == "EC" else "") + nsn,
                "(" + nsn[:3] + ") " + nsn[3:6] + "-" + nsn[6:] if country == "CO" else "+" + CC[country] + nsn,
            ])
            pairs.append(["phone:" + country, written])
        results = run(pairs)
        agree, reasons = 0, Counter()
        for nsn, (_, v), ours in zip(nsns, pairs, results):
            num = phonenumbers.parse(v, country)
            valid = phonenumbers.is_valid_number(num)
            t = phonenumbers.number_type(num)
            personal = valid and t in PERSONAL
            same = ours["ok"] == personal
            if same and personal:
                want_e164 = phonenumbers.format_number(num, phonenumbers.PhoneNumberFormat.E164)
                want_type = PERSONAL[t] or ("mobile" if nsn.startswith("9") else "fixed")
                same = ours.get("e164") == want_e164 and ours.get("type") == want_type
            if same:
                agree += 1
                continue
            r = phone_reason(country, v, nsn, ours, t if valid else None)
            if r == "unexplained":
                failures.append(("phone", country, v, ours, personal, t))
            else:
                reasons[r] += 1
        print(f"phone {country} {len(pairs):5} numbers vs libphonenumber: {agree} agree, {sum(reasons.values())} deliberate differences")
        for r, n in reasons.items():
            print(f"          {n:4} × {r}")


main()
