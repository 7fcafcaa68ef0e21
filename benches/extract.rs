//! Micro-benchmarks (divan): reading one article, extracting its claims, and
//! normalising value phrases.
//!
//! Run: `cargo bench --bench extract` (add a filter to run some only, e.g.
//! `cargo bench --bench extract -- extract_document`). See docs/performance.md.
//!
//! - `parse_document`: decoding and front matter of one article (no file I/O);
//! - `extract_document`: all of extraction for one parsed article with the
//!   shipped rules (prefilter, patterns, normalisation of each match), for the
//!   five seed articles of `corpus/`, an article in the shape that
//!   `examples/gen-corpus.rs` writes, and one with no claim at all (the
//!   prefilter's reject path, the common case in a large archive);
//! - `normalize_phrase`: `normalize::normalize` on one phrase of each kind;
//! - `normalize_mixed`: the whole mixed list, one pass (items/s is values/s).
//!
//! `benches/normalize.rs` is kept: a plain loop that prints one values/second
//! figure over a longer list (26 phrases, with the rarer date forms). The
//! phrases here are the common ones, measured one by one with divan's
//! statistics.

use recoupe::corpus::{parse_document, Document};
use recoupe::extract::extract_document;
use recoupe::french::Placeholder;
use recoupe::normalize::{normalize, Context};
use recoupe::rules::{load_dir, RuleSet};
use std::path::Path;
use std::sync::LazyLock;

fn main() {
    divan::main();
}

/// An article as `examples/gen-corpus.rs` writes them: filler sentences and
/// three claim sentences.
const GENERATED: &str = "---\noutlet: \"Le Monde\"\npublished: 2025-07-21\nlang: fr\ntitle: \"Pourparlers d'Istanbul, dépêche 42\"\n---\n\
Le Kremlin a de nouveau affirmé que les positions des deux camps restaient « diamétralement opposées ». Washington a annoncé la reprise des livraisons d'armes à l'Ukraine. Kiev et Moscou relancent les pourparlers de paix mercredi à Istanbul, sous pression internationale.\n\n\
Sur le front, les troupes russes continuent d'avancer face à un adversaire en manque de recrues. Les Européens plaident pour un renforcement des sanctions contre Moscou. Donald Trump a fixé un délai de près de 50 jours à la Russie pour parvenir à un accord de cessez-le-feu.\n\n\
La Turquie, qui entretient des relations avec les deux belligérants, se pose en médiatrice. Des médias ukrainiens ont rapporté de nouveaux combats dans la région de Donetsk. La Russie a lancé durant la nuit de dimanche à lundi, à l'aide de quatre cent vingt-six drones et de 24 missiles balistiques, une nouvelle série d'attaques.\n\n\
Le ministère russe de la Défense affirme avoir ciblé des infrastructures militaires. Les discussions devraient aussi porter sur le rapatriement d'enfants ukrainiens. Le président américain a multiplié les déclarations sur une paix rapide.\n\n";

/// The same shape with filler only: no claim, and few of the rules' words.
const NO_CLAIM: &str = "---\noutlet: \"RFI\"\npublished: 2025-07-22\nlang: fr\ntitle: \"Sur le front\"\n---\n\
Le Kremlin a de nouveau affirmé que les positions des deux camps restaient « diamétralement opposées ». Washington a annoncé la reprise des livraisons d'armes à l'Ukraine. Sur le front, les troupes russes continuent d'avancer face à un adversaire en manque de recrues.\n\n\
Les Européens plaident pour un renforcement des sanctions contre Moscou. La Turquie, qui entretient des relations avec les deux belligérants, se pose en médiatrice. Des médias ukrainiens ont rapporté de nouveaux combats dans la région de Donetsk.\n\n\
Le ministère russe de la Défense affirme avoir ciblé des infrastructures militaires. Les discussions devraient aussi porter sur le rapatriement d'enfants ukrainiens. Le président américain a multiplié les déclarations sur une paix rapide.\n\n\
Plusieurs incendies ont été signalés, touchant notamment une école et des habitations. L'armée de l'air ukrainienne affirme avoir intercepté la quasi-totalité des projectiles.\n\n";

