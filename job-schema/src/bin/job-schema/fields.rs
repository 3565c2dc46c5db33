//! `job-schema fields`: the job record's field table, read from what the derive generated,
//! as text, JSON or the Markdown page committed as `docs/FIELDS.md`.

mod markdown;

use std::fmt::Write as _;
use std::process::ExitCode;

use job_schema::homes::Home;
use job_schema::{FieldClass, FieldSpec, Job, JsonType, JsonTypes, Mode, Rule, Schema};
use serde_json::{json, Value};

use crate::args::{FieldsArgs, FieldsFormat};

/// Prints the table; exit status 2 when standard output cannot be written.
pub fn run(args: &FieldsArgs) -> ExitCode {
    if args.homes {
        return crate::output::print_all(&homes(<Job as Schema>::HOMES, args.format));
    }
    let rows = rows(<Job as Schema>::FIELDS, "");
    let text = match args.format {
        FieldsFormat::Text => text(&rows),
        FieldsFormat::Markdown => markdown::page(&rows),
        FieldsFormat::Json => {
            let fields: Vec<Value> = rows.iter().map(Row::to_json).collect();
            let mut text = serde_json::to_string_pretty(&fields).unwrap_or_default();
            text.push('\n');
            text
        }
    };
    crate::output::print_all(&text)
}

/// One line of the table.
struct Row {
    name: String,
    class: &'static str,
    note: Option<&'static str>,
    required: bool,
    lax: JsonTypes,
    strict: JsonTypes,
    rules: &'static [Rule],
    description: String,
}

/// The rows of `fields` (nested tables flattened to `parent.child`), then the custom keys.
fn rows(fields: &'static [FieldSpec], prefix: &str) -> Vec<Row> {
    let mut table = Vec::new();
    for field in fields {
        let name = format!("{prefix}{}", field.name);
        let note = match field.class {
            FieldClass::Deprecated(note) => note,
            _ => None,
        };
        table.push(Row {
            name: name.clone(),
            class: field.class.as_str(),
            note,
            required: field.is_required(),
            lax: field.json_types(Mode::Lax),
            strict: field.json_types(Mode::Strict),
            rules: field.rules,
            description: one_paragraph(field.doc),
        });
        if let Some(nested) = field.nested {
            table.extend(rows(nested, &format!("{name}.")));
        }
    }
    if prefix.is_empty() {
        if let Some(custom) = <Job as Schema>::CUSTOM_PREFIX {
            table.push(Row {
                name: format!("{custom}*"),
                class: "custom",
                note: None,
                required: false,
                lax: JsonTypes::one(JsonType::String).with(JsonType::Null),
                strict: JsonTypes::one(JsonType::String),
                rules: &[],
                description: format!(
                    "A custom field of the account: any key `{custom}` followed by one or more \
                     of `[a-z0-9_]`, holding a string. Kept, and never warned about."
                ),
            });
        }
    }
    table
}

/// A doc comment on one line: its paragraphs joined, each ended with a full stop if it has
/// no closing punctuation of its own.
fn one_paragraph(doc: &str) -> String {
    let mut line = String::new();
    for paragraph in doc.split("\n\n") {
        let words: Vec<&str> = paragraph.split_whitespace().collect();
        if words.is_empty() {
            continue;
        }
        if !line.is_empty() {
            if !line.ends_with(['.', '!', '?', ':', ';']) {
                line.push('.');
            }
            line.push(' ');
        }
        line.push_str(&words.join(" "));
    }
    line
}

/// A rule as it is written in `#[schema(...)]`.
fn rule_text(rule: &Rule) -> String {
    match rule {
        Rule::MaxLen(limit) => format!("max_len = {limit}"),
        Rule::EnumStrs(values) => {
            let values: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
            format!("enum_values({})", values.join(", "))
        }
        Rule::EnumInts(values) => {
            let values: Vec<String> = values.iter().map(ToString::to_string).collect();
            format!("enum_values({})", values.join(", "))
        }
        Rule::Range { min, max } => format!("range(min = {min}, max = {max})"),
        other => other.name().to_owned(),
    }
}

fn rule_json(rule: &Rule) -> Value {
    match rule {
        Rule::MaxLen(limit) => json!({ "rule": rule.name(), "limit": limit }),
        Rule::EnumStrs(values) => json!({ "rule": rule.name(), "allowed": values }),
        Rule::EnumInts(values) => json!({ "rule": rule.name(), "allowed": values }),
        Rule::Range { min, max } => json!({ "rule": rule.name(), "min": min, "max": max }),
        other => json!({ "rule": other.name() }),
    }
}

fn types_text(types: JsonTypes) -> String {
    types
        .iter()
        .map(JsonType::as_str)
        .collect::<Vec<_>>()
        .join(",")
}

