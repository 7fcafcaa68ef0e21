//! Where each key and value of a YAML file stands, for diagnostics.
//!
//! serde_yaml gives typed values but no positions below the first error, so the
//! file is read a second time by yaml-rust2's event parser, which marks every
//! node. Errors found later (a bad regex in the third pattern of the fifth rule)
//! are then pointed at the exact line and column.

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::{Marker, TScalarStyle};

/// A YAML node and the byte offset where it starts.
#[derive(Debug, Clone)]
pub struct Located {
    pub offset: usize,
    pub node: Node,
}

#[derive(Debug, Clone)]
pub enum Node {
    /// Entries with the byte offset of each key.
    Map(Vec<(String, usize, Located)>),
    Seq(Vec<Located>),
    Scalar(String, TScalarStyle),
    Other,
}

/// One step of a path into a YAML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    Key(String),
    Index(usize),
}

impl Located {
    /// Reads `text`; `None` when yaml-rust2 cannot parse it (serde_yaml reports
    /// the syntax error itself).
    pub fn parse(text: &str) -> Option<Located> {
        let mut builder = Builder {
            text,
            line_starts: line_starts(text),
            stack: Vec::new(),
            root: None,
        };
        let mut parser = Parser::new_from_str(text);
        parser.load(&mut builder, false).ok()?;
        builder.root
    }

    /// The node at `path`, if there is one.
    pub fn find(&self, path: &[Step]) -> Option<&Located> {
        let mut here = self;
        for step in path {
            here = here.child(step)?;
        }
        Some(here)
    }

    /// The node at `path`, or the deepest node on the way there: where to
    /// point when something at `path` is missing or wrong.
    pub fn nearest(&self, path: &[Step]) -> &Located {
        let mut here = self;
        for step in path {
            match here.child(step) {
                Some(next) => here = next,
                None => break,
            }
        }
        here
    }

    fn child(&self, step: &Step) -> Option<&Located> {
        match (&self.node, step) {
            (Node::Map(entries), Step::Key(k)) => entries.iter().find(|(key, _, _)| key == k).map(|(_, _, v)| v),
            (Node::Seq(items), Step::Index(i)) => items.get(*i),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(String, usize, Located)]> {
        match &self.node {
            Node::Map(entries) => Some(entries),
            _ => None,
        }
    }
}

/// Byte offset of each line's start, counting line breaks as YAML does (and
/// yaml-rust2's markers with it): `\r\n`, a lone `\r` and `\n`. Counting
/// only `\n` put every node after a lone `\r` lines too far, past the end.
fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = vec![0];
    for (i, &b) in bytes.iter().enumerate() {
        let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            starts.push(i + 1);
        }
    }
    starts
}

/// The byte offset, in the file, of byte `cooked` of a scalar's value, given the
/// file text from the scalar's first character. Quotes and escapes are skipped
/// so that an error inside a pattern points at the right character.
pub fn scalar_offset(raw: &str, style: TScalarStyle, cooked: usize) -> usize {
    let (mut raw_i, quote) = match style {
        TScalarStyle::SingleQuoted => (1, Some('\'')),
        TScalarStyle::DoubleQuoted => (1, Some('"')),
        TScalarStyle::Plain => (0, None),
        // Block scalars start on the next line, after indentation: point at the
        // first character of the content.
        _ => {
            let start = raw.find('\n').map_or(0, |i| i + 1);
            let rest = raw.get(start..).unwrap_or("");
            let indent = rest.len() - rest.trim_start_matches(' ').len();
            return start + indent + cooked;
        }
    };
    let mut cooked_i = 0;
    // A marker that points past the text leaves nothing to walk.
    let mut chars = raw.get(raw_i..).unwrap_or("").chars().peekable();
    while cooked_i < cooked {
        let Some(c) = chars.next() else { break };
        raw_i += c.len_utf8();
        match (quote, c) {
            (Some('\''), '\'') => {
                // `''` stands for one quote.
                if let Some(q) = chars.next() {
                    raw_i += q.len_utf8();
                }
                cooked_i += 1;
            }
            (Some('"'), '\\') => {
                if let Some(e) = chars.next() {
                    raw_i += e.len_utf8();
                }
                cooked_i += 1;
            }
            _ => cooked_i += c.len_utf8(),
        }
    }
    raw_i
}