const DOCUMENTS: &[&str] = &[
    "corpus/000_100d8ce819ed988d.md",
    "corpus/001_17b765d36e3de4a7.md",
    "corpus/002_15810f9d34331853.md",
    "corpus/003_a40a122afaa65fb4.md",
    "corpus/004_106e9b91da930b1a.md",
    "generated",
    "no-claim",
];

static RULES: LazyLock<RuleSet> = LazyLock::new(|| {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    load_dir(&dir).unwrap_or_else(|e| panic!("the shipped rules load: {e:?}"))
});

/// The raw bytes of one benchmark document.
fn bytes_of(name: &str) -> Vec<u8> {
    match name {
        "generated" => GENERATED.as_bytes().to_vec(),
        "no-claim" => NO_CLAIM.as_bytes().to_vec(),
        path => {
            std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
        }
    }
}

fn document(name: &str) -> Document {
    let (doc, _) = parse_document(name.to_string(), &bytes_of(name));
    doc.unwrap_or_else(|| panic!("{name} parses"))
}

#[divan::bench(args = DOCUMENTS)]
fn parse_document_bytes(bencher: divan::Bencher, name: &str) {
    let bytes = bytes_of(name);
    bencher
        .counter(divan::counter::BytesCount::new(bytes.len()))
        .bench(|| parse_document(divan::black_box(name.to_string()), divan::black_box(&bytes)));
}

#[divan::bench(args = DOCUMENTS)]
fn extract_document_claims(bencher: divan::Bencher, name: &str) {
    let rules = &*RULES;
    let doc = document(name);
    // One thread's caches, kept across documents as `extract` keeps them.
    let mut caches = recoupe::extract::Scratch::new(rules);
    // The generated article must give claims, or this measures nothing.
    if name == "generated" {
        assert!(
            !extract_document(&doc, rules, &mut caches).claims.is_empty(),
            "the generated article gives claims"
        );
    }
    bencher
        .counter(divan::counter::BytesCount::new(doc.text.len()))
        .bench_local(|| extract_document(divan::black_box(&doc), rules, &mut caches));
}

/// A mixed list of phrases of every kind, hedged and bare, in words and digits.
const PHRASES: &[(Placeholder, &str)] = &[
    (Placeholder::Count, "au moins 500"),
    (Placeholder::Count, "426"),
    (Placeholder::Count, "quatre cent vingt-six"),
    (Placeholder::Count, "plus de 400"),
    (Placeholder::Count, "une trentaine"),
    (Placeholder::Number, "1,5 million"),
    (Placeholder::Ordinal, "troisième"),
    (Placeholder::Duration, "48 heures"),
    (Placeholder::Duration, "près de 50 jours"),
    (Placeholder::Duration, "un mois"),
    (Placeholder::Date, "mercredi"),
    (Placeholder::Date, "mercredi prochain"),
    (Placeholder::Date, "dans la nuit de dimanche à lundi"),
    (Placeholder::Date, "le 2 juin 2025"),
];

fn context() -> Context<'static> {
    Context {
        published: Some(jiff::civil::Date::constant(2025, 7, 22)),
        around: "Le ministre a annoncé mercredi que le sommet se tiendra vendredi.",
        lang: Default::default(),
    }
}

#[divan::bench(args = PHRASES.iter().map(|(_, text)| *text))]
fn normalize_phrase(bencher: divan::Bencher, text: &str) {
    let (placeholder, _) = *PHRASES.iter().find(|(_, t)| *t == text).expect("a listed phrase");
    let ctx = context();
    normalize(placeholder, text, &ctx).unwrap_or_else(|e| panic!("`{text}` normalises: {e}"));
    bencher.bench(|| normalize(divan::black_box(placeholder), divan::black_box(text), &ctx));
}

#[divan::bench]
fn normalize_mixed(bencher: divan::Bencher) {
    let ctx = context();
    bencher
        .counter(divan::counter::ItemsCount::new(PHRASES.len()))
        .bench(|| {
            for (placeholder, text) in PHRASES {
                divan::black_box(normalize(divan::black_box(*placeholder), divan::black_box(text), &ctx).ok());
            }
        });
}