impl Row {
    fn to_json(&self) -> Value {
        let mut value = json!({
            "name": self.name,
            "class": self.class,
            "required": self.required,
            "types": { "lax": self.lax, "strict": self.strict },
            "rules": self.rules.iter().map(rule_json).collect::<Vec<_>>(),
            "description": self.description,
        });
        if let (Some(note), Some(object)) = (self.note, value.as_object_mut()) {
            object.insert("note".to_owned(), json!(note));
        }
        value
    }

    /// The doc comment, followed by the deprecation note when the comment does not hold it.
    fn full_description(&self) -> String {
        let mut description = self.description.clone();
        if let Some(note) = self.note {
            if !description.contains(note) {
                if !description.is_empty() {
                    description.push(' ');
                }
                let _ = write!(description, "Deprecated: {note}");
            }
        }
        description
    }

    fn rules_text(&self) -> String {
        let rules: Vec<String> = self.rules.iter().map(rule_text).collect();
        if rules.is_empty() {
            "-".to_owned()
        } else {
            rules.join(", ")
        }
    }
}

/// The keys with a home, in `format`: an aligned table of key and places, each followed by
/// the warning's advice; a JSON array of `{"key", "home", "advice"}`; or the Markdown section
/// of the page.
fn homes(homes: &[Home], format: FieldsFormat) -> String {
    match format {
        FieldsFormat::Text => {
            let width = homes.iter().map(|h| h.key.len()).max().unwrap_or(0).max(3);
            let mut out = format!("{:<width$}  HOME\n", "KEY");
            for home in homes {
                let _ = writeln!(out, "{:<width$}  {}", home.key, home.places.join(", "));
                let _ = writeln!(out, "    {}", home.advice);
            }
            out
        }
        FieldsFormat::Json => {
            let homes: Vec<Value> = homes
                .iter()
                .map(|h| json!({ "key": h.key, "home": h.places, "advice": h.advice }))
                .collect();
            let mut text = serde_json::to_string_pretty(&homes).unwrap_or_default();
            text.push('\n');
            text
        }
        FieldsFormat::Markdown => markdown::homes(homes),
    }
}

/// An aligned table, each row followed by its description, indented.
fn text(rows: &[Row]) -> String {
    let header = ["FIELD", "CLASS", "LAX TYPES", "STRICT TYPES", "RULES"];
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|row| {
            [
                row.name.clone(),
                row.class.to_owned(),
                types_text(row.lax),
                types_text(row.strict),
                row.rules_text(),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &cells {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, cells: [&str; 5]| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i + 1 == cells.len() {
                text.push_str(cell);
            } else {
                let _ = write!(text, "{cell:<width$}  ", width = widths[i]);
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    line(&mut out, header);
    for (row, cell) in rows.iter().zip(&cells) {
        line(&mut out, cell.each_ref().map(String::as_str));
        let description = row.full_description();
        if !description.is_empty() {
            let _ = writeln!(out, "    {}", description.trim());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_and_the_custom_keys_are_listed() {
        let rows = rows(<Job as Schema>::FIELDS, "");
        assert_eq!(rows.len(), <Job as Schema>::FIELDS.len() + 1);
        let status = rows.iter().find(|r| r.name == "status").unwrap();
        assert!(status.required);
        let rules = status.rules_text();
        for rule in [
            "required",
            "enum_values(\"Quote\", \"Work Order\", \"Unsuccessful\", \"Completed\")",
            "max_len = 20",
        ] {
            assert!(rules.contains(rule), "{rules}");
        }
        assert_eq!(rows.last().unwrap().name, "customfield_*");
    }

    #[test]
    fn the_homes_are_listed_in_every_format() {
        let table = <Job as Schema>::HOMES;
        let text = homes(table, FieldsFormat::Text);
        assert!(text.starts_with("KEY                 HOME\njob_number          generated_job_id\n    the API numbers jobs"));
        assert!(text.contains("\ncompany_name        company_uuid, /api_1.0/company.json\n"));
        assert_eq!(text.lines().count(), 1 + 2 * table.len());
        let json: Value = serde_json::from_str(&homes(table, FieldsFormat::Json)).unwrap();
        assert_eq!(json.as_array().unwrap().len(), table.len());
        assert_eq!(
            json[17],
            json!({
                "key": "company_name",
                "home": ["company_uuid", "/api_1.0/company.json"],
                "advice": table[17].advice,
            })
        );
        let markdown = homes(table, FieldsFormat::Markdown);
        assert!(markdown.contains("| `po_number` | `purchase_order_number` | the purchase order number goes in `purchase_order_number` |\n"));
    }

    #[test]
    fn paragraphs_of_a_doc_comment_are_joined_as_sentences() {
        assert_eq!(
            one_paragraph("DEPRECATED\n\n`\"0\"` in\n responses."),
            "DEPRECATED. `\"0\"` in responses."
        );
        assert_eq!(one_paragraph("Done.\n\nNext"), "Done. Next");
        assert_eq!(one_paragraph("\n\nOne\n\n\n\n"), "One");
    }
}
