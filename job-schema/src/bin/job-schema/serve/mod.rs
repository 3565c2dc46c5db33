//! `job-schema serve`: a local stand-in for ServiceM8's job endpoints, for integration
//! tests, on the axum integration (`job_schema::axum`).
//!
//! It listens on 127.0.0.1 and prints `listening on http://127.0.0.1:PORT` on one line of
//! standard output once it accepts requests. The endpoints and their answers are in
//! [`routes`] and [`answer`]; the store and its journal in [`store`]; the rate limit in
//! [`limit`]. Bodies are checked by the same rules as `check`; the server never panics on a
//! body (it reads every body with the collecting reader, which takes any bytes).

mod answer;
mod limit;
mod record;
mod routes;
mod store;

use std::fs::File;
use std::io::{self, Write};
use std::net::Ipv4Addr;
use std::path::Path as FsPath;
use std::process::ExitCode;
use std::sync::Arc;

use job_schema::{Direction, Job, Mode, Options};

use crate::args::{Format, ServeArgs};
use crate::check::check_record;
use crate::input::Scanner;
use crate::output::{Printer, Source};

use self::limit::Limiter;
use self::routes::App;
use self::store::Store;

/// Runs the server until it is stopped; 2 when it cannot start (the store or the data file
/// cannot be read, the port is taken).
pub fn run(args: &ServeArgs) -> ExitCode {
    let mode = if args.strict { Mode::Strict } else { Mode::Lax };
    let store = match Store::open(args.store.as_deref()) {
        Ok(store) => store,
        Err(error) => return fail(&error),
    };
    if let Some(data) = &args.data {
        if let Err(error) = preload(&store, data, mode) {
            return fail(&error);
        }
    }
    let app = App {
        store: Arc::new(store),
        mode,
    };
    let limiter = args.rate_limit.map(|n| Arc::new(Limiter::new(n)));
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => return fail(&format!("cannot start the runtime: {error}")),
    };
    match runtime.block_on(serve(routes::router(app, limiter), args.port)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

fn fail(error: &str) -> ExitCode {
    eprintln!("job-schema serve: {error}");
    ExitCode::from(2)
}

async fn serve(router: axum::Router, port: u16) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let address = listener
        .local_addr()
        .map_err(|e| format!("no local address: {e}"))?;
    let mut out = io::stdout().lock();
    writeln!(out, "listening on http://{address}")
        .and_then(|()| out.flush())
        .map_err(|e| format!("cannot write to standard output: {e}"))?;
    drop(out);
    axum::serve(listener, router)
        .await
        .map_err(|e| format!("the server stopped: {e}"))
}

/// Adds the records of the `--data` file at `path` (one JSON object, an array or NDJSON, as
/// `check` reads them), each checked in the record direction in `mode`: a record with an
/// error is reported on standard error as `check` reports it, and skipped.
fn preload(store: &Store, path: &FsPath, mode: Mode) -> Result<(), String> {
    let shown = path.display().to_string();
    let file = File::open(path).map_err(|e| format!("{shown}: cannot read: {e}"))?;
    let mut scanner = Scanner::new(file);
    let options = Options {
        mode,
        direction: Direction::Record,
    };
    let source = Source::file(&shown);
    let printer = Printer {
        format: Format::Text,
        quiet: false,
        colour: false,
    };
    let now = record::now();
    let (mut added, mut skipped, mut kept_before) = (0_usize, 0_usize, 0_usize);
    let mut bytes = Vec::new();
    let mut out = Vec::new();
    for index in 0_u64.. {
        bytes.clear();
        let meta = match scanner.next_record(&mut bytes) {
            Ok(Some(meta)) => meta,
            Ok(None) => break,
            Err(e) => return Err(format!("{shown}: cannot read: {e}")),
        };
        let mut report = check_record(&bytes, &meta, options);
        if !report.has_errors() && meta.parse {
            match Job::from_json_with(&bytes, options) {
                Ok(parsed) => {
                    // The name of a uuid made for a record without one: its place and
                    // its bytes, so identical records at two places stay two records.
                    let mut source = index.to_be_bytes().to_vec();
                    source.extend_from_slice(&bytes);
                    match store.preload(parsed.record, &source, &now) {
                        Ok(true) => added += 1,
                        Ok(false) => kept_before += 1,
                        Err(refused) => return Err(format!("{shown}: {refused}")),
                    }
                    continue;
                }
                Err(built) => report = built,
            }
        }
        if report.has_errors() {
            skipped += 1;
            printer.record(&mut out, &source, index, meta.line, &report);
        }
    }
    let _ = io::stderr().write_all(&out);
    eprintln!(
        "{shown}: {added} records loaded, {skipped} skipped, {kept_before} already stored; {} in the store",
        store.len()
    );
    Ok(())
}
