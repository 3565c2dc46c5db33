//! Reads the struct and its `#[schema(...)]` attributes into the raw model. It records every
//! mistake and goes on reading, so that `check` can report them all in one build.

use std::fmt::Write;

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Expr, Fields, Lit, Token, UnOp};

use crate::model::{key, EnumLit, RawField, RawKind, RawRule, RawStruct};

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
    let rename_all = serde_rename_all(&input.attrs, &mut errors);
    let fields = named
        .map(|named| {
            named
                .named
                .iter()
                .filter_map(|field| read_field(field, rename_all.as_deref(), &mut errors))
                .collect()
        })
        .unwrap_or_default();
    RawStruct {
        ident: input.ident.clone(),
        fields,
        errors,
    }
}

fn not_named(span: Span, what: &str) -> syn::Error {
    syn::Error::new(
        span,
        format!("#[derive(Schema)] works on structs with named fields only, not on {what}"),
    )
}

fn read_field(
    field: &syn::Field,
    rename_all: Option<&str>,
    errors: &mut Vec<syn::Error>,
) -> Option<RawField> {
    let ident = field.ident.clone()?;
    let rust_name = unraw(&ident);
    let wire = serde_rename(&field.attrs, errors).unwrap_or_else(|| {
        rename_all.map_or_else(|| rust_name.clone(), |rule| apply_case(rule, &rust_name))
    });
    let mut rules = Vec::new();
    for attr in &field.attrs {
        if attr.path().is_ident(key::SCHEMA) {
            let result = attr.parse_nested_meta(|meta| {
                read_rule(&meta, &mut rules, errors);
                Ok(())
            });
            if let Err(e) = result {
                errors.push(e);
            }
        }
    }
    Some(RawField {
        ident,
        ty: field.ty.clone(),
        wire,
        doc: doc_comment(&field.attrs),
        rules,
    })
}

