//! The extractor driven through a `Router` with `oneshot`: no socket, the real axum stack.

use ::axum::body::{to_bytes, Body};
use ::axum::extract::DefaultBodyLimit;
use ::axum::http::{header, Request, StatusCode};
use ::axum::routing::post;
use ::axum::Router;
use serde_json::Value;
use tower::ServiceExt;

use super::{Checked, FromState, Lax, Strict, Update};
use crate::{Code, Job, Options};

/// What a response carried.
struct Answer {
    status: StatusCode,
    content_type: Option<String>,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

/// Posts `body` to `/` of `app`, with `content_type` when given.
async fn post_to(app: Router, content_type: Option<&str>, body: &str) -> Answer {
    let mut request = Request::post("/");
    if let Some(content_type) = content_type {
        request = request.header(header::CONTENT_TYPE, content_type);
    }
    let request = request
        .body(Body::from(body.to_owned()))
        .expect("a request");
    let response = app.oneshot(request).await.expect("the router answers");
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .map(|value| value.to_str().expect("ASCII").to_owned());
    let bytes = to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("the body");
    Answer {
        status,
        content_type,
        body: String::from_utf8(bytes.to_vec()).expect("UTF-8"),
    }
}

/// The handler answers with what reached it: the status, the warnings' codes, the body's
/// length.
async fn echo_job(checked: Checked<Job>) -> String {
    let codes: Vec<&str> = checked.warnings.iter().map(|w| w.code.as_str()).collect();
    format!(
        "{}|{}|{}",
        checked.record.status,
        codes.join(","),
        checked.body.len()
    )
}

fn lax_app() -> Router {
    Router::new().route("/", post(echo_job))
}

const JSON: Option<&str> = Some("application/json");

#[tokio::test]
async fn a_valid_body_reaches_the_handler_with_its_warnings() {
    let body = r#"{"status": "Quote", "Status": "x", "edit_date": "2026-03-01 12:00:00"}"#;
    let answer = post_to(lax_app(), JSON, body).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.body,
        format!("Quote|read_only,unknown_field|{}", body.len())
    );
}

#[tokio::test]
async fn an_invalid_body_is_answered_422_with_the_whole_report() {
    let body = r#"{"status": "Work order", "lat": "north", "uuid": "x", "purchase_order_no": 1}"#;
    let answer = post_to(lax_app(), JSON, body).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.content_type.as_deref(), Some("application/json"));
    // Exactly the report the reader gives, serialized as the contract says.
    let report = Job::from_json(body.as_bytes()).expect_err("invalid");
    assert_eq!(answer.body, report.to_json());
    let json = answer.json();
    let fields: Vec<&str> = json["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|issue| issue["field"].as_str().expect("a field"))
        .collect();
    assert_eq!(fields, ["status", "lat", "uuid"]);
    assert_eq!(json["warnings"][0]["code"], "unknown_field");
    assert_eq!(
        json["warnings"][0]["params"]["suggestion"],
        "purchase_order_number"
    );
}

#[tokio::test]
async fn malformed_json_is_answered_400_with_the_syntax_error() {
    let answer = post_to(lax_app(), JSON, "{\"status\": \"Quote\",\n \"lat\": }").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.content_type.as_deref(), Some("application/json"));
    let json = answer.json();
    assert_eq!(json["errors"].as_array().expect("errors").len(), 1);
    assert_eq!(json["errors"][0]["code"], "json_syntax");
    assert_eq!(json["errors"][0]["params"]["line"], 2);
}

#[tokio::test]
async fn an_empty_body_is_malformed_json() {
    let answer = post_to(lax_app(), JSON, "").await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(answer.json()["errors"][0]["code"], "json_syntax");
}

#[tokio::test]
async fn the_content_type_must_be_json_parameters_allowed() {
    let body = r#"{"status": "Quote"}"#;
    for accepted in [
        "application/json",
        "application/json; charset=utf-8",
        "Application/JSON;charset=UTF-8",
        " application/json ",
    ] {
        let answer = post_to(lax_app(), Some(accepted), body).await;
        assert_eq!(answer.status, StatusCode::OK, "{accepted}");
    }
    for refused in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        Some("application/jsonx"),
        Some("application/problem+json"),
        None,
    ] {
        let answer = post_to(lax_app(), refused, body).await;
        assert_eq!(
            answer.status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "{refused:?}"
        );
        assert_eq!(answer.content_type.as_deref(), Some("application/json"));
        let message = answer.json()["message"]
            .as_str()
            .expect("a message")
            .to_owned();
        assert!(message.contains("application/json"), "{message}");
        if let Some(refused) = refused {
            assert!(message.contains(refused), "{message}");
        }
    }
}

