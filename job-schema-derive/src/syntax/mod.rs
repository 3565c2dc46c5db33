//! Reads the struct and its `#[schema(...)]` attributes into the raw model. It records every
//! mistake and goes on reading, so that `check` can report them all in one build. `serde`
//! reads the `#[serde(...)]` attributes (wire names, aliases, defaults, skips), `case`
//! applies `rename_all` as serde does.

mod case;
mod serde;

use std::fmt::Write;

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser};
use syn::{Data, DeriveInput, Expr, Fields, Lit, Token};

use crate::model::{key, EnumLit, Interop, RawField, RawKind, RawRule, RawStruct};

pub fn read(input: &DeriveInput) -> RawStruct {
    let mut errors = Vec::new();
    let named = match &input.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => Some(named),
            Fields::Unnamed(_) => {
                errors.push(not_named(input.ident.span(), "a tuple struct"));
                None
            }
            Fields::Unit => {
                errors.push(not_named(input.ident.span(), "a unit struct"));
                None
            }
        },
        Data::Enum(data) => {
            errors.push(not_named(data.enum_token.span, "an enum"));
            None
        }
        Data::Union(data) => {
            errors.push(not_named(data.union_token.span, "a union"));
            None
        }
    };
    if !input.generics.params.is_empty() {
        errors.push(syn::Error::new_spanned(
            &input.generics,
            "#[derive(Schema)] does not support generic parameters: the field table is static",
        ));
    }
    let schema = container_schema(&input.attrs, &mut errors);
    let container = serde::container(&input.attrs, &mut errors);
    let fields = named
        .map(|named| {
            named
                .named
                .iter()
                .filter_map(|field| read_field(field, container.rename_all, &mut errors))
                .collect()
        })
        .unwrap_or_default();
    RawStruct {
        ident: input.ident.clone(),
        krate: schema.krate.value,
        deserialize: schema.deserialize,
        interop: schema.interop,
        homes: schema.homes.value,
        check_value: schema.check_value.value,
        fields,
        deny_unknown_fields: container.deny_unknown_fields,
        default: container.default,
        errors,
    }
}

/// The items the struct's own `#[schema(...)]` takes, for messages: `struct_items!(and)`
/// lists them all ("… and `validator`"), `struct_items!(or)` offers them ("… or
/// `validator`"). One list, so that every message names the same items.
macro_rules! struct_items {
    (and) => {
        "`crate = \"...\"`, `deserialize`, `homes = PATH`, `check_value = \"...\"`, `schemars` and `validator`"
    };
    (or) => {
        "`crate = \"...\"`, `deserialize`, `homes = PATH`, `check_value = \"...\"`, `schemars` or `validator`"
    };
}

/// Reads the struct's own `#[schema(...)]`: `crate = "path"`, the path generated code reaches
/// the runtime through, for a crate that re-exports `job-schema`; `deserialize`, the opt-in
/// to serde's `Deserialize` through the reader; `homes = PATH`, the table of keys with a
/// home; and `schemars` and `validator`, the opt-ins to those crates' traits.
fn container_schema(attrs: &[syn::Attribute], errors: &mut Vec<syn::Error>) -> StructSchema {
    let mut schema = StructSchema::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident(key::SCHEMA)) {
        match &attr.meta {
            syn::Meta::List(list) => {
                read_items(list.tokens.clone(), &STRUCT_ITEM, errors, |meta, errors| {
                    read_struct_item(meta, &mut schema, errors);
                });
            }
            syn::Meta::Path(path) => errors.push(syn::Error::new_spanned(
                path,
                "`#[schema]` on a struct needs a list: `#[schema(deserialize)]` or `#[schema(crate = \"facade::job_schema\")]`",
            )),
            syn::Meta::NameValue(nv) => errors.push(syn::Error::new(
                nv.eq_token.span,
                "expected a list in parentheses: `#[schema(deserialize)]` or `#[schema(crate = \"facade::job_schema\")]`",
            )),
        }
    }
    schema
}

/// The struct's own `#[schema(...)]` as read so far.
#[derive(Default)]
struct StructSchema {
    /// The path of the first `crate`.
    krate: Once<syn::Path>,
    /// The first `deserialize`, at its key (with a value or not: the user asked for it).
    deserialize: Option<Span>,
    /// The first `schemars` and `validator`, likewise.
    interop: Interop,
    /// The path of the first `homes`.
    homes: Once<syn::Path>,
    /// The function of the first `check_value`.
    check_value: Once<syn::Path>,
}

