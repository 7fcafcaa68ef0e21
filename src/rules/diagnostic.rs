//! Rule-file errors as miette diagnostics: file, line, column, what is wrong
//! and how to fix it.

use miette::{Diagnostic, LabeledSpan, SourceCode, SourceSpan};
use std::fmt;
use std::sync::Arc;

/// One problem in a rule file.
#[derive(Debug, Clone)]
pub struct RuleDiagnostic {
    /// A short machine-readable name: `unknown-key`, `invalid-regex`…
    pub code: &'static str,
    pub message: String,
    /// The rule file as shown to the user.
    pub file: String,
    /// The whole file text, for the snippet.
    pub source: Arc<String>,
    /// Byte offset and length of what is wrong.
    pub offset: usize,
    pub len: usize,
    pub label: String,
    pub help: Option<String>,
}

impl RuleDiagnostic {
    /// 1-based line and column (in characters) of the problem.
    pub fn line_column(&self) -> (usize, usize) {
        crate::corpus::line_column(&self.source, self.offset)
    }
}

impl fmt::Display for RuleDiagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RuleDiagnostic {}

impl Diagnostic for RuleDiagnostic {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("rules::{}", self.code)))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = SourceSpan::new(self.offset.into(), self.len);
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(self.label.clone()),
            span,
        ))))
    }
}

impl SourceCode for RuleDiagnostic {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        // Borrow the file text, named after the rule file, so that the snippet
        // header reads `rules/x.yaml:LINE:COL`.
        let contents = self
            .source
            .as_str()
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette counts columns in bytes; editors and our own messages count
        // characters. The header's line:column comes from a zero-context read.
        let column = if context_lines_before == 0 && context_lines_after == 0 {
            crate::corpus::line_column(&self.source, span.offset()).1 - 1
        } else {
            contents.column()
        };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.file.clone(),
            contents.data(),
            *contents.span(),
            contents.line(),
            column,
            contents.line_count(),
        )))
    }
}

/// Every problem found in the rule files of a run.
#[derive(Debug, Clone, Default)]
pub struct RuleErrors {
    pub diagnostics: Vec<RuleDiagnostic>,
}

impl fmt::Display for RuleErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.diagnostics.len();
        write!(f, "{n} error{} in rule files", if n == 1 { "" } else { "s" })
    }
}

impl std::error::Error for RuleErrors {}

impl Diagnostic for RuleErrors {
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        Some(Box::new(self.diagnostics.iter().map(|d| d as &dyn Diagnostic)))
    }
}
