//! The parsing cases of `JSONTestSuite` (`tests/data/JSONTestSuite/test_parsing`, vendored
//! with its licence and origin) read by `Job::check_json` (lax, default options) and
//! `Job::from_json`, each file in three positions: the whole body, the value of an unknown key
//! and the value of a known text field. The same bytes are JSON or not wherever they stand:
//!
//! - every `y_` file draws no `json_syntax` error (other errors, such as the `type` error of an
//!   array given as the whole body, are not this test's concern);
//! - every `n_` file draws `json_syntax`;
//! - every `i_` file draws the verdict of [`IMPLEMENTATION_DEFINED`], the table of
//!   `docs/decisions.md` ("JSON conformance (`JSONTestSuite`)").
//!
//! Embedding a file appends `}` right after its last byte. That cannot make an `n_` file JSON:
//! `}` completes no token (it ends a number or a literal, and cannot close a string), and if
//! it closes an object the file left open, the enclosing record stays unclosed. Only a file
//! of the form `value , "key": value` would become a valid record, and the suite has none, so
//! no `n_` file needs an exception. Whether a file ends with a newline does not matter
//! either: whitespace may stand between a value and the `}`.
//!
//! Each test collects every mismatch (file, position, reader, expected, got) and asserts on
//! the whole list, so one run shows every failure.

use std::fmt;
use std::fs;
use std::path::Path;

use job_schema::{Code, Job, Options, Report};

/// Where the cases are.
const SUITE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/data/JSONTestSuite/test_parsing"
);

/// How many files of each prefix the vendored suite holds: a missing or partial data folder
/// fails loudly instead of passing on nothing.
const Y_FILES: usize = 95;
/// See [`Y_FILES`].
const N_FILES: usize = 188;
/// See [`Y_FILES`].
const I_FILES: usize = 35;

/// Whether bytes are JSON to the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Verdict {
    /// No `json_syntax` error.
    Json,
    /// A `json_syntax` error.
    JsonSyntax,
}

use Verdict::{Json, JsonSyntax};

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Json => "no json_syntax",
            JsonSyntax => "json_syntax",
        })
    }
}

/// The decided verdict of every `i_` file, the same in every position (`docs/decisions.md`,
/// "JSON conformance (`JSONTestSuite`)"): grammatically valid numbers are JSON whatever their
/// size; lone surrogate escapes, invalid UTF-8 (UTF-16 text included), a UTF-8 byte order mark
/// and nesting deeper than 128 levels are `json_syntax`.
const IMPLEMENTATION_DEFINED: &[(&str, Verdict)] = &[
    ("i_number_double_huge_neg_exp.json", Json),
    ("i_number_huge_exp.json", Json),
    ("i_number_neg_int_huge_exp.json", Json),
    ("i_number_pos_double_huge_exp.json", Json),
    ("i_number_real_neg_overflow.json", Json),
    ("i_number_real_pos_overflow.json", Json),
    ("i_number_real_underflow.json", Json),
    ("i_number_too_big_neg_int.json", Json),
    ("i_number_too_big_pos_int.json", Json),
    ("i_number_very_big_negative_int.json", Json),
    ("i_object_key_lone_2nd_surrogate.json", JsonSyntax),
    ("i_string_1st_surrogate_but_2nd_missing.json", JsonSyntax),
    ("i_string_1st_valid_surrogate_2nd_invalid.json", JsonSyntax),
    ("i_string_UTF-16LE_with_BOM.json", JsonSyntax),
    ("i_string_UTF-8_invalid_sequence.json", JsonSyntax),
    ("i_string_UTF8_surrogate_U+D800.json", JsonSyntax),
    (
        "i_string_incomplete_surrogate_and_escape_valid.json",
        JsonSyntax,
    ),
    ("i_string_incomplete_surrogate_pair.json", JsonSyntax),
    (
        "i_string_incomplete_surrogates_escape_valid.json",
        JsonSyntax,
    ),
    ("i_string_invalid_lonely_surrogate.json", JsonSyntax),
    ("i_string_invalid_surrogate.json", JsonSyntax),
    ("i_string_invalid_utf-8.json", JsonSyntax),
    ("i_string_inverted_surrogates_U+1D11E.json", JsonSyntax),
    ("i_string_iso_latin_1.json", JsonSyntax),
    ("i_string_lone_second_surrogate.json", JsonSyntax),
    ("i_string_lone_utf8_continuation_byte.json", JsonSyntax),
    ("i_string_not_in_unicode_range.json", JsonSyntax),
    ("i_string_overlong_sequence_2_bytes.json", JsonSyntax),
    ("i_string_overlong_sequence_6_bytes.json", JsonSyntax),
    ("i_string_overlong_sequence_6_bytes_null.json", JsonSyntax),
    ("i_string_truncated-utf-8.json", JsonSyntax),
    ("i_string_utf16BE_no_BOM.json", JsonSyntax),
    ("i_string_utf16LE_no_BOM.json", JsonSyntax),
    ("i_structure_500_nested_arrays.json", JsonSyntax),
    ("i_structure_UTF-8_BOM_empty_object.json", JsonSyntax),
];

/// Where a case's bytes stand in the body that is read.
#[derive(Clone, Copy, Debug)]
enum Position {
    /// The bytes as they are.
    WholeBody,
    /// `{"status":"Quote","x_unknown":` + bytes + `}`.
    UnknownKey,
    /// `{"status":"Quote","job_address":` + bytes + `}`.
    KnownTextField,
}

