//! `#[derive(Schema)]` agrees with `#[derive(Deserialize)]` on which keys a body may hold.
//!
//! Each struct here derives both, with the serde attributes `job-schema` honours (`rename_all`
//! in all eight casings and in its `deserialize` form, `rename` in all its forms, `alias`,
//! `default` on fields and on the struct, `skip`, `skip_deserializing`,
//! `deny_unknown_fields`). For each, two checks against `serde_json`:
//!
//! - **wire names, both ways**: every candidate key (each field name in every casing, the
//!   aliases and renames, near misses) is sent twice in one body. serde reads it as a field
//!   exactly when it answers "duplicate field `name`"; `job-schema` exactly when it reports
//!   `duplicate_field` at that field rather than `unknown_field` at the key. The two maps from
//!   key to field must be equal.
//! - **presence, on many bodies**: keys present, absent, aliased, repeated and unknown. Every
//!   body serde reads draws no `required`, `duplicate_field` or `unknown_field` error from
//!   `job-schema`, and builds the same record; every body serde rejects for a missing field, a
//!   repeated field or an unknown field (under `deny_unknown_fields`) draws that error at that
//!   field or key; every key-level error of `job-schema` is on a body serde rejects.
//!
//! One difference is deliberate and tested as such: a key that is not a field, sent twice, is
//! a `duplicate_field` error in `job-schema` (docs/decisions.md, "Keys"), while serde ignores
//! both copies. Bodies of the presence check repeat only keys that are fields.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Debug;

use job_schema::{Code, Options, Report, Schema};
use serde::de::DeserializeOwned;
use serde::Deserialize;

/// The same five fields under each casing, declared through a macro so that `rename_all`
/// arrives as a macro fragment too.
macro_rules! cased {
    ($($name:ident = $case:literal),* $(,)?) => {$(
        #[derive(Debug, PartialEq, Deserialize, Schema)]
        #[serde(rename_all = $case)]
        #[allow(non_snake_case)]
        struct $name {
            #[schema(required)]
            first_name: String,
            job2_id: Option<String>,
            r#type: Option<String>,
            x: Option<String>,
            purchase_order_number: Option<String>,
            /// Not `snake_case`: `lowercase` and `snake_case` leave it as written.
            customerID: Option<String>,
        }
    )*};
}

cased! {
    Lower = "lowercase",
    Upper = "UPPERCASE",
    Pascal = "PascalCase",
    Camel = "camelCase",
    Snake = "snake_case",
    ScreamingSnake = "SCREAMING_SNAKE_CASE",
    Kebab = "kebab-case",
    ScreamingKebab = "SCREAMING-KEBAB-CASE",
}

/// `rename_all` with a deserialize rule other than the serialize one.
#[derive(Debug, PartialEq, Deserialize, Schema)]
#[serde(rename_all(serialize = "SCREAMING_SNAKE_CASE", deserialize = "kebab-case"))]
struct SplitCase {
    #[schema(required)]
    first_name: String,
    job2_id: Option<String>,
}

/// `rename_all` for serialization only: the reader reads the names as written.
#[derive(Debug, PartialEq, Deserialize, Schema)]
#[serde(rename_all(serialize = "camelCase"))]
struct SerializeCaseOnly {
    first_name: Option<String>,
    job2_id: Option<String>,
}

fn default_status() -> String {
    "Quote".to_owned()
}

