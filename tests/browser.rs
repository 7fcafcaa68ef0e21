//! The HTML report as a person sees it: the page opened from disk in
//! headless Chromium, driven over the DevTools protocol (a WebSocket and
//! JSON; see `Browser`). It checks the rendered page, not the markup: the
//! cards of the planted fixture and what they say, the cells of the outlet
//! matrix and where they lead, a filter clicked with the mouse that hides
//! cards, no error in the console, and a hostile article (markup in its
//! outlet, title, url and quotes) shown as text, with nothing run.
//!
//! Chromium must be installed (Debian's `chromium` package: `.ci/run`
//! installs it): without it this test fails and says so, it never passes
//! silently. `RECOUPE_CHROMIUM` names another binary.

use serde_json::{json, Value as Json};
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use tungstenite::stream::MaybeTlsStream;
use tungstenite::{Message, WebSocket};

mod common;
use common::{recoupe, text};

/// How long one step (launch, a command, a page load) may take.
const STEP: Duration = Duration::from_secs(60);

/// The Chromium binary, or a failure that says how to install it.
fn chromium() -> PathBuf {
    if let Some(path) = std::env::var_os("RECOUPE_CHROMIUM") {
        return PathBuf::from(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return candidate;
            }
        }
    }
    panic!(
        "the browser test needs Chromium, and none is installed (looked for chromium, \
         chromium-browser and google-chrome on PATH, and RECOUPE_CHROMIUM). Install it with \
         `apt-get install chromium` (`.ci/run` does this), or set RECOUPE_CHROMIUM to its path."
    );
}

/// A headless Chromium and one page of it, over the DevTools protocol.
struct Browser {
    child: Child,
    socket: WebSocket<MaybeTlsStream<TcpStream>>,
    session: String,
    next: u64,
    /// Every event received, in order.
    events: Vec<Json>,
    _profile: common::Scratch,
}

