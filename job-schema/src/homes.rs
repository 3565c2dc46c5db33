//! Keys that are not fields of a record but have a home elsewhere: a field of the record
//! under another name, another endpoint of the API, or both.
//!
//! Integrators send keys that name what they mean in their own words (`job_number`,
//! `contact_email`, `tags`). Such a key is still an `unknown_field` warning (an error under
//! `deny_unknown_fields`), but its message and its `params` say where the value belongs
//! (`{"home": ["purchase_order_number"]}`), in place of the "did you mean" guess that edit
//! distance would make (`job_number` is three edits from `geo_number`, which is not its home).
//!
//! A record names its table with `#[schema(homes = PATH)]`, a `&'static [Home]`; without
//! it, [`Schema::HOMES`](crate::Schema::HOMES) is empty and unknown keys are judged as
//! before. [`JOB_HOMES`] is the table of [`Job`](crate::Job).
//!
//! A key matches an entry when the two are equal once ASCII letters are folded to lower case
//! and `_`, `-` and spaces are dropped: `job_number`, `Job_Number`, `jobNumber` and
//! `JOB-NUMBER` all find the entry `job_number`. Matching reads at most
//! [`HOME_KEY_LIMIT`] bytes of a key, so a key of any length costs at most a constant
//! beyond the reading of it.
//!
//! ```
//! use job_schema::homes::{self, JOB_HOMES};
//! use job_schema::{Code, Job, Options, Schema};
//!
//! let home = homes::find(JOB_HOMES, "PO_Number").unwrap();
//! assert_eq!(home.places, ["purchase_order_number"]);
//!
//! let report = Job::check_json(br#"{"status": "Quote", "job_number": "1042"}"#, Options::default());
//! let warning = &report.warnings[0];
//! assert_eq!(warning.code, Code::UnknownField);
//! assert_eq!(*warning.params.home().unwrap(), ["generated_job_id"]);
//! assert_eq!(warning.params.suggestion(), None);
//! ```

/// A key that is not a field, and where its value belongs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Home {
    /// The key as clients send it, in `snake_case` (see the module's docs for the variants
    /// that match it).
    pub key: &'static str,
    /// Where the value belongs, in order of preference: the wire name of a field of the same
    /// record, or the path of another endpoint, which starts with `/`
    /// (`/api_1.0/jobcontact.json`). `params.home` of the warning holds them as they are.
    pub places: &'static [&'static str],
    /// The warning's message, after "is not a field of this record; ": says what to do and
    /// names every place.
    pub advice: &'static str,
}

/// The most bytes of a key that matching reads: a longer key (after the first
/// `HOME_KEY_LIMIT` bytes, separators included) matches no entry.
pub const HOME_KEY_LIMIT: usize = 64;

/// The entry of `homes` that `key` matches, if one does (see the module's docs).
///
/// ```
/// use job_schema::homes::{find, JOB_HOMES};
/// assert_eq!(find(JOB_HOMES, "Contact-Email").unwrap().key, "contact_email");
/// assert!(find(JOB_HOMES, "contact_emails").is_none());
/// assert!(find(&[], "job_number").is_none());
/// ```
pub fn find<'h>(homes: &'h [Home], key: &str) -> Option<&'h Home> {
    if homes.is_empty() {
        return None;
    }
    let mut folded = [0u8; HOME_KEY_LIMIT];
    let key = fold(key.as_bytes(), &mut folded)?;
    // Most entries differ from the key in their first or last byte once folded: those two
    // are compared before the whole entry is. Setting bit 5 lower-cases a letter and leaves
    // two bytes equal that fold to the same byte (an entry that starts or ends with a
    // separator is compared whole).
    let (Some(&first), Some(&last)) = (key.first(), key.last()) else {
        return homes.iter().find(|home| folds_to(home.key.as_bytes(), key));
    };
    let near = |b: u8, folded: u8| b | 0x20 == folded | 0x20 || is_separator(b);
    homes.iter().find(|home| {
        let entry = home.key.as_bytes();
        match (entry.first(), entry.last()) {
            (Some(&a), Some(&z)) => near(a, first) && near(z, last) && folds_to(entry, key),
            _ => false,
        }
    })
}

/// `text` with ASCII letters lower-cased and `_`, `-` and spaces dropped, written into
/// `out`; `None` when `text` is longer than [`HOME_KEY_LIMIT`] bytes.
fn fold<'o>(text: &[u8], out: &'o mut [u8; HOME_KEY_LIMIT]) -> Option<&'o [u8]> {
    if text.len() > HOME_KEY_LIMIT {
        return None;
    }
    let mut len = 0;
    for &b in text {
        if !is_separator(b) {
            out[len] = b.to_ascii_lowercase();
            len += 1;
        }
    }
    Some(&out[..len])
}

