//! `job-schema` names every problem in a ServiceM8 job record before it costs a request.
//!
//! ServiceM8's "Create a new Job" endpoint answers a bad body with one line ("An error
//! occurred completing your request") and allows 180 requests a minute. This crate checks a
//! record against the rules of the API and reports every field error and warning at once, in
//! a [`Report`] with stable codes.
//!
//! - [`Validate`] checks a record built in code.
//! - [`Schema`] reads a record from JSON in one pass, putting type errors and rule errors in
//!   the same report, and describes its fields in a table ([`FieldSpec`]).
//! - `#[derive(Schema)]` generates both from `#[schema(...)]` field attributes; a schema that
//!   cannot hold does not compile. Its page, [`derive@Schema`], lists the rules. With
//!   `#[schema(deserialize)]` it implements serde's `Deserialize` through the same rules;
//!   with `#[schema(schemars)]` and `#[schema(validator)]` (features of the same names),
//!   `schemars::JsonSchema` and `validator::Validate`.
//! - [`Job`] is the ServiceM8 job record. Its rules, field by field, are in `docs/FIELDS.md`
//!   in the repository, generated from [`Job`]'s field table by
//!   `job-schema fields --format markdown`.
//!
//! ```
//! use job_schema::{Schema, Validate};
//!
//! #[derive(Schema)]
//! struct Visit {
//!     #[schema(required, enum_values("Quote", "Work Order"), max_len = 20)]
//!     status: String,
//!     #[schema(uuid)]
//!     company_uuid: Option<String>,
//! }
//!
//! let visit = Visit { status: "work order".into(), company_uuid: Some("nope".into()) };
//! let report = visit.validate().unwrap_err();
//! assert_eq!(report.errors.len(), 2);
//! assert_eq!(report.errors[0].field, "status");
//! assert_eq!(report.errors[0].params.suggestion(), Some("Work Order"));
//!
//! let read = Visit::check_json(br#"{"status": "Quote", "company_uuid": 7}"#, Default::default());
//! assert_eq!(read.errors[0].code, job_schema::Code::Type);
//! ```

// The derive names `::job_schema`; this lets the crate derive on its own types.
extern crate self as job_schema;

mod apply;
#[cfg(feature = "axum")]
pub mod axum;
mod de;
mod float;
pub mod homes;
mod job;
mod json_schema;
mod options;
mod path;
mod reader;
pub mod report;
pub mod rules;
mod sink;
mod spec;
#[cfg(test)]
mod test_rng;
#[cfg(any(feature = "uuid", feature = "chrono"))]
pub mod typed;
mod value;
#[cfg(feature = "schemars")]
mod with_schemars;
#[cfg(feature = "validator")]
mod with_validator;

/// The README shows the examples of feature-gated modules, which are compiled there.
#[cfg(all(test, any(feature = "schemars", feature = "validator")))]
mod readme_check {
    /// Asserts that README's section `heading` shows the first example of the module docs of
    /// `source` as a `rust,ignore` block, word for word.
    pub fn shows(source: &str, heading: &str) {
        let readme = include_str!("../../README.md");
        let mut doc = String::new();
        for line in source.lines().take_while(|line| line.starts_with("//!")) {
            let line = line.trim_start_matches("//!");
            doc.push_str(line.strip_prefix(' ').unwrap_or(line));
            doc.push('\n');
        }
        let start = doc.find("```\n").expect("an example") + 4;
        let example = &doc[start..start + doc[start..].find("```").expect("its end")];
        let section = &readme[readme.find(heading).expect("the section")..];
        let section = &section[..section[3..]
            .find("\n## ")
            .map_or(section.len(), |end| end + 3)];
        assert!(
            section.contains(&format!("```rust,ignore\n{example}```")),
            "README's {heading} section should show:\n{example}"
        );
    }
}

use std::collections::BTreeMap;

pub use crate::job::{Job, JobStatus, UnknownStatus};
pub use crate::options::{Direction, Mode, Options};
pub use crate::path::{Path, Segment};
pub use crate::reader::{Parsed, MAX_DEPTH};
pub use crate::report::{
    Allowed, Code, Fix, Issue, JsonType, JsonTypes, Params, Report, Texts, Violation,
};
pub use crate::sink::Sink;
pub use crate::spec::{CheckValue, FieldClass, FieldSpec, Rule, Shape};
pub use crate::value::{AnyScalar, FieldValue, Scalar};

