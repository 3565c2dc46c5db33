//! Typed access to a [`Job`]'s values: its status as a [`JobStatus`], its flags as `bool`,
//! and (features `uuid` and `chrono`) its uuid references as `uuid::Uuid`, its datetimes as
//! `chrono::NaiveDateTime` and its date as `chrono::NaiveDate`.
//!
//! The fields keep their wire form (`Option<String>`, `Option<u8>`), so the job serializes
//! as before; a getter reads a field, a setter writes the value's canonical wire text.
//!
//! A getter returns `Ok(None)` for an unset field (absent, or a form lax mode reads as
//! unset: `""`, a zero date), `Ok(Some(value))` for a valid one, and for a present value its
//! rule rejects, `Err` with the very [`Issue`] that `validate()` reports for it (field,
//! code, parameters, message, echoed value). Deprecated fields have no typed access.

// A getter's error is the report's own `Issue` (128 bytes), returned by value as `validate()`
// reports it: getters are not on a hot path, and a boxed issue would be a second error type.
#![allow(clippy::result_large_err)]

use crate::__private::Plumbing;
use crate::options::Mode;
use crate::path::Path;
use crate::report::{Issue, Violation};
use crate::rules;
use crate::Schema;

use super::{Job, JobStatus};

/// The issue that `validate()` reports for `violation` of `field`'s value `value`.
fn issue(field: &str, violation: Violation, value: Option<&str>) -> Issue {
    match Job::__field_index(field) {
        Some(index) => Issue::at(
            &Path::ROOT.field_of(&<Job as Schema>::FIELDS[index]),
            violation,
            value,
        ),
        None => Issue::at(&Path::ROOT.key(field), violation, value),
    }
}

impl Job {
    /// The status as a [`JobStatus`]: the `required` issue when it is empty, the
    /// `enum_values` issue (with its suggestion) when it is not one of the four.
    ///
    /// ```
    /// use job_schema::{Code, Job, JobStatus};
    ///
    /// let mut job = Job::new(JobStatus::Quote);
    /// assert_eq!(job.status(), Ok(JobStatus::Quote));
    /// job.status = "work order".into();
    /// let issue = job.status().unwrap_err();
    /// assert_eq!(issue.code, Code::EnumValues);
    /// assert_eq!(issue.params.suggestion(), Some("Work Order"));
    /// ```
    pub fn status(&self) -> Result<JobStatus, Issue> {
        let text = self.status.as_str();
        if let Err(violation) = rules::required::check_str(text) {
            return Err(issue("status", violation, Some(text)));
        }
        text.parse().map_err(|_| {
            let allowed = &["Quote", "Work Order", "Unsuccessful", "Completed"];
            let violation = rules::enum_values::check_str(text, allowed, Mode::Lax)
                .err()
                .unwrap_or_else(rules::required::missing);
            issue("status", violation, Some(text))
        })
    }

    /// Sets the status.
    pub fn set_status(&mut self, status: JobStatus) -> &mut Job {
        status.as_str().clone_into(&mut self.status);
        self
    }
}

/// A flag's value: `Ok(None)` unset, `Ok(Some(_))` for 0 or 1, else the `bool01` issue.
fn flag(field: &str, value: Option<u8>) -> Result<Option<bool>, Issue> {
    match value {
        None => Ok(None),
        Some(0) => Ok(Some(false)),
        Some(1) => Ok(Some(true)),
        Some(other) => {
            let violation = rules::bool01::check(i64::from(other))
                .err()
                .unwrap_or_else(rules::required::missing);
            let text = other.to_string();
            Err(issue(field, violation, Some(&text)))
        }
    }
}

/// The names of the fields with typed access, for the test that keeps them in step with the
/// field table.
#[cfg(test)]
const TYPED: &[&str] = &[
    "status",
    "geo_is_valid",
    "invoice_sent",
    "quote_sent",
    "payment_processed",
    "payment_received",
    "active",
    "created_by_staff_uuid",
    "company_uuid",
    "category_uuid",
    "queue_uuid",
    "queue_assigned_staff_uuid",
    "uuid",
    "completion_actioned_by_uuid",
    "date",
    "invoice_sent_stamp",
    "queue_expiry_date",
    "quote_date",
    "quote_sent_stamp",
    "work_order_date",
    "completion_date",
    "unsuccessful_date",
    "edit_date",
    "payment_processed_stamp",
    "payment_received_stamp",
    "job_is_scheduled_until_stamp",
];

/// Getters and setters of flags.
macro_rules! flags {
    ($($field:ident, $setter:ident;)*) => {
        impl Job {$(
            #[doc = concat!("`", stringify!($field), "` as a `bool` (`bool01`: 0 is `false`, 1 is `true`).")]
            pub fn $field(&self) -> Result<Option<bool>, Issue> {
                flag(stringify!($field), self.$field)
            }

            #[doc = concat!("Sets `", stringify!($field), "` to 1 or 0 (`None` unsets it).")]
            pub fn $setter(&mut self, value: impl Into<Option<bool>>) -> &mut Job {
                self.$field = value.into().map(u8::from);
                self
            }
        )*}
    };
}

flags! {
    geo_is_valid, set_geo_is_valid;
    invoice_sent, set_invoice_sent;
    quote_sent, set_quote_sent;
    payment_processed, set_payment_processed;
    payment_received, set_payment_received;
    active, set_active;
}

