//! The runs of presence warnings and missing fields (`read_object`'s end) against one span
//! each (the oracle, `walker::ONE_SPAN_EACH`): `Job` and a small struct whose warnings and
//! missing fields interleave, fields past 64 and 128 (the upper word of the places' bit set,
//! and the fields read one by one), nested objects, objects compacted within `ISSUE_LIMIT`,
//! the array door; and that runs form at all (spans counted).

use super::walker::ONE_SPAN_EACH;
use crate::sink::SPANS_CLOSED;
use crate::test_rng::Rng;
use crate::{Code, Issue, Job, Options, Schema};

/// A struct of 140 fields: fifteen groups of eight (required, deprecated, read-only, plain,
/// with and without rules, so that places 63 and 64 hold a read-only and a required field),
/// then twenty chosen around places 126–129 (a deprecated field at 126 before a required
/// one at 127, both sides of 128).
macro_rules! broad {
    ($($a:ident $b:ident $c:ident $d:ident $e:ident $f:ident $g:ident $h:ident;)*) => {
        #[derive(Debug, crate::Schema)]
        struct Broad {
            $(
                #[schema(required, max_len = 1)]
                $a: String,
                #[schema(deprecated)]
                $b: Option<String>,
                #[schema(read_only, max_len = 2)]
                $c: Option<String>,
                #[schema(max_len = 1)]
                $d: Option<String>,
                #[schema(required)]
                $e: String,
                #[schema(deprecated, uuid)]
                $f: Option<String>,
                $g: Option<String>,
                #[schema(read_only)]
                $h: Option<String>,
            )*
            #[schema(required)]
            f120: String,
            #[schema(deprecated)]
            f121: Option<String>,
            f122: Option<String>,
            #[schema(read_only, max_len = 1)]
            f123: Option<String>,
            #[schema(required, max_len = 1)]
            f124: String,
            #[schema(deprecated, max_len = 2)]
            f125: Option<String>,
            #[schema(deprecated)]
            f126: Option<String>,
            #[schema(required, max_len = 1)]
            f127: String,
            #[schema(deprecated)]
            f128: Option<String>,
            #[schema(required)]
            f129: String,
            #[schema(read_only, max_len = 1)]
            f130: Option<String>,
            #[schema(required, uuid)]
            f131: String,
            f132: Option<String>,
            #[schema(deprecated)]
            f133: Option<String>,
            #[schema(required, max_len = 1)]
            f134: String,
            #[schema(read_only)]
            f135: Option<String>,
            #[schema(deprecated, uuid)]
            f136: Option<String>,
            #[schema(required)]
            f137: String,
            #[schema(max_len = 1)]
            f138: Option<String>,
            #[schema(read_only)]
            f139: Option<String>,
        }
    };
}

broad! {
    f0 f1 f2 f3 f4 f5 f6 f7;
    f8 f9 f10 f11 f12 f13 f14 f15;
    f16 f17 f18 f19 f20 f21 f22 f23;
    f24 f25 f26 f27 f28 f29 f30 f31;
    f32 f33 f34 f35 f36 f37 f38 f39;
    f40 f41 f42 f43 f44 f45 f46 f47;
    f48 f49 f50 f51 f52 f53 f54 f55;
    f56 f57 f58 f59 f60 f61 f62 f63;
    f64 f65 f66 f67 f68 f69 f70 f71;
    f72 f73 f74 f75 f76 f77 f78 f79;
    f80 f81 f82 f83 f84 f85 f86 f87;
    f88 f89 f90 f91 f92 f93 f94 f95;
    f96 f97 f98 f99 f100 f101 f102 f103;
    f104 f105 f106 f107 f108 f109 f110 f111;
    f112 f113 f114 f115 f116 f117 f118 f119;
}

/// Objects inside an object: the inner orders' spans within the outer one's.
#[derive(Debug, Schema)]
struct Nest {
    #[schema(deprecated)]
    a: Option<String>,
    #[schema(required)]
    b: String,
    inner: Option<Interleaved>,
    #[schema(read_only, max_len = 1)]
    c: Option<String>,
    #[schema(required, max_len = 1)]
    d: String,
    broad: Option<Broad>,
    #[schema(deprecated)]
    e: Option<String>,
}