/// Reads one item of the struct's `#[schema(...)]` (`struct_items!`), each given once.
fn read_struct_item(
    meta: &ParseNestedMeta<'_>,
    schema: &mut StructSchema,
    errors: &mut Vec<syn::Error>,
) {
    let Some(ident) = meta.path.get_ident() else {
        errors.push(syn::Error::new_spanned(
            &meta.path,
            concat!("expected ", struct_items!(or), ", not a path"),
        ));
        skip_value(meta.input);
        return;
    };
    let name = ident.to_string();
    match name.as_str() {
        key::CRATE => schema.krate.read(
            ident,
            "`crate` is given twice: give the path of the runtime once",
            errors,
            |errors| read_crate_path(meta, errors),
        ),
        key::CHECK_VALUE => schema.check_value.read(
            ident,
            "`check_value` is given twice: give one function",
            errors,
            |errors| read_check_value(meta, errors),
        ),
        key::DESERIALIZE => read_flag(
            meta,
            ident,
            &mut schema.deserialize,
            "to implement serde's `Deserialize`",
            errors,
        ),
        key::SCHEMARS => read_flag(
            meta,
            ident,
            &mut schema.interop.schemars,
            "to implement `schemars::JsonSchema` (feature `schemars`)",
            errors,
        ),
        key::VALIDATOR => read_flag(
            meta,
            ident,
            &mut schema.interop.validator,
            "to implement `validator::Validate` (feature `validator`)",
            errors,
        ),
        key::HOMES => schema.homes.read(
            ident,
            "`homes` is given twice: name one table",
            errors,
            |errors| read_homes(meta, errors),
        ),
        _ => {
            let message = if key::ALL.contains(&name.as_str()) {
                format!(
                    concat!(
                        "`{}` is a field rule: put it on a field; the struct itself takes only ",
                        struct_items!(and)
                    ),
                    name
                )
            } else if let Some(close) = closest(&name, key::STRUCT) {
                format!("unknown schema attribute `{name}` on the struct, did you mean `{close}`?")
            } else {
                format!(
                    concat!(
                        "unknown schema attribute `{}` on the struct; it takes only ",
                        struct_items!(and)
                    ),
                    name
                )
            };
            errors.push(syn::Error::new(ident.span(), message));
            skip_value(meta.input);
        }
    }
}

/// A container item that is a bare key (`deserialize`, `schemars`, `validator`): kept at its
/// key the first time; a value or a second one is an error. `purpose` ends the message about
/// a value: "write `#[schema(key)]` {purpose}, or leave it out".
fn read_flag(
    meta: &ParseNestedMeta<'_>,
    ident: &syn::Ident,
    slot: &mut Option<Span>,
    purpose: &str,
    errors: &mut Vec<syn::Error>,
) {
    let value = rest_of_item(meta.input);
    if !value.is_empty() {
        errors.push(syn::Error::new_spanned(
            value,
            format!(
                "`{ident}` takes no value: write `#[schema({ident})]` {purpose}, or leave it out"
            ),
        ));
    }
    if slot.is_some() {
        errors.push(syn::Error::new(
            ident.span(),
            format!("`{ident}` is given twice: give it once"),
        ));
    } else {
        *slot = Some(ident.span());
    }
}

/// The value of `crate = "path"`: a path in a string literal, as serde's `crate` takes it,
/// spanned at the literal.
fn read_crate_path(meta: &ParseNestedMeta<'_>, errors: &mut Vec<syn::Error>) -> Option<syn::Path> {
    let tokens = value_tokens(meta, key::CRATE, "\"facade::job_schema\"", errors)?;
    let Ok(lit) = syn::parse2::<syn::LitStr>(tokens.clone()) else {
        errors.push(syn::Error::new_spanned(
            &tokens,
            "`crate` takes a path in a string literal, such as `crate = \"facade::job_schema\"`",
        ));
        return None;
    };
    let path = lit.parse_with(syn::Path::parse_mod_style).ok();
    if path.is_none() {
        errors.push(syn::Error::new(
            lit.span(),
            format!(
                "`crate` takes the path of a crate or module, such as `\"facade::job_schema\"`, and `{}` is not one",
                lit.value()
            ),
        ));
    }
    path
}

/// A struct item that takes a value and may be given once: the value of the first, when it
/// could be read.
struct Once<T> {
    given: bool,
    value: Option<T>,
}

