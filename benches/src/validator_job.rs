//! The same rules with `validator` 0.21 (derive): deserialize with serde, then `validate()`.
//!
//! `length(max)` counts characters, as `max_len` does. The rules `validator` lacks (UUID,
//! datetime, date, status values, badge list, a format on a deprecated field of loose type)
//! are custom functions over [`crate::rules`]. What it cannot do: read the lax forms of a
//! flag (`true`, `"1"`) or a coordinate (`"-27.5"`) without a custom deserializer, and go on
//! after a JSON type error: serde stops at the first one.

#![allow(clippy::unnecessary_wraps, clippy::trivially_copy_pass_by_ref)]

use serde::Deserialize;
use validator::{Validate, ValidationError};

use crate::floor::Loose;
use crate::rules;

fn check(ok: bool, code: &'static str) -> Result<(), ValidationError> {
    if ok {
        Ok(())
    } else {
        Err(ValidationError::new(code))
    }
}

fn v_uuid(value: &str) -> Result<(), ValidationError> {
    check(rules::uuid_ok(value), "uuid")
}

fn v_date(value: &str) -> Result<(), ValidationError> {
    check(rules::date_ok(value), "date")
}

fn v_datetime(value: &str) -> Result<(), ValidationError> {
    check(rules::datetime_ok(value), "datetime")
}

fn v_status(value: &str) -> Result<(), ValidationError> {
    check(rules::status_ok(value), "enum_values")
}

fn v_uuid_list(value: &str) -> Result<(), ValidationError> {
    check(rules::uuid_list_ok(value), "uuid_list")
}

fn v_loose_uuid(value: &Loose) -> Result<(), ValidationError> {
    check(rules::loose_ok(value, rules::uuid_ok), "uuid")
}

fn v_loose_datetime(value: &Loose) -> Result<(), ValidationError> {
    check(rules::loose_ok(value, rules::datetime_ok), "datetime")
}

/// The job with `validator` attributes.
#[allow(missing_docs)]
#[derive(Clone, Debug, Deserialize, Validate)]
pub struct ValidatorJob {
    #[validate(custom(function = "v_uuid"))]
    pub created_by_staff_uuid: Option<String>,
    #[validate(custom(function = "v_date"))]
    pub date: Option<String>,
    #[validate(custom(function = "v_uuid"))]
    pub company_uuid: Option<String>,
    #[validate(length(max = 500))]
    pub billing_address: Option<String>,
    #[validate(length(min = 1, max = 20), custom(function = "v_status"))]
    pub status: String,
    #[validate(range(min = -180.0, max = 180.0))]
    pub lng: Option<f64>,
    #[validate(range(min = -90.0, max = 90.0))]
    pub lat: Option<f64>,
    #[validate(custom(function = "v_loose_datetime"))]
    pub payment_date: Option<Loose>,
    #[validate(custom(function = "v_loose_uuid"))]
    pub payment_actioned_by_uuid: Option<Loose>,
    pub payment_method: Option<Loose>,
    pub payment_amount: Option<Loose>,
    #[validate(custom(function = "v_uuid"))]
    pub category_uuid: Option<String>,
    pub payment_note: Option<Loose>,
    #[validate(range(min = 0, max = 1))]
    pub geo_is_valid: Option<u8>,
    #[validate(length(max = 100))]
    pub purchase_order_number: Option<String>,
    #[validate(range(min = 0, max = 1))]
    pub invoice_sent: Option<u8>,
    #[validate(custom(function = "v_datetime"))]
    pub invoice_sent_stamp: Option<String>,
    pub ready_to_invoice: Option<Loose>,
    #[validate(custom(function = "v_loose_datetime"))]
    pub ready_to_invoice_stamp: Option<Loose>,
    pub geo_country: Option<String>,
    pub geo_postcode: Option<String>,
    pub geo_state: Option<String>,
    pub geo_city: Option<String>,
    pub geo_street: Option<String>,
    pub geo_number: Option<String>,
    #[validate(custom(function = "v_uuid"))]
    pub queue_uuid: Option<String>,
    #[validate(custom(function = "v_datetime"))]
    pub queue_expiry_date: Option<String>,
    #[validate(custom(function = "v_uuid"))]
    pub queue_assigned_staff_uuid: Option<String>,
    #[validate(custom(function = "v_uuid_list"))]
    pub badges: Option<String>,
    #[validate(custom(function = "v_datetime"))]
    pub quote_date: Option<String>,
    #[validate(range(min = 0, max = 1))]
    pub quote_sent: Option<u8>,
    #[validate(custom(function = "v_datetime"))]
    pub quote_sent_stamp: Option<String>,
    #[validate(custom(function = "v_datetime"))]
    pub work_order_date: Option<String>,
    #[validate(custom(function = "v_loose_uuid"))]
    pub active_network_request_uuid: Option<Loose>,
    pub related_knowledge_articles: Option<Loose>,
    #[validate(custom(function = "v_uuid"))]
    pub uuid: Option<String>,
    #[validate(length(max = 500))]
    pub job_address: Option<String>,
    pub job_description: Option<String>,
    pub work_done_description: Option<String>,
    #[validate(range(min = 0, max = 1))]
    pub payment_processed: Option<u8>,
    #[validate(range(min = 0, max = 1))]
    pub payment_received: Option<u8>,
    #[validate(custom(function = "v_datetime"))]
    pub completion_date: Option<String>,
    #[validate(custom(function = "v_datetime"))]
    pub unsuccessful_date: Option<String>,
    #[validate(range(min = 0, max = 1))]
    pub active: Option<u8>,
    #[validate(custom(function = "v_datetime"))]
    pub edit_date: Option<String>,
    pub generated_job_id: Option<String>,
    pub total_invoice_amount: Option<String>,
    #[validate(custom(function = "v_datetime"))]
    pub payment_processed_stamp: Option<String>,
    #[validate(custom(function = "v_datetime"))]
    pub payment_received_stamp: Option<String>,
    #[validate(custom(function = "v_uuid"))]
    pub completion_actioned_by_uuid: Option<String>,
    #[validate(custom(function = "v_datetime"))]
    pub job_is_scheduled_until_stamp: Option<String>,
    pub customfield_xero_tracking_cat_1: Option<String>,
    pub customfield_xero_tracking_cat_2: Option<String>,
}

/// Deserializes and validates `body`: `true` when both succeed.
pub fn is_valid(body: &[u8]) -> bool {
    serde_json::from_slice::<ValidatorJob>(body).is_ok_and(|job| job.validate().is_ok())
}