/// Values that draw an error, a warning or nothing, depending on the field.
const VALUES: [&str; 11] = [
    "\"x\"",
    "\"\"",
    "null",
    "0",
    "1",
    "\"c7319be2-03f5-46fc-be02-2341cca844db\"",
    "\"2024-01-02 03:04:05\"",
    "[1]",
    "{}",
    "\"Quote\"",
    "\"abc\"",
];

/// Which struct an object is written for.
#[derive(Clone, Copy)]
enum Of {
    Broad,
    Interleaved,
    Nest,
}

/// A random object of `keys` keys of `of` (a tenth unknown, some repeated), nested objects
/// for `Nest`'s nested fields down to depth 2.
fn object(rng: &mut Rng, of: Of, keys: usize, depth: u8) -> String {
    let fields = match of {
        Of::Broad => Broad::FIELDS,
        Of::Interleaved => Interleaved::FIELDS,
        Of::Nest => Nest::FIELDS,
    };
    let mut body = String::from("{");
    for k in 0..keys {
        if k > 0 {
            body.push(',');
        }
        let key = if rng.below(10) == 0 {
            ["unknown_k", "zz"][rng.below(2)]
        } else {
            fields[rng.below(fields.len())].name
        };
        body.push('"');
        body.push_str(key);
        body.push_str("\":");
        match (of, key) {
            (Of::Nest, "inner") if depth < 2 => {
                let n = rng.below(12);
                body.push_str(&object(rng, Of::Interleaved, n, depth + 1));
            }
            (Of::Nest, "broad") if depth < 2 => {
                let n = rng.below(200);
                body.push_str(&object(rng, Of::Broad, n, depth + 1));
            }
            _ => body.push_str(VALUES[rng.below(VALUES.len())]),
        }
    }
    body.push('}');
    body
}

/// The reports of both doors and of the array door for `body`, and the spans closed.
fn reports<S: Schema>(body: &[u8], options: Options) -> (String, u64) {
    SPANS_CLOSED.with(|count| count.set(0));
    let checked = S::check_json(body, options);
    let built = S::from_json_with(body, options).map(|parsed| parsed.warnings);
    let array = [b"[".as_slice(), body, b"]"].concat();
    let listed = S::check_json_array(&array, options);
    let spans = SPANS_CLOSED.with(std::cell::Cell::get);
    (format!("{checked:?}\n{built:?}\n{listed:?}"), spans)
}

/// Asserts that `body` reads the same with runs as with one span each.
fn same_as_one_span_each<S: Schema>(body: &str, options: Options) {
    let (with_runs, _) = reports::<S>(body.as_bytes(), options);
    ONE_SPAN_EACH.with(|flag| flag.set(true));
    let (oracle, _) = reports::<S>(body.as_bytes(), options);
    ONE_SPAN_EACH.with(|flag| flag.set(false));
    assert_eq!(with_runs, oracle, "{body}");
}

/// The option sets: lax, strict (presence warnings and missing fields in one list), the
/// record and update directions.
fn option_sets() -> [Options; 5] {
    [
        Options::default(),
        Options::default().strict(),
        Options::default().record(),
        Options::default().update(),
        Options::default().strict().update(),
    ]
}