#[tokio::test]
async fn a_body_over_the_limit_is_answered_413() {
    let app = lax_app().layer(DefaultBodyLimit::max(32));
    let small = r#"{"status": "Quote"}"#;
    assert_eq!(
        post_to(app.clone(), JSON, small).await.status,
        StatusCode::OK
    );
    let large = format!(
        r#"{{"status": "Quote", "job_description": "{}"}}"#,
        "x".repeat(64)
    );
    let answer = post_to(app, JSON, &large).await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(answer.content_type.as_deref(), Some("application/json"));
    assert!(answer.json()["message"].is_string());
}

#[tokio::test]
async fn the_options_come_from_the_type() {
    // Strict: a warning is an error.
    async fn strict(job: Checked<Job, Strict>) -> String {
        job.record.status
    }
    // Update: nothing is required.
    async fn update(job: Checked<Job, Lax<Update>>) -> String {
        job.record.job_address.unwrap_or_default()
    }
    let with_unknown = r#"{"status": "Quote", "Status": "x"}"#;
    let app = Router::new().route("/", post(strict));
    let answer = post_to(app, JSON, with_unknown).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.json()["errors"][0]["code"], "unknown_field");

    let partial = r#"{"job_address": "1 Main St"}"#;
    let answer = post_to(lax_app(), JSON, partial).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.json()["errors"][0]["code"], "required");
    let app = Router::new().route("/", post(update));
    let answer = post_to(app, JSON, partial).await;
    assert_eq!(
        (answer.status, &*answer.body),
        (StatusCode::OK, "1 Main St")
    );
}

#[tokio::test]
async fn the_options_come_from_the_state() {
    async fn read(job: Checked<Job, FromState>) -> String {
        job.warnings.len().to_string()
    }
    let body = r#"{"status": "Quote", "edit_date": "2026-03-01 12:00:00"}"#;
    let create = Router::new()
        .route("/", post(read))
        .with_state(Options::default());
    assert_eq!(post_to(create, JSON, body).await.body, "1");
    let record = Router::new()
        .route("/", post(read))
        .with_state(Options::default().record());
    assert_eq!(post_to(record, JSON, body).await.body, "0");
    let strict = Router::new()
        .route("/", post(read))
        .with_state(Options::default().strict());
    let answer = post_to(strict, JSON, body).await;
    assert_eq!(answer.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(answer.json()["errors"][0]["code"], "read_only");
}

#[tokio::test]
async fn a_handler_may_answer_a_rejection_its_own_way() {
    async fn own(checked: Result<Checked<Job>, super::CheckedRejection>) -> (StatusCode, String) {
        match checked {
            Ok(_) => (StatusCode::OK, String::new()),
            Err(rejection) => {
                let codes: Vec<Code> = rejection
                    .report()
                    .map(|report| report.errors.iter().map(|issue| issue.code).collect())
                    .unwrap_or_default();
                (StatusCode::IM_A_TEAPOT, format!("{codes:?}"))
            }
        }
    }
    let app = Router::new().route("/", post(own));
    let answer = post_to(app, JSON, r#"{"status": 1}"#).await;
    assert_eq!(
        (answer.status, &*answer.body),
        (StatusCode::IM_A_TEAPOT, "[Type]")
    );
}

/// README's "Serving" example is the first example of this module's docs, as written there.
#[test]
fn readme_shows_the_tested_example() {
    let module = include_str!("../axum.rs");
    let readme = include_str!("../../../README.md");
    let mut doc = String::new();
    for line in module.lines().take_while(|line| line.starts_with("//!")) {
        let line = line.trim_start_matches("//!");
        doc.push_str(line.strip_prefix(' ').unwrap_or(line));
        doc.push('\n');
    }
    let start = doc.find("```\n").expect("an example") + 4;
    let example = &doc[start..start + doc[start..].find("```").expect("its end")];
    let section = &readme[readme.find("## Serving").expect("a Serving section")..];
    assert!(
        section.contains(&format!("```rust,ignore\n{example}```")),
        "README's Serving section should show:\n{example}"
    );
}