/// Names, aliases, renames, defaults and skips on one struct.
#[derive(Debug, PartialEq, Deserialize, Schema)]
#[serde(rename_all = "camelCase")]
struct Contact {
    #[serde(alias = "fullName", alias = "full_name")]
    #[schema(required, max_len = 40)]
    name: String,
    #[serde(rename = "MOBILE", alias = "mobile_phone")]
    mobile: Option<String>,
    #[serde(rename(serialize = "emailOut", deserialize = "email_address"))]
    email: Option<String>,
    /// serde reads the first deserialize name and accepts the others as aliases.
    #[serde(rename(deserialize = "ref_a"), rename(deserialize = "ref_b"))]
    reference: Option<String>,
    /// A serialize-only rename leaves the deserialize name to `rename_all`.
    #[serde(rename(serialize = "SER_ONLY"))]
    job_note: Option<String>,
    #[serde(default)]
    #[schema(max_len = 50)]
    company_name: String,
    #[serde(default = "default_status", alias = "state")]
    status: String,
    /// Not a field type `job-schema` reads: a skipped field needs only `Default`.
    #[serde(skip)]
    cache: HashMap<String, u32>,
    #[serde(skip_deserializing, default = "default_status")]
    computed: String,
    #[serde(skip_serializing_if = "Option::is_none", skip_serializing)]
    quiet: Option<String>,
}

/// Unknown keys are errors; a skipped field's key is one of them.
#[derive(Debug, PartialEq, Deserialize, Schema)]
#[serde(deny_unknown_fields)]
struct Strict {
    #[schema(required)]
    status: String,
    #[serde(alias = "desc")]
    description: Option<String>,
    #[serde(skip)]
    seen: HashMap<String, u32>,
}

/// Every missing field takes its value from the struct's `Default`.
#[derive(Debug, PartialEq, Deserialize, Schema)]
#[serde(default)]
struct Defaults {
    status: String,
    #[serde(alias = "qty")]
    quantity: String,
    note: Option<String>,
    #[serde(default = "default_status")]
    own: String,
    #[serde(skip)]
    hidden: String,
}

impl Default for Defaults {
    fn default() -> Defaults {
        Defaults {
            status: "Work Order".to_owned(),
            quantity: "1".to_owned(),
            note: Some("from the struct".to_owned()),
            own: "never used".to_owned(),
            hidden: "hidden default".to_owned(),
        }
    }
}

fn defaults_by_path() -> DefaultsByPath {
    DefaultsByPath {
        status: "Completed".to_owned(),
        code: Some("X".to_owned()),
    }
}

/// The struct's default from a function, under `deny_unknown_fields`.
#[derive(Debug, PartialEq, Deserialize, Schema)]
#[serde(default = "defaults_by_path", deny_unknown_fields)]
struct DefaultsByPath {
    status: String,
    #[serde(rename = "CODE")]
    code: Option<String>,
}

/// serde's eight casings of a `snake_case` name, written out here from serde's documentation
/// (a key that is no casing of any field is as useful a candidate as one that is).
fn casings(field: &str) -> Vec<String> {
    let words: Vec<&str> = field.split('_').filter(|w| !w.is_empty()).collect();
    let capital = |w: &str| {
        let mut chars = w.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_ascii_uppercase().to_string() + chars.as_str()
        })
    };
    let pascal: String = words.iter().map(|w| capital(w)).collect();
    let camel = {
        let mut chars = pascal.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_ascii_lowercase().to_string() + chars.as_str()
        })
    };
    vec![
        field.to_owned(),
        field.to_ascii_lowercase(),
        field.to_ascii_uppercase(),
        pascal,
        camel,
        field.replace('_', "-"),
        field.replace('_', "-").to_ascii_uppercase(),
    ]
}

/// The candidate keys: each of `names` in every casing, plus near misses.
fn universe(names: &[&str]) -> Vec<String> {
    let mut keys = BTreeSet::new();
    for name in names {
        keys.extend(casings(name));
        keys.insert(format!("{name}_"));
    }
    keys.extend(["", "unknown", "Unknown", "r#type", "-", "_"].map(str::to_owned));
    keys.into_iter().collect()
}

fn quoted(key: &str) -> String {
    serde_json::to_string(key).unwrap()
}

/// Why serde rejected a body, when the reason is a key: the kind and the name it gives.
fn serde_reason(error: &serde_json::Error) -> Option<(Code, String)> {
    let message = error.to_string();
    let name = |prefix: &str| {
        let rest = message.strip_prefix(prefix)?;
        Some(rest[..rest.find('`')?].to_owned())
    };
    if let Some(n) = name("missing field `") {
        Some((Code::Required, n))
    } else if let Some(n) = name("duplicate field `") {
        Some((Code::DuplicateField, n))
    } else {
        name("unknown field `").map(|n| (Code::UnknownField, n))
    }
}

