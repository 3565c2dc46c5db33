//! An [axum](https://docs.rs/axum/0.8) extractor that reads a request body of any [`Schema`]
//! type with the collecting reader, and rejects it with the whole [`Report`] (feature `axum`).
//!
//! [`Checked<T, O>`](Checked) reads the body with [`Schema::from_json_with`]: the handler
//! gets the record, its warnings and the body as received; a body that breaks a rule never
//! reaches the handler, and the client gets every error and every warning at once.
//!
//! ```
//! use axum::http::StatusCode;
//! use axum::routing::post;
//! use axum::Router;
//! use job_schema::axum::Checked;
//! use job_schema::Job;
//!
//! // Lax mode, create direction: a ServiceM8 create body. Warnings (an unknown key, a
//! // read-only field) reach the handler; errors are answered with the report.
//! async fn create_job(Checked { record, warnings, .. }: Checked<Job>) -> (StatusCode, String) {
//!     for warning in &warnings {
//!         eprintln!("warning: {warning}");
//!     }
//!     (StatusCode::CREATED, record.to_json())
//! }
//!
//! let app: Router = Router::new().route("/jobs", post(create_job));
//! ```
//!
//! # Answers
//!
//! | the request | status | body (`Content-Type: application/json`) |
//! |---|---|---|
//! | `Content-Type` missing, or not `application/json` (parameters such as `; charset=utf-8` are fine) | 415 | `{"message": …}` |
//! | a body over the body limit | 413 | `{"message": …}` |
//! | a body that is not JSON | 400 | the report: one `json_syntax` error with its line and column |
//! | JSON that breaks a rule of `T` (a type error, a missing required field, a rule error…) | 422 | the report: every error and every warning |
//! | a valid record (warnings allowed, unless strict mode made them errors) | the handler's | |
//!
//! A report body is exactly [`Report`]'s JSON: `{"errors": [Issue…], "warnings": [Issue…]}`,
//! with `"omitted": N` when issues were dropped beyond the first
//! [`ISSUE_LIMIT`](crate::report::ISSUE_LIMIT). The split between 400 and 422 is axum's own
//! for its `Json` extractor: 400 when the bytes are not JSON at all, 422 when they are JSON
//! that the record's rules reject, so that a client can tell a broken serializer from a bad
//! value. A server that must answer as some API does (ServiceM8 answers 400 to both) takes
//! `Result<Checked<T, O>, CheckedRejection>` and builds its own response from the rejection:
//! [`CheckedRejection::status`], [`CheckedRejection::report`].
//!
//! The content type is checked before the body is read. Only `application/json` is taken
//! (matched without regard to case, whatever its parameters); axum's `Json` also takes
//! `application/*+json`, which a ServiceM8 body never is.
//!
//! # The body limit
//!
//! The body is read through axum's [`Bytes`] extractor, so axum's
//! [`DefaultBodyLimit`](::axum::extract::DefaultBodyLimit) applies: 2 MiB (2,097,152 bytes)
//! unless a layer sets another, and a longer body is answered 413 before it is parsed. A
//! ServiceM8 job body is a few kilobytes; a long `job_description` is tens.
//!
//! # Choosing the options
//!
//! The second parameter of [`Checked`] chooses the [`Options`] of the read. It is a type, so
//! a handler's signature says how its body is read:
//!
//! | `O` | reads |
//! |---|---|
//! | [`Lax`] (the default), [`Lax<Create>`](Lax) | lax, create: a POST body as real clients send it |
//! | [`Strict`], [`Strict<Create>`](Strict) | strict, create: only the canonical form; warnings are errors |
//! | [`Lax<Update>`](Lax), [`Strict<Update>`](Strict) | a partial update body: no field is required |
//! | [`Lax<Record>`](Lax), [`Strict<Record>`](Strict) | a stored record: read-only fields draw nothing |
//! | [`FromState`] | the [`Options`] held in the router's state (through [`FromRef`]), chosen at run time |
//!
//! A type of one's own implements [`ReadOptions`] to compute the options from the state in
//! any other way (`job-schema serve` reads its update bodies so, in the mode given on its
//! command line).
//!
//! ```
//! use axum::extract::DefaultBodyLimit;
//! use axum::routing::post;
//! use axum::Router;
//! use job_schema::axum::{Checked, FromState, Lax, Strict, Update};
//! use job_schema::{Job, Options};
//!
//! async fn create(job: Checked<Job, Strict>) -> String {
//!     job.record.to_json()
//! }
//!
//! // Only the fields sent are checked; an empty body is a valid update.
//! async fn update(job: Checked<Job, Lax<Update>>) -> String {
//!     job.record.to_json()
//! }
//!
//! // The options come from the state: here strict, record direction.
//! async fn import(job: Checked<Job, FromState>) -> String {
//!     job.record.to_json()
//! }
//!
//! let app: Router = Router::new()
//!     .route("/jobs", post(create))
//!     .route("/jobs/update", post(update))
//!     .route("/import", post(import))
//!     .layer(DefaultBodyLimit::max(64 * 1024))
//!     .with_state(Options::default().strict().record());
//! ```
//!
//! A request, run through the router without a socket (with `tower::ServiceExt::oneshot`):
//!
//! ```
//! use axum::body::Body;
//! use axum::http::{header, Request, StatusCode};
//! use axum::routing::post;
//! use axum::Router;
//! use job_schema::axum::Checked;
//! use job_schema::Job;
//! use tower::ServiceExt;
//!
//! async fn create(job: Checked<Job>) -> String {
//!     job.record.status
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let app: Router = Router::new().route("/jobs", post(create));
//! let request = Request::post("/jobs")
//!     .header(header::CONTENT_TYPE, "application/json")
//!     .body(Body::from(r#"{"status": "Work order", "lat": 91}"#))
//!     .unwrap();
//! let response = app.oneshot(request).await.unwrap();
//! assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
//!
//! let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
//! let report: serde_json::Value = serde_json::from_slice(&body).unwrap();
//! assert_eq!(report["errors"][0]["code"], "enum_values");
//! assert_eq!(report["errors"][0]["params"]["suggestion"], "Work Order");
//! assert_eq!(report["errors"][1]["field"], "lat");
//! # });
//! ```

