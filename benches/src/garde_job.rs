//! The same rules with `garde` 0.23 (derive): deserialize with serde, then `validate()`.
//!
//! `length(chars, max)` counts characters, as `max_len` does. The rules `garde` lacks (UUID,
//! datetime, date, status values, badge list, a format on a deprecated field of loose type)
//! are custom functions over [`crate::rules`]. What it cannot do: read the lax forms of a
//! flag (`true`, `"1"`) or a coordinate (`"-27.5"`) without a custom deserializer, and go on
//! after a JSON type error: serde stops at the first one.

#![allow(clippy::ref_option, clippy::trivially_copy_pass_by_ref)]

use garde::Validate;
use serde::Deserialize;

use crate::floor::Loose;
use crate::rules;

fn check(ok: bool, code: &'static str) -> garde::Result {
    if ok {
        Ok(())
    } else {
        Err(garde::Error::new(code))
    }
}

fn g_uuid(value: &Option<String>, (): &()) -> garde::Result {
    check(value.as_deref().is_none_or(rules::uuid_ok), "uuid")
}

fn g_date(value: &Option<String>, (): &()) -> garde::Result {
    check(value.as_deref().is_none_or(rules::date_ok), "date")
}

fn g_datetime(value: &Option<String>, (): &()) -> garde::Result {
    check(value.as_deref().is_none_or(rules::datetime_ok), "datetime")
}

fn g_status(value: &str, (): &()) -> garde::Result {
    check(rules::status_ok(value), "enum_values")
}

fn g_uuid_list(value: &Option<String>, (): &()) -> garde::Result {
    check(
        value.as_deref().is_none_or(rules::uuid_list_ok),
        "uuid_list",
    )
}

fn g_loose_uuid(value: &Option<Loose>, (): &()) -> garde::Result {
    check(
        value
            .as_ref()
            .is_none_or(|v| rules::loose_ok(v, rules::uuid_ok)),
        "uuid",
    )
}

fn g_loose_datetime(value: &Option<Loose>, (): &()) -> garde::Result {
    check(
        value
            .as_ref()
            .is_none_or(|v| rules::loose_ok(v, rules::datetime_ok)),
        "datetime",
    )
}

/// The job with `garde` attributes.
#[allow(missing_docs)]
#[derive(Clone, Debug, Deserialize, Validate)]
pub struct GardeJob {
    #[garde(custom(g_uuid))]
    pub created_by_staff_uuid: Option<String>,
    #[garde(custom(g_date))]
    pub date: Option<String>,
    #[garde(custom(g_uuid))]
    pub company_uuid: Option<String>,
    #[garde(length(chars, max = 500))]
    pub billing_address: Option<String>,
    #[garde(length(chars, min = 1, max = 20), custom(g_status))]
    pub status: String,
    #[garde(range(min = -180.0, max = 180.0))]
    pub lng: Option<f64>,
    #[garde(range(min = -90.0, max = 90.0))]
    pub lat: Option<f64>,
    #[garde(custom(g_loose_datetime))]
    pub payment_date: Option<Loose>,
    #[garde(custom(g_loose_uuid))]
    pub payment_actioned_by_uuid: Option<Loose>,
    #[garde(skip)]
    pub payment_method: Option<Loose>,
    #[garde(skip)]
    pub payment_amount: Option<Loose>,
    #[garde(custom(g_uuid))]
    pub category_uuid: Option<String>,
    #[garde(skip)]
    pub payment_note: Option<Loose>,
    #[garde(range(min = 0, max = 1))]
    pub geo_is_valid: Option<u8>,
    #[garde(length(chars, max = 100))]
    pub purchase_order_number: Option<String>,
    #[garde(range(min = 0, max = 1))]
    pub invoice_sent: Option<u8>,
    #[garde(custom(g_datetime))]
    pub invoice_sent_stamp: Option<String>,
    #[garde(skip)]
    pub ready_to_invoice: Option<Loose>,
    #[garde(custom(g_loose_datetime))]
    pub ready_to_invoice_stamp: Option<Loose>,
    #[garde(skip)]
    pub geo_country: Option<String>,
    #[garde(skip)]
    pub geo_postcode: Option<String>,
    #[garde(skip)]
    pub geo_state: Option<String>,
    #[garde(skip)]
    pub geo_city: Option<String>,
    #[garde(skip)]
    pub geo_street: Option<String>,
    #[garde(skip)]
    pub geo_number: Option<String>,
    #[garde(custom(g_uuid))]
    pub queue_uuid: Option<String>,
    #[garde(custom(g_datetime))]
    pub queue_expiry_date: Option<String>,
    #[garde(custom(g_uuid))]
    pub queue_assigned_staff_uuid: Option<String>,
    #[garde(custom(g_uuid_list))]
    pub badges: Option<String>,
    #[garde(custom(g_datetime))]
    pub quote_date: Option<String>,
    #[garde(range(min = 0, max = 1))]
    pub quote_sent: Option<u8>,
    #[garde(custom(g_datetime))]
    pub quote_sent_stamp: Option<String>,
    #[garde(custom(g_datetime))]
    pub work_order_date: Option<String>,
    #[garde(custom(g_loose_uuid))]
    pub active_network_request_uuid: Option<Loose>,
    #[garde(skip)]
    pub related_knowledge_articles: Option<Loose>,
    #[garde(custom(g_uuid))]
    pub uuid: Option<String>,
    #[garde(length(chars, max = 500))]
    pub job_address: Option<String>,
    #[garde(skip)]
    pub job_description: Option<String>,
    #[garde(skip)]
    pub work_done_description: Option<String>,
    #[garde(range(min = 0, max = 1))]
    pub payment_processed: Option<u8>,
    #[garde(range(min = 0, max = 1))]
    pub payment_received: Option<u8>,
    #[garde(custom(g_datetime))]
    pub completion_date: Option<String>,
    #[garde(custom(g_datetime))]
    pub unsuccessful_date: Option<String>,
    #[garde(range(min = 0, max = 1))]
    pub active: Option<u8>,
    #[garde(custom(g_datetime))]
    pub edit_date: Option<String>,
    #[garde(skip)]
    pub generated_job_id: Option<String>,
    #[garde(skip)]
    pub total_invoice_amount: Option<String>,
    #[garde(custom(g_datetime))]
    pub payment_processed_stamp: Option<String>,
    #[garde(custom(g_datetime))]
    pub payment_received_stamp: Option<String>,
    #[garde(custom(g_uuid))]
    pub completion_actioned_by_uuid: Option<String>,
    #[garde(custom(g_datetime))]
    pub job_is_scheduled_until_stamp: Option<String>,
    #[garde(skip)]
    pub customfield_xero_tracking_cat_1: Option<String>,
    #[garde(skip)]
    pub customfield_xero_tracking_cat_2: Option<String>,
}

/// Deserializes and validates `body`: `true` when both succeed.
pub fn is_valid(body: &[u8]) -> bool {
    serde_json::from_slice::<GardeJob>(body).is_ok_and(|job| job.validate().is_ok())
}
