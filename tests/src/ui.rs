//! The ui suites (the compile-fail and compile-pass cases of `#[derive(Schema)]`) on any
//! compiler, so that they never skip themselves.
//!
//! A compile-fail case's `.stderr` file holds rustc 1.95's output byte for byte, and trybuild
//! compares it exactly. Only that release reproduces it: rustc's own wording, its notes, the
//! way it prints a type and the layout change from one release to the next. The ui tests
//! therefore run trybuild on rustc 1.95 ([`is_pinned`]) and, on any other compiler, the
//! [`Portable`] check of what does not depend on it:
//!
//! - each compile-fail case still fails to compile, and its **first error** has the headline
//!   (the `error: …` or `error[E…]: …` line) and the primary location (file and line of its
//!   first `-->`) that its `.stderr` file records. The derive's messages and those of the
//!   `#[diagnostic::on_unimplemented]` attributes of `job-schema` are ours, written in our
//!   code, so they read the same on every compiler. A case whose headline is rustc's own
//!   wording is listed as [`Loose`], with the reason, and matched by its error code and the
//!   part of the headline that is ours;
//! - each compile-pass case builds and its program exits successfully.
//!
//! The check builds the cases as trybuild does: one cargo package under the target
//! directory, with one `[[bin]]` per case, the crate under test and its dependencies and
//! dev-dependencies (except trybuild) as dependencies, the workspace's `Cargo.lock`, the
//! crate's edition, `--offline`, and `--cfg trybuild -A dead_code`. Every case is built by
//! one `cargo` command (`--keep-going`, `--message-format=json`), and each diagnostic is
//! assigned to its case by the target it names.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

/// The release whose output the `.stderr` files hold: regenerate them on it with
/// `TRYBUILD=overwrite cargo test -p <package> --test ui`.
pub const PINNED_RELEASE: &str = "1.95";

/// What `rustc --version` prints for the compiler cargo builds with: `$RUSTC`, or the
/// `rustc` on the path (under rustup, that of the toolchain running the test). Empty if it
/// cannot be run.
pub fn rustc_version() -> String {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| OsString::from("rustc"));
    Command::new(rustc)
        .arg("--version")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_default()
}

/// Whether `version` (as `rustc --version` prints it) is a stable release of
/// [`PINNED_RELEASE`], whose output trybuild can compare byte for byte. A beta or nightly of
/// the same number is not: its messages may already be those of the next release.
pub fn is_pinned(version: &str) -> bool {
    let Some(rest) = version.strip_prefix("rustc ") else {
        return false;
    };
    let number = rest.split(' ').next().unwrap_or_default();
    number
        .strip_prefix(PINNED_RELEASE)
        .and_then(|patch| patch.strip_prefix('.'))
        .is_some_and(|patch| !patch.is_empty() && patch.bytes().all(|b| b.is_ascii_digit()))
}

/// A compile-fail case whose first headline is worded by rustc, not by us, and so may read
/// differently on another compiler. It matches when the error code is the same and the
/// headline still contains `ours`; the location is compared as for every case.
#[derive(Debug, Clone, Copy)]
pub struct Loose {
    /// The case's file name without `.rs`, e.g. `crate_path_unresolved`.
    pub case: &'static str,
    /// The part of the headline that does not depend on the compiler (it must also be in the
    /// `.stderr` file's headline).
    pub ours: &'static str,
    /// Why the rest of the headline is the compiler's.
    pub why: &'static str,
}

/// The first error of a compiler output: its headline and where its primary span is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstError {
    /// The first line of the error: `error: …` or `error[E0277]: …`.
    pub headline: String,
    /// The file of its first `-->`, as written there.
    pub file: String,
    /// The line of its first `-->`.
    pub line: u32,
}

impl FirstError {
    /// The error code of the headline (`E0277` in `error[E0277]: …`), if it has one.
    pub fn code(&self) -> Option<&str> {
        let rest = self.headline.strip_prefix("error[")?;
        Some(&rest[..rest.find(']')?])
    }
}

