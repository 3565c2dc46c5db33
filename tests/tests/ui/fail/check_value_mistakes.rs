use job_schema::{FieldSpec, Path, Scalar, Schema, Sink};

fn look(_: &FieldSpec, _: Scalar<'_>, _: &Path<'_>, _: &mut Sink<'_>) {}

#[derive(Schema)]
#[schema(check_value = look)]
struct NotAString {
    description: String,
}

#[derive(Schema)]
#[schema(check_value = "not a path")]
struct NotAPath {
    description: String,
}

#[derive(Schema)]
#[schema(check_value = "look", check_value = "look")]
struct Twice {
    description: String,
}

#[derive(Schema)]
#[schema(check_value)]
struct NoValue {
    description: String,
}

#[derive(Schema)]
#[schema(check_values = "look")]
struct Misspelt {
    description: String,
}

fn main() {}
