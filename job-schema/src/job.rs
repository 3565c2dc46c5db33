//! The ServiceM8 job record: every field of the "Create a new Job" body and of the stored
//! record, in the order of the reference page, with its rules. `docs/FIELDS.md` lists them
//! field by field; it is generated from this file's attributes and doc comments.
//!
//! The record is `#[derive(Schema)]`'s first user: there is no hand-written validation here.
//! Fields keep the wire's shape (text as `String`, flags as integers 0/1, coordinates as
//! numbers); an unset value is `None` and is not serialized, so that what [`Job::to_json`]
//! writes is the canonical, strict-valid form.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::{
    AnyScalar, Code, Direction, FieldSpec, Options, Parsed, Path, Report, Scalar, Schema, Sink,
    Violation,
};

mod typed;

/// A ServiceM8 job, as sent to POST `/api_1.0/job.json` or returned by GET.
///
/// Field by field, its JSON types and rules are in `docs/FIELDS.md` in the repository (the
/// output of `job-schema fields --format markdown`), and in [`Job::FIELDS`](Schema::FIELDS).
///
/// ```
/// use job_schema::{Job, JobStatus, Schema, Validate};
///
/// let status = Job::FIELDS.iter().find(|field| field.name == "status").unwrap();
/// assert!(status.is_required());
///
/// let mut job = Job::new(JobStatus::WorkOrder);
/// job.job_address = Some("1 Example St, Brisbane QLD 4000".into());
/// job.lat = Some(-27.4698);
/// job.lng = Some(153.0251);
/// assert!(job.validate().is_ok());
///
/// job.lat = Some(-91.0);
/// let report = job.validate().unwrap_err();
/// assert_eq!(report.errors[0].field, "lat");
/// ```
///
/// It implements serde's `Deserialize` through its rules (`#[schema(deserialize)]`):
/// `serde_json::from_str::<Job>`, `Vec<Job>` and every other serde format read a job as
/// [`Job::from_json`] reads it, and fail with the report's text. [`Job::from_json`] is the
/// faster door, and keeps the warnings; [`Job::from_json_with`] takes [`Options`].
///
/// ```
/// use job_schema::Job;
///
/// let job: Job = serde_json::from_str(r#"{"status": "Quote", "quote_sent": true}"#).unwrap();
/// assert_eq!(job.quote_sent, Some(1));
///
/// let body = r#"{"status": "Done", "lat": "north"}"#;
/// let error = serde_json::from_str::<Job>(body).unwrap_err();
/// assert_eq!(error.to_string(), Job::from_json(body.as_bytes()).unwrap_err().to_string());
/// assert_eq!(error.to_string().lines().count(), 2);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Schema)]
#[schema(deserialize, homes = crate::homes::JOB_HOMES, check_value = "Job::check_value")]
#[cfg_attr(feature = "schemars", schema(schemars))]
#[cfg_attr(feature = "validator", schema(validator))]
pub struct Job {
    /// UUID of the staff member who created this job. Records which staff member initially added the job to the system.
    #[schema(uuid)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_by_staff_uuid: Option<String>,

    /// The date the job was created or scheduled. Used for organizing jobs chronologically and for reference in reports.
    ///
    /// `YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`; responses always carry the long form.
    #[schema(date)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,

    /// UUID reference to the client/company record associated with this job. Links the job to a client in the system, establishing the client-job relationship for billing and contact purposes.
    ///
    /// The client the job belongs to.
    #[schema(uuid)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company_uuid: Option<String>,

    /// The address where invoices and billing information should be sent. If not specified, defaults to the job address.
    #[schema(max_len = 500)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_address: Option<String>,

