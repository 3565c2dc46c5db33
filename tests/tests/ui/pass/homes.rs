//! `#[schema(homes = PATH)]`: a table of keys with a home, named by a path from another
//! module, through a facade crate path too; warnings and `unused_qualifications` denied.

#![deny(warnings)]
#![forbid(unused_qualifications)]

mod tables {
    use job_schema::homes::Home;

    pub const VISIT: &[Home] = &[Home {
        key: "site_name",
        places: &["site", "/api_1.0/site.json"],
        advice: "the site goes in `site`, or at /api_1.0/site.json",
    }];
}

mod facade {
    pub use ::job_schema as runtime;
}

use job_schema::{Options, Schema};

#[derive(Schema)]
#[schema(homes = tables::VISIT)]
struct Visit {
    #[schema(max_len = 10)]
    site: Option<String>,
}

#[derive(facade::runtime::Schema)]
#[schema(crate = "crate::facade::runtime", homes = tables::VISIT)]
struct Through {
    #[schema(max_len = 10)]
    site: Option<String>,
}

fn main() {
    let report = Visit::check_json(br#"{"siteName": 1}"#, Options::default());
    assert_eq!(*report.warnings[0].params.home().unwrap(), ["site", "/api_1.0/site.json"]);
    assert_eq!(<Through as Schema>::HOMES.len(), 1);
    assert!(Through::check_json(br#"{"site_name": 1}"#, Options::default()).warnings[0]
        .params
        .home()
        .is_some());
}
