//! Any bytes as a JSON Lines file: lines, records and the raw columns of
//! their text, then extraction with the shipped rules, comparison and both
//! report printers.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    recoupe_fuzz::json_lines(data);
});
