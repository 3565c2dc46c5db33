//! Turns the raw model into the checked one, reporting every mistake at once, each at the
//! span of the key or literal at fault. Checks that depend on a field's type (`bool01` on a
//! `String`, say) are not made here: `emit` asserts them with trait bounds, so the compiler
//! decides from the real type, never from its name.

mod allowed;

use std::collections::HashSet;

use proc_macro2::Span;

use crate::model::{
    key, Class, Enum, EnumLit, Field, Format, RawField, RawKind, RawStruct, Struct,
};

/// Collects mistakes and combines them into one error.
#[derive(Default)]
struct Errors(Option<syn::Error>);

impl Errors {
    fn push(&mut self, error: syn::Error) {
        match &mut self.0 {
            Some(all) => all.combine(error),
            None => self.0 = Some(error),
        }
    }

    fn at(&mut self, span: Span, message: impl std::fmt::Display) {
        self.push(syn::Error::new(span, message));
    }
}

pub fn check(raw: RawStruct) -> Result<Struct, syn::Error> {
    let mut errors = Errors::default();
    for e in raw.errors {
        errors.push(e);
    }
    let mut fields = Vec::new();
    let mut custom = None;
    let mut skipped = Vec::new();
    let mut wires = HashSet::new();
    let mut aliases = HashSet::new();
    for field in raw.fields {
        // A field serde skips is not read: it leaves the table, its key is unknown, and a
        // schema rule on it could never apply.
        if let Some((skip, _)) = field.skip {
            for rule in &field.rules {
                errors.at(
                    rule.span,
                    format!("`{}` cannot apply: serde skips this field (`{skip}`), so `job-schema` does not read it either; remove the rule", rule.key),
                );
            }
            skipped.push((field.ident, field.default.map(|(d, _)| d)));
            continue;
        }
        // serde flattens a map into the struct's own keys; `job-schema` reads custom keys
        // into one such map, and nothing else.
        let custom_rule = field.rules.iter().find(|r| r.key == key::CUSTOM_PREFIX);
        if let (Some(span), None) = (field.flatten, custom_rule) {
            errors.at(
                span,
                "`job-schema` does not support `#[serde(flatten)]` except on a `custom_prefix` map: declare the flattened fields in this struct, or nest the struct without `flatten`",
            );
        }
        // With `deny_unknown_fields`, serde rejects every key that is not a field: custom
        // keys could never be sent.
        if let (Some(rule), Some(_)) = (custom_rule, raw.deny_unknown_fields) {
            errors.at(
                rule.span,
                "`custom_prefix` contradicts `#[serde(deny_unknown_fields)]`: serde rejects every key that is not a field, custom keys included",
            );
        }
        if let Some((prefix, span)) = custom_prefix(&field, &mut errors) {
            if custom.is_some() {
                errors.at(
                    span,
                    "only one field may collect custom keys (`custom_prefix`)",
                );
            }
            custom = Some((field.ident, field.ty, prefix, field.default.map(|(d, _)| d)));
            continue;
        }
        // Two fields with one wire name: the reader could not tell them apart.
        if !wires.insert(field.wire.clone()) || aliases.contains(&field.wire) {
            errors.at(
                field.ident.span(),
                format!("two fields have the wire name `{}`", field.wire),
            );
        }
        for alias in &field.aliases {
            if wires.contains(alias) || !aliases.insert(alias.clone()) {
                errors.at(
                    field.ident.span(),
                    format!("two fields accept the key `{alias}` (a serde `alias` or `rename`)"),
                );
            }
        }
        // serde reads a body without a field that has a default (its own or the struct's):
        // `required` would reject what serde accepts.
        if let Some(required) = field.rules.iter().find(|r| r.key == key::REQUIRED) {
            let from = match (&field.default, &raw.default) {
                (Some(_), _) => Some("the field's"),
                (None, Some(_)) => Some("the struct's"),
                (None, None) => None,
            };
            if let Some(from) = from {
                errors.at(
                    required.span,
                    format!("`required` contradicts {from} `#[serde(default)]`: serde reads a body without this field; remove one of them"),
                );
            }
        }
        fields.push(check_field(field, &mut errors));
    }
    match errors.0 {
        Some(e) => Err(e),
        None => Ok(Struct {
            ident: raw.ident,
            krate: raw.krate,
            deserialize: raw.deserialize.is_some(),
            interop: raw.interop,
            homes: raw.homes,
            check_value: raw.check_value,
            fields,
            custom,
            skipped,
            deny_unknown_fields: raw.deny_unknown_fields.is_some(),
            default: raw.default.map(|(d, _)| d),
        }),
    }
}

