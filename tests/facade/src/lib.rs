//! Re-exports `job-schema`, as an application's own facade crate would, so that its users
//! derive `Schema` without depending on `job-schema` themselves (see `job-schema-facade-user`).

pub use job_schema;

/// The same crate under another name.
pub use job_schema as validation;
