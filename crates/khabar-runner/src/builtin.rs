//! The analyzers khabar ships, registered by name.

use khabar_core::{AnalyzerSpec, Registry};

/// Every built-in analyzer, in the order `khabar analyzers` lists them.
pub fn specs() -> Vec<AnalyzerSpec> {
    vec![khabar_segment::spec(), khabar_dates::spec(), khabar_quotes::spec(), khabar_dedup::spec()]
}

/// A registry holding every built-in analyzer.
pub fn registry() -> Registry {
    let mut registry = Registry::new();
    for spec in specs() {
        // Built-in names are distinct (tested below), so registering cannot clash.
        let _ = registry.register(spec);
    }
    registry
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    #[test]
    fn names_are_distinct() {
        assert_eq!(registry().names().len(), specs().len());
    }

    #[test]
    fn the_embedded_default_config_is_valid_and_runs_every_analyzer() {
        let registry = registry();
        let config = Config::default_config(&registry).unwrap_or_else(|err| panic!("{err}"));
        let names: Vec<&str> = config.pipeline.analyzers().iter().map(|a| a.name()).collect();
        assert_eq!(names, registry.names());
    }
}