/// Derives [`Validate`] and [`Schema`] from `#[schema(...)]` field attributes.
///
/// Each rule is an attribute on a field. "Text" is `String`, `&str` or `Box<str>`; "integers"
/// are `u8` to `u64`, `i8` to `i64`, `usize` and `isize`; "numbers" are integers, `f32` and
/// `f64`. Each may also be wrapped in `Option` (unset when `None`) or `Vec` (a list).
///
/// | attribute | field types | checks | issue code |
/// |---|---|---|---|
/// | `required` | any | present, not `null`, not `""`; a list is not empty | `required` |
/// | `max_len = N` | text | at most N characters (Unicode scalar values, not bytes) | `max_len` |
/// | `enum_values("A", "B")` | text | exactly one of the strings, case-sensitive; a near miss in case or spacing gets a suggestion | `enum_values` |
/// | `enum_values(0, 1)` | integers | one of the integers | `enum_values` |
/// | `bool01` | integers | the integer 0 or 1 (lax mode: also `true`/`false`, `"0"`/`"1"`) | `bool01` |
/// | `uuid` | text | a hyphenated 8-4-4-4-12 hex UUID, either case | `uuid` |
/// | `datetime` | text | exactly `YYYY-MM-DD HH:MM:SS`, a real date and time | `datetime` |
/// | `date` | text | `YYYY-MM-DD`, a real date, or a datetime | `date` |
/// | `number` | numbers, text | a finite decimal number (lax mode: also a numeric string) | `number` |
/// | `range(min = a, max = b)` | numbers, text | a number from a to b, both included | `range` |
/// | `uuid_list` | text | a string holding a JSON array of UUIDs; each bad element is reported at its index | `uuid_list` |
/// | `deprecated`, `deprecated = "note"` | any | nothing: a warning whenever the field is present | `deprecated` |
/// | `read_only` | any | nothing: a warning when the field is present, except in the record direction | `read_only` |
/// | `custom_prefix = "customfield_"` | `BTreeMap<String, String>` | collects keys made of the prefix and `[a-z0-9_]+`, each holding a string | `type` |
///
/// Besides its rules, every field draws a `type` error for a JSON value of a type it cannot
/// take, and a record draws `duplicate_field` for a repeated key and `unknown_field` (a
/// warning) for a key it does not know. Lax and strict mode, and the create and record
/// directions, are [`Options`]. What each rule accepts, exactly, is in the docs of its module
/// in [`rules`].
///
/// Wire names follow serde's attributes (below). A doc comment on a field
/// becomes its [`FieldSpec::doc`]. A schema that cannot hold does not compile: a rule on a
/// type it does not apply to, a rule given twice, `max_len = 0`, an empty or repeated
/// `enum_values` list, an allowed value another rule of the field rejects (longer than
/// `max_len`, outside `range`, not 0 or 1 under `bool01`, not in its `uuid`, `datetime`,
/// `date` or `number` format), two format rules on one field, `range` with a min above its
/// max or holding neither 0 nor 1 under `bool01`, a `max_len` shorter than any value of the
/// field's format, `required` with `deprecated` or `read_only`.
///
/// ```
/// use job_schema::{Code, Options, Schema, Validate};
///
/// #[derive(Schema)]
/// #[serde(rename_all = "camelCase")]
/// struct Visit {
///     /// Where the work is done.
///     #[schema(required, max_len = 100)]
///     site_address: String,
///     #[schema(enum_values("Booked", "Done"))]
///     state: Option<String>,
///     #[schema(bool01)]
///     confirmed: Option<u8>,
///     #[schema(uuid, deprecated = "Use `staffUuid`.")]
///     owner_uuid: Option<String>,
/// }
///
/// let body = br#"{"siteAddress": "", "state": "done", "confirmed": true, "ownerUuid": "x"}"#;
/// let report = Visit::check_json(body, Options::default());
/// let errors: Vec<(&str, Code)> = report.errors.iter().map(|i| (&*i.field, i.code)).collect();
/// assert_eq!(
///     errors,
///     [("siteAddress", Code::Required), ("state", Code::EnumValues), ("ownerUuid", Code::Uuid)]
/// );
/// assert_eq!(report.errors[1].params.suggestion(), Some("Done"));
/// assert_eq!(report.warnings[0].code, Code::Deprecated);
///
/// // The same rules on a value built in code; the field table keeps the doc comment.
/// let visit = Visit { site_address: "1 Main St".into(), state: None, confirmed: Some(2), owner_uuid: None };
/// assert_eq!(visit.validate().unwrap_err().errors[0].code, Code::Bool01);
/// assert_eq!(Visit::FIELDS[0].doc, "Where the work is done.");
/// ```
///
/// # serde attributes
///
/// A struct that also derives `serde::Deserialize` reads the keys serde reads, no more and no
/// fewer. Honoured as serde does them: `rename` (the `deserialize` name; further
/// `rename(deserialize = …)` names are aliases), `rename_all` and `rename_all(deserialize =
/// …)` in all eight casings (`lowercase` and `snake_case` leave a field name as written),
/// `alias` (a name and its alias together are a `duplicate_field`), `default` and
/// `default = "path"` on a field or the struct (the field may be left out, and the built
/// record takes serde's value; `required` with a default does not compile), `skip` and
/// `skip_deserializing` (the field leaves the table, its key is unknown, and it takes its
/// default), `deny_unknown_fields` (an unknown key is an error, not a warning), and
/// `flatten` on the `custom_prefix` map. Attributes that change only serialization, or
/// nothing that is read (`skip_serializing`, `skip_serializing_if`, `serialize_with`,
/// `getter`, `bound`, `borrow`, and on the struct `rename`, `tag`, `into`, `crate` (serde's
/// own path; `job-schema`'s is `#[schema(crate = "…")]`, below), `expecting`, `remote`), are
/// ignored. Those that change what serde reads (`transparent`,
/// `from`, `try_from`, `with`, `deserialize_with`, `flatten` elsewhere, and the enum-only
/// ones) do not compile, with the reason at the attribute. A value read under an alias is
/// reported under the field's wire name. One difference is kept on purpose: a key that is not
/// a field, sent twice, is a `duplicate_field` error, where serde ignores both copies.
///
/// ```
/// use job_schema::{Code, Options, Schema};
///
/// #[derive(Schema, serde::Deserialize)]
/// #[serde(rename_all = "camelCase", deny_unknown_fields)]
/// struct Contact {
///     #[serde(alias = "fullName")]
///     #[schema(required, max_len = 40)]
///     name: String,
///     mobile_phone: Option<String>,
/// }
///
/// let read = Contact::from_json(br#"{"fullName": "Alex", "mobilePhone": "0400"}"#).unwrap();
/// assert_eq!(read.record.name, "Alex");
/// let report = Contact::check_json(br#"{"name": "Alex", "mobile_phone": "0400"}"#, Options::default());
/// assert_eq!((&*report.errors[0].field, report.errors[0].code), ("mobile_phone", Code::UnknownField));
/// ```
///
/// A field of type `Vec<T>` (or `Option<Vec<T>>`) is a list: it takes a JSON array, each of
/// the field's rules applies to every element, and each element's issues name its index
/// (`staff[2]`, pointer `/staff/2`; `parts[1].name` for a list of structs). `required` on a
/// list means present and not empty; a rule that cannot apply to the element type does not
/// compile.
///
/// ```
/// use job_schema::{Code, Options, Schema};
///
/// #[derive(Schema)]
/// struct Visit {
///     #[schema(required, uuid)]
///     staff: Vec<String>,
/// }
///
/// let report = Visit::check_json(br#"{"staff": ["nope", 7]}"#, Options::default());
/// let found: Vec<(&str, &str, Code)> =
///     report.errors.iter().map(|i| (&*i.field, &*i.pointer, i.code)).collect();
/// assert_eq!(found, [("staff[0]", "/staff/0", Code::Uuid), ("staff[1]", "/staff/1", Code::Type)]);
/// ```
///
/// # Plain fields in the update direction
///
/// A field of a non-`Option` type has no `None`: read from an update body that leaves it
/// out, it holds its unset value. So `validate()` in the update direction judges a plain
/// text field holding `""` as absent, in lax and strict mode alike, and no rule of the field
/// runs. The reader judges the value sent: a body holding `"kind": ""` is checked by the
/// field's rules. For the record's own JSON to pass the check the record passed, skip the
/// empty text when serializing, as `Job::status` does; without the attribute a strict
/// update of the serialized record reports the `""` the record wrote.
///
/// ```
/// use job_schema::{Code, Options, Schema, Validate};
///
/// #[derive(Schema, serde::Serialize)]
/// struct Plain {
///     #[schema(enum_values("a", "b"))]
///     kind: String,
/// }
///
/// #[derive(Schema, serde::Serialize)]
/// struct Skipping {
///     #[schema(enum_values("a", "b"))]
///     #[serde(skip_serializing_if = "String::is_empty")]
///     kind: String,
/// }
///
/// let update = Options::default().strict().update();
/// let plain = Plain { kind: String::new() };
/// assert!(plain.validate_with(update).is_ok());
/// let json = serde_json::to_string(&plain).unwrap();
/// assert_eq!(json, r#"{"kind":""}"#);
/// assert_eq!(Plain::check_json(json.as_bytes(), update).errors[0].code, Code::EnumValues);
///
/// let skipping = Skipping { kind: String::new() };
/// assert!(skipping.validate_with(update).is_ok());
/// let json = serde_json::to_string(&skipping).unwrap();
/// assert_eq!(json, "{}");
/// assert!(!Skipping::check_json(json.as_bytes(), update).has_errors());
/// ```
///
/// # serde's `Deserialize`
///
/// `#[schema(deserialize)]` on the struct implements `serde::Deserialize` through the same
/// rules, for a struct that does not derive serde's own (one that does keeps serde's, which
/// reads the body without the rules; deriving both does not compile). `serde_json::from_str`,
/// `serde_json::from_value`, a `Vec` of records, a field of another serde type and every
/// other serde format then read the record as [`Schema::from_json`] reads it: lax mode,
/// create direction, and serde's attributes as above. A body with errors fails with the
/// format's error made from the [`Report`], whose message is the report's text, one
/// `field: message` line per issue (serde_json appends a position to the error of a record
/// read inside another value). The record's warnings are dropped. The runtime brings its own
/// serde: the crate needs no serde dependency for the impl.
///
/// This is the convenient door; [`Schema::from_json`] is the fast and complete one. It reads
/// the bytes in one pass, where the serde door first captures the value as a tree and writes
/// it back as JSON for the reader; it keeps the warnings, returns a [`Report`] to serialize
/// and takes [`Options`] (strict mode, the record and update directions); and
/// [`Schema::from_json_array`] reports every element of a GET response, where a `Vec` stops
/// at the first element with errors. Values pass through serde's data model on the way: the
/// order and repeated keys of an object reach the reader, but serde_json refuses a number
/// beyond a double (which `from_json` judges in its field), another format's infinity
/// reaches the reader as a number beyond a double (`1e999`) and its NaN is an error, a map
/// key must be a string, and arrays and objects nest at most [`MAX_DEPTH`] deep.
///
/// ```
/// use job_schema::Schema;
///
/// #[derive(Debug, Schema)]
/// #[schema(deserialize)]
/// #[serde(rename_all = "camelCase")]
/// struct Visit {
///     #[schema(required, max_len = 40)]
///     site_address: String,
///     #[schema(bool01)]
///     confirmed: Option<u8>,
/// }
///
/// let visit: Visit =
///     serde_json::from_str(r#"{"siteAddress": "1 Main St", "confirmed": true}"#).unwrap();
/// assert_eq!(visit.confirmed, Some(1));
///
/// let error = serde_json::from_str::<Visit>(r#"{"siteAddress": "", "confirmed": 2}"#);
/// assert_eq!(
///     error.unwrap_err().to_string(),
///     "siteAddress: must not be empty\nconfirmed: 2 is not 0 or 1"
/// );
///
/// // Any serde reader: a list, from a `serde_json::Value`.
/// let list = serde_json::json!([{"siteAddress": "Depot"}, {"siteAddress": "Site 2"}]);
/// let visits: Vec<Visit> = serde_json::from_value(list).unwrap();
/// assert_eq!(visits[1].site_address, "Site 2");
/// ```
///
/// # Other crates' traits: `schemars` and `validator`
///
/// Two more container attributes implement other crates' traits from the same table, each
/// behind the feature of the same name of `job-schema` (without it, the attribute is a
/// compile error that names the feature); the impls come from `job-schema`, so the struct's
/// crate needs no path to schemars or validator for them to compile:
///
/// - `#[schema(schemars)]`: `schemars::JsonSchema`, whose schema is
///   [`Schema::json_schema`] with the default options (lax mode, create direction) without
///   its `$schema`; the struct is a named definition (`schema_name` is its name), its nested
///   structs are inline. A struct that derives schemars' own `JsonSchema` instead keeps it.
/// - `#[schema(validator)]`: `validator::Validate` (validator 0.21), which fails when
///   [`Validate::validate`] does, with the report's errors as `ValidationErrors` (codes,
///   messages and parameters as in the report, nested structs as `Struct`, list elements as
///   `List`, warnings dropped); `From<Report> for validator::ValidationErrors` converts any
///   report the same way.
///
/// Neither takes a value. Both traits also have a function named like one of this crate's
/// (`json_schema`, `validate`): name the trait when both are in scope. The README's sections
/// "With schemars" and "With validator" have examples.
///
/// # Values that pass the rules and are still suspicious
///
/// `#[schema(check_value = "path")]` on the struct names a function ([`CheckValue`]:
/// `fn(&FieldSpec, Scalar<'_>, &Path<'_>, &mut Sink<'_>)`) that sees each set value of each
/// field, each element of a list, after the field's rules: the value as the rules saw it (a
/// lax spelling already canonical, `false` as the integer 0 in a flag), never an unset one.
/// The reader ([`Schema::from_json`], [`Schema::check_json`]) and [`Validate`] both call it,
/// so they report the same issues; what it records through the [`Sink`] takes its place in
/// field order, and a warning is an error in strict mode, as every warning. A nested struct
/// keeps its own function. [`Schema::CHECK_VALUE`] holds it, and the JSON Schema export
/// leaves out the listed values it rejects. The string is the function's path, resolved
/// where the struct is; a function of another type is an error at the string. `Job`'s warns
/// [`Code::CreatedInactive`] on `active` 0 in a create body.
///
/// ```
/// use job_schema::{Code, FieldSpec, Options, Path, Scalar, Schema, Sink, Validate, Violation};
///
/// fn no_placeholders(field: &FieldSpec, value: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) {
///     if value == Scalar::Str("TBD") {
///         let note = Violation::new(Code::UnknownField, "is a placeholder");
///         sink.warn(path, note, Some("TBD"));
///     }
///     let _ = field;
/// }
///
/// #[derive(Schema)]
/// #[schema(check_value = "no_placeholders")]
/// struct Visit {
///     #[schema(max_len = 40)]
///     site: Option<String>,
/// }
///
/// let read = Visit::check_json(br#"{"site": "TBD"}"#, Options::default());
/// assert_eq!(read.warnings[0].to_string(), "site: is a placeholder");
/// let strict = Visit::check_json(br#"{"site": "TBD"}"#, Options::default().strict());
/// assert_eq!(strict.errors.len(), 1);
/// let built = Visit { site: Some("TBD".into()) };
/// assert_eq!(built.report(Options::default()), read);
/// ```
///
/// # Crates that re-export `job-schema`
///
/// Generated code reaches this crate as `::job_schema`. A crate that depends on it through
/// another crate's re-export (`pub use job_schema;` in a facade crate) gives the path with
/// `#[schema(crate = "path")]` (beside `deserialize`, `homes`, `check_value` and the opt-ins); the path is
/// resolved where the struct is, and the derive can come through the facade too:
///
/// ```
/// mod facade {
///     // A facade crate writes `pub use job_schema;` at its root.
///     pub(crate) use ::job_schema;
/// }
///
/// #[derive(facade::job_schema::Schema)]
/// #[schema(crate = "facade::job_schema")]
/// struct Visit {
///     #[schema(required)]
///     site_address: String,
/// }
///
/// use facade::job_schema::{Code, Validate};
/// let report = Visit { site_address: String::new() }.validate().unwrap_err();
/// assert_eq!(report.errors[0].code, Code::Required);
/// ```
///
/// # Keys that belong elsewhere
///
/// `#[schema(homes = PATH)]` names a `&'static [homes::Home]`: keys that are not fields of the
/// struct but have a home (a field under another name, another endpoint). Such a key's
/// `unknown_field` issue says where its value belongs, in its message and in `params.home`,
/// instead of guessing a close field (see [`homes`]; [`Job`] has [`homes::JOB_HOMES`]).
///
/// ```
/// use job_schema::homes::Home;
/// use job_schema::{Options, Schema};
///
/// const VISIT_HOMES: &[Home] = &[Home {
///     key: "customer",
///     places: &["client_uuid"],
///     advice: "the client goes in `client_uuid`",
/// }];
///
/// #[derive(Schema)]
/// #[schema(homes = VISIT_HOMES)]
/// struct Visit {
///     #[schema(uuid)]
///     client_uuid: Option<String>,
/// }
///
/// let report = Visit::check_json(br#"{"Customer": "Ann"}"#, Options::default());
/// assert_eq!(*report.warnings[0].params.home().unwrap(), ["client_uuid"]);
/// assert_eq!(
///     report.warnings[0].message(),
///     "is not a field of this record; the client goes in `client_uuid`"
/// );
/// ```
///
/// The generated code compiles in crates of every edition from 2015 (which declares `extern
/// crate job_schema;`) to 2024, under `#![no_implicit_prelude]`, and draws no warning under
/// `#![deny(warnings)]`, nor `unused_qualifications`.
pub use job_schema_derive::Schema;