impl<T> Default for Once<T> {
    fn default() -> Self {
        Once {
            given: false,
            value: None,
        }
    }
}

impl<T> Once<T> {
    /// Reads one more of the item with `read` (which reports its own mistakes), keeping the
    /// first; a second one is an error at its key.
    fn read(
        &mut self,
        ident: &syn::Ident,
        twice: &str,
        errors: &mut Vec<syn::Error>,
        read: impl FnOnce(&mut Vec<syn::Error>) -> Option<T>,
    ) {
        if self.given {
            errors.push(syn::Error::new(ident.span(), twice));
        }
        let value = read(errors);
        if !self.given {
            self.value = value;
        }
        self.given = true;
    }
}

/// The value of `homes = PATH`: the path of a table of keys with a home.
fn read_homes(meta: &ParseNestedMeta<'_>, errors: &mut Vec<syn::Error>) -> Option<syn::Path> {
    let tokens = value_tokens(meta, key::HOMES, "JOB_HOMES", errors)?;
    let path = syn::parse2::<syn::Path>(tokens.clone());
    if path.is_err() {
        errors.push(syn::Error::new_spanned(
            &tokens,
            "`homes` takes the path of a `&'static [job_schema::homes::Home]`, such as `homes = JOB_HOMES`",
        ));
    }
    path.ok()
}

/// The value of `check_value = "path"`: the path of a function in a string literal, spanned
/// at the literal (so that a function of the wrong type is an error there).
fn read_check_value(meta: &ParseNestedMeta<'_>, errors: &mut Vec<syn::Error>) -> Option<syn::Path> {
    let tokens = value_tokens(meta, key::CHECK_VALUE, "\"Job::check_value\"", errors)?;
    let Ok(lit) = syn::parse2::<syn::LitStr>(tokens.clone()) else {
        errors.push(syn::Error::new_spanned(
            &tokens,
            "`check_value` takes the path of a function in a string literal, such as `check_value = \"Job::check_value\"`",
        ));
        return None;
    };
    let path = lit.parse::<syn::Path>().ok();
    if path.is_none() {
        errors.push(syn::Error::new(
            lit.span(),
            format!(
                "`check_value` takes the path of a function, such as `\"Job::check_value\"`, and `{}` is not one",
                lit.value()
            ),
        ));
    }
    path
}

fn not_named(span: Span, what: &str) -> syn::Error {
    syn::Error::new(
        span,
        format!("#[derive(Schema)] works on structs with named fields only, not on {what}"),
    )
}

fn read_field(
    field: &syn::Field,
    rename_all: Option<case::Case>,
    errors: &mut Vec<syn::Error>,
) -> Option<RawField> {
    let ident = field.ident.clone()?;
    let serde = serde::field(&field.attrs, errors);
    // As serde: the first deserialize name of `rename`, else the `rename_all` casing of the
    // name without `r#`; further `rename(deserialize)` names and every `alias` are accepted
    // too.
    let mut renames = serde.renames.into_iter();
    let wire = renames.next().unwrap_or_else(|| {
        let rust_name = unraw(&ident);
        rename_all.map_or_else(|| rust_name.clone(), |case| case.apply(&rust_name))
    });
    let mut aliases: Vec<String> = Vec::new();
    for alias in renames.chain(serde.aliases) {
        if alias != wire && !aliases.contains(&alias) {
            aliases.push(alias);
        }
    }
    let mut rules = Vec::new();
    for attr in field
        .attrs
        .iter()
        .filter(|a| a.path().is_ident(key::SCHEMA))
    {
        match &attr.meta {
            syn::Meta::List(list) => {
                read_items(list.tokens.clone(), &RULE, errors, |meta, errors| {
                    read_rule(meta, &mut rules, errors);
                });
            }
            syn::Meta::Path(path) => errors.push(syn::Error::new_spanned(
                path,
                "`#[schema]` needs a list of rules: `#[schema(max_len = 500)]`",
            )),
            syn::Meta::NameValue(nv) => errors.push(syn::Error::new(
                nv.eq_token.span,
                "expected a list of rules in parentheses: `#[schema(max_len = 500)]`",
            )),
        }
    }
    Some(RawField {
        ident,
        ty: field.ty.clone(),
        wire,
        aliases,
        doc: doc_comment(&field.attrs),
        rules,
        default: serde.default,
        skip: serde.skip,
        flatten: serde.flatten,
    })
}