impl Browser {
    fn launch() -> Browser {
        let profile = common::Scratch::new("chromium-profile");
        let mut command = Command::new(chromium());
        command.args([
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--remote-debugging-port=0",
            "--window-size=1200,900",
        ]);
        command.arg(format!("--user-data-dir={}", profile.0.display()));
        // Chromium's sandbox refuses to run as root (CI runs as root); the
        // page is this project's own output.
        if is_root() {
            command.arg("--no-sandbox");
        }
        command.arg("about:blank");
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start Chromium ({}): {e}", chromium().display()));
        // Chromium says where its DevTools endpoint is on standard error.
        let stderr = child.stderr.take().expect("Chromium's stderr");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut said = Vec::new();
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("ws://") {
                    let _ = tx.send(Ok(line[at..].trim().to_string()));
                }
                said.push(line);
            }
            let _ = tx.send(Err(said.join("\n")));
        });
        let url = match rx.recv_timeout(STEP) {
            Ok(Ok(url)) => url,
            Ok(Err(said)) => {
                let _ = child.kill();
                panic!("Chromium stopped before its DevTools endpoint was ready:\n{said}")
            }
            Err(_) => {
                let _ = child.kill();
                panic!("Chromium did not open its DevTools endpoint within {STEP:?}")
            }
        };
        let (socket, _) = tungstenite::connect(url.as_str()).expect("a WebSocket to Chromium's DevTools");
        if let MaybeTlsStream::Plain(stream) = socket.get_ref() {
            stream.set_read_timeout(Some(STEP)).expect("a read timeout");
        }
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next: 0,
            events: Vec::new(),
            _profile: profile,
        };
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}));
        let target = target["targetId"].as_str().expect("a target id").to_string();
        let attached = browser.call("Target.attachToTarget", json!({"targetId": target, "flatten": true}));
        browser.session = attached["sessionId"].as_str().expect("a session id").to_string();
        for domain in ["Page.enable", "Runtime.enable", "Log.enable"] {
            browser.call(domain, json!({}));
        }
        browser
    }

    /// Sends a command (to the page once attached) and returns its result;
    /// events met meanwhile are kept.
    fn call(&mut self, method: &str, params: Json) -> Json {
        self.next += 1;
        let id = self.next;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(Message::Text(message.to_string().into()))
            .expect("a command sent to Chromium");
        let deadline = Instant::now() + STEP;
        loop {
            assert!(Instant::now() < deadline, "no answer to {method} within {STEP:?}");
            let reply = self.receive();
            if reply["id"] == json!(id) {
                if let Some(error) = reply.get("error") {
                    panic!("{method} failed: {error}");
                }
                return reply["result"].clone();
            }
            self.events.push(reply);
        }
    }

    fn receive(&mut self) -> Json {
        loop {
            match self.socket.read().expect("a message from Chromium") {
                Message::Text(t) => return serde_json::from_str(t.as_str()).expect("JSON from Chromium"),
                Message::Close(_) => panic!("Chromium closed the DevTools connection"),
                _ => continue,
            }
        }
    }

    /// Opens a page and waits until it has loaded.
    fn open(&mut self, path: &Path) {
        let url = format!("file://{}", path.display());
        let seen = self.events.len();
        self.call("Page.navigate", json!({"url": url}));
        let deadline = Instant::now() + STEP;
        while !self.events[seen..].iter().any(|e| e["method"] == "Page.loadEventFired") {
            assert!(Instant::now() < deadline, "{url} did not load within {STEP:?}");
            let event = self.receive();
            self.events.push(event);
        }
    }

    /// The value of a JavaScript expression in the page.
    fn eval(&mut self, expression: &str) -> Json {
        let result = self.call(
            "Runtime.evaluate",
            json!({"expression": expression, "returnByValue": true}),
        );
        if let Some(exception) = result.get("exceptionDetails") {
            panic!("`{expression}` threw: {exception}");
        }
        result["result"]["value"].clone()
    }

    /// Clicks the middle of an element with the mouse, as a person would.
    fn click(&mut self, selector: &str) {
        let place = self.eval(&format!(
            "(() => {{ const e = document.querySelector({selector:?}); e.scrollIntoView({{block: 'center'}}); \
             const r = e.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()"
        ));
        let (x, y) = (place[0].as_f64().unwrap(), place[1].as_f64().unwrap());
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}),
            );
        }
    }

    /// Errors the page reported: exceptions, console errors, log entries of
    /// level error (a blocked script or style among them), and any dialog
    /// (`alert()`) it opened.
    fn errors(&self) -> Vec<String> {
        self.events
            .iter()
            .filter(|e| match e["method"].as_str().unwrap_or("") {
                "Runtime.exceptionThrown" | "Page.javascriptDialogOpening" => true,
                "Runtime.consoleAPICalled" => matches!(e["params"]["type"].as_str(), Some("error" | "assert")),
                "Log.entryAdded" => e["params"]["entry"]["level"] == "error",
                _ => false,
            })
            .map(|e| e.to_string())
            .collect()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn is_root() -> bool {
    // SAFETY: geteuid has no precondition and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Writes the HTML report of `paths` (with the shipped rules, in English).
fn page(name: &str, paths: &[&str]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join(name);
    let mut args = vec!["check"];
    args.extend(paths);
    let out_str = out.to_str().unwrap();
    args.extend(["--format", "html", "--report-lang", "en", "--output", out_str]);
    let run = recoupe(&args);
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "recoupe failed: {}",
        text(&run.stderr)
    );
    out
}

/// The rendered text of the card of a subject ("" when it is not shown).
fn card_text(browser: &mut Browser, subject: &str) -> String {
    browser
        .eval(&format!(
            "(() => {{ const c = [...document.querySelectorAll('article.card')].find(c => c.querySelector('h3 code').textContent === {subject:?}); \
             return c && c.checkVisibility() ? c.innerText : ''; }})()"
        ))
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn the_html_report_as_a_person_sees_it() {
    let planted = page("planted.html", &["corpus", "tests/fixtures/contradictions"]);
    let hostile = page("hostile.html", &["corpus", "tests/fixtures/hostile"]);
    let mut browser = Browser::launch();

    // The planted fixture: its three contradictions, each a card.
    browser.open(&planted);
    assert_eq!(
        browser.eval("document.querySelectorAll('article.card').length"),
        json!(10)
    );
    let deadline = card_text(&mut browser, "trump-deadline-to-russia-days");
    for seen in [
        "Contradiction",
        "AFP and outlet-001 say 50 days; fixture-planted says 60 days",
        "50 days — AFP, outlet-001",
        "60 days — fixture-planted",
        // The quote in its sentence, with its place, outlet and language.
        "après que Donald Trump ait fixé un délai de 60 jours à la Russie pour parvenir à un accord",
        "fixture-planted (fr) · published 2025-07-21",
        "tests/fixtures/contradictions/planted-001.md:9:119",
        "Timeline",
    ] {
        assert!(deadline.contains(seen), "the card shows “{seen}”:\n{deadline}");
    }
    assert_eq!(
        browser.eval(
            "[...document.querySelectorAll('article.card')].filter(c => c.querySelector('h3 code').textContent === 'trump-deadline-to-russia-days')[0].querySelectorAll('mark').length"
        ),
        json!(3),
        "each quote is highlighted in its sentence"
    );
    assert_eq!(
        browser.eval(
            "[...document.querySelectorAll('mark')].filter(m => m.closest('li').innerText.includes('planted-001.md:9:')).map(m => [m.innerText, m.querySelector('strong').innerText])"
        ),
        json!([["délai de 60 jours", "60 jours"]]),
        "the planted quote, its value in bold"
    );
    let drones = card_text(&mut browser, "night-attack-2025-07-21-drones");
    assert!(
        drones.contains("outlet-001 says 426; fixture-planted says 462"),
        "{drones}"
    );
    let round = card_text(&mut browser, "istanbul-round-3-date");
    assert!(
        round.contains("AFP, outlet-000 and outlet-001 say Wed 2025-07-23; fixture-planted says Thu 2025-07-24"),
        "{round}"
    );
    // The contradictions come first in the summary.
    let first = browser.eval("document.querySelector('#summary .headlines li').innerText");
    assert!(first.as_str().unwrap().starts_with("Contradiction"), "{first}");

    // The matrix: fixture-planted and AFP disagree on two subjects and agree
    // on one; each subject a link to a card that exists.
    let cell = browser.eval(
        "(() => { const rows = [...document.querySelectorAll('#matrix tbody tr')]; \
         const row = rows.find(r => r.querySelector('th').innerText === 'fixture-planted'); \
         const cols = [...document.querySelectorAll('#matrix thead th')].map(th => th.innerText); \
         const td = row.children[cols.indexOf('AFP') + 1]; \
         return [td.querySelector('summary').innerText, [...td.querySelectorAll('a')].map(a => a.getAttribute('href'))]; })()",
    );
    assert_eq!(cell[0], json!("✘\u{a0}2 ✔\u{a0}1"), "{cell}");
    let links: Vec<&str> = cell[1]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(links.len(), 3, "{cell}");
    assert!(
        links.iter().any(|l| l.ends_with("trump-deadline-to-russia-days")),
        "{cell}"
    );
    let dangling = browser.eval(
        "[...document.querySelectorAll('#matrix a, #summary a')].filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length",
    );
    assert_eq!(
        dangling,
        json!(0),
        "every link of the matrix and summary leads to a card"
    );
    // Opening a cell (a click on its summary) shows its subjects.
    browser.click("#matrix tbody tr:nth-child(2) td:nth-child(2) summary");
    let open =
        browser.eval("document.querySelector('#matrix tbody tr:nth-child(2) td:nth-child(2) a').checkVisibility()");
    assert_eq!(open, json!(true));

    // A filter: unticking “Agreement” hides the agreement cards, and only them.
    assert_eq!(browser.eval("document.getElementById('filters').hidden"), json!(false));
    assert!(card_text(&mut browser, "istanbul-earlier-rounds").contains("Agreement"));
    browser.click("#f-agreement");
    assert_eq!(
        browser.eval("document.getElementById('f-agreement').checked"),
        json!(false)
    );
    assert_eq!(
        card_text(&mut browser, "istanbul-earlier-rounds"),
        "",
        "the agreement card is hidden"
    );
    assert!(!card_text(&mut browser, "trump-deadline-to-russia-days").is_empty());
    assert_eq!(
        browser.eval("document.getElementById('shown').innerText"),
        json!("6 subjects shown of 10")
    );
    assert_eq!(
        browser.eval("[...document.querySelectorAll('article.card')].filter(c => c.checkVisibility()).length"),
        json!(6)
    );
    let errors = browser.errors();
    assert!(errors.is_empty(), "the page reported errors: {errors:#?}");

    // The hostile article: every piece of markup shows as text.
    browser.open(&hostile);
    let body = browser.eval("document.body.innerText");
    let body = body.as_str().unwrap();
    for seen in [
        "trêve <script>alert(1)</script></td><img onerror=x> de 30 jours",
        "délai<script>alert(1)</script></td>50 jours",
        "Le Veilleur \"><img src=x onerror=alert(3)>",
        "Trêve et ultimatum <script>alert(1)</script></td><img src=x onerror=alert(2)>",
    ] {
        assert!(body.contains(seen), "the page shows “{seen}” as text:\n{body}");
    }
    assert_eq!(
        browser.eval("document.scripts.length"),
        json!(1),
        "the page's own script only"
    );
    assert_eq!(browser.eval("document.querySelectorAll('img').length"), json!(0));
    assert_eq!(
        browser.eval("document.querySelectorAll('[onerror], a[href^=\"javascript\"]').length"),
        json!(0)
    );
    // Its cells: the hostile outlet's row of the matrix is one row.
    assert_eq!(
        browser.eval(
            "(() => { const n = document.querySelectorAll('#matrix thead th').length; \
             return [...document.querySelectorAll('#matrix tbody tr')].every(r => r.children.length === n + 1); })()"
        ),
        json!(true)
    );
    let errors = browser.errors();
    assert!(
        errors.is_empty(),
        "the page reported errors (or opened a dialog): {errors:#?}"
    );
}
