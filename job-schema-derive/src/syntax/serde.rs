//! Reads `#[serde(...)]`: what serde's `Deserialize` reads is what the schema reads. Every
//! serde attribute is either honoured as serde does it, ignored because it only changes
//! serialization (or nothing on the wire), or rejected at its key because `job-schema` would
//! read a different body than serde.
//!
//! Honoured: on the struct `rename_all` (its deserialize rule), `default`,
//! `deny_unknown_fields`; on a field `rename` (its deserialize names), `alias`, `default`,
//! `skip`, `skip_deserializing`, and `flatten` on a `custom_prefix` map (checked in `check`).

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned as _;
use syn::{Expr, Lit, Token};

use super::case::Case;
use super::skip_value;
use crate::model::SerdeDefault;

/// The serde attribute keys, in one place.
mod key {
    pub const SERDE: &str = "serde";
    pub const RENAME: &str = "rename";
    pub const RENAME_ALL: &str = "rename_all";
    pub const ALIAS: &str = "alias";
    pub const DEFAULT: &str = "default";
    pub const DENY_UNKNOWN_FIELDS: &str = "deny_unknown_fields";
    pub const SKIP: &str = "skip";
    pub const SKIP_DESERIALIZING: &str = "skip_deserializing";
    pub const FLATTEN: &str = "flatten";
    pub const SERIALIZE: &str = "serialize";
    pub const DESERIALIZE: &str = "deserialize";
}

/// Container attributes that change nothing `Deserialize` reads from JSON: `rename` names
/// the struct (not a key), `tag` on a struct only adds a key when serializing, `into` only
/// serializes, the others touch bounds, paths or messages.
const IGNORED_CONTAINER: &[&str] = &[
    "rename",
    "tag",
    "into",
    "bound",
    "crate",
    "expecting",
    "remote",
];

/// Field attributes that only change serialization, or nothing on the wire.
const IGNORED_FIELD: &[&str] = &[
    "skip_serializing",
    "skip_serializing_if",
    "serialize_with",
    "getter",
    "bound",
    "borrow",
];

/// Container attributes that change what is read, and why `job-schema` cannot follow.
const REJECTED_CONTAINER: &[(&str, &str)] = &[
    (
        "transparent",
        "serde then reads the struct as the value of its one field, not as an object; derive `Schema` on a struct with named fields that serde reads as an object",
    ),
    (
        "from",
        "serde then reads the body as another type and converts it; derive `Schema` on that type and convert after reading",
    ),
    (
        "try_from",
        "serde then reads the body as another type and converts it; derive `Schema` on that type and convert after reading",
    ),
    (
        "rename_all_fields",
        "it applies to the fields of an enum's variants, and `#[derive(Schema)]` reads structs; use `rename_all` on a struct",
    ),
    ("untagged", "it is for enums, and `#[derive(Schema)]` reads structs"),
    ("content", "it is for enums, and `#[derive(Schema)]` reads structs"),
    ("field_identifier", "it is for enums, and `#[derive(Schema)]` reads structs"),
    ("variant_identifier", "it is for enums, and `#[derive(Schema)]` reads structs"),
];

/// Every container attribute serde knows, for "did you mean".
const ALL_CONTAINER: &[&str] = &[
    "rename",
    "rename_all",
    "rename_all_fields",
    "deny_unknown_fields",
    "default",
    "tag",
    "content",
    "untagged",
    "bound",
    "transparent",
    "from",
    "try_from",
    "into",
    "remote",
    "field_identifier",
    "variant_identifier",
    "crate",
    "expecting",
];

/// Every field attribute serde knows, for "did you mean".
const ALL_FIELD: &[&str] = &[
    "rename",
    "alias",
    "default",
    "flatten",
    "skip",
    "skip_serializing",
    "skip_deserializing",
    "skip_serializing_if",
    "serialize_with",
    "deserialize_with",
    "with",
    "borrow",
    "bound",
    "getter",
];

/// Field attributes that change what is read, and why `job-schema` cannot follow.
const REJECTED_FIELD: &[(&str, &str)] = &[
    (
        "with",
        "serde would read the value with that module, `job-schema` with the field type's own reader, and they would accept different values; give the field a type `job-schema` reads (such as `String`) and convert after reading",
    ),
    (
        "deserialize_with",
        "serde would read the value with that function, `job-schema` with the field type's own reader, and they would accept different values; give the field a type `job-schema` reads (such as `String`) and convert after reading",
    ),
];

/// What the struct's `#[serde(...)]` attributes say about reading.
#[derive(Default)]
pub struct Container {
    /// The deserialize casing of `rename_all`.
    pub rename_all: Option<Case>,
    pub deny_unknown_fields: Option<Span>,
    pub default: Option<(SerdeDefault, Span)>,
}

