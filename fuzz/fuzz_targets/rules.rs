//! Any bytes as a rule file: loaded, checked and compiled; valid rules are run
//! on sample text and on their examples, diagnostics are rendered.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    recoupe_fuzz::rules_bytes(data);
});
