use job_schema::{FieldValue, Scalar, Schema, Shape};

struct StaffId(String);

impl FieldValue for StaffId {
    const SHAPE: Shape = Shape::Text;
    fn scalar(&self) -> Option<Scalar<'_>> {
        Some(Scalar::Str(&self.0))
    }
    fn from_scalar(scalar: Scalar<'_>) -> Option<Self> {
        scalar.as_str().map(|text| StaffId(text.to_owned()))
    }
    fn unset() -> Self {
        StaffId(String::new())
    }
}

// A format rule reads one of the built-in types; a field of the user's own type takes
// `required`, `deprecated` and `read_only` only.
#[derive(Schema)]
struct Visit {
    #[schema(required, max_len = 36)]
    lead: StaffId,
}

fn main() {}
