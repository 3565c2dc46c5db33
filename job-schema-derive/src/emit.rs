//! Generates, from the checked model: the field table, one inline call per rule (shared by
//! `validate()` and the JSON reader), the collecting reader, the trait assertions that make
//! the compiler reject a rule on a type it cannot apply to, at the rule's key, and (with
//! `#[schema(deserialize)]`) serde's `Deserialize` through the reader, and (with
//! `#[schema(schemars)]`, `#[schema(validator)]`) a call of the runtime's macro for each of
//! those traits.
//!
//! Generated code names the runtime and `core` only as `names` writes them, and its items and
//! locals start with `__schema_`.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned, ToTokens};
use syn::spanned::Spanned;

use crate::model::{Class, Enum, Field, Format, Interop, SerdeDefault, Struct};
use crate::names::{core_alias, core_module, Runtime};

pub fn emit(model: &Struct) -> TokenStream {
    let runtime = Runtime(model.krate.as_ref());
    let rt = runtime.at(Span::call_site());
    let ident = &model.ident;
    let table = model.fields.iter().map(|f| spec(f, runtime));
    let name_keys = model
        .fields
        .iter()
        .map(|f| {
            let wire = &f.wire;
            quote!(#rt::NameKey::of(#wire))
        })
        .collect::<Vec<_>>();
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
                .push(quote!(#wire => __schema_core::option::Option::Some(#i),));
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
                    return __schema_core::option::Option::Some((#i, #len));
                }
            });
        }
    }
    let firsts = by_first
        .iter()
        .map(|(first, tests)| quote!(#first => { #(#tests)* __schema_core::option::Option::None }));
    let names = by_length.iter().map(|(len, arms)| {
        quote!(#len => match __schema_key { #(#arms)* _ => __schema_core::option::Option::None },)
    });
    // Fields whose rule calls are the same (every `datetime` field, every `uuid` field) share
    // one arm: the jump on the index then has a few targets instead of one per field, which a
    // processor guesses right more often when keys come in any order.
    let mut arms: Vec<(Vec<usize>, TokenStream)> = Vec::new();
    let mut arm_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, f) in model.fields.iter().enumerate() {
        let body = rules(f, &rt);
        match arm_of.entry(body.to_string()) {
            std::collections::hash_map::Entry::Occupied(arm) => arms[*arm.get()].0.push(i),
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(arms.len());
                arms.push((vec![i], body));
            }
        }
    }
    let checks = arms
        .iter()
        .map(|(indices, body)| quote!(#(#indices)|* => { #body }));
    let asserts = model.fields.iter().map(|f| assertions(f, runtime));
    let validates = model.fields.iter().enumerate().map(|(i, f)| {
        let (field, ty) = (&f.ident, &f.ty);
        let rt = runtime.at(ty.span());
        quote_spanned!(ty.span()=> #rt::validate_field::<Self, #ty>(#i, &self.#field, __schema_prefix, __schema_sink);)
    });
    // A nested struct's object is read by the walker one level down; every field gets an
    // arm, and the type's own `__read_into` decides (a type that is not a struct skips).
    let nested_arms = model.fields.iter().enumerate().map(|(i, f)| {
        let (field, ty) = (&f.ident, &f.ty);
        let rt = runtime.at(ty.span());
        quote_spanned! {ty.span()=>
            #i => <#ty as #rt::Field>::read_into::<__SCHEMA_BUILD>(
                __schema_record.map(|__schema_record| &mut __schema_record.#field),
                __schema_tokens, __schema_path, __schema_sink,
            ),
        }
    });
    // Which fields' types take every scalar of their shape: once a body has an error, the
    // reader stores nothing in them.
    let takes_all = model.fields.iter().map(|f| {
        let ty = &f.ty;
        let rt = runtime.at(ty.span());
        quote_spanned!(ty.span()=> <#ty as #rt::Field>::TAKES_ALL_OF_SHAPE)
    });
    let set_arms = model.fields.iter().enumerate().map(|(i, f)| {
        let (field, ty) = (&f.ident, &f.ty);
        let rt = runtime.at(ty.span());
        quote_spanned! {ty.span()=>
            #i => #rt::store_value::<Self, #ty>(
                &mut self.#field, #i, __schema_value, __schema_build, __schema_path, __schema_sink,
            ),
        }
    });
    // A field the body leaves out takes serde's default: its own, else the struct's, else
    // (a field that is read) its unset value or (a skipped field) `Default::default()`.
    let container_default = model.default.as_ref().map(|default| {
        let value = match default {
            SerdeDefault::Trait => quote!(<Self as __schema_core::default::Default>::default()),
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
                let default = core_module("default", field.span());
                quote_spanned!(field.span()=> #default::Default::default())
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
            let rt = runtime.at(ty.span());
            let otherwise = quote_spanned!(ty.span()=> <#ty as #rt::Field>::unset());
            let value = initial(field, f.default.as_ref(), otherwise);
            quote!(#field: #value,)
        })
        .collect();
    for (field, default) in &model.skipped {
        let core_default = core_module("default", field.span());
        let value = initial(
            field,
            default.as_ref(),
            quote_spanned!(field.span()=> #core_default::Default::default()),
        );
        unset.push(quote!(#field: #value,));
    }
    let (custom_prefix, custom_unset, custom_validate, custom_assert, custom_set) = match &model
        .custom
    {
        Some((field, ty, prefix, default)) => {
            let rt = runtime.at(ty.span());
            (
                quote!(__schema_core::option::Option::Some(#prefix)),
                {
                    let value = initial(
                        field,
                        default.as_ref(),
                        quote!(__schema_core::default::Default::default()),
                    );
                    quote!(#field: #value,)
                },
                quote_spanned!(ty.span()=> #rt::validate_custom::<Self, #ty>(&self.#field, __schema_prefix, __schema_sink);),
                quote_spanned!(ty.span()=> const _: () = #rt::assert_custom::<#ty>();),
                quote_spanned! {ty.span()=>
                    <#ty as #rt::CustomFields>::insert_custom(&mut self.#field, __schema_key, __schema_value);
                },
            )
        }
        None => (
            quote!(__schema_core::option::Option::None),
            TokenStream::new(),
            TokenStream::new(),
            TokenStream::new(),
            quote!(let _ = (__schema_key, __schema_value);),
        ),
    };

    let deny_unknown_fields = model.deny_unknown_fields;
    let homes = model.homes.as_ref().map(|path| {
        let rt = runtime.at(path.span());
        quote_spanned!(path.span()=> const HOMES: &'static [#rt::Home] = #path;)
    });
    // `#[schema(check_value = "path")]`: the function sees every set value after the field's
    // rules, in both doors (the reader and `validate()` meet here).
    let check_value_const = model.check_value.as_ref().map(|function| {
        quote! {
            const CHECK_VALUE: __schema_core::option::Option<#rt::CheckValue> =
                __schema_core::option::Option::Some(#function);
        }
    });
    // Called through the constant, whose type is the one place a function of the wrong type
    // is reported (at the string).
    let check_value = model.check_value.is_some().then(|| {
        quote! {
            if let (
                __schema_core::option::Option::Some(__schema_check),
                __schema_core::option::Option::Some(__schema_set),
            ) = (<Self as #rt::Schema>::CHECK_VALUE, __schema_value)
            {
                #rt::check_set_value(
                    __schema_check,
                    &<Self as #rt::Schema>::FIELDS[__schema_index],
                    __schema_set,
                    __schema_path,
                    __schema_sink,
                );
            }
        }
    });
    let core_alias = core_alias();
    let interop = interop_impls(ident, model.interop, runtime);
    let deserialize = model.deserialize.then(|| {
        deserialize_impl(
            ident,
            &rt,
            &quote!(#rt::deserialize::<Self, __SchemaD>(__schema_deserializer)),
        )
    });

    quote! {
        #[allow(
            deprecated,
            non_local_definitions,
            clippy::all,
            clippy::pedantic,
            clippy::nursery,
            clippy::restriction
        )]
        const _: () = {
            #core_alias
            #(#asserts)*
            #custom_assert

            #[automatically_derived]
            impl #rt::Field for #ident {
                const SHAPE: #rt::Shape = #rt::Shape::Nested;
                const NESTED: __schema_core::option::Option<&'static [#rt::FieldSpec]> =
                    __schema_core::option::Option::Some(<Self as #rt::Schema>::FIELDS);
                const NESTED_CUSTOM_PREFIX: __schema_core::option::Option<&'static str> =
                    <Self as #rt::Schema>::CUSTOM_PREFIX;
                const NESTED_DENY_UNKNOWN_FIELDS: bool = #deny_unknown_fields;
                const NESTED_CHECK_VALUE: __schema_core::option::Option<#rt::CheckValue> =
                    <Self as #rt::Schema>::CHECK_VALUE;

                fn scalar(&self) -> __schema_core::option::Option<#rt::Scalar<'_>> {
                    __schema_core::option::Option::None
                }

                fn from_scalar(_: #rt::Scalar<'_>) -> __schema_core::option::Option<Self> {
                    __schema_core::option::Option::None
                }

                fn unset() -> Self {
                    #container_default
                    Self { #(#unset)* #custom_unset }
                }

                fn dive(&self, __schema_path: &#rt::Path<'_>, __schema_sink: &mut #rt::Sink<'_>) {
                    #rt::Validate::validate_into(self, __schema_path, __schema_sink);
                }

                fn read_into<const __SCHEMA_BUILD: bool>(
                    __schema_slot: __schema_core::option::Option<&mut Self>,
                    __schema_tokens: &mut #rt::Tokenizer<'_>,
                    __schema_path: &#rt::Path<'_>,
                    __schema_sink: &mut #rt::Sink<'_>,
                ) -> __schema_core::result::Result<(), #rt::SyntaxError> {
                    #rt::read_nested::<Self, __SCHEMA_BUILD>(__schema_slot, __schema_tokens, __schema_path, __schema_sink)
                }
            }

            #[automatically_derived]
            impl #rt::Validate for #ident {
                fn validate_into(&self, __schema_prefix: &#rt::Path<'_>, __schema_sink: &mut #rt::Sink<'_>) {
                    #(#validates)*
                    #custom_validate
                }
            }

            #[automatically_derived]
            impl #rt::Schema for #ident {
                const FIELDS: &'static [#rt::FieldSpec] = &[#(#table),*];
                const CUSTOM_PREFIX: __schema_core::option::Option<&'static str> = #custom_prefix;
                #homes
                #check_value_const
            }

            #[automatically_derived]
            impl #rt::Plumbing for #ident {
                const __NAME_KEYS: &'static [#rt::NameKey] =
                    &[#(#name_keys),*];
                const __DENY_UNKNOWN_FIELDS: bool = #deny_unknown_fields;
                const __TAKES_ALL_OF_SHAPE: &'static [bool] = &[#(#takes_all),*];

                fn __field_index(__schema_key: &str) -> __schema_core::option::Option<usize> {
                    match __schema_key.len() {
                        #(#names)*
                        _ => __schema_core::option::Option::None,
                    }
                }

                #[inline]
                fn __field_at(__schema_rest: &[u8]) -> __schema_core::option::Option<(usize, usize)> {
                    match *__schema_rest.first()? {
                        #(#firsts)*
                        _ => __schema_core::option::Option::None,
                    }
                }

                #[allow(unused_variables)]
                fn __check_field(
                    __schema_index: usize,
                    __schema_value: __schema_core::option::Option<#rt::Scalar<'_>>,
                    __schema_path: &#rt::Path<'_>,
                    __schema_sink: &mut #rt::Sink<'_>,
                ) {
                    match __schema_index {
                        #(#checks)*
                        _ => {}
                    }
                    #check_value
                }

                #[allow(unused_variables)]
                fn __set(
                    &mut self,
                    __schema_index: usize,
                    __schema_value: #rt::Scalar<'_>,
                    __schema_build: bool,
                    __schema_path: &#rt::Path<'_>,
                    __schema_sink: &mut #rt::Sink<'_>,
                ) {
                    match __schema_index {
                        #(#set_arms)*
                        _ => {}
                    }
                }

                fn __set_custom(&mut self, __schema_key: #rt::String, __schema_value: #rt::String) {
                    #custom_set
                }

                #[allow(unused_variables)]
                fn __read_nested<const __SCHEMA_BUILD: bool>(
                    __schema_record: __schema_core::option::Option<&mut Self>,
                    __schema_index: usize,
                    __schema_tokens: &mut #rt::Tokenizer<'_>,
                    __schema_path: &#rt::Path<'_>,
                    __schema_sink: &mut #rt::Sink<'_>,
                ) -> __schema_core::result::Result<(), #rt::SyntaxError> {
                    match __schema_index {
                        #(#nested_arms)*
                        _ => #rt::skip_value(__schema_tokens),
                    }
                }
            }

            #deserialize
        };
        #interop
    }
}

/// The impls of `#[schema(schemars)]` and `#[schema(validator)]`: a call of the runtime's
/// macro for each, at the opt-in's key. The macro writes the impl with `$crate` paths (every
/// edition, no prelude needed) and stands for a compile error, at the key, when the runtime
/// lacks the feature. Outside the `const _` block, so that the macro's path is resolved as
/// the user's other paths to the runtime are.
fn interop_impls(ident: &syn::Ident, interop: Interop, runtime: Runtime<'_>) -> TokenStream {
    let call = |span: Option<Span>, name: &str| {
        span.map(|span| {
            let rt = runtime.at(span);
            let name = syn::Ident::new(name, span);
            quote_spanned!(span=> #rt::#name! { #ident })
        })
    };
    let schemars = call(interop.schemars, "schemars_impl");
    let validator = call(interop.validator, "validator_impl");
    quote!(#schemars #validator)
}

/// serde's `Deserialize` for a struct with `#[schema(deserialize)]`, whose body is `body`
/// (the call into the runtime, or a stub beside errors).
fn deserialize_impl(ident: &syn::Ident, rt: &TokenStream, body: &TokenStream) -> TokenStream {
    quote! {
        #[automatically_derived]
        impl<'__schema_de> #rt::serde::Deserialize<'__schema_de> for #ident {
            fn deserialize<__SchemaD>(
                __schema_deserializer: __SchemaD,
            ) -> __schema_core::result::Result<Self, __SchemaD::Error>
            where
                __SchemaD: #rt::serde::Deserializer<'__schema_de>,
            {
                #body
            }
        }
    }
}

/// The message of a deprecated field's warning, before its note.
const DEPRECATED_NOTICE: &str = "is deprecated";

/// The message of a read-only field's warning in the create direction.
const READ_ONLY_NOTICE: &str = "is read-only: the API ignores it in a create request";

/// The table entry of one field.
fn spec(field: &Field, runtime: Runtime<'_>) -> TokenStream {
    let (wire, ty, doc, aliases) = (&field.wire, &field.ty, &field.doc, &field.aliases);
    let rt = runtime.at(Span::call_site());
    let ident = field.ident.to_string();
    let ident = ident.strip_prefix("r#").unwrap_or(&ident);
    let mut rules = Vec::new();
    if field.required {
        rules.push(quote!(#rt::Rule::Required));
    }
    if let Some((n, _)) = field.max_len {
        rules.push(quote!(#rt::Rule::MaxLen(#n)));
    }
    match &field.enum_values {
        Some((Enum::Strs(values), _)) => {
            rules.push(quote!(#rt::Rule::EnumStrs(&[#(#values),*])));
        }
        Some((Enum::Ints(values), _)) => {
            rules.push(quote!(#rt::Rule::EnumInts(&[#(#values),*])));
        }
        None => {}
    }
    if field.bool01.is_some() {
        rules.push(quote!(#rt::Rule::Bool01));
    }
    if let Some((format, _)) = field.format {
        let variant = match format {
            Format::Uuid => quote!(Uuid),
            Format::Datetime => quote!(Datetime),
            Format::Date => quote!(Date),
            Format::Number => quote!(Number),
            Format::UuidList => quote!(UuidList),
        };
        rules.push(quote!(#rt::Rule::#variant));
    }
    if let Some((min, max, _)) = field.range {
        rules.push(quote!(#rt::Rule::Range { min: #min, max: #max }));
    }
    let class = match &field.class {
        Class::Writable => quote!(#rt::FieldClass::Writable),
        Class::ReadOnly => quote!(#rt::FieldClass::ReadOnly),
        Class::Deprecated(None) => quote!(#rt::FieldClass::Deprecated(
            __schema_core::option::Option::None
        )),
        Class::Deprecated(Some(note)) => {
            quote!(#rt::FieldClass::Deprecated(__schema_core::option::Option::Some(#note)))
        }
    };
    let pointer = format!("/{}", wire.replace('~', "~0").replace('/', "~1"));
    let notice = match &field.class {
        Class::Writable => String::new(),
        Class::ReadOnly => READ_ONLY_NOTICE.to_owned(),
        Class::Deprecated(None) => DEPRECATED_NOTICE.to_owned(),
        Class::Deprecated(Some(note)) => format!("{DEPRECATED_NOTICE}: {note}"),
    };
    let rt = runtime.at(ty.span());
    // A field that writes no rule only a text or number could take may hold a type that
    // implies its format rule (`uuid::Uuid`, …): the table then lists that rule too, where a
    // written format rule would stand.
    let rules = if may_imply(field) {
        let option = core_module("option", ty.span());
        let implied = [quote!(Uuid), quote!(Datetime), quote!(Date)].map(|variant| {
            quote_spanned! {ty.span()=>
                #option::Option::Some(#rt::Rule::#variant) => &[#(#rules,)* #rt::Rule::#variant],
            }
        });
        quote_spanned! {ty.span()=>
            match <#ty as #rt::Field>::FORMAT {
                #(#implied)*
                _ => &[#(#rules),*],
            }
        }
    } else {
        quote!(&[#(#rules),*])
    };
    quote_spanned! {ty.span()=>
        #rt::FieldSpec {
            name: #wire,
            pointer: #pointer,
            notice: #notice,
            ident: #ident,
            shape: <#ty as #rt::Field>::SHAPE,
            optional: <#ty as #rt::Field>::OPTIONAL,
            list: <#ty as #rt::Field>::LIST,
            rules: #rules,
            class: #class,
            doc: #doc,
            nested: <#ty as #rt::Field>::NESTED,
            aliases: &[#(#aliases),*],
            nested_custom_prefix: <#ty as #rt::Field>::NESTED_CUSTOM_PREFIX,
            nested_deny_unknown_fields: <#ty as #rt::Field>::NESTED_DENY_UNKNOWN_FIELDS,
            nested_check_value: <#ty as #rt::Field>::NESTED_CHECK_VALUE,
        }
    }
}

/// Whether the field's type may imply a format rule (`Field::FORMAT`): it writes no format
/// rule itself, and no rule that only text or a number takes (which a `uuid::Uuid` or a
/// `chrono` date would not compile with). The derive cannot see the type, so for such a field
/// the table and the rule calls ask it.
fn may_imply(field: &Field) -> bool {
    field.format.is_none()
        && field.max_len.is_none()
        && field.enum_values.is_none()
        && field.bool01.is_none()
        && field.range.is_none()
}

/// The rule calls of one field, in a fixed order: `required` first (an empty required value
/// skips the others), then length, allowed values, flag, format and range.
fn rules(field: &Field, rt: &TokenStream) -> TokenStream {
    let path = quote!(__schema_path);
    let sink = quote!(__schema_sink);
    let value = quote!(__schema_v);
    let mut calls = Vec::new();
    if let Some((n, _)) = field.max_len {
        calls.push(quote!(#rt::max_len(#value, #n, #path, #sink);));
    }
    match &field.enum_values {
        Some((Enum::Strs(values), _)) => {
            calls.push(quote!(#rt::enum_strs(#value, &[#(#values),*], #path, #sink);));
        }
        Some((Enum::Ints(values), _)) => {
            calls.push(quote!(#rt::enum_ints(#value, &[#(#values),*], #path, #sink);));
        }
        None => {}
    }
    if field.bool01.is_some() {
        calls.push(quote!(#rt::bool01(#value, #path, #sink);));
    }
    if let Some((format, _)) = field.format {
        let function = match format {
            Format::Uuid => quote!(uuid),
            Format::Datetime => quote!(datetime),
            Format::Date => quote!(date),
            Format::Number => quote!(number),
            Format::UuidList => quote!(uuid_list),
        };
        calls.push(quote!(#rt::#function(#value, #path, #sink);));
    } else if may_imply(field) {
        let ty = &field.ty;
        calls.push(quote!(#rt::implied_format(<#ty as #rt::Field>::FORMAT, #value, #path, #sink);));
    }
    if let Some((min, max, _)) = field.range {
        let with_number = matches!(field.format, Some((Format::Number, _)));
        calls.push(quote!(#rt::range(#value, #min, #max, #with_number, #path, #sink);));
    }
    let unset = if field.required {
        quote!(#rt::required_unset(#path, #sink))
    } else {
        quote!({})
    };
    // A list's elements are checked one by one with the same calls, but `required` is the
    // list's own (present and not empty), never an element's.
    let ty = &field.ty;
    let required = if field.required {
        quote!(if !<#ty as #rt::Field>::LIST && !#rt::required(#value, #path, #sink) { return; })
    } else {
        TokenStream::new()
    };
    quote! {
        match __schema_value {
            __schema_core::option::Option::None => #unset,
            __schema_core::option::Option::Some(#value) => {
                #required
                #(#calls)*
            }
        }
    }
}

/// Trait assertions that reject a rule on a type it cannot apply to, reported at the rule's
/// key. The type's tokens are re-spanned to the key so that the error lands there.
fn assertions(field: &Field, runtime: Runtime<'_>) -> TokenStream {
    let mut out = Vec::new();
    let ty = field.ty.to_token_stream();
    let rt = runtime.at(field.ident.span());
    out.push(quote_spanned!(field.ident.span()=> const _: () = #rt::assert_field::<#ty>();));
    let rt = runtime.at(field.ty.span());
    let option = core_module("option", field.ty.span());
    out.push(quote_spanned! {field.ty.span()=>
        const _: () = if let #option::Option::Some(__schema_why) =
            <#ty as #rt::Field>::UNREADABLE
        {
            __schema_core::panic!("{}", __schema_why)
        };
    });
    let mut assert = |span: Span, check: TokenStream| {
        let ty = respan(ty.clone(), span);
        let rt = runtime.at(span);
        out.push(quote_spanned!(span=> const _: () = #rt::#check::<#ty>();));
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
        let check = match format {
            Format::Number => quote!(assert_numeric),
            Format::Uuid => quote!(assert_uuid),
            Format::Datetime => quote!(assert_datetime),
            Format::Date => quote!(assert_date),
            Format::UuidList => quote!(assert_text),
        };
        assert(span, check);
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
pub fn fallback(
    input: &syn::DeriveInput,
    krate: Option<&syn::Path>,
    deserialize: bool,
    interop: Interop,
) -> TokenStream {
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let ident = &input.ident;
    let rt = Runtime(krate).at(Span::call_site());
    let core_alias = core_alias();
    let interop = interop_impls(ident, interop, Runtime(krate));
    let deserialize = deserialize.then(|| {
        deserialize_impl(
            ident,
            &rt,
            &quote!(let _ = __schema_deserializer; __schema_core::unimplemented!()),
        )
    });
    quote! {
        #[allow(unreachable_code, unused_variables)]
        const _: () = {
            #core_alias
            impl #rt::Validate for #ident {
                fn validate_into(&self, _: &#rt::Path<'_>, _: &mut #rt::Sink<'_>) {}
            }
            impl #rt::Field for #ident {
                const SHAPE: #rt::Shape = #rt::Shape::Nested;
                fn scalar(&self) -> __schema_core::option::Option<#rt::Scalar<'_>> {
                    __schema_core::option::Option::None
                }
                fn from_scalar(_: #rt::Scalar<'_>) -> __schema_core::option::Option<Self> {
                    __schema_core::option::Option::None
                }
                fn unset() -> Self {
                    __schema_core::unimplemented!()
                }
            }
            impl #rt::Schema for #ident {
                const FIELDS: &'static [#rt::FieldSpec] = &[];
                const CUSTOM_PREFIX: __schema_core::option::Option<&'static str> = __schema_core::option::Option::None;
            }
            impl #rt::Plumbing for #ident {
                fn __field_index(_: &str) -> __schema_core::option::Option<usize> {
                    __schema_core::option::Option::None
                }
                fn __check_field(
                    _: usize,
                    _: __schema_core::option::Option<#rt::Scalar<'_>>,
                    _: &#rt::Path<'_>,
                    _: &mut #rt::Sink<'_>,
                ) {}
                fn __set(
                    &mut self,
                    _: usize,
                    _: #rt::Scalar<'_>,
                    _: bool,
                    _: &#rt::Path<'_>,
                    _: &mut #rt::Sink<'_>,
                ) {}
                fn __set_custom(&mut self, _: #rt::String, _: #rt::String) {}
            }
            #deserialize
        };
        #interop
    }
}
