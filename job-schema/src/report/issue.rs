//! An [`Issue`]: one problem with one field, as a report holds it.

use std::borrow::Cow;
use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use super::echoing::echo_boxed;
use super::message::Message;
use super::{Code, Params, Violation};
use crate::path::Path;

/// One problem with one field.
///
/// The message is written when it is read ([`Issue::message`], `Display`, JSON output), from
/// the issue's parameters and echoed value: checking a record builds no text for it. Editing
/// `params` or `value` edits the message too (a redacted value reads as `""` in a message
/// that quotes it).
#[derive(Clone)]
pub struct Issue {
    /// The wire path of the field: `status`, `address.city`, `badges[2]`, `""` for the root.
    ///
    /// A key from the input longer than [`ECHO_LIMIT`] characters (an unknown, custom or
    /// repeated key) is cut to its first `ECHO_LIMIT - 1` characters and `…`, on a character
    /// boundary, as an echoed value is (see [`Path::field`]). Two such keys that share their
    /// first `ECHO_LIMIT - 1` characters are then shown the same, in `field` and in
    /// `pointer`: tell their issues apart by their order or their message, not by the path
    /// (the `validator` conversion files both under the one key).
    ///
    /// [`ECHO_LIMIT`]: super::ECHO_LIMIT
    pub field: Cow<'static, str>,
    /// The RFC 6901 JSON pointer of the value: `/status`, `/address/city`, `/badges`.
    ///
    /// A long key is cut as in [`Issue::field`], then `~` and `/` are escaped (see
    /// [`Path::pointer`]).
    pub pointer: Cow<'static, str>,
    /// The stable code.
    pub code: Code,
    /// The rule's parameters.
    pub params: Params,
    /// The offending value as text, cut to [`ECHO_LIMIT`] characters, control characters
    /// escaped (see [`echo`]); `None` when there is no value to show (a missing field).
    ///
    /// [`ECHO_LIMIT`]: super::ECHO_LIMIT
    /// [`echo`]: super::echo
    pub value: Option<Box<str>>,
    /// The message, written out or to be written from `params` and `value`.
    pub(super) message: Message,
}

// A report's first eight issues fit in 1,024 bytes, which the allocator serves from its
// per-thread cache (see `sink::FIRST_ROOM`).
#[cfg(target_pointer_width = "64")]
const _: () = assert!(size_of::<Issue>() <= 128);

impl Issue {
    /// An issue at `path` from a rule's violation, echoing `value`.
    // Always inlined (five callers), so that `Sink::error` builds the issue itself rather
    // than receiving it from a call: 70 instructions less on a body with errors
    // (BENCHMARKS.md, step 17b).
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub fn at(path: &Path<'_>, violation: Violation, value: Option<&str>) -> Issue {
        let (field, pointer) = path.names();
        Issue {
            field,
            pointer,
            code: violation.code,
            params: violation.params,
            value: value.map(echo_boxed),
            message: violation.message,
        }
    }

    /// A warning that a field is present, with a message that does not depend on its value.
    /// Always inlined, so that the issue is written where it is pushed.
    #[allow(clippy::inline_always)]
    #[inline(always)]
    pub(crate) fn presence(
        path: &Path<'_>,
        code: Code,
        message: &'static str,
        params: Params,
    ) -> Issue {
        let (field, pointer) = path.names();
        Issue {
            field,
            pointer,
            code,
            params,
            value: None,
            message: Message::Text(Cow::Borrowed(message)),
        }
    }

    /// A plain English message: borrowed when it does not depend on the value, else written
    /// now from the parameters and the echoed value.
    ///
    /// ```
    /// use job_schema::{Job, Options};
    /// let report = Job::check_json(br#"{"status": "quote"}"#, Options::default());
    /// assert_eq!(
    ///     report.errors[0].message(),
    ///     r#""quote" is not one of "Quote", "Work Order", "Unsuccessful", "Completed"; did you mean "Quote"?"#
    /// );
    /// ```
    pub fn message(&self) -> Cow<'_, str> {
        self.message.render(&self.params, self.value.as_deref())
    }

    /// The code's name as the issue's JSON writes it: [`Code::as_str`], or, for an issue read
    /// back with a code this release does not know ([`Code::Unrecognized`]), the name it was
    /// read with.
    ///
    /// ```
    /// use job_schema::{Code, Report};
    /// let json = r#"{"errors":[{"field":"lat","pointer":"/lat","code":"some_later_code","message":"m","params":{},"value":null}],"warnings":[]}"#;
    /// let report: Report = serde_json::from_str(json).unwrap();
    /// assert_eq!(report.errors[0].code, Code::Unrecognized);
    /// assert_eq!(report.errors[0].code_str(), "some_later_code");
    /// assert_eq!(report.to_json(), json);
    /// ```
    pub fn code_str(&self) -> &str {
        match &self.message {
            Message::Unrecognized(sent) if self.code == Code::Unrecognized => &sent.code,
            _ => self.code.as_str(),
        }
    }
}

impl PartialEq for Issue {
    /// Equal when every field and the message read the same.
    fn eq(&self, other: &Issue) -> bool {
        self.field == other.field
            && self.pointer == other.pointer
            && self.code == other.code
            && self.code_str() == other.code_str()
            && self.params == other.params
            && self.value == other.value
            && (self.message == other.message || self.message() == other.message())
    }
}

impl fmt::Debug for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Issue")
            .field("field", &self.field)
            .field("pointer", &self.pointer)
            .field("code", &self.code)
            .field("message", &self.message())
            .field("params", &self.params)
            .field("value", &self.value)
            .finish()
    }
}

impl Serialize for Issue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut issue = serializer.serialize_struct("Issue", 6)?;
        issue.serialize_field("field", &self.field)?;
        issue.serialize_field("pointer", &self.pointer)?;
        issue.serialize_field("code", self.code_str())?;
        issue.serialize_field("message", &self.message())?;
        issue.serialize_field("params", &self.params)?;
        issue.serialize_field("value", &self.value)?;
        issue.end()
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field: &str = if self.field.is_empty() {
            "(root)"
        } else {
            &self.field
        };
        write!(f, "{field}: {}", self.message())
    }
}
