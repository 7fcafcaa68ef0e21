//! Generates a synthetic corpus in the shape of the seed corpus, for
//! benchmarks: `cargo run --release --example gen-corpus -- OUT_DIR MEGABYTES [SEED] [--jsonl] [--articles N] [--shape sparse|mixed|dense]`.
//!
//! Deterministic: the same arguments give the same files, byte for byte. One
//! article per file, with front matter, spread over subfolders of 1000 files;
//! or, with `--jsonl`, the same articles (MEGABYTES still counts them as
//! files) as one JSON Lines file,
//! `OUT_DIR/archive.jsonl`, one record per line with every non-ASCII
//! character escaped (`\u00e9`), as Python's `json.dumps` writes by default.
//! Articles mix neutral news sentences with the claim families of the shipped
//! rules, their figures perturbed (50 or 60 days, 426 or 462 drones, Wednesday
//! or Thursday…) so that extraction, normalisation and comparison all work.
//!
//! `--shape` says how much of the corpus holds claims:
//! - `mixed` (the default): every article is about the story, with one to
//!   three claim sentences among the story's other sentences;
//! - `sparse`: a newsroom's whole archive, mostly other news (weather,
//!   culture, the economy, sport, local life: sentences written for this
//!   generator); one article in 50 is a story brief with one claim sentence
//!   (about one claim per 50 articles);
//! - `dense`: every paragraph of every article holds a claim (a big story's
//!   live coverage).

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;

/// splitmix64: a tiny, well-known generator whose output never changes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const OUTLETS: &[&str] = &[
    "AFP",
    "Reuters",
    "Le Monde",
    "Le Figaro",
    "Libération",
    "L'Express",
    "France 24",
    "RFI",
    "Ouest-France",
    "La Croix",
    "Les Échos",
    "20 Minutes",
    "BFMTV",
    "Euronews",
    "TV5Monde",
];

const FILLER: &[&str] = &[
    "Le Kremlin a de nouveau affirmé que les positions des deux camps restaient « diamétralement opposées ».",
    "Sur le front, les troupes russes continuent d'avancer face à un adversaire en manque de recrues.",
    "La Turquie, qui entretient des relations avec les deux belligérants, se pose en médiatrice.",
    "Des médias ukrainiens ont rapporté de nouveaux combats dans la région de Donetsk.",
    "Les Européens plaident pour un renforcement des sanctions contre Moscou.",
    "Le ministère russe de la Défense affirme avoir ciblé des infrastructures militaires.",
    "La délégation ukrainienne sera menée, comme les fois précédentes, par Roustem Oumerov.",
    "Washington a annoncé la reprise des livraisons d'armes à l'Ukraine.",
    "Plusieurs incendies ont été signalés, touchant notamment une école et des habitations.",
    "Les discussions devraient aussi porter sur le rapatriement d'enfants ukrainiens.",
    "Dmitri Peskov a jugé qu'il restait « beaucoup de travail à faire » avant toute rencontre au sommet.",
    "Une trentaine de personnes ont été blessées dans des frappes sur la région de Soumy.",
    "Le président américain a multiplié les déclarations sur une paix rapide.",
    "Les autorités locales ont fait état de trois morts dans la région de Kherson.",
    "L'armée de l'air ukrainienne affirme avoir intercepté la quasi-totalité des projectiles.",
];

/// Ordinary news on other topics, for the sparse shape: no rule reads them.
const OTHER_NEWS: &[&str] = &[
    "La préfecture a placé le département en vigilance orange pour des orages attendus en fin de journée.",
    "Le conseil municipal a voté la rénovation de la piscine, fermée depuis l'hiver dernier.",
    "Le festival de théâtre de rue a attiré un public nombreux malgré la chaleur.",
    "Les ventes de vélos électriques ont encore progressé au premier semestre, selon les professionnels du secteur.",
    "Le club local s'est qualifié pour la finale régionale après une séance de tirs au but.",
    "Une exposition consacrée aux peintres de l'estuaire ouvre ses portes au musée des beaux-arts.",
    "La ligne de tramway sera interrompue pendant trois semaines pour des travaux sur les voies.",
    "Les producteurs de fruits s'inquiètent d'une récolte réduite par les gelées du printemps.",
    "Le tribunal a renvoyé l'affaire à l'automne, à la demande de la défense.",
    "La médiathèque prolonge ses horaires d'ouverture pendant les vacances scolaires.",
    "Un nouveau sentier de randonnée relie désormais les deux villages de la vallée.",
    "Les chiffres du chômage publiés ce matin montrent une légère baisse dans la région.",
    "La compagnie aérienne annonce l'ouverture d'une liaison directe vers Lisbonne à l'automne.",
    "Le lycée agricole a reçu un prix pour son projet de jardin partagé.",
    "Les pompiers sont intervenus pour un feu de broussailles en bordure de l'autoroute.",
    "Le marché de producteurs déménage sur la place de la mairie à partir du mois prochain.",
    "Une étude universitaire s'intéresse aux effets du télétravail sur les petites villes.",
    "Le prix du gazole à la pompe a légèrement reculé cette semaine.",
    "La chorale de la ville prépare un concert de fin d'année dans l'église romane.",
    "Les associations de quartier réclament davantage de pistes cyclables protégées.",
    "Un incendie dans un entrepôt de la zone industrielle n'a pas fait de victime.",
    "La rentrée universitaire s'annonce tendue faute de logements étudiants.",
    "Le parc naturel lance un inventaire participatif des oiseaux nicheurs.",
    "Les commerçants du centre-ville saluent le retour des animations du samedi.",
    "La cour d'appel a confirmé la condamnation de l'ancien gérant de la société.",
];

