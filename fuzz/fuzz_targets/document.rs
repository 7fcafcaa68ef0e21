//! Any bytes as an article file: decoding, front matter, then extraction with
//! the shipped rules, comparison and both report printers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    recoupe_fuzz::document(data);
});