/// The first error in `text`, which is a `.stderr` file or a diagnostic as rustc renders it:
/// the first line that starts with `error:` or `error[`, and the first `--> file:line:column`
/// line after it. Warnings before it are passed over. `None` if there is no error, or no
/// location after it.
pub fn first_error(text: &str) -> Option<FirstError> {
    let mut lines = text.lines();
    let headline = lines.find(|l| l.starts_with("error:") || l.starts_with("error["))?;
    let location = lines.find_map(|l| l.trim_start().strip_prefix("--> "))?;
    // `file:line:column`; the file may itself hold a `:`.
    let mut parts = location.trim_end().rsplitn(3, ':');
    let _column = parts.next()?;
    let line = parts.next()?.parse().ok()?;
    let file = parts.next()?;
    Some(FirstError {
        headline: headline.trim_end().to_owned(),
        file: file.to_owned(),
        line,
    })
}

/// Compares the first error a case produced with the one its `.stderr` file records: the
/// headline exactly (or, for a [`Loose`] case, its error code and the part that is ours), and
/// the file and line. The error message names what differs.
pub fn compare(
    expected: &FirstError,
    actual: &FirstError,
    loose: Option<&Loose>,
) -> Result<(), String> {
    let mut problems = Vec::new();
    match loose {
        None if actual.headline != expected.headline => problems.push(format!(
            "headline differs:\n      expected: {}\n      actual:   {}",
            expected.headline, actual.headline
        )),
        Some(loose) if !expected.headline.contains(loose.ours) => problems.push(format!(
            "the loose match's `{}` is not in the .stderr headline `{}`: fix the list",
            loose.ours, expected.headline
        )),
        Some(loose)
            if actual.code() != expected.code() || !actual.headline.contains(loose.ours) =>
        {
            problems.push(format!(
                "headline differs (matched loosely: code {:?} and `{}`):\n      expected: {}\n      actual:   {}",
                expected.code(),
                loose.ours,
                expected.headline,
                actual.headline
            ));
        }
        _ => {}
    }
    if (actual.file.as_str(), actual.line) != (expected.file.as_str(), expected.line) {
        problems.push(format!(
            "location differs: expected {}:{}, actual {}:{}",
            expected.file, expected.line, actual.file, actual.line
        ));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n    "))
    }
}

/// The compiler-independent check of a ui suite (see the module's documentation). An
/// integration test runs it as `tests/tests/ui.rs` does (cargo sets `CARGO_TARGET_TMPDIR`
/// only when it builds integration tests and benchmarks):
///
/// ```text
/// Portable::new(env!("CARGO_MANIFEST_DIR"), env!("CARGO_TARGET_TMPDIR"))
///     .compile_fail("tests/ui/fail")
///     .pass("tests/ui/pass")
///     .loose(LOOSE)
///     .run();
/// ```
#[derive(Debug)]
pub struct Portable {
    manifest_dir: PathBuf,
    scratch: PathBuf,
    fail: Option<String>,
    pass: Option<String>,
    loose: Vec<Loose>,
}

/// One case, as a `[[bin]]` of the generated package.
struct Case {
    /// Its path relative to the crate under test, as trybuild prints it.
    shown: String,
    source: PathBuf,
    pass: bool,
}

/// What building a case produced.
#[derive(Default)]
struct Outcome {
    /// The rendered text of its first error.
    first_error: Option<String>,
    /// Its program, if it built.
    executable: Option<PathBuf>,
}

impl Portable {
    /// A check of the cases of the crate at `manifest_dir` (pass `env!("CARGO_MANIFEST_DIR")`),
    /// building them under `scratch` (pass `env!("CARGO_TARGET_TMPDIR")`).
    pub fn new(manifest_dir: &str, scratch: &str) -> Self {
        Portable {
            manifest_dir: PathBuf::from(manifest_dir),
            scratch: PathBuf::from(scratch),
            fail: None,
            pass: None,
            loose: Vec::new(),
        }
    }

