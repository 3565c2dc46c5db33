use job_schema::{Path, Scalar, Schema, Sink};

/// Takes the field's name, not its `FieldSpec`.
fn look(_: &str, _: Scalar<'_>, _: &Path<'_>, _: &mut Sink<'_>) {}

#[derive(Schema)]
#[schema(check_value = "look")]
struct Visit {
    description: String,
}

fn main() {}
