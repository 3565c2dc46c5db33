//! `job-schema serve` over real sockets: the binary runs as a child process on loopback, and
//! a real HTTP client (ureq) drives it. Built only with the `cli` feature.
#![cfg(feature = "cli")]

mod serve_support;

use std::io::Write;
use std::thread;

use job_schema::{FieldClass, Job, JobStatus, Schema, Shape, Validate};
use serde_json::Value;

use serve_support::{assert_stored, temp_dir, Server, JOBS, JSON};

#[test]
fn a_job_is_created_read_listed_updated_and_deleted() {
    let server = Server::start(&[]);
    let body = r#"{"status": "Quote", "job_address": "1 Main St", "purchase_order_number": "PO-1",
                   "quote_sent": true, "lat": "-27.5", "Status": "x", "generated_job_id": "77"}"#;
    let reply = server.post("/api_1.0/job.json", JSON, body.as_bytes());
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["errorCode"], 0);
    assert_eq!(reply.json()["message"], "OK");
    // The warnings of an accepted body: the unknown key and the read-only one.
    assert_eq!(reply.codes("warnings"), ["read_only", "unknown_field"]);
    let uuid = reply.uuid.expect("x-record-uuid");
    let mut check = Job::new(JobStatus::Quote);
    check.uuid = Some(uuid.clone());
    assert!(check.validate().is_ok(), "{uuid} is a uuid");

    let record = server.get(&format!("/api_1.0/job/{uuid}.json"));
    assert_eq!(record.status, 200);
    assert_eq!(record.content_type.as_deref(), Some("application/json"));
    let record = record.json();
    assert_stored(&record);
    assert_eq!(record["uuid"], uuid.as_str());
    assert_eq!(record["status"], "Quote");
    assert_eq!(record["job_address"], "1 Main St");
    assert_eq!(record["quote_sent"], 1);
    assert_eq!(record["lat"], -27.5);
    assert_eq!(record["active"], 1);
    assert_eq!(
        record["generated_job_id"], "1",
        "the client's value is ignored"
    );
    assert!(record.get("Status").is_none());

    // A uuid the client gives is the record's.
    let given = "5A1D4E2C-8B7F-4C3A-9E6D-0F1B2C3D4E5F";
    let second = server.create(&format!(r#"{{"status": "Work Order", "uuid": "{given}"}}"#));
    assert_eq!(second, given.to_ascii_lowercase());
    let list = server.list();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["uuid"], uuid.as_str());
    assert_eq!(list[1]["uuid"], second.as_str());
    assert_eq!(list[1]["generated_job_id"], "2");
    list.iter().for_each(assert_stored);

    // An update changes the keys it holds, and only them; nothing is required.
    let path = format!("/api_1.0/job/{uuid}.json");
    let reply = server.post(
        &path,
        JSON,
        br#"{"status": "Completed", "job_address": null, "purchase_order_number": "", "quote_sent": 0}"#,
    );
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["errorCode"], 0);
    let updated = server.get(&path).json();
    assert_stored(&updated);
    assert_eq!(updated["status"], "Completed");
    assert!(updated.get("job_address").is_none(), "unset by null");
    assert_eq!(updated["purchase_order_number"], "");
    assert_eq!(updated["quote_sent"], 0);
    assert_eq!(updated["lat"], -27.5, "not sent: unchanged");
    assert!(updated["completion_date"].is_string(), "{updated}");
    assert_eq!(server.post(&path, JSON, b"{}").status, 200);

    // A delete keeps the record, inactive.
    let reply = server.delete(&path);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["errorCode"], 0);
    let deleted = server.get(&path).json();
    assert_eq!(deleted["active"], 0);
    assert_eq!(deleted["status"], "Completed");
    let list = server.list();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["active"], 0);
    assert_eq!(list[1]["active"], 1);
}

