//! Property tests: round trips of generated records, and no input that makes the reader
//! panic.

use job_schema::{AnyScalar, Job, Options};
use proptest::prelude::*;

const UUIDS: [&str; 3] = [
    "c7319be2-03f5-46fc-be02-2341cca844db",
    "43B0A0F7-F363-4BD8-BC5A-233FE0847BEB",
    "080733e2-a30a-4553-9e40-1f47cec7f6cb",
];

fn uuid() -> impl Strategy<Value = Option<String>> {
    prop::option::of(prop::sample::select(&UUIDS[..]).prop_map(str::to_owned))
}

fn datetime() -> impl Strategy<Value = Option<String>> {
    prop::option::of(
        (
            2000u32..2100,
            1u32..=12,
            1u32..=28,
            0u32..24,
            0u32..60,
            0u32..60,
        )
            .prop_map(|(y, mo, d, h, mi, s)| {
                format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}")
            }),
    )
}

fn text(max: usize) -> impl Strategy<Value = Option<String>> {
    prop::option::of(
        prop::collection::vec(any::<char>(), 0..max.min(40)).prop_map(|c| c.into_iter().collect()),
    )
}

fn flag() -> impl Strategy<Value = Option<u8>> {
    prop::option::of(0u8..=1)
}

fn scalar() -> impl Strategy<Value = Option<AnyScalar>> {
    prop::option::of(prop_oneof![
        any::<bool>().prop_map(AnyScalar::Bool),
        any::<i32>().prop_map(|i| AnyScalar::Number(i.into())),
        "[a-z ]{0,8}".prop_map(AnyScalar::String),
    ])
}

prop_compose! {
    fn job()(
        ids in (uuid(), uuid(), uuid(), uuid(), uuid(), uuid()),
        dates in (datetime(), datetime(), datetime(), datetime(), datetime(), datetime()),
        texts in (text(500), text(100), text(500), text(200), text(50), text(50)),
        flags in (flag(), flag(), flag(), flag(), flag(), flag()),
        coords in (prop::option::of(-90.0f64..=90.0), prop::option::of(-180.0f64..=180.0)),
        status in prop::sample::select(&["Quote", "Work Order", "Unsuccessful", "Completed"][..]),
        deprecated in (scalar(), scalar()),
        badges in prop::option::of(prop::sample::subsequence(&UUIDS[..], 0..=3)),
        custom in prop::collection::btree_map("customfield_[a-z0-9_]{1,10}", "[ -~]{0,10}", 0..3),
    ) -> Job {
        Job {
            created_by_staff_uuid: ids.0,
            company_uuid: ids.1,
            category_uuid: ids.2,
            queue_uuid: ids.3,
            uuid: ids.4,
            queue_assigned_staff_uuid: ids.5,
            date: dates.0.clone(),
            quote_date: dates.1,
            work_order_date: dates.2,
            completion_date: dates.3,
            invoice_sent_stamp: dates.4,
            queue_expiry_date: dates.5,
            job_address: texts.0,
            purchase_order_number: texts.1,
            billing_address: texts.2,
            job_description: texts.3,
            geo_city: texts.4,
            work_done_description: texts.5,
            geo_is_valid: flags.0,
            invoice_sent: flags.1,
            quote_sent: flags.2,
            payment_processed: flags.3,
            payment_received: flags.4,
            active: flags.5,
            lat: coords.0,
            lng: coords.1,
            status: status.to_owned(),
            payment_note: deprecated.0,
            related_knowledge_articles: deprecated.1,
            badges: badges.map(|b| serde_json::to_string(&b).unwrap()),
            custom_fields: custom,
            ..Job::default()
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn what_the_reader_accepts_round_trips(job in job()) {
        let first = job.to_json();
        let read = Job::from_json(first.as_bytes()).map_err(|r| TestCaseError::fail(r.to_string()))?;
        prop_assert_eq!(&read.record, &job);
        let second = read.record.to_json();
        prop_assert_eq!(&first, &second, "serializing twice gives the same bytes");
        // The canonical form passes strict mode, but for the deprecated fields it carries
        // and an `active` of 0, whose warning strict mode makes an error.
        let strict = Job::check_json(second.as_bytes(), Options::default().strict());
        let inactive = strict.errors.iter().filter(|i| i.code == job_schema::Code::CreatedInactive).count();
        prop_assert_eq!(inactive, usize::from(job.active == Some(0)), "{}", strict);
        prop_assert!(strict.errors.iter().all(|i| matches!(i.code, job_schema::Code::Deprecated | job_schema::Code::CreatedInactive)), "{}", strict);
        let again = Job::from_json(second.as_bytes()).unwrap();
        prop_assert_eq!(again.record, read.record);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        for options in [Options::default(), Options::default().strict().record()] {
            let report = Job::check_json(&bytes, options);
            match Job::from_json_with(&bytes, options) {
                Ok(read) => prop_assert!(!report.has_errors() && read.warnings == report.warnings),
                Err(from_json) => prop_assert_eq!(from_json, report),
            }
        }
    }

    #[test]
    fn mutated_records_never_panic_and_check_agrees_with_from_json(
        job in job(),
        cut in 0usize..2_000,
        swap in 0usize..60,
        replacement in prop_oneof![
            Just("null".to_owned()), Just("{}".to_owned()), Just("[1,[2,{}]]".to_owned()),
            Just("true".to_owned()), Just("-1e400".to_owned()), Just("\"\\ud800\"".to_owned()),
            Just(format!("{}1{}", "[".repeat(200), "]".repeat(200))),
            Just(format!("\"{}\"", "z".repeat(100_000))),
            any::<i64>().prop_map(|i| i.to_string()),
        ],
    ) {
        let value: serde_json::Value = serde_json::from_str(&job.to_json()).unwrap();
        let keys: Vec<String> = value.as_object().unwrap().keys().cloned().collect();
        let key = keys[swap % keys.len()].clone();
        let mut text = serde_json::to_string(&value).unwrap();
        // A field swapped to another JSON type (or to hostile text).
        let needle = format!("\"{key}\":{}", serde_json::to_string(&value[&key]).unwrap());
        text = text.replacen(&needle, &format!("\"{key}\":{replacement}"), 1);
        let cut = cut.min(text.len());
        // Invalid UTF-8 spliced in, and the record truncated.
        let mut spliced = text.as_bytes().to_vec();
        spliced.splice(cut..cut, [0xff, 0xfe]);
        for bytes in [text.as_bytes(), &text.as_bytes()[..cut], &spliced] {
            let report = Job::check_json(bytes, Options::default());
            match Job::from_json(bytes) {
                Ok(read) => prop_assert!(!report.has_errors() && read.warnings == report.warnings),
                Err(from_json) => prop_assert_eq!(from_json, report),
            }
        }
    }
}
