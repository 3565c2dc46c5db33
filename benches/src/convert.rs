//! Builds `job_schema::Job`s from parsed floor structs, so that `validate()` can be measured
//! on records that break rules (`from_json` gives no record for those).

use std::collections::BTreeMap;

use job_schema::{AnyScalar, Job};

use crate::floor::{FloorJob, Loose};

fn any(value: Loose) -> AnyScalar {
    match value {
        Loose::Bool(b) => AnyScalar::Bool(b),
        Loose::Number(n) => serde_json::Number::from_f64(n)
            .map_or_else(|| AnyScalar::String(n.to_string()), AnyScalar::Number),
        Loose::Text(s) => AnyScalar::String(s),
    }
}

/// The `Job` holding the same values as `j`.
pub fn to_job(j: FloorJob) -> Job {
    let mut custom_fields = BTreeMap::new();
    for (key, value) in [
        (
            "customfield_xero_tracking_cat_1",
            j.customfield_xero_tracking_cat_1,
        ),
        (
            "customfield_xero_tracking_cat_2",
            j.customfield_xero_tracking_cat_2,
        ),
    ] {
        if let Some(value) = value {
            custom_fields.insert(key.to_owned(), value);
        }
    }
    Job {
        created_by_staff_uuid: j.created_by_staff_uuid,
        date: j.date,
        company_uuid: j.company_uuid,
        billing_address: j.billing_address,
        status: j.status.unwrap_or_default(),
        lng: j.lng,
        lat: j.lat,
        payment_date: j.payment_date.map(any),
        payment_actioned_by_uuid: j.payment_actioned_by_uuid.map(any),
        payment_method: j.payment_method.map(any),
        payment_amount: j.payment_amount.map(any),
        category_uuid: j.category_uuid,
        payment_note: j.payment_note.map(any),
        geo_is_valid: j.geo_is_valid,
        purchase_order_number: j.purchase_order_number,
        invoice_sent: j.invoice_sent,
        invoice_sent_stamp: j.invoice_sent_stamp,
        ready_to_invoice: j.ready_to_invoice.map(any),
        ready_to_invoice_stamp: j.ready_to_invoice_stamp.map(any),
        geo_country: j.geo_country,
        geo_postcode: j.geo_postcode,
        geo_state: j.geo_state,
        geo_city: j.geo_city,
        geo_street: j.geo_street,
        geo_number: j.geo_number,
        queue_uuid: j.queue_uuid,
        queue_expiry_date: j.queue_expiry_date,
        queue_assigned_staff_uuid: j.queue_assigned_staff_uuid,
        badges: j.badges,
        quote_date: j.quote_date,
        quote_sent: j.quote_sent,
        quote_sent_stamp: j.quote_sent_stamp,
        work_order_date: j.work_order_date,
        active_network_request_uuid: j.active_network_request_uuid.map(any),
        related_knowledge_articles: j.related_knowledge_articles.map(any),
        uuid: j.uuid,
        job_address: j.job_address,
        job_description: j.job_description,
        work_done_description: j.work_done_description,
        payment_processed: j.payment_processed,
        payment_received: j.payment_received,
        completion_date: j.completion_date,
        unsuccessful_date: j.unsuccessful_date,
        active: j.active,
        edit_date: j.edit_date.map(AnyScalar::String),
        generated_job_id: j.generated_job_id.map(AnyScalar::String),
        total_invoice_amount: j.total_invoice_amount.map(AnyScalar::String),
        payment_processed_stamp: j.payment_processed_stamp.map(AnyScalar::String),
        payment_received_stamp: j.payment_received_stamp.map(AnyScalar::String),
        completion_actioned_by_uuid: j.completion_actioned_by_uuid.map(AnyScalar::String),
        job_is_scheduled_until_stamp: j.job_is_scheduled_until_stamp.map(AnyScalar::String),
        custom_fields,
    }
}