/// The key-level errors of a report: `required`, `duplicate_field`, `unknown_field`.
fn key_errors(report: &Report) -> BTreeSet<(Code, String)> {
    report
        .errors
        .iter()
        .filter(|i| {
            matches!(
                i.code,
                Code::Required | Code::DuplicateField | Code::UnknownField
            )
        })
        .map(|i| (i.code, i.field.to_string()))
        .collect()
}

/// The field each key of `keys` is read as, by serde and by `job-schema`.
fn wire_names<T: DeserializeOwned + Schema>(keys: &[String]) -> BTreeMap<String, String> {
    let mut serde_map = BTreeMap::new();
    let mut schema_map = BTreeMap::new();
    for key in keys {
        let body = format!(r#"{{{k}: "v", {k}: "v"}}"#, k = quoted(key));
        if let Err(e) = serde_json::from_str::<T>(&body) {
            if let Some((Code::DuplicateField, field)) = serde_reason(&e) {
                serde_map.insert(key.clone(), field);
            }
        }
        let report = T::check_json(body.as_bytes(), Options::default());
        let unknown = report
            .warnings
            .iter()
            .chain(&report.errors)
            .any(|i| i.code == Code::UnknownField && i.field == key.as_str());
        let repeats: Vec<&str> = report
            .errors
            .iter()
            .filter(|i| i.code == Code::DuplicateField)
            .map(|i| &*i.field)
            .collect();
        assert_eq!(repeats.len(), 1, "{body}: {report}");
        if !unknown {
            schema_map.insert(key.clone(), repeats[0].to_owned());
        }
    }
    assert_eq!(
        schema_map,
        serde_map,
        "{}: keys read by job-schema (left) and serde (right)",
        std::any::type_name::<T>()
    );
    // Every field of the table is read under its wire name, and under no other field's.
    let fields: BTreeSet<&str> = T::FIELDS.iter().map(|f| f.name).collect();
    let read: BTreeSet<&str> = serde_map.values().map(String::as_str).collect();
    assert_eq!(read, fields, "{}", std::any::type_name::<T>());
    for name in fields {
        assert_eq!(serde_map.get(name).map(String::as_str), Some(name));
    }
    serde_map
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let wide = u128::from(self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)) * n as u128;
        usize::try_from(wide >> 64).unwrap()
    }
}

