//! English numbers, quantities and hedges.

use super::*;
use crate::english::vocab::fold;

fn q(text: &str) -> Range {
    quantity(&fold(text), true)
        .unwrap_or_else(|| panic!("no quantity in {text:?}"))
        .range
}

fn exact(text: &str) -> f64 {
    let r = q(text);
    assert_eq!(r.lo, r.hi, "{text:?} is not exact: {r:?}");
    r.lo
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(1.0)
}

#[test]
fn commas_group_thousands_and_dots_make_decimals() {
    assert_eq!(exact("1,000"), 1000.0);
    assert_eq!(exact("1,000,000"), 1e6);
    assert_eq!(exact("12,34,567.89"), 1234567.89);
    assert_eq!(exact("4.800"), 4.8);
    assert_eq!(exact("1.5"), 1.5);
    assert_eq!(exact(".08"), 0.08);
    assert_eq!(exact("40\u{202F}000"), 40000.0);
    assert_eq!(plain("1,5"), None);
    assert_eq!(plain("1,00"), None);
}

#[test]
fn scales_after_digits() {
    assert_eq!(exact("1.5 million"), 1.5e6);
    assert_eq!(exact("2.3bn"), 2.3e9);
    assert_eq!(exact("2.3 bn"), 2.3e9);
    assert_eq!(exact("3m"), 3e6);
    assert_eq!(exact("3M"), 3e6);
    assert_eq!(exact("100k"), 1e5);
    assert_eq!(exact("1.2b"), 1.2e9);
    assert_eq!(exact("30 lakh"), 3e6);
    assert_eq!(exact("5 crore"), 5e7);
    assert_eq!(exact("322 hundred"), 32200.0);
    assert_eq!(exact("3 dozen"), 36.0);
    assert_eq!(exact("1,674.5 million"), 1.6745e9);
}

#[test]
fn number_words() {
    for (t, v) in [
        ("nine", 9.0),
        ("zero", 0.0),
        ("nought", 0.0),
        ("twenty-four", 24.0),
        ("twenty four", 24.0),
        ("fifty - two", 52.0),
        ("one hundred and five", 105.0),
        ("a hundred", 100.0),
        ("a million", 1e6),
        ("two thousand and two hundred", 2200.0),
        ("two hundred and two thousand", 202000.0),
        ("seven hundred twenty-one thousand and twelve", 721012.0),
        (
            "thirty-one million two hundred fifty-six thousand seven hundred twenty-one",
            31256721.0,
        ),
        ("three thousand millions", 3e9),
        ("three billions", 3e9),
        ("three lakh crore", 3e12),
        ("twenty-one trillion and three hundred", 21e12 + 300.0),
        ("3 hundred and 21", 321.0),
        ("4 thousand 3 hundred and 21", 4321.0),
        ("two dozen", 24.0),
        ("two hundred dozens", 2400.0),
    ] {
        assert_eq!(exact(t), v, "{t}");
    }
    for t in [
        "one two",
        "twenty and four",
        "one twenty two",
        "hundred",
        "and",
        "a",
        "two nil",
        "one one hundred",
    ] {
        assert_eq!(words(&fold(t)), None, "{t}");
    }
}

#[test]
fn fractions_halves_and_spoken_decimals() {
    assert!(near(exact("two thirds"), 2.0 / 3.0));
    assert_eq!(exact("a half"), 0.5);
    assert_eq!(exact("half"), 0.5);
    assert_eq!(exact("three quarters"), 0.75);
    assert_eq!(exact("one fifth"), 0.2);
    assert_eq!(exact("one and a half"), 1.5);
    assert_eq!(exact("five and a quarter"), 5.25);
    assert_eq!(exact("one hundred and three quarters"), 100.75);
    assert_eq!(exact("half a million"), 5e5);
    assert_eq!(exact("quarter million"), 2.5e5);
    assert_eq!(exact("five and a half million"), 5.5e6);
    assert_eq!(exact("one million and a half"), 1.5e6);
    assert_eq!(exact("3 million and a quarter"), 3.25e6);
    assert_eq!(exact("one billion and a half million"), 1.0005e9);
    assert!(near(exact("two thirds of a million"), 2e6 / 3.0));
    assert_eq!(exact("2½"), 2.5);
    assert_eq!(exact("¾"), 0.75);
    assert_eq!(exact("two hundred point zero three"), 200.03);
    assert_eq!(exact("two hundred point seventy-one"), 200.71);
    assert_eq!(exact("nought point eleven"), 0.11);
    assert_eq!(exact("two point two million"), 2.2e6);
}