/// Whether `entry` folds (as [`fold`] does) to `folded`, read until the first difference: a
/// table is compared with a key without folding each entry in full.
fn folds_to(entry: &[u8], folded: &[u8]) -> bool {
    let mut rest = folded.iter();
    entry
        .iter()
        .filter(|&&b| !is_separator(b))
        .all(|b| rest.next() == Some(&b.to_ascii_lowercase()))
        && rest.next().is_none()
}

/// The bytes a key may hold or not without changing its entry.
const fn is_separator(b: u8) -> bool {
    matches!(b, b'_' | b'-' | b' ')
}

/// The `JobContact` endpoint.
const JOB_CONTACT: &str = "/api_1.0/jobcontact.json";
/// The `JobActivity` endpoint (scheduling).
const JOB_ACTIVITY: &str = "/api_1.0/jobactivity.json";
/// The Company endpoint (clients).
const COMPANY: &str = "/api_1.0/company.json";
/// The Note endpoint.
const NOTE: &str = "/api_1.0/note.json";

/// An entry whose value belongs to the `JobContact` endpoint.
const fn contact(key: &'static str) -> Home {
    Home {
        key,
        places: &[JOB_CONTACT],
        advice: "contacts are not part of a job: create a JobContact (POST /api_1.0/jobcontact.json) with the job's uuid",
    }
}

/// An entry whose value belongs to the `JobActivity` endpoint.
const fn activity(key: &'static str) -> Home {
    Home {
        key,
        places: &[JOB_ACTIVITY],
        advice: "scheduling is not part of a job: create a JobActivity (POST /api_1.0/jobactivity.json) with the job's uuid",
    }
}

/// An entry whose value belongs in `badges`.
const fn badge(key: &'static str) -> Home {
    Home {
        key,
        places: &["badges"],
        advice: "badges go in `badges`, a string holding a JSON array of badge UUIDs, such as `\"[\\\"<badge uuid>\\\"]\"`",
    }
}

/// An entry whose value is a company.
const fn company(key: &'static str) -> Home {
    Home {
        key,
        places: &["company_uuid", COMPANY],
        advice: "a job names its client by `company_uuid`; find or create the client at the Company endpoint (/api_1.0/company.json)",
    }
}

/// An entry whose value is a note.
const fn note(key: &'static str) -> Home {
    Home {
        key,
        places: &["job_description", NOTE],
        advice: "the job's text goes in `job_description`; a note is created at the Note endpoint (POST /api_1.0/note.json) with the job's uuid",
    }
}

