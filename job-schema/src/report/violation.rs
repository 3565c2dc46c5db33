//! A [`Violation`]: what a rule found wrong with one value, before it is placed at a field.

use std::borrow::Cow;
use std::fmt;

use super::message::{Form, Message, Syntax, SYNTAX_LEAD};
use super::{echo, Code, JsonType, JsonTypes, Params};

/// What a rule found wrong with one value, before it is placed at a field.
///
/// The rule functions in [`crate::rules`] return this; a [`Report`] turns it into an [`Issue`]
/// by adding the field's path and the echoed value.
///
/// Two violations are equal when their code, parameters and message are, the message as it
/// is held: written-out text is never equal to a message still to be written, even one that
/// would read the same (issues compare their messages as they read).
///
/// [`Report`]: super::Report
/// [`Issue`]: super::Issue
#[derive(Clone, PartialEq)]
pub struct Violation {
    /// The stable code.
    pub code: Code,
    /// The rule's parameters. The messages of this crate's rules are written from them (and
    /// from the value): change them and the message says something else.
    pub params: Params,
    /// The message, written out or to be written from the value and the parameters.
    pub(super) message: Message,
}

impl Violation {
    /// A violation with no parameters and the message `message`.
    pub fn new(code: Code, message: impl Into<Cow<'static, str>>) -> Violation {
        Violation {
            code,
            params: Params::Empty,
            message: Message::Text(message.into()),
        }
    }

    /// A violation whose message is written from the value and `params` when it is read.
    pub(crate) const fn deferred(code: Code, form: Form, params: Params) -> Violation {
        Violation {
            code,
            params,
            message: Message::Form(form),
        }
    }

    /// The `json_syntax` violation: malformed JSON at 1-based `line` and `column`, with
    /// `what` saying what is wrong there.
    ///
    /// ```
    /// let v = job_schema::Violation::json_syntax(2, 7, "expected `:`");
    /// assert_eq!(v.message(None), "malformed JSON at line 2, column 7: expected `:`");
    /// assert_eq!((v.params.line(), v.params.column()), (Some(2), Some(7)));
    /// ```
    pub fn json_syntax(line: usize, column: usize, what: &str) -> Violation {
        Violation::new(
            Code::JsonSyntax,
            format!("{SYNTAX_LEAD}{line}, column {column}: {what}"),
        )
        .with_params(Params::Position { line, column })
    }

    /// The `json_syntax` violation of the reader: `what` at 1-based `line` and `column`, its
    /// message written from the parameters, so that moving the position (the CLI places a
    /// record's position in its file) moves the message with it.
    pub(crate) const fn syntax(line: usize, column: usize, what: Syntax) -> Violation {
        Violation::deferred(
            Code::JsonSyntax,
            Form::Syntax(what),
            Params::Position { line, column },
        )
    }

    /// A `type` violation: the value is a `given`, the field takes `expected`.
    pub(crate) const fn wrong_type(form: Form, expected: JsonTypes, given: JsonType) -> Violation {
        Violation::deferred(Code::Type, form, Params::Type { expected, given })
    }

    /// This violation with `params` as its parameters (for a violation made with
    /// [`Violation::new`]; the message of one of this crate's rules is written from its
    /// parameters, which this replaces).
    #[must_use]
    pub fn with_params(mut self, params: Params) -> Violation {
        self.params = params;
        self
    }

    /// The message as it reads for the offending `value` (the one given to the rule): a
    /// message that quotes the value quotes it echoed (see [`echo`]).
    ///
    /// ```
    /// use job_schema::rules::max_len;
    /// let v = max_len::check("abcd", 3).unwrap_err();
    /// assert_eq!(v.message(Some("abcd")), "is 4 characters long; the limit is 3");
    /// ```
    pub fn message(&self, value: Option<&str>) -> Cow<'_, str> {
        let echoed = value.map(echo);
        self.message.render(&self.params, echoed.as_deref())
    }
}

impl fmt::Debug for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Violation")
            .field("code", &self.code)
            .field("params", &self.params)
            .field("message", &self.message)
            .finish()
    }
}