/// A record that can check itself against its rules.
///
/// `#[derive(Schema)]` implements it; [`Validate::validate`] collects every issue rather than
/// stopping at the first.
///
/// ```
/// use job_schema::{Code, Options, Validate};
///
/// #[derive(job_schema::Schema)]
/// struct Visit {
///     #[schema(required, max_len = 10)]
///     site: String,
///     #[schema(datetime)]
///     starts_at: Option<String>,
/// }
///
/// let visit = Visit { site: "12 Long Road".into(), starts_at: Some("2026-02-30 09:00:00".into()) };
/// let report = visit.validate().unwrap_err();
/// let codes: Vec<Code> = report.errors.iter().map(|issue| issue.code).collect();
/// assert_eq!(codes, [Code::MaxLen, Code::Datetime]);
///
/// // Lax mode reads an empty datetime as unset; strict mode does not.
/// let visit = Visit { site: "Depot".into(), starts_at: Some(String::new()) };
/// assert!(visit.validate().is_ok());
/// assert!(visit.validate_with(Options::default().strict()).is_err());
/// ```
pub trait Validate {
    /// Appends this value's issues to `sink`, with every path under `prefix`.
    ///
    /// ```
    /// use job_schema::{Options, Path, Report, Sink, Validate};
    /// # #[derive(job_schema::Schema)] struct Job { #[schema(required)] status: String }
    /// let batch = [Job { status: "Quote".into() }, Job { status: String::new() }];
    /// let mut report = Report::new();
    /// let mut sink = Sink::new(&mut report, Options::default());
    /// for (i, job) in batch.iter().enumerate() {
    ///     job.validate_into(&Path::ROOT.index(i), &mut sink);
    /// }
    /// assert_eq!(report.errors[0].field, "[1].status");
    /// ```
    fn validate_into(&self, prefix: &Path<'_>, sink: &mut Sink<'_>);