struct Builder<'t> {
    text: &'t str,
    /// Byte offset of each line's start.
    line_starts: Vec<usize>,
    /// Open collections: the node being built and, for maps, a pending key.
    stack: Vec<(Located, Option<(String, usize)>)>,
    root: Option<Located>,
}

impl Builder<'_> {
    /// The marker's line (1-based) and column (0-based, in characters) as a
    /// byte offset. The marker's own index drifts after block scalars.
    fn byte(&self, mark: &Marker) -> usize {
        let Some(&start) = self.line_starts.get(mark.line().saturating_sub(1)) else {
            return self.text.len();
        };
        let line = &self.text[start..];
        start + line.char_indices().nth(mark.col()).map_or(line.len(), |(b, _)| b)
    }

    fn push_value(&mut self, value: Located) {
        let Some((parent, pending)) = self.stack.last_mut() else {
            self.root = Some(value);
            return;
        };
        match &mut parent.node {
            Node::Seq(items) => items.push(value),
            Node::Map(entries) => match pending.take() {
                Some((key, offset)) => entries.push((key, offset, value)),
                None => {
                    // A key: remember it until its value arrives. Only scalar
                    // keys are named; others get an empty name.
                    let key = match &value.node {
                        Node::Scalar(s, _) => s.clone(),
                        _ => String::new(),
                    };
                    *pending = Some((key, value.offset));
                }
            },
            _ => {}
        }
    }
}

impl MarkedEventReceiver for Builder<'_> {
    fn on_event(&mut self, event: Event, mark: Marker) {
        let offset = self.byte(&mark);
        match event {
            Event::Scalar(value, style, _, _) => self.push_value(Located {
                offset,
                node: Node::Scalar(value, style),
            }),
            Event::Alias(_) => self.push_value(Located {
                offset,
                node: Node::Other,
            }),
            Event::SequenceStart(..) => self.stack.push((
                Located {
                    offset,
                    node: Node::Seq(Vec::new()),
                },
                None,
            )),
            Event::MappingStart(..) => self.stack.push((
                Located {
                    offset,
                    node: Node::Map(Vec::new()),
                },
                None,
            )),
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some((done, _)) = self.stack.pop() {
                    self.push_value(done);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_values_are_located() {
        let text = "rules:\n  - id: a\n    patterns:\n      - 'x(y'\n";
        let root = Located::parse(text).unwrap();
        let path = [
            Step::Key("rules".into()),
            Step::Index(0),
            Step::Key("patterns".into()),
            Step::Index(0),
        ];
        let pattern = root.find(&path).unwrap();
        assert_eq!(&text[pattern.offset..pattern.offset + 5], "'x(y'");
        let rule = root.find(&path[..2]).unwrap().as_map().unwrap();
        assert_eq!((rule[0].0.as_str(), rule[0].1), ("id", 11));
    }

    #[test]
    fn offsets_inside_quoted_scalars_skip_quotes_and_escapes() {
        assert_eq!(scalar_offset("'l''a(b'", TScalarStyle::SingleQuoted, 3), 5);
        assert_eq!(scalar_offset(r#""a\\b(""#, TScalarStyle::DoubleQuoted, 3), 5);
        assert_eq!(scalar_offset("ab(c", TScalarStyle::Plain, 2), 2);
    }

    #[test]
    fn lone_carriage_returns_and_crlf_end_lines_as_in_yaml() {
        for text in [
            "rules:\r  - id: a\r    patterns:\r      - 'x(y'\r",
            "rules:\r\n  - id: a\r\n    patterns:\r\n      - 'x(y'\r\n",
        ] {
            let root = Located::parse(text).unwrap();
            let path = [
                Step::Key("rules".into()),
                Step::Index(0),
                Step::Key("patterns".into()),
                Step::Index(0),
            ];
            let pattern = root.find(&path).unwrap();
            assert_eq!(&text[pattern.offset..pattern.offset + 5], "'x(y'", "{text:?}");
        }
    }

    #[test]
    fn an_offset_past_the_text_is_not_a_panic() {
        assert_eq!(scalar_offset("", TScalarStyle::DoubleQuoted, 3), 1);
        assert_eq!(scalar_offset("", TScalarStyle::Literal, 3), 3);
    }
}