/// What a field's `#[serde(...)]` attributes say about reading.
#[derive(Default)]
pub struct FieldAttrs {
    /// The deserialize names given by `rename`, in order (serde reads the field under the
    /// first, and accepts the others as aliases).
    pub renames: Vec<String>,
    pub aliases: Vec<String>,
    pub default: Option<(SerdeDefault, Span)>,
    pub skip: Option<(&'static str, Span)>,
    pub flatten: Option<Span>,
}

/// Reads the struct's serde attributes.
pub fn container(attrs: &[syn::Attribute], errors: &mut Vec<syn::Error>) -> Container {
    let mut out = Container::default();
    for_each_item(attrs, errors, |meta, name, errors| {
        let span = meta.path.span();
        match name.as_str() {
            key::RENAME_ALL => {
                let (_, de) = ser_de(meta, key::RENAME_ALL, errors);
                for rule in de {
                    match Case::from_name(&rule.value()) {
                        Some(case) if out.rename_all.is_none() => out.rename_all = Some(case),
                        Some(_) => errors.push(duplicate(span, key::RENAME_ALL)),
                        // serde reports an unknown casing once, on its serialize side, when
                        // one name serves both; this is the only report for the reader.
                        None => {
                            errors.push(syn::Error::new(rule.span(), Case::unknown(&rule.value())));
                        }
                    }
                }
            }
            key::DENY_UNKNOWN_FIELDS => {
                no_value(meta, key::DENY_UNKNOWN_FIELDS, errors);
                out.deny_unknown_fields.get_or_insert(span);
            }
            key::DEFAULT => set_default(&mut out.default, read_default(meta, errors), span, errors),
            other => {
                if let Some((_, why)) = REJECTED_CONTAINER.iter().find(|(k, _)| *k == other) {
                    errors.push(unsupported(span, other, why));
                } else if !IGNORED_CONTAINER.contains(&other) {
                    errors.push(unknown(span, "container", other, ALL_CONTAINER));
                }
                skip_value(meta.input);
            }
        }
    });
    out
}

/// Reads a field's serde attributes.
pub fn field(attrs: &[syn::Attribute], errors: &mut Vec<syn::Error>) -> FieldAttrs {
    let mut out = FieldAttrs::default();
    for_each_item(attrs, errors, |meta, name, errors| {
        let span = meta.path.span();
        match name.as_str() {
            key::RENAME => {
                let (_, de) = ser_de(meta, key::RENAME, errors);
                out.renames.extend(de.iter().map(syn::LitStr::value));
            }
            key::ALIAS => {
                if let Some(alias) = string_value(meta, key::ALIAS, errors) {
                    out.aliases.push(alias.value());
                }
            }
            key::DEFAULT => set_default(&mut out.default, read_default(meta, errors), span, errors),
            key::SKIP | key::SKIP_DESERIALIZING => {
                let which = if name == key::SKIP {
                    key::SKIP
                } else {
                    key::SKIP_DESERIALIZING
                };
                no_value(meta, which, errors);
                out.skip.get_or_insert((which, span));
            }
            key::FLATTEN => {
                no_value(meta, key::FLATTEN, errors);
                out.flatten.get_or_insert(span);
            }
            other => {
                if let Some((_, why)) = REJECTED_FIELD.iter().find(|(k, _)| *k == other) {
                    errors.push(unsupported(span, other, why));
                } else if !IGNORED_FIELD.contains(&other) {
                    errors.push(unknown(span, "field", other, ALL_FIELD));
                }
                skip_value(meta.input);
            }
        }
    });
    out
}

/// The message for a serde attribute `job-schema` does not follow.
fn unsupported(span: Span, name: &str, why: &str) -> syn::Error {
    syn::Error::new(
        span,
        format!("`job-schema` does not support `#[serde({name})]`: {why}"),
    )
}

/// serde's message for an attribute it does not know, with a "did you mean".
fn unknown(span: Span, level: &str, name: &str, known: &[&'static str]) -> syn::Error {
    let message = match super::closest(name, known) {
        Some(close) => format!("unknown serde {level} attribute `{name}`, did you mean `{close}`?"),
        None => format!("unknown serde {level} attribute `{name}`"),
    };
    syn::Error::new(span, message)
}

fn duplicate(span: Span, name: &str) -> syn::Error {
    syn::Error::new(span, format!("duplicate serde attribute `{name}`"))
}

/// Keeps the first `default`; a second is serde's "duplicate serde attribute".
fn set_default(
    slot: &mut Option<(SerdeDefault, Span)>,
    value: Option<SerdeDefault>,
    span: Span,
    errors: &mut Vec<syn::Error>,
) {
    let Some(value) = value else { return };
    if slot.is_some() {
        errors.push(duplicate(span, key::DEFAULT));
    } else {
        *slot = Some((value, span));
    }
}

/// Calls `item` on each item of each `#[serde(...)]` attribute, with the item's key. An item
/// whose key is not a plain name, or an attribute that is not a list, is recorded; the
/// items after a malformed one in the same attribute are serde's to report.
fn for_each_item(
    attrs: &[syn::Attribute],
    errors: &mut Vec<syn::Error>,
    mut item: impl FnMut(&ParseNestedMeta<'_>, String, &mut Vec<syn::Error>),
) {
    for attr in attrs.iter().filter(|a| a.path().is_ident(key::SERDE)) {
        if let syn::Meta::List(list) = &attr.meta {
            if list.tokens.is_empty() {
                continue;
            }
        }
        let mut found = Vec::new();
        let result = attr.parse_nested_meta(|meta| {
            let name = meta
                .path
                .get_ident()
                .map_or_else(|| path_text(&meta.path), ToString::to_string);
            item(&meta, name, &mut found);
            Ok(())
        });
        errors.append(&mut found);
        if let Err(e) = result {
            errors.push(e);
        }
    }
}

fn path_text(path: &syn::Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments.join("::")
}

/// `key` with nothing after it.
fn no_value(meta: &ParseNestedMeta<'_>, name: &str, errors: &mut Vec<syn::Error>) {
    if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
        errors.push(meta.error(format!("`{name}` takes no value")));
        skip_value(meta.input);
    }
}

/// `key = "..."` or `key(serialize = "...", deserialize = "...")`: the serialize strings and
/// the deserialize strings.
fn ser_de(
    meta: &ParseNestedMeta<'_>,
    name: &str,
    errors: &mut Vec<syn::Error>,
) -> (Vec<syn::LitStr>, Vec<syn::LitStr>) {
    let (mut ser, mut de) = (Vec::new(), Vec::new());
    if meta.input.peek(Token![=]) {
        if let Some(s) = string_value(meta, name, errors) {
            ser.push(s.clone());
            de.push(s);
        }
        return (ser, de);
    }
    if !meta.input.peek(syn::token::Paren) {
        errors.push(meta.error(format!(
            "`{name}` needs a value: `{name} = \"...\"` or `{name}(deserialize = \"...\")`"
        )));
        skip_value(meta.input);
        return (ser, de);
    }
    let result = meta.parse_nested_meta(|inner| {
        if inner.path.is_ident(key::SERIALIZE) {
            ser.extend(string_value(&inner, key::SERIALIZE, errors));
        } else if inner.path.is_ident(key::DESERIALIZE) {
            de.extend(string_value(&inner, key::DESERIALIZE, errors));
        } else {
            errors.push(inner.error(format!(
                "malformed {name} attribute, expected `{name}(serialize = ..., deserialize = ...)`"
            )));
            skip_value(inner.input);
        }
        Ok(())
    });
    if let Err(e) = result {
        errors.push(e);
    }
    (ser, de)
}

/// `= "..."` after `name`: the string literal (looking through the invisible group a
/// `macro_rules!` fragment arrives in), or `None` and an error.
fn string_value(
    meta: &ParseNestedMeta<'_>,
    name: &str,
    errors: &mut Vec<syn::Error>,
) -> Option<syn::LitStr> {
    let expr = match meta
        .value()
        .and_then(syn::parse::ParseBuffer::parse::<Expr>)
    {
        Ok(expr) => expr,
        Err(e) => {
            errors.push(e);
            skip_value(meta.input);
            return None;
        }
    };
    let mut value = &expr;
    while let Expr::Group(group) = value {
        value = &group.expr;
    }
    if let Expr::Lit(syn::ExprLit {
        lit: Lit::Str(s), ..
    }) = value
    {
        return Some(s.clone());
    }
    errors.push(syn::Error::new_spanned(
        &expr,
        format!("expected serde {name} attribute to be a string: `{name} = \"...\"`"),
    ));
    None
}

/// `default` or `default = "path"`.
fn read_default(meta: &ParseNestedMeta<'_>, errors: &mut Vec<syn::Error>) -> Option<SerdeDefault> {
    if !meta.input.peek(Token![=]) {
        no_value(meta, key::DEFAULT, errors);
        return Some(SerdeDefault::Trait);
    }
    let lit = string_value(meta, key::DEFAULT, errors)?;
    if let Ok(path) = lit.parse::<syn::ExprPath>() {
        return Some(SerdeDefault::Path(path));
    }
    errors.push(syn::Error::new(
        lit.span(),
        format!("failed to parse path: {:?}", lit.value()),
    ));
    None
}
