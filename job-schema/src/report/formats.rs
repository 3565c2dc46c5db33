//! The formats a value must follow, as a rule's parameters and its messages name them. Here, in
//! the report, so that the messages need nothing from the rules; the rules take them from here
//! (and the rules module re-exports the public ones).

/// The one form a datetime takes.
pub const DATETIME_FORMAT: &str = "YYYY-MM-DD HH:MM:SS";

/// The short form a date takes (a date also takes [`DATETIME_FORMAT`]).
pub const DATE_FORMAT: &str = "YYYY-MM-DD";

/// The format of a UUID, named in a `uuid` violation.
pub(crate) const UUID_FORMAT: &str = "8-4-4-4-12 hex digits";