    /// Checks the value with `options`: `Err` when there is at least one error; warnings
    /// alone do not fail (but strict mode makes every warning an error).
    fn validate_with(&self, options: Options) -> Result<(), Report> {
        self.report(options).into_result()
    }

    /// Checks the value in lax mode, create direction.
    fn validate(&self) -> Result<(), Report> {
        self.validate_with(Options::default())
    }

    /// Every issue of the value, errors and warnings, with `options`.
    fn report(&self, options: Options) -> Report {
        let mut report = Report::new();
        self.validate_into(&Path::ROOT, &mut Sink::new(&mut report, options));
        report
    }
}

/// A record with a field table and a collecting JSON reader.
///
/// Implemented by `#[derive(Schema)]`, whose generated code also implements the reader's
/// plumbing (a supertrait that is not public API).
///
/// ```
/// use job_schema::{Code, Rule, Schema};
///
/// #[derive(Debug, Schema)]
/// struct Visit {
///     #[schema(required, max_len = 10)]
///     site: String,
///     #[schema(number, range(min = 0, max = 24))]
///     hours: Option<f64>,
/// }
///
/// // The field table, as the attributes wrote it.
/// assert_eq!(Visit::FIELDS[0].name, "site");
/// assert_eq!(Visit::FIELDS[0].rules, [Rule::Required, Rule::MaxLen(10)]);
///
/// // Reading JSON: the record, or every error at once.
/// let read = Visit::from_json(br#"{"site": "Depot", "hours": "7.5"}"#).unwrap();
/// assert_eq!(read.record.hours, Some(7.5));
/// let report = Visit::from_json(br#"{"hours": 25, "Site": "Depot"}"#).unwrap_err();
/// assert_eq!(report.errors[0].code, Code::Required);
/// assert_eq!(report.errors[1].code, Code::Range);
/// assert_eq!(report.warnings[0].params.suggestion(), Some("site"));
/// ```
pub trait Schema: Validate + __private::Plumbing {
    /// The field table, in declaration order.
    const FIELDS: &'static [FieldSpec];
    /// The prefix of custom keys collected by a `custom_prefix` field, if any.
    const CUSTOM_PREFIX: Option<&'static str>;
    /// Keys that are not fields but have a home (a field under another name, another
    /// endpoint): their `unknown_field` issue names it instead of guessing a close field.
    /// Empty unless the struct says `#[schema(homes = PATH)]`; [`Job`]'s is
    /// [`homes::JOB_HOMES`].
    const HOMES: &'static [homes::Home] = &[];

