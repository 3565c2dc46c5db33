//! The glue between a field's [`Scalar`] and the rule functions of [`crate::rules`]: each
//! function applies one rule to one value and records what it finds in a [`Sink`].
//!
//! Generated code calls these, one call per rule, through `__private`. A rule that does not
//! concern the value's JSON type (a `max_len` on a number in an [`crate::AnyScalar`] field)
//! lets it pass: type errors are the reader's business.

use crate::options::Direction;
use crate::path::Path;
use crate::report::{Code, Form, Params, Violation};
use crate::rules;
use crate::sink::Sink;
use crate::spec::Rule;
use crate::value::Scalar;

/// `required` on an unset field (absent, `null`, or `None`); nothing in the update direction.
pub fn required_unset(path: &Path<'_>, sink: &mut Sink<'_>) {
    if sink.options().direction != Direction::Update {
        sink.error(path, rules::required::missing(), None);
    }
}

/// `required` on a set value: `""` fails. Returns whether the value passed, so that the
/// other rules of the field are skipped for an empty required value. In the update direction
/// nothing is required: `""` is unset in lax mode (no other rule runs), and in strict mode
/// the field's other rules judge it.
pub fn required(value: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) -> bool {
    if sink.options().direction == Direction::Update {
        return sink.options().is_strict() || value != Scalar::Str("");
    }
    if let Scalar::Str(s) = value {
        if let Err(v) = rules::required::check_str(s) {
            sink.error(path, v, Some(s));
            return false;
        }
    }
    true
}

/// `max_len = max`.
pub fn max_len(value: Scalar<'_>, max: usize, path: &Path<'_>, sink: &mut Sink<'_>) {
    if let Scalar::Str(s) = value {
        if let Err(v) = rules::max_len::check(s, max) {
            sink.error(path, v, Some(s));
        }
    }
}

/// `enum_values("A", …)`.
pub fn enum_strs(
    value: Scalar<'_>,
    allowed: &'static [&'static str],
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    if let Scalar::Str(s) = value {
        if let Err(v) = rules::enum_values::check_str(s, allowed, sink.options().mode) {
            sink.error(path, v, Some(s));
        }
    }
}

/// `enum_values(0, …)`.
pub fn enum_ints(value: Scalar<'_>, allowed: &'static [i64], path: &Path<'_>, sink: &mut Sink<'_>) {
    match value {
        Scalar::Int(_) | Scalar::UInt(_) => {
            let result = match value.as_i64() {
                Some(i) => rules::enum_values::check_int(i, allowed),
                None => rules::enum_values::check_int(i64::MAX, allowed),
            };
            if let Err(v) = result {
                value.with_text(|text| sink.error(path, v, Some(text)));
            }
        }
        _ => {}
    }
}

/// `bool01`.
pub fn bool01(value: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) {
    if let Scalar::Int(_) | Scalar::UInt(_) = value {
        let result = rules::bool01::check(value.as_i64().unwrap_or(i64::MAX));
        if let Err(v) = result {
            value.with_text(|text| sink.error(path, v, Some(text)));
        }
    }
}

/// `uuid`.
pub fn uuid(value: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) {
    if let Scalar::Str(s) = value {
        if let Err(v) = rules::uuid::check(s, sink.options().mode) {
            sink.error(path, v, Some(s));
        }
    }
}

/// `datetime`.
pub fn datetime(value: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) {
    if let Scalar::Str(s) = value {
        if let Err(v) = rules::datetime::check(s, sink.options().mode) {
            sink.error(path, v, Some(s));
        }
    }
}

/// `date`.
pub fn date(value: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) {
    if let Scalar::Str(s) = value {
        if let Err(v) = rules::date::check(s, sink.options().mode) {
            sink.error(path, v, Some(s));
        }
    }
}

/// The format rule that a field's type implies (`format`, its `Field::FORMAT`: `uuid` for a
/// `uuid::Uuid`, …), applied as the written rule would be; nothing for `None`. The derive
/// calls it, with the type's constant, for a field that writes no format rule: inlined, the
/// call folds to the one rule or to nothing.
#[inline]
pub fn implied_format(
    format: Option<Rule>,
    value: Scalar<'_>,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    match format {
        Some(Rule::Uuid) => uuid(value, path, sink),
        Some(Rule::Datetime) => datetime(value, path, sink),
        Some(Rule::Date) => date(value, path, sink),
        _ => {}
    }
}

/// `number`: numeric text must parse, and every number must be finite.
pub fn number(value: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) {
    let result = match value {
        Scalar::Str(s) => rules::number::check_str(s, sink.options().mode).map(|_| ()),
        Scalar::Float(f) => rules::number::check_f64(f),
        _ => Ok(()),
    };
    if let Err(v) = result {
        value.with_text(|text| sink.error(path, v, Some(text)));
    }
}

/// `range(min, max)`. Text that is not a number is left to the `number` rule when the field
/// has one (`with_number`), and is a `range` error otherwise; `""` is unset in lax mode.
pub fn range(
    value: Scalar<'_>,
    min: f64,
    max: f64,
    with_number: bool,
    path: &Path<'_>,
    sink: &mut Sink<'_>,
) {
    let n = match value {
        Scalar::Str(s) => match rules::number::parse(s) {
            Some(n) => n,
            None if with_number || (s.is_empty() && !sink.options().is_strict()) => return,
            None => {
                let params = Params::Range { min, max };
                let v = Violation::deferred(Code::Range, Form::RangeText, params);
                sink.error(path, v, Some(s));
                return;
            }
        },
        Scalar::Bool(_) => return,
        other => match other.as_f64() {
            Some(n) => n,
            None => return,
        },
    };
    if n.is_nan() || (with_number && n.is_infinite()) {
        // Not a finite number: the `number` rule's business where the field has one (a JSON
        // number too large for a double, `1e400`, is read as an infinity).
        return;
    }
    // The message writes the value as the number it was read as.
    if let Err(v) = rules::range::check(n, min, max) {
        value.with_text(|text| sink.error(path, v, Some(text)));
    }
}

/// `uuid_list`: one issue per bad element, at `field[index]`. Only as many as the report
/// has room for are gathered (a 10 MB list of bad elements builds a thousand issues, not
/// millions); the others are counted in the report's `omitted`.
pub fn uuid_list(value: Scalar<'_>, path: &Path<'_>, sink: &mut Sink<'_>) {
    if let Scalar::Str(s) = value {
        let mode = sink.options().mode;
        let room = sink.error_room();
        let beyond = rules::uuid_list::check_within(s, mode, room, |index, v| match index {
            Some(i) => {
                let element = path.embedded(i);
                sink.error(&element, v, Some(s));
            }
            None => sink.error(path, v, Some(s)),
        });
        sink.omit_errors(beyond);
    }
}