/// What a list's items are, for the messages about an item that is not one.
struct Items {
    /// Where an item is missing: `a,,b`.
    empty: &'static str,
    /// An item that does not start with a key.
    not_a_key: &'static str,
}

/// The rules of a field (and the bounds of `range`, which are read the same way).
const RULE: Items = Items {
    empty: "expected a schema rule before this `,`",
    not_a_key: "expected a schema rule, such as `max_len = 500`",
};

/// The struct's own `#[schema(...)]`.
const STRUCT_ITEM: Items = Items {
    empty: concat!("expected ", struct_items!(or), " before this `,`"),
    not_a_key: concat!("expected ", struct_items!(or), ": the struct itself takes only the path of the runtime, the table of keys with a home, a function that checks values and the opt-ins to other crates' traits"),
};

/// Reads the comma-separated `key`, `key = value` or `key(...)` items of a list one at a
/// time, so that a malformed item (a literal, a stray comma, a value that is not one) is
/// recorded and the items after it are still read.
fn read_items(
    tokens: TokenStream,
    what: &Items,
    errors: &mut Vec<syn::Error>,
    mut item: impl FnMut(&ParseNestedMeta<'_>, &mut Vec<syn::Error>),
) {
    for tokens in split_items(tokens, what.empty, errors) {
        if matches!(tokens.clone().into_iter().next(), Some(TokenTree::Ident(_))) {
            let parser = syn::meta::parser(|meta| {
                item(&meta, errors);
                Ok(())
            });
            if let Err(e) = parser.parse2(tokens) {
                errors.push(e);
            }
        } else {
            errors.push(syn::Error::new_spanned(tokens, what.not_a_key));
        }
    }
}

/// Splits a list at its top-level commas. An empty item (`a,,b`) is reported with `empty`.
fn split_items(tokens: TokenStream, empty: &str, errors: &mut Vec<syn::Error>) -> Vec<TokenStream> {
    let mut items = Vec::new();
    let mut item = TokenStream::new();
    for tt in tokens {
        match &tt {
            TokenTree::Punct(p) if p.as_char() == ',' => {
                if item.is_empty() {
                    errors.push(syn::Error::new(p.span(), empty));
                } else {
                    items.push(std::mem::take(&mut item));
                }
            }
            _ => item.extend([tt]),
        }
    }
    if !item.is_empty() {
        items.push(item);
    }
    items
}

/// Reads one `key`, `key = value` or `key(...)` item. An unknown key is recorded and its value
/// skipped.
fn read_rule(meta: &ParseNestedMeta<'_>, rules: &mut Vec<RawRule>, errors: &mut Vec<syn::Error>) {
    let Some(ident) = meta.path.get_ident() else {
        errors.push(syn::Error::new_spanned(
            &meta.path,
            "expected a schema rule, such as `max_len = 500`, not a path",
        ));
        skip_value(meta.input);
        return;
    };
    let name = ident.to_string();
    let span = ident.span();
    if key::STRUCT.contains(&name.as_str()) {
        errors.push(syn::Error::new(
            span,
            format!("`{name}` is an attribute of the struct, not of a field: put it in the struct's own `#[schema(...)]`"),
        ));
        skip_value(meta.input);
        return;
    }
    let Some(&key) = key::ALL.iter().find(|k| **k == name) else {
        let mut message = format!("unknown schema attribute `{name}`");
        if let Some(close) = closest(&name, key::ALL) {
            let _ = write!(message, ", did you mean `{close}`?");
        } else {
            let _ = write!(message, "; expected one of: {}", key::ALL.join(", "));
        }
        errors.push(syn::Error::new(span, message));
        skip_value(meta.input);
        return;
    };
    let kind = match key {
        key::MAX_LEN => RawKind::Int(read_int(meta, key, errors)),
        key::ENUM_VALUES => RawKind::EnumValues(read_enum(meta, span, errors)),
        key::RANGE => read_range(meta, span, errors),
        key::CUSTOM_PREFIX => RawKind::Text(read_text(meta, key, true, errors)),
        key::DEPRECATED => RawKind::Text(read_text(meta, key, false, errors)),
        _ => {
            if !meta.input.is_empty() && !meta.input.peek(Token![,]) {
                errors.push(syn::Error::new(span, format!("`{key}` takes no value")));
                skip_value(meta.input);
            }
            RawKind::Flag
        }
    };
    rules.push(RawRule { key, span, kind });
}

/// Skips what is left of an item: everything up to the next `,` of its list.
fn skip_value(input: ParseStream<'_>) {
    let _ = rest_of_item(input);
}

/// Takes what is left of an item (a value that should not be there, say): its tokens up to
/// the next `,` of its list.
fn rest_of_item(input: ParseStream<'_>) -> TokenStream {
    let mut tokens = TokenStream::new();
    let _ = input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((tt, next)) = rest.token_tree() {
            if matches!(&tt, TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            tokens.extend([tt]);
            rest = next;
        }
        Ok(((), rest))
    });
    tokens
}

