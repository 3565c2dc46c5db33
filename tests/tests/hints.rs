//! Issue 15, points 2 and 3: keys that belong elsewhere name their home, and values with a
//! known fix (an ISO-8601 datetime, a flag written as a word, badges that are not an array,
//! a status in the wrong case) carry it in `params` and in the message.

use std::collections::BTreeMap;

use job_schema::homes::{Home, JOB_HOMES};
use job_schema::{Code, Issue, Job, JobStatus, Options, Params, Schema, Validate};

const LAX: Options = Options::LAX;

fn strict() -> Options {
    Options::default().strict()
}

/// The one issue of `body` (a Quote with `extra` added) at `field`, with its list's name.
fn issue_at(extra: &str, field: &str, options: Options) -> (bool, Issue) {
    let body = format!(r#"{{"status": "Quote", {extra}}}"#);
    let report = Job::check_json(body.as_bytes(), options);
    let mut found = report
        .errors
        .iter()
        .map(|i| (true, i))
        .chain(report.warnings.iter().map(|i| (false, i)))
        .filter(|(_, i)| i.field == field);
    let (error, issue) = found
        .next()
        .unwrap_or_else(|| panic!("{field} in {report:?}"));
    assert!(found.next().is_none(), "{report:?}");
    (error, issue.clone())
}

#[test]
fn every_key_with_a_home_names_it_in_params_and_message() {
    assert_eq!(JOB_HOMES.len(), 24);
    for home in JOB_HOMES {
        for options in [LAX, strict(), LAX.update(), LAX.record()] {
            let (error, issue) = issue_at(&format!(r#""{}": "x""#, home.key), home.key, options);
            assert_eq!(error, options.is_strict(), "{}", home.key);
            assert_eq!(issue.code, Code::UnknownField);
            assert_eq!(*issue.params.home().unwrap(), *home.places, "{}", home.key);
            assert_eq!(issue.params.suggestion(), None, "{}", home.key);
            assert_eq!(
                issue.message(),
                format!("is not a field of this record; {}", home.advice)
            );
            for place in home.places {
                assert!(issue.message().contains(place), "{}: {place}", home.key);
            }
        }
    }
}

#[test]
fn the_home_comes_ahead_of_the_edit_distance_guess() {
    // Before homes, `job_number` drew "did you mean `geo_number`?".
    let (_, issue) = issue_at(r#""job_number": 1042"#, "job_number", LAX);
    assert_eq!(*issue.params.home().unwrap(), ["generated_job_id"]);
    assert_eq!(issue.params.suggestion(), None);
    assert_eq!(
        issue.message(),
        "is not a field of this record; the API numbers jobs itself and returns the number as \
         `generated_job_id` (read-only); leave it out"
    );
    // A key with no home keeps its guess.
    let (_, issue) = issue_at(r#""purchase_order_no": "PO-1""#, "purchase_order_no", LAX);
    assert_eq!(issue.params.suggestion(), Some("purchase_order_number"));
    assert_eq!(issue.params.home(), None);
    let (_, issue) = issue_at(r#""geo_numbr": "1""#, "geo_numbr", LAX);
    assert_eq!(issue.params.suggestion(), Some("geo_number"));
}

#[test]
fn case_and_separator_variants_find_the_home() {
    for key in [
        "Job_Number",
        "jobNumber",
        "JOB-NUMBER",
        "PO Number",
        "poNumber",
    ] {
        let (_, issue) = issue_at(&format!(r#""{key}": 1"#), key, LAX);
        assert!(issue.params.home().is_some(), "{key}");
    }
    // Near misses are not homes: `job_numbers` gets the guess, or nothing.
    let (_, issue) = issue_at(r#""job_numbers": 1"#, "job_numbers", LAX);
    assert_eq!(issue.params.home(), None);
}

#[test]
fn a_built_job_with_a_custom_key_that_has_a_home_says_so() {
    let mut job = Job::new(JobStatus::Quote);
    job.custom_fields = BTreeMap::from([("contact_email".to_owned(), "a@b.c".to_owned())]);
    let report = job.report(LAX);
    assert!(report.errors.is_empty());
    assert_eq!(report.warnings[0].field, "contact_email");
    assert_eq!(
        *report.warnings[0].params.home().unwrap(),
        ["/api_1.0/jobcontact.json"]
    );
}

/// A record of one's own, without a table of homes: `job_number` gets no home.
#[derive(Schema)]
struct Visit {
    #[schema(max_len = 10)]
    geo_number: Option<String>,
}

/// The same record with a table of its own.
#[derive(Schema)]
#[schema(homes = VISIT_HOMES)]
struct HomedVisit {
    #[schema(max_len = 10)]
    geo_number: Option<String>,
}

const VISIT_HOMES: &[Home] = &[Home {
    key: "site",
    places: &["/visits/site.json"],
    advice: "sites are kept at /visits/site.json",
}];

#[test]
fn homes_are_the_record_s_own() {
    assert!(<Visit as Schema>::HOMES.is_empty());
    let report = Visit::check_json(br#"{"job_number": 1, "site": 2}"#, LAX);
    assert_eq!(report.warnings[0].params.suggestion(), Some("geo_number"));
    assert_eq!(report.warnings[1].params, Params::Empty);
    // Job's table does not reach this record, and this record's reaches only it.
    let report = HomedVisit::check_json(br#"{"job_number": 1, "Site": 2}"#, LAX);
    assert_eq!(report.warnings[0].params.home(), None);
    assert_eq!(
        *report.warnings[1].params.home().unwrap(),
        ["/visits/site.json"]
    );
    assert_eq!(
        report.warnings[1].message(),
        "is not a field of this record; sites are kept at /visits/site.json"
    );
    assert!(
        Job::check_json(br#"{"status": "Quote", "site": 1}"#, LAX).warnings[0]
            .params
            .home()
            .is_none()
    );
}

#[test]
fn a_key_of_a_megabyte_costs_its_reading() {
    let key = format!("job_{}number", "_".repeat(1 << 20));
    let body = format!(r#"{{"status": "Quote", "{key}": 1}}"#);
    let report = Job::check_json(body.as_bytes(), LAX);
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].params.home(), None);
}

const NOTE: &str = "ServiceM8 takes the account's local time with no zone; the zone and any \
                    fraction of a second are dropped, not converted";

#[test]
fn iso_datetimes_get_the_same_digits_as_the_suggestion() {
    for (value, fix) in [
        ("2026-02-10T02:53:30", "2026-02-10 02:53:30"),
        ("2026-02-10T02:53:30Z", "2026-02-10 02:53:30"),
        ("2026-02-10T02:53:30+10:00", "2026-02-10 02:53:30"),
        ("2026-02-10T02:53:30.123Z", "2026-02-10 02:53:30"),
        ("2026-02-10T23:59:59.999-05:00", "2026-02-10 23:59:59"),
    ] {
        for options in [LAX, strict()] {
            // A datetime field, and a date field, which takes the datetime form.
            for (field, code, format) in [
                ("completion_date", Code::Datetime, "YYYY-MM-DD HH:MM:SS"),
                ("date", Code::Date, "YYYY-MM-DD or YYYY-MM-DD HH:MM:SS"),
            ] {
                let (error, issue) = issue_at(&format!(r#""{field}": "{value}""#), field, options);
                assert!(error);
                assert_eq!(issue.code, code);
                assert_eq!(issue.params.suggestion(), Some(fix));
                assert_eq!(issue.params.format(), Some(format));
                assert_eq!(issue.params.note(), Some(NOTE));
                let message = issue.message();
                assert!(
                    message.ends_with(&format!("; did you mean \"{fix}\"? ({NOTE})")),
                    "{message}"
                );
                // The suggestion passes the rule.
                let fixed = format!(r#"{{"status": "Quote", "{field}": "{fix}"}}"#);
                assert!(Job::check_json(fixed.as_bytes(), options).is_empty());
            }
        }
    }
    // Built in code, the same fix.
    let mut job = Job::new(JobStatus::Quote);
    job.completion_date = Some("2026-02-10T02:53:30Z".into());
    let report = job.validate().unwrap_err();
    assert_eq!(
        report.errors[0].params.suggestion(),
        Some("2026-02-10 02:53:30")
    );
    // Not an ISO-8601 datetime with seconds, or no such day: no suggestion.
    for value in [
        "2026-02-10T02:53",
        "2026-02-30T02:53:30Z",
        "10/02/2026 02:53:30",
    ] {
        let (_, issue) = issue_at(
            &format!(r#""completion_date": "{value}""#),
            "completion_date",
            LAX,
        );
        assert_eq!(issue.params.suggestion(), None, "{value}");
        assert_eq!(
            issue.params,
            Params::Format {
                format: "YYYY-MM-DD HH:MM:SS".into()
            }
        );
    }
}

#[test]
fn flags_written_as_words_get_the_integer() {
    for (word, fix) in [
        ("true", "1"),
        ("false", "0"),
        ("yes", "1"),
        ("no", "0"),
        ("TRUE", "1"),
        ("No", "0"),
    ] {
        for options in [LAX, strict()] {
            let (_, issue) = issue_at(
                &format!(r#""invoice_sent": "{word}""#),
                "invoice_sent",
                options,
            );
            assert_eq!(issue.code, Code::Type, "{word}");
            assert_eq!(issue.params.suggestion(), Some(fix), "{word}");
            assert_eq!(issue.params.given(), Some(job_schema::JsonType::String));
            assert!(issue
                .message()
                .ends_with(&format!("got string \"{word}\"; did you mean {fix}?")));
        }
    }
    // Strict mode rejects lax mode's spellings, each with its integer.
    for (value, fix) in [("true", "1"), ("false", "0"), (r#""1""#, "1")] {
        let (_, issue) = issue_at(
            &format!(r#""invoice_sent": {value}"#),
            "invoice_sent",
            strict(),
        );
        assert_eq!(issue.params.suggestion(), Some(fix), "{value}");
    }
    // Other words get no guess.
    for value in [r#""maybe""#, r#""y""#, r#""on""#, "1.0"] {
        let (_, issue) = issue_at(&format!(r#""invoice_sent": {value}"#), "invoice_sent", LAX);
        assert_eq!(issue.params.suggestion(), None, "{value}");
    }
    // A text field given "yes" is not a flag: nothing to suggest.
    let (_, issue) = issue_at(r#""job_description": true"#, "job_description", LAX);
    assert_eq!(issue.params.suggestion(), None);
}

#[test]
fn badges_that_are_not_an_array_say_what_a_list_looks_like() {
    let (_, issue) = issue_at(r#""badges": "URGENT,HIGH_PRIORITY""#, "badges", LAX);
    assert_eq!(issue.code, Code::UuidList);
    assert_eq!(issue.params.format(), Some(r#"["<uuid>", "<uuid>"]"#));
    assert_eq!(
        issue.message(),
        r#"is not a JSON array: the list must be a JSON array of UUIDs encoded in a string, such as "[\"<uuid>\", \"<uuid>\"]", not names or a comma-separated list"#
    );
    assert_eq!(issue.value.as_deref(), Some("URGENT,HIGH_PRIORITY"));
}

#[test]
fn a_status_off_by_case_or_spacing_keeps_its_suggestion() {
    for (value, fix) in [
        ("quote", "Quote"),
        ("work order", "Work Order"),
        ("WORK ORDER", "Work Order"),
        (" Completed ", "Completed"),
        ("\tunsuccessful\n", "Unsuccessful"),
    ] {
        let body = format!(r#"{{"status": {}}}"#, serde_json::to_string(value).unwrap());
        let report = Job::check_json(body.as_bytes(), LAX);
        assert_eq!(report.errors.len(), 1);
        let issue = &report.errors[0];
        assert_eq!(issue.code, Code::EnumValues);
        assert_eq!(issue.params.suggestion(), Some(fix), "{value}");
        assert!(issue
            .message()
            .ends_with(&format!("; did you mean \"{fix}\"?")));
    }
}
