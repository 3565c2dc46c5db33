//! The rules that `validator` and `garde` lack, as custom functions.
//!
//! Neither crate has a UUID, a `YYYY-MM-DD HH:MM:SS` datetime, a date, a one-of-these-strings
//! or a JSON-array-of-UUIDs-in-a-string rule, nor lax "unset" forms (`""`, zero dates). The
//! predicates here call `job-schema`'s public rule functions (`job_schema::rules`), so that
//! the three crates run the same per-value check and the comparison measures what each adds
//! around it.

use job_schema::rules::{date, datetime, uuid, uuid_list};
use job_schema::Mode;

use crate::floor::Loose;

/// The four job statuses, case-sensitive.
pub const STATUSES: [&str; 4] = ["Quote", "Work Order", "Unsuccessful", "Completed"];

/// `uuid`, lax: a hyphenated UUID, or `""` (unset).
pub fn uuid_ok(value: &str) -> bool {
    value.is_empty() || uuid::is_uuid(value)
}

/// `datetime`, lax: `YYYY-MM-DD HH:MM:SS`, or `""` or the zero datetime (unset).
pub fn datetime_ok(value: &str) -> bool {
    value.is_empty() || datetime::is_zero(value) || datetime::is_datetime(value)
}

/// `date`, lax: a date or a datetime, or `""`, the zero date or the zero datetime (unset).
pub fn date_ok(value: &str) -> bool {
    value.is_empty() || value == "0000-00-00" || datetime::is_zero(value) || date::is_date(value)
}

/// `uuid_list`, lax: a string holding a JSON array of UUIDs, or `""`.
pub fn uuid_list_ok(value: &str) -> bool {
    let mut ok = true;
    uuid_list::check(value, Mode::Lax, |_, _| ok = false);
    ok
}

/// `enum_values` on `status`, with `required`: one of the four statuses.
pub fn status_ok(value: &str) -> bool {
    STATUSES.contains(&value)
}

/// A format rule on a deprecated field of loose type: it applies to a non-empty string only.
pub fn loose_ok(value: &Loose, rule: fn(&str) -> bool) -> bool {
    value.as_str().is_none_or(rule)
}
