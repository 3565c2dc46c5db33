//! The floor: `serde_json::from_slice` into a plain `#[derive(Deserialize)]` struct of the
//! same fields, with no validation; and the same struct read by the two SIMD parsers,
//! `sonic-rs` ([`parse_sonic_rs`]) and `simd-json` ([`parse_simd_json`]), as contenders.
//!
//! No rule means none at all: `status` is an `Option` too (that it must be present is a rule).
//! Field types follow the wire: text as `String`, flags as `u8`, coordinates as `f64`,
//! deprecated fields of loose type as [`Loose`] (what `job-schema` keeps in an `AnyScalar`),
//! and the two custom fields of the data sets as named fields (a `#[serde(flatten)]` map
//! would make serde buffer the whole body and the floor several times slower).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A JSON scalar of any type, for deprecated fields that real traffic fills with strings,
/// numbers or booleans.
#[derive(Clone, Debug, PartialEq)]
pub enum Loose {
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string.
    Text(String),
}

impl Loose {
    /// The text, when the value is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Loose::Text(s) => Some(s),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Loose, D::Error> {
        struct LooseVisitor;
        impl Visitor<'_> for LooseVisitor {
            type Value = Loose;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string, a number or a boolean")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
                Ok(Loose::Bool(v))
            }
            #[allow(clippy::cast_precision_loss)]
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
                Ok(Loose::Number(v as f64))
            }
            #[allow(clippy::cast_precision_loss)]
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
                Ok(Loose::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
                Ok(Loose::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
                Ok(Loose::Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
                Ok(Loose::Text(v))
            }
        }
        deserializer.deserialize_any(LooseVisitor)
    }
}

impl Serialize for Loose {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Loose::Bool(b) => serializer.serialize_bool(*b),
            Loose::Number(n) => serializer.serialize_f64(*n),
            Loose::Text(s) => serializer.serialize_str(s),
        }
    }
}

/// The job's fields with no rule: what parsing alone costs.
#[allow(missing_docs)]
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FloorJob {
    pub created_by_staff_uuid: Option<String>,
    pub date: Option<String>,
    pub company_uuid: Option<String>,
    pub billing_address: Option<String>,
    pub status: Option<String>,
    pub lng: Option<f64>,
    pub lat: Option<f64>,
    pub payment_date: Option<Loose>,
    pub payment_actioned_by_uuid: Option<Loose>,
    pub payment_method: Option<Loose>,
    pub payment_amount: Option<Loose>,
    pub category_uuid: Option<String>,
    pub payment_note: Option<Loose>,
    pub geo_is_valid: Option<u8>,
    pub purchase_order_number: Option<String>,
    pub invoice_sent: Option<u8>,
    pub invoice_sent_stamp: Option<String>,
    pub ready_to_invoice: Option<Loose>,
    pub ready_to_invoice_stamp: Option<Loose>,
    pub geo_country: Option<String>,
    pub geo_postcode: Option<String>,
    pub geo_state: Option<String>,
    pub geo_city: Option<String>,
    pub geo_street: Option<String>,
    pub geo_number: Option<String>,
    pub queue_uuid: Option<String>,
    pub queue_expiry_date: Option<String>,
    pub queue_assigned_staff_uuid: Option<String>,
    pub badges: Option<String>,
    pub quote_date: Option<String>,
    pub quote_sent: Option<u8>,
    pub quote_sent_stamp: Option<String>,
    pub work_order_date: Option<String>,
    pub active_network_request_uuid: Option<Loose>,
    pub related_knowledge_articles: Option<Loose>,
    pub uuid: Option<String>,
    pub job_address: Option<String>,
    pub job_description: Option<String>,
    pub work_done_description: Option<String>,
    pub payment_processed: Option<u8>,
    pub payment_received: Option<u8>,
    pub completion_date: Option<String>,
    pub unsuccessful_date: Option<String>,
    pub active: Option<u8>,
    pub edit_date: Option<String>,
    pub generated_job_id: Option<String>,
    pub total_invoice_amount: Option<String>,
    pub payment_processed_stamp: Option<String>,
    pub payment_received_stamp: Option<String>,
    pub completion_actioned_by_uuid: Option<String>,
    pub job_is_scheduled_until_stamp: Option<String>,
    pub customfield_xero_tracking_cat_1: Option<String>,
    pub customfield_xero_tracking_cat_2: Option<String>,
}

/// Parses `body` into a [`FloorJob`].
pub fn parse(body: &[u8]) -> serde_json::Result<FloorJob> {
    serde_json::from_slice(body)
}

/// Parses `body` into a [`FloorJob`] with `sonic-rs` (`sonic_rs::from_slice`), through the
/// same `Deserialize` impl.
pub fn parse_sonic_rs(body: &[u8]) -> sonic_rs::Result<FloorJob> {
    sonic_rs::from_slice(body)
}

/// Parses `body` into a [`FloorJob`] with `simd-json` (`simd_json::serde::from_slice`),
/// through the same `Deserialize` impl.
///
/// `simd-json` parses in place, so it needs the body as `&mut [u8]`: the body is copied into
/// a fresh `Vec` first, and the copy (an allocation and a `memcpy`) is part of what is timed.
pub fn parse_simd_json(body: &[u8]) -> simd_json::Result<FloorJob> {
    let mut copy = body.to_vec();
    simd_json::serde::from_slice(&mut copy)
}