#[test]
fn wide_and_nested_objects_read_as_with_one_span_each() {
    let mut rng = Rng::new(0x5EED_0F18);
    let options = option_sets();
    for round in 0..1_500 {
        let options = options[round % options.len()];
        let n = rng.below(220);
        same_as_one_span_each::<Broad>(&object(&mut rng, Of::Broad, n, 0), options);
        let n = rng.below(14);
        same_as_one_span_each::<Nest>(&object(&mut rng, Of::Nest, n, 0), options);
    }
    // A deprecated field at 126 present, the required one at 127 missing, and fields past
    // 128 either way.
    for options in option_sets() {
        same_as_one_span_each::<Broad>(r#"{"f126": "long", "f64": "x", "f128": "y"}"#, options);
        same_as_one_span_each::<Broad>(r#"{"f126": "x"}"#, options);
    }
}

#[test]
fn compacted_objects_read_as_with_one_span_each() {
    // Thousands of keys, repeated: more than twice `ISSUE_LIMIT` issues in one object, so
    // the order compacts, then the presence warnings and missing fields come after.
    let mut rng = Rng::new(0xC0DE_1818);
    let options = option_sets();
    for round in 0..40 {
        let options = options[round % options.len()];
        let n = 2_100 + rng.below(2_500);
        for of in [Of::Broad, Of::Interleaved, Of::Nest] {
            let body = object(&mut rng, of, n, 0);
            match of {
                Of::Broad => same_as_one_span_each::<Broad>(&body, options),
                Of::Interleaved => same_as_one_span_each::<Interleaved>(&body, options),
                Of::Nest => same_as_one_span_each::<Nest>(&body, options),
            }
        }
    }
}

#[test]
fn presence_warnings_in_order_close_one_span() {
    // Four deprecated and read-only fields present, every required field given, no other
    // issue: one run, so one span for the object (and one for the array's element).
    let body = r#"{"b": "x", "a": "x", "c": "c7319be2-03f5-46fc-be02-2341cca844db",
        "d": "x", "f": "x", "h": "x", "e": "c7319be2-03f5-46fc-be02-2341cca844db"}"#;
    let options = Options::default();
    let report = Interleaved::check_json(body.as_bytes(), options);
    assert_eq!(
        (report.errors.len(), report.warnings.len()),
        (0, 3),
        "{report}"
    );
    let (_, spans) = reports::<Interleaved>(body.as_bytes(), options);
    // Three entry points (check, build, array), one span each.
    assert_eq!(spans, 3);
    ONE_SPAN_EACH.with(|flag| flag.set(true));
    let (_, oracle_spans) = reports::<Interleaved>(body.as_bytes(), options);
    ONE_SPAN_EACH.with(|flag| flag.set(false));
    assert_eq!(oracle_spans, 3 * 3);
}

/// Fields whose presence warnings and missing-field errors interleave, in strict mode in
/// one list.
#[derive(Debug, Schema)]
struct Interleaved {
    #[schema(required, max_len = 3)]
    a: String,
    #[schema(deprecated)]
    b: Option<String>,
    #[schema(required, uuid)]
    c: String,
    #[schema(read_only, max_len = 2)]
    d: Option<String>,
    #[schema(deprecated = "Gone.", uuid)]
    e: Option<String>,
    #[schema(required)]
    f: String,
    #[schema(read_only)]
    g: Option<String>,
    #[schema(required, max_len = 1)]
    h: String,
    #[schema(deprecated)]
    i: Option<String>,
}

/// A random object of keys from `names` (some repeated, some unknown or custom), values
/// from a small pool that draws errors, warnings or nothing.
fn random_object(rng: &mut Rng, names: &[&str]) -> String {
    let extra = ["unknown_k", "statuss", "customfield_x", "aa"];
    let mut body = String::from("{");
    for k in 0..rng.below(names.len() + 4) {
        if k > 0 {
            body.push(',');
        }
        let key = if rng.below(8) == 0 {
            extra[rng.below(extra.len())]
        } else {
            names[rng.below(names.len())]
        };
        body.push('"');
        body.push_str(key);
        body.push_str("\": ");
        body.push_str(VALUES[rng.below(VALUES.len())]);
    }
    body.push('}');
    body
}

#[test]
fn presence_and_missing_runs_give_the_reports_of_one_span_each() {
    let mut rng = Rng::new(0x0ADE_5EED);
    let options = option_sets();
    let job: Vec<&str> = Job::FIELDS.iter().map(|f| f.name).collect();
    let interleaved: Vec<&str> = Interleaved::FIELDS.iter().map(|f| f.name).collect();
    // Bodies whose report holds issues of several presence warnings and missing fields in
    // one list, with other issues among them: the cases where runs must be split.
    let mut split = 0;
    for round in 0..3_000 {
        let options = options[round % options.len()];
        for (names, job_body) in [(&job, true), (&interleaved, false)] {
            let body = random_object(&mut rng, names);
            let report = if job_body {
                same_as_one_span_each::<Job>(&body, options);
                Job::check_json(body.as_bytes(), options)
            } else {
                same_as_one_span_each::<Interleaved>(&body, options);
                Interleaved::check_json(body.as_bytes(), options)
            };
            let kinds = |issues: &[Issue]| {
                let lead = issues.iter().filter(|i| {
                    matches!(i.code, Code::Deprecated | Code::ReadOnly | Code::Required)
                });
                (lead.count(), issues.len())
            };
            for (lead, all) in [kinds(&report.errors), kinds(&report.warnings)] {
                split += usize::from(lead >= 2 && all > lead);
            }
        }
    }
    assert!(split > 1_000, "{split}");
}
