//! serde's `rename_all` rules, as `serde_derive` applies them to a field name (its
//! `internals/case.rs`, `RenameRule::apply_to_field`): a field name is taken to be
//! `snake_case` already, so `lowercase` and `snake_case` leave it as written, and every change
//! of case is ASCII only.

/// One of serde's eight casings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    Lower,
    Upper,
    Pascal,
    Camel,
    Snake,
    ScreamingSnake,
    Kebab,
    ScreamingKebab,
}

/// The casings by the names `rename_all` takes, in serde's order.
pub const CASES: &[(&str, Case)] = &[
    ("lowercase", Case::Lower),
    ("UPPERCASE", Case::Upper),
    ("PascalCase", Case::Pascal),
    ("camelCase", Case::Camel),
    ("snake_case", Case::Snake),
    ("SCREAMING_SNAKE_CASE", Case::ScreamingSnake),
    ("kebab-case", Case::Kebab),
    ("SCREAMING-KEBAB-CASE", Case::ScreamingKebab),
];

impl Case {
    /// The casing `name` names, if any.
    pub fn from_name(name: &str) -> Option<Case> {
        CASES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, case)| *case)
    }

    /// serde's message for a name that is not a casing.
    pub fn unknown(name: &str) -> String {
        let names: Vec<String> = CASES.iter().map(|(n, _)| format!("{n:?}")).collect();
        format!(
            "unknown rename rule `rename_all = {name:?}`, expected one of {}",
            names.join(", ")
        )
    }

    /// The wire name of the field named `field` (without `r#`).
    pub fn apply(self, field: &str) -> String {
        match self {
            Case::Lower | Case::Snake => field.to_owned(),
            Case::Upper | Case::ScreamingSnake => field.to_ascii_uppercase(),
            Case::Pascal => {
                let mut pascal = String::new();
                let mut capitalize = true;
                for ch in field.chars() {
                    if ch == '_' {
                        capitalize = true;
                    } else if capitalize {
                        pascal.push(ch.to_ascii_uppercase());
                        capitalize = false;
                    } else {
                        pascal.push(ch);
                    }
                }
                pascal
            }
            Case::Camel => {
                let pascal = Case::Pascal.apply(field);
                let mut chars = pascal.chars();
                chars
                    .next()
                    .map(|first| first.to_ascii_lowercase().to_string() + chars.as_str())
                    .unwrap_or_default()
            }
            Case::Kebab => field.replace('_', "-"),
            Case::ScreamingKebab => field.to_ascii_uppercase().replace('_', "-"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Case;

    /// `serde_derive`'s own table (`case.rs`, `rename_fields`), row by row.
    #[test]
    fn the_casings_are_serdes() {
        let rows: &[(&str, [&str; 8])] = &[
            (
                "outcome",
                [
                    "outcome", "OUTCOME", "Outcome", "outcome", "outcome", "OUTCOME", "outcome",
                    "OUTCOME",
                ],
            ),
            (
                "very_tasty",
                [
                    "very_tasty",
                    "VERY_TASTY",
                    "VeryTasty",
                    "veryTasty",
                    "very_tasty",
                    "VERY_TASTY",
                    "very-tasty",
                    "VERY-TASTY",
                ],
            ),
            ("a", ["a", "A", "A", "a", "a", "A", "a", "A"]),
            (
                "z42",
                ["z42", "Z42", "Z42", "z42", "z42", "Z42", "z42", "Z42"],
            ),
        ];
        for (field, expected) in rows {
            for ((name, case), want) in super::CASES.iter().zip(expected) {
                assert_eq!(case.apply(field), *want, "{name} of {field}");
            }
        }
    }

    #[test]
    fn names_not_in_snake_case_keep_their_letters() {
        assert_eq!(Case::Lower.apply("jobID"), "jobID");
        assert_eq!(Case::Camel.apply("Job_id"), "jobId");
        assert_eq!(Case::Pascal.apply("_job__id_"), "JobId");
        assert_eq!(Case::Upper.apply("café"), "CAFé");
        assert_eq!(Case::Camel.apply("été_x"), "étéX");
    }
}
