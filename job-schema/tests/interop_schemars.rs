//! Feature `schemars`: `schemars::JsonSchema` for `Job` and for a struct with
//! `#[schema(schemars)]` is the JSON Schema export in lax mode, create direction.
#![cfg(feature = "schemars")]

use job_schema::{Job, Options, Schema};
use schemars::{schema_for, JsonSchema, SchemaGenerator};
use serde_json::{json, Value};

/// The export without its `$schema`, as a definition in a generator's document holds it.
fn without_dialect(mut schema: Value) -> Value {
    let object = schema.as_object_mut().unwrap();
    assert_eq!(
        object.remove("$schema"),
        Some(json!("https://json-schema.org/draft/2020-12/schema"))
    );
    schema
}

#[test]
fn schema_for_job_is_the_lax_create_export() {
    let ours = schema_for!(Job).to_value();
    assert_eq!(ours, Job::json_schema(Options::default()));
    // The lax create schema and not another: lax takes `null` for unset, the create
    // direction marks the read-only fields and takes their values.
    assert_eq!(ours["title"], "Job");
    assert_eq!(ours["properties"]["edit_date"]["readOnly"], true);
    assert!(ours.get("additionalProperties").is_none());
    assert_ne!(ours, Job::json_schema(Options::default().strict()));
    assert_ne!(ours, Job::json_schema(Options::default().record()));
}

#[test]
fn a_job_inside_another_type_is_one_definition_by_reference() {
    #[derive(JsonSchema)]
    #[allow(dead_code)]
    struct Batch {
        jobs: Vec<Job>,
        first: Option<Job>,
    }
    let schema = schema_for!(Batch).to_value();
    assert_eq!(
        schema["properties"]["jobs"]["items"],
        json!({"$ref": "#/$defs/Job"})
    );
    let defs = schema["$defs"].as_object().unwrap();
    assert_eq!(defs.keys().collect::<Vec<_>>(), ["Job"]);
    assert_eq!(
        defs["Job"],
        without_dialect(Job::json_schema(Options::default()))
    );
}

#[test]
fn an_openapi_generator_gets_a_component() {
    // schemars' OpenAPI 3.0 settings, as aide uses them: definitions are components.
    let mut generator = SchemaGenerator::new(schemars::generate::SchemaSettings::openapi3());
    let reference = generator.subschema_for::<Job>().to_value();
    assert_eq!(reference, json!({"$ref": "#/components/schemas/Job"}));
    let job = &generator.definitions()["Job"];
    assert_eq!(job["title"], "Job");
    assert!(job.get("$schema").is_none());
    assert_eq!(job["properties"]["status"]["enum"][1], "Work Order");
    assert_eq!(
        job["properties"]["badges"]["description"]
            .as_str()
            .map(str::is_empty),
        Some(false)
    );
}

/// Opts in: its schemars schema is its export.
#[derive(Schema)]
#[schema(schemars)]
#[allow(dead_code)]
struct Visit {
    /// Where the work is done.
    #[schema(required, max_len = 100)]
    site: String,
    #[schema(bool01)]
    confirmed: Option<u8>,
    address: Option<Address>,
}

#[derive(Schema)]
#[allow(dead_code)]
struct Address {
    #[schema(required, max_len = 40)]
    city: String,
}

#[test]
fn a_struct_that_opts_in_gets_its_export() {
    let ours = schema_for!(Visit).to_value();
    // Both traits have a `json_schema`: with both in scope, name the one meant.
    assert_eq!(ours, <Visit as Schema>::json_schema(Options::default()));
    assert_eq!(ours["required"], json!(["site"]));
    assert_eq!(
        ours["properties"]["site"],
        json!({"description": "Where the work is done.", "type": "string", "minLength": 1, "maxLength": 100})
    );
    // The nested struct is inline, as in the export (it need not implement `JsonSchema`).
    assert_eq!(ours["properties"]["address"]["anyOf"][0]["type"], "object");
    assert_eq!(<Visit as JsonSchema>::schema_name(), "Visit");
    assert_eq!(
        <Visit as JsonSchema>::schema_id(),
        "interop_schemars::Visit"
    );
}

/// Derives schemars' own `JsonSchema` and does not opt in: schemars' schema stays.
#[derive(Schema, JsonSchema)]
#[allow(dead_code)]
struct Plain {
    #[schema(required, max_len = 5)]
    site: String,
}

#[test]
fn a_struct_that_derives_schemars_keeps_schemars_schema() {
    let schema = schema_for!(Plain).to_value();
    // schemars' own: a plain string, no `maxLength` or `minLength` from the rules.
    assert_eq!(schema["properties"]["site"], json!({"type": "string"}));
    assert_ne!(schema, <Plain as Schema>::json_schema(Options::default()));
}

mod facade {
    pub(crate) use ::job_schema;
}

/// Through a facade's path (`crate = "…"`), beside the other opt-ins.
#[derive(facade::job_schema::Schema)]
#[schema(crate = "facade::job_schema", schemars, deserialize)]
#[allow(dead_code)]
struct ThroughFacade {
    #[schema(uuid)]
    id: Option<String>,
}

#[test]
fn the_opt_in_works_through_a_facade() {
    let ours = schema_for!(ThroughFacade).to_value();
    assert_eq!(
        ours,
        <ThroughFacade as Schema>::json_schema(Options::default())
    );
    assert_eq!(ours["properties"]["id"]["anyOf"][0]["format"], "uuid");
}