use std::fmt;
use std::marker::PhantomData;

use ::axum::body::Bytes;
use ::axum::extract::rejection::BytesRejection;
use ::axum::extract::{FromRef, FromRequest, Request};
use ::axum::http::header::CONTENT_TYPE;
use ::axum::http::{HeaderMap, HeaderValue, StatusCode};
use ::axum::response::{IntoResponse, Response};

use crate::report::echo;
use crate::{Code, Direction, Issue, Mode, Options, Parsed, Report, Schema};

/// A request body read as a `T` and checked with the options `O` chooses (see
/// [the module's docs](self)): the record, its warnings and the body's bytes.
///
/// As an extractor it takes the request's body, so it comes last among a handler's
/// arguments. It rejects a request with a [`CheckedRejection`].
pub struct Checked<T, O = Lax> {
    /// The record.
    pub record: T,
    /// The warnings found while reading (unknown keys, deprecated and read-only fields, as
    /// `O`'s direction has them); never errors.
    pub warnings: Vec<Issue>,
    /// The body as it was received, for a proxy that forwards it or a handler that needs to
    /// know which keys were sent (an update that leaves out a key keeps the stored value).
    pub body: Bytes,
    options: PhantomData<fn() -> O>,
}

impl<T, O> Checked<T, O> {
    /// The record and its warnings.
    pub fn into_parsed(self) -> Parsed<T> {
        Parsed {
            record: self.record,
            warnings: self.warnings,
        }
    }
}

impl<T: fmt::Debug, O> fmt::Debug for Checked<T, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Checked")
            .field("record", &self.record)
            .field("warnings", &self.warnings)
            .field("body", &self.body)
            .finish()
    }
}

impl<T: Clone, O> Clone for Checked<T, O> {
    fn clone(&self) -> Self {
        Checked {
            record: self.record.clone(),
            warnings: self.warnings.clone(),
            body: self.body.clone(),
            options: PhantomData,
        }
    }
}

impl<T, O> From<Checked<T, O>> for Parsed<T> {
    fn from(checked: Checked<T, O>) -> Parsed<T> {
        checked.into_parsed()
    }
}

