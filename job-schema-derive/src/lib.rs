//! `#[derive(Schema)]` for `job-schema`.
//!
//! Three stages, one file each, through one model: `syntax` reads the struct and its
//! `#[schema(...)]` attributes into a raw model without stopping at the first mistake,
//! `check` turns it into a checked model in which an impossible schema cannot be
//! represented (reporting every mistake at once), and `emit` generates the code, naming the
//! runtime and `core` as `names` writes them (hygiene: every edition, no prelude, no lint).
//! Use it through `job_schema::Schema`, which re-exports it.

mod check;
mod emit;
mod model;
mod names;
mod syntax;

use proc_macro::TokenStream;

/// Derives `job_schema::Validate` and `job_schema::Schema`, and serde's `Deserialize` with
/// `#[schema(deserialize)]`, `schemars::JsonSchema` with `#[schema(schemars)]` and
/// `validator::Validate` with `#[schema(validator)]` (through the runtime's macros).
///
/// See the `job_schema` crate for the attributes.
#[proc_macro_derive(Schema, attributes(schema, serde))]
pub fn derive_schema(input: TokenStream) -> TokenStream {
    let input = match syn::parse::<syn::DeriveInput>(input) {
        Ok(input) => input,
        Err(error) => return names::errors(&error).into(),
    };
    let raw = syntax::read(&input);
    let (krate, deserialize, interop) = (raw.krate.clone(), raw.deserialize.is_some(), raw.interop);
    match check::check(raw) {
        Ok(model) => emit::emit(&model),
        Err(errors) => {
            let mut out = names::errors(&errors);
            out.extend(emit::fallback(&input, krate.as_ref(), deserialize, interop));
            out
        }
    }
    .into()
}
