//! Deterministic job bodies: a seeded xorshift generator and three data sets.
//!
//! - [`full_valid`]: every writable field, realistic lengths, non-ASCII addresses, `\n` and
//!   `\"` in descriptions and addresses, shuffled key order, about 1.8 KB each; each
//!   deprecated or read-only key is present with probability 1/2, in the form real records
//!   carry it (zero dates, `""`, `false`, `"0"`), and two custom fields.
//! - [`minimal_valid`]: `status` and two to five other fields.
//! - [`invalid`]: a full body with 3–8 rule violations, about 30% of them with JSON type
//!   errors, some with unknown keys (warnings, not violations).
//!
//! The same seed always gives the same bytes. Valid bodies use the canonical create form
//! that every contender reads (flags as the integers 0/1, coordinates as JSON numbers,
//! `payment_amount` as a string as `JobCreate` types it), so that the comparison is of the
//! same work.

use std::fmt::Write as _;

/// The seed of the committed benchmark runs.
pub const SEED: u64 = 0x5EED_F10B;

/// How many bodies each data set holds in the benchmarks.
pub const BODIES: usize = 1000;

/// A tiny xorshift64* generator: deterministic, no dependency.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (any value; zero is replaced).
    pub fn new(seed: u64) -> Rng {
        Rng(if seed == 0 {
            0x9E37_79B9_7F4A_7C15
        } else {
            seed
        })
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        // The modulo bias is irrelevant for test data.
        #[allow(clippy::cast_possible_truncation)]
        let r = (self.next_u64() >> 11) as usize;
        r % n
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// `true` with probability `num / den`.
    pub fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    /// One element of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of `words`.
    pub fn word(&mut self, words: &[&'static str]) -> &'static str {
        words[self.below(words.len())]
    }

    /// A float in `[lo, hi)`.
    #[allow(clippy::cast_precision_loss)]
    pub fn float(&mut self, lo: f64, hi: f64) -> f64 {
        let unit = (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        lo + unit * (hi - lo)
    }

    /// Shuffles `items` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// One body under construction: keys and raw JSON values, in insertion order.
#[derive(Clone, Debug, Default)]
pub struct Body {
    entries: Vec<(String, String)>,
}

impl Body {
    /// Adds `key` with a raw JSON value.
    pub fn raw(&mut self, key: &str, json: impl Into<String>) {
        self.entries.push((key.to_owned(), json.into()));
    }

    /// Adds `key` with a string value, escaped as JSON.
    pub fn text(&mut self, key: &str, value: &str) {
        self.raw(key, json_string(value));
    }

    /// Replaces the value of `key` (adding it when absent).
    pub fn set_raw(&mut self, key: &str, json: impl Into<String>) {
        let json = json.into();
        match self.entries.iter_mut().find(|(k, _)| k == key) {
            Some(entry) => entry.1 = json,
            None => self.raw(key, json),
        }
    }

    /// Replaces the value of `key` with a string.
    pub fn set_text(&mut self, key: &str, value: &str) {
        self.set_raw(key, json_string(value));
    }

    /// Removes `key`.
    pub fn remove(&mut self, key: &str) {
        self.entries.retain(|(k, _)| k != key);
    }

    /// Whether `key` is present.
    pub fn has(&self, key: &str) -> bool {
        self.entries.iter().any(|(k, _)| k == key)
    }

    /// The raw value of `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The body as compact JSON, keys in a shuffled order.
    pub fn render(mut self, rng: &mut Rng) -> Vec<u8> {
        rng.shuffle(&mut self.entries);
        let mut out = String::with_capacity(2048);
        out.push('{');
        for (i, (key, value)) in self.entries.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&json_string(key));
            out.push(':');
            out.push_str(value);
        }
        out.push('}');
        out.into_bytes()
    }
}

/// `value` as a JSON string literal.
pub fn json_string(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

const STREETS: &[&str] = &[
    "Ballina Street",
    "Pacific Highway",
    "Tweed Coast Road",
    "Rue de l'Église",
    "Königsallee",
    "Møllergata",
    "Calle Año Nuevo",
    "Ōtaki Gorge Road",
    "Avenue Émile Zola",
    "Rua São Bento",
    "Ngā Mānuka Crescent",
    "Skipton Street",
    "Old Bangalow Road",
    "Jonson Street",
    "Żeromskiego",
];

const CITIES: &[(&str, &str, &str, &str)] = &[
    ("Byron Bay", "NSW", "2481", "Australia"),
    ("Lennox Head", "NSW", "2478", "Australia"),
    ("Brisbane", "QLD", "4000", "Australia"),
    ("Mt Eliza", "VIC", "3930", "Australia"),
    ("Wollongong", "NSW", "2500", "Australia"),
    ("Tauranga", "BOP", "3110", "New Zealand"),
    ("Ōtaki", "WGN", "5512", "New Zealand"),
    ("Québec", "QC", "G1R 4P5", "Canada"),
    ("Zürich", "ZH", "8001", "Switzerland"),
    ("São Paulo", "SP", "01310-100", "Brasil"),
];

const COMPANIES: &[&str] = &[
    "Northern Rivers Solar Pty Ltd",
    "O'Brien & Sons Plumbing",
    "Café Ünter den Linden",
    "Acme Electrical \"Services\"",
    "Møller Bygg AS",
    "Tweed Heads Body Corporate",
];

const SENTENCES: &[&str] = &[
    "Redback 14.kW Battery add on to existing system.",
    "Battery installation and programming.",
    "Replace 3 x \"Clipsal\" GPOs in kitchen; test RCDs.",
    "Customer says: \"the switchboard trips when the kettle is on\".",
    "Access via side gate — dog on premises, call ahead.",
    "Install 6.6kW solar (20 × 330W panels) on north-facing roof.",
    "Quote includes scaffolding, removal of old hot-water unit & disposal.",
    "Check smoke alarms (240V interconnected) per AS 3786:2014.",
    "Tenant: Ms O'Brien, 0412 345 678. Key in lockbox, code 4821.",
    "Café kitchen exhaust fan noisy; inspect bearings, clean filters.",
    "Follow-up from job #1529: warranty claim on inverter fault code F-21.",
    "Résumé of works: trenching 12 m, conduit, new sub-board in garage.",
    "Tested and tagged 14 appliances.",
    "Client approved variation by phone (see note \"VAR-2\").",
];

const STATUSES: &[&str] = &["Quote", "Work Order", "Unsuccessful", "Completed"];

/// A random lower-case hyphenated UUID.
pub fn uuid(rng: &mut Rng) -> String {
    let a = rng.next_u64();
    let b = rng.next_u64();
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

/// A random real datetime in 2024–2026.
pub fn datetime(rng: &mut Rng) -> String {
    format!(
        "{} {:02}:{:02}:{:02}",
        day(rng),
        rng.below(24),
        rng.below(60),
        rng.below(60)
    )
}

/// A random real date in 2024–2026.
pub fn day(rng: &mut Rng) -> String {
    format!(
        "{}-{:02}-{:02}",
        rng.between(2024, 2026),
        rng.between(1, 12),
        rng.between(1, 28)
    )
}

/// A datetime, or the zero datetime (unset) one time in three.
fn datetime_or_zero(rng: &mut Rng) -> String {
    if rng.chance(1, 3) {
        "0000-00-00 00:00:00".to_owned()
    } else {
        datetime(rng)
    }
}

fn street_address(
    rng: &mut Rng,
) -> (
    String,
    &'static str,
    &'static (&'static str, &'static str, &'static str, &'static str),
) {
    let number = format!("{}", rng.between(1, 420));
    let street = *rng.pick(STREETS);
    let city = rng.pick(CITIES);
    (number, street, city)
}

fn sentences(rng: &mut Rng, min_chars: usize) -> String {
    let mut out = String::new();
    while out.chars().count() < min_chars {
        if !out.is_empty() {
            out.push_str(if rng.chance(1, 2) { "\n" } else { " " });
        }
        out.push_str(rng.word(SENTENCES));
    }
    out
}

fn flag(rng: &mut Rng) -> &'static str {
    if rng.chance(1, 2) {
        "1"
    } else {
        "0"
    }
}

/// The deprecated and read-only keys, with the values real records carry.
fn legacy(rng: &mut Rng) -> Vec<(&'static str, String)> {
    vec![
        ("payment_date", json_string("0000-00-00 00:00:00")),
        ("payment_actioned_by_uuid", json_string("")),
        ("payment_method", json_string("")),
        ("payment_amount", json_string("0")),
        ("payment_note", json_string("")),
        ("ready_to_invoice", json_string("0")),
        ("ready_to_invoice_stamp", json_string("0000-00-00 00:00:00")),
        ("active_network_request_uuid", json_string("")),
        ("related_knowledge_articles", "false".to_owned()),
        ("edit_date", json_string(&datetime(rng))),
        (
            "generated_job_id",
            json_string(&rng.between(100, 9999).to_string()),
        ),
        (
            "total_invoice_amount",
            json_string(&format!(
                "{}.{:02}00",
                rng.between(0, 25_000),
                rng.below(100)
            )),
        ),
    ]
}

/// A full body: every writable field, some deprecated and read-only ones, custom fields.
pub fn full_body(rng: &mut Rng) -> Body {
    let mut b = Body::default();
    b.text("uuid", &uuid(rng));
    b.text("created_by_staff_uuid", &uuid(rng));
    b.text("company_uuid", &uuid(rng));
    let category = if rng.chance(4, 5) {
        uuid(rng)
    } else {
        String::new()
    };
    b.text("category_uuid", &category);
    let queue = if rng.chance(1, 3) {
        uuid(rng)
    } else {
        String::new()
    };
    b.text("queue_uuid", &queue);
    let assigned = if queue.is_empty() {
        String::new()
    } else {
        uuid(rng)
    };
    b.text("queue_assigned_staff_uuid", &assigned);
    let date = if rng.chance(1, 3) {
        day(rng)
    } else {
        format!("{} 00:00:00", day(rng))
    };
    b.text("date", &date);

    let (number, street, &(city, state, postcode, country)) = street_address(rng);
    let job_address = format!("{number} {street}, {city} {state} {postcode}");
    b.text("job_address", &job_address);
    let billing = if rng.chance(1, 2) {
        format!(
            "Attn: Accounts Payable\n{}\nPO Box {}\n{city} {state} {postcode}",
            rng.pick(COMPANIES),
            rng.between(10, 9999)
        )
    } else {
        job_address.clone()
    };
    b.text("billing_address", &billing);
    b.text("status", rng.word(STATUSES));
    b.raw("lat", format!("{:.7}", rng.float(-43.5, -10.5)));
    b.raw("lng", format!("{:.7}", rng.float(113.0, 153.6)));
    b.raw("geo_is_valid", flag(rng));
    b.text(
        "purchase_order_number",
        &format!(
            "PO{}-MS{:02}-{:03}",
            rng.between(1000, 9999),
            rng.below(100),
            rng.below(1000)
        ),
    );
    b.raw("invoice_sent", flag(rng));
    b.text("invoice_sent_stamp", &datetime_or_zero(rng));
    b.text("geo_country", country);
    b.text("geo_postcode", postcode);
    b.text("geo_state", state);
    b.text("geo_city", city);
    b.text("geo_street", street);
    b.text("geo_number", &number);
    b.text("queue_expiry_date", &datetime_or_zero(rng));
    let badges = match rng.below(3) {
        0 => "[]".to_owned(),
        1 => format!("[\"{}\"]", uuid(rng)),
        _ => format!("[\"{}\",\"{}\"]", uuid(rng), uuid(rng)),
    };
    b.text("badges", &badges);
    b.text("quote_date", &datetime(rng));
    b.raw("quote_sent", flag(rng));
    b.text("quote_sent_stamp", &datetime_or_zero(rng));
    b.text("work_order_date", &datetime_or_zero(rng));
    let min = rng.between(60, 260);
    b.text("job_description", &sentences(rng, min));
    let min = rng.between(30, 160);
    b.text("work_done_description", &sentences(rng, min));
    b.raw("payment_processed", flag(rng));
    b.raw("payment_received", flag(rng));
    b.text("completion_date", &datetime_or_zero(rng));
    b.text("unsuccessful_date", &datetime_or_zero(rng));
    b.raw("active", "1");
    for (key, value) in legacy(rng) {
        if rng.chance(1, 2) {
            b.raw(key, value);
        }
    }
    let cat1 = if rng.chance(1, 2) { "" } else { "Solar" };
    b.text("customfield_xero_tracking_cat_1", cat1);
    let cat2 = if rng.chance(1, 2) {
        ""
    } else {
        "Northern Rivers"
    };
    b.text("customfield_xero_tracking_cat_2", cat2);
    b
}

/// A minimal body: `status` and two to five other fields.
pub fn minimal_body(rng: &mut Rng) -> Body {
    let mut b = Body::default();
    b.text("status", rng.word(STATUSES));
    let extra = rng.between(2, 5);
    let mut options: Vec<u8> = (0..7).collect();
    rng.shuffle(&mut options);
    for option in options.into_iter().take(extra) {
        match option {
            0 => b.text("company_uuid", &uuid(rng)),
            1 => {
                let (number, street, &(city, state, postcode, _)) = street_address(rng);
                b.text(
                    "job_address",
                    &format!("{number} {street}, {city} {state} {postcode}"),
                );
            }
            2 => {
                let min = rng.between(20, 80);
                b.text("job_description", &sentences(rng, min));
            }
            3 => b.text("date", &day(rng)),
            4 => b.text(
                "purchase_order_number",
                &format!("PO{}", rng.between(1000, 99_999)),
            ),
            5 => b.text("category_uuid", &uuid(rng)),
            _ => {
                b.raw("lat", format!("{:.7}", rng.float(-43.5, -10.5)));
                b.raw("lng", format!("{:.7}", rng.float(113.0, 153.6)));
            }
        }
    }
    b
}

/// The kinds of violation the invalid set injects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mutation {
    StatusEnum,
    StatusLong,
    StatusMissing,
    Uuid,
    Datetime,
    Date,
    Range,
    Bool01,
    UuidList,
    PurchaseOrderLong,
    AddressLong,
    Duplicate,
    // JSON type errors (for serde, `lat: "abc"` is one too).
    NumberText,
    FlagType,
    BadgesArray,
    TextType,
    UuidType,
    CustomType,
}

const RULE_MUTATIONS: &[Mutation] = &[
    Mutation::StatusEnum,
    Mutation::StatusLong,
    Mutation::StatusMissing,
    Mutation::Uuid,
    Mutation::Datetime,
    Mutation::Date,
    Mutation::Range,
    Mutation::Bool01,
    Mutation::UuidList,
    Mutation::PurchaseOrderLong,
    Mutation::AddressLong,
];

const TYPE_MUTATIONS: &[Mutation] = &[
    Mutation::NumberText,
    Mutation::FlagType,
    Mutation::BadgesArray,
    Mutation::TextType,
    Mutation::UuidType,
    Mutation::CustomType,
];

const UUID_FIELDS: &[&str] = &[
    "company_uuid",
    "created_by_staff_uuid",
    "category_uuid",
    "uuid",
    "queue_uuid",
    "queue_assigned_staff_uuid",
];

const DATETIME_FIELDS: &[&str] = &[
    "quote_date",
    "work_order_date",
    "completion_date",
    "unsuccessful_date",
    "invoice_sent_stamp",
    "quote_sent_stamp",
    "queue_expiry_date",
];

const FLAG_FIELDS: &[&str] = &[
    "geo_is_valid",
    "invoice_sent",
    "quote_sent",
    "payment_processed",
    "payment_received",
    "active",
];

const TEXT_FIELDS: &[&str] = &[
    "job_address",
    "job_description",
    "geo_city",
    "purchase_order_number",
    "work_done_description",
];

/// Applies one mutation; `false` when its field was already taken by another.
fn mutate(b: &mut Body, m: Mutation, rng: &mut Rng, taken: &mut Vec<&'static str>) -> bool {
    let mut take = |field: &'static str| {
        if taken.contains(&field) {
            false
        } else {
            taken.push(field);
            true
        }
    };
    match m {
        Mutation::StatusEnum
        | Mutation::StatusLong
        | Mutation::StatusMissing
        | Mutation::Duplicate => {
            if !take("status") {
                return false;
            }
            match m {
                Mutation::StatusEnum => {
                    let bad =
                        *rng.pick(&["work order", "Pending", "quote", "Complete", "Work order "]);
                    b.set_text("status", bad);
                }
                Mutation::StatusLong => b.set_text("status", "Work Order - Awaiting Parts"),
                Mutation::StatusMissing => match rng.below(3) {
                    0 => b.remove("status"),
                    1 => b.set_text("status", ""),
                    _ => b.set_raw("status", "null"),
                },
                _ => b.raw("status", json_string(rng.word(STATUSES))),
            }
        }
        Mutation::Uuid | Mutation::UuidType => {
            let field = *rng.pick(UUID_FIELDS);
            if !take(field) {
                return false;
            }
            if m == Mutation::UuidType {
                b.set_raw(field, rng.between(1, 99_999).to_string());
            } else {
                let good = uuid(rng);
                let bad = match rng.below(4) {
                    0 => format!("{{{good}}}"),
                    1 => good.replace('-', ""),
                    2 => good[..23].to_owned(),
                    _ => format!("urn:uuid:{good}"),
                };
                b.set_text(field, &bad);
            }
        }
        Mutation::Datetime => {
            let field = *rng.pick(DATETIME_FIELDS);
            if !take(field) {
                return false;
            }
            let good = datetime(rng);
            let bad = match rng.below(4) {
                0 => good.replace(' ', "T"),
                1 => "2026-02-30 10:00:00".to_owned(),
                2 => "18/09/2025 09:00".to_owned(),
                _ => format!("{} 24:00:00", day(rng)),
            };
            b.set_text(field, &bad);
        }
        Mutation::Date => {
            if !take("date") {
                return false;
            }
            let bad = *rng.pick(&["2025-13-01", "2025/09/18", "18-09-2025", "2025-02-29"]);
            b.set_text("date", bad);
        }
        Mutation::Range | Mutation::NumberText => {
            let field = if rng.chance(1, 2) { "lat" } else { "lng" };
            if !take(field) {
                return false;
            }
            if m == Mutation::NumberText {
                b.set_text(field, rng.word(&["abc", "153,61", "-27.5 S"]));
            } else if field == "lat" {
                b.set_raw(field, format!("{:.7}", rng.float(-180.0, -90.5)));
            } else {
                b.set_raw(field, format!("{:.7}", rng.float(180.5, 360.0)));
            }
        }
        Mutation::Bool01 | Mutation::FlagType => {
            let field = *rng.pick(FLAG_FIELDS);
            if !take(field) {
                return false;
            }
            if m == Mutation::FlagType {
                b.set_text(field, rng.word(&["yes", "true", "no"]));
            } else {
                b.set_raw(field, *rng.pick(&["2", "-1", "7"]));
            }
        }
        Mutation::UuidList | Mutation::BadgesArray => {
            if !take("badges") {
                return false;
            }
            let a = uuid(rng);
            if m == Mutation::BadgesArray {
                b.set_raw("badges", format!("[\"{a}\"]"));
            } else {
                let bad = match rng.below(3) {
                    0 => "[\"not-a-uuid\"]".to_owned(),
                    1 => format!("[\"{a}\", 3]"),
                    _ => format!("{a},{}", uuid(rng)),
                };
                b.set_text("badges", &bad);
            }
        }
        Mutation::PurchaseOrderLong => {
            if !take("purchase_order_number") {
                return false;
            }
            let n = rng.between(101, 140);
            let text: String = "PO-2025-Ünit-".chars().cycle().take(n).collect();
            b.set_text("purchase_order_number", &text);
        }
        Mutation::AddressLong => {
            let field = if rng.chance(1, 2) {
                "job_address"
            } else {
                "billing_address"
            };
            if !take(field) {
                return false;
            }
            let n = rng.between(501, 560);
            let text: String = "Lot 12, Gräben Road, Ōtaki "
                .chars()
                .cycle()
                .take(n)
                .collect();
            b.set_text(field, &text);
        }
        Mutation::TextType => {
            let field = *rng.pick(TEXT_FIELDS);
            if !take(field) {
                return false;
            }
            let bad = match rng.below(4) {
                0 => "42".to_owned(),
                1 => "{\"text\":\"see attached\",\"lines\":[1,2]}".to_owned(),
                2 => "[\"a\",\"b\"]".to_owned(),
                _ => "true".to_owned(),
            };
            b.set_raw(field, bad);
        }
        Mutation::CustomType => {
            if !take("customfield_xero_tracking_cat_1") {
                return false;
            }
            b.set_raw("customfield_xero_tracking_cat_1", "5");
        }
    }
    true
}

/// An invalid body: a full body with 3–8 violations, a JSON type error in about 30% of them.
pub fn invalid_body(rng: &mut Rng) -> Body {
    let mut b = full_body(rng);
    let count = rng.between(3, 8);
    let types = if rng.chance(3, 10) {
        rng.between(1, 2)
    } else {
        0
    };
    let mut taken = Vec::new();
    let mut done = 0;
    let mut tries = 0;
    while done < types && tries < 100 {
        tries += 1;
        let m = *rng.pick(TYPE_MUTATIONS);
        if mutate(&mut b, m, rng, &mut taken) {
            done += 1;
        }
    }
    // A repeated key is rare in real traffic, and serde stops at it.
    if rng.chance(1, 30) && mutate(&mut b, Mutation::Duplicate, rng, &mut taken) {
        done += 1;
    }
    while done < count && tries < 200 {
        tries += 1;
        let m = *rng.pick(RULE_MUTATIONS);
        if mutate(&mut b, m, rng, &mut taken) {
            done += 1;
        }
    }
    if rng.chance(1, 4) {
        let (key, value) = *rng.pick(&[
            ("purchase_order_no", "\"PO-77\""),
            ("Status", "\"Quote\""),
            ("notes", "\"call before 9am\""),
            ("job_adress", "\"1 Main St\""),
        ]);
        if !b.has(key) {
            b.raw(key, value);
        }
    }
    b
}

/// `n` full valid bodies from `seed`.
pub fn full_valid(n: usize, seed: u64) -> Vec<Vec<u8>> {
    let mut rng = Rng::new(seed);
    (0..n)
        .map(|_| full_body(&mut rng).render(&mut rng))
        .collect()
}

/// `n` minimal valid bodies from `seed`.
pub fn minimal_valid(n: usize, seed: u64) -> Vec<Vec<u8>> {
    let mut rng = Rng::new(seed ^ 0x0001_0000);
    (0..n)
        .map(|_| minimal_body(&mut rng).render(&mut rng))
        .collect()
}

/// `n` invalid bodies from `seed`.
pub fn invalid(n: usize, seed: u64) -> Vec<Vec<u8>> {
    let mut rng = Rng::new(seed ^ 0x0002_0000);
    (0..n)
        .map(|_| invalid_body(&mut rng).render(&mut rng))
        .collect()
}

/// The three data sets of the benchmarks, by name.
pub fn sets(n: usize, seed: u64) -> Vec<(&'static str, Vec<Vec<u8>>)> {
    vec![
        ("full_valid", full_valid(n, seed)),
        ("minimal_valid", minimal_valid(n, seed)),
        ("invalid", invalid(n, seed)),
    ]
}

/// `body` without the deprecated and read-only keys, which draw warnings: the same record
/// as a client that sends writable fields only would send it.
///
/// # Panics
///
/// When `body` is not a JSON object (the generated bodies are).
pub fn without_warnings(body: &[u8]) -> Vec<u8> {
    use job_schema::{FieldClass, Job, Schema};
    let mut map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_slice(body).expect("a JSON object");
    map.retain(|key, _| {
        Job::FIELDS
            .iter()
            .find(|f| f.name == key)
            .is_none_or(|f| f.class == FieldClass::Writable)
    });
    serde_json::to_vec(&map).expect("serializable")
}

/// The full valid bodies without the keys that draw warnings ([`without_warnings`]).
pub fn full_quiet(n: usize, seed: u64) -> Vec<Vec<u8>> {
    full_valid(n, seed)
        .iter()
        .map(|body| without_warnings(body))
        .collect()
}

/// The bodies as NDJSON: one body a line (the bodies are compact, with no raw newline).
pub fn ndjson(bodies: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bodies.iter().map(|b| b.len() + 1).sum());
    for body in bodies {
        out.extend_from_slice(body);
        out.push(b'\n');
    }
    out
}

/// A one-line summary of a set: count, mean and range of sizes.
pub fn describe(bodies: &[Vec<u8>]) -> String {
    let total: usize = bodies.iter().map(Vec::len).sum();
    let min = bodies.iter().map(Vec::len).min().unwrap_or(0);
    let max = bodies.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = String::new();
    let _ = write!(
        out,
        "{} bodies, mean {} B (min {min}, max {max})",
        bodies.len(),
        total / bodies.len().max(1)
    );
    out
}
