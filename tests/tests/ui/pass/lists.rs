//! `Vec<T>` fields of text, integers, numbers and structs, and an `Option` of one: the field
//! table marks them as lists, and each rule judges every element.

use job_schema::{Code, Schema, Shape, Validate};

#[derive(Schema)]
struct Part {
    #[schema(required, max_len = 8)]
    name: String,
}

#[derive(Schema)]
struct Job {
    #[schema(required, uuid)]
    staff: Vec<String>,
    #[schema(enum_values(0, 1, 2))]
    levels: Option<Vec<i32>>,
    #[schema(number, range(min = 0, max = 10))]
    weights: Vec<f64>,
    parts: Vec<Part>,
}

fn main() {
    assert!(Job::FIELDS.iter().all(|f| f.list));
    assert_eq!(Job::FIELDS[3].shape, Shape::Nested);
    let job = Job {
        staff: vec!["nope".into()],
        levels: Some(vec![1, 3]),
        weights: vec![11.0],
        parts: vec![Part { name: "a very long name".into() }],
    };
    let report = job.validate().unwrap_err();
    let found: Vec<(&str, Code)> = report.errors.iter().map(|i| (&*i.field, i.code)).collect();
    assert_eq!(
        found,
        [
            ("staff[0]", Code::Uuid),
            ("levels[1]", Code::EnumValues),
            ("weights[0]", Code::Range),
            ("parts[0].name", Code::MaxLen),
        ]
    );
}