#[test]
fn every_error_has_its_status() {
    let server = Server::start(&[]);
    let create = "/api_1.0/job.json";

    // A bad body: 400, the API's error, and the whole report beside it.
    let reply = server.post(
        create,
        JSON,
        br#"{"status": "work order", "lat": 91, "badges": ["x"], "purchase_order_no": "PO"}"#,
    );
    reply.assert_api_error();
    assert_eq!(reply.codes("errors"), ["enum_values", "range", "uuid_list"]);
    assert_eq!(reply.codes("warnings"), ["unknown_field"]);
    assert_eq!(
        reply.json()["errors"][0]["params"]["suggestion"],
        "Work Order"
    );
    // Exactly the report the library gives for these bytes.
    let body = br#"{"status": 7, "uuid": "nope"}"#;
    let reply = server.post(create, JSON, body);
    reply.assert_api_error();
    let report = Job::from_json(body).expect_err("invalid");
    assert_eq!(
        reply.json()["errors"],
        serde_json::to_value(&report.errors).expect("JSON")
    );

    // Malformed JSON: 400 with the json_syntax error.
    let reply = server.post(
        create,
        JSON,
        b"{\"status\": \"Quote\",\n  \"lat\": -27.5,,}",
    );
    reply.assert_api_error();
    assert_eq!(reply.codes("errors"), ["json_syntax"]);
    assert_eq!(reply.json()["errors"][0]["params"]["line"], 2);

    // A missing required field; an update with a bad value.
    server.post(create, JSON, b"{}").assert_api_error();
    let uuid = server.create(r#"{"status": "Quote"}"#);
    let path = format!("/api_1.0/job/{uuid}.json");
    let reply = server.post(&path, JSON, br#"{"lat": -100}"#);
    reply.assert_api_error();
    assert_eq!(reply.codes("errors"), ["range"]);
    assert!(server.get(&path).json().get("lat").is_none(), "not stored");

    // 404: no such record, for every method; no such path.
    let absent = "/api_1.0/job/c7319be2-03f5-46fc-be02-2341cca844db.json";
    for reply in [
        server.get(absent),
        server.post(absent, JSON, b"{}"),
        server.delete(absent),
        server.get("/api_1.0/job/nothing"),
        server.get("/api_1.0/jobs.json"),
    ] {
        assert_eq!(reply.status, 404, "{}", reply.body);
        assert_eq!(reply.json()["errorCode"], 404);
    }

    // 413: over the body limit of 2 MiB.
    let large = format!(
        r#"{{"status": "Quote", "job_description": "{}"}}"#,
        "x".repeat(2 << 20)
    );
    let reply = server.post(create, JSON, large.as_bytes());
    assert_eq!(reply.status, 413, "{}", reply.body);
    assert_eq!(reply.json()["errorCode"], 413);
    // Just under it: read and stored.
    let fits = format!(
        r#"{{"status": "Quote", "job_description": "{}"}}"#,
        "x".repeat((2 << 20) - 64)
    );
    assert_eq!(server.post(create, JSON, fits.as_bytes()).status, 200);

    // 415: a body that does not say it is JSON.
    for content_type in [
        Some("text/plain"),
        Some("application/x-www-form-urlencoded"),
        None,
    ] {
        let reply = server.post(create, content_type, br#"{"status": "Quote"}"#);
        assert_eq!(reply.status, 415, "{content_type:?}");
        assert_eq!(reply.json()["errorCode"], 415);
        assert!(reply.json()["message"]
            .as_str()
            .expect("a message")
            .contains("application/json"));
    }
    let reply = server.post(
        create,
        Some("application/json; charset=utf-8"),
        br#"{"status": "Quote"}"#,
    );
    assert_eq!(reply.status, 200);

    // Nothing that was refused was stored.
    assert_eq!(server.list().len(), 3);
}

#[test]
fn no_body_makes_the_server_fail() {
    let server = Server::start(&[]);
    let mut bodies: Vec<Vec<u8>> = vec![
        b"\xff\xfe{\"status\": \"Quote\"}".to_vec(),
        b"{\"status\": \"Qu\xc3\"}".to_vec(),
        "[".repeat(100_000).into_bytes(),
        format!(
            "{{\"status\": \"Quote\", \"badges\": \"[{}]\"}}",
            "\"x\",".repeat(200_000)
        )
        .into_bytes(),
        br#"{"status": "Quote", "lat": 1e999999, "lng": -0.0e-999}"#.to_vec(),
        br#"{"status": "Quote", "status": "Quote", "customfield_": 1, "customfield_A": "b"}"#
            .to_vec(),
        b"null".to_vec(),
        b"".to_vec(),
    ];
    // Truncations and byte flips of a real record, from a fixed seed.
    let real = std::fs::read_to_string(JOBS).expect("the sample file");
    let real = real.lines().next().expect("a record").as_bytes().to_vec();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..40 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let at = usize::try_from(seed % real.len() as u64).expect("fits");
        let mut body = real.clone();
        if seed.is_multiple_of(2) {
            body.truncate(at);
        } else {
            body[at] = body[at].wrapping_add(u8::try_from(seed >> 56).expect("a byte") | 1);
        }
        bodies.push(body);
    }
    // Before each update a bare record with the real record's uuid is stored (a create with
    // a stored uuid replaces the record), so that the update finds it and each field the
    // update sets differs from the stored one.
    let uuid = "dd9c9912-cfcb-4788-b3c9-23422856efeb";
    let path = &format!("/api_1.0/job/{uuid}.json");
    let bare = format!(r#"{{"uuid": "{uuid}", "status": "Quote"}}"#);
    let mut applied = 0;
    for body in &bodies {
        let shown = String::from_utf8_lossy(&body[..body.len().min(80)]);
        let reply = server.post("/api_1.0/job.json", JSON, body);
        assert!(
            reply.status == 200 || reply.status == 400,
            "{} for {shown:?}",
            reply.status,
        );
        if reply.status == 400 {
            reply.assert_api_error();
        }
        assert_eq!(server.create(&bare), uuid);
        let update = server.post(path, JSON, body);
        assert!(
            matches!(update.status, 200 | 400),
            "{} for {shown:?}",
            update.status
        );
        if update.status == 400 {
            update.assert_api_error();
            continue;
        }
        // An accepted update is applied: each writable text field it sets reads back with
        // the value sent.
        let stored = server.get(path).json();
        assert_eq!(stored["uuid"], uuid);
        if let Ok(Value::Object(sent)) = serde_json::from_slice::<Value>(body) {
            for (name, value) in &sent {
                if let Some(text) = value.as_str().filter(|text| sets_text(name, text)) {
                    assert_eq!(stored[name], text, "{name} for {shown:?}");
                    applied += 1;
                }
            }
        }
    }
    // The seed gives a few accepted updates (46 fields checked): the check is not vacuous.
    assert!(applied >= 40, "only {applied} fields were checked");
    assert_eq!(server.get("/api_1.0/job.json").status, 200);
}

/// Whether an update that sends `text` in the key `name` sets the stored field to `text`:
/// a writable text field (not `uuid`, which the path names), and a value the lax reader
/// does not take for unset (empty, or a zero date).
fn sets_text(name: &str, text: &str) -> bool {
    let field = Job::FIELDS.iter().find(|field| field.name == name);
    field.is_some_and(|field| {
        field.shape == Shape::Text
            && !field.list
            && field.class != FieldClass::ReadOnly
            && name != "uuid"
            && !text.bytes().all(|b| b"0-: ".contains(&b))
    })
}

/// An update body the reader accepts is applied, whatever its unknown keys hold: a number
/// beyond a double and nesting the reader allows (127 arrays in the record's object) are
/// JSON that `serde_json::Value` refuses, and once made the server answer 200 and keep the
/// record as it was.
#[test]
fn an_update_the_reader_accepts_is_applied() {
    let server = Server::start(&[]);
    let uuid = server.create(r#"{"status":"Quote","job_address":"Old St"}"#);
    let path = format!("/api_1.0/job/{uuid}.json");
    let address = |server: &Server| server.get(&path).json()["job_address"].clone();

    let reply = server.post(&path, JSON, br#"{"job_address":"New St","note_x":1e400}"#);
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.json()["errorCode"], 0);
    assert_eq!(reply.codes("warnings"), ["unknown_field"]);
    let stored = server.get(&path).json();
    assert_stored(&stored);
    assert_eq!(stored["job_address"], "New St");
    assert_eq!(stored["status"], "Quote");

    // 127 arrays in the object: 128 levels, the reader's limit. The key after the deep
    // value counts as well as the one before it.
    let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
    let body = format!(
        r#"{{"job_address":"Deep St","note_y":{},"purchase_order_number":"PO-9"}}"#,
        nested(127)
    );
    let reply = server.post(&path, JSON, body.as_bytes());
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert_eq!(reply.codes("warnings"), ["unknown_field"]);
    let stored = server.get(&path).json();
    assert_stored(&stored);
    assert_eq!(stored["job_address"], "Deep St");
    assert_eq!(stored["purchase_order_number"], "PO-9");

    // One level more, or ten thousand, is malformed: 400, and the record is unchanged.
    for depth in [128, 10_000] {
        let body = format!(r#"{{"job_address":"Too Deep","note_z":{}}}"#, nested(depth));
        let reply = server.post(&path, JSON, body.as_bytes());
        reply.assert_api_error();
        assert_eq!(reply.codes("errors"), ["json_syntax"], "depth {depth}");
        assert_eq!(address(&server), "Deep St", "depth {depth}");
    }
    assert_eq!(server.list().len(), 1);
}

/// A number beyond a double in a writable field of any scalar reads as unset, as if the key
/// were absent: the stored value is kept (a key left out keeps its value), while `null`
/// still clears it.
#[test]
fn a_number_beyond_a_double_keeps_a_stored_value_and_null_clears_it() {
    let server = Server::start(&[]);
    let uuid = server.create(r#"{"status":"Quote","payment_amount":12.5}"#);
    let path = format!("/api_1.0/job/{uuid}.json");
    assert_eq!(server.get(&path).json()["payment_amount"], 12.5);

    for huge in ["1e400", "-1E+999"] {
        let body = format!(r#"{{"payment_amount":{huge},"job_address":"New St"}}"#);
        let reply = server.post(&path, JSON, body.as_bytes());
        assert_eq!(reply.status, 200, "{}", reply.body);
        assert_eq!(reply.codes("warnings"), ["deprecated"], "{huge}");
        // (`assert_stored` would refuse the record: a deprecated field is an error in
        // strict mode.)
        let stored = server.get(&path).json();
        assert_eq!(stored["payment_amount"], 12.5, "{huge}: {stored}");
        assert_eq!(stored["job_address"], "New St", "the other key is applied");
    }

    let reply = server.post(&path, JSON, br#"{"payment_amount":null}"#);
    assert_eq!(reply.status, 200, "{}", reply.body);
    let stored = server.get(&path).json();
    assert_stored(&stored);
    assert!(stored.get("payment_amount").is_none(), "{stored}");
}

#[test]
fn beyond_the_rate_limit_requests_get_429() {
    let server = Server::start(&["--rate-limit", "3"]);
    for _ in 0..3 {
        assert_eq!(server.get("/api_1.0/job.json").status, 200);
    }
    // Every request counts, whatever it is.
    let reply = server.post("/api_1.0/job.json", JSON, br#"{"status": "Quote"}"#);
    assert_eq!(reply.status, 429, "{}", reply.body);
    assert_eq!(reply.json()["errorCode"], 429);
    let wait: u64 = reply
        .retry_after
        .as_deref()
        .expect("Retry-After")
        .parse()
        .expect("seconds");
    assert!((1..=60).contains(&wait), "{wait}");
    assert_eq!(server.get("/api_1.0/job.json").status, 429);
    // Without the limit, the same requests pass.
    let free = Server::start(&[]);
    for _ in 0..10 {
        assert_eq!(free.get("/api_1.0/job.json").status, 200);
    }
}

#[test]
fn strict_mode_accepts_only_the_canonical_form() {
    let server = Server::start(&["--strict"]);
    let reply = server.post(
        "/api_1.0/job.json",
        JSON,
        br#"{"status": "Quote", "quote_sent": true}"#,
    );
    reply.assert_api_error();
    assert_eq!(reply.codes("errors"), ["type"]);
    let uuid = server.create(r#"{"status": "Quote", "quote_sent": 1, "lat": -27.5}"#);
    // Updates are strict too: a warning is an error.
    let path = format!("/api_1.0/job/{uuid}.json");
    let reply = server.post(&path, JSON, br#"{"Status": "Completed"}"#);
    reply.assert_api_error();
    assert_eq!(reply.codes("errors"), ["unknown_field"]);
    assert_eq!(server.post(&path, JSON, br#"{"lat": -28}"#).status, 200);
}

#[test]
fn concurrent_writes_are_all_kept_and_survive_kill_9() {
    let dir = temp_dir("store");
    let store = dir.join("jobs.journal");
    let store_arg = store.to_str().expect("a UTF-8 path");
    let mut server = Server::start(&["--store", store_arg]);

    // 50 creates at once.
    let uuids: Vec<String> = thread::scope(|scope| {
        let handles: Vec<_> = (0..50)
            .map(|i| {
                let server = &server;
                scope.spawn(move || {
                    server.create(&format!(
                        r#"{{"status": "Quote", "purchase_order_number": "PO-{i}"}}"#
                    ))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().expect("a create"))
            .collect()
    });
    let mut distinct = uuids.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 50);
    assert_eq!(server.list().len(), 50);

    // 20 updates of one record at once, each of its own field: none is lost.
    let first = format!("/api_1.0/job/{}.json", uuids[0]);
    thread::scope(|scope| {
        for i in 0..20 {
            let (server, first) = (&server, &first);
            scope.spawn(move || {
                let body = format!(r#"{{"customfield_t{i}": "{i}"}}"#);
                let reply = server.post(first, JSON, body.as_bytes());
                assert_eq!(reply.status, 200, "{}", reply.body);
            });
        }
    });
    let record = server.get(&first).json();
    for i in 0..20 {
        assert_eq!(
            record[format!("customfield_t{i}")],
            i.to_string(),
            "{record}"
        );
    }
    assert_eq!(
        server
            .delete(&format!("/api_1.0/job/{}.json", uuids[1]))
            .status,
        200
    );
    let before = server.list();

    // SIGKILL, then a write torn in the middle, as a crash during a write leaves it.
    server.stop();
    let mut journal = std::fs::OpenOptions::new()
        .append(true)
        .open(&store)
        .expect("the journal");
    journal
        .write_all(br#"{"status":"Quote","uuid":"c7319be2-03f5-4"#)
        .expect("a torn line");
    drop(journal);

    let mut server = Server::start(&["--store", store_arg]);
    assert_eq!(server.list(), before, "every acknowledged write is back");
    // The torn line was cut off: writes go on, and the next start reads them.
    let after = server.create(r#"{"status": "Completed"}"#);
    server.stop();
    let server = Server::start(&["--store", store_arg]);
    let list = server.list();
    assert_eq!(list.len(), 51);
    assert_eq!(list[50]["uuid"], after.as_str());
    assert_eq!(list[50]["generated_job_id"], "51");
    let deleted: Vec<&Value> = list.iter().filter(|job| job["active"] == 0).collect();
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0]["uuid"], uuids[1].as_str());
    // The journal is NDJSON of stored records, one a line.
    let text = std::fs::read_to_string(&store).expect("the journal");
    assert!(text.ends_with('\n'));
    for line in text.lines() {
        assert_stored(&serde_json::from_str(line).expect("a JSON line"));
    }
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn data_is_preloaded_and_bad_records_are_reported() {
    let dir = temp_dir("data");
    let data = dir.join("jobs.json");
    let real = std::fs::read_to_string(JOBS).expect("the sample file");
    let real = real.lines().next().expect("a record");
    let file = format!(
        "[{real},\n{{\"status\": \"Quote\", \"job_address\": \"2 High St\"}},\n{{\"status\": \"Done\", \"lat\": 200}}\n]\n"
    );
    std::fs::write(&data, file).expect("the data file");
    let mut server = Server::start(&["--data", data.to_str().expect("UTF-8")]);
    let list = server.list();
    assert_eq!(list.len(), 2);
    let kept: Value = serde_json::from_str(real).expect("JSON");
    assert_eq!(list[0]["uuid"], kept["uuid"]);
    assert_eq!(list[0]["generated_job_id"], "1587");
    assert_eq!(list[1]["job_address"], "2 High St");
    assert_eq!(list[1]["active"], 1);
    assert_eq!(list[1]["generated_job_id"], "1588");
    // A create after the preload gets the next job number.
    let uuid = server.create(r#"{"status": "Quote"}"#);
    let created = server.get(&format!("/api_1.0/job/{uuid}.json")).json();
    assert_eq!(created["generated_job_id"], "1589");
    let stderr = server.stop();
    assert!(stderr.contains("jobs.json:3: status:"), "{stderr}");
    assert!(stderr.contains("[enum_values]"), "{stderr}");
    assert!(stderr.contains("jobs.json:3: lat:"), "{stderr}");
    assert!(stderr.contains("2 records loaded, 1 skipped"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn data_without_uuids_is_preloaded_once_onto_a_store() {
    let dir = temp_dir("data-store");
    let data = dir.join("seed.ndjson");
    let store = dir.join("jobs.journal");
    // Two identical records without a uuid, and a third: three records, each with a uuid
    // of its own.
    let seed = "{\"status\": \"Quote\"}\n{\"status\": \"Quote\"}\n{\"status\": \"Work Order\"}\n";
    std::fs::write(&data, seed).expect("the data file");
    let args = [
        "--data",
        data.to_str().expect("UTF-8"),
        "--store",
        store.to_str().expect("UTF-8"),
    ];
    let mut server = Server::start(&args);
    let first = server.list();
    assert_eq!(first.len(), 3);
    let mut uuids: Vec<&str> = first
        .iter()
        .map(|job| job["uuid"].as_str().expect("a uuid"))
        .collect();
    uuids.sort_unstable();
    uuids.dedup();
    assert_eq!(uuids.len(), 3, "{first:?}");
    let stderr = server.stop();
    assert!(
        stderr.contains("3 records loaded, 0 skipped, 0 already stored"),
        "{stderr}"
    );

    // The same file onto the same store: found stored, not added again.
    let mut server = Server::start(&args);
    assert_eq!(server.list(), first);
    let stderr = server.stop();
    assert!(
        stderr.contains("0 records loaded, 0 skipped, 3 already stored"),
        "{stderr}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_client_checks_before_it_posts() {
    let server = Server::start(&[]);
    let mut job = Job::new(JobStatus::WorkOrder);
    job.job_address = Some("14 Lighthouse Rd, Byron Bay NSW 2481".into());
    job.lat = Some(-128.6431);
    job.category_uuid = Some("080733e2a30a45539e401f47cec7f6cb".into());
    job.work_order_date = Some("2026-03-02T09:00:00".into());

    // Pre-flight finds every problem; the server would have answered the same.
    let report = job.validate().expect_err("three mistakes");
    let local: Vec<(String, String)> = report
        .errors
        .iter()
        .map(|issue| (issue.field.to_string(), issue.code.to_string()))
        .collect();
    assert_eq!(local.len(), 3);
    let reply = server.post("/api_1.0/job.json", JSON, job.to_json().as_bytes());
    reply.assert_api_error();
    let remote: Vec<(String, String)> = reply.json()["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|issue| {
            let text = |key: &str| issue[key].as_str().expect("text").to_owned();
            (text("field"), text("code"))
        })
        .collect();
    assert_eq!(remote, local);

    // Fixed, checked, sent once, accepted.
    job.lat = Some(-28.6431);
    job.category_uuid = Some("080733e2-a30a-4553-9e40-1f47cec7f6cb".into());
    job.work_order_date = Some("2026-03-02 09:00:00".into());
    assert!(job.validate().is_ok());
    let uuid = server.create(&job.to_json());
    let stored = server.get(&format!("/api_1.0/job/{uuid}.json")).json();
    assert_stored(&stored);
    assert_eq!(stored["work_order_date"], "2026-03-02 09:00:00");
    assert_eq!(stored["lat"], -28.6431);
}

#[test]
fn long_keys_are_cut_in_the_answer() {
    // 60 unknown keys of 30 KB: a 1.8 MB body once got a 200 of 3.6 MB. The warnings are the
    // report's, each key cut to 63 characters and `…`.
    let server = Server::start(&[]);
    let keys: Vec<String> = (0..60)
        .map(|i| format!("{i:02}{}", "x".repeat(30_000)))
        .collect();
    let entries: Vec<String> = keys.iter().map(|k| format!(r#""{k}": 1"#)).collect();
    let body = format!(r#"{{"status": "Quote", {}}}"#, entries.join(", "));
    let reply = server.post("/api_1.0/job.json", JSON, body.as_bytes());
    assert_eq!(reply.status, 200, "{}", reply.body.len());
    assert!(reply.body.len() < 18_000, "{}", reply.body.len());
    let warnings = reply.json()["warnings"]
        .as_array()
        .expect("warnings")
        .clone();
    assert_eq!(warnings.len(), 60);
    for (warning, key) in warnings.iter().zip(&keys) {
        let cut = format!("{}…", &key[..63]);
        assert_eq!(warning["field"], cut.as_str());
        assert_eq!(warning["pointer"], format!("/{cut}").as_str());
    }
    // A body with an error: the 400's report cuts them too.
    let body = body.replacen(r#""status": "Quote""#, r#""status": "quote""#, 1);
    let reply = server.post("/api_1.0/job.json", JSON, body.as_bytes());
    reply.assert_api_error();
    assert!(reply.body.len() < 18_000, "{}", reply.body.len());
    assert_eq!(reply.codes("warnings").len(), 60);
}
