//! Unit tests of the corpus stage.

use super::*;
use jiff::civil::Date;

#[test]
fn many_places_at_once_are_the_places_one_at_a_time() {
    for text in ["un\ndeux\r\ntrois\rquatre é€𝄞 cinq\n\n\r\r six", "", "é", "\r\n\r\n"] {
        let document = Document {
            path: "t.md".into(),
            meta: Metadata::default(),
            text: text.into(),
            body_start: 0,
            origin: Origin::File,
        };
        let offsets: Vec<usize> = (0..=text.len()).rev().filter(|&o| text.is_char_boundary(o)).collect();
        let many = document.line_columns(&offsets);
        let one: Vec<(usize, usize)> = offsets.iter().map(|&o| document.line_column(o)).collect();
        assert_eq!(many, one, "{text:?}");
    }
}

fn parse(text: &str) -> (Option<Document>, Vec<Warning>) {
    parse_document("a.md".into(), text.as_bytes())
}

#[test]
fn front_matter_fields_are_read_and_the_body_follows_it() {
    let (doc, warnings) = parse("---\noutlet: AFP\npublished: 2025-07-22\nlang: fr\ntitle: T\n---\nCorps.");
    let doc = doc.unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(doc.meta.outlet, "AFP");
    assert_eq!(doc.meta.published, Some(Date::constant(2025, 7, 22)));
    assert_eq!(&doc.text[doc.body_start..], "Corps.");
}

#[test]
fn a_url_gives_its_domain() {
    assert_eq!(url_domain("https://www.afp.com/fr/a?b#c").as_deref(), Some("afp.com"));
    assert_eq!(
        url_domain("http://user@News.Example.ORG:8080/").as_deref(),
        Some("news.example.org")
    );
    assert_eq!(url_domain("https://[::1]:80/x").as_deref(), Some("::1"));
    assert_eq!(url_domain("afp.com/fr"), None);
    assert_eq!(url_domain("https:///x"), None);
    assert_eq!(outlet_key(" Le  Monde "), outlet_key("lemonde"));
    let (doc, _) = parse("---\nurl: https://www.lemonde.fr/a\n---\nCorps.");
    let doc = doc.unwrap();
    assert_eq!(
        (doc.meta.outlet.as_str(), doc.meta.outlet_source),
        ("lemonde.fr", OutletSource::Url)
    );
    let (doc, _) = parse("---\noutlet: X\nurl: https://www.lemonde.fr/a\n---\nCorps.");
    assert_eq!(doc.unwrap().meta.outlet_source, OutletSource::FrontMatter);
}

#[test]
fn a_file_without_front_matter_is_kept_with_an_unknown_outlet_and_a_warning() {
    let (doc, warnings) = parse("Un article sans en-tête.");
    let doc = doc.unwrap();
    assert_eq!(doc.meta.outlet, UNKNOWN_OUTLET);
    assert_eq!(doc.meta.published, None);
    assert_eq!(doc.body_start, 0);
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].message.contains("no front matter"));
}

#[test]
fn a_date_that_does_not_exist_is_a_warning_naming_its_line() {
    let (doc, warnings) = parse("---\noutlet: X\npublished: 2025-02-30\n---\nCorps.");
    assert_eq!(doc.unwrap().meta.published, None);
    assert_eq!(warnings[0].line, Some(3));
    assert!(warnings[0].message.contains("2025-02-30"));
}

#[test]
fn unknown_keys_and_unclosed_front_matter_are_warnings() {
    let (_, warnings) = parse("---\noutlet: X\nauthor: Y\n---\nCorps.");
    assert!(warnings[0].message.contains("`author`"));
    let (doc, warnings) = parse("---\noutlet: X\nCorps sans fin d'en-tête.");
    assert_eq!(doc.unwrap().body_start, 0);
    assert!(warnings[0].message.contains("not closed"));
}

#[test]
fn binary_and_empty_files_are_skipped_with_a_warning() {
    let (doc, warnings) = parse_document("b.bin".into(), b"PK\x03\x04\0\0");
    assert!(doc.is_none());
    assert!(warnings[0].message.contains("binary"));
    let (doc, warnings) = parse("  \n");
    assert!(doc.is_none());
    assert!(warnings[0].message.contains("empty"));
}

