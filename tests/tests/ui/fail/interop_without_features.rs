//! `#[schema(schemars)]` and `#[schema(validator)]` need the features of the same names, which
//! the tests crate does not turn on: each is one error at its key that names the feature.
//! Their mistakes are reported as `deserialize`'s are.

use job_schema::Schema;

#[derive(Schema)]
#[schema(schemars)]
struct WantsSchemars {
    #[schema(required)]
    site: String,
}

#[derive(Schema)]
#[schema(deserialize, validator)]
struct WantsValidator {
    #[schema(required)]
    site: String,
}

#[derive(Schema)]
#[schema(schemars = "strict", validator, validator)]
struct Mistakes {
    site: String,
}

#[derive(Schema)]
#[schema(validater)]
struct Misspelt {
    site: String,
}

fn main() {}