/// Reads one `key`, `key = value` or `key(...)` item. An unknown key is recorded and its value
/// skipped, so that the items after it are still read.
fn read_rule(
    meta: &syn::meta::ParseNestedMeta<'_>,
    rules: &mut Vec<RawRule>,
    errors: &mut Vec<syn::Error>,
) {
    let Some(ident) = meta.path.get_ident() else {
        errors.push(meta.error("expected a schema rule name"));
        skip_value(meta.input);
        return;
    };
    let name = ident.to_string();
    let span = ident.span();
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
        key::RANGE => read_range(meta, errors),
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

/// Skips `= expr` or `(...)` after a key that could not be read.
fn skip_value(input: ParseStream<'_>) {
    if input.peek(Token![=]) {
        let _ = input.parse::<Token![=]>();
        let _ = input.parse::<Expr>();
    } else if input.peek(syn::token::Paren) {
        let _ = input.step(|cursor| match cursor.token_tree() {
            Some((_, rest)) => Ok(((), rest)),
            None => Err(cursor.error("expected a value")),
        });
    }
}

fn value_expr(
    meta: &syn::meta::ParseNestedMeta<'_>,
    key: &str,
    errors: &mut Vec<syn::Error>,
) -> Option<Expr> {
    if !meta.input.peek(Token![=]) {
        errors.push(meta.error(format!("`{key}` needs a value: `{key} = ...`")));
        skip_value(meta.input);
        return None;
    }
    match meta
        .value()
        .and_then(syn::parse::ParseBuffer::parse::<Expr>)
    {
        Ok(expr) => Some(expr),
        Err(e) => {
            errors.push(e);
            None
        }
    }
}

fn read_int(
    meta: &syn::meta::ParseNestedMeta<'_>,
    key: &str,
    errors: &mut Vec<syn::Error>,
) -> Option<(i128, Span)> {
    let expr = value_expr(meta, key, errors)?;
    if let Some(Number::Int(i)) = number_lit(&expr) {
        return Some((i, expr.span()));
    }
    errors.push(syn::Error::new_spanned(
        &expr,
        format!("`{key}` must be a positive integer literal, such as `{key} = 500`"),
    ));
    None
}

fn read_text(
    meta: &syn::meta::ParseNestedMeta<'_>,
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
    let expr = value_expr(meta, key, errors)?;
    if let Expr::Lit(syn::ExprLit {
        lit: Lit::Str(s), ..
    }) = &expr
    {
        return Some((s.value(), s.span()));
    }
    errors.push(syn::Error::new_spanned(
        &expr,
        format!("`{key}` takes a string literal"),
    ));
    None
}

fn read_enum(
    meta: &syn::meta::ParseNestedMeta<'_>,
    span: Span,
    errors: &mut Vec<syn::Error>,
) -> Vec<EnumLit> {
    if !meta.input.peek(syn::token::Paren) {
        errors.push(syn::Error::new(
            span,
            "`enum_values` takes a list: `enum_values(\"A\", \"B\")` or `enum_values(0, 1)`",
        ));
        skip_value(meta.input);
        return Vec::new();
    }
    let parsed = (|| {
        let content;
        syn::parenthesized!(content in meta.input);
        content.parse_terminated(Expr::parse, Token![,])
    })();
    let exprs = match parsed {
        Ok(exprs) => exprs,
        Err(e) => {
            errors.push(e);
            return Vec::new();
        }
    };
    let mut values = Vec::new();
    for expr in exprs {
        match &expr {
            Expr::Lit(syn::ExprLit {
                lit: Lit::Str(s), ..
            }) => values.push(EnumLit::Str(s.value(), s.span())),
            _ => match number_lit(&expr) {
                Some(Number::Int(i)) => match i64::try_from(i) {
                    Ok(i) => values.push(EnumLit::Int(i, expr.span())),
                    Err(_) => errors.push(syn::Error::new_spanned(
                        &expr,
                        "this value does not fit in an i64",
                    )),
                },
                _ => errors.push(syn::Error::new_spanned(
                    &expr,
                    "`enum_values` takes string or integer literals",
                )),
            },
        }
    }
    values
}

fn read_range(meta: &syn::meta::ParseNestedMeta<'_>, errors: &mut Vec<syn::Error>) -> RawKind {
    let mut min = None;
    let mut max = None;
    if !meta.input.peek(syn::token::Paren) {
        errors.push(meta.error("`range` takes bounds: `range(min = -90, max = 90)`"));
        skip_value(meta.input);
        return RawKind::Range { min, max };
    }
    let result = meta.parse_nested_meta(|inner| {
        let which = if inner.path.is_ident(key::MIN) {
            &mut min
        } else if inner.path.is_ident(key::MAX) {
            &mut max
        } else {
            errors.push(inner.error("unknown `range` bound; expected `min` or `max`"));
            skip_value(inner.input);
            return Ok(());
        };
        let Some(expr) = value_expr(&inner, "range bound", errors) else {
            return Ok(());
        };
        if which.is_some() {
            errors.push(inner.error("this bound is given twice"));
        }
        #[allow(clippy::cast_precision_loss)]
        match number_lit(&expr) {
            Some(Number::Int(i)) => *which = Some((i as f64, expr.span())),
            Some(Number::Float(f)) => *which = Some((f, expr.span())),
            None => errors.push(syn::Error::new_spanned(
                &expr,
                "a `range` bound is a number literal",
            )),
        }
        Ok(())
    });
    if let Err(e) = result {
        errors.push(e);
    }
    RawKind::Range { min, max }
}

enum Number {
    Int(i128),
    Float(f64),
}

/// A number literal, possibly negated.
fn number_lit(expr: &Expr) -> Option<Number> {
    match expr {
        Expr::Lit(syn::ExprLit {
            lit: Lit::Int(i), ..
        }) => i.base10_parse::<i128>().ok().map(Number::Int),
        Expr::Lit(syn::ExprLit {
            lit: Lit::Float(f), ..
        }) => f
            .base10_parse::<f64>()
            .ok()
            .filter(|f| f.is_finite())
            .map(Number::Float),
        Expr::Unary(syn::ExprUnary {
            op: UnOp::Neg(_),
            expr,
            ..
        }) => match number_lit(expr)? {
            Number::Int(i) => Some(Number::Int(-i)),
            Number::Float(f) => Some(Number::Float(-f)),
        },
        Expr::Group(group) => number_lit(&group.expr),
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

/// The wire name from `#[serde(rename = "...")]` or `rename(deserialize = "...")`.
fn serde_rename(attrs: &[syn::Attribute], errors: &mut Vec<syn::Error>) -> Option<String> {
    serde_string(attrs, "rename", errors)
}

fn serde_rename_all(attrs: &[syn::Attribute], errors: &mut Vec<syn::Error>) -> Option<String> {
    let rule = serde_string(attrs, "rename_all", errors)?;
    if CASES.contains(&rule.as_str()) {
        Some(rule)
    } else {
        // serde reports an unknown case itself.
        None
    }
}

/// Reads `name = "..."` (or `name(deserialize = "...")`) from `#[serde(...)]`, ignoring every
/// other serde item.
fn serde_string(
    attrs: &[syn::Attribute],
    name: &str,
    errors: &mut Vec<syn::Error>,
) -> Option<String> {
    let mut found = None;
    for attr in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        let result = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident(name) {
                if meta.input.peek(Token![=]) {
                    let s: syn::LitStr = meta.value()?.parse()?;
                    found = Some(s.value());
                } else if meta.input.peek(syn::token::Paren) {
                    meta.parse_nested_meta(|inner| {
                        let s: syn::LitStr = inner.value()?.parse()?;
                        if inner.path.is_ident("deserialize") {
                            found = Some(s.value());
                        }
                        Ok(())
                    })?;
                }
            } else {
                skip_value(meta.input);
            }
            Ok(())
        });
        if let Err(e) = result {
            // A serde attribute we cannot read is serde's to report; note it only if it
            // concerns the name we need.
            if e.to_string().contains(name) {
                errors.push(e);
            }
        }
    }
    found
}

const CASES: &[&str] = &[
    "lowercase",
    "UPPERCASE",
    "PascalCase",
    "camelCase",
    "snake_case",
    "SCREAMING_SNAKE_CASE",
    "kebab-case",
    "SCREAMING-KEBAB-CASE",
];

/// Applies a serde `rename_all` rule to a `snake_case` field name.
fn apply_case(rule: &str, field: &str) -> String {
    let words = field.split('_').filter(|w| !w.is_empty());
    let capitalize = |w: &str| {
        let mut chars = w.chars();
        chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect::<String>())
            .unwrap_or_default()
    };
    match rule {
        "lowercase" => field.to_lowercase(),
        "PascalCase" => words.map(capitalize).collect(),
        "camelCase" => {
            let pascal: String = words.map(capitalize).collect();
            let mut chars = pascal.chars();
            chars
                .next()
                .map(|c| c.to_lowercase().chain(chars).collect())
                .unwrap_or_default()
        }
        "UPPERCASE" | "SCREAMING_SNAKE_CASE" => field.to_uppercase(),
        "kebab-case" => field.replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => field.replace('_', "-").to_uppercase(),
        _ => field.to_owned(),
    }
}