/// Titles of the sparse shape's other news.
const OTHER_TITLES: &[&str] = &[
    "Vie locale",
    "Culture",
    "Économie régionale",
    "Sport",
    "Météo",
    "Transports",
    "Justice",
    "Éducation",
];

fn claims(rng: &mut Rng) -> Vec<String> {
    let round = rng.pick(&["mercredi", "mercredi", "mercredi", "jeudi", "mercredi prochain"]);
    let deadline = rng.pick(&[
        "50 jours",
        "50 jours",
        "cinquante jours",
        "60 jours",
        "près de 50 jours",
    ]);
    let drones = rng.pick(&["426", "426", "plus de 400", "462", "quatre cent vingt-six"]);
    let missiles = rng.pick(&["24", "24", "vingt-quatre", "42"]);
    let ceasefire = rng.pick(&["30 jours", "trente jours", "30 jours", "un mois"]);
    vec![
        format!("Kiev et Moscou relancent les pourparlers de paix {round} à Istanbul, sous pression internationale."),
        format!("Donald Trump a fixé un délai de {deadline} à la Russie pour parvenir à un accord de cessez-le-feu."),
        format!("La Russie a lancé durant la nuit de dimanche à lundi, à l'aide de {drones} drones et de {missiles} missiles balistiques, une nouvelle série d'attaques."),
        format!("Kiev insiste aussi, avec ses alliés européens, sur la nécessité d'un cessez-le-feu de {ceasefire}."),
        "La Turquie avait déjà accueilli deux précédentes sessions de pourparlers en mai et en juin.".to_string(),
        "Le président ukrainien Volodymyr Zelensky a annoncé lundi soir la tenue de pourparlers, mercredi, en Turquie.".to_string(),
    ]
}

/// An article: its outlet, publication date, title and body.
struct Article {
    outlet: &'static str,
    published: String,
    title: String,
    body: String,
}

impl Article {
    /// As a file, with its front matter.
    fn file(&self) -> String {
        format!(
            "---\noutlet: \"{}\"\npublished: {}\nlang: fr\ntitle: \"{}\"\n---\n{}",
            self.outlet, self.published, self.title, self.body
        )
    }

    /// As a JSON Lines record (with its line ending), non-ASCII escaped.
    fn record(&self, index: usize) -> String {
        let record = serde_json::json!({
            "id": index,
            "outlet": self.outlet,
            "published": self.published,
            "lang": "fr",
            "title": self.title,
            "text": self.body,
        });
        let mut line = String::with_capacity(self.body.len() * 5 / 4);
        for c in record.to_string().chars() {
            if c.is_ascii() {
                line.push(c);
            } else {
                for unit in c.encode_utf16(&mut [0; 2]) {
                    let _ = write!(line, "\\u{unit:04x}");
                }
            }
        }
        line.push('\n');
        line
    }
}

/// How much of the corpus holds claims (see the module's docs).
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Sparse,
    Mixed,
    Dense,
}

/// One article in 50 is about the story in the sparse shape.
const SPARSE_STORY_EVERY: usize = 50;

fn article_of(shape: Shape, rng: &mut Rng, index: usize) -> Article {
    match shape {
        Shape::Mixed => article(rng, index),
        Shape::Sparse if index % SPARSE_STORY_EVERY == SPARSE_STORY_EVERY - 1 => story_brief(rng, index),
        Shape::Sparse => other_news(rng, index),
        Shape::Dense => dense_article(rng, index),
    }
}

/// An article on another topic: four paragraphs of other news.
fn other_news(rng: &mut Rng, index: usize) -> Article {
    let outlet = rng.pick(OUTLETS);
    let day = 1 + rng.below(28);
    let mut text = String::with_capacity(2048);
    for _ in 0..4 {
        for _ in 0..(3 + rng.below(3)) {
            text.push_str(rng.pick(OTHER_NEWS));
            text.push(' ');
        }
        text.push_str("\n\n");
    }
    Article {
        outlet,
        published: format!("2025-07-{day:02}"),
        title: format!("{}, dépêche {index}", rng.pick(OTHER_TITLES)),
        body: text,
    }
}

