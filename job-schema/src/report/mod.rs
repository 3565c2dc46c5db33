//! The [`Report`]: every error and every warning of a record, at once.
//!
//! A report is two flat lists of [`Issue`]s. Each issue names the field (as a wire path such
//! as `badges[2]` and as an RFC 6901 pointer such as `/badges`), a stable [`Code`], a plain
//! English message, the rule's parameters and the offending value, cut to
//! [`ECHO_LIMIT`] characters with control characters escaped so that a report is always safe
//! to log.
//!
//! Every part of an issue that comes from the input is bounded: an echoed value takes at
//! most [`ECHO_LIMIT`] characters once escaped (see [`echo`]), a number in a message at most
//! [`NUMBER_LIMIT`] (large and small floats are written in exponent form, see
//! [`NUMBER_LIMIT`]), and a key in an issue's `field` and `pointer` at most [`ECHO_LIMIT`]
//! characters (see [`Path::field`](crate::Path::field)); so a report's size is at most its
//! issue count (at most [`ISSUE_LIMIT`]) times a constant of the schema.

// Split by what each part holds: the names of problems and JSON types (`code`), an issue's
// parameters (`params`), what a rule returns (`violation`), an issue placed at a field
// (`issue`), the report that collects them (`collect`), the echo of an input value
// (`echoing`), and the writing of messages: their texts (`message`, which depends on codes
// and parameters only), the formats they name (`formats`), and the writing of text and
// numbers (`text`, `number`). Nothing here imports the rules or the reader.

mod code;
mod collect;
mod echoing;
pub(crate) mod formats;
mod issue;
pub(crate) mod message;
mod number;
mod params;
mod read_back;
mod text;
mod violation;

pub use code::{Code, JsonType, JsonTypes};
pub use collect::{omitted_line, Report, ISSUE_LIMIT};
pub use echoing::{echo, escape, ECHO_LIMIT};
pub use issue::Issue;
pub use number::NUMBER_LIMIT;
pub use params::{Allowed, Fix, Params, Texts};
pub use violation::Violation;

pub(crate) use message::{Form, Lead, Phrase, Syntax};
pub(crate) use text::Text;
