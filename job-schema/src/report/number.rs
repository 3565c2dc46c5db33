//! How a message writes a number: integers in decimal, floats as `Display` writes them up to
//! an exponent form (see [`NUMBER_LIMIT`]).

/// The most characters a number takes in a message.
///
/// An integer is written in decimal (at most 20 characters, `-9223372036854775808`). A float
/// is written as `f64`'s `Display` writes it (`-90`, `0.5`, `153.6121731`) when it is zero or
/// its magnitude is at least `1e-5` and below `1e16`, where that takes at most 24 characters
/// (`-0.000012345678901234567`); any other finite float in exponent form, as `LowerExp`
/// writes it (`1e308`, `-2.5e-7`, `-2.2250738585072014e-308`: at most 24 characters); `NaN`,
/// `inf` and `-inf` as they are.
///
/// ```
/// use job_schema::{Job, Options};
/// let report = Job::check_json(br#"{"status": "Quote", "lat": 1e308}"#, Options::default());
/// assert_eq!(report.errors[0].message(), "1e308 is outside the range -90 to 90");
/// ```
pub const NUMBER_LIMIT: usize = 24;

/// Appends `value` in decimal.
pub(super) fn push_u64(out: &mut String, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        // `value % 10` is below 10.
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// Appends `value` as a message writes a number (see [`NUMBER_LIMIT`]): as `f64`'s `Display`
/// writes it when it is zero, not finite, or of a magnitude from `1e-5` up to `1e16`, else as
/// `LowerExp` writes it. Whole numbers that an `i64` holds exactly (the bounds of a range,
/// most coordinates' integer parts) are written as integers, which is what `Display` writes
/// for them; anything else goes through the formatting machinery.
pub(crate) fn push_f64(out: &mut String, value: f64) {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53
    if value.is_finite() && value != 0.0 && !(PLAIN_FROM..PLAIN_BELOW).contains(&value.abs()) {
        use std::fmt::Write as _;
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{value:e}");
    } else if value.fract() == 0.0 && value.abs() < EXACT {
        if value.is_sign_negative() {
            out.push('-');
        }
        // A whole number below 2^53 in magnitude converts exactly.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        push_u64(out, value.abs() as u64);
    } else if let Some((digits, places)) = shortest_decimal(value.abs()) {
        if value.is_sign_negative() {
            out.push('-');
        }
        push_decimal(out, digits, places);
    } else {
        use std::fmt::Write as _;
        // Writing to a `String` cannot fail.
        let _ = write!(out, "{value}");
    }
}

/// The smallest magnitude of a float written without an exponent, besides zero.
const PLAIN_FROM: f64 = 1e-5;
/// The magnitude from which floats are written with an exponent.
const PLAIN_BELOW: f64 = 1e16;

/// The fewest decimal digits that read back as the non-whole `magnitude`, as the integer
/// `digits` over `10^places`, when there are at most 15 of them and at most 22 places (a
/// coordinate, an amount); `None` otherwise (`Display` writes those).
///
/// Two different decimals of at most 15 significant digits never read as the same double,
/// so at a given number of places at most one integer reads back as `magnitude`, and the
/// shortest decimal is that one without its trailing zeros: the digits `f64`'s `Display`
/// writes. Reading back is exact (the integer is below 2^53 and `10^places` an exact double,
/// so one division rounds correctly): the answer is checked, never estimated.
fn shortest_decimal(magnitude: f64) -> Option<(u64, usize)> {
    use crate::float::POWERS_OF_TEN as POWERS;
    // Places for 15 significant digits: 15 less the digits before the point, or 15 more the
    // zeros after it. A wrong guess near a power of ten only makes the answer `None`.
    let whole = POWERS[..16].iter().take_while(|&&p| p <= magnitude).count();
    let places = if whole > 0 {
        15usize.checked_sub(whole)?
    } else {
        15 + (1..=8).take_while(|&k| magnitude * POWERS[k] < 1.0).count()
    };
    let power = *POWERS.get(places)?;
    let scaled = magnitude * power;
    if !(1.0..1e15).contains(&scaled) {
        return None;
    }
    // The product is off by at most 0.11 (below 10^15, one rounding), and the decimal that
    // reads back, if there is one, lies within 0.1 of the exact product: rounding half up
    // finds it. Below 2^53, the casts are exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mut digits = (scaled + 0.5) as u64;
    #[allow(clippy::cast_precision_loss)]
    let back = digits as f64 / power;
    if back.to_bits() != magnitude.to_bits() {
        return None;
    }
    let mut places = places;
    while digits.is_multiple_of(10) && places > 0 {
        digits /= 10;
        places -= 1;
    }
    Some((digits, places))
}

/// Appends `digits / 10^places` as a plain decimal (`0.05`, `153.6121731`), for at most 15
/// digits and 22 places.
fn push_decimal(out: &mut String, digits: u64, places: usize) {
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869\
        707172737475767778798081828384858687888990919293949596979899";
    // The digits, right-aligned, two at a time; then as many leading zeros as the places
    // need (`0.05` has three digits).
    let mut all = [b'0'; 24];
    let mut at = all.len();
    let mut rest = digits;
    while rest >= 10 {
        // Below 100.
        let pair = (rest % 100) as usize * 2;
        rest /= 100;
        at -= 2;
        all[at..at + 2].copy_from_slice(&PAIRS[pair..pair + 2]);
    }
    if rest > 0 {
        at -= 1;
        // Below 10.
        all[at] = b'0' + (rest % 10) as u8;
    }
    at = at.min(all.len().saturating_sub(places + 1));
    let written = &all[at..];
    // The whole part, the point, the places: one piece of text.
    let point = written.len() - places;
    let mut text = [b'.'; 25];
    text[..point].copy_from_slice(&written[..point]);
    text[point + 1..=written.len()].copy_from_slice(&written[point..]);
    let len = if places > 0 { written.len() + 1 } else { point };
    out.push_str(std::str::from_utf8(&text[..len]).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Code, Form, Params, Text, Violation};

    #[test]
    fn text_writes_numbers_as_display_does_up_to_an_exponent_form() {
        let mut rng = crate::test_rng::Rng::new(0x7E47_u64);
        let mut floats = vec![
            0.0,
            -0.0,
            1.0,
            -1.0,
            0.5,
            -90.0,
            180.0,
            259.932_326_9,
            9_007_199_254_740_991.0,
            9_007_199_254_740_992.0,
            -9_007_199_254_740_993.0,
            1e16,
            1e300,
            -1e-300,
            5e-324,
            f64::MAX,
            f64::MIN,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        let mut ints = vec![0, 1, -1, 9, 10, -10, i64::MAX, i64::MIN];
        for k in -330..=310 {
            let power: f64 = format!("1e{k}").parse().unwrap();
            floats.extend([power, -power, power * 1.5, 0.1 * power, 7.0 * power / 3.0]);
        }
        for round in 0..100_000 {
            let seed = rng.bits();
            floats.push(f64::from_bits(seed));
            floats.push(f64::from(u32::try_from(seed % 1_000_000).unwrap()) - 500_000.0);
            // Decimals as coordinates and amounts are written, up to 12 places, and the
            // doubles next to them (which need 16 or 17 digits).
            let places = round % 13;
            #[allow(clippy::cast_precision_loss)]
            let decimal = (seed >> 20) as f64 / 10f64.powi(places) - 1e3;
            floats.extend([decimal, f64::from_bits(decimal.to_bits() + 1)]);
            // Around the powers of ten where the number of places changes.
            let k = i32::try_from(seed % 24).unwrap() - 9;
            floats.push(f64::from_bits(10f64.powi(k).to_bits() + (seed >> 58) - 32));
            #[allow(clippy::cast_possible_wrap)]
            ints.push((seed as i64) >> (seed % 64));
        }
        for f in floats {
            // `Display` from 1e-5 up to 1e16, `LowerExp` beyond, never over the limit.
            let plain = !f.is_finite() || f == 0.0 || (1e-5..1e16).contains(&f.abs());
            let expected = if plain {
                f.to_string()
            } else {
                format!("{f:e}")
            };
            let written = String::from(Text::new(0).float(f));
            assert_eq!(written, expected);
            assert!(written.len() <= NUMBER_LIMIT, "{written}");
            // The same choice of form as serde_json makes in JSON output.
            if f.is_finite() {
                let json = serde_json::to_string(&f).unwrap();
                assert_eq!(json.contains('e'), written.contains('e'), "{json}");
            }
        }
        for i in ints {
            assert_eq!(String::from(Text::new(0).int(i)), i.to_string());
            assert!(i.to_string().len() <= NUMBER_LIMIT);
            assert_eq!(
                String::from(Text::new(0).uint(i.unsigned_abs())),
                i.unsigned_abs().to_string()
            );
        }
    }

    #[test]
    fn large_and_small_floats_take_the_exponent_form() {
        let written = |f: f64| String::from(Text::new(0).float(f));
        assert_eq!(written(1e308), "1e308");
        assert_eq!(written(f64::MIN), "-1.7976931348623157e308");
        assert_eq!(
            written(-2.225_073_858_507_201_4e-308),
            "-2.2250738585072014e-308"
        );
        assert_eq!(written(5e-324), "5e-324");
        assert_eq!(written(1e16), "1e16");
        assert_eq!(written(9_999_999_999_999_998.0), "9999999999999998");
        assert_eq!(written(1e-5), "0.00001");
        assert_eq!(
            written(-1.234_567_890_123_456_8e-5),
            "-0.000012345678901234568"
        );
        assert_eq!(written(9.999_999_999_999_999e-6), "9.999999999999999e-6");
        // Ordinary values as before.
        assert_eq!(written(-27.698_444_4), "-27.6984444");
        assert_eq!(written(-90.0), "-90");
        assert_eq!(written(-0.0), "-0");
        assert_eq!(written(f64::NEG_INFINITY), "-inf");
        // In a message.
        let range = Violation::deferred(
            Code::Range,
            Form::Range(-1e308),
            Params::Range {
                min: -90.0,
                max: 90.0,
            },
        );
        assert_eq!(range.message(None), "-1e308 is outside the range -90 to 90");
    }
}