    /// Current status of the job. Controls where the Job appears in the Dispatch Board..  Valid values are `[Quote,Work Order,Unsuccessful,Completed]`
    ///
    /// The only required field.
    #[schema(
        required,
        enum_values("Quote", "Work Order", "Unsuccessful", "Completed"),
        max_len = 20
    )]
    // Unset (`""`, which only the update direction leaves) is left out of the JSON, as an
    // unset `Option` is: `"status": ""` would fail the record's own strict check.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub status: String,

    /// Longitude coordinate of the job location. Used for mapping and geolocation features. This is automatically populated based on the job address through geocoding.
    ///
    /// JSON number or numeric string.
    #[schema(number, range(min = -180, max = 180))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lng: Option<f64>,

    /// Latitude coordinate of the job location. Used for mapping and geolocation features. This is automatically populated based on the job address through geocoding.
    ///
    /// JSON number or numeric string.
    #[schema(number, range(min = -90, max = 90))]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,

    /// Not used. Refer to JobPayment endpoint.
    #[schema(datetime, deprecated = "Not used. Refer to the JobPayment endpoint.")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_date: Option<AnyScalar>,

    /// Not used. Refer to JobPayment endpoint.
    #[schema(uuid, deprecated = "Not used. Refer to the JobPayment endpoint.")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_actioned_by_uuid: Option<AnyScalar>,

    /// Not used. Refer to JobPayment endpoint.
    #[schema(deprecated = "Not used. Refer to the JobPayment endpoint.")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_method: Option<AnyScalar>,

    /// Not used. Refer to JobPayment endpoint.
    ///
    /// String in the spec, number in responses.
    #[schema(deprecated = "Not used. Refer to the JobPayment endpoint.")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_amount: Option<AnyScalar>,

    /// UUID reference to the job category this job belongs to. Categories help organize jobs by type of work or department.
    #[schema(uuid)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_uuid: Option<String>,

    /// Not used. Refer to JobPayment endpoint.
    #[schema(deprecated = "Not used. Refer to the JobPayment endpoint.")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_note: Option<AnyScalar>,

    /// Indicates whether the geocoding for the job address was successful. When true, the latitude and longitude coordinates are considered accurate for mapping and location-based features.
    #[schema(bool01)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo_is_valid: Option<u8>,

    /// Client purchase order reference number for this job. Used for cross-referencing with external accounting or order management systems.
    #[schema(max_len = 100)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase_order_number: Option<String>,

    /// Indicates whether an invoice has been sent for this job..  Valid values are `[0,1]`
    ///
    /// `true`/`false` in responses.
    #[schema(bool01)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice_sent: Option<u8>,

    /// Timestamp when the invoice was sent to the client. Format is YYYY-MM-DD HH:MM:SS.
    #[schema(datetime)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invoice_sent_stamp: Option<String>,

    /// DEPRECATED
    ///
    /// `"0"` in responses.
    #[schema(deprecated)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ready_to_invoice: Option<AnyScalar>,

    /// DEPRECATED
    #[schema(datetime, deprecated)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ready_to_invoice_stamp: Option<AnyScalar>,

    /// The country component extracted from the geocoded job address. Automatically populated when an address is geocoded.
    ///
    /// Filled in by geocoding.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo_country: Option<String>,

    /// The postal/zip code component extracted from the geocoded job address. Automatically populated when an address is geocoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo_postcode: Option<String>,

    /// The state/province component extracted from the geocoded job address. Automatically populated when an address is geocoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo_state: Option<String>,

    /// The city/locality component extracted from the geocoded job address. Automatically populated when an address is geocoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo_city: Option<String>,

    /// The street name component extracted from the geocoded job address. Automatically populated when an address is geocoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo_street: Option<String>,

    /// The street number component extracted from the geocoded job address. Automatically populated when an address is geocoded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geo_number: Option<String>,

    /// The UUID of the queue this job belongs to.
    #[schema(uuid)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_uuid: Option<String>,

    /// The date and time when the job expires from the queue.
    #[schema(datetime)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_expiry_date: Option<String>,

    /// The UUID of the staff member assigned to this job in the queue.
    #[schema(uuid)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queue_assigned_staff_uuid: Option<String>,

    /// JSON Array of Badge UUIDs
    ///
    /// String holding a JSON array of UUIDs.
    #[schema(uuid_list)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub badges: Option<String>,

    /// The date and time that the job status was changed to Quote.
    #[schema(datetime)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_date: Option<String>,

    /// Boolean flag indicating whether a quote has been sent to the client for this job..  Valid values are `[0,1]`
    ///
    /// `true`/`false` in responses.
    #[schema(bool01)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_sent: Option<u8>,

    /// Timestamp when the quote was sent to the client. Format is YYYY-MM-DD HH:MM:SS.
    #[schema(datetime)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote_sent_stamp: Option<String>,

    /// The date and time that the job status was changed to Work Order.
    #[schema(datetime)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub work_order_date: Option<String>,

    /// DEPRECATED
    #[schema(uuid, deprecated)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active_network_request_uuid: Option<AnyScalar>,

    /// DEPRECATED
    ///
    /// `false` in responses.
    #[schema(deprecated)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub related_knowledge_articles: Option<AnyScalar>,

    /// Unique identifier for this record
    ///
    /// Optional on create: the API generates one and returns it in the `x-record-uuid` header.
    #[schema(uuid)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uuid: Option<String>,

    /// Physical address where the job is to be performed. This address is used for geocoding to place the job on the map.
    ///
    /// Where the work is done; geocoded.
    #[schema(max_len = 500)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_address: Option<String>,

    /// (No description in the official schema.)
    ///
    /// No length limit (real descriptions exceed 8,000 characters).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_description: Option<String>,

    /// A description of the work done. Free text (ServiceM8's reference page calls it "Email Address", a copy-and-paste slip: it is not an email address).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub work_done_description: Option<String>,

    /// Indicates whether the job has been exported to the connected Accounting Package..  Valid values are `[0,1]`
    ///
    /// "exported to the accounting package".
    #[schema(bool01)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_processed: Option<u8>,

    /// Indicates whether full payment has been received for this job..  Valid values are `[0,1]`
    #[schema(bool01)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_received: Option<u8>,

    /// The date and time that the job status was changed to Completed.
    #[schema(datetime)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion_date: Option<String>,

    /// The date and time that the job status was changed to Unsuccessful.
    #[schema(datetime)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unsuccessful_date: Option<String>,

    /// 1 = active, 0 = deleted. In the stored record only, but clients send it on create; the API defaults it to 1.
    #[schema(bool01)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub active: Option<u8>,

    /// Timestamp at which record was last modified
    #[schema(datetime, read_only)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edit_date: Option<AnyScalar>,

    /// System-generated unique job identifier. This is read-only and automatically assigned when a job is created. (Read only)
    ///
    /// The job number shown to users.
    #[schema(read_only)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub generated_job_id: Option<AnyScalar>,

    /// The total amount to be invoiced for this job. (Read only)
    ///
    /// Decimal as a string, e.g. `"13328.8000"`.
    #[schema(read_only)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_invoice_amount: Option<AnyScalar>,

    /// The date and time the job has been exported to the connected Accounting Package. (Read only)
    #[schema(datetime, read_only)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_processed_stamp: Option<AnyScalar>,

    /// The date and time when full payment was received. (Read only)
    #[schema(datetime, read_only)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_received_stamp: Option<AnyScalar>,

    /// UUID of the staff member who marked this job as completed. References a staff record in the system. (Read only)
    #[schema(uuid, read_only)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion_actioned_by_uuid: Option<AnyScalar>,

    /// The end date/time of the last scheduled activity for this job. After this date, the job is considered Unscheduled. (Read only)
    #[schema(datetime, read_only)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_is_scheduled_until_stamp: Option<AnyScalar>,
    /// Custom fields of the account: keys `customfield_` + `[a-z0-9_]+`, string values.
    #[schema(custom_prefix = "customfield_")]
    #[serde(flatten)]
    pub custom_fields: BTreeMap<String, String>,
}

