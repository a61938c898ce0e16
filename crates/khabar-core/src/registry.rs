use std::sync::Arc;

use serde::Serialize;

use crate::analyzer::Analyzer;
use crate::document::Layer;
use crate::options::{OptionDoc, Options, OptionsError};

/// Builds an analyzer from its options.
pub type Factory = Arc<dyn Fn(&Options) -> Result<Box<dyn Analyzer>, OptionsError> + Send + Sync>;

/// What the registry knows of an analyzer before building it: enough to validate a pipeline
/// and to list it in `khabar analyzers`.
#[derive(Clone)]
pub struct AnalyzerSpec {
    /// The name configs use.
    pub name: String,
    /// One line on what it finds.
    pub summary: String,
    /// Layers it needs.
    pub requires: Vec<Layer>,
    /// Layers it writes.
    pub provides: Vec<Layer>,
    /// Its options, with defaults.
    pub options: Vec<OptionDoc>,
    /// Where it comes from: `built-in` or a plugin's path.
    pub origin: String,
    /// Builds it.
    pub factory: Factory,
}

impl std::fmt::Debug for AnalyzerSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AnalyzerSpec")
            .field("name", &self.name)
            .field("requires", &self.requires)
            .field("provides", &self.provides)
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

/// An `AnalyzerSpec` as `khabar analyzers --json` prints it.
#[derive(Debug, Serialize)]
pub struct SpecSummary<'a> {
    /// The name.
    pub name: &'a str,
    /// What it finds.
    pub summary: &'a str,
    /// Layers it needs.
    pub requires: Vec<String>,
    /// Layers it writes.
    pub provides: Vec<String>,
    /// Its options.
    pub options: &'a [OptionDoc],
    /// Where it comes from.
    pub origin: &'a str,
}

impl AnalyzerSpec {
    /// The serializable part.
    pub fn summary(&self) -> SpecSummary<'_> {
        SpecSummary {
            name: &self.name,
            summary: &self.summary,
            requires: self.requires.iter().map(Layer::name).collect(),
            provides: self.provides.iter().map(Layer::name).collect(),
            options: &self.options,
            origin: &self.origin,
        }
    }
}

/// Analyzer names to specs. Built-in and plugin analyzers register the same way.
#[derive(Debug, Default, Clone)]
pub struct Registry {
    specs: Vec<AnalyzerSpec>,
}

/// Registering a name twice.
#[derive(Debug, thiserror::Error)]
#[error("an analyzer named `{name}` is already registered ({origin})")]
pub struct DuplicateAnalyzer {
    /// The name.
    pub name: String,
    /// Where the first one came from.
    pub origin: String,
}

impl Registry {
    /// An empty registry.
    pub fn new() -> Self {
        Registry::default()
    }

    /// Adds an analyzer; names are unique.
    pub fn register(&mut self, spec: AnalyzerSpec) -> Result<(), DuplicateAnalyzer> {
        if let Some(old) = self.get(&spec.name) {
            return Err(DuplicateAnalyzer { name: spec.name, origin: old.origin.clone() });
        }
        self.specs.push(spec);
        Ok(())
    }

    /// The spec of `name`.
    pub fn get(&self, name: &str) -> Option<&AnalyzerSpec> {
        self.specs.iter().find(|spec| spec.name == name)
    }

    /// Every spec, in registration order.
    pub fn specs(&self) -> &[AnalyzerSpec] {
        &self.specs
    }

    /// Every name, in registration order (for "valid choices" in messages).
    pub fn names(&self) -> Vec<&str> {
        self.specs.iter().map(|spec| spec.name.as_str()).collect()
    }
}
