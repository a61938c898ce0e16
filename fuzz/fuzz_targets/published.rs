//! Any publication date string: a value or an error, never a panic.
#![no_main]

use khabar_runner::published::parse_published;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    if let Ok(value) = parse_published(input) {
        assert!(value.len() >= 10);
    }
});
