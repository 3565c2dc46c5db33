//! The reader's key lookup (the generated match on the key's length and bytes, matched in the
//! input, and the scan for the keys it does not match there) on names that need escaping in
//! JSON, long names, aliases, a name that is the start of another and a key at the very end
//! of the input: each key lands in its field, and a near miss is an unknown key.

use job_schema::{Code, Options, Schema};

#[derive(Schema, Default, Debug, serde::Deserialize)]
struct Keys {
    #[serde(alias = "quoteSent")]
    quote_sent: Option<String>,
    quote_sent_stamp: Option<String>,
    a_name_of_thirty_one_bytes_long: Option<String>,
    a_name_of_thirty_two_bytes_long_: Option<String>,
    #[serde(rename = "with\"quote")]
    with_quote: Option<String>,
    x: Option<String>,
}

fn read(body: &str) -> Keys {
    match Keys::from_json(body.as_bytes()) {
        Ok(read) => {
            assert!(read.warnings.is_empty(), "{body}: {:?}", read.warnings);
            read.record
        }
        Err(report) => panic!("{body}: {report}"),
    }
}

#[test]
fn every_name_finds_its_field_wherever_it_stands() {
    // Names of 31 and 32 bytes, either side of a word boundary of the comparison with the
    // input (and of the 32-byte window of the decision table that was tried and reverted).
    assert_eq!("a_name_of_thirty_one_bytes_long".len(), 31);
    assert_eq!("a_name_of_thirty_two_bytes_long_".len(), 32);
    let fields = [
        ("quote_sent", 0),
        ("quoteSent", 0),
        ("quote_sent_stamp", 1),
        ("a_name_of_thirty_one_bytes_long", 2),
        ("a_name_of_thirty_two_bytes_long_", 3),
        ("with\\\"quote", 4),
        ("x", 5),
    ];
    for (key, field) in fields {
        // Alone (the key within 32 bytes of the end), and first of a longer body.
        for body in [
            format!("{{\"{key}\":\"v\"}}"),
            format!("{{\"{key}\": \"v\", \"padding_key_for_length\": null, \"more\": 1}}"),
        ] {
            // The padding keys are unknown: warnings, not errors.
            let record = match Keys::from_json(body.as_bytes()) {
                Ok(read) => read.record,
                Err(report) => panic!("{body}: {report}"),
            };
            let got = [
                &record.quote_sent,
                &record.quote_sent_stamp,
                &record.a_name_of_thirty_one_bytes_long,
                &record.a_name_of_thirty_two_bytes_long_,
                &record.with_quote,
                &record.x,
            ];
            for (at, value) in got.iter().enumerate() {
                let expected = (at == field).then(|| "v".to_owned());
                assert_eq!(**value, expected, "{body}, field {at}");
            }
        }
    }
    assert_eq!(
        read(r#"{"x":"1","quote_sent":"2"}"#).quote_sent.as_deref(),
        Some("2")
    );
}

#[test]
fn a_near_miss_is_an_unknown_key() {
    for key in [
        "quote_sen",
        "quote_sent_",
        "quote_sent_stam",
        "quote_sent_stampp",
        "Quote_sent",
        "xx",
        "a_name_of_thirty_one_bytes_lon",
        "a_name_of_thirty_one_bytes_long_",
        "a_name_of_thirty_two_bytes_long",
        "a_name_of_thirty_two_bytes_long__",
        "quote\\u005fsent_",
    ] {
        for tail in ["", ", \"a_key_after_it\": 1"] {
            let body = format!("{{\"{key}\": \"v\"{tail}}}");
            let report = Keys::check_json(body.as_bytes(), Options::default());
            assert!(report.errors.is_empty(), "{body}: {report}");
            assert_eq!(report.warnings[0].code, Code::UnknownField, "{body}");
            assert_eq!(
                report.warnings[0].field,
                key.replace("\\u005f", "_"),
                "{body}"
            );
        }
    }
}

#[test]
fn an_escaped_key_is_the_same_name() {
    let record = read(r#"{"quote\u005fsent": "v"}"#);
    assert_eq!(record.quote_sent.as_deref(), Some("v"));
    let record = read(r#"{"\u0078": "v"}"#);
    assert_eq!(record.x.as_deref(), Some("v"));
}