#[test]
fn vague_quantities_are_wide() {
    assert_eq!(q("a dozen"), Range::closed(10.0, 14.0));
    assert_eq!(q("half a dozen"), Range::closed(5.0, 7.0));
    assert_eq!(q("dozens"), Range::closed(24.0, 120.0));
    assert_eq!(q("hundreds"), Range::closed(200.0, 1000.0));
    assert_eq!(q("hundreds of thousands"), Range::closed(2e5, 1e6));
    assert_eq!(q("tens of thousands"), Range::closed(2e4, 1e5));
    assert_eq!(q("a couple"), Range::closed(2.0, 3.0));
    assert_eq!(q("a few"), Range::closed(2.0, 10.0));
    assert_eq!(q("several"), Range::at_least(2.0));
    assert_eq!(q("several hundred"), Range::closed(200.0, 1000.0));
    assert_eq!(q("a couple of thousand"), Range::closed(2000.0, 3000.0));
    assert_eq!(q("a few dozen"), Range::closed(24.0, 120.0));
    assert_eq!(quantity("tens", false), None);
}

#[test]
fn ranges_and_percentages() {
    for t in [
        "10 to 12",
        "10-12",
        "10–12",
        "between 10 and 12",
        "from 10 to 12",
        "10 or 12",
        "ten to twelve",
    ] {
        assert_eq!(q(t), Range::closed(10.0, 12.0), "{t}");
    }
    assert_eq!(q("between 1 and 1.5 million"), Range::closed(1e6, 1.5e6));
    assert_eq!(q("2-3 million"), Range::closed(2e6, 3e6));
    let p = quantity(&fold("30 per cent"), true).unwrap();
    assert!(p.percent);
    assert_eq!(p.range, Range::exact(30.0));
    assert!(quantity("5%", true).unwrap().percent);
    assert!(quantity("5pc", true).unwrap().percent);
    assert_eq!(q("10-12%"), Range::closed(10.0, 12.0));
}

#[test]
fn hedges_before_and_after() {
    assert_eq!(q("at least 500"), Range::at_least(500.0));
    assert_eq!(q("no fewer than 5"), Range::at_least(5.0));
    assert_eq!(q("more than 50"), Range::more_than(50.0));
    assert_eq!(q("over 50"), Range::at_least(50.0));
    assert_eq!(q("nearly 50"), Range::closed(45.0, 50.0));
    assert_eq!(q("almost 50"), Range::closed(45.0, 50.0));
    assert_eq!(q("up to 300"), Range::closed(0.0, 300.0));
    assert_eq!(q("as many as 300"), Range::closed(0.0, 300.0));
    assert_eq!(q("500 or more"), Range::at_least(500.0));
    // "450-odd": the figure and a few more, only with its hyphen.
    assert_eq!(q("450-odd"), Range::at_least(450.0));
    assert_eq!(q("twenty-odd"), Range::at_least(20.0));
    assert_eq!(quantity("450 odd", false), None);
    for t in [
        "about 100",
        "around 100",
        "roughly 100",
        "approximately 100",
        "some 100",
        "100 or so",
    ] {
        let r = q(t);
        assert!(near(r.lo, 90.0) && near(r.hi, 110.0), "{t}: {r:?}");
    }
    let r = q("fewer than 5");
    assert_eq!((r.lo, r.hi, r.hi_open), (0.0, 5.0, true));
    assert_eq!(q("more than a dozen"), Range::more_than(10.0));
}

#[test]
fn signs() {
    assert_eq!(exact("-4.5"), -4.5);
    assert_eq!(exact("- 1,200,000"), -1.2e6);
    assert_eq!(exact("minus five"), -5.0);
    assert_eq!(exact("negative five hundred and four"), -504.0);
    assert_eq!(quantity("-5", false), None);
}

#[test]
fn ordinals_in_digits_and_words() {
    for (t, v) in [
        ("3rd", 3.0),
        ("21st", 21.0),
        ("third", 3.0),
        ("second", 2.0),
        ("twenty-first", 21.0),
        ("twenty first", 21.0),
        ("twentyfifth", 25.0),
        ("twenty—fifth", 25.0),
        ("one hundred twenty-fifth", 125.0),
        ("two hundredth", 200.0),
        ("three trillionth", 3e12),
        ("hundredth", 100.0),
        ("nineth", 9.0),
        ("twenty-one trillion and three hundred twenty second", 21e12 + 322.0),
    ] {
        assert_eq!(ordinal(&fold(t)), Some(v), "{t}");
    }
    assert_eq!(ordinal("twentyfirstly"), None);
    assert_eq!(ordinal("one two third"), None);
}
