//! Whether two claims can both be true: their intervals meet once widened
//! by the rules' tolerance, a per-side count and a total compared as totals.

use crate::extract::Claim;
use crate::rules::Tolerance;
use crate::search::context::CountRole;
use crate::value::{Interval, Range};

/// Whether two claims can both be true. A count per side and a total are
/// compared as totals (twice the per-side figure); a count whose role is
/// not said may be either.
pub fn compatible(a: &Claim, b: &Claim) -> bool {
    compatible_as(a, a.context.role, b, b.context.role)
}

/// [`compatible`], each claim counted in the role given.
pub(super) fn compatible_as(a: &Claim, role_a: Option<CountRole>, b: &Claim, role_b: Option<CountRole>) -> bool {
    match (&a.value.interval, &b.value.interval) {
        (Interval::Range(x), Interval::Range(y)) => {
            let factors: &[(f64, f64)] = match (role_a, role_b) {
                (Some(CountRole::PerSide), Some(CountRole::Total)) => &[(2.0, 1.0)],
                (Some(CountRole::Total), Some(CountRole::PerSide)) => &[(1.0, 2.0)],
                (Some(_), Some(_)) => &[(1.0, 1.0)],
                (Some(CountRole::PerSide), None) | (None, Some(CountRole::Total)) => &[(1.0, 1.0), (2.0, 1.0)],
                (Some(CountRole::Total), None) | (None, Some(CountRole::PerSide)) => &[(1.0, 1.0), (1.0, 2.0)],
                (None, None) => &[(1.0, 1.0)],
            };
            factors
                .iter()
                .any(|&(fa, fb)| ranges_compatible(a, b, &x.scaled(fa), &y.scaled(fb)))
        }
        (Interval::Text(x), Interval::Text(y)) => x == y,
        _ => true,
    }
}

fn ranges_compatible(a: &Claim, b: &Claim, x: &Range, y: &Range) -> bool {
    // Values of different kinds or units are not comparable; the rules
    // stage keeps one subject to one kind, so this is a safety net.
    if a.value.kind != b.value.kind || a.value.unit != b.value.unit {
        return true;
    }
    let slack = slack(a.tolerance(), x, y).max(slack(b.tolerance(), x, y));
    x.widened(slack).intersects(y)
}

/// How much a tolerance widens an interval when comparing `x` with `y`.
fn slack(tolerance: Tolerance, x: &Range, y: &Range) -> f64 {
    match tolerance {
        Tolerance::Absolute(t) => t,
        Tolerance::Relative(f) => {
            let magnitude = [x.lo, x.hi, y.lo, y.hi]
                .into_iter()
                .filter(|v| v.is_finite())
                .map(f64::abs)
                .fold(0.0, f64::max);
            f * magnitude
        }
    }
}
