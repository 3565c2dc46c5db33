//! Structs of 64 and 65 fields, either side of the reader's one-word field set
//! (`Layout::FEW`: at most 64 fields use one `u64`): repeats and required fields at the
//! last place of the first word and the first of the second are found, and a field is not
//! taken for the one 64 places before it.

use job_schema::{Code, Options, Report, Schema};

/// A struct of 64 fields.
#[derive(Schema, Default, Debug)]
struct Edge64 {
    f0: Option<String>,
    f1: Option<String>,
    f2: Option<String>,
    f3: Option<String>,
    f4: Option<String>,
    f5: Option<String>,
    f6: Option<String>,
    f7: Option<String>,
    f8: Option<String>,
    f9: Option<String>,
    f10: Option<String>,
    f11: Option<String>,
    f12: Option<String>,
    f13: Option<String>,
    f14: Option<String>,
    f15: Option<String>,
    f16: Option<String>,
    f17: Option<String>,
    f18: Option<String>,
    f19: Option<String>,
    f20: Option<String>,
    f21: Option<String>,
    f22: Option<String>,
    f23: Option<String>,
    f24: Option<String>,
    f25: Option<String>,
    f26: Option<String>,
    f27: Option<String>,
    f28: Option<String>,
    f29: Option<String>,
    f30: Option<String>,
    f31: Option<String>,
    f32: Option<String>,
    f33: Option<String>,
    f34: Option<String>,
    f35: Option<String>,
    f36: Option<String>,
    f37: Option<String>,
    f38: Option<String>,
    f39: Option<String>,
    f40: Option<String>,
    f41: Option<String>,
    f42: Option<String>,
    f43: Option<String>,
    f44: Option<String>,
    f45: Option<String>,
    f46: Option<String>,
    f47: Option<String>,
    f48: Option<String>,
    f49: Option<String>,
    f50: Option<String>,
    f51: Option<String>,
    f52: Option<String>,
    f53: Option<String>,
    f54: Option<String>,
    f55: Option<String>,
    f56: Option<String>,
    f57: Option<String>,
    f58: Option<String>,
    f59: Option<String>,
    f60: Option<String>,
    f61: Option<String>,
    f62: Option<String>,
    #[schema(required)]
    f63: String,
}

/// A struct of 65 fields.
#[derive(Schema, Default, Debug)]
struct Edge65 {
    f0: Option<String>,
    f1: Option<String>,
    f2: Option<String>,
    f3: Option<String>,
    f4: Option<String>,
    f5: Option<String>,
    f6: Option<String>,
    f7: Option<String>,
    f8: Option<String>,
    f9: Option<String>,
    f10: Option<String>,
    f11: Option<String>,
    f12: Option<String>,
    f13: Option<String>,
    f14: Option<String>,
    f15: Option<String>,
    f16: Option<String>,
    f17: Option<String>,
    f18: Option<String>,
    f19: Option<String>,
    f20: Option<String>,
    f21: Option<String>,
    f22: Option<String>,
    f23: Option<String>,
    f24: Option<String>,
    f25: Option<String>,
    f26: Option<String>,
    f27: Option<String>,
    f28: Option<String>,
    f29: Option<String>,
    f30: Option<String>,
    f31: Option<String>,
    f32: Option<String>,
    f33: Option<String>,
    f34: Option<String>,
    f35: Option<String>,
    f36: Option<String>,
    f37: Option<String>,
    f38: Option<String>,
    f39: Option<String>,
    f40: Option<String>,
    f41: Option<String>,
    f42: Option<String>,
    f43: Option<String>,
    f44: Option<String>,
    f45: Option<String>,
    f46: Option<String>,
    f47: Option<String>,
    f48: Option<String>,
    f49: Option<String>,
    f50: Option<String>,
    f51: Option<String>,
    f52: Option<String>,
    f53: Option<String>,
    f54: Option<String>,
    f55: Option<String>,
    f56: Option<String>,
    f57: Option<String>,
    f58: Option<String>,
    f59: Option<String>,
    f60: Option<String>,
    f61: Option<String>,
    f62: Option<String>,
    #[schema(required)]
    f63: String,
    #[schema(required)]
    f64: String,
}

/// (field, code) of each error of `report`.
fn errors(report: &Report) -> Vec<(String, Code)> {
    report
        .errors
        .iter()
        .map(|issue| (issue.field.to_string(), issue.code))
        .collect()
}

/// The errors of `body` read as `S`, the same from both doors.
fn read<S: Schema>(body: &[u8]) -> Vec<(String, Code)> {
    let checked = errors(&S::check_json(body, Options::default()));
    let built = S::from_json(body).err().map(|report| errors(&report));
    assert_eq!(
        built.unwrap_or_default(),
        checked,
        "{}",
        String::from_utf8_lossy(body)
    );
    checked
}

fn pair(field: &str, code: Code) -> (String, Code) {
    (field.to_owned(), code)
}

#[test]
fn a_struct_of_64_fields_tracks_its_last_field_in_the_one_word() {
    assert_eq!(Edge64::FIELDS.len(), 64);
    assert_eq!(read::<Edge64>(br#"{"f63": "a", "f0": "b"}"#), []);
    assert_eq!(
        read::<Edge64>(br#"{"f63": "a", "f0": "b", "f63": "c"}"#),
        [pair("f63", Code::DuplicateField)]
    );
    assert_eq!(
        read::<Edge64>(br#"{"f0": "a", "f62": "b"}"#),
        [pair("f63", Code::Required)]
    );
}

#[test]
fn a_struct_of_65_fields_tracks_its_64th_field_apart_from_the_first() {
    assert_eq!(Edge65::FIELDS.len(), 65);
    // `f64` is not taken for `f0` (64 places before it), nor the other way.
    assert_eq!(
        read::<Edge65>(br#"{"f0": "a", "f64": "b", "f63": "c"}"#),
        []
    );
    assert_eq!(
        read::<Edge65>(br#"{"f64": "a", "f0": "b", "f63": "c", "f64": "d", "f0": "e"}"#),
        [
            pair("f0", Code::DuplicateField),
            pair("f64", Code::DuplicateField)
        ]
    );
    assert_eq!(
        read::<Edge65>(br#"{"f0": "a", "f1": "b"}"#),
        [pair("f63", Code::Required), pair("f64", Code::Required)]
    );
    assert_eq!(
        read::<Edge65>(br#"{"f63": "a"}"#),
        [pair("f64", Code::Required)]
    );
}
