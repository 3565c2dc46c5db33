//! `schemars::JsonSchema` from the field table (feature `schemars`): for [`Job`](crate::Job),
//! and for a struct with `#[schema(schemars)]`, through the macro the derive calls.
//!
//! The schema is [`Schema::json_schema`] with the default options (lax mode, create
//! direction: a request body as [`Schema::from_json`] reads it) without its `$schema`, which
//! a `SchemaGenerator` writes at the root of the document it makes. The record is one named
//! definition (`$ref: #/$defs/Name`, an OpenAPI component), and its nested structs are
//! inline, as in the export.
//!
//! ```
//! use job_schema::{Job, Options, Schema};
//! use schemars::{schema_for, JsonSchema};
//!
//! // The lax create export, as a generator's root.
//! assert_eq!(schema_for!(Job).to_value(), Job::json_schema(Options::default()));
//!
//! // Inside another type (an OpenAPI generator's request body): one definition, by reference.
//! #[derive(JsonSchema)]
//! struct CreateJobs {
//!     jobs: Vec<Job>,
//! }
//! let schema = schema_for!(CreateJobs).to_value();
//! assert_eq!(schema["properties"]["jobs"]["items"]["$ref"], "#/$defs/Job");
//! assert_eq!(schema["$defs"]["Job"]["properties"]["status"]["enum"][0], "Quote");
//!
//! // A struct of one's own opts in.
//! #[derive(Schema)]
//! #[schema(schemars)]
//! struct Visit {
//!     #[schema(required, max_len = 100)]
//!     site: String,
//! }
//! assert_eq!(schema_for!(Visit).to_value()["properties"]["site"]["maxLength"], 100);
//! ```

use serde_json::Value;

use crate::{Options, Schema};

/// The schema of `S` for a `SchemaGenerator`: the lax create export without `$schema`.
pub fn schema<S: Schema>() -> schemars::Schema {
    let mut value = crate::json_schema::json_schema::<S>(Options::default());
    if let Value::Object(object) = &mut value {
        object.remove("$schema");
        return schemars::Schema::from(std::mem::take(object));
    }
    // The export is always an object; `true` (any value) would be the schema of nothing else.
    schemars::Schema::default()
}

/// `schemars::JsonSchema` for a `Schema` type, by name: `schema_name` is the type's name,
/// `schema_id` its module path and name, the schema [`schema`]'s. Written with `$crate`
/// paths, so that it resolves in every edition and without a prelude.
#[doc(hidden)]
#[macro_export]
macro_rules! __schema_schemars_impl {
    ($ty:ident) => {
        #[automatically_derived]
        impl $crate::__private::schemars::JsonSchema for $ty {
            fn schema_name() -> $crate::__private::Cow<'static, str> {
                $crate::__private::Cow::Borrowed($crate::__private::stringify!($ty))
            }

            fn schema_id() -> $crate::__private::Cow<'static, str> {
                $crate::__private::Cow::Borrowed($crate::__private::concat!(
                    $crate::__private::module_path!(),
                    "::",
                    $crate::__private::stringify!($ty)
                ))
            }

            fn json_schema(
                _: &mut $crate::__private::schemars::SchemaGenerator,
            ) -> $crate::__private::schemars::Schema {
                $crate::__private::schemars_schema::<Self>()
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use crate::{Job, Options};

    /// README's "JSON Schema" section shows this module's example, as written here.
    #[test]
    fn readme_shows_the_tested_example() {
        crate::readme_check::shows(include_str!("with_schemars.rs"), "## JSON Schema");
    }

    #[test]
    fn the_schema_of_job_is_the_lax_create_export_without_its_dialect() {
        let mut export = Job::json_schema(Options::default());
        let ours = super::schema::<Job>().to_value();
        assert_eq!(ours.get("$schema"), None);
        export.as_object_mut().unwrap().remove("$schema");
        assert_eq!(ours, export);
        assert_eq!(ours["properties"]["status"]["enum"][0], "Quote");
    }
}
