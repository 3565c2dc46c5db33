//! The harness of `tests/serve.rs`: a `job-schema serve` child process on loopback, killed
//! when dropped, and a real HTTP client (ureq) to drive it.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

use job_schema::{Job, Options};
use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_job-schema");
pub const JOBS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/jobs.ndjson");
pub const JSON: Option<&str> = Some("application/json");
/// How long a server may take to start (the one wait in these tests).
const START_DEADLINE: Duration = Duration::from_mins(1);

/// A running `job-schema serve`, killed when dropped, so that a failing test leaves no
/// server behind.
pub struct Server {
    child: Child,
    base: String,
    agent: ureq::Agent,
}

impl Server {
    /// Starts `job-schema serve --port 0 ARGS` and reads the address it prints.
    pub fn start(args: &[&str]) -> Server {
        let mut child = Command::new(BIN)
            .args(["serve", "--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let stdout = child.stdout.take().expect("stdout is piped");
        let (send, receive) = mpsc::channel();
        thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(stdout).read_line(&mut line);
            let _ = send.send(line);
        });
        let mut server = Server {
            child,
            base: String::new(),
            agent: ureq::Agent::config_builder()
                .http_status_as_error(false)
                .build()
                .into(),
        };
        let line = receive.recv_timeout(START_DEADLINE).unwrap_or_default();
        match line.trim_end().strip_prefix("listening on ") {
            Some(base) if base.starts_with("http://127.0.0.1:") => {
                base.clone_into(&mut server.base);
            }
            _ => panic!(
                "the server did not start: stdout {line:?}, stderr {:?}",
                server.stop()
            ),
        }
        server
    }

    /// Kills the server (SIGKILL on Unix) and returns what it wrote on standard error.
    pub fn stop(&mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let mut stderr = String::new();
        if let Some(mut pipe) = self.child.stderr.take() {
            let _ = pipe.read_to_string(&mut stderr);
        }
        stderr
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn post(&self, path: &str, content_type: Option<&str>, body: &[u8]) -> Reply {
        let mut request = self.agent.post(self.url(path));
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        Reply::from(request.send(body).expect("an answer"))
    }

    pub fn get(&self, path: &str) -> Reply {
        Reply::from(self.agent.get(self.url(path)).call().expect("an answer"))
    }

    pub fn delete(&self, path: &str) -> Reply {
        Reply::from(self.agent.delete(self.url(path)).call().expect("an answer"))
    }

    /// Creates `body`, which must be accepted; returns the new record's uuid.
    pub fn create(&self, body: &str) -> String {
        let reply = self.post("/api_1.0/job.json", JSON, body.as_bytes());
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.uuid.expect("x-record-uuid")
    }

    /// Every stored record.
    pub fn list(&self) -> Vec<Value> {
        let reply = self.get("/api_1.0/job.json");
        assert_eq!(reply.status, 200, "{}", reply.body);
        reply.json().as_array().expect("an array").clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

/// What an answer carried.
pub struct Reply {
    pub status: u16,
    pub content_type: Option<String>,
    pub uuid: Option<String>,
    pub retry_after: Option<String>,
    pub body: String,
}

impl From<ureq::http::Response<ureq::Body>> for Reply {
    fn from(response: ureq::http::Response<ureq::Body>) -> Reply {
        let (parts, mut body) = response.into_parts();
        let header = |name: &str| {
            parts
                .headers
                .get(name)
                .map(|value| value.to_str().expect("ASCII").to_owned())
        };
        Reply {
            status: parts.status.as_u16(),
            content_type: header("content-type"),
            uuid: header("x-record-uuid"),
            retry_after: header("retry-after"),
            body: body.read_to_string().expect("a text body"),
        }
    }
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }

    /// The `code` of each issue in the body's list `list`.
    pub fn codes(&self, list: &str) -> Vec<String> {
        self.json()[list]
            .as_array()
            .unwrap_or_else(|| panic!("no {list} in {}", self.body))
            .iter()
            .map(|issue| issue["code"].as_str().expect("a code").to_owned())
            .collect()
    }

    /// A 400 in the API's form: its error code and message, and the report beside them.
    pub fn assert_api_error(&self) {
        assert_eq!(self.status, 400, "{}", self.body);
        assert_eq!(self.content_type.as_deref(), Some("application/json"));
        let json = self.json();
        assert_eq!(json["errorCode"], 1000);
        assert_eq!(json["message"], "An error occurred completing your request");
        assert!(json["warnings"].is_array(), "{}", self.body);
    }
}

/// Checks that `record` is a stored record as GET returns it: valid in strict mode, record
/// direction, with the fields the server fills in.
pub fn assert_stored(record: &Value) {
    let text = record.to_string();
    let read = Job::from_json_with(text.as_bytes(), Options::default().strict().record());
    let job = read
        .unwrap_or_else(|report| panic!("{report}\n{text}"))
        .record;
    assert!(job.uuid.is_some(), "{text}");
    assert!(job.edit_date.is_some(), "{text}");
    assert!(job.generated_job_id.is_some(), "{text}");
    assert!(job.active.is_some(), "{text}");
}

/// A fresh folder under the target directory.
pub fn temp_dir(name: &str) -> PathBuf {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("serve-{}-{name}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the temporary folder is created");
    dir
}
