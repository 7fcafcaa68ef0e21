//! JUnit XML, for CI test dashboards: one test case per subject, a failure per
//! contradiction (one per conflicting pair); single-source subjects are
//! skipped tests; warnings go to the suite's system-err.

use super::escape::xml;
use super::{describe_value, Printer, Report, Settings};
use crate::compare::Status;
use std::fmt::Write;

/// The [`Printer`] of the `junit` format: JUnit XML.
pub struct JunitPrinter;

impl Printer for JunitPrinter {
    fn print(&self, report: &Report, _settings: &Settings, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        out.write_all(render(report).as_bytes())
    }
}

pub fn render(report: &Report) -> String {
    let s = report.summary();
    let failing = report
        .findings
        .iter()
        .filter(|f| f.status == Status::Contradiction && !report.is_known(f))
        .count();
    let skipped = s.single_source;
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"recoupe\" tests=\"{}\" failures=\"{failing}\" errors=\"0\" skipped=\"{skipped}\">",
        report.findings.len()
    );
    let _ = writeln!(
        out,
        "  <testsuite name=\"recoupe check\" tests=\"{}\" failures=\"{failing}\" errors=\"0\" skipped=\"{skipped}\">",
        report.findings.len()
    );
    for finding in &report.findings {
        let _ = write!(
            out,
            "    <testcase name=\"{}\" classname=\"recoupe.{}\"",
            xml(&finding.subject),
            xml(&finding.subject)
        );
        let known = report.is_known(finding);
        match finding.status {
            Status::Contradiction if !known => {
                out.push_str(">\n");
                for (a, b) in &finding.conflicts {
                    let (Some(a), Some(b)) = (report.claim(*a), report.claim(*b)) else {
                        continue;
                    };
                    // Article text on one line each, hazards visible: a line
                    // break in an outlet must not start a line of the log.
                    let one = |t: &str| super::inert::line(t).into_owned();
                    let message = format!(
                        "{} says {}, {} says {}",
                        one(a.outlet()),
                        describe_value(&a.value),
                        one(b.outlet()),
                        describe_value(&b.value)
                    );
                    let body = format!(
                        "{}:{}:{} ({}): “{}”\n{}:{}:{} ({}): “{}”",
                        one(a.path()),
                        a.span.line,
                        a.span.column,
                        one(a.outlet()),
                        one(a.quote()),
                        one(b.path()),
                        b.span.line,
                        b.span.column,
                        one(b.outlet()),
                        one(b.quote())
                    );
                    let _ = writeln!(
                        out,
                        "      <failure type=\"contradiction\" message=\"{}\">{}</failure>",
                        xml(&message),
                        xml(&body)
                    );
                }
                out.push_str("    </testcase>\n");
            }
            Status::SingleSource => {
                out.push_str(
                    ">\n      <skipped message=\"single source: nothing to cross-check against\"/>\n    </testcase>\n",
                );
            }
            _ => {
                let outcome = if known {
                    "known contradiction accepted by the baseline"
                } else {
                    "agreement"
                };
                let _ = write!(
                    out,
                    ">\n      <system-out>{}: {}</system-out>\n    </testcase>\n",
                    outcome,
                    xml(&super::inert::line(&finding.outlets.join(", ")))
                );
            }
        }
    }
    if !report.warnings.is_empty() {
        out.push_str("    <system-err>");
        for w in &report.warnings {
            let line = w.line.map(|l| format!(":{l}")).unwrap_or_default();
            out.push_str(&xml(&format!(
                "warning: {}{line}: {}\n",
                super::inert::line(&w.path),
                super::inert::line(&w.message)
            )));
        }
        out.push_str("</system-err>\n");
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}