    /// The struct's `#[schema(check_value = "path")]` function, if any: what it reports
    /// about a value, both doors report, and the JSON Schema export leaves out what it
    /// rejects (a listed value: an allowed integer, a flag's spelling).
    const CHECK_VALUE: Option<CheckValue> = None;

    /// Reads a record from JSON (lax, create): the record and its warnings, or a report
    /// with every error and every warning.
    fn from_json(bytes: &[u8]) -> Result<Parsed<Self>, Report> {
        reader::read::<Self>(bytes, Options::default())
    }

    /// Reads a record from JSON with `options`.
    fn from_json_with(bytes: &[u8], options: Options) -> Result<Parsed<Self>, Report> {
        reader::read::<Self>(bytes, options)
    }

    /// Checks a JSON body without building the record: the same issues as
    /// [`Schema::from_json_with`], borrowed from the input where it can be, except the one
    /// that only building can find (a value that passes the field's rules but does not fit
    /// its Rust type, such as an integer beyond an `i64` field without a `range`).
    fn check_json(bytes: &[u8], options: Options) -> Report {
        reader::check::<Self>(bytes, options)
    }

    /// Reads a JSON array of records, such as the body of a GET `/api_1.0/job.json`
    /// response, in one pass (lax, record direction: the API's own records carry their
    /// read-only fields): every record and the warnings, or one report with every issue of
    /// every element, each named by its index (`[3].status`, pointer `/3/status`).
    ///
    /// ```
    /// use job_schema::{Code, Job, Schema};
    ///
    /// let body = br#"[{"status": "Quote", "edit_date": "2026-02-10 02:53:30"},
    ///                 {"status": "Work Order"}]"#;
    /// let jobs = Job::from_json_array(body).unwrap().record;
    /// assert_eq!(jobs[1].status, "Work Order");
    ///
    /// let report = Job::from_json_array(br#"[{"status": "Quote"}, 7, {"status": "Done"}]"#)
    ///     .unwrap_err();
    /// let found: Vec<(&str, &str, Code)> =
    ///     report.errors.iter().map(|i| (&*i.field, &*i.pointer, i.code)).collect();
    /// assert_eq!(found, [("[1]", "/1", Code::Type), ("[2].status", "/2/status", Code::EnumValues)]);
    /// ```
    fn from_json_array(bytes: &[u8]) -> Result<Parsed<Vec<Self>>, Report> {
        reader::read_array::<Self>(bytes, Options::default().record())
    }