    /// The directory (relative to the crate) whose `*.rs` files must fail to compile, each
    /// with the first error its `.stderr` file records.
    #[must_use]
    pub fn compile_fail(mut self, dir: &str) -> Self {
        self.fail = Some(dir.to_owned());
        self
    }

    /// The directory (relative to the crate) whose `*.rs` files must build and run.
    #[must_use]
    pub fn pass(mut self, dir: &str) -> Self {
        self.pass = Some(dir.to_owned());
        self
    }

    /// The compile-fail cases whose headline is matched loosely.
    #[must_use]
    pub fn loose(mut self, cases: &[Loose]) -> Self {
        self.loose.extend_from_slice(cases);
        self
    }

    /// Builds every case and checks it.
    ///
    /// # Panics
    ///
    /// If a case does not behave as described at [`Portable`] (every failing case is listed),
    /// if a [`Loose`] entry names no case, or if the package cannot be generated.
    pub fn run(self) {
        let cases = self.cases();
        assert!(!cases.is_empty(), "no ui case found");
        for loose in &self.loose {
            assert!(
                cases
                    .values()
                    .any(|c| !c.pass && stem(&c.source) == loose.case),
                "the loose match names `{}`, which is no compile-fail case",
                loose.case
            );
        }
        println!(
            "`{}` is not rustc {PINNED_RELEASE}, whose output the .stderr files hold: checking \
             each case's first error (headline and location) instead of the whole output",
            rustc_version()
        );

        let project = self.generate(&cases);
        let (outcomes, cargo_stderr) = build(&project, &self.scratch, &cases);

        let mut failures = Vec::new();
        for (bin, case) in &cases {
            let outcome = outcomes.get(bin);
            let result = if case.pass {
                check_pass(outcome, &project)
            } else {
                self.check_fail(case, outcome)
            };
            let loose = self
                .loose
                .iter()
                .find(|l| !case.pass && l.case == stem(&case.source));
            match (result, loose) {
                (Ok(()), None) => println!("test {} ... ok", case.shown),
                (Ok(()), Some(loose)) => println!(
                    "test {} ... ok (headline matched loosely: {})",
                    case.shown, loose.why
                ),
                (Err(why), _) => {
                    println!("test {} ... FAILED", case.shown);
                    failures.push(format!("{}:\n    {why}", case.shown));
                }
            }
        }
        if !failures.is_empty() && outcomes.len() < cases.len() {
            failures.push(format!("cargo's own output:\n{cargo_stderr}"));
        }
        assert!(
            failures.is_empty(),
            "{} of {} ui cases failed:\n\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n\n")
        );
    }

    /// The cases, by the name of their `[[bin]]`.
    fn cases(&self) -> BTreeMap<String, Case> {
        let mut cases = BTreeMap::new();
        for (dir, pass) in [(&self.fail, false), (&self.pass, true)] {
            let Some(dir) = dir else { continue };
            let entries = fs::read_dir(self.manifest_dir.join(dir))
                .unwrap_or_else(|e| panic!("cannot read {dir}: {e}"));
            for entry in entries {
                let source = entry.expect("a directory entry").path();
                if source.extension().is_some_and(|e| e == "rs") {
                    let name = format!("{}-{}", if pass { "pass" } else { "fail" }, stem(&source));
                    let shown = format!("{dir}/{}", source.file_name().unwrap().to_string_lossy());
                    cases.insert(
                        name,
                        Case {
                            shown,
                            source,
                            pass,
                        },
                    );
                }
            }
        }
        cases
    }

    /// Writes the package that builds the cases, and returns its directory.
    fn generate(&self, cases: &BTreeMap<String, Case>) -> PathBuf {
        let metadata = cargo_metadata(&self.manifest_dir);
        let manifest = self.manifest_dir.join("Cargo.toml");
        let package = metadata["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["manifest_path"].as_str().map(Path::new) == Some(manifest.as_path()))
            .unwrap_or_else(|| panic!("cargo metadata does not list {}", manifest.display()));
        let name = package["name"].as_str().expect("a package name");

        let mut toml = format!(
            "[package]\nname = \"{name}-ui\"\nversion = \"0.0.0\"\nedition = {}\npublish = false\n\n\
             # Not a member of the workspace whose target directory holds it.\n[workspace]\n\n\
             [dependencies.{name}]\npath = {}\ndefault-features = false\n",
            toml_string(package["edition"].as_str().expect("an edition")),
            toml_string(&self.manifest_dir.to_string_lossy()),
        );
        for dep in package["dependencies"].as_array().into_iter().flatten() {
            toml.push_str(&dependency(dep));
        }
        for (bin, case) in cases {
            let _ = write!(
                toml,
                "\n[[bin]]\nname = \"{bin}\"\npath = {}\n",
                toml_string(&case.source.to_string_lossy())
            );
        }

        let dir = self.scratch.join("ui-portable").join(name);
        fs::create_dir_all(&dir).expect("create the package directory");
        fs::write(dir.join("Cargo.toml"), toml).expect("write Cargo.toml");
        let workspace = metadata["workspace_root"]
            .as_str()
            .expect("a workspace root");
        fs::copy(
            Path::new(workspace).join("Cargo.lock"),
            dir.join("Cargo.lock"),
        )
        .expect("copy the workspace's Cargo.lock");
        dir
    }

    fn check_fail(&self, case: &Case, outcome: Option<&Outcome>) -> Result<(), String> {
        let stderr_file = case.source.with_extension("stderr");
        let recorded = fs::read_to_string(&stderr_file)
            .map_err(|e| format!("cannot read {}: {e}", stderr_file.display()))?;
        let expected = first_error(&recorded)
            .ok_or_else(|| format!("{} records no error with a location", stderr_file.display()))?;
        let outcome = outcome.ok_or("cargo reported nothing for this case")?;
        let Some(rendered) = &outcome.first_error else {
            return Err("it compiled without an error, but should fail".to_owned());
        };
        let mut actual = first_error(rendered)
            .ok_or_else(|| format!("its first error has no location:\n{rendered}"))?;
        actual.file = self.relative(&actual.file);
        let loose = self.loose.iter().find(|l| l.case == stem(&case.source));
        compare(&expected, &actual, loose)
            .map_err(|why| format!("{why}\n    its first error:\n{rendered}"))
    }

    /// A path rustc printed, relative to the crate under test as in the `.stderr` files.
    fn relative(&self, file: &str) -> String {
        let path = Path::new(file);
        path.strip_prefix(&self.manifest_dir).map_or_else(
            |_| file.to_owned(),
            |p| p.to_string_lossy().replace('\\', "/"),
        )
    }
}

