//! `#[derive(Schema)]` in an edition 2015 crate: `::core` does not resolve here (a `::` path
//! starts at the crate root), `TryFrom` is not in the prelude, and `job_schema` is reached
//! through `extern crate`. The lints of the move to 2018 are denied: the generated code is
//! ready for it.

#![deny(rust_2018_compatibility, rust_2018_idioms)]

extern crate job_schema;
#[macro_use]
extern crate serde;
#[cfg(test)]
extern crate serde_json;

use std::collections::BTreeMap;

use job_schema::{Code, Issue, Schema};

include!("../../common.rs");

/// In 2015 a path in a `use` starts at the crate root, and so does `::job_schema`: the derive
/// works in a module too.
pub mod visits {
    use job_schema::Schema;

    /// A struct derived in a module, with serde's `Deserialize` through the reader.
    #[derive(Schema)]
    #[schema(deserialize)]
    pub struct Visit {
        /// Text.
        #[schema(required, max_len = 3)]
        pub code: String,
        /// A list of integers.
        #[schema(enum_values(1, 2))]
        pub kinds: Vec<u8>,
    }
}

#[cfg(test)]
mod tests {
    use job_schema::Options;

    use super::*;
    use crate::visits::Visit;

    #[test]
    fn derive_in_a_module() {
        let report = Visit::check_json(br#"{"code": "long", "kinds": [1, 3]}"#, Options::default());
        assert_eq!(
            codes(&report.errors),
            [
                ("code".to_owned(), Code::MaxLen),
                ("kinds[1]".to_owned(), Code::EnumValues)
            ]
        );
        let visit: Visit = serde_json::from_str(r#"{"code": "ab", "kinds": [2]}"#).unwrap();
        assert_eq!((visit.code.as_str(), &visit.kinds[..]), ("ab", &[2][..]));
        let error = serde_json::from_str::<Visit>(r#"{"code": "long"}"#)
            .err()
            .expect("an error");
        assert_eq!(
            error.to_string(),
            "code: is 4 characters long; the limit is 3"
        );
    }
}

/// `#[schema(schemars, validator)]`: the runtime's macros write the impls with `$crate`
/// paths, which resolve in 2015 too.
#[cfg(feature = "interop")]
pub mod interop {
    use job_schema::Schema;

    /// A struct with both opt-ins.
    #[derive(Schema)]
    #[schema(schemars, validator)]
    pub struct Site {
        /// Text.
        #[schema(required, max_len = 3)]
        pub code: String,
    }

    #[cfg(test)]
    mod tests {
        use super::Site;
        use job_schema::{Options, Schema};

        #[test]
        fn both_traits() {
            let schema = schemars::SchemaGenerator::default().into_root_schema_for::<Site>();
            assert_eq!(
                schema.to_value(),
                <Site as Schema>::json_schema(Options::default())
            );
            let errors = validator::Validate::validate(&Site {
                code: "long".to_owned(),
            })
            .unwrap_err();
            assert_eq!(errors.field_errors()["code"][0].code, "max_len");
        }
    }
}
