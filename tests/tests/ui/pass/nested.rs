//! A field whose type derives `Schema`, and an `Option` of one: issues read `parent.child`.

use job_schema::{Code, Schema, Shape, Validate};

#[derive(Schema)]
struct Address {
    #[schema(required, max_len = 5)]
    city: String,
    #[schema(range(min = -90, max = 90))]
    lat: Option<f64>,
}

#[derive(Schema)]
struct Job {
    #[schema(required)]
    address: Address,
    billing: Option<Address>,
    #[schema(uuid)]
    company_uuid: String,
}

fn main() {
    assert_eq!(Job::FIELDS[0].shape, Shape::Nested);
    assert_eq!(Job::FIELDS[0].nested.map(<[_]>::len), Some(2));
    assert_eq!(Job::FIELDS[1].nested.unwrap()[0].name, "city");
    assert!(Job::FIELDS[1].optional);

    let job = Job {
        address: Address {
            city: "Sydney Harbour".into(),
            lat: Some(-91.0),
        },
        billing: Some(Address {
            city: String::new(),
            lat: None,
        }),
        company_uuid: "nope".into(),
    };
    let report = job.validate().unwrap_err();
    let found: Vec<(&str, &str, Code)> = report
        .errors
        .iter()
        .map(|i| (&*i.field, &*i.pointer, i.code))
        .collect();
    assert_eq!(
        found,
        [
            ("address.city", "/address/city", Code::MaxLen),
            ("address.lat", "/address/lat", Code::Range),
            ("billing.city", "/billing/city", Code::Required),
            ("company_uuid", "/company_uuid", Code::Uuid),
        ],
        "{report}"
    );

    let fine = Job {
        address: Address {
            city: "Perth".into(),
            lat: None,
        },
        billing: None,
        company_uuid: "123e4567-e89b-12d3-a456-426614174000".into(),
    };
    assert_eq!(fine.validate(), Ok(()));

    let read = Job::check_json(
        br#"{"address": {"city": "Brisbane"}, "company_uuid": "x"}"#,
        job_schema::Options::default(),
    );
    assert_eq!(read.errors[0].field, "address.city");
    assert_eq!(read.errors[0].code, Code::MaxLen);
}