fn check_pass(outcome: Option<&Outcome>, project: &Path) -> Result<(), String> {
    let outcome = outcome.ok_or("cargo reported nothing for this case")?;
    if let Some(error) = &outcome.first_error {
        return Err(format!("it should compile, and failed:\n{error}"));
    }
    let executable = outcome.executable.as_ref().ok_or("it built no program")?;
    let run = Command::new(executable)
        .current_dir(project)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", executable.display()))?;
    if run.status.success() {
        Ok(())
    } else {
        Err(format!(
            "its program exited with {}:\n{}",
            run.status,
            String::from_utf8_lossy(&run.stderr)
        ))
    }
}

/// `cargo`, as trybuild runs it: the cargo running this test, no `RUSTFLAGS` from the
/// environment, no incremental compilation, and no network.
fn cargo() -> Command {
    let mut cmd =
        Command::new(std::env::var_os("CARGO").unwrap_or_else(|| OsString::from("cargo")));
    cmd.env_remove("RUSTFLAGS")
        .env("CARGO_INCREMENTAL", "0")
        .arg("--offline");
    cmd
}

fn cargo_metadata(manifest_dir: &Path) -> Value {
    let out = cargo()
        .current_dir(manifest_dir)
        .args(["metadata", "--no-deps", "--format-version=1"])
        .output()
        .expect("run cargo metadata");
    assert!(
        out.status.success(),
        "cargo metadata failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata's JSON")
}

