//! The job endpoints, on the axum integration (`job_schema::axum::Checked`).
//!
//! | request | answer |
//! |---|---|
//! | `POST /api_1.0/job.json` | create: 200 `{"errorCode": 0, "message": "OK"}`, `x-record-uuid` |
//! | `GET /api_1.0/job.json` | every record, as a JSON array |
//! | `GET /api_1.0/job/{uuid}.json` | one record; 404 when there is none |
//! | `POST /api_1.0/job/{uuid}.json` | update from a partial body (the update direction); 404 |
//! | `DELETE /api_1.0/job/{uuid}.json` | `active` becomes 0; 404 |
//!
//! A body that is not JSON or breaks a rule gets 400 with the API's error and the report; a
//! body over [`BODY_LIMIT`] 413; a `Content-Type` other than `application/json` 415; any
//! other path 404. An update whose keys cannot be listed (the reader accepted the body and
//! serde_json would not: not expected) gets 500 and changes nothing.

use std::sync::Arc;

use axum::extract::{DefaultBodyLimit, FromRef, Path, State};
use axum::http::StatusCode;
use axum::middleware;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use job_schema::axum::{Checked, CheckedRejection, FromState, ReadOptions};
use job_schema::{Direction, Job, Mode, Options};

use super::answer;
use super::limit::{self, Limiter};
use super::record;
use super::store::{Refused, Store};

/// The largest body read: 2 MiB (axum's own default, set here so that it cannot move). A
/// job body is a few kilobytes.
pub const BODY_LIMIT: usize = 2 << 20;

/// What every handler shares.
#[derive(Clone)]
pub struct App {
    /// The records.
    pub store: Arc<Store>,
    /// Lax or strict, from `--strict`.
    pub mode: Mode,
}

/// Create bodies are read in the server's mode, create direction.
impl FromRef<App> for Options {
    fn from_ref(app: &App) -> Options {
        Options {
            mode: app.mode,
            direction: Direction::Create,
        }
    }
}

/// Update bodies are read in the server's mode, update direction: no field is required.
enum UpdateBody {}

impl ReadOptions<App> for UpdateBody {
    fn options(app: &App) -> Options {
        Options {
            mode: app.mode,
            direction: Direction::Update,
        }
    }
}

/// The router, with the rate limit when there is one.
pub fn router(app: App, limiter: Option<Arc<Limiter>>) -> Router {
    let router = Router::new()
        .route("/api_1.0/job.json", get(list).post(create))
        // matchit takes a parameter only as a whole segment: `{uuid}.json` is cut by hand.
        .route("/api_1.0/job/{file}", get(read).post(update).delete(delete))
        .fallback(no_route)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(app);
    match limiter {
        Some(limiter) => router.layer(middleware::from_fn_with_state(limiter, limit::enforce)),
        None => router,
    }
}

async fn list(State(app): State<App>) -> Response {
    match blocking(move || Ok(app.store.list_json())).await {
        Ok(json) => answer::json(StatusCode::OK, json),
        Err(refused) => refused_answer(&refused, ""),
    }
}

async fn create(
    State(app): State<App>,
    body: Result<Checked<Job, FromState>, CheckedRejection>,
) -> Response {
    let checked = match body {
        Ok(checked) => checked,
        Err(rejection) => return answer::rejected(&rejection),
    };
    let job = checked.record;
    match blocking(move || app.store.create(&job, &record::now())).await {
        Ok(uuid) => answer::ok(Some(&uuid), &checked.warnings),
        Err(refused) => refused_answer(&refused, ""),
    }
}

async fn read(State(app): State<App>, Path(file): Path<String>) -> Response {
    let Some(uuid) = file.strip_suffix(".json").map(str::to_owned) else {
        return no_route().await;
    };
    let found = {
        let uuid = uuid.clone();
        blocking(move || app.store.get_json(&uuid).ok_or(Refused::NotFound)).await
    };
    match found {
        Ok(json) => answer::json(StatusCode::OK, json),
        Err(refused) => refused_answer(&refused, &uuid),
    }
}

async fn update(
    State(app): State<App>,
    Path(file): Path<String>,
    body: Result<Checked<Job, UpdateBody>, CheckedRejection>,
) -> Response {
    let Some(uuid) = file.strip_suffix(".json").map(str::to_owned) else {
        return no_route().await;
    };
    let checked = match body {
        Ok(checked) => checked,
        Err(rejection) => return answer::rejected(&rejection),
    };
    let Checked {
        record: changes,
        warnings,
        body,
        ..
    } = checked;
    let sent = match record::sent_keys(&body) {
        Ok(sent) => sent,
        Err(error) => return keys_unlisted(&error),
    };
    let written = {
        let uuid = uuid.clone();
        blocking(move || {
            let now = record::now();
            app.store.change(&uuid, |stored| {
                record::updated(stored, &sent, &changes, &now)
            })
        })
        .await
    };
    match written {
        Ok(()) => answer::ok(None, &warnings),
        Err(refused) => refused_answer(&refused, &uuid),
    }
}

async fn delete(State(app): State<App>, Path(file): Path<String>) -> Response {
    let Some(uuid) = file.strip_suffix(".json").map(str::to_owned) else {
        return no_route().await;
    };
    let written = {
        let uuid = uuid.clone();
        blocking(move || {
            let now = record::now();
            app.store
                .change(&uuid, |stored| Ok(record::deleted(stored, &now)))
        })
        .await
    };
    match written {
        Ok(()) => answer::ok(None, &[]),
        Err(refused) => refused_answer(&refused, &uuid),
    }
}

/// 500 for an update body whose keys cannot be listed (the reader accepted it and serde_json
/// does not: not expected): nothing is changed, rather than a 200 for an update that applied
/// no key.
fn keys_unlisted(error: &serde_json::Error) -> Response {
    let message =
        format!("the keys of the update body could not be listed ({error}); nothing was changed");
    answer::status(StatusCode::INTERNAL_SERVER_ERROR, &message)
}

/// 404 for a path that is no endpoint; its body, if any, is not read.
async fn no_route() -> Response {
    answer::closing(answer::status(StatusCode::NOT_FOUND, "no such endpoint"))
}

/// Runs `work` (which may wait for the lock and for the disk) off the async workers.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Refused> + Send + 'static,
) -> Result<T, Refused> {
    match tokio::task::spawn_blocking(work).await {
        Ok(result) => result,
        Err(failed) => Err(Refused::Disk(std::io::Error::other(failed.to_string()))),
    }
}

fn refused_answer(refused: &Refused, uuid: &str) -> Response {
    match refused {
        Refused::NotFound => answer::not_found(uuid),
        Refused::Invalid(report) => answer::bad_request(report),
        Refused::Disk(_) => answer::status(StatusCode::INTERNAL_SERVER_ERROR, &refused.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_update_whose_keys_cannot_be_listed_is_a_server_error() {
        // The extractor never passes on such a body; if the two parsers ever disagree, the
        // answer is 500, not an empty list of keys and a 200.
        for body in [&b"[1]"[..], b"{\"job_address\": "] {
            let error = record::sent_keys(body).expect_err("no keys");
            let failure = keys_unlisted(&error);
            assert_eq!(failure.status(), StatusCode::INTERNAL_SERVER_ERROR);
        }
    }
}
