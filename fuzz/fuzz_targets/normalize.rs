//! Any text through the normaliser: the first byte picks the placeholder and
//! the publication date, the rest is the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    recoupe_fuzz::normalize_bytes(data);
});