/// A text field's typed value (a type that implies a format rule): `Ok(None)` unset, the
/// value, or the issue of the rule that rejects the text.
#[cfg(any(feature = "uuid", feature = "chrono"))]
fn typed<T: crate::value::Field>(field: &str, value: Option<&str>) -> Result<Option<T>, Issue> {
    use crate::spec::Rule;
    use crate::value::Scalar;

    let Some(text) = value else {
        return Ok(None);
    };
    if let Some(typed) = T::from_scalar(Scalar::Str(text)) {
        return Ok(Some(typed));
    }
    let verdict = match T::FORMAT {
        Some(Rule::Uuid) => rules::uuid::check(text, Mode::Lax),
        Some(Rule::Datetime) => rules::datetime::check(text, Mode::Lax),
        Some(Rule::Date) => rules::date::check(text, Mode::Lax),
        _ => Ok(()),
    };
    // What the lax rule accepts and the type does not build is a form of "unset".
    verdict
        .map(|()| None)
        .map_err(|violation| issue(field, violation, Some(text)))
}

/// How a typed getter or setter reaches a field that holds wire text: a writable field's
/// `Option<String>`, or a read-only field's `Option<AnyScalar>` (lax mode takes any scalar
/// there, since the API ignores it on create; one that is not a string has no typed value
/// and reads as unset, as `validate()` in lax mode lets it pass).
#[cfg(any(feature = "uuid", feature = "chrono"))]
trait WireText {
    fn text(&self) -> Option<&str>;
    fn from_text(text: Option<String>) -> Self;
}

#[cfg(any(feature = "uuid", feature = "chrono"))]
impl WireText for Option<String> {
    fn text(&self) -> Option<&str> {
        self.as_deref()
    }
    fn from_text(text: Option<String>) -> Self {
        text
    }
}

#[cfg(any(feature = "uuid", feature = "chrono"))]
impl WireText for Option<crate::AnyScalar> {
    fn text(&self) -> Option<&str> {
        self.as_ref().and_then(crate::AnyScalar::as_str)
    }
    fn from_text(text: Option<String>) -> Self {
        text.map(crate::AnyScalar::String)
    }
}

/// Getters and setters of text fields that hold a typed value, written as its wire text.
#[cfg(any(feature = "uuid", feature = "chrono"))]
macro_rules! typed_fields {
    ($ty:ty, $rule:literal: $($field:ident, $setter:ident;)*) => {
        impl Job {$(
            #[doc = concat!("`", stringify!($field), "` as a `", stringify!($ty), "` (rule `", $rule, "`).")]
            pub fn $field(&self) -> Result<Option<$ty>, Issue> {
                typed(stringify!($field), WireText::text(&self.$field))
            }

            #[doc = concat!("Sets `", stringify!($field), "` to the value's wire text (`None` unsets it). A value whose text the rule rejects (a `NaiveDateTime` with a fraction of a second) is written as it is, never rounded, and `validate()` names it.")]
            pub fn $setter(&mut self, value: impl Into<Option<$ty>>) -> &mut Job {
                self.$field = WireText::from_text(value.into().map(|value| value.to_string()));
                self
            }
        )*}
    };
}

#[cfg(feature = "uuid")]
typed_fields! { uuid::Uuid, "uuid":
    created_by_staff_uuid, set_created_by_staff_uuid;
    company_uuid, set_company_uuid;
    category_uuid, set_category_uuid;
    queue_uuid, set_queue_uuid;
    queue_assigned_staff_uuid, set_queue_assigned_staff_uuid;
    uuid, set_uuid;
    completion_actioned_by_uuid, set_completion_actioned_by_uuid;
}

#[cfg(feature = "chrono")]
typed_fields! { chrono::NaiveDate, "date":
    date, set_date;
}

#[cfg(feature = "chrono")]
typed_fields! { chrono::NaiveDateTime, "datetime":
    invoice_sent_stamp, set_invoice_sent_stamp;
    queue_expiry_date, set_queue_expiry_date;
    quote_date, set_quote_date;
    quote_sent_stamp, set_quote_sent_stamp;
    work_order_date, set_work_order_date;
    completion_date, set_completion_date;
    unsuccessful_date, set_unsuccessful_date;
    edit_date, set_edit_date;
    payment_processed_stamp, set_payment_processed_stamp;
    payment_received_stamp, set_payment_received_stamp;
    job_is_scheduled_until_stamp, set_job_is_scheduled_until_stamp;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::FieldClass;

    /// Every field that is not deprecated and has the `enum_values`, `bool01`, `uuid`,
    /// `datetime` or `date` rule has typed access, and no other.
    #[test]
    fn typed_access_covers_the_field_table() {
        let expected: Vec<&str> = <Job as Schema>::FIELDS
            .iter()
            .filter(|spec| !matches!(spec.class, FieldClass::Deprecated(_)))
            .filter(|spec| {
                ["enum_values", "bool01", "uuid", "datetime", "date"]
                    .iter()
                    .any(|rule| spec.has(rule))
            })
            .map(|spec| spec.name)
            .collect();
        let mut typed = TYPED.to_vec();
        typed.sort_unstable();
        let mut expected = expected;
        expected.sort_unstable();
        assert_eq!(typed, expected);
    }

    #[test]
    fn a_flag_out_of_range_is_the_bool01_issue() {
        let mut job = Job::new(JobStatus::Quote);
        job.active = Some(2);
        let issue = job.active().unwrap_err();
        let report = crate::Validate::validate(&job).unwrap_err();
        assert_eq!(issue.field, "active");
        assert_eq!(issue.code, report.errors[0].code);
        assert_eq!(issue.message(), report.errors[0].message());
        assert_eq!(job.set_active(false).active(), Ok(Some(false)));
        assert_eq!(job.set_active(None).active, None);
    }
}
