//! What the server keeps: the stored record for a create body, an update or a delete, with
//! the fields the API fills in itself, and the clock those fields read.
//!
//! A record is edited as a JSON object (its canonical form, [`Job::to_json`]'s) and read
//! back with the record direction, so that every stored record is one the reader accepts.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use job_schema::{AnyScalar, FieldClass, FieldSpec, Job, Options, Report, Schema};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// A record as a JSON object: its set fields, custom fields flattened.
type Fields = Map<String, Value>;

/// The stored record for a valid create body: the uuid and job number given, `active` 1
/// unless the body says otherwise, `edit_date` now, the date of the job's status now unless
/// the body gives it, and `total_invoice_amount` `"0.0000"`. Read-only fields of the body
/// are ignored, as the API ignores them.
pub fn created(body: &Job, uuid: &str, job_id: u64, now: &str) -> Result<Job, Report> {
    let mut fields = fields_of(body);
    fields.retain(|name, _| !is_read_only(name));
    fields.insert("uuid".into(), uuid.into());
    fields.entry("active").or_insert_with(|| 1.into());
    fields.insert("edit_date".into(), now.into());
    fields.insert("generated_job_id".into(), job_id.to_string().into());
    fields.insert("total_invoice_amount".into(), "0.0000".into());
    if let Some(date) = status_date(&body.status) {
        fields.entry(date).or_insert_with(|| now.into());
    }
    job_from(fields)
}

/// A top-level key of an update body ([`sent_keys`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentKey {
    /// The key, decoded.
    pub name: String,
    /// Whether its value is a JSON number (a `-` or a digit first), told from the value's
    /// first byte without evaluating the number.
    pub number: bool,
}

/// The top-level keys of an update body that the reader accepted, in the order sent, each
/// with whether its value is a number.
///
/// Only the keys are decoded: every value is skipped as a borrowed `serde_json::value::RawValue`
/// (feature `raw_value`), which serde_json passes over as it passes over `IgnoredAny`,
/// without evaluating numbers and with a stack of one byte a level instead of recursion, and
/// whose first byte says whether it is a number. So a value the reader accepts and
/// `serde_json::Value` refuses (a number beyond a double such as `1e400`, nesting beyond
/// serde_json's 128 levels) cannot make the list come out wrong. Time is linear in the body
/// and memory at most a byte a level of nesting and the keys themselves, within the body
/// limit (the raw values are borrowed from the body, not copied). An error means the reader
/// and serde_json disagree about the body (not expected); the caller must then change
/// nothing and say so, never act as if no key was sent.
pub fn sent_keys(body: &[u8]) -> Result<Vec<SentKey>, serde_json::Error> {
    serde_json::from_slice::<SentKeys>(body).map(|keys| keys.0)
}

/// The keys of a JSON object in the order sent, its values skipped.
struct SentKeys(Vec<SentKey>);

impl<'de> Deserialize<'de> for SentKeys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SentKeys, D::Error> {
        deserializer.deserialize_map(SentKeys(Vec::new()))
    }
}

impl<'de> Visitor<'de> for SentKeys {
    type Value = SentKeys;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<SentKeys, A::Error> {
        while let Some(name) = map.next_key::<String>()? {
            // serde_json starts the raw value after the whitespace before it.
            let raw = map.next_value::<&'de RawValue>()?;
            let number = matches!(raw.get().as_bytes().first(), Some(b'-' | b'0'..=b'9'));
            self.0.push(SentKey { name, number });
        }
        Ok(self)
    }
}