/// The keys that are not fields of [`Job`](crate::Job) but have a home, as integrators send
/// them (issue 15 of the repository lists where each was seen).
///
/// `job-schema fields --homes` prints this table.
pub const JOB_HOMES: &[Home] = &[
    Home {
        key: "job_number",
        places: &["generated_job_id"],
        advice: "the API numbers jobs itself and returns the number as `generated_job_id` (read-only); leave it out",
    },
    Home {
        key: "job_id",
        places: &["generated_job_id"],
        advice: "the API numbers jobs itself and returns the number as `generated_job_id` (read-only); leave it out",
    },
    contact("contact_first"),
    contact("contact_last"),
    contact("contact_email"),
    contact("contact_phone"),
    contact("contact_name"),
    activity("scheduled_start"),
    activity("scheduled_end"),
    activity("scheduled_duration"),
    activity("start_date"),
    badge("tags"),
    badge("tag"),
    badge("job_tags"),
    badge("labels"),
    badge("badge"),
    badge("flags"),
    company("company_name"),
    company("client_name"),
    note("job_notes"),
    note("notes"),
    Home {
        key: "address",
        places: &["job_address"],
        advice: "the job's address goes in `job_address`",
    },
    Home {
        key: "po_number",
        places: &["purchase_order_number"],
        advice: "the purchase order number goes in `purchase_order_number`",
    },
    Home {
        key: "purchase_order",
        places: &["purchase_order_number"],
        advice: "the purchase order number goes in `purchase_order_number`",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Job, Schema};

    #[test]
    fn every_place_is_a_field_of_job_or_an_endpoint_and_the_advice_names_it() {
        for home in JOB_HOMES {
            assert!(!home.places.is_empty(), "{}", home.key);
            for place in home.places {
                if place.starts_with('/') {
                    let name = place.strip_prefix("/api_1.0/").unwrap();
                    let name = name.strip_suffix(".json").unwrap();
                    assert!(name.bytes().all(|b| b.is_ascii_lowercase()), "{place}");
                } else {
                    assert!(
                        Job::FIELDS.iter().any(|f| f.name == *place),
                        "{place} is not a field"
                    );
                    assert!(home.advice.contains(&format!("`{place}`")), "{}", home.key);
                    continue;
                }
                assert!(home.advice.contains(place), "{}", home.key);
            }
            // A key with a home is not a field itself, and is found as written.
            assert!(Job::FIELDS.iter().all(|f| f.name != home.key));
            assert_eq!(find(JOB_HOMES, home.key), Some(home));
        }
    }

    #[test]
    fn the_issue_lists_every_key() {
        let keys: Vec<&str> = JOB_HOMES.iter().map(|h| h.key).collect();
        assert_eq!(
            keys,
            [
                "job_number",
                "job_id",
                "contact_first",
                "contact_last",
                "contact_email",
                "contact_phone",
                "contact_name",
                "scheduled_start",
                "scheduled_end",
                "scheduled_duration",
                "start_date",
                "tags",
                "tag",
                "job_tags",
                "labels",
                "badge",
                "flags",
                "company_name",
                "client_name",
                "job_notes",
                "notes",
                "address",
                "po_number",
                "purchase_order",
            ]
        );
    }

    #[test]
    fn variants_of_case_and_separators_match_and_nothing_else() {
        for key in [
            "job_number",
            "Job_Number",
            "JOB_NUMBER",
            "jobNumber",
            "JobNumber",
            "job-number",
            "job number",
            "jobnumber",
            "_job_number_",
        ] {
            assert_eq!(
                find(JOB_HOMES, key).map(|h| h.key),
                Some("job_number"),
                "{key}"
            );
        }
        for key in [
            "job_numbers",
            "job_numbe",
            "job.number",
            "jöb_number",
            "",
            "_",
            "job_number\u{0}",
        ] {
            assert_eq!(find(JOB_HOMES, key), None, "{key:?}");
        }
        // A key past the limit matches nothing, whatever it holds.
        let long = format!("{}job_number", "_".repeat(HOME_KEY_LIMIT));
        assert_eq!(find(JOB_HOMES, &long), None);
        let at_limit = format!("{}job_number", "_".repeat(HOME_KEY_LIMIT - 10));
        assert_eq!(
            find(JOB_HOMES, &at_limit).map(|h| h.key),
            Some("job_number")
        );
    }
    #[test]
    fn the_ends_compared_first_change_no_answer() {
        // Every entry folded in full and compared, in table order.
        fn plain<'h>(homes: &'h [Home], key: &str) -> Option<&'h Home> {
            let fold_all = |text: &str| -> Vec<u8> {
                text.bytes()
                    .filter(|&b| !is_separator(b))
                    .map(|b| b.to_ascii_lowercase())
                    .collect()
            };
            if key.len() > HOME_KEY_LIMIT {
                return None;
            }
            homes.iter().find(|h| fold_all(h.key) == fold_all(key))
        }
        // Entries of one byte, of separators only, and sharing first and last bytes.
        let mut table: Vec<Home> = JOB_HOMES.to_vec();
        for key in ["a", "_", "", "a_a", "aa", "t_s", "ts", "-X-"] {
            table.push(Home {
                key,
                places: &["x"],
                advice: "x",
            });
        }
        let mut rng = crate::test_rng::Rng::new(0x4053_u64);
        let mut found = 0;
        for round in 0..20_000 {
            let mut key: Vec<u8> = if round % 7 == 0 {
                Vec::new()
            } else {
                table[rng.below(table.len())].key.bytes().collect()
            };
            for _ in 0..rng.below(4) {
                let b = b"_- aAtsXx"[rng.below(9)];
                let at = rng.below(key.len() + 1);
                match rng.below(3) {
                    0 => key.insert(at, b),
                    1 if at < key.len() => key[at] = b,
                    _ if at < key.len() => drop(key.remove(at)),
                    _ => key.push(b),
                }
            }
            let key = String::from_utf8(key).unwrap();
            let expected = plain(&table, &key);
            found += usize::from(expected.is_some());
            assert_eq!(find(&table, &key), expected, "{key:?}");
        }
        assert!((2_000..19_000).contains(&found), "{found}");
    }
}
