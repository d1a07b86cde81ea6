//! Milliseconds since the Unix epoch <-> ISO 8601 UTC text (`2024-05-01T08:00:00.000Z`),
//! with Howard Hinnant's days-from-civil algorithms, so no date crate reaches the wasm build.
//!
//! [`format_iso`] always writes milliseconds and `Z`; [`parse_iso`] reads what other tools
//! write too: any number of fraction digits (cut to milliseconds), `Z`, `±HH:MM`, `±HHMM` or
//! no offset (taken as UTC), a space instead of `T`, or a bare date.

const MS_PER_DAY: i64 = 86_400_000;

/// ISO 8601 UTC with milliseconds. Years outside 0..=9999 use the expanded form
/// (`+012345-…`, `-000001-…`), so every `i64` has a text that [`parse_iso`] reads back.
pub fn format_iso(ms: i64) -> String {
    let days = ms.div_euclid(MS_PER_DAY);
    let in_day = ms.rem_euclid(MS_PER_DAY);
    let (year, month, day) = civil_from_days(days);
    let (h, m, s, milli) = (
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000,
    );
    let year = if (0..=9999).contains(&year) {
        format!("{year:04}")
    } else if year < 0 {
        format!("-{:06}", year.unsigned_abs())
    } else {
        format!("+{year:06}")
    };
    format!("{year}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}.{milli:03}Z")
}

/// Reads an ISO 8601 date-time (see the module docs); `None` if it is not one.
pub fn parse_iso(text: &str) -> Option<i64> {
    let mut p = Cursor(text.trim().as_bytes());
    let sign = match p.peek() {
        Some(b'+') => {
            p.bump();
            1
        }
        Some(b'-') => {
            p.bump();
            -1
        }
        _ => 1,
    };
    let year_digits = p.digit_run();
    if !(4..=9).contains(&year_digits.len()) {
        return None;
    }
    let year = sign * number(year_digits)?;
    p.expect(b'-')?;
    let month = number(p.digits(2)?)?;
    p.expect(b'-')?;
    let day = number(p.digits(2)?)?;
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut in_day = 0i64;
    let mut offset_min = 0i64;
    if let Some(b'T' | b't' | b' ') = p.peek() {
        p.bump();
        let h = number(p.digits(2)?)?;
        p.expect(b':')?;
        let m = number(p.digits(2)?)?;
        let s = if p.peek() == Some(b':') {
            p.bump();
            number(p.digits(2)?)?
        } else {
            0
        };
        if h > 23 || m > 59 || s > 60 {
            return None;
        }
        let mut milli = 0i64;
        if let Some(b'.' | b',') = p.peek() {
            p.bump();
            let frac = p.digit_run();
            if frac.is_empty() {
                return None;
            }
            for i in 0..3 {
                milli = milli * 10 + frac.get(i).map_or(0, |d| i64::from(d - b'0'));
            }
        }
        in_day = ((h * 60 + m) * 60 + s.min(59)) * 1000 + milli;
        offset_min = p.offset()?;
    }
    if !p.0.is_empty() {
        return None;
    }
    let ms = i128::from(days_from_civil(year, month, day)) * i128::from(MS_PER_DAY)
        + i128::from(in_day)
        - i128::from(offset_min) * 60_000;
    i64::try_from(ms).ok()
}

struct Cursor<'a>(&'a [u8]);

impl<'a> Cursor<'a> {
    fn peek(&self) -> Option<u8> {
        self.0.first().copied()
    }
    fn bump(&mut self) {
        self.0 = self.0.get(1..).unwrap_or_default();
    }
    fn expect(&mut self, byte: u8) -> Option<()> {
        (self.peek() == Some(byte)).then(|| self.bump())
    }
    fn digit_run(&mut self) -> &'a [u8] {
        let n = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        let (run, rest) = self.0.split_at(n);
        self.0 = rest;
        run
    }
    fn digits(&mut self, n: usize) -> Option<&'a [u8]> {
        let run = self
            .0
            .get(..n)
            .filter(|r| r.iter().all(u8::is_ascii_digit))?;
        self.0 = self.0.get(n..).unwrap_or_default();
        Some(run)
    }
    /// `Z`, `±HH:MM`, `±HHMM`, `±HH` or nothing; minutes east of UTC.
    fn offset(&mut self) -> Option<i64> {
        let sign = match self.peek() {
            None => return Some(0),
            Some(b'Z' | b'z') => {
                self.bump();
                return Some(0);
            }
            Some(b'+') => 1,
            Some(b'-') => -1,
            Some(_) => return None,
        };
        self.bump();
        let h = number(self.digits(2)?)?;
        if self.peek() == Some(b':') {
            self.bump();
        }
        let m = if self.0.is_empty() {
            0
        } else {
            number(self.digits(2)?)?
        };
        (h <= 23 && m <= 59).then_some(sign * (h * 60 + m))
    }
}

fn number(digits: &[u8]) -> Option<i64> {
    digits.iter().try_fold(0i64, |acc, d| {
        acc.checked_mul(10)?.checked_add(i64::from(d - b'0'))
    })
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 -> (year, month, day), proleptic Gregorian.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// (year, month, day) -> days since 1970-01-01, proleptic Gregorian.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = if month > 2 { month - 3 } else { month + 9 };
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        assert_eq!(format_iso(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(format_iso(1_714_550_400_123), "2024-05-01T08:00:00.123Z");
        assert_eq!(format_iso(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(format_iso(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn parses_other_tools_dates() {
        let at = Some(1_678_875_703_472);
        assert_eq!(parse_iso("2023-03-15T10:21:43.472871+00:00"), at);
        assert_eq!(parse_iso("2023-03-15T18:21:43.472+08:00"), at);
        assert_eq!(parse_iso("2023-03-15 10:21:43.472Z"), at);
        assert_eq!(parse_iso("2023-03-15T05:21:43.472-0500"), at);
        assert_eq!(parse_iso("2023-03-15"), Some(1_678_838_400_000));
        for bad in [
            "",
            "2023-02-29",
            "2023-13-01",
            "20230315",
            "2023-03-15T25:00",
            "x",
        ] {
            assert_eq!(parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn round_trips_extremes() {
        for ms in [
            i64::MIN,
            i64::MIN + 1,
            -62_135_596_800_001,
            253_402_300_800_000,
            i64::MAX,
        ] {
            assert_eq!(parse_iso(&format_iso(ms)), Some(ms), "{}", format_iso(ms));
        }
    }
}
