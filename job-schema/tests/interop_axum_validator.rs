//! A validator-based axum stack on `Job` and on a struct with `#[schema(validator)]`,
//! unchanged: axum's `Json` reads the body with serde, then `validator::Validate` decides.
//!
//! `axum-valid` is that stack, but its latest release (0.25) is built on validator 0.20, and
//! `job-schema` implements validator 0.21's trait (the workspace's version), so the test
//! carries `Valid`, the same extractor in a few lines: `Json<T>`'s rejection as axum makes
//! it, then `validate()`, and a failure answered with 400 and the `ValidationErrors` as JSON
//! (axum-valid's answer with its `into_json` feature).
#![cfg(feature = "validator")]

use axum::body::{to_bytes, Body};
use axum::extract::{FromRequest, Request};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use job_schema::{Job, Schema};
use serde_json::{json, Value};
use tower::ServiceExt;

/// A body that passed `validator::Validate`.
struct Valid<E>(E);

impl<S, T> FromRequest<S> for Valid<Json<T>>
where
    S: Send + Sync,
    T: validator::Validate,
    Json<T>: FromRequest<S>,
{
    type Rejection = Response;

    async fn from_request(request: Request, state: &S) -> Result<Self, Response> {
        let json = Json::<T>::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        match validator::Validate::validate(&json.0) {
            Ok(()) => Ok(Valid(json)),
            Err(errors) => Err((StatusCode::BAD_REQUEST, Json(errors)).into_response()),
        }
    }
}

async fn create_job(Valid(Json(job)): Valid<Json<Job>>) -> (StatusCode, String) {
    (StatusCode::CREATED, job.to_json())
}

/// Serde reads it as serde does; the rules are checked by `validator::Validate`.
#[derive(Schema, serde::Deserialize)]
#[schema(validator)]
struct Visit {
    #[schema(required, max_len = 10)]
    site: String,
    #[schema(bool01)]
    confirmed: Option<u8>,
    parts: Vec<Part>,
}

#[derive(Schema, serde::Deserialize)]
struct Part {
    #[schema(required)]
    name: String,
}

async fn create_visit(Valid(Json(visit)): Valid<Json<Visit>>) -> (StatusCode, String) {
    (StatusCode::CREATED, visit.site)
}

async fn post_json(app: Router, path: &str, body: &str) -> (StatusCode, String) {
    let request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(body.to_owned()))
        .unwrap();
    let response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = to_bytes(response.into_body(), usize::MAX).await.unwrap();
    (status, String::from_utf8(bytes.to_vec()).unwrap())
}

fn app() -> Router {
    Router::new()
        .route("/jobs", post(create_job))
        .route("/visits", post(create_visit))
}

#[tokio::test]
async fn a_good_job_is_accepted() {
    let body = r#"{"status": "Quote", "quote_sent": true, "company_uuid": "c7319be2-03f5-46fc-be02-2341cca844db"}"#;
    let (status, answer) = post_json(app(), "/jobs", body).await;
    assert_eq!(status, StatusCode::CREATED, "{answer}");
    assert_eq!(
        answer,
        r#"{"company_uuid":"c7319be2-03f5-46fc-be02-2341cca844db","status":"Quote","quote_sent":1}"#
    );
}

#[tokio::test]
async fn a_bad_job_is_turned_down_with_every_error() {
    // `Job`'s serde `Deserialize` runs the rules itself (`#[schema(deserialize)]`), so axum's
    // `Json<Job>` turns the body down before `validate()` is reached: 422, axum's answer to
    // a body serde refused, with the report's text.
    let body = r#"{"status": "Done", "lat": 91, "queue_uuid": "nope"}"#;
    let (status, answer) = post_json(app(), "/jobs", body).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        answer.starts_with("Failed to deserialize the JSON body into the target type: "),
        "{answer}"
    );
    for line in [
        "status: \"Done\" is not one of",
        "lat: 91 is outside the range -90 to 90",
        "queue_uuid: \"nope\" is not a UUID",
    ] {
        assert!(answer.contains(line), "{line} not in {answer}");
    }
}

#[tokio::test]
async fn a_struct_read_by_serde_is_turned_down_by_validate_with_400_and_the_errors() {
    let body =
        r#"{"site": "A very long site", "confirmed": 2, "parts": [{"name": "a"}, {"name": ""}]}"#;
    let (status, answer) = post_json(app(), "/visits", body).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let errors: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(
        errors,
        json!({
            "site": [{
                "code": "max_len",
                "message": "is 16 characters long; the limit is 10",
                "params": {"limit": 10, "length": 16, "value": "A very long site"}
            }],
            "confirmed": [{
                "code": "bool01",
                "message": "2 is not 0 or 1",
                "params": {"allowed": [0, 1], "value": "2"}
            }],
            "parts": {"1": {"name": [{
                "code": "required",
                "message": "must not be empty",
                "params": {"value": ""}
            }]}}
        })
    );

    let good = r#"{"site": "Depot", "confirmed": 1, "parts": [{"name": "a"}]}"#;
    assert_eq!(
        post_json(app(), "/visits", good).await,
        (StatusCode::CREATED, "Depot".into())
    );
}