impl<S, T, O> FromRequest<S> for Checked<T, O>
where
    S: Send + Sync,
    T: Schema,
    O: ReadOptions<S>,
{
    type Rejection = CheckedRejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, CheckedRejection> {
        if let Err(found) = json_content_type(request.headers()) {
            return Err(CheckedRejection::UnsupportedMediaType(found));
        }
        let options = O::options(state);
        let body = Bytes::from_request(request, state)
            .await
            .map_err(CheckedRejection::Body)?;
        match T::from_json_with(&body, options) {
            Ok(Parsed { record, warnings }) => Ok(Checked {
                record,
                warnings,
                body,
                options: PhantomData,
            }),
            Err(report) => Err(CheckedRejection::from_report(report)),
        }
    }
}

/// `Ok` when the request says its body is `application/json` (with or without parameters);
/// else the `Content-Type` it gave, if any.
fn json_content_type(headers: &HeaderMap) -> Result<(), Option<String>> {
    let Some(value) = headers.get(CONTENT_TYPE) else {
        return Err(None);
    };
    let text = String::from_utf8_lossy(value.as_bytes());
    let essence = text.split(';').next().unwrap_or_default().trim();
    if essence.eq_ignore_ascii_case("application/json") {
        Ok(())
    } else {
        Err(Some(text.into_owned()))
    }
}

/// Why [`Checked`] turned a request down. As a response: the status of
/// [`CheckedRejection::status`] and a JSON body, the report itself for
/// [`Malformed`](CheckedRejection::Malformed) and [`Invalid`](CheckedRejection::Invalid).
#[derive(Debug)]
#[non_exhaustive]
pub enum CheckedRejection {
    /// `Content-Type` is missing (`None`) or is not `application/json` (the value sent):
    /// 415 Unsupported Media Type.
    UnsupportedMediaType(Option<String>),
    /// The body could not be read (axum's rejection): 413 Payload Too Large over the body
    /// limit, 400 when the connection failed.
    Body(BytesRejection),
    /// The body is not JSON: 400 Bad Request. The report holds one `json_syntax` error.
    Malformed(Report),
    /// The body is JSON that the record's rules reject: 422 Unprocessable Entity. The report
    /// holds every error and every warning.
    Invalid(Report),
}

impl CheckedRejection {
    /// The rejection for a report with errors: [`Malformed`](CheckedRejection::Malformed)
    /// when its error is malformed JSON, else [`Invalid`](CheckedRejection::Invalid).
    pub fn from_report(report: Report) -> CheckedRejection {
        if report
            .errors
            .iter()
            .any(|issue| issue.code == Code::JsonSyntax)
        {
            CheckedRejection::Malformed(report)
        } else {
            CheckedRejection::Invalid(report)
        }
    }

    /// The HTTP status of the response: 415, 413 (or 400), 400 or 422.
    pub fn status(&self) -> StatusCode {
        match self {
            CheckedRejection::UnsupportedMediaType(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            CheckedRejection::Body(rejection) => rejection.status(),
            CheckedRejection::Malformed(_) => StatusCode::BAD_REQUEST,
            CheckedRejection::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }

    /// The report, when the body was read.
    pub fn report(&self) -> Option<&Report> {
        match self {
            CheckedRejection::Malformed(report) | CheckedRejection::Invalid(report) => Some(report),
            CheckedRejection::UnsupportedMediaType(_) | CheckedRejection::Body(_) => None,
        }
    }

    /// The report, when the body was read.
    pub fn into_report(self) -> Option<Report> {
        match self {
            CheckedRejection::Malformed(report) | CheckedRejection::Invalid(report) => Some(report),
            CheckedRejection::UnsupportedMediaType(_) | CheckedRejection::Body(_) => None,
        }
    }

    /// The JSON body of the response: the report's JSON, or `{"message": …}` with
    /// [`Display`](fmt::Display)'s text when there is no report.
    pub fn body(&self) -> String {
        match self.report() {
            Some(report) => report.to_json(),
            None => serde_json::json!({ "message": self.to_string() }).to_string(),
        }
    }
}

impl fmt::Display for CheckedRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckedRejection::UnsupportedMediaType(None) => f.write_str(
                "the request has no Content-Type; the body must be sent as application/json",
            ),
            CheckedRejection::UnsupportedMediaType(Some(found)) => write!(
                f,
                "the body must be sent as application/json, not \"{}\"",
                echo(found)
            ),
            CheckedRejection::Body(rejection) => f.write_str(&rejection.body_text()),
            CheckedRejection::Malformed(report) | CheckedRejection::Invalid(report) => {
                fmt::Display::fmt(report, f)
            }
        }
    }
}

