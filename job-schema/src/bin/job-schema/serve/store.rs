//! The records `serve` keeps: in memory, and with `--store FILE` in an append-only journal
//! that every acknowledged write has reached before it is acknowledged.
//!
//! The journal is JSON lines, one stored record per line in its canonical form, each line
//! the whole record as a create, an update or a delete left it (a delete is the record with
//! `active` 0). Replaying it in order, a line replacing any earlier record with the same
//! uuid, gives the records back; the file is itself NDJSON that `job-schema check --record`
//! reads. A line is written with one `write` of the line and its newline, then `sync_data`,
//! under the lock that orders writes, before the response is sent: what the server
//! acknowledged survives `kill -9` (and a power cut, since the folder is synced when the file
//! is created), and the order on disk is the order acknowledged.
//!
//! A write cut short by a crash leaves a last line without its newline; such a line, or a
//! last line that is not a record, is ignored and cut off when the journal is opened. A bad
//! line before the last is corruption: the server does not start.
//!
//! Updates and deletes add lines for records already in the journal, so it is compacted when
//! it holds more than twice as many lines as there are records (plus [`COMPACT_SLACK`]), at
//! opening and after a write: the records are written to a new file beside it, which is
//! synced and renamed over the journal. The file stays within about twice the size of the
//! records, and the rewrites cost a constant amortised time per write. A crash before the
//! rename leaves the journal as it was.

use std::collections::HashMap;
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use job_schema::{Job, Options, Report};

use super::record;

/// Why a write was not made.
#[derive(Debug)]
pub enum Refused {
    /// No record has the uuid.
    NotFound,
    /// The record the write would store is not valid (never expected: bodies are checked
    /// before they get here).
    Invalid(Report),
    /// The journal could not be written: nothing was acknowledged or kept.
    Disk(io::Error),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::NotFound => f.write_str("no such record"),
            Refused::Invalid(report) => write!(f, "not a valid record: {report}"),
            Refused::Disk(error) => write!(f, "the store could not be written: {error}"),
        }
    }
}

/// The records, behind one lock.
pub struct Store {
    inner: Mutex<Records>,
}

struct Records {
    /// In the order they were first stored.
    jobs: Vec<Job>,
    /// Position in `jobs` by uuid (lowercase).
    index: HashMap<String, usize>,
    /// The highest job number given so far.
    last_job_id: u64,
    journal: Option<Journal>,
}