impl Position {
    /// Every position.
    const ALL: [Self; 3] = [Self::WholeBody, Self::UnknownKey, Self::KnownTextField];

    /// The body that holds `case` in this position.
    fn body(self, case: &[u8]) -> Vec<u8> {
        let prefix: &[u8] = match self {
            Self::WholeBody => return case.to_vec(),
            Self::UnknownKey => br#"{"status":"Quote","x_unknown":"#,
            Self::KnownTextField => br#"{"status":"Quote","job_address":"#,
        };
        let mut body = Vec::with_capacity(prefix.len() + case.len() + 1);
        body.extend_from_slice(prefix);
        body.extend_from_slice(case);
        body.push(b'}');
        body
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::WholeBody => "whole body",
            Self::UnknownKey => "unknown key's value",
            Self::KnownTextField => "job_address's value",
        })
    }
}

/// One reading entry point.
#[derive(Clone, Copy, Debug)]
enum Reader {
    /// `Job::check_json` with default (lax) options.
    CheckJson,
    /// `Job::from_json`.
    FromJson,
}

impl Reader {
    /// Both entry points.
    const ALL: [Self; 2] = [Self::CheckJson, Self::FromJson];

    /// The verdict on `body`, and the codes of the errors found (for the failure message).
    fn read(self, body: &[u8]) -> (Verdict, Vec<Code>) {
        let report: Option<Report> = match self {
            Self::CheckJson => Some(Job::check_json(body, Options::default())),
            Self::FromJson => Job::from_json(body).err(),
        };
        let codes: Vec<Code> = report
            .map(|r| r.errors.iter().map(|issue| issue.code).collect())
            .unwrap_or_default();
        let verdict = if codes.contains(&Code::JsonSyntax) {
            JsonSyntax
        } else {
            Json
        };
        (verdict, codes)
    }
}

impl fmt::Display for Reader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::CheckJson => "check_json",
            Self::FromJson => "from_json",
        })
    }
}

/// A case read with a verdict other than the expected one.
struct Mismatch {
    /// The case's file name.
    file: String,
    /// Where its bytes stood.
    position: Position,
    /// Which entry point read them.
    reader: Reader,
    /// The verdict the test wants.
    expected: Verdict,
    /// The verdict found.
    got: Verdict,
    /// The codes of the errors found.
    codes: Vec<Code>,
}

impl fmt::Debug for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<&str> = self.codes.iter().map(|c| c.as_str()).collect();
        write!(
            f,
            "{} as the {} with {}: expected {}, got {} (errors: [{}])",
            self.file,
            self.position,
            self.reader,
            self.expected,
            self.got,
            codes.join(", ")
        )
    }
}

/// The files of the suite whose names start with `prefix`, with their bytes, by name.
fn cases(prefix: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(SUITE);
    let entries = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read the vendored suite at {}: {e}", dir.display()));
    let mut cases: Vec<(String, Vec<u8>)> = entries
        .map(|entry| {
            let entry = entry.unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
            let name = entry
                .file_name()
                .into_string()
                .unwrap_or_else(|name| panic!("file name {} is not UTF-8", name.display()));
            (name, entry.path())
        })
        .filter(|(name, _)| name.starts_with(prefix))
        .map(|(name, path)| {
            let bytes =
                fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            (name, bytes)
        })
        .collect();
    cases.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    cases
}

/// Reads every case in every position with both entry points and returns the mismatches
/// with the verdict `expected` gives for each file.
fn mismatches(cases: &[(String, Vec<u8>)], expected: impl Fn(&str) -> Verdict) -> Vec<Mismatch> {
    let mut found = Vec::new();
    for (file, bytes) in cases {
        let expected = expected(file);
        for position in Position::ALL {
            let body = position.body(bytes);
            for reader in Reader::ALL {
                let (got, codes) = reader.read(&body);
                if got != expected {
                    found.push(Mismatch {
                        file: file.clone(),
                        position,
                        reader,
                        expected,
                        got,
                        codes,
                    });
                }
            }
        }
    }
    found
}

#[test]
fn every_y_file_is_json_in_every_position() {
    let cases = cases("y_");
    assert_eq!(cases.len(), Y_FILES, "y_ files in {SUITE}");
    let found = mismatches(&cases, |_| Json);
    assert!(found.is_empty(), "{} mismatches:\n{found:#?}", found.len());
}

#[test]
fn every_n_file_is_json_syntax_in_every_position() {
    let cases = cases("n_");
    assert_eq!(cases.len(), N_FILES, "n_ files in {SUITE}");
    let found = mismatches(&cases, |_| JsonSyntax);
    assert!(found.is_empty(), "{} mismatches:\n{found:#?}", found.len());
}

#[test]
fn every_i_file_has_its_decided_verdict_in_every_position() {
    let cases = cases("i_");
    assert_eq!(cases.len(), I_FILES, "i_ files in {SUITE}");
    // The table and the folder name the same files, once each.
    let files: Vec<&str> = cases.iter().map(|(file, _)| file.as_str()).collect();
    let mut table: Vec<&str> = IMPLEMENTATION_DEFINED.iter().map(|(f, _)| *f).collect();
    table.sort_unstable();
    assert_eq!(table, files, "the i_ table and the i_ files differ");
    let verdict = |file: &str| {
        IMPLEMENTATION_DEFINED
            .iter()
            .find(|(f, _)| *f == file)
            .map_or_else(|| panic!("{file} has no verdict"), |(_, v)| *v)
    };
    let found = mismatches(&cases, verdict);
    assert!(found.is_empty(), "{} mismatches:\n{found:#?}", found.len());
}
