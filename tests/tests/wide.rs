//! A struct of more than 128 fields: the reader tracks the first 128 in two `u64` words and
//! the rest beside them, with the same issues (repeats, required, deprecated, rules) either side.

use job_schema::{Code, Options, Report, Schema, Validate};
use job_schema_tests::{errors, pairs, warnings};

#[derive(Schema, Default, Debug)]
struct Wide {
    f0: Option<String>,
    f1: Option<String>,
    f2: Option<String>,
    #[schema(required)]
    f3: String,
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
    f63: Option<String>,
    f64: Option<String>,
    f65: Option<String>,
    f66: Option<String>,
    f67: Option<String>,
    f68: Option<String>,
    f69: Option<String>,
    f70: Option<String>,
    f71: Option<String>,
    f72: Option<String>,
    f73: Option<String>,
    f74: Option<String>,
    f75: Option<String>,
    f76: Option<String>,
    f77: Option<String>,
    f78: Option<String>,
    f79: Option<String>,
    f80: Option<String>,
    f81: Option<String>,
    f82: Option<String>,
    f83: Option<String>,
    f84: Option<String>,
    f85: Option<String>,
    f86: Option<String>,
    f87: Option<String>,
    f88: Option<String>,
    f89: Option<String>,
    f90: Option<String>,
    f91: Option<String>,
    f92: Option<String>,
    f93: Option<String>,
    f94: Option<String>,
    f95: Option<String>,
    f96: Option<String>,
    f97: Option<String>,
    f98: Option<String>,
    f99: Option<String>,
    f100: Option<String>,
    f101: Option<String>,
    f102: Option<String>,
    f103: Option<String>,
    f104: Option<String>,
    f105: Option<String>,
    f106: Option<String>,
    f107: Option<String>,
    f108: Option<String>,
    f109: Option<String>,
    f110: Option<String>,
    f111: Option<String>,
    f112: Option<String>,
    f113: Option<String>,
    f114: Option<String>,
    f115: Option<String>,
    f116: Option<String>,
    f117: Option<String>,
    f118: Option<String>,
    f119: Option<String>,
    f120: Option<String>,
    f121: Option<String>,
    f122: Option<String>,
    f123: Option<String>,
    f124: Option<String>,
    f125: Option<String>,
    f126: Option<String>,
    f127: Option<String>,
    f128: Option<String>,
    f129: Option<String>,
    #[schema(required)]
    f130: String,
    f131: Option<String>,
    f132: Option<String>,
    f133: Option<String>,
    f134: Option<String>,
    #[schema(deprecated)]
    f135: Option<String>,
    f136: Option<String>,
    f137: Option<String>,
    #[schema(max_len = 2)]
    f138: Option<String>,
    f139: Option<String>,
}

/// The reports of `body` from both doors (`check_json`, and `from_json`, which must refuse it).
fn both_doors(body: &[u8]) -> [Report; 2] {
    [
        Wide::check_json(body, Options::default()),
        Wide::from_json(body).unwrap_err(),
    ]
}

#[test]
fn fields_past_the_128th_are_read_like_the_first() {
    assert_eq!(Wide::FIELDS.len(), 140);
    let body = br#"{"f139": "a", "f138": "too long", "f135": "x", "f3": "here", "f139": "b",
        "f0": "a", "f0": "b", "f200": 1, "f129": 5}"#;
    for report in both_doors(body) {
        let (errors, warnings) = (errors(&report), warnings(&report));
        assert_eq!(
            errors,
            pairs(&[
                ("f0", Code::DuplicateField),
                ("f129", Code::Type),
                ("f130", Code::Required),
                ("f138", Code::MaxLen),
                ("f139", Code::DuplicateField),
            ]),
            "{report}"
        );
        assert_eq!(
            warnings,
            pairs(&[("f135", Code::Deprecated), ("f200", Code::UnknownField)]),
            "{report}"
        );
    }
    // The same issues from the record built in code (but the repeats and the unknown key,
    // which only JSON can hold).
    let wide = Wide {
        f3: "here".into(),
        f129: None,
        f135: Some("x".into()),
        f138: Some("too long".into()),
        ..Wide::default()
    };
    let report = wide.validate().unwrap_err();
    let (errors, warnings) = (errors(&report), warnings(&report));
    assert_eq!(
        errors,
        pairs(&[("f130", Code::Required), ("f138", Code::MaxLen)])
    );
    assert_eq!(warnings, pairs(&[("f135", Code::Deprecated)]));
    // A body that sets every required field and nothing wrong is valid.
    let parsed = Wide::from_json(br#"{"f3": "a", "f130": "b", "f139": "z"}"#).expect("valid");
    assert_eq!(parsed.record.f139.as_deref(), Some("z"));
    assert_eq!(parsed.record.f130, "b");
}

#[test]
fn fields_of_the_second_word_are_tracked_apart_from_the_first() {
    // Fields 64 to 127 are the second of the two words of the first 128: a repeat is found
    // there, and a field there is not mistaken for the one 64 places before it (nor 128).
    let body = br#"{"f3": "a", "f130": "b", "f70": "x", "f6": "y", "f70": "z", "f127": "w",
        "f63": "v", "f64": "u", "f0": "t", "f128": "s", "f64": "r"}"#;
    for report in both_doors(body) {
        let (errors, warnings) = (errors(&report), warnings(&report));
        assert_eq!(
            errors,
            pairs(&[("f64", Code::DuplicateField), ("f70", Code::DuplicateField)]),
            "{report}"
        );
        assert!(warnings.is_empty(), "{report}");
    }
}
