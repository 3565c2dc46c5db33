use job_schema::Schema;

#[derive(Schema)]
#[schema(crate = job_schema)]
struct NotAString {
    description: String,
}

#[derive(Schema)]
#[schema(crate = "not a path")]
struct NotAPath {
    description: String,
}

#[derive(Schema)]
#[schema(crate = "job_schema::<u8>")]
struct GenericArguments {
    description: String,
}

#[derive(Schema)]
#[schema(crate = "::job_schema", crate = "::job_schema")]
struct Repeated {
    description: String,
}

#[derive(Schema)]
#[schema(crate = "::job_schema")]
#[schema(crate = "::job_schema")]
struct RepeatedAttribute {
    description: String,
}

#[derive(Schema)]
#[schema(crate)]
struct NoValue {
    description: String,
}

#[derive(Schema)]
#[schema(crate = "::job_schema", max_len = 3, krate = "x")]
struct OtherKeys {
    description: String,
}

#[derive(Schema)]
#[schema("::job_schema",, crate = "::job_schema")]
struct NotAKey {
    description: String,
}

#[derive(Schema)]
#[schema]
struct NoList {
    description: String,
}

#[derive(Schema)]
#[schema = "::job_schema"]
struct NameValue {
    description: String,
}

fn main() {}
