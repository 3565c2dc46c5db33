//! How generated code names what it uses, so that it compiles wherever a struct may be:
//! in a crate of any edition, without a prelude, under any lint levels.
//!
//! It names only the runtime's `__private` module (under `::job_schema`, or the path of
//! `#[schema(crate = "…")]`) and `core`, through `extern crate core as __schema_core;`
//! declared inside its `const _` block: `::core` does not resolve in an edition 2015 crate
//! (a `::` path starts at its crate root there) and the prelude may be missing
//! (`#![no_implicit_prelude]`), so nothing is named through either.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;

/// How generated code names the runtime: `::job_schema`, or the path given with
/// `#[schema(crate = "…")]`.
#[derive(Clone, Copy)]
pub struct Runtime<'a>(pub Option<&'a syn::Path>);

impl Runtime<'_> {
    /// The runtime's `__private` module. The default path takes `span`, the span of the code
    /// around it, so that an error in that code lands where it belongs; a path given with
    /// `crate = "…"` keeps its string literal's span, where a path that does not resolve is
    /// reported.
    pub fn at(self, span: Span) -> TokenStream {
        if let Some(path) = self.0 {
            // `__private` is marked as generated: a user who imports `Schema` from the same
            // path must not draw `unused_qualifications` on `path::__private::Schema`.
            let private = syn::Ident::new("__private", generated(path.span()));
            quote_spanned!(path.span()=> #path::#private)
        } else {
            quote_spanned!(span=> ::job_schema::__private)
        }
    }
}

/// A span at `span`'s place that the compiler knows comes from the derive. A path with one
/// such segment draws no `unused_qualifications` (the lint skips paths from expansions, and
/// those starting with `::`), while an error in it is still reported at the user's code.
fn generated(span: Span) -> Span {
    Span::call_site().located_at(span)
}

/// `__schema_core::<module>` at `span` (a user's field or type), its middle segment marked as
/// generated: `Some` and `Default` are in the prelude, so the path would otherwise draw the
/// user's `unused_qualifications`.
pub fn core_module(module: &str, span: Span) -> TokenStream {
    let module = syn::Ident::new(module, generated(span));
    quote_spanned!(span=> __schema_core::#module)
}

/// The items every generated block starts with: `core` under a name that resolves in every
/// edition and without a prelude.
pub fn core_alias() -> TokenStream {
    quote! {
        #[allow(unused_extern_crates, clippy::useless_attribute)]
        extern crate core as __schema_core;
    }
}

/// The compile errors of a schema that does not hold. syn writes each as
/// `::core::compile_error! { "…" }`, which an edition 2015 crate cannot resolve (it would
/// report a missing `core` instead of the mistake): each is written here through the `core`
/// alias, at the same spans.
pub fn errors(error: &syn::Error) -> TokenStream {
    let mut tokens: Vec<TokenTree> = error.to_compile_error().into_iter().collect();
    let mut i = 0;
    while i + 2 < tokens.len() {
        let global_core = matches!(
            (&tokens[i], &tokens[i + 1], &tokens[i + 2]),
            (TokenTree::Punct(a), TokenTree::Punct(b), TokenTree::Ident(core))
                if a.as_char() == ':' && b.as_char() == ':' && core == "core"
        );
        if global_core {
            let alias = TokenTree::Ident(syn::Ident::new("__schema_core", tokens[i + 2].span()));
            tokens.splice(i..i + 3, [alias]);
        }
        i += 1;
    }
    let core_alias = core_alias();
    quote! {
        const _: () = {
            #core_alias
            #(#tokens)*
        };
    }
}
