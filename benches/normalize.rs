//! Normalisation throughput: a mixed list of phrases, normalised many times.
//!
//! Run: `cargo bench --bench normalize` (prints values/second).

use recoupe::french::Placeholder;
use recoupe::normalize::{normalize, Context};
use std::hint::black_box;
use std::time::Instant;

const CASES: &[(Placeholder, &str)] = &[
    (Placeholder::Count, "au moins un"),
    (Placeholder::Count, "1 000"),
    (Placeholder::Count, "près de 50"),
    (Placeholder::Count, "une trentaine"),
    (Placeholder::Count, "des dizaines de milliers"),
    (Placeholder::Count, "entre 10 et 12"),
    (Placeholder::Count, "quatre-vingt-dix-sept"),
    (Placeholder::Number, "1,5 million"),
    (Placeholder::Number, "30 %"),
    (Placeholder::Ordinal, "troisième"),
    (Placeholder::Duration, "48 heures"),
    (Placeholder::Duration, "près de 50 jours"),
    (Placeholder::Duration, "un mois et demi"),
    (Placeholder::Date, "mercredi"),
    (Placeholder::Date, "mercredi prochain"),
    (Placeholder::Date, "lundi 21 juillet"),
    (Placeholder::Date, "le 2 juin 2025"),
    (Placeholder::Date, "dans la nuit de dimanche à lundi"),
    (Placeholder::Date, "fin juin"),
    (Placeholder::Date, "la semaine prochaine"),
    (Placeholder::Date, "cet été"),
    (Placeholder::Date, "la Toussaint"),
    (Placeholder::Date, "les 3 derniers jours"),
    (Placeholder::Date, "premier mercredi du mois prochain"),
    (Placeholder::Date, "en fin de semaine"),
    (Placeholder::Date, "à trois heures et quart demain après-midi"),
];

fn main() {
    let ctx = Context {
        published: Some(jiff::civil::Date::constant(2025, 7, 22)),
        around: "Le ministre a annoncé mercredi que le sommet se tiendra vendredi.",
        lang: Default::default(),
    };
    // Warm up: builds the lazily compiled regexes.
    for (p, t) in CASES {
        normalize(*p, t, &ctx).expect("bench phrase normalises");
    }
    let rounds = 20_000;
    let start = Instant::now();
    for _ in 0..rounds {
        for (p, t) in CASES {
            black_box(normalize(black_box(*p), black_box(t), &ctx).ok());
        }
    }
    let elapsed = start.elapsed();
    let n = rounds * CASES.len();
    println!(
        "normalize: {n} values in {:.3} s = {:.0} values/second ({:.2} µs/value)",
        elapsed.as_secs_f64(),
        n as f64 / elapsed.as_secs_f64(),
        elapsed.as_secs_f64() * 1e6 / n as f64
    );
}
