//! `validator::Validate` through the rules (feature `validator`): for [`Job`](crate::Job),
//! for a struct with `#[schema(validator)]` (through the macro the derive calls), and
//! `From<Report> for validator::ValidationErrors`.
//!
//! Each error of the report becomes a `ValidationError` with the issue's code, message and
//! parameters (the report's `params`, and the echoed value as `value`), placed by its path:
//! a field's errors under its wire name, a nested struct's as
//! `ValidationErrorsKind::Struct`, a list's elements as `ValidationErrorsKind::List` by
//! index. Errors of the value itself (an element of a list of scalars, the root, a struct
//! or list that has errors of its own beside its fields' or elements') go under `__all__`,
//! validator's key for errors that belong to no one field. Warnings are not errors and are
//! dropped, as `Validate::validate` is `Ok` with warnings alone; issues a report omitted
//! beyond its limit are one `omitted` error under `__all__`, so that a report that fails
//! never becomes an empty `ValidationErrors`.
//!
//! ```
//! use job_schema::{Job, JobStatus, Schema};
//! // validator's trait alone in scope: `job_schema::Validate` has a `validate` too.
//! use validator::{Validate, ValidationErrorsKind};
//!
//! let mut job = Job::new(JobStatus::Quote);
//! job.lat = Some(-91.0);
//! let errors = job.validate().unwrap_err();
//! let lat = &errors.field_errors()["lat"][0];
//! assert_eq!(lat.code, "range");
//! assert_eq!(lat.message.as_deref(), Some("-91 is outside the range -90 to 90"));
//! assert_eq!(lat.params["max"], 90.0);
//!
//! // A struct of one's own opts in; nested structs and list elements nest as in validator.
//! #[derive(Schema, serde::Deserialize)]
//! #[schema(validator)]
//! struct Visit {
//!     #[schema(required, max_len = 10)]
//!     site: String,
//!     parts: Vec<Part>,
//! }
//!
//! #[derive(Schema, serde::Deserialize)]
//! struct Part {
//!     #[schema(required)]
//!     name: String,
//! }
//!
//! let visit: Visit = serde_json::from_str(r#"{"site": "Depot", "parts": [{"name": ""}]}"#).unwrap();
//! let errors = visit.validate().unwrap_err();
//! let ValidationErrorsKind::List(parts) = &errors.errors()["parts"] else { panic!() };
//! assert_eq!(parts[&0].field_errors()["name"][0].code, "required");
//! ```

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use serde_json::Value;
use validator::{ValidationError, ValidationErrors, ValidationErrorsKind};

use crate::report::omitted_line;
use crate::{Code, Issue, Options, Report, Validate};

/// validator's key for the errors of a value as a whole (its `schema` validations').
const ALL: &str = "__all__";

/// `validator::Validate::validate` for a record: [`Validate::validate`]'s verdict (lax mode,
/// create direction), its errors as `ValidationErrors`.
pub fn validate<T: Validate + ?Sized>(value: &T) -> Result<(), ValidationErrors> {
    let report = value.report(Options::default());
    if report.has_errors() {
        Err(ValidationErrors::from(report))
    } else {
        Ok(())
    }
}

impl From<Report> for ValidationErrors {
    /// The report's errors, placed by path (see the feature's notes in the crate docs);
    /// warnings are dropped.
    fn from(report: Report) -> ValidationErrors {
        let mut root = Node::default();
        for issue in &report.errors {
            match steps(&issue.field, &issue.pointer) {
                Some(steps) => root.at(&steps).own.push(error(issue)),
                // A path that does not read as one (an issue edited by hand): the whole
                // field path as one key, so that nothing is lost.
                None => root
                    .at(&[Step::Key(issue.field.to_string())])
                    .own
                    .push(error(issue)),
            }
        }
        if report.omitted > 0 {
            let mut omitted = ValidationError::new("omitted")
                .with_message(Cow::Owned(omitted_line(report.omitted)));
            omitted.add_param(Cow::Borrowed("omitted"), &report.omitted);
            root.own.push(omitted);
        }
        root.into_errors()
    }
}

/// One issue as validator's error: code, message, the report's parameters and the value.
fn error(issue: &Issue) -> ValidationError {
    let mut params: HashMap<Cow<'static, str>, Value> = HashMap::new();
    if let Ok(Value::Object(map)) = serde_json::to_value(&issue.params) {
        params.extend(map.into_iter().map(|(k, v)| (Cow::Owned(k), v)));
    }
    if let Some(value) = &issue.value {
        params.insert(Cow::Borrowed("value"), Value::String(value.to_string()));
    }
    ValidationError {
        code: match issue.code {
            Code::Unrecognized => Cow::Owned(issue.code_str().to_owned()),
            known => Cow::Borrowed(known.as_str()),
        },
        message: Some(Cow::Owned(issue.message().into_owned())),
        params,
    }
}

