use super::*;

fn meta(line: usize, column: usize) -> Meta {
    Meta {
        line,
        column,
        flaw: None,
        oversize: false,
        parse: true,
    }
}

#[test]
fn syntax_errors_are_placed_in_the_input() {
    let report = check_record(b"{\"status\": }", &meta(7, 3), Options::default());
    let issue = &report.errors[0];
    assert_eq!(issue.code, Code::JsonSyntax);
    assert_eq!(
        (issue.params.line(), issue.params.column()),
        (Some(7), Some(14))
    );
    assert!(
        issue
            .message()
            .starts_with("malformed JSON at line 7, column 14: "),
        "{}",
        issue.message()
    );

    let report = check_record(b"{\n\"status\": }", &meta(7, 3), Options::default());
    let issue = &report.errors[0];
    assert_eq!(
        (issue.params.line(), issue.params.column()),
        (Some(8), Some(11))
    );
}

#[test]
fn an_oversize_record_is_reported_where_it_starts() {
    let mut m = meta(5, 4);
    m.oversize = true;
    let report = check_record(b"", &m, Options::default());
    assert_eq!(report.errors.len(), 1);
    let issue = &report.errors[0];
    assert_eq!(
        (issue.params.line(), issue.params.column()),
        (Some(5), Some(4))
    );
    assert_eq!(
        issue.message(),
        "malformed JSON at line 5, column 4: the record is longer than 64 MiB, so it was not read"
    );
}

#[test]
fn flaws_are_errors_of_their_record() {
    let mut m = meta(1, 2);
    m.flaw = Some(Flaw::MissingSeparator {
        found: b'{',
        line: 1,
        column: 20,
    });
    let report = check_record(b"{\"status\": \"Quote\"}", &m, Options::default());
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].params.column(), Some(20));
    assert!(report.errors[0].message().contains("found `{`"));
}