impl Store {
    /// A store in memory, or kept in the journal at `path` (created when missing, replayed
    /// when present).
    pub fn open(path: Option<&Path>) -> Result<Store, String> {
        let mut records = Records {
            jobs: Vec::new(),
            index: HashMap::new(),
            last_job_id: 0,
            journal: None,
        };
        if let Some(path) = path {
            let (journal, jobs) = Journal::open(path)?;
            for job in jobs {
                records.put(job);
            }
            records.journal = Some(journal);
            records
                .compact_if_due()
                .map_err(|e| format!("{}: cannot compact the store: {e}", path.display()))?;
        }
        Ok(Store {
            inner: Mutex::new(records),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Records> {
        // A write either reached the journal and memory or neither, so the records are
        // whole even if a thread panicked while it held the lock.
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Every record as a JSON array, in the order first stored.
    pub fn list_json(&self) -> String {
        let records = self.lock();
        let mut json = String::from("[");
        for (i, job) in records.jobs.iter().enumerate() {
            if i > 0 {
                json.push(',');
            }
            json.push_str(&job.to_json());
        }
        json.push(']');
        json
    }

    /// The record with `uuid`, as JSON.
    pub fn get_json(&self, uuid: &str) -> Option<String> {
        let records = self.lock();
        records.get(uuid).map(Job::to_json)
    }

    /// How many records there are.
    pub fn len(&self) -> usize {
        self.lock().jobs.len()
    }

    /// Stores a created job: its uuid is the body's (lowercase) or a new one, and returned.
    /// A uuid already stored is replaced by the new record, which keeps its job number.
    pub fn create(&self, body: &Job, now: &str) -> Result<String, Refused> {
        let mut records = self.lock();
        let uuid = body
            .uuid
            .as_deref()
            .map_or_else(new_uuid, str::to_ascii_lowercase);
        let job_id = records
            .get(&uuid)
            .and_then(record::job_number)
            .unwrap_or(records.last_job_id.saturating_add(1));
        let job = record::created(body, &uuid, job_id, now).map_err(Refused::Invalid)?;
        records.commit(job)?;
        Ok(uuid)
    }

    /// Replaces the record with `uuid` by what `change` makes of it.
    pub fn change(
        &self,
        uuid: &str,
        change: impl FnOnce(&Job) -> Result<Job, Report>,
    ) -> Result<(), Refused> {
        let mut records = self.lock();
        let stored = records.get(uuid).ok_or(Refused::NotFound)?;
        let job = change(stored).map_err(Refused::Invalid)?;
        records.commit(job)
    }

    /// Adds a record read from a `--data` file, unless its uuid is stored already (the
    /// store, replayed from its journal, has the later state). Returns whether it was added.
    ///
    /// A record without a uuid gets one made from `source` (the record's place in the file
    /// and its bytes), so the same file preloaded again onto the same `--store` finds it
    /// stored rather than adding it once more at every start.
    pub fn preload(&self, job: Job, source: &[u8], now: &str) -> Result<bool, Refused> {
        let mut records = self.lock();
        let uuid = job.uuid.as_deref().map_or_else(
            || uuid::Uuid::new_v5(&DATA_NAMESPACE, source).to_string(),
            str::to_ascii_lowercase,
        );
        if records.get(&uuid).is_some() {
            return Ok(false);
        }
        let job_id = records.last_job_id.saturating_add(1);
        records.commit(record::preloaded(job, &uuid, job_id, now))?;
        Ok(true)
    }
}

impl Records {
    fn get(&self, uuid: &str) -> Option<&Job> {
        let at = *self.index.get(&uuid.to_ascii_lowercase())?;
        self.jobs.get(at)
    }

    /// Writes `job` to the journal, then keeps it: a record is kept only once it is on disk.
    fn commit(&mut self, job: Job) -> Result<(), Refused> {
        if let Some(journal) = &mut self.journal {
            journal.append(&job).map_err(Refused::Disk)?;
        }
        self.put(job);
        // The write is on disk and acknowledged whatever happens here: a compaction that
        // fails leaves the longer journal, which replays to the same records.
        if let Err(error) = self.compact_if_due() {
            eprintln!("the store could not be compacted (it is kept as it is): {error}");
        }
        Ok(())
    }

    /// Rewrites the journal with one line a record when it holds more than twice as many
    /// lines as there are records, and [`COMPACT_SLACK`] more.
    fn compact_if_due(&mut self) -> io::Result<()> {
        match &mut self.journal {
            Some(journal) if journal.lines > 2 * self.jobs.len() + COMPACT_SLACK => {
                journal.rewrite(&self.jobs)
            }
            _ => Ok(()),
        }
    }

    /// Keeps `job` in memory, replacing the record with its uuid.
    fn put(&mut self, job: Job) {
        let uuid = job.uuid.as_deref().unwrap_or_default().to_ascii_lowercase();
        if let Some(number) = record::job_number(&job) {
            self.last_job_id = self.last_job_id.max(number);
        }
        if let Some(&at) = self.index.get(&uuid) {
            self.jobs[at] = job;
        } else {
            self.index.insert(uuid, self.jobs.len());
            self.jobs.push(job);
        }
    }
}

/// The namespace of the name-based (version 5) uuids given to `--data` records that have
/// none: a fixed random uuid of this program's, so that the names cannot collide with
/// another namespace's.
const DATA_NAMESPACE: uuid::Uuid = uuid::uuid!("5d0c6b3e-8f7a-4c1e-9b2d-3a6f0e4c7d21");

/// A new random (version 4) uuid.
fn new_uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// How many lines past twice the number of records a journal may hold before it is
/// compacted, so that a small store is not rewritten at every write.
const COMPACT_SLACK: usize = 64;

/// The append-only journal file.
struct Journal {
    file: File,
    path: PathBuf,
    /// The record lines the file holds.
    lines: usize,
}

impl Journal {
    /// Opens the journal at `path`, creating it when missing, and returns it with the records
    /// it holds, in order. A torn last line is cut off.
    fn open(path: &Path) -> Result<(Journal, Vec<Job>), String> {
        let shown = path.display();
        let created = !path.exists();
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(|e| format!("{shown}: cannot open the store: {e}"))?;
        if created {
            sync_folder(path).map_err(|e| format!("{shown}: cannot sync its folder: {e}"))?;
        }
        let bytes = fs::read(path).map_err(|e| format!("{shown}: cannot read the store: {e}"))?;
        let (jobs, kept) = replay(&bytes).map_err(|e| format!("{shown}:{e}"))?;
        if kept < bytes.len() {
            eprintln!(
                "{shown}: ignored a torn last line ({} bytes), cut off",
                bytes.len() - kept
            );
            file.set_len(kept as u64)
                .and_then(|()| file.sync_data())
                .map_err(|e| format!("{shown}: cannot cut off the torn line: {e}"))?;
        }
        let lines = jobs.len();
        let journal = Journal {
            file,
            path: path.to_path_buf(),
            lines,
        };
        Ok((journal, jobs))
    }

    /// Replaces the file by one holding `jobs`, one line each: written beside it, synced,
    /// renamed over it, and the folder synced, so that a crash leaves either file whole.
    fn rewrite(&mut self, jobs: &[Job]) -> io::Result<()> {
        let mut name = self.path.as_os_str().to_owned();
        name.push(".compacting");
        let fresh_path = PathBuf::from(name);
        let mut text = String::new();
        for job in jobs {
            text.push_str(&job.to_json());
            text.push('\n');
        }
        // Opened for appending: after the rename this handle is the journal's, so writes
        // never go to the file the rename replaced, whatever fails after it.
        let mut fresh = OpenOptions::new()
            .append(true)
            .create(true)
            .open(&fresh_path)?;
        fresh.set_len(0)?;
        fresh.write_all(text.as_bytes())?;
        fresh.sync_all()?;
        fs::rename(&fresh_path, &self.path)?;
        self.file = fresh;
        self.lines = jobs.len();
        sync_folder(&self.path)
    }

    /// Appends `job` as one line and waits until it is on disk.
    fn append(&mut self, job: &Job) -> io::Result<()> {
        let mut line = job.to_json();
        line.push('\n');
        self.file.write_all(line.as_bytes())?;
        self.file.sync_data()?;
        self.lines += 1;
        Ok(())
    }
}

/// The records of a journal's `bytes`, and how many bytes hold them: the rest is a torn
/// last line. `Err` names the line of a bad record that is not the last.
fn replay(bytes: &[u8]) -> Result<(Vec<Job>, usize), String> {
    let mut jobs = Vec::new();
    let mut kept = 0;
    let mut rest = bytes;
    let mut line_number = 0;
    while let Some(end) = rest.iter().position(|&b| b == b'\n') {
        line_number += 1;
        let line = &rest[..end];
        rest = &rest[end + 1..];
        if line.iter().all(u8::is_ascii_whitespace) {
            kept += end + 1;
            continue;
        }
        match Job::from_json_with(line, Options::default().record()) {
            Ok(parsed) if parsed.record.uuid.is_some() => jobs.push(parsed.record),
            // The last line, written in part: left out.
            _ if rest.is_empty() => break,
            Ok(_) => return Err(format!("{line_number}: a record without a uuid")),
            Err(report) => {
                let first = report.errors.first().map(ToString::to_string);
                return Err(format!(
                    "{line_number}: not a stored record: {}",
                    first.unwrap_or_default()
                ));
            }
        }
        kept += end + 1;
    }
    Ok((jobs, kept))
}

/// Syncs the folder that holds `path`, so that a new file's name is on disk too.
fn sync_folder(path: &Path) -> io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    File::open(folder)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use job_schema::JobStatus;

    const A: &str = "dd9c9912-cfcb-4788-b3c9-23422856efeb";

    fn line(uuid: &str, status: &str) -> String {
        format!(r#"{{"status":"{status}","uuid":"{uuid}","generated_job_id":"3"}}"#)
    }

    #[test]
    fn replay_keeps_complete_lines_and_drops_a_torn_last_one() {
        let whole = format!("{}\n\n{}\n", line(A, "Quote"), line(A, "Completed"));
        let (jobs, kept) = replay(whole.as_bytes()).expect("a journal");
        assert_eq!((jobs.len(), kept), (2, whole.len()));
        assert_eq!(jobs[1].status, "Completed");

        for torn in [
            format!("{whole}{{\"status\":\"Quo"),
            format!("{whole}{}", line(A, "Quote")),
            format!("{whole}{{\"status\":\n"),
        ] {
            let (jobs, kept) = replay(torn.as_bytes()).expect("a journal");
            assert_eq!((jobs.len(), kept), (2, whole.len()), "{torn:?}");
        }
    }

    #[test]
    fn a_bad_line_before_the_last_is_corruption() {
        let journal = format!("{}\nnot json\n{}\n", line(A, "Quote"), line(A, "Quote"));
        let error = replay(journal.as_bytes()).expect_err("corrupt");
        assert!(error.starts_with("2: not a stored record"), "{error}");
    }

    #[test]
    fn writes_reach_the_journal_and_come_back() {
        let dir = std::env::temp_dir().join(format!("serve-store-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("a folder");
        let path = dir.join("jobs.ndjson");
        let _ = fs::remove_file(&path);

        let store = Store::open(Some(&path)).expect("a new store");
        let uuid = store
            .create(&Job::new(JobStatus::Quote), "2026-03-01 12:00:00")
            .expect("created");
        store
            .change(&uuid, |job| Ok(record::deleted(job, "2026-03-01 13:00:00")))
            .expect("deleted");
        let other = store
            .create(&Job::new(JobStatus::Completed), "2026-03-01 14:00:00")
            .expect("created");
        drop(store);
        // A crash in the middle of a write.
        let mut file = OpenOptions::new().append(true).open(&path).expect("open");
        file.write_all(b"{\"status\":\"Qu").expect("write");
        drop(file);

        let store = Store::open(Some(&path)).expect("replayed");
        assert_eq!(store.len(), 2);
        let first = store.get_json(&uuid.to_ascii_uppercase()).expect("stored");
        assert!(first.contains(r#""active":0"#), "{first}");
        let second = store.get_json(&other).expect("stored");
        assert!(second.contains(r#""generated_job_id":"2""#), "{second}");
        assert_eq!(fs::read_to_string(&path).expect("read").lines().count(), 3);
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_journal_is_compacted_and_stays_within_twice_the_records() {
        let dir = std::env::temp_dir().join(format!("serve-compact-{}", std::process::id()));
        fs::create_dir_all(&dir).expect("a folder");
        let path = dir.join("jobs.ndjson");
        let _ = fs::remove_file(&path);
        let count_lines = || fs::read_to_string(&path).expect("read").lines().count();

        let store = Store::open(Some(&path)).expect("a new store");
        let first = store
            .create(&Job::new(JobStatus::Quote), "2026-03-01 12:00:00")
            .expect("created");
        let second = store
            .create(&Job::new(JobStatus::Quote), "2026-03-01 12:00:00")
            .expect("created");
        let mut most = 0;
        for i in 0..500 {
            store
                .change(&first, |job| {
                    let mut job = job.clone();
                    job.purchase_order_number = Some(format!("PO-{i}"));
                    Ok(job)
                })
                .expect("changed");
            most = most.max(count_lines());
        }
        // 502 writes of two records: the file grows to 2 × 2 + 64 lines and never past
        // them (the write that passes the bound compacts before it returns).
        assert_eq!(most, 2 * 2 + COMPACT_SLACK);
        drop(store);

        let store = Store::open(Some(&path)).expect("replayed");
        assert_eq!(store.len(), 2);
        let kept = store.get_json(&first).expect("stored");
        assert!(
            kept.contains(r#""purchase_order_number":"PO-499""#),
            "{kept}"
        );
        assert!(store.get_json(&second).is_some());
        assert!(!dir.join("jobs.ndjson.compacting").exists());

        // A journal left long (by an older version, say) is compacted when it is opened.
        drop(store);
        let mut long = fs::read_to_string(&path).expect("read");
        let last = long.lines().last().expect("a line").to_owned();
        for _ in 0..100 {
            long.push_str(&last);
            long.push('\n');
        }
        fs::write(&path, long).expect("write");
        let store = Store::open(Some(&path)).expect("replayed");
        assert_eq!(count_lines(), 2);
        assert_eq!(store.get_json(&first), Some(kept));
        let _ = fs::remove_dir_all(&dir);
    }
}