/// The tokens of `= value` after `key`, up to the next `,`; `None` (and an error) when there
/// is no `=` or nothing after it.
fn value_tokens(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    example: &str,
    errors: &mut Vec<syn::Error>,
) -> Option<TokenStream> {
    let Ok(eq) = meta.input.parse::<Token![=]>() else {
        errors.push(meta.error(format!("`{key}` needs a value: `{key} = {example}`")));
        skip_value(meta.input);
        return None;
    };
    let tokens = rest_of_item(meta.input);
    if tokens.is_empty() {
        errors.push(syn::Error::new(
            eq.span,
            format!("`{key}` needs a value after `=`: `{key} = {example}`"),
        ));
        return None;
    }
    Some(tokens)
}

fn read_int(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    errors: &mut Vec<syn::Error>,
) -> Option<(i128, Span)> {
    let tokens = value_tokens(meta, key, "500", errors)?;
    if let Some(Number::Int(i)) = number_lit(&tokens) {
        return Some((i, span_of(&tokens)));
    }
    errors.push(syn::Error::new_spanned(
        &tokens,
        format!("`{key}` must be a positive integer literal, such as `{key} = 500`"),
    ));
    None
}

fn read_text(
    meta: &ParseNestedMeta<'_>,
    key: &str,
    needed: bool,
    errors: &mut Vec<syn::Error>,
) -> Option<(String, Span)> {
    if !needed && !meta.input.peek(Token![=]) {
        if meta.input.peek(syn::token::Paren) {
            errors.push(meta.error(format!(
                "`{key}` takes no list; write `{key}` or `{key} = \"note\"`"
            )));
            skip_value(meta.input);
        }
        return None;
    }
    let tokens = value_tokens(meta, key, "\"...\"", errors)?;
    if let Ok(s) = syn::parse2::<syn::LitStr>(tokens.clone()) {
        return Some((s.value(), s.span()));
    }
    errors.push(syn::Error::new_spanned(
        &tokens,
        format!("`{key}` takes a string literal, such as `{key} = \"...\"`"),
    ));
    None
}

/// The listed values, or `None` when the list could not be read at all (already reported).
fn read_enum(
    meta: &ParseNestedMeta<'_>,
    span: Span,
    errors: &mut Vec<syn::Error>,
) -> Option<Vec<EnumLit>> {
    let Some(tokens) = list_tokens(meta) else {
        errors.push(syn::Error::new(
            span,
            "`enum_values` takes a list: `enum_values(\"A\", \"B\")` or `enum_values(0, 1)`",
        ));
        skip_value(meta.input);
        return None;
    };
    let mut values = Vec::new();
    let mut unreadable = false;
    for item in split_items(tokens, "expected a value before this `,`", errors) {
        if let Ok(s) = syn::parse2::<syn::LitStr>(item.clone()) {
            values.push(EnumLit::Str(s.value(), s.span()));
            continue;
        }
        let int = match number_lit(&item) {
            Some(Number::Int(i)) => {
                i64::try_from(i).map_err(|_| "this value does not fit in an i64")
            }
            _ => Err("`enum_values` takes string or integer literals"),
        };
        match int {
            Ok(i) => values.push(EnumLit::Int(i, span_of(&item))),
            Err(message) => {
                unreadable = true;
                errors.push(syn::Error::new_spanned(&item, message));
            }
        }
    }
    // A list whose every value was unreadable is not "empty": its values are reported.
    (!values.is_empty() || !unreadable).then_some(values)
}