impl std::error::Error for CheckedRejection {}

impl IntoResponse for CheckedRejection {
    fn into_response(self) -> Response {
        let content_type = [(CONTENT_TYPE, HeaderValue::from_static("application/json"))];
        (self.status(), content_type, self.body()).into_response()
    }
}

/// Chooses the [`Options`] a [`Checked`] body is read with, from the router's state `S`.
///
/// [`Lax`], [`Strict`] and [`FromState`] implement it; implement it on a type of your own
/// to derive the options from the state in another way:
///
/// ```
/// use axum::routing::post;
/// use axum::Router;
/// use job_schema::axum::{Checked, ReadOptions};
/// use job_schema::{Job, Options};
///
/// #[derive(Clone)]
/// struct AppState {
///     strict: bool,
/// }
///
/// /// An update body, in the mode the server was started with.
/// enum UpdateBody {}
///
/// impl ReadOptions<AppState> for UpdateBody {
///     fn options(state: &AppState) -> Options {
///         let options = Options::default().update();
///         if state.strict { options.strict() } else { options }
///     }
/// }
///
/// async fn update(job: Checked<Job, UpdateBody>) -> String {
///     job.record.to_json()
/// }
///
/// let app: Router = Router::new()
///     .route("/jobs/update", post(update))
///     .with_state(AppState { strict: true });
/// ```
pub trait ReadOptions<S> {
    /// The options for a request to a router whose state is `state`.
    fn options(state: &S) -> Options;
}

/// Lax mode in direction `D` ([`Create`], [`Record`] or [`Update`]; [`Create`] when left
/// out): every representation real traffic uses.
pub struct Lax<D = Create>(PhantomData<fn() -> D>);

/// Strict mode in direction `D` ([`Create`], [`Record`] or [`Update`]; [`Create`] when left
/// out): only the canonical form, and every warning is an error.
pub struct Strict<D = Create>(PhantomData<fn() -> D>);

/// The options held in the router's state: `Options` itself, or any state from which
/// `Options` implements [`FromRef`].
///
/// ```
/// use axum::extract::FromRef;
/// use job_schema::Options;
///
/// #[derive(Clone)]
/// struct AppState {
///     options: Options,
///     // …
/// }
///
/// impl FromRef<AppState> for Options {
///     fn from_ref(state: &AppState) -> Options {
///         state.options
///     }
/// }
/// ```
pub enum FromState {}

/// The create direction: a request body for POST; read-only fields draw a `read_only`
/// warning.
pub enum Create {}

/// The record direction: a stored record; read-only fields draw nothing.
pub enum Record {}

/// The update direction: a partial body; no field is required.
pub enum Update {}

/// A direction as a type, for [`Lax`] and [`Strict`]: [`Create`], [`Record`] or [`Update`].
pub trait ReadDirection {
    /// The direction.
    const DIRECTION: Direction;
}

impl ReadDirection for Create {
    const DIRECTION: Direction = Direction::Create;
}

impl ReadDirection for Record {
    const DIRECTION: Direction = Direction::Record;
}

impl ReadDirection for Update {
    const DIRECTION: Direction = Direction::Update;
}

impl<S, D: ReadDirection> ReadOptions<S> for Lax<D> {
    fn options(_: &S) -> Options {
        Options {
            mode: Mode::Lax,
            direction: D::DIRECTION,
        }
    }
}

impl<S, D: ReadDirection> ReadOptions<S> for Strict<D> {
    fn options(_: &S) -> Options {
        Options {
            mode: Mode::Strict,
            direction: D::DIRECTION,
        }
    }
}

impl<S> ReadOptions<S> for FromState
where
    Options: FromRef<S>,
{
    fn options(state: &S) -> Options {
        Options::from_ref(state)
    }
}

#[cfg(test)]
mod tests;