#[test]
fn legacy_encodings_are_decoded_and_said() {
    let (doc, warnings) = parse_document("w.txt".into(), b"d\xe9lai de 50 jours");
    assert_eq!(doc.unwrap().text, "délai de 50 jours");
    assert!(warnings.iter().any(|w| w.message.contains("Windows-1252")));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("né".encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    let (doc, _) = parse_document("u.txt".into(), &utf16);
    assert_eq!(doc.unwrap().text, "né");
}

#[test]
fn an_endless_reader_is_cut_at_the_size_limit_and_skipped() {
    let options = LoadOptions { max_file_size: 1000 };
    let (doc, warnings) = read_from("<stdin>".into(), std::io::repeat(b'a'), &options);
    assert!(doc.is_none());
    assert!(
        warnings[0].message.contains("over the size limit of 1000 bytes"),
        "{warnings:?}"
    );
    let (doc, _) = read_from("<stdin>".into(), &b"---\noutlet: X\n---\nCorps."[..], &options);
    assert_eq!(doc.unwrap().meta.outlet, "X");
}

#[test]
fn front_matter_with_lone_carriage_returns_is_read() {
    let (doc, warnings) = parse("---\routlet: AFP\rpublished: 2025-07-22\r---\rCorps.");
    let doc = doc.unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(doc.meta.outlet, "AFP");
    assert_eq!(&doc.text[doc.body_start..], "Corps.");
}

#[test]
fn invalid_yaml_keeps_the_lines_that_read_alone_and_names_file_lines() {
    let (doc, warnings) = parse("---\noutlet: AFP\ntitle: \"Il a dit \"non\"\"\npublished: 2025-07-22\n---\nCorps.");
    let doc = doc.unwrap();
    assert_eq!(doc.meta.outlet, "AFP");
    assert_eq!(doc.meta.title, None);
    assert_eq!(doc.meta.published, Some(Date::constant(2025, 7, 22)));
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].line, Some(3));
    assert!(warnings[0].message.contains("at line 3"), "{warnings:?}");
    assert!(warnings[0]
        .message
        .contains("kept the lines that read on their own: outlet, published"));
}

#[test]
fn a_mostly_utf8_file_keeps_its_accents_and_utf16_needs_no_bom() {
    let (doc, warnings) = parse_document("u.md".into(), b"\xc3\xa9t\xc3\xa9 \xff fin");
    assert_eq!(doc.unwrap().text, "été \u{FFFD} fin");
    assert_eq!(warnings[0].line, Some(1));
    let le: Vec<u8> = "né le 2 juin".encode_utf16().flat_map(u16::to_le_bytes).collect();
    let (doc, warnings) = parse_document("u.md".into(), &le);
    assert_eq!(doc.unwrap().text, "né le 2 juin");
    assert!(warnings[0].message.contains("UTF-16LE"));
}

#[test]
fn a_files_byte_order_mark_is_not_a_column() {
    let (document, _) = parse_document("a.md".into(), b"\xEF\xBB\xBFabc\r\nd\xC3\xA9f");
    let document = document.unwrap();
    let at = |needle: &str| document.line_column(document.text.find(needle).unwrap());
    assert_eq!(at("a"), (1, 1));
    assert_eq!(at("b"), (1, 2));
    assert_eq!(at("f"), (2, 3));
    assert_eq!(document.line_column(document.text.len()), (2, 4));
}

#[test]
fn line_and_column_count_characters_and_every_line_ending() {
    let text = "ab\r\ncé\rx\ny";
    assert_eq!(line_column(text, 0), (1, 1));
    assert_eq!(line_column(text, 4), (2, 1));
    assert_eq!(line_column(text, 7), (2, 3)); // the lone \r after "cé" (é is 2 bytes)
    assert_eq!(line_column(text, 8), (3, 1));
    assert_eq!(line_column(text, text.len() - 1), (4, 1));
}
