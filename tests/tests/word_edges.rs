//! Structs of 64 and 65 fields, either side of the reader's one-word field set
//! (`Layout::FEW`: at most 64 fields use one `u64`): repeats and required fields at the
//! last place of the first word and the first of the second are found, and a field is not
//! taken for the one 64 places before it.

use job_schema::{Code, Options, Schema};
use job_schema_tests::{errors, pairs};

/// `Edge64` and `Edge65`: the fields `f0` to `f62` given once, then `f63` required in both
/// and `f64` required in the second.
macro_rules! edges {
    ($($field:ident),*) => {
        /// A struct of 64 fields.
        #[derive(Schema, Default, Debug)]
        struct Edge64 {
            $($field: Option<String>,)*
            #[schema(required)]
            f63: String,
        }

        /// A struct of 65 fields.
        #[derive(Schema, Default, Debug)]
        struct Edge65 {
            $($field: Option<String>,)*
            #[schema(required)]
            f63: String,
            #[schema(required)]
            f64: String,
        }
    };
}

edges!(
    f0, f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12, f13, f14, f15, f16, f17, f18, f19, f20,
    f21, f22, f23, f24, f25, f26, f27, f28, f29, f30, f31, f32, f33, f34, f35, f36, f37, f38, f39,
    f40, f41, f42, f43, f44, f45, f46, f47, f48, f49, f50, f51, f52, f53, f54, f55, f56, f57, f58,
    f59, f60, f61, f62
);

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

#[test]
fn a_struct_of_64_fields_tracks_its_last_field_in_the_one_word() {
    assert_eq!(Edge64::FIELDS.len(), 64);
    assert_eq!(read::<Edge64>(br#"{"f63": "a", "f0": "b"}"#), []);
    assert_eq!(
        read::<Edge64>(br#"{"f63": "a", "f0": "b", "f63": "c"}"#),
        pairs(&[("f63", Code::DuplicateField)])
    );
    assert_eq!(
        read::<Edge64>(br#"{"f0": "a", "f62": "b"}"#),
        pairs(&[("f63", Code::Required)])
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
        pairs(&[("f0", Code::DuplicateField), ("f64", Code::DuplicateField)])
    );
    assert_eq!(
        read::<Edge65>(br#"{"f0": "a", "f1": "b"}"#),
        pairs(&[("f63", Code::Required), ("f64", Code::Required)])
    );
    assert_eq!(
        read::<Edge65>(br#"{"f63": "a"}"#),
        pairs(&[("f64", Code::Required)])
    );
}