/// A `custom_prefix` field takes no other rule.
fn custom_prefix(field: &RawField, errors: &mut Errors) -> Option<(String, Span)> {
    let rule = field.rules.iter().find(|r| r.key == key::CUSTOM_PREFIX)?;
    for other in field.rules.iter().filter(|r| r.key != key::CUSTOM_PREFIX) {
        errors.at(
            other.span,
            format!("`{}` cannot be combined with `custom_prefix`", other.key),
        );
    }
    match &rule.kind {
        RawKind::Text(Some((prefix, span))) => {
            if prefix.is_empty() {
                errors.at(*span, "`custom_prefix` must not be empty");
            }
            Some((prefix.clone(), rule.span))
        }
        _ => Some((String::new(), rule.span)),
    }
}

fn check_field(raw: RawField, errors: &mut Errors) -> Field {
    let mut field = Field {
        ident: raw.ident,
        ty: raw.ty,
        wire: raw.wire,
        aliases: raw.aliases,
        default: raw.default.map(|(d, _)| d),
        doc: raw.doc,
        class: Class::Writable,
        required: false,
        max_len: None,
        enum_values: None,
        bool01: None,
        format: None,
        range: None,
    };
    // A rule given twice is a mistake, even with the same value: which one was meant?
    let mut seen: Vec<&str> = Vec::new();
    let mut class_span: Option<(&str, Span, usize)> = None;
    let mut required_span = None;
    let mut enum_lits: &[EnumLit] = &[];
    for (position, rule) in raw.rules.iter().enumerate() {
        if seen.contains(&rule.key) {
            errors.at(rule.span, format!("duplicate schema rule `{}`", rule.key));
            continue;
        }
        seen.push(rule.key);
        match (rule.key, &rule.kind) {
            (key::REQUIRED, _) => {
                field.required = true;
                required_span = Some((rule.span, position));
            }
            (key::MAX_LEN, RawKind::Int(value)) => match value {
                Some((n, span)) if *n <= 0 => errors.at(
                    *span,
                    format!("`max_len` must be at least 1, got {n}: a field that holds no character cannot be sent"),
                ),
                Some((n, span)) => match usize::try_from(*n) {
                    Ok(n) => field.max_len = Some((n, rule.span)),
                    Err(_) => errors.at(*span, "`max_len` is too large"),
                },
                None => {}
            },
            (key::ENUM_VALUES, RawKind::EnumValues(values)) => {
                if let Some(values) = values {
                    enum_lits = values;
                    field.enum_values =
                        check_enum(values, rule.span, errors).map(|e| (e, rule.span));
                }
            }
            (key::BOOL01, _) => field.bool01 = Some(rule.span),
            (key::RANGE, RawKind::Range { min, max }) => {
                if let (Some((min, _)), Some((max, max_span))) = (min, max) {
                    if min > max {
                        errors.at(*max_span, format!("`range` has min {min} greater than max {max}: no value could pass"));
                    } else {
                        field.range = Some((*min, *max, rule.span));
                    }
                }
            }
            (key::DEPRECATED | key::READ_ONLY, kind) => {
                // One class per field: deprecated and read-only are different promises.
                if let Some((other, _, _)) = class_span {
                    errors.at(
                        rule.span,
                        format!("`{}` contradicts `{other}`: a field is one or the other", rule.key),
                    );
                    continue;
                }
                class_span = Some((rule.key, rule.span, position));
                field.class = if rule.key == key::READ_ONLY {
                    Class::ReadOnly
                } else {
                    match kind {
                        RawKind::Text(Some((note, _))) => Class::Deprecated(Some(note.clone())),
                        _ => Class::Deprecated(None),
                    }
                };
            }
            (name, _) => {
                let format = match name {
                    key::UUID => Format::Uuid,
                    key::DATETIME => Format::Datetime,
                    key::DATE => Format::Date,
                    key::NUMBER => Format::Number,
                    key::UUID_LIST => Format::UuidList,
                    _ => continue,
                };
                // Two format rules contradict each other: no value is both a UUID and a date.
                if let Some((other, _)) = field.format {
                    errors.at(
                        rule.span,
                        format!("`{}` contradicts `{}`: a value has one format", name, other.key()),
                    );
                    continue;
                }
                field.format = Some((format, rule.span));
            }
        }
    }
    // A required field that is deprecated, or read-only, asks the sender for a value the API
    // ignores.
    if let (Some((required, r)), Some((class, span, c))) = (required_span, class_span) {
        errors.at(
            if c > r { span } else { required },
            format!("`required` contradicts `{class}`: the API ignores this field"),
        );
    }
    // A range is numeric: it contradicts a text format.
    if let (Some((_, _, span)), Some((format, _))) = (field.range, field.format) {
        if format != Format::Number {
            errors.at(
                span,
                format!(
                    "`range` contradicts `{}`: the value is not a number",
                    format.key()
                ),
            );
        }
    }
    // A flag is an integer: a text format cannot hold.
    if let (Some(span), Some((format, _))) = (field.bool01, field.format) {
        errors.at(span, format!("`bool01` contradicts `{}`", format.key()));
    }
    // Every allowed value must itself fit in `max_len`, or it could never be sent.
    if let Some((limit, _)) = field.max_len {
        for lit in enum_lits {
            if let EnumLit::Str(value, span) = lit {
                let length = value.chars().count();
                if length > limit {
                    errors.at(
                        *span,
                        format!("this enum value is {length} characters long, more than `max_len = {limit}`"),
                    );
                }
            }
        }
    }
    // An allowed value another rule rejects, and rules no value passes together. A list that
    // did not check out (mixed, repeated) has its own errors already.
    let allowed = if field.enum_values.is_some() {
        enum_lits
    } else {
        &[]
    };
    allowed::check(&field, allowed, errors);
    field
}

/// An enum list is non-empty, of one kind, and holds each value once.
fn check_enum(values: &[EnumLit], span: Span, errors: &mut Errors) -> Option<Enum> {
    let Some(first) = values.first() else {
        errors.at(span, "`enum_values` is empty: no value could pass");
        return None;
    };
    let strings = matches!(first, EnumLit::Str(..));
    let mut strs = Vec::new();
    let mut ints = Vec::new();
    let mut ok = true;
    for lit in values {
        match lit {
            EnumLit::Str(s, span) if strings => {
                if strs.contains(s) {
                    errors.at(*span, format!("`enum_values` lists \"{s}\" twice"));
                    ok = false;
                }
                strs.push(s.clone());
            }
            EnumLit::Int(i, span) if !strings => {
                if ints.contains(i) {
                    errors.at(*span, format!("`enum_values` lists {i} twice"));
                    ok = false;
                }
                ints.push(*i);
            }
            other => {
                errors.at(
                    other.span(),
                    "`enum_values` mixes strings and integers; a field holds one or the other",
                );
                ok = false;
            }
        }
    }
    ok.then_some(if strings {
        Enum::Strs(strs)
    } else {
        Enum::Ints(ints)
    })
}
