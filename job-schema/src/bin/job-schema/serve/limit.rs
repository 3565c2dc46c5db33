//! `--rate-limit N`: at most N requests a minute, as ServiceM8 allows 180, so that a client
//! can test its back-off.
//!
//! A fixed window: the first request opens a window of 60 seconds, which admits N requests;
//! the ones after them until it closes are answered 429 with `Retry-After` (the whole seconds
//! until the window closes). The next request after it closes opens a new window. Every
//! request counts, whatever its route or its answer, and the window is the server's, not a
//! client's. A fixed window lets through at most 2N requests in any 60 seconds that straddle
//! two windows; a stand-in for back-off tests needs no more exactness than that, and its
//! answers are easy to predict.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

use super::answer;

/// How long a window lasts.
const WINDOW: Duration = Duration::from_mins(1);

/// The request count of the current window.
pub struct Limiter {
    per_window: u32,
    window: Mutex<Window>,
}

struct Window {
    opened: Option<Instant>,
    admitted: u32,
}

impl Limiter {
    /// A limiter that admits `per_minute` requests a window.
    pub fn new(per_minute: u32) -> Limiter {
        Limiter {
            per_window: per_minute,
            window: Mutex::new(Window {
                opened: None,
                admitted: 0,
            }),
        }
    }

    /// Counts a request made at `now`: `Ok` when it is admitted, else how long until the
    /// window closes.
    pub fn admit(&self, now: Instant) -> Result<(), Duration> {
        let mut window = self.window.lock().unwrap_or_else(PoisonError::into_inner);
        let open = window
            .opened
            .filter(|opened| now.saturating_duration_since(*opened) < WINDOW);
        match open {
            None => {
                window.opened = Some(now);
                window.admitted = 1;
                Ok(())
            }
            Some(_) if window.admitted < self.per_window => {
                window.admitted += 1;
                Ok(())
            }
            Some(opened) => Err(WINDOW.saturating_sub(now.saturating_duration_since(opened))),
        }
    }
}

/// The middleware: a request beyond the limit is answered 429 and goes no further.
pub async fn enforce(
    State(limiter): State<Arc<Limiter>>,
    request: Request,
    next: Next,
) -> Response {
    match limiter.admit(Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
            let mut response = answer::closing(answer::status(
                StatusCode::TOO_MANY_REQUESTS,
                &format!(
                    "more than {} requests in a minute; retry in {seconds} s",
                    limiter.per_window
                ),
            ));
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_admits_n_requests_then_waits_for_its_end() {
        let limiter = Limiter::new(3);
        let start = Instant::now();
        let at = |seconds: u64| start + Duration::from_secs(seconds);
        assert_eq!(limiter.admit(at(0)), Ok(()));
        assert_eq!(limiter.admit(at(10)), Ok(()));
        assert_eq!(limiter.admit(at(20)), Ok(()));
        assert_eq!(limiter.admit(at(45)), Err(Duration::from_secs(15)));
        assert_eq!(limiter.admit(at(59)), Err(Duration::from_secs(1)));
        // The window closes 60 s after it opened; the next request opens another.
        assert_eq!(limiter.admit(at(60)), Ok(()));
        assert_eq!(limiter.admit(at(61)), Ok(()));
        assert_eq!(limiter.admit(at(62)), Ok(()));
        assert_eq!(limiter.admit(at(63)), Err(Duration::from_secs(57)));
    }
}