/// Compares serde and `job-schema` on `rounds` bodies built from `keys`.
fn presence<T: DeserializeOwned + Schema + PartialEq + Debug>(
    keys: &[String],
    read: &BTreeMap<String, String>,
    rounds: usize,
    seed: u64,
) {
    let deny = T::check_json(br#"{"?": 1}"#, Options::default())
        .errors
        .iter()
        .any(|i| i.code == Code::UnknownField);
    let read_keys: Vec<&String> = read.keys().collect();
    let mut rng = Rng(seed);
    let (mut accepted, mut rejected) = (0, 0);
    for round in 0..rounds {
        let mut body_keys: Vec<&str> = Vec::new();
        for _ in 0..rng.below(7) {
            // Mostly keys that are fields, sometimes a key that is not.
            let key = if rng.below(5) == 0 {
                &keys[rng.below(keys.len())]
            } else {
                read_keys[rng.below(read_keys.len())]
            };
            // A key that is not a field is sent at most once (the deliberate difference).
            if !read.contains_key(key) && body_keys.contains(&key.as_str()) {
                continue;
            }
            body_keys.push(key);
        }
        let members: Vec<String> = body_keys
            .iter()
            .enumerate()
            .map(|(i, k)| format!("{}: \"v{round}_{i}\"", quoted(k)))
            .collect();
        let body = format!("{{{}}}", members.join(", "));
        let report = T::check_json(body.as_bytes(), Options::default());
        let found = key_errors(&report);
        // Every value is a short non-empty string: every error is about keys.
        assert!(
            report
                .errors
                .iter()
                .all(|i| found.contains(&(i.code, i.field.to_string()))),
            "{body}: {report}"
        );
        match serde_json::from_str::<T>(&body) {
            Ok(value) => {
                accepted += 1;
                assert!(found.is_empty(), "serde reads {body}, job-schema: {report}");
                let built = T::from_json(body.as_bytes())
                    .unwrap_or_else(|r| panic!("{body}: {r}"))
                    .record;
                assert_eq!(built, value, "{body}");
            }
            Err(e) => {
                rejected += 1;
                let reason = serde_reason(&e).unwrap_or_else(|| panic!("{body}: {e}"));
                assert!(
                    found.contains(&reason),
                    "serde rejects {body} ({e}), job-schema: {report}"
                );
                if reason.0 == Code::UnknownField {
                    assert!(deny, "{body}");
                }
            }
        }
    }
    // The bodies exercise both verdicts.
    assert!(
        accepted > rounds / 20 && rejected > rounds / 20,
        "{accepted} {rejected}"
    );
}

fn agree<T: DeserializeOwned + Schema + PartialEq + Debug>(names: &[&str], seed: u64) {
    let keys = universe(names);
    let read = wire_names::<T>(&keys);
    presence::<T>(&keys, &read, 1_500, seed);
}

const CASED: &[&str] = &[
    "first_name",
    "job2_id",
    "type",
    "x",
    "purchase_order_number",
    "customerID",
];

#[test]
fn every_casing_reads_the_keys_serde_reads() {
    agree::<Lower>(CASED, 1);
    agree::<Upper>(CASED, 2);
    agree::<Pascal>(CASED, 3);
    agree::<Camel>(CASED, 4);
    agree::<Snake>(CASED, 5);
    agree::<ScreamingSnake>(CASED, 6);
    agree::<Kebab>(CASED, 7);
    agree::<ScreamingKebab>(CASED, 8);
    agree::<SplitCase>(&["first_name", "job2_id"], 9);
    agree::<SerializeCaseOnly>(&["first_name", "job2_id"], 10);
}

#[test]
fn the_casings_give_serdes_names() {
    let rows: [(&[job_schema::FieldSpec], [&str; 6]); 8] = [
        (
            Lower::FIELDS,
            [
                "first_name",
                "job2_id",
                "type",
                "x",
                "purchase_order_number",
                "customerID",
            ],
        ),
        (
            Upper::FIELDS,
            [
                "FIRST_NAME",
                "JOB2_ID",
                "TYPE",
                "X",
                "PURCHASE_ORDER_NUMBER",
                "CUSTOMERID",
            ],
        ),
        (
            Pascal::FIELDS,
            [
                "FirstName",
                "Job2Id",
                "Type",
                "X",
                "PurchaseOrderNumber",
                "CustomerID",
            ],
        ),
        (
            Camel::FIELDS,
            [
                "firstName",
                "job2Id",
                "type",
                "x",
                "purchaseOrderNumber",
                "customerID",
            ],
        ),
        (
            Snake::FIELDS,
            [
                "first_name",
                "job2_id",
                "type",
                "x",
                "purchase_order_number",
                "customerID",
            ],
        ),
        (
            ScreamingSnake::FIELDS,
            [
                "FIRST_NAME",
                "JOB2_ID",
                "TYPE",
                "X",
                "PURCHASE_ORDER_NUMBER",
                "CUSTOMERID",
            ],
        ),
        (
            Kebab::FIELDS,
            [
                "first-name",
                "job2-id",
                "type",
                "x",
                "purchase-order-number",
                "customerID",
            ],
        ),
        (
            ScreamingKebab::FIELDS,
            [
                "FIRST-NAME",
                "JOB2-ID",
                "TYPE",
                "X",
                "PURCHASE-ORDER-NUMBER",
                "CUSTOMERID",
            ],
        ),
    ];
    for (fields, expected) in rows {
        let names: Vec<&str> = fields.iter().map(|f| f.name).collect();
        assert_eq!(names, expected);
    }
    let names =
        |fields: &[job_schema::FieldSpec]| -> Vec<&str> { fields.iter().map(|f| f.name).collect() };
    assert_eq!(names(SplitCase::FIELDS), ["first-name", "job2-id"]);
    assert_eq!(names(SerializeCaseOnly::FIELDS), ["first_name", "job2_id"]);
}

#[test]
fn aliases_renames_defaults_and_skips_read_the_keys_serde_reads() {
    agree::<Contact>(
        &[
            "name",
            "full_name",
            "mobile",
            "mobile_phone",
            "email",
            "email_address",
            "email_out",
            "reference",
            "ref_a",
            "ref_b",
            "job_note",
            "ser_only",
            "company_name",
            "status",
            "state",
            "cache",
            "computed",
            "quiet",
        ],
        11,
    );
    agree::<Strict>(&["status", "description", "desc", "seen"], 12);
    agree::<Defaults>(&["status", "quantity", "qty", "note", "own", "hidden"], 13);
    agree::<DefaultsByPath>(&["status", "code"], 14);
}

#[test]
fn an_alias_is_read_as_its_field() {
    let body = br#"{"fullName": "Alexandra Example"}"#;
    let read = Contact::from_json(body).unwrap();
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    assert_eq!(read.record.name, "Alexandra Example");
    assert_eq!(read.record.status, "Quote");
    assert_eq!(read.record.computed, "Quote");
    // Issues of a value read under an alias name the field by its wire name.
    let long = format!(r#"{{"full_name": "{}"}}"#, "x".repeat(41));
    let report = Contact::check_json(long.as_bytes(), Options::default());
    assert_eq!(report.errors.len(), 1, "{report}");
    assert_eq!(
        (&*report.errors[0].field, report.errors[0].code),
        ("name", Code::MaxLen)
    );
    // The name and an alias together are one field given twice, as serde says.
    let both = br#"{"name": "A", "fullName": "B"}"#;
    let report = Contact::check_json(both, Options::default());
    assert_eq!(
        key_errors(&report),
        BTreeSet::from([(Code::DuplicateField, "name".to_owned())])
    );
    let e = serde_json::from_slice::<Contact>(both).unwrap_err();
    assert!(e.to_string().starts_with("duplicate field `name`"), "{e}");
}

#[test]
fn a_skipped_field_is_not_in_the_table_and_its_key_is_unknown() {
    let names: Vec<&str> = Contact::FIELDS.iter().map(|f| f.name).collect();
    assert!(
        !names.contains(&"cache") && !names.contains(&"computed"),
        "{names:?}"
    );
    let report = Contact::check_json(br#"{"name": "A", "computed": "x"}"#, Options::default());
    assert!(report.errors.is_empty(), "{report}");
    assert_eq!(report.warnings[0].code, Code::UnknownField);
    assert_eq!(report.warnings[0].field, "computed");
    // Under `deny_unknown_fields`, an error, as serde's.
    let report = Strict::check_json(br#"{"status": "Quote", "seen": 1}"#, Options::default());
    assert_eq!(
        key_errors(&report),
        BTreeSet::from([(Code::UnknownField, "seen".to_owned())])
    );
    assert_eq!(
        report.errors[0].message(),
        "is not a field of this record, which accepts no other key"
    );
}

#[test]
fn a_key_that_is_not_a_field_sent_twice_is_the_one_deliberate_difference() {
    let body = br#"{"name": "A", "extra": 1, "extra": 2}"#;
    assert!(serde_json::from_slice::<Contact>(body).is_ok());
    let report = Contact::check_json(body, Options::default());
    assert_eq!(
        key_errors(&report),
        BTreeSet::from([(Code::DuplicateField, "extra".to_owned())])
    );
}