/// `range(min = a, max = b)`. A missing or unreadable bound is reported here, and left `None`.
fn read_range(meta: &ParseNestedMeta<'_>, span: Span, errors: &mut Vec<syn::Error>) -> RawKind {
    let mut min = None;
    let mut max = None;
    let Some(tokens) = list_tokens(meta) else {
        errors.push(syn::Error::new(
            span,
            "`range` takes bounds: `range(min = -90, max = 90)`",
        ));
        skip_value(meta.input);
        return RawKind::Range { min, max };
    };
    let before = errors.len();
    read_items(tokens, &RULE, errors, |inner, errors| {
        let which = if inner.path.is_ident(key::MIN) {
            &mut min
        } else if inner.path.is_ident(key::MAX) {
            &mut max
        } else {
            errors.push(syn::Error::new_spanned(
                &inner.path,
                "unknown `range` bound; expected `min` or `max`",
            ));
            skip_value(inner.input);
            return;
        };
        if which.is_some() {
            errors.push(syn::Error::new_spanned(
                &inner.path,
                "this `range` bound is given twice",
            ));
        }
        let Some(tokens) = value_tokens(inner, "range bound", "90", errors) else {
            return;
        };
        #[allow(clippy::cast_precision_loss)]
        match number_lit(&tokens) {
            Some(Number::Int(i)) => *which = Some((i as f64, span_of(&tokens))),
            Some(Number::Float(f)) => *which = Some((f, span_of(&tokens))),
            None => errors.push(syn::Error::new_spanned(
                &tokens,
                "a `range` bound is a number literal, such as `-90` or `12.5`",
            )),
        }
    });
    // Only when the bounds given were all readable: otherwise the user has a better message.
    if errors.len() == before && (min.is_none() || max.is_none()) {
        errors.push(syn::Error::new(
            span,
            "`range` needs both bounds: `range(min = -90, max = 90)`",
        ));
    }
    RawKind::Range { min, max }
}

/// The tokens inside `key(...)`, when a parenthesized list follows the key.
fn list_tokens(meta: &ParseNestedMeta<'_>) -> Option<TokenStream> {
    if !meta.input.peek(syn::token::Paren) {
        return None;
    }
    let group = meta.input.parse::<proc_macro2::Group>().ok()?;
    Some(group.stream())
}

/// The span of a value: its first token (a sign and its literal read as one).
fn span_of(tokens: &TokenStream) -> Span {
    let mut iter = tokens.clone().into_iter();
    let first = iter.next().map_or_else(Span::call_site, |tt| tt.span());
    iter.last()
        .and_then(|last| first.join(last.span()))
        .unwrap_or(first)
}

enum Number {
    Int(i128),
    Float(f64),
}

/// A number literal, possibly negated, and nothing else.
fn number_lit(tokens: &TokenStream) -> Option<Number> {
    let parse = |input: ParseStream<'_>| {
        let negative = input.parse::<Option<Token![-]>>()?.is_some();
        let lit: Lit = input.parse()?;
        let number = match lit {
            Lit::Int(i) => i.base10_parse::<i128>().ok().map(Number::Int),
            Lit::Float(f) => f
                .base10_parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .map(Number::Float),
            _ => None,
        };
        Ok(number.map(|n| match n {
            Number::Int(i) if negative => Number::Int(-i),
            Number::Float(f) if negative => Number::Float(-f),
            n => n,
        }))
    };
    if let Ok(number) = parse.parse2(tokens.clone()) {
        return number;
    }
    // A value passed through a `macro_rules!` fragment arrives wrapped in an invisible group.
    let mut iter = tokens.clone().into_iter();
    match (iter.next(), iter.next()) {
        (Some(TokenTree::Group(g)), None) if g.delimiter() == Delimiter::None => {
            number_lit(&g.stream())
        }
        _ => None,
    }
}

/// The closest key within an edit distance of 2 (or a third of its length).
pub fn closest(name: &str, candidates: &[&'static str]) -> Option<&'static str> {
    let limit = (name.len() / 3).max(2);
    candidates
        .iter()
        .map(|c| (distance(name, c), *c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (diagonal + usize::from(ca != *cb))
                .min(row[j + 1] + 1)
                .min(row[j] + 1);
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// `r#type` → `type`.
fn unraw(ident: &syn::Ident) -> String {
    let s = ident.to_string();
    s.strip_prefix("r#").map_or(s.clone(), str::to_owned)
}

fn doc_comment(attrs: &[syn::Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        if !attr.path().is_ident("doc") {
            continue;
        }
        if let syn::Meta::NameValue(nv) = &attr.meta {
            if let Expr::Lit(syn::ExprLit {
                lit: Lit::Str(s), ..
            }) = &nv.value
            {
                let line = s.value();
                lines.push(line.strip_prefix(' ').map_or(line.clone(), str::to_owned));
            }
        }
    }
    lines.join("\n").trim().to_owned()
}