/// One step of an issue's path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// The steps of an issue's path, read from its pointer (keys unescaped) and checked against
/// its field path, which tells an index (`[2]`) from a key named `2`. An index that is only in
/// the field path (`badges[2]`: inside a string) belongs to the string's field, whose error
/// names it in its parameters. `None` when the two do not describe one path.
fn steps(field: &str, pointer: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    if pointer.is_empty() {
        return Some(steps);
    }
    let mut rest = field;
    for raw in pointer.strip_prefix('/')?.split('/') {
        let segment = raw.replace("~1", "/").replace("~0", "~");
        let index = rest
            .strip_prefix('[')
            .and_then(|r| r.strip_prefix(segment.as_str()))
            .and_then(|r| r.strip_prefix(']'))
            .filter(|_| !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_digit()));
        if let (Some(after), Ok(i)) = (index, segment.parse::<usize>()) {
            steps.push(Step::Index(i));
            rest = after;
        } else {
            let key = if steps.is_empty() {
                rest
            } else {
                rest.strip_prefix('.')?
            };
            rest = key.strip_prefix(segment.as_str())?;
            steps.push(Step::Key(segment));
        }
    }
    // What is left are indices inside a string: `[2]`, nothing else.
    let mut left = rest;
    while let Some(r) = left.strip_prefix('[') {
        let (digits, after) = r.split_once(']')?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        left = after;
    }
    left.is_empty().then_some(steps)
}

/// The errors at one place of the value: its own, its fields', its elements'.
#[derive(Default)]
struct Node {
    own: Vec<ValidationError>,
    keys: BTreeMap<String, Node>,
    items: BTreeMap<usize, Node>,
}

impl Node {
    /// The node at `steps` below this one, made on the way.
    fn at(&mut self, steps: &[Step]) -> &mut Node {
        let mut node = self;
        for step in steps {
            node = match step {
                Step::Key(key) => node.keys.entry(key.clone()).or_default(),
                Step::Index(i) => node.items.entry(*i).or_default(),
            };
        }
        node
    }

    /// This node as a value of its parent's map: its own errors alone as `Field`, its
    /// elements alone as `List`, anything else as `Struct`.
    fn into_kind(self) -> ValidationErrorsKind {
        if self.keys.is_empty() && self.items.is_empty() {
            ValidationErrorsKind::Field(self.own)
        } else if self.keys.is_empty() && self.own.is_empty() {
            ValidationErrorsKind::List(
                self.items
                    .into_iter()
                    .map(|(i, node)| (i, Box::new(node.into_errors())))
                    .collect(),
            )
        } else {
            ValidationErrorsKind::Struct(Box::new(self.into_errors()))
        }
    }

    /// This node as a struct's errors: its fields, its own errors under `__all__`, and (a
    /// value that is both, which only a report read in another way than `validate` can
    /// hold) its elements under their indices.
    fn into_errors(self) -> ValidationErrors {
        let mut map = HashMap::new();
        for (key, node) in self.keys {
            insert(&mut map, key, node.into_kind());
        }
        for (i, node) in self.items {
            let errors = ValidationErrorsKind::Struct(Box::new(node.into_errors()));
            insert(&mut map, i.to_string(), errors);
        }
        if !self.own.is_empty() {
            insert(
                &mut map,
                ALL.to_owned(),
                ValidationErrorsKind::Field(self.own),
            );
        }
        ValidationErrors(map)
    }
}

/// Inserts `kind` under `key`; a key taken already (a field named `__all__`, or `2` beside
/// an element 2) takes field errors into its own, and anything else goes under the key with
/// `~` appended until one is free: no error is lost.
fn insert(
    map: &mut HashMap<Cow<'static, str>, ValidationErrorsKind>,
    mut key: String,
    kind: ValidationErrorsKind,
) {
    if let (Some(ValidationErrorsKind::Field(errors)), ValidationErrorsKind::Field(more)) =
        (map.get_mut(key.as_str()), &kind)
    {
        errors.extend(more.iter().cloned());
        return;
    }
    while map.contains_key(key.as_str()) {
        key.push('~');
    }
    map.insert(Cow::Owned(key), kind);
}

/// `validator::Validate` for a `Schema` type, by name, through [`validate`]. Written with
/// `$crate` paths, so that it resolves in every edition and without a prelude.
#[doc(hidden)]
#[macro_export]
macro_rules! __schema_validator_impl {
    ($ty:ident) => {
        #[automatically_derived]
        impl $crate::__private::validator::Validate for $ty {
            fn validate(
                &self,
            ) -> $crate::__private::Result<(), $crate::__private::validator::ValidationErrors> {
                $crate::__private::validator_validate(self)
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::{steps, Step};

    /// README's "With validator" section shows this module's example, as written here.
    #[test]
    fn readme_shows_the_tested_example() {
        crate::readme_check::shows(include_str!("with_validator.rs"), "## With validator");
    }

    fn key(k: &str) -> Step {
        Step::Key(k.to_owned())
    }

    #[test]
    fn steps_come_from_the_pointer_and_indices_from_the_field_path() {
        assert_eq!(steps("", ""), Some(vec![]));
        assert_eq!(steps("status", "/status"), Some(vec![key("status")]));
        assert_eq!(
            steps("parts[1].name", "/parts/1/name"),
            Some(vec![key("parts"), Step::Index(1), key("name")])
        );
        assert_eq!(
            steps("[3].status", "/3/status"),
            Some(vec![Step::Index(3), key("status")])
        );
        // A key named `2` is a key; an index inside a string stays with its field.
        assert_eq!(steps("a.2", "/a/2"), Some(vec![key("a"), key("2")]));
        assert_eq!(steps("badges[2]", "/badges"), Some(vec![key("badges")]));
        // Escapes of the pointer, and keys holding `.` or `[`.
        assert_eq!(steps("a/b~c", "/a~1b~0c"), Some(vec![key("a/b~c")]));
        assert_eq!(
            steps("x.y[0]", "/x.y/0"),
            Some(vec![key("x.y"), Step::Index(0)])
        );
        // Paths that do not agree.
        assert_eq!(steps("status", "/other"), None);
        assert_eq!(steps("status", "status"), None);
        assert_eq!(steps("badges[x]", "/badges"), None);
    }
}
