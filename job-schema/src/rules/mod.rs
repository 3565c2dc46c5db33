//! The rules of the field table, as pure functions over one value.
//!
//! Each rule returns `Ok` for a good value and a [`Violation`]
//! for a bad one; the caller places the violation at a field. Nothing allocates unless a
//! value is rejected.
//!
//! - [`max_len`]: at most N characters (Unicode scalar values).
//! - [`enum_values`]: one of a fixed list of strings or integers, with a suggestion for a
//!   near miss in case or spacing.
//! - [`bool01`]: the integer 0 or 1, and the lax spellings that map to it.
//! - [`uuid`]: a hyphenated 8-4-4-4-12 hex UUID.
//! - [`datetime`]: `YYYY-MM-DD HH:MM:SS`, a real date and time.
//! - [`date`]: `YYYY-MM-DD`, or a datetime.
//! - [`number`]: a finite decimal number, given as text or as a float.
//! - [`range`]: a number within inclusive bounds.
//! - [`uuid_list`]: a string holding a JSON array of UUIDs.
//! - [`required`]: present, not `null`, not `""`.

// The rules return `Result<_, Violation>` by contract; a `Violation` is built only when a
// value is rejected, so its size costs nothing on the success path.
#![allow(clippy::result_large_err)]

use std::borrow::Cow;

use crate::options::Mode;
use crate::report::{Code, Form, Params, Phrase, Violation};

pub mod bool01;
pub mod date;
pub mod datetime;
pub mod enum_values;
pub mod max_len;
pub mod number;
pub mod range;
pub mod required;
pub mod uuid;
pub mod uuid_list;

// The formats live with the messages that name them, in the report.
pub use crate::report::formats::{DATETIME_FORMAT, DATE_FORMAT};

/// The rejection of a format rule (`uuid`, `date`, `datetime`): none when lax mode reads the
/// value as unset; else a `code` violation quoting the value and saying `phrase`, with the
/// strict-mode hint when the value is an unset one, and the rule's `format`.
pub(crate) fn reject_unless_unset(
    code: Code,
    phrase: Phrase,
    format: &'static str,
    unset: bool,
    mode: Mode,
) -> Result<(), Violation> {
    if unset && mode == Mode::Lax {
        return Ok(());
    }
    Err(Violation::deferred(
        code,
        Form::Quoted(phrase, unset),
        Params::Format {
            format: Cow::Borrowed(format),
        },
    ))
}
