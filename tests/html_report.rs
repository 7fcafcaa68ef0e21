//! The HTML report (`check --format html`): its stable parts snapshot-tested
//! on the seed corpus and the planted fixture, article text escaped, and
//! the report language. What a person sees in a browser is in
//! tests/browser.rs.

mod common;
use common::{recoupe, recoupe_with, text};

const PLANTED: &str = "tests/fixtures/contradictions";
const HOSTILE: &str = "tests/fixtures/hostile";

fn html(args: &[&str]) -> String {
    let mut all = vec!["check"];
    all.extend(args);
    all.extend(["--format", "html"]);
    let output = recoupe(&all);
    assert!(matches!(output.status.code(), Some(0 | 1)), "{}", text(&output.stderr));
    text(&output.stdout)
}

/// The page without its style and script (code of their own, in
/// src/report/html/), which a snapshot would only repeat.
fn stable_parts(page: &str) -> String {
    let style = page.find("<style>").expect("a style") + "<style>".len();
    let style_end = page.find("</style>").expect("a style's end");
    let script = page.rfind("<script>").expect("a script") + "<script>".len();
    let script_end = page.rfind("</script>").expect("a script's end");
    format!(
        "{}/* page.css */{}/* filters.js */{}",
        &page[..style],
        &page[style_end..script],
        &page[script_end..]
    )
}

#[test]
fn the_seed_corpus_page_is_stable() {
    let page = html(&["corpus", "--report-lang", "en"]);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    snapshot!("html_corpus", stable_parts(&page));
}

#[test]
fn the_planted_fixture_page_is_stable_and_leads_with_its_contradictions() {
    let page = html(&["corpus", PLANTED, "--report-lang", "en"]);
    snapshot!("html_planted", stable_parts(&page));
    // Contradictions first: the first card and the first headline.
    let first_card = page.find("<article class=\"card").unwrap();
    assert!(page[first_card..].starts_with("<article class=\"card contradiction\""));
    let summary = &page[page.find("id=\"summary\"").unwrap()..page.find("id=\"matrix\"").unwrap()];
    assert!(summary.contains("<h3>Contradictions</h3>\n<ul class=\"headlines\">\n<li class=\"contradiction\">"));
    // The page is whole: nothing is fetched (a CSP with no source but its
    // own style and script), no timestamp (the same bytes twice).
    assert!(page.contains("default-src 'none'"));
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no address in the page"
    );
    assert_eq!(page, html(&["corpus", PLANTED, "--report-lang", "en"]));
}

#[test]
fn the_page_is_the_same_for_one_thread_and_many() {
    let args = ["check", "corpus", PLANTED, HOSTILE, "--format", "html"];
    let one = recoupe_with(&args, Some("1"), None).stdout;
    let many = recoupe_with(&args, Some("8"), None).stdout;
    assert_eq!(one, many);
}

#[test]
fn hostile_article_text_is_escaped() {
    let page = html(&["corpus", HOSTILE]);
    // The page's own script only; no element, attribute or link the article made.
    assert_eq!(page.matches("<script").count(), 1, "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert!(page.contains("&lt;/td&gt;"), "{page}");
    assert!(!page.contains("href=\"javascript"), "{page}");
    assert!(page.contains(
        "trêve &lt;script&gt;alert(1)&lt;/script&gt;&lt;/td&gt;&lt;img onerror=x&gt; de <strong>30 jours</strong>"
    ));
    assert!(page.contains("Le Veilleur &quot;&gt;&lt;img src=x onerror=alert(3)&gt;"));
    // The title, without a safe link, is shown as the article's title.
    assert!(page.contains(
        "<cite>Trêve et ultimatum &lt;script&gt;alert(1)&lt;/script&gt;&lt;/td&gt;&lt;img src=x onerror=alert(2)&gt;</cite>"
    ));
}

#[test]
fn an_article_url_is_a_link_and_its_language_is_shown() {
    let dir = common::Scratch::new("html-url");
    std::fs::write(
        dir.0.join("wire.md"),
        "---\noutlet: Le Soir du Nord\npublished: 2025-07-22\nlang: fr\ntitle: L'ultimatum de Trump\nurl: https://example.org/2025/07/22/ultimatum\n---\nDonald Trump a laissé un délai de 50 jours à la Russie pour conclure un accord.\n",
    )
    .unwrap();
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/corpus");
    let output = common::check_in(&dir.0, &[corpus, "--format", "html", "--report-lang", "en"]);
    let page = text(&output.stdout);
    assert!(
        page.contains("<a href=\"https://example.org/2025/07/22/ultimatum\" rel=\"noopener noreferrer\">L&#39;ultimatum de Trump</a>"),
        "{page}"
    );
    assert!(page.contains("<blockquote lang=\"fr\">"), "{page}");
    assert!(page.contains("Le Soir du Nord (fr) · published 2025-07-22"), "{page}");
}

#[test]
fn the_page_speaks_french_when_asked() {
    let page = html(&["corpus", PLANTED, "--report-lang", "fr"]);
    assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"));
    assert!(page.contains("<h1>Rapport recoupe</h1>"));
    assert!(page.contains("AFP et outlet-001 disent 50 jours ; fixture-planted dit 60 jours"));
    assert!(page.contains("<h2 id=\"matrix-h\">Média par média</h2>"));
}