/// Builds every case of the package at `project` (`cargo build` if a case is to run, `check`
/// otherwise), and returns what each produced, with cargo's own error output.
fn build(
    project: &Path,
    scratch: &Path,
    cases: &BTreeMap<String, Case>,
) -> (BTreeMap<String, Outcome>, String) {
    let manifest = project.join("Cargo.toml");
    let out = cargo()
        .current_dir(project)
        .env(
            "CARGO_TARGET_DIR",
            scratch.join("ui-portable").join("target"),
        )
        .arg(if cases.values().any(|c| c.pass) {
            "build"
        } else {
            "check"
        })
        .args([
            "--bins",
            "--keep-going",
            "--message-format=json",
            "--color=never",
            "--quiet",
        ])
        .args([
            "--config",
            r#"build.rustflags=["--cfg", "trybuild", "-A", "dead_code"]"#,
        ])
        .output()
        .expect("run cargo");
    let mut outcomes = BTreeMap::<String, Outcome>::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(message) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        if message["manifest_path"].as_str().map(Path::new) != Some(manifest.as_path()) {
            continue; // a dependency's
        }
        let Some(bin) = message["target"]["name"].as_str() else {
            continue;
        };
        let outcome = outcomes.entry(bin.to_owned()).or_default();
        match message["reason"].as_str() {
            // Only a case's first error counts: later ones, and rustc's closing "aborting
            // due to …", are passed over.
            Some("compiler-message")
                if message["message"]["level"] == "error" && outcome.first_error.is_none() =>
            {
                outcome.first_error = message["message"]["rendered"].as_str().map(str::to_owned);
            }
            Some("compiler-artifact") => {
                outcome.executable = message["executable"].as_str().map(PathBuf::from);
            }
            _ => {}
        }
    }
    (outcomes, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// A dependency of the crate under test (from `cargo metadata`), as a table of the generated
/// manifest: its normal and dev-dependencies, except trybuild, optional and build ones.
fn dependency(dep: &Value) -> String {
    let name = dep["name"].as_str().expect("a dependency name");
    if name == "trybuild" || dep["optional"] == true || dep["kind"] == "build" {
        return String::new();
    }
    assert!(
        dep["target"].is_null(),
        "the generated package does not take platform-specific dependencies ({name})"
    );
    let key = dep["rename"].as_str().unwrap_or(name);
    let mut table = format!(
        "\n[dependencies.{key}]\npackage = {}\nversion = {}\ndefault-features = {}\n",
        toml_string(name),
        toml_string(dep["req"].as_str().unwrap_or("*")),
        dep["uses_default_features"] != false,
    );
    if let Some(path) = dep["path"].as_str() {
        let _ = writeln!(table, "path = {}", toml_string(path));
    }
    let features: Vec<String> = dep["features"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(toml_string)
        .collect();
    let _ = writeln!(table, "features = [{}]", features.join(", "));
    table
}

/// A TOML basic string: a JSON string is one (the same quotes and escapes).
fn toml_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serializes")
}

/// A case's file name without `.rs`.
fn stem(path: &Path) -> String {
    path.file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn recorded(case: &str) -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/ui/fail")
            .join(case);
        fs::read_to_string(path).expect("a .stderr file")
    }

    #[test]
    fn reads_the_first_error_of_a_stderr_file() {
        // four_mistakes.stderr holds four errors; the first is the unknown key on line 5.
        let first = first_error(&recorded("four_mistakes.stderr")).unwrap();
        assert_eq!(
            first,
            FirstError {
                headline: "error: unknown schema attribute `max_lenght`, did you mean `max_len`?"
                    .to_owned(),
                file: "tests/ui/fail/four_mistakes.rs".to_owned(),
                line: 5,
            }
        );
        assert_eq!(first.code(), None);

        let first = first_error(&recorded("list_rule_on_wrong_element.stderr")).unwrap();
        assert_eq!(
            first.headline,
            "error[E0277]: this rule needs a text field, and `i64` is not text"
        );
        assert_eq!(first.code(), Some("E0277"));
        assert_eq!(
            (first.file.as_str(), first.line),
            ("tests/ui/fail/list_rule_on_wrong_element.rs", 10)
        );
    }

    #[test]
    fn passes_over_warnings_and_reads_an_absolute_path() {
        let rendered = "warning: unused import: `Foo`\n --> /a/b.rs:1:5\n  |\n\n\
                        error[E0433]: cannot find module or crate `facade` in this scope\n   \
                        --> /work/c:d/tests/ui/fail/x.rs:12:18\n   |\n";
        assert_eq!(
            first_error(rendered),
            Some(FirstError {
                headline: "error[E0433]: cannot find module or crate `facade` in this scope"
                    .to_owned(),
                file: "/work/c:d/tests/ui/fail/x.rs".to_owned(),
                line: 12,
            })
        );
        assert_eq!(first_error("warning: only this\n --> a.rs:1:1\n"), None);
        assert_eq!(first_error("error: no location\n"), None);
    }

    #[test]
    fn a_changed_headline_or_location_fails() {
        let expected = first_error(&recorded("bool01_on_string.stderr")).unwrap();
        assert_eq!(compare(&expected, &expected.clone(), None), Ok(()));

        let mut other = expected.clone();
        other.headline = other.headline.replace("an integer field", "a text field");
        assert!(compare(&expected, &other, None)
            .unwrap_err()
            .contains("headline differs"));

        let mut other = expected.clone();
        other.line += 1;
        assert!(compare(&expected, &other, None)
            .unwrap_err()
            .contains("location differs"));

        let mut other = expected.clone();
        other.file = "tests/ui/fail/date_on_bool.rs".to_owned();
        assert!(compare(&expected, &other, None).is_err());
    }

    #[test]
    fn a_loose_case_keeps_its_code_and_our_words() {
        let expected = first_error(&recorded("crate_path_unresolved.stderr")).unwrap();
        let loose = Loose {
            case: "crate_path_unresolved",
            ours: "`facade`",
            why: "rustc words unresolved paths",
        };
        let mut reworded = expected.clone();
        reworded.headline =
            "error[E0433]: failed to resolve: use of unresolved module or unlinked crate `facade`"
                .to_owned();
        assert!(compare(&expected, &reworded, None).is_err());
        assert_eq!(compare(&expected, &reworded, Some(&loose)), Ok(()));

        let mut other_code = reworded.clone();
        other_code.headline = other_code.headline.replace("E0433", "E0432");
        assert!(compare(&expected, &other_code, Some(&loose)).is_err());

        let mut other_name = reworded;
        other_name.headline = other_name.headline.replace("facade", "facades");
        assert!(compare(&expected, &other_name, Some(&loose)).is_err());

        let stale = Loose {
            ours: "`not there`",
            ..loose
        };
        assert!(compare(&expected, &expected.clone(), Some(&stale)).is_err());
    }

    #[test]
    fn only_a_stable_1_95_is_pinned() {
        assert!(is_pinned("rustc 1.95.0 (59807616e 2026-04-14)"));
        assert!(is_pinned("rustc 1.95.2"));
        assert!(!is_pinned("rustc 1.95.0-nightly (abc 2026-03-01)"));
        assert!(!is_pinned("rustc 1.95.0-beta.3 (abc 2026-03-20)"));
        assert!(!is_pinned("rustc 1.97.0-nightly (4d1f98451 2026-05-15)"));
        assert!(!is_pinned("rustc 1.9.5"));
        assert!(!is_pinned("rustc 1.950.0"));
        assert!(!is_pinned(""));
    }
}