/// The message of [`Code::CreatedInactive`].
const CREATED_INACTIVE: &str = "is 0 in a create request: the job would be created already \
    deleted (0 = deleted, what the API's delete sets); leave `active` out or send 1";

impl Job {
    /// Values the rules accept but that are almost certainly a mistake, each a warning with
    /// its own code (an error in strict mode, as every warning). Both doors call it with each
    /// set value, after the field's rules (`#[schema(check_value)]`), so `validate()` and
    /// the reader agree; `docs/decisions.md` gives the evidence for each.
    ///
    /// - `active` 0 in the create direction: [`Code::CreatedInactive`]. Not in an update (a
    ///   deliberate delete, as the API's DELETE does), nor in a stored record.
    #[inline]
    fn check_value(field: &FieldSpec, value: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) {
        // Every value of every body comes here: the test that nearly every value fails is
        // inlined, the rest is not.
        if let Scalar::Int(0) = value {
            Job::check_zero(field, path, sink);
        }
    }

    /// [`Job::check_value`] for the integer 0.
    #[inline(never)]
    fn check_zero(field: &FieldSpec, path: &Path<'_>, sink: &mut Sink<'_>) {
        if field.name == "active" && sink.options().direction == Direction::Create {
            let violation = Violation::new(Code::CreatedInactive, CREATED_INACTIVE);
            sink.warn(path, violation, Some("0"));
        }
    }

    /// A job with `status` set and every other field unset.
    pub fn new(status: JobStatus) -> Job {
        Job {
            status: status.as_str().to_owned(),
            ..Job::default()
        }
    }

