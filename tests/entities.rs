//! HTML character references in an article (a content system's export):
//! read as the characters they stand for, and every claim still points at
//! the file's own line and column.

mod common;
use common::{check_in, claims_in, report_of, Scratch};

/// `(subject, value, line, column)` of each claim, the value's place, by
/// subject.
fn places(claims: &[&serde_json::Value]) -> Vec<(String, f64, u64, u64)> {
    let mut read: Vec<(String, f64, u64, u64)> = claims
        .iter()
        .map(|c| {
            (
                c["subject"].as_str().unwrap().to_string(),
                c["value"]["lo"].as_f64().unwrap(),
                c["value_span"]["line"].as_u64().unwrap(),
                c["value_span"]["column"].as_u64().unwrap(),
            )
        })
        .collect();
    read.sort_by(|a, b| a.0.cmp(&b.0));
    read
}

#[test]
fn references_are_read_as_their_characters_at_the_files_columns() {
    let dir = Scratch::new("entities");
    // Our own words. The narrow no-break space between a figure and its
    // unit is written `&#8239;`, the no-break space `&nbsp;`.
    let line = "Cette nuit, la Russie a tiré 426&#8239;drones&nbsp;et 24&#8239;missiles sur l&rsquo;Ukraine.";
    let article = format!("---\noutlet: \"Le Relais\"\npublished: 2025-07-21\nlang: fr\n---\n\n{line}\n");
    std::fs::write(dir.0.join("a.md"), &article).unwrap();
    let report = report_of(&check_in(&dir.0, &["--format", "json", "--no-cache"]));
    let claims = claims_in(&report, "a.md");
    let read = places(&claims);
    // The columns are the file's: `426` after 29 characters, `24` after
    // `426&#8239;drones&nbsp;et ` (a reference counts as written).
    let column = |words: &str| line.find(words).map(|b| line[..b].chars().count() as u64 + 1).unwrap();
    assert_eq!(
        read,
        vec![
            ("night-attack-2025-07-21-drones".to_string(), 426.0, 7, column("426&")),
            ("night-attack-2025-07-21-missiles".to_string(), 24.0, 7, column("24&")),
        ],
        "{report:#}"
    );
    // No reference's number (8239) is read as a count, and quotes show the
    // characters, not the references.
    let quotes: Vec<&str> = claims.iter().map(|c| c["quote"].as_str().unwrap()).collect();
    assert!(quotes.iter().all(|q| !q.contains('&')), "{quotes:?}");
    assert!(quotes.iter().any(|q| q.contains("426\u{202f}drones")), "{quotes:?}");
}

#[test]
fn references_in_a_json_lines_record_are_decoded_after_its_escapes() {
    let dir = Scratch::new("entities-jsonl");
    // Our own words, as a scraper exports them: JSON escapes (`\u00e9`,
    // `\"`) and HTML references in one `text` string.
    let raw = r#"Selon l'arm\u00e9e de l&rsquo;air, la Russie a tir\u00e9 426&#8239;drones&nbsp;et 24&#8239;missiles, \"un record\"."#;
    let line =
        format!(r#"{{"id": 7, "outlet": "Le Relais", "lang": "fr", "published": "2025-07-21", "text": "{raw}"}}"#);
    std::fs::write(dir.0.join("feed.jsonl"), format!("{line}\n")).unwrap();
    let report = report_of(&check_in(&dir.0, &["--format", "json", "--no-cache"]));
    let claims = claims_in(&report, "feed.jsonl");
    let read = places(&claims);
    // Columns of the line as written: escapes and references count as
    // written.
    let column = |words: &str| line.find(words).map(|b| line[..b].chars().count() as u64 + 1).unwrap();
    assert_eq!(
        read,
        vec![
            ("night-attack-2025-07-21-drones".to_string(), 426.0, 1, column("426&")),
            ("night-attack-2025-07-21-missiles".to_string(), 24.0, 1, column("24&")),
        ],
        "{report:#}"
    );
    let quotes: Vec<&str> = claims.iter().map(|c| c["quote"].as_str().unwrap()).collect();
    assert!(quotes.iter().all(|q| !q.contains('&')), "{quotes:?}");
}