/// A short story article with one claim sentence, for the sparse shape.
fn story_brief(rng: &mut Rng, index: usize) -> Article {
    let outlet = rng.pick(OUTLETS);
    let day = 21 + rng.below(2);
    let mut text = String::with_capacity(2048);
    let claims = claims(rng);
    for paragraph in 0..4 {
        for _ in 0..(2 + rng.below(3)) {
            text.push_str(rng.pick(FILLER));
            text.push(' ');
        }
        if paragraph == 1 {
            text.push_str(&claims[rng.below(claims.len())]);
        }
        text.push_str("\n\n");
    }
    Article {
        outlet,
        published: format!("2025-07-{day:02}"),
        title: format!("Pourparlers d'Istanbul, brève {index}"),
        body: text,
    }
}

/// A story article in which every paragraph holds a claim.
fn dense_article(rng: &mut Rng, index: usize) -> Article {
    let outlet = rng.pick(OUTLETS);
    let day = 21 + rng.below(2);
    let mut text = String::with_capacity(2048);
    let mut claims = claims(rng);
    for _ in 0..4 {
        text.push_str(rng.pick(FILLER));
        text.push(' ');
        let c = claims.swap_remove(rng.below(claims.len()));
        text.push_str(&c);
        text.push_str("\n\n");
    }
    Article {
        outlet,
        published: format!("2025-07-{day:02}"),
        title: format!("Pourparlers d'Istanbul, en direct {index}"),
        body: text,
    }
}

fn article(rng: &mut Rng, index: usize) -> Article {
    let outlet = rng.pick(OUTLETS);
    let day = 21 + rng.below(2);
    let mut text = String::with_capacity(2048);
    let mut claims = claims(rng);
    let wanted = 1 + rng.below(3);
    for paragraph in 0..4 {
        for _ in 0..(2 + rng.below(3)) {
            text.push_str(rng.pick(FILLER));
            text.push(' ');
        }
        if paragraph < wanted && !claims.is_empty() {
            let c = claims.swap_remove(rng.below(claims.len()));
            text.push_str(&c);
        }
        text.push_str("\n\n");
    }
    Article {
        outlet,
        published: format!("2025-07-{day:02}"),
        title: format!("Pourparlers d'Istanbul, dépêche {index}"),
        body: text,
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let jsonl = args.iter().any(|a| a == "--jsonl");
    args.retain(|a| a != "--jsonl");
    // `--articles N`: exactly N articles, whatever MEGABYTES says (the
    // claims cache benchmark wants 10,000).
    let mut articles: Option<usize> = None;
    if let Some(at) = args.iter().position(|a| a == "--articles") {
        let Some(n) = args.get(at + 1).and_then(|n| n.parse().ok()) else {
            eprintln!("error: --articles takes a whole number");
            std::process::exit(2);
        };
        articles = Some(n);
        args.drain(at..at + 2);
    }
    let mut shape = Shape::Mixed;
    if let Some(at) = args.iter().position(|a| a == "--shape") {
        shape = match args.get(at + 1).map(String::as_str) {
            Some("sparse") => Shape::Sparse,
            Some("mixed") => Shape::Mixed,
            Some("dense") => Shape::Dense,
            other => {
                eprintln!("error: --shape takes sparse, mixed or dense, got {other:?}");
                std::process::exit(2);
            }
        };
        args.drain(at..(at + 2).min(args.len()));
    }
    if args.len() < 2 {
        eprintln!("usage: gen-corpus OUT_DIR MEGABYTES [SEED] [--jsonl] [--articles N] [--shape sparse|mixed|dense]");
        std::process::exit(2);
    }
    let out = PathBuf::from(&args[0]);
    let Ok(megabytes) = args[1].parse::<u64>() else {
        eprintln!("error: MEGABYTES must be a whole number, got `{}`", args[1]);
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(2025);
    let target = megabytes * 1024 * 1024;
    let mut rng = Rng(seed);
    let (mut written, mut index) = (0u64, 0usize);
    let mut archive = jsonl.then(|| {
        std::fs::create_dir_all(&out).expect("create the output folder");
        let file = std::fs::File::create(out.join("archive.jsonl")).expect("create the archive");
        std::io::BufWriter::new(file)
    });
    while articles.map_or(written < target, |n| index < n) {
        let article = article_of(shape, &mut rng, index);
        let text = article.file();
        // Counted as files in both forms: the same arguments give the same
        // articles, as files or as an archive.
        written += text.len() as u64;
        if let Some(archive) = &mut archive {
            archive
                .write_all(article.record(index).as_bytes())
                .expect("write a record");
            index += 1;
            continue;
        }
        let folder = out.join(format!("{:04}", index / 1000));
        if index % 1000 == 0 {
            std::fs::create_dir_all(&folder).expect("create the output folder");
        }
        let path = folder.join(format!("{index:07}.md"));
        let mut file = std::fs::File::create(&path).expect("create an article file");
        file.write_all(text.as_bytes()).expect("write an article");
        index += 1;
    }
    if let Some(mut archive) = archive {
        archive.flush().expect("write the archive");
    }
    let shown = match jsonl {
        true => out.join("archive.jsonl"),
        false => out.clone(),
    };
    eprintln!(
        "gen-corpus: {index} articles, {:.1} MiB as files, in {}",
        written as f64 / 1048576.0,
        shown.display()
    );
}
