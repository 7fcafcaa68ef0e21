//! Tests of reading a claim's sentence: marks, stances, roles, sources, times, relay keys.

use super::*;

fn ctx(sentence: &str, lang: Lang) -> Context {
    let at = sentence.find(char::is_numeric).unwrap_or(0);
    let m = lang.markers();
    let (per_side, total): (Vec<String>, Vec<String>) = (
        m.per_side.iter().map(|s| pad(s)).collect(),
        m.total.iter().map(|s| pad(s)).collect(),
    );
    read(
        sentence,
        (at, at + 1),
        lang,
        Asked {
            stance: true,
            roles: Some((&per_side, &total)),
        },
    )
}

#[test]
fn provisional_marks() {
    assert!(ctx("Le bilan provisoire fait état de 3 blessés dans le quartier.", Lang::Fr).provisional);
    assert!(ctx("Four people have been hurt so far, officials said.", Lang::En).provisional);
    assert!(!ctx("Le bilan définitif est de 3 blessés.", Lang::Fr).provisional);
}

#[test]
fn plans_and_facts() {
    assert_eq!(
        ctx("La réunion doit se tenir le 12 mars à Genève.", Lang::Fr).stance,
        Some(Stance::Planned)
    );
    assert_eq!(
        ctx("La réunion s'est tenue le 12 mars à Genève.", Lang::Fr).stance,
        Some(Stance::Held)
    );
    assert_eq!(
        ctx("The meeting will be held on March 12 in Geneva.", Lang::En).stance,
        Some(Stance::Planned)
    );
    assert_eq!(
        ctx("The meeting took place on March 12 in Geneva.", Lang::En).stance,
        Some(Stance::Held)
    );
    assert_eq!(
        ctx("La réunion aura lieu le 12 mars.", Lang::Fr).stance,
        Some(Stance::Planned)
    );
    assert_eq!(ctx("Le 12 mars, à Genève.", Lang::Fr).stance, None);
    // A possible date is a plan, and `held` inside its words says nothing.
    assert_eq!(
        ctx(
            "The meeting could take place on March 12, or might be held later.",
            Lang::En
        )
        .stance,
        Some(Stance::Planned)
    );
    assert_eq!(
        ctx("La réunion pourrait se tenir le 12 mars à Genève.", Lang::Fr).stance,
        Some(Stance::Planned)
    );
    // No marker, but the future tense: a plan.
    assert_eq!(
        ctx("La réunion du 12 mars devrait porter sur la reconstruction.", Lang::Fr).stance,
        Some(Stance::Planned)
    );
}

#[test]
fn roles_near_the_value() {
    assert_eq!(
        ctx("Ils échangeront 500 prisonniers de chaque côté.", Lang::Fr).role,
        Some(CountRole::PerSide)
    );
    assert_eq!(
        ctx("Au total, 1000 prisonniers seront libérés.", Lang::Fr).role,
        Some(CountRole::Total)
    );
    assert_eq!(
        ctx("Both sides freed 300 captives each.", Lang::En).role,
        Some(CountRole::PerSide)
    );
    assert_eq!(
        ctx("Kyiv and Moscow freed 600 captives in total.", Lang::En).role,
        Some(CountRole::Total)
    );
    assert_eq!(ctx("Les deux camps ont libéré 300 prisonniers.", Lang::Fr).role, None);
}