/// The stored record after an update: each field of `stored` whose key is in `sent` (the
/// body's keys, [`sent_keys`]) takes the value `update` (the same body, read) has for it, or
/// is unset when the body unsets it (`null`; in lax mode also what the reader takes for
/// unset, such as `""` in a field with a format rule or a zero date). Left alone: keys the
/// body does not hold, unknown keys, read-only fields and `uuid` (the path names the
/// record), `status` when the body unsets it (a job always has a status), and a field sent
/// a number that the update leaves unset: the only such number is one beyond a double
/// (`1e400`) in a field of any scalar, which stands for the key's absence. A change of
/// status stamps that status's date unless the body gives it; `edit_date` is now.
pub fn updated(stored: &Job, sent: &[SentKey], update: &Job, now: &str) -> Result<Job, Report> {
    let changes = fields_of(update);
    let mut fields = fields_of(stored);
    for SentKey { name, number } in sent {
        let spec = spec(name);
        let custom = spec.is_none() && name.starts_with("customfield_");
        if name == "uuid" || is_read_only(name) || (spec.is_none() && !custom) {
            continue;
        }
        let required = spec.is_some_and(FieldSpec::is_required);
        match changes.get(name) {
            Some(value) => {
                fields.insert(name.clone(), value.clone());
            }
            None if required || *number => {}
            None => {
                fields.remove(name);
            }
        }
    }
    let status = fields.get("status").and_then(Value::as_str).unwrap_or("");
    if status != stored.status {
        if let Some(date) = status_date(status) {
            if !sent.iter().any(|key| key.name == date) {
                fields.insert(date.into(), now.into());
            }
        }
    }
    fields.insert("edit_date".into(), now.into());
    job_from(fields)
}

/// The stored record after a delete: `active` 0, `edit_date` now.
pub fn deleted(stored: &Job, now: &str) -> Job {
    let mut job = stored.clone();
    job.active = Some(0);
    job.edit_date = Some(now.into());
    job
}

/// A record preloaded from a file: what it holds, with the uuid given, and `active` 1,
/// `edit_date` now and the job number given when it has none.
pub fn preloaded(mut record: Job, uuid: &str, job_id: u64, now: &str) -> Job {
    record.uuid = Some(uuid.to_owned());
    record.active.get_or_insert(1);
    record.edit_date.get_or_insert_with(|| now.into());
    record
        .generated_job_id
        .get_or_insert_with(|| job_id.to_string().as_str().into());
    record
}

/// The date field that records when a job took `status`.
pub fn status_date(status: &str) -> Option<&'static str> {
    match status {
        "Quote" => Some("quote_date"),
        "Work Order" => Some("work_order_date"),
        "Completed" => Some("completion_date"),
        "Unsuccessful" => Some("unsuccessful_date"),
        _ => None,
    }
}

/// The job number of a record, when it is a number (as text, the form a GET returns, or a
/// JSON number, which lax mode reads in a preloaded record).
pub fn job_number(job: &Job) -> Option<u64> {
    match job.generated_job_id.as_ref()? {
        AnyScalar::String(text) => text.parse().ok(),
        AnyScalar::Number(number) => number.as_u64(),
        AnyScalar::Bool(_) => None,
    }
}

fn fields_of(job: &Job) -> Fields {
    match serde_json::to_value(job) {
        Ok(Value::Object(fields)) => fields,
        _ => Map::new(),
    }
}

/// Reads `fields` back as a stored record (lax, record direction).
fn job_from(fields: Fields) -> Result<Job, Report> {
    let json = Value::Object(fields).to_string();
    Job::from_json_with(json.as_bytes(), Options::default().record()).map(|parsed| parsed.record)
}

fn spec(name: &str) -> Option<&'static FieldSpec> {
    Job::FIELDS.iter().find(|field| field.name == name)
}

fn is_read_only(name: &str) -> bool {
    spec(name).is_some_and(|field| field.class == FieldClass::ReadOnly)
}

/// Now, in UTC, as `YYYY-MM-DD HH:MM:SS` (the API writes its account's local time; a
/// stand-in has no account).
pub fn now() -> String {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs());
    datetime(seconds)
}