    /// Reads a JSON array of records with `options`.
    fn from_json_array_with(bytes: &[u8], options: Options) -> Result<Parsed<Vec<Self>>, Report> {
        reader::read_array::<Self>(bytes, options)
    }

    /// Checks a JSON array of records without building them: the issues of
    /// [`Schema::from_json_array_with`].
    fn check_json_array(bytes: &[u8], options: Options) -> Report {
        reader::check_array::<Self>(bytes, options)
    }

    /// The JSON Schema (draft 2020-12) of the record as it is read with `options`, built
    /// from its field table: a body the schema accepts is one [`Schema::check_json`] finds
    /// no error in, in the same mode and direction, except for what JSON Schema cannot
    /// express (a repeated key, `1.0` in an integer field, a numeric string's value; the
    /// schema's `$comment` lists them). Lax and strict differ as the modes do; each field
    /// carries its doc comment as `description`, and deprecated and read-only fields are
    /// marked `deprecated` and `readOnly` (in strict mode, where their warning is an error,
    /// a field whose presence fails takes no value: `"not": {}`).
    ///
    /// ```
    /// use job_schema::{Options, Schema};
    /// use serde_json::json;
    ///
    /// #[derive(Schema)]
    /// struct Visit {
    ///     /// Where the work is done.
    ///     #[schema(required, max_len = 100)]
    ///     site: String,
    ///     #[schema(bool01)]
    ///     confirmed: Option<u8>,
    /// }
    ///
    /// let strict = Visit::json_schema(Options::default().strict());
    /// assert_eq!(strict["$schema"], "https://json-schema.org/draft/2020-12/schema");
    /// assert_eq!(strict["title"], "Visit");
    /// assert_eq!(strict["required"], json!(["site"]));
    /// assert_eq!(strict["additionalProperties"], false);
    /// assert_eq!(
    ///     strict["properties"]["site"],
    ///     json!({"description": "Where the work is done.", "type": "string", "minLength": 1, "maxLength": 100})
    /// );
    /// assert_eq!(strict["properties"]["confirmed"], json!({"type": "integer", "enum": [0, 1]}));
    ///
    /// // Lax mode also takes a flag's lax spellings, and `null` and `""` for unset.
    /// let lax = Visit::json_schema(Options::default());
    /// assert_eq!(
    ///     lax["properties"]["confirmed"],
    ///     json!({"anyOf": [{"type": "integer", "enum": [0, 1]}, {"enum": [false, true, "0", "1", null, ""]}]})
    /// );
    /// ```
    fn json_schema(options: Options) -> serde_json::Value {
        json_schema::json_schema::<Self>(options)
    }
}

/// A map that collects custom keys (`customfield_*`) for a `custom_prefix` field.
///
/// Implemented for `BTreeMap<String, String>`, whose key order keeps reports deterministic.
#[diagnostic::on_unimplemented(
    message = "`custom_prefix` needs a map of custom keys, and `{Self}` is not one",
    label = "use `BTreeMap<String, String>`"
)]
pub trait CustomFields: Default {
    /// Keeps `value` under `key`.
    fn insert_custom(&mut self, key: String, value: String);
    /// The keys held, for validation.
    fn custom_keys(&self) -> impl Iterator<Item = &str>;
}

impl CustomFields for BTreeMap<String, String> {
    fn insert_custom(&mut self, key: String, value: String) {
        self.insert(key, value);
    }
    fn custom_keys(&self) -> impl Iterator<Item = &str> {
        self.keys().map(String::as_str)
    }
}

#[doc(hidden)]
pub mod __private;

/// The README's Rust examples, compiled and run as doctests so that they cannot rot.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
