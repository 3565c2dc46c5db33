//! Generates, from the checked model: the field table, one inline call per rule (shared by
//! `validate()` and the JSON reader), the collecting reader, and the trait assertions that
//! make the compiler reject a rule on a type it cannot apply to, at the rule's key.
//!
//! Generated code names only `::job_schema::__private::…` and `::core::…`, and its locals
//! start with `__schema_`.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use crate::model::{Class, Enum, Field, Format, SerdeDefault, Struct};

pub fn emit(model: &Struct) -> TokenStream {
    let ident = &model.ident;
    let table = model.fields.iter().map(spec);
    let wires = model.fields.iter().map(|f| &f.wire);
    // Keys are matched on their length first: one comparison picks the few names of that
    // length, instead of comparing a key with every name in turn.
    let mut by_length: std::collections::BTreeMap<usize, Vec<TokenStream>> =
        std::collections::BTreeMap::new();
    // An alias is one more name for the same field: one more arm with the same index.
    let names_of = |f: &'_ Field| -> Vec<String> {
        std::iter::once(&f.wire)
            .chain(&f.aliases)
            .cloned()
            .collect()
    };
    for (i, f) in model.fields.iter().enumerate() {
        for wire in names_of(f) {
            by_length
                .entry(wire.len())
                .or_default()
                .push(quote!(#wire => ::core::option::Option::Some(#i),));
        }
    }
    // The reader matches a key in the input itself, before scanning it: the
    // first byte picks the names that start with it, and each is compared with its closing
    // quote, so a match is exact. Names that need escaping in JSON are left to the scan.
    let mut by_first: std::collections::BTreeMap<u8, Vec<TokenStream>> =
        std::collections::BTreeMap::new();
    for (i, wire) in model
        .fields
        .iter()
        .enumerate()
        .flat_map(|(i, f)| names_of(f).into_iter().map(move |w| (i, w)))
    {
        let plain = wire.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\');
        if let (Some(&first), true) = (wire.as_bytes().first(), plain) {
            let quoted = syn::LitByteStr::new(format!("{wire}\"").as_bytes(), Span::call_site());
            let len = wire.len();
            by_first.entry(first).or_default().push(quote! {
                if __schema_rest.starts_with(#quoted) {
                    return ::core::option::Option::Some((#i, #len));
                }
            });
        }
    }
    let firsts = by_first
        .iter()
        .map(|(first, tests)| quote!(#first => { #(#tests)* ::core::option::Option::None }));
    let names = by_length.iter().map(|(len, arms)| {
        quote!(#len => match __schema_key { #(#arms)* _ => ::core::option::Option::None },)
    });
    let checks = model.fields.iter().enumerate().map(|(i, f)| {
        let body = rules(f);
        quote!(#i => { #body })
    });
    let asserts = model.fields.iter().map(assertions);
    let validates = model.fields.iter().enumerate().map(|(i, f)| {
        let (field, ty) = (&f.ident, &f.ty);
        quote_spanned!(ty.span()=> ::job_schema::__private::validate_field::<Self, #ty>(#i, &self.#field, __schema_prefix, __schema_sink);)
    });
    // A nested struct's object is read by the walker one level down; every field gets an
    // arm, and the type's own `__read_into` decides (a type that is not a struct skips).
    let nested_arms = model.fields.iter().enumerate().map(|(i, f)| {
        let (field, ty) = (&f.ident, &f.ty);
        quote_spanned! {ty.span()=>
            #i => <#ty as ::job_schema::__private::FieldValue>::__read_into::<__SCHEMA_BUILD>(
                __schema_record.map(|__schema_record| &mut __schema_record.#field),
                __schema_tokens, __schema_path, __schema_sink,
            ),
        }
    });
    let set_arms = model.fields.iter().enumerate().map(|(i, f)| {
        let (field, ty) = (&f.ident, &f.ty);
        quote_spanned! {ty.span()=>
            #i => ::job_schema::__private::store_value::<Self, #ty>(
                &mut self.#field, #i, __schema_value, __schema_before, __schema_path, __schema_sink,
            ),
        }
    });
    // A field the body leaves out takes serde's default: its own, else the struct's, else
    // (a field that is read) its unset value or (a skipped field) `Default::default()`.
    let container_default = model.default.as_ref().map(|default| {
        let value = match default {
            SerdeDefault::Trait => quote!(<Self as ::core::default::Default>::default()),
            SerdeDefault::Path(path) => quote_spanned!(path.span()=> #path()),
        };
        quote!(let __schema_default: Self = #value;)
    });
    let initial =
        |field: &syn::Ident, default: Option<&SerdeDefault>, otherwise: TokenStream| match (
            default,
            &model.default,
        ) {
            (Some(SerdeDefault::Trait), _) => {
                quote_spanned!(field.span()=> ::core::default::Default::default())
            }
            (Some(SerdeDefault::Path(path)), _) => quote_spanned!(path.span()=> #path()),
            (None, Some(_)) => quote!(__schema_default.#field),
            (None, None) => otherwise,
        };
    let mut unset: Vec<TokenStream> = model
        .fields
        .iter()
        .map(|f| {
            let (field, ty) = (&f.ident, &f.ty);
            let otherwise =
                quote_spanned!(ty.span()=> <#ty as ::job_schema::__private::FieldValue>::unset());
            let value = initial(field, f.default.as_ref(), otherwise);
            quote!(#field: #value,)
        })
        .collect();
    for (field, default) in &model.skipped {
        let value = initial(
            field,
            default.as_ref(),
            quote_spanned!(field.span()=> ::core::default::Default::default()),
        );
        unset.push(quote!(#field: #value,));
    }
    let (custom_prefix, custom_unset, custom_validate, custom_assert, custom_set) = match &model
        .custom
    {
        Some((field, ty, prefix, default)) => (
            quote!(::core::option::Option::Some(#prefix)),
            {
                let value = initial(
                    field,
                    default.as_ref(),
                    quote!(::core::default::Default::default()),
                );
                quote!(#field: #value,)
            },
            quote_spanned!(ty.span()=> ::job_schema::__private::validate_custom::<Self, #ty>(&self.#field, __schema_prefix, __schema_sink);),
            quote_spanned!(ty.span()=> const _: () = ::job_schema::__private::assert_custom::<#ty>();),
            quote_spanned! {ty.span()=>
                <#ty as ::job_schema::__private::CustomFields>::insert_custom(&mut self.#field, __schema_key, __schema_value);
            },
        ),
        None => (
            quote!(::core::option::Option::None),
            TokenStream::new(),
            TokenStream::new(),
            TokenStream::new(),
            quote!(let _ = (__schema_key, __schema_value);),
        ),
    };

    let deny_unknown_fields = model.deny_unknown_fields;

    quote! {
        #[allow(deprecated, non_local_definitions, clippy::all, clippy::pedantic)]
        const _: () = {
            #(#asserts)*
            #custom_assert

            #[automatically_derived]
            impl ::job_schema::__private::FieldValue for #ident {
                const SHAPE: ::job_schema::__private::Shape = ::job_schema::__private::Shape::Nested;
                const NESTED: ::core::option::Option<&'static [::job_schema::__private::FieldSpec]> =
                    ::core::option::Option::Some(<Self as ::job_schema::__private::Schema>::FIELDS);

                fn scalar(&self) -> ::core::option::Option<::job_schema::__private::Scalar<'_>> {
                    ::core::option::Option::None
                }

                fn from_scalar(_: ::job_schema::__private::Scalar<'_>) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }

                fn unset() -> Self {
                    #container_default
                    Self { #(#unset)* #custom_unset }
                }

                fn dive(&self, __schema_path: &::job_schema::__private::Path<'_>, __schema_sink: &mut ::job_schema::__private::Sink<'_>) {
                    ::job_schema::__private::Validate::validate_into(self, __schema_path, __schema_sink);
                }

                fn __read_into<const __SCHEMA_BUILD: bool>(
                    __schema_slot: ::core::option::Option<&mut Self>,
                    __schema_tokens: &mut ::job_schema::__private::Tokenizer<'_>,
                    __schema_path: &::job_schema::__private::Path<'_>,
                    __schema_sink: &mut ::job_schema::__private::Sink<'_>,
                ) -> ::core::result::Result<(), ::job_schema::__private::SyntaxError> {
                    ::job_schema::__private::read_nested::<Self, __SCHEMA_BUILD>(__schema_slot, __schema_tokens, __schema_path, __schema_sink)
                }
            }

            #[automatically_derived]
            impl ::job_schema::__private::Validate for #ident {
                fn validate_into(&self, __schema_prefix: &::job_schema::__private::Path<'_>, __schema_sink: &mut ::job_schema::__private::Sink<'_>) {
                    #(#validates)*
                    #custom_validate
                }
            }

            #[automatically_derived]
            impl ::job_schema::__private::Schema for #ident {
                const FIELDS: &'static [::job_schema::__private::FieldSpec] = &[#(#table),*];
                const CUSTOM_PREFIX: ::core::option::Option<&'static str> = #custom_prefix;
                const __NAME_KEYS: &'static [::job_schema::__private::NameKey] =
                    &[#(::job_schema::__private::NameKey::of(#wires)),*];
                const __DENY_UNKNOWN_FIELDS: bool = #deny_unknown_fields;

                fn __field_index(__schema_key: &str) -> ::core::option::Option<usize> {
                    match __schema_key.len() {
                        #(#names)*
                        _ => ::core::option::Option::None,
                    }
                }

                #[inline]
                fn __field_at(__schema_rest: &[u8]) -> ::core::option::Option<(usize, usize)> {
                    match *__schema_rest.first()? {
                        #(#firsts)*
                        _ => ::core::option::Option::None,
                    }
                }

                #[allow(unused_variables)]
                fn __check_field(
                    __schema_index: usize,
                    __schema_value: ::core::option::Option<::job_schema::__private::Scalar<'_>>,
                    __schema_path: &::job_schema::__private::Path<'_>,
                    __schema_sink: &mut ::job_schema::__private::Sink<'_>,
                ) {
                    match __schema_index {
                        #(#checks)*
                        _ => {}
                    }
                }

                #[allow(unused_variables)]
                fn __set(
                    &mut self,
                    __schema_index: usize,
                    __schema_value: ::job_schema::__private::Scalar<'_>,
                    __schema_before: usize,
                    __schema_path: &::job_schema::__private::Path<'_>,
                    __schema_sink: &mut ::job_schema::__private::Sink<'_>,
                ) {
                    match __schema_index {
                        #(#set_arms)*
                        _ => {}
                    }
                }

                fn __set_custom(&mut self, __schema_key: ::job_schema::__private::String, __schema_value: ::job_schema::__private::String) {
                    #custom_set
                }

                #[allow(unused_variables)]
                fn __read_nested<const __SCHEMA_BUILD: bool>(
                    __schema_record: ::core::option::Option<&mut Self>,
                    __schema_index: usize,
                    __schema_tokens: &mut ::job_schema::__private::Tokenizer<'_>,
                    __schema_path: &::job_schema::__private::Path<'_>,
                    __schema_sink: &mut ::job_schema::__private::Sink<'_>,
                ) -> ::core::result::Result<(), ::job_schema::__private::SyntaxError> {
                    match __schema_index {
                        #(#nested_arms)*
                        _ => ::job_schema::__private::skip_value(__schema_tokens),
                    }
                }
            }
        };
    }
}

/// The message of a deprecated field's warning, before its note.
const DEPRECATED_NOTICE: &str = "is deprecated";

/// The message of a read-only field's warning in the create direction.
const READ_ONLY_NOTICE: &str = "is read-only: the API ignores it in a create request";

/// The table entry of one field.
fn spec(field: &Field) -> TokenStream {
    let (wire, ty, doc) = (&field.wire, &field.ty, &field.doc);
    let ident = field.ident.to_string();
    let ident = ident.strip_prefix("r#").unwrap_or(&ident);
    let mut rules = Vec::new();
    if field.required {
        rules.push(quote!(::job_schema::__private::Rule::Required));
    }
    if let Some((n, _)) = field.max_len {
        rules.push(quote!(::job_schema::__private::Rule::MaxLen(#n)));
    }
    match &field.enum_values {
        Some((Enum::Strs(values), _)) => {
            rules.push(quote!(::job_schema::__private::Rule::EnumStrs(&[#(#values),*])));
        }
        Some((Enum::Ints(values), _)) => {
            rules.push(quote!(::job_schema::__private::Rule::EnumInts(&[#(#values),*])));
        }
        None => {}
    }
    if field.bool01.is_some() {
        rules.push(quote!(::job_schema::__private::Rule::Bool01));
    }
    if let Some((format, _)) = field.format {
        let variant = match format {
            Format::Uuid => quote!(Uuid),
            Format::Datetime => quote!(Datetime),
            Format::Date => quote!(Date),
            Format::Number => quote!(Number),
            Format::UuidList => quote!(UuidList),
        };
        rules.push(quote!(::job_schema::__private::Rule::#variant));
    }
    if let Some((min, max, _)) = field.range {
        rules.push(quote!(::job_schema::__private::Rule::Range { min: #min, max: #max }));
    }
    let class = match &field.class {
        Class::Writable => quote!(::job_schema::__private::FieldClass::Writable),
        Class::ReadOnly => quote!(::job_schema::__private::FieldClass::ReadOnly),
        Class::Deprecated(None) => quote!(::job_schema::__private::FieldClass::Deprecated(
            ::core::option::Option::None
        )),
        Class::Deprecated(Some(note)) => {
            quote!(::job_schema::__private::FieldClass::Deprecated(::core::option::Option::Some(#note)))
        }
    };
    let pointer = format!("/{}", wire.replace('~', "~0").replace('/', "~1"));
    let notice = match &field.class {
        Class::Writable => String::new(),
        Class::ReadOnly => READ_ONLY_NOTICE.to_owned(),
        Class::Deprecated(None) => DEPRECATED_NOTICE.to_owned(),
        Class::Deprecated(Some(note)) => format!("{DEPRECATED_NOTICE}: {note}"),
    };
    quote_spanned! {ty.span()=>
        ::job_schema::__private::FieldSpec {
            name: #wire,
            pointer: #pointer,
            notice: #notice,
            ident: #ident,
            shape: <#ty as ::job_schema::__private::FieldValue>::SHAPE,
            optional: <#ty as ::job_schema::__private::FieldValue>::OPTIONAL,
            list: <#ty as ::job_schema::__private::FieldValue>::LIST,
            rules: &[#(#rules),*],
            class: #class,
            doc: #doc,
            nested: <#ty as ::job_schema::__private::FieldValue>::NESTED,
        }
    }
}

/// The rule calls of one field, in a fixed order: `required` first (an empty required value
/// skips the others), then length, allowed values, flag, format and range.
fn rules(field: &Field) -> TokenStream {
    let path = quote!(__schema_path);
    let sink = quote!(__schema_sink);
    let value = quote!(__schema_v);
    let mut calls = Vec::new();
    if let Some((n, _)) = field.max_len {
        calls.push(quote!(::job_schema::__private::max_len(#value, #n, #path, #sink);));
    }
    match &field.enum_values {
        Some((Enum::Strs(values), _)) => {
            calls.push(
                quote!(::job_schema::__private::enum_strs(#value, &[#(#values),*], #path, #sink);),
            );
        }
        Some((Enum::Ints(values), _)) => {
            calls.push(
                quote!(::job_schema::__private::enum_ints(#value, &[#(#values),*], #path, #sink);),
            );
        }
        None => {}
    }
    if field.bool01.is_some() {
        calls.push(quote!(::job_schema::__private::bool01(#value, #path, #sink);));
    }
    if let Some((format, _)) = field.format {
        let function = match format {
            Format::Uuid => quote!(uuid),
            Format::Datetime => quote!(datetime),
            Format::Date => quote!(date),
            Format::Number => quote!(number),
            Format::UuidList => quote!(uuid_list),
        };
        calls.push(quote!(::job_schema::__private::#function(#value, #path, #sink);));
    }
    if let Some((min, max, _)) = field.range {
        let with_number = matches!(field.format, Some((Format::Number, _)));
        calls.push(
            quote!(::job_schema::__private::range(#value, #min, #max, #with_number, #path, #sink);),
        );
    }
    let unset = if field.required {
        quote!(::job_schema::__private::required_unset(#path, #sink))
    } else {
        quote!({})
    };
    // A list's elements are checked one by one with the same calls, but `required` is the
    // list's own (present and not empty), never an element's.
    let ty = &field.ty;
    let required = if field.required {
        quote!(if !<#ty as ::job_schema::__private::FieldValue>::LIST && !::job_schema::__private::required(#value, #path, #sink) { return; })
    } else {
        TokenStream::new()
    };
    quote! {
        match __schema_value {
            ::core::option::Option::None => #unset,
            ::core::option::Option::Some(#value) => {
                #required
                #(#calls)*
            }
        }
    }
}

/// Trait assertions that reject a rule on a type it cannot apply to, reported at the rule's
/// key. The type's tokens are re-spanned to the key so that the error lands there.
fn assertions(field: &Field) -> TokenStream {
    let mut out = Vec::new();
    let ty = field.ty.to_token_stream();
    out.push(quote_spanned!(field.ident.span()=> const _: () = ::job_schema::__private::assert_field::<#ty>();));
    out.push(quote_spanned! {field.ty.span()=>
        const _: () = if let ::core::option::Option::Some(__schema_why) =
            <#ty as ::job_schema::__private::FieldValue>::__UNREADABLE
        {
            ::core::panic!("{}", __schema_why)
        };
    });
    let mut assert = |span: Span, check: TokenStream| {
        let ty = respan(ty.clone(), span);
        out.push(quote_spanned!(span=> const _: () = ::job_schema::__private::#check::<#ty>();));
    };
    if let Some((_, span)) = field.max_len {
        assert(span, quote!(assert_text));
    }
    match &field.enum_values {
        Some((Enum::Strs(_), span)) => assert(*span, quote!(assert_text)),
        Some((Enum::Ints(_), span)) => assert(*span, quote!(assert_integer)),
        None => {}
    }
    if let Some(span) = field.bool01 {
        assert(span, quote!(assert_integer));
    }
    if let Some((format, span)) = field.format {
        if format == Format::Number {
            assert(span, quote!(assert_numeric));
        } else {
            assert(span, quote!(assert_text));
        }
    }
    if let Some((_, _, span)) = field.range {
        assert(span, quote!(assert_numeric));
    }
    quote!(#(#out)*)
}

fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tt| {
            if let TokenTree::Group(group) = &tt {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tt = TokenTree::Group(inner);
            } else {
                tt.set_span(span);
            }
            tt
        })
        .collect()
}

/// Stub impls emitted beside the errors of a schema that does not hold, so that the user
/// sees the schema's mistakes and not a cascade of "trait not implemented".
pub fn fallback(input: &syn::DeriveInput) -> TokenStream {
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let ident = &input.ident;
    quote! {
        #[allow(unreachable_code, unused_variables)]
        const _: () = {
            impl ::job_schema::__private::Validate for #ident {
                fn validate_into(&self, _: &::job_schema::__private::Path<'_>, _: &mut ::job_schema::__private::Sink<'_>) {}
            }
            impl ::job_schema::__private::FieldValue for #ident {
                const SHAPE: ::job_schema::__private::Shape = ::job_schema::__private::Shape::Nested;
                fn scalar(&self) -> ::core::option::Option<::job_schema::__private::Scalar<'_>> {
                    ::core::option::Option::None
                }
                fn from_scalar(_: ::job_schema::__private::Scalar<'_>) -> ::core::option::Option<Self> {
                    ::core::option::Option::None
                }
                fn unset() -> Self {
                    ::core::unimplemented!()
                }
            }
            impl ::job_schema::__private::Schema for #ident {
                const FIELDS: &'static [::job_schema::__private::FieldSpec] = &[];
                const CUSTOM_PREFIX: ::core::option::Option<&'static str> = ::core::option::Option::None;
                fn __field_index(_: &str) -> ::core::option::Option<usize> {
                    ::core::option::Option::None
                }
                fn __check_field(
                    _: usize,
                    _: ::core::option::Option<::job_schema::__private::Scalar<'_>>,
                    _: &::job_schema::__private::Path<'_>,
                    _: &mut ::job_schema::__private::Sink<'_>,
                ) {}
                fn __set(
                    &mut self,
                    _: usize,
                    _: ::job_schema::__private::Scalar<'_>,
                    _: usize,
                    _: &::job_schema::__private::Path<'_>,
                    _: &mut ::job_schema::__private::Sink<'_>,
                ) {}
                fn __set_custom(&mut self, _: ::job_schema::__private::String, _: ::job_schema::__private::String) {}
            }
        };
    }
}