    /// Reads a create request body (lax): the job and its warnings, or a report with every
    /// error and every warning.
    ///
    /// ```
    /// let read = job_schema::Job::from_json(br#"{"status": "Quote", "Status": "x"}"#).unwrap();
    /// assert_eq!(read.record.status, "Quote");
    /// assert_eq!(read.warnings[0].params.suggestion(), Some("status"));
    /// ```
    pub fn from_json(bytes: &[u8]) -> Result<Parsed<Job>, Report> {
        <Job as Schema>::from_json(bytes)
    }

    /// Reads a job with `options` (strict or lax; create, record or update direction).
    pub fn from_json_with(bytes: &[u8], options: Options) -> Result<Parsed<Job>, Report> {
        <Job as Schema>::from_json_with(bytes, options)
    }

    /// Checks a body without building the job; the same issues as [`Job::from_json_with`].
    pub fn check_json(bytes: &[u8], options: Options) -> Report {
        <Job as Schema>::check_json(bytes, options)
    }

    /// Reads a GET `/api_1.0/job.json` response, a JSON array of stored records (lax, record
    /// direction): every job and the warnings, or one report whose issues name each element
    /// by its index (`[3].status`).
    pub fn from_json_array(bytes: &[u8]) -> Result<Parsed<Vec<Job>>, Report> {
        <Job as Schema>::from_json_array(bytes)
    }

    /// Reads a JSON array of jobs with `options`.
    pub fn from_json_array_with(
        bytes: &[u8],
        options: Options,
    ) -> Result<Parsed<Vec<Job>>, Report> {
        <Job as Schema>::from_json_array_with(bytes, options)
    }

    /// Checks a JSON array of jobs without building them; the same issues as
    /// [`Job::from_json_array_with`].
    pub fn check_json_array(bytes: &[u8], options: Options) -> Report {
        <Job as Schema>::check_json_array(bytes, options)
    }

    /// The JSON Schema (draft 2020-12) of a job read with `options`, as
    /// [`Schema::json_schema`] builds it from the field table. `docs/schemas/` in the
    /// repository holds the lax and the strict create schema, the output of
    /// `job-schema schema` and `job-schema schema --strict`.
    ///
    /// ```
    /// use job_schema::{Job, Options};
    ///
    /// let schema = Job::json_schema(Options::default().strict());
    /// assert_eq!(schema["required"], serde_json::json!(["status"]));
    /// assert_eq!(schema["properties"]["lat"]["maximum"], 90);
    /// assert_eq!(schema["properties"]["edit_date"]["readOnly"], true);
    /// ```
    pub fn json_schema(options: Options) -> serde_json::Value {
        <Job as Schema>::json_schema(options)
    }

    /// The canonical JSON form: flags as integers, unset fields left out, custom fields
    /// flattened. Serializing the same job twice gives the same bytes.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// The four statuses of a job, for clients that build jobs in code.
///
/// ```
/// use job_schema::JobStatus;
/// assert_eq!(JobStatus::WorkOrder.as_str(), "Work Order");
/// assert_eq!("Completed".parse::<JobStatus>(), Ok(JobStatus::Completed));
/// assert!("completed".parse::<JobStatus>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobStatus {
    /// `Quote`
    Quote,
    /// `Work Order`
    WorkOrder,
    /// `Unsuccessful`
    Unsuccessful,
    /// `Completed`
    Completed,
}

impl JobStatus {
    /// Every status, in the order of the API's list.
    pub const ALL: [JobStatus; 4] = [
        JobStatus::Quote,
        JobStatus::WorkOrder,
        JobStatus::Unsuccessful,
        JobStatus::Completed,
    ];

    /// The wire string.
    pub const fn as_str(self) -> &'static str {
        match self {
            JobStatus::Quote => "Quote",
            JobStatus::WorkOrder => "Work Order",
            JobStatus::Unsuccessful => "Unsuccessful",
            JobStatus::Completed => "Completed",
        }
    }
}

impl fmt::Display for JobStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that is not one of the four wire statuses (they are case-sensitive).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownStatus(pub String);

impl fmt::Display for UnknownStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a job status (Quote, Work Order, Unsuccessful, Completed)",
            self.0
        )
    }
}

impl std::error::Error for UnknownStatus {}

impl FromStr for JobStatus {
    type Err = UnknownStatus;

    fn from_str(s: &str) -> Result<JobStatus, UnknownStatus> {
        JobStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == s)
            .ok_or_else(|| UnknownStatus(s.to_owned()))
    }
}

impl From<JobStatus> for String {
    fn from(status: JobStatus) -> String {
        status.as_str().to_owned()
    }
}
