//! Any config text: parsed and validated without panicking; errors point inside the text.
#![no_main]

use khabar_runner::builtin;
use khabar_runner::config::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|source: &str| {
    let registry = builtin::registry();
    if let Err(errors) = Config::parse("fuzz.toml", source, Default::default(), &registry) {
        let lines = source.lines().count().max(1);
        for d in &errors.0 {
            assert!(d.line >= 1 && d.line <= lines + 1, "line {} of {lines}", d.line);
            let _ = d.to_string();
        }
    }
});