/// `seconds` after 1970-01-01 00:00:00 UTC as `YYYY-MM-DD HH:MM:SS`.
///
/// The date is counted in 400-year eras of 146,097 days, in years that start on 1 March so
/// that the leap day ends them (the civil-from-days method); a test checks it against a
/// day-by-day count. A dependency for these dozen lines was not worth its build.
pub fn datetime(seconds: u64) -> String {
    let days = seconds / 86_400;
    let time = seconds % 86_400;
    let shifted = days + 719_468; // days from 0000-03-01 to 1970-01-01
    let era = shifted / 146_097;
    let day_of_era = shifted % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = era * 400 + year_of_era + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02}",
        time / 3_600,
        time / 60 % 60,
        time % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use job_schema::{JobStatus, Validate};

    #[test]
    fn datetime_agrees_with_a_day_by_day_count() {
        let (mut year, mut month, mut day) = (1970_u64, 1_u64, 1_u64);
        for days in 0..(500 * 366) {
            let expected = format!("{year:04}-{month:02}-{day:02} 00:00:00");
            assert_eq!(datetime(days * 86_400), expected, "day {days}");
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let length = match month {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            day += 1;
            if day > length {
                day = 1;
                month += 1;
                if month > 12 {
                    month = 1;
                    year += 1;
                }
            }
        }
        assert_eq!(datetime(1_709_251_199), "2024-02-29 23:59:59");
        assert_eq!(datetime(1_709_251_200), "2024-03-01 00:00:00");
    }

    #[test]
    fn now_is_a_valid_datetime() {
        let mut job = Job::new(JobStatus::Quote);
        job.edit_date = Some(now().as_str().into());
        assert!(job.validate_with(Options::default().record()).is_ok());
    }

    fn stored() -> Job {
        let mut body = Job::new(JobStatus::Quote);
        body.job_address = Some("1 Main St".into());
        body.purchase_order_number = Some("PO-1".into());
        body.billing_address = Some("PO Box 1".into());
        body.generated_job_id = Some("999".into()); // read-only: ignored
        body.custom_fields
            .insert("customfield_colour".into(), "red".into());
        created(
            &body,
            "dd9c9912-cfcb-4788-b3c9-23422856efeb",
            7,
            "2026-03-01 12:00:00",
        )
        .expect("a stored record")
    }

    #[test]
    fn a_created_record_has_what_the_api_fills_in() {
        let job = stored();
        assert_eq!(
            job.uuid.as_deref(),
            Some("dd9c9912-cfcb-4788-b3c9-23422856efeb")
        );
        assert_eq!(job.active, Some(1));
        assert_eq!(job.generated_job_id, Some("7".into()));
        assert_eq!(job.edit_date, Some("2026-03-01 12:00:00".into()));
        assert_eq!(job.quote_date.as_deref(), Some("2026-03-01 12:00:00"));
        assert_eq!(job.total_invoice_amount, Some("0.0000".into()));
        assert_eq!(job.custom_fields["customfield_colour"], "red");
        assert!(job
            .validate_with(Options::default().strict().record())
            .is_ok());
    }

    #[test]
    fn an_update_changes_only_the_keys_sent() {
        let body = br#"{"status": "Work Order", "job_address": null, "purchase_order_number": "",
                        "quote_sent": "1", "customfield_colour": "blue",
                        "uuid": "5a1d4e2c-8b7f-4c3a-9e6d-0f1b2c3d4e5f", "edit_date": "2000-01-01 00:00:00",
                        "nonsense": 1}"#;
        let update = Job::from_json_with(body, Options::default().update())
            .expect("a valid update")
            .record;
        let sent = sent_keys(body).expect("the keys");
        let job = updated(&stored(), &sent, &update, "2026-03-02 08:00:00").expect("updated");
        assert_eq!(job.status, "Work Order");
        assert_eq!(job.work_order_date.as_deref(), Some("2026-03-02 08:00:00"));
        assert_eq!(job.quote_date.as_deref(), Some("2026-03-01 12:00:00"));
        assert_eq!(job.job_address, None, "unset by null");
        assert_eq!(job.purchase_order_number.as_deref(), Some(""));
        assert_eq!(job.quote_sent, Some(1));
        assert_eq!(job.billing_address.as_deref(), Some("PO Box 1"), "not sent");
        assert_eq!(job.custom_fields["customfield_colour"], "blue");
        assert_eq!(
            job.uuid.as_deref(),
            Some("dd9c9912-cfcb-4788-b3c9-23422856efeb")
        );
        assert_eq!(job.edit_date, Some("2026-03-02 08:00:00".into()));
        assert_eq!(job.generated_job_id, Some("7".into()));
    }

    #[test]
    fn an_update_cannot_unset_the_status() {
        let body = br#"{"status": "", "lat": -27.5}"#;
        let update = Job::from_json_with(body, Options::default().update())
            .expect("a valid update")
            .record;
        let sent = sent_keys(body).expect("the keys");
        let job = updated(&stored(), &sent, &update, "2026-03-02 08:00:00").expect("updated");
        assert_eq!(job.status, "Quote");
        assert_eq!(job.lat, Some(-27.5));
    }

    #[test]
    fn the_keys_sent_are_listed_whatever_the_values_hold() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        // (the unknown key's value, whether serde_json::Value refuses the body, whether the
        // reader accepts it); 127 arrays in the object are 128 levels, the reader's limit.
        let cases = [
            ("1e400".to_owned(), true, true),
            ("-1e-99999".to_owned(), false, true),
            (nested(127), true, true),
            (nested(128), true, false),
            (nested(10_000), true, false),
            (
                format!(
                    r#"{{"a": {}, "b": [1e400, "\u00e9", {{"c": null}}]}}"#,
                    nested(5_000)
                ),
                true,
                false,
            ),
        ];
        for (value, value_refuses, reader_accepts) in cases {
            let body =
                format!(r#"{{"job_address": "New St", "note": {value}, "status": "Quote"}}"#);
            let short = &value[..value.len().min(20)];
            assert_eq!(
                serde_json::from_str::<Value>(&body).is_err(),
                value_refuses,
                "{short}"
            );
            let sent = sent_keys(body.as_bytes()).expect("the keys");
            assert_eq!(names(&sent), ["job_address", "note", "status"], "{short}");
            let update = Job::from_json_with(body.as_bytes(), Options::default().update());
            assert_eq!(update.is_ok(), reader_accepts, "{short}");
            if let Ok(update) = update {
                let job = updated(&stored(), &sent, &update.record, "2026-03-02 08:00:00")
                    .expect("updated");
                assert_eq!(job.job_address.as_deref(), Some("New St"), "{short}");
            }
        }
        // Keys are listed decoded, in the order sent.
        let sent = sent_keys(br#"{"lng": 1, "l\u0061t": 2, "": 3}"#).expect("the keys");
        assert_eq!(names(&sent), ["lng", "lat", ""]);
        // Bodies that are not an object are an error, never an empty list.
        for body in [&b"[]"[..], b"null", b"", b"{\"a\": 1", b"{\"a\": 1} x"] {
            assert!(
                sent_keys(body).is_err(),
                "{}",
                String::from_utf8_lossy(body)
            );
        }
        assert_eq!(sent_keys(b"{}").expect("no keys"), []);
    }

    /// The names of keys sent.
    fn names(sent: &[SentKey]) -> Vec<&str> {
        sent.iter().map(|key| &*key.name).collect()
    }

    #[test]
    fn a_key_sent_says_whether_its_value_is_a_number() {
        let body = br#"{"a": 1e400, "b":-1E+999, "c":
            0, "d": "1", "e": null, "f": [1], "g": true, "h": {"x": 1}, "i": -0.5}"#;
        let sent = sent_keys(body).expect("the keys");
        let numbers: Vec<(&str, bool)> = sent.iter().map(|key| (&*key.name, key.number)).collect();
        assert_eq!(
            numbers,
            [
                ("a", true),
                ("b", true),
                ("c", true),
                ("d", false),
                ("e", false),
                ("f", false),
                ("g", false),
                ("h", false),
                ("i", true),
            ]
        );
    }

    #[test]
    fn a_delete_keeps_the_record_inactive() {
        let job = deleted(&stored(), "2026-03-03 09:00:00");
        assert_eq!(job.active, Some(0));
        assert_eq!(job.status, "Quote");
        assert_eq!(job.edit_date, Some("2026-03-03 09:00:00".into()));
    }
}
