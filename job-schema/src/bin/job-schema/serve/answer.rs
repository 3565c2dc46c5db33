//! The responses `serve` sends, in the shapes ServiceM8's API uses.
//!
//! The spec gives two: success, `{"errorCode": 0, "message": "OK"}` (a create also sends the
//! record's uuid in the `x-record-uuid` header), and a bad request, HTTP 400 with
//! `{"errorCode": 1000, "message": "An error occurred completing your request"}`, to which
//! the stand-in adds the whole report (`errors`, `warnings`, and `omitted` when issues were
//! left out). Every other status is the stand-in's own: `{"errorCode": <the HTTP status>,
//! "message": <what happened>}`.

use axum::http::header::{CONNECTION, CONTENT_TYPE};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use job_schema::axum::CheckedRejection;
use job_schema::{Issue, Report};
use serde::Serialize;

/// The `errorCode` of a bad request.
pub const ERROR_CODE: u32 = 1000;
/// The message of a bad request, as the API writes it.
pub const ERROR_MESSAGE: &str = "An error occurred completing your request";
/// The header that carries the uuid of a created record.
pub const RECORD_UUID: HeaderName = HeaderName::from_static("x-record-uuid");

#[derive(Serialize)]
struct Outcome<'a> {
    #[serde(rename = "errorCode")]
    error_code: u32,
    message: &'a str,
    /// Warnings of an accepted body, shown only when there are some.
    #[serde(skip_serializing_if = "<[Issue]>::is_empty")]
    warnings: &'a [Issue],
}

#[derive(Serialize)]
struct Failure<'a> {
    #[serde(rename = "errorCode")]
    error_code: u32,
    message: &'a str,
    #[serde(flatten)]
    report: &'a Report,
}

/// `status` with a JSON body.
pub fn json(status: StatusCode, body: String) -> Response {
    let content_type = [(CONTENT_TYPE, HeaderValue::from_static("application/json"))];
    (status, content_type, body).into_response()
}

/// 200 `{"errorCode": 0, "message": "OK"}`, with the body's warnings when there are some,
/// and `x-record-uuid` when a record was created.
pub fn ok(created: Option<&str>, warnings: &[Issue]) -> Response {
    let outcome = Outcome {
        error_code: 0,
        message: "OK",
        warnings,
    };
    let mut response = json(StatusCode::OK, to_json(&outcome));
    if let Some(uuid) = created.and_then(|uuid| HeaderValue::from_str(uuid).ok()) {
        response.headers_mut().insert(RECORD_UUID, uuid);
    }
    response
}

/// 400 with the API's error and the whole report.
pub fn bad_request(report: &Report) -> Response {
    let failure = Failure {
        error_code: ERROR_CODE,
        message: ERROR_MESSAGE,
        report,
    };
    json(StatusCode::BAD_REQUEST, to_json(&failure))
}

/// `status` with `{"errorCode": status, "message": message}`.
pub fn status(status: StatusCode, message: &str) -> Response {
    let outcome = Outcome {
        error_code: u32::from(status.as_u16()),
        message,
        warnings: &[],
    };
    json(status, to_json(&outcome))
}

/// A body the extractor turned down: 400 with the report when it was read (malformed JSON
/// too, as the API answers both with 400), else the extractor's status (413, 415), unread.
pub fn rejected(rejection: &CheckedRejection) -> Response {
    match rejection.report() {
        Some(report) => bad_request(report),
        None => closing(status(rejection.status(), &rejection.to_string())),
    }
}

/// `response` with `Connection: close`, for an answer sent before the request's body was
/// read: the connection ends after it, and the client knows not to send another request
/// on it (hyper would otherwise close it after draining only what had arrived, and a client
/// that reuses connections would find it closed under its next request).
pub fn closing(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(CONNECTION, HeaderValue::from_static("close"));
    response
}

/// 404 for a record that is not stored.
pub fn not_found(uuid: &str) -> Response {
    status(
        StatusCode::NOT_FOUND,
        &format!("no job has the uuid \"{}\"", job_schema::report::echo(uuid)),
    )
}

fn to_json(value: &impl Serialize) -> String {
    // Plain data with string keys: serializing cannot fail.
    serde_json::to_string(value).unwrap_or_default()
}
