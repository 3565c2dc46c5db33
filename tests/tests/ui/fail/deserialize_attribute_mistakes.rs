use job_schema::Schema;

#[derive(Debug, Schema)]
#[schema(deserialize = true)]
struct WithValue {
    description: String,
}

#[derive(Debug, Schema)]
#[schema(deserialize(json), crate = "::job_schema")]
struct WithList {
    description: String,
}

#[derive(Debug, Schema)]
#[schema(deserialize, deserialize)]
struct Twice {
    description: String,
}

#[derive(Debug, Schema)]
#[schema(deserialize)]
#[schema(crate = "::job_schema", deserialize)]
struct TwiceInTwoAttributes {
    description: String,
}

#[derive(Debug, Schema)]
#[schema(deserialise)]
struct Misspelt {
    description: String,
}

#[derive(Debug, Schema)]
struct OnAField {
    #[schema(deserialize, max_len = 3)]
    description: String,
}

fn main() {
    // Beside the errors, the structs that asked for `Deserialize` get a stub of it: their
    // use draws no error of its own.
    let _ = serde_json::from_str::<WithValue>("{}");
    let _ = serde_json::from_str::<Twice>("{}");
}