#[test]
fn who_says_it() {
    let s = |t: &str, l| ctx(t, l).source;
    assert_eq!(
        s("Trois blessés, selon la mairie de Lyon.", Lang::Fr).as_deref(),
        Some("la mairie de Lyon")
    );
    assert_eq!(
        s("Trois blessés, a indiqué le préfet du Rhône.", Lang::Fr).as_deref(),
        Some("le préfet du Rhône")
    );
    assert_eq!(
        s("Three people were hurt, according to the city council.", Lang::En).as_deref(),
        Some("the city council")
    );
    assert_eq!(
        s("Three people were hurt, the fire brigade said.", Lang::En).as_deref(),
        Some("the fire brigade")
    );
    assert_eq!(s("Three people were hurt, he said.", Lang::En), None);
    // A figure opens the words before the verb: they are the claim, not a source.
    assert_eq!(
        s(
            "By noon 12 people had been taken to hospital, officials said later.",
            Lang::En
        )
        .as_deref(),
        Some("officials")
    );
    assert_eq!(
        s(
            "28 juillet - Donald Trump a déclaré qu'il laissait dix jours.",
            Lang::Fr
        ),
        None
    );
    // A conjunction before the verb: its subject is elided, and no one is named.
    assert_eq!(
        s(
            "The mayor counted three people hurt, and says more may be found.",
            Lang::En
        ),
        None
    );
    assert_eq!(
        s(
            "Le maire a compté trois blessés, et a précisé que d'autres sont recherchés.",
            Lang::Fr
        ),
        None
    );
    assert_eq!(s("Trois blessés dans la nuit.", Lang::Fr), None);
    assert_eq!(s("Trois blessés, selon nos informations.", Lang::Fr), None);
    assert_eq!(
        s(
            "Le ministre affirme vouloir reconstruire vite les ponts détruits, après que la crue a fait 3 blessés.",
            Lang::Fr
        ),
        None,
        "a verb of saying far from the value"
    );
}

#[test]
fn times_of_day() {
    assert_eq!(
        ctx("À 14h30, le bilan était de 3 blessés.", Lang::Fr).clock,
        Some(14 * 60 + 30)
    );
    assert_eq!(
        ctx("Ce matin, 3 blessés étaient recensés.", Lang::Fr).clock,
        Some(9 * 60)
    );
    assert_eq!(
        ctx("By 4 p.m. three people were reported hurt.", Lang::En).clock,
        Some(16 * 60)
    );
    assert_eq!(ctx("Three people were reported hurt.", Lang::En).clock, None);
    let monday = ctx("Lundi matin, 3 blessés étaient recensés.", Lang::Fr);
    assert_eq!((monday.clock, monday.weekday), (Some(9 * 60), Some(0)));
    assert_eq!(ctx("On Friday evening, 3 people were hurt.", Lang::En).weekday, Some(4));
    // Several parts of the day: the figure is told as of the last one.
    let evening = ctx("On Monday evening, 3 people were hurt.", Lang::En);
    let told = ctx(
        "Between Sunday evening and Monday morning 3 people were hurt, officials said by Monday evening.",
        Lang::En,
    );
    assert_eq!((told.clock, told.weekday), (evening.clock, Some(0)));
    let hier = ctx("Avant-hier matin, 3 blessés ; hier soir, 5 blessés.", Lang::Fr);
    assert_eq!(hier.days_back, 1);
}

#[test]
fn a_part_of_yesterday_is_said_of_the_day_before() {
    let yesterday = ctx("Hier matin, on comptait encore 3 blessés.", Lang::Fr);
    assert_eq!((yesterday.clock, yesterday.days_back), (Some(9 * 60), 1));
    assert_eq!(
        ctx("Avant-hier soir, 3 blessés étaient recensés.", Lang::Fr).days_back,
        2
    );
    assert_eq!(ctx("Yesterday evening three people were hurt.", Lang::En).days_back, 1);
    assert_eq!(ctx("Ce matin, 3 blessés étaient recensés.", Lang::Fr).days_back, 0);
}

#[test]
fn one_dispatch_one_key_whatever_the_typography() {
    let a = ctx(
        "Le ministère a confirmé que 12 personnes avaient été blessées dans la nuit.",
        Lang::Fr,
    );
    let b = ctx(
        "Le ministère a confirmé que 12 personnes avaient été blessées dans la nuit !",
        Lang::Fr,
    );
    let c = ctx(
        "Le ministère a confirmé que 12 personnes avaient été blessées lundi.",
        Lang::Fr,
    );
    assert_ne!(a.sentence_key, 0);
    assert_eq!(a.sentence_key, b.sentence_key);
    assert_ne!(a.sentence_key, c.sentence_key);
    assert_eq!(ctx("Deux morts à Lyon.", Lang::Fr).sentence_key, 0);
}
