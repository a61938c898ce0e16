//! The TOML config: which analyzers run in which order with which options, and how input is
//! read and output written.
//!
//! Loading collects every error before it reports (unknown keys and analyzers, wrong types,
//! options an analyzer rejects, requirements an earlier analyzer does not meet), each with
//! its line and column and what would be valid.

use std::collections::HashSet;
use std::ops::Range;
use std::path::{Path, PathBuf};

use khabar_core::{Layer, Options, OptionsError, Registry};
use toml_edit::{ImDocument, Item, Table, Value};

use crate::diagnostic::{ConfigErrors, Diagnostic};
use crate::input::InputOptions;
use crate::output::{Format, OffsetUnit, OutputOptions};
use crate::pipeline::Pipeline;
use crate::published::parse_published;

/// The config used when none is given: every built-in analyzer.
pub const DEFAULT_CONFIG: &str = include_str!("default.toml");

/// The name messages use for the embedded default config.
pub const DEFAULT_CONFIG_NAME: &str = "<default config>";

/// A loaded, validated config with its analyzers built.
pub struct Config {
    /// The analyzers, in order.
    pub pipeline: Pipeline,
    /// How documents are written.
    pub output: OutputOptions,
    /// How documents are read.
    pub input: InputOptions,
    /// The directory relative paths in the config are resolved against.
    pub dir: PathBuf,
    /// For `khabar test`: the fixture's publication date and language (`[fixture]`).
    pub fixture: FixtureOptions,
    /// The analyzers this config can name: the built-ins and its plugins.
    pub registry: Registry,
}

/// The `[fixture]` table of a fixture's own config: what the input would otherwise say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FixtureOptions {
    /// Publication date, as `--published` takes it.
    pub published: Option<String>,
    /// Language code.
    pub lang: Option<String>,
}

impl Config {
    /// Reads and validates the config file at `path`.
    pub fn load(path: &Path, registry: &Registry) -> Result<Config, LoadError> {
        let source = std::fs::read_to_string(path).map_err(|err| LoadError::Read { path: path.to_owned(), err })?;
        let dir = path.parent().map(Path::to_owned).unwrap_or_default();
        Config::parse(&path.display().to_string(), &source, dir, registry).map_err(LoadError::Invalid)
    }

    /// The embedded default config.
    pub fn default_config(registry: &Registry) -> Result<Config, LoadError> {
        Config::parse(DEFAULT_CONFIG_NAME, DEFAULT_CONFIG, PathBuf::new(), registry).map_err(LoadError::Invalid)
    }

    /// Validates `source`; `name` is how messages name the file.
    pub fn parse(name: &str, source: &str, dir: PathBuf, registry: &Registry) -> Result<Config, ConfigErrors> {
        let mut cx = Checker { name, source, errors: Vec::new() };
        let doc = match ImDocument::parse(source) {
            Ok(doc) => doc,
            Err(err) => {
                let range = err.span().unwrap_or(0..0);
                let message = err.message().to_owned();
                cx.error(range, format!("invalid TOML: {message}"), None);
                return Err(ConfigErrors(cx.errors));
            }
        };
        let root = doc.as_table();
        cx.check_keys(root, &["pipeline", "output", "input", "analyzers", "plugins", "fixture"], "top-level key");
        let mut registry = registry.clone();
        if let Some(item) = root.get("plugins") {
            cx.plugins(item, &dir, &mut registry);
        }
        let registry = &registry;

        let output = root.get("output").map_or_else(OutputOptions::default, |item| cx.output(item));
        let input = root.get("input").map_or_else(InputOptions::default, |item| cx.input(item));
        let fixture = root.get("fixture").map_or_else(FixtureOptions::default, |item| cx.fixture(item));
        let steps = match root.get("pipeline") {
            Some(item) => cx.pipeline_names(item),
            None => default_pipeline(registry),
        };
        let options = root.get("analyzers").and_then(|item| cx.analyzer_tables(item));
        let pipeline = cx.build(&steps, options, registry);

        if cx.errors.is_empty() {
            Ok(Config { pipeline, output, input, dir, fixture, registry: registry.clone() })
        } else {
            Err(ConfigErrors(cx.errors))
        }
    }
}

/// Why a config could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("cannot read config {}: {err}", path.display())]
    Read {
        /// The config path.
        path: PathBuf,
        /// The cause.
        err: std::io::Error,
    },
    /// The config has errors.
    #[error("{0}")]
    Invalid(ConfigErrors),
}

/// The embedded default's pipeline names, used when a config has no `pipeline` key.
fn default_pipeline(registry: &Registry) -> Vec<(String, Range<usize>)> {
    let parsed = ImDocument::parse(DEFAULT_CONFIG).ok();
    let names = parsed
        .as_ref()
        .and_then(|doc| doc.get("pipeline"))
        .and_then(Item::as_array)
        .map(|array| array.iter().filter_map(Value::as_str).map(str::to_owned).collect::<Vec<_>>())
        .unwrap_or_else(|| registry.names().into_iter().map(str::to_owned).collect());
    names.into_iter().map(|name| (name, 0..0)).collect()
}

struct Checker<'a> {
    name: &'a str,
    source: &'a str,
    errors: Vec<Diagnostic>,
}

/// An analyzer's options table and where it is.
struct AnalyzerTable<'t> {
    name: String,
    key_span: Range<usize>,
    item: &'t Item,
}

impl Checker<'_> {
    fn error(&mut self, range: Range<usize>, message: impl Into<String>, help: Option<String>) {
        self.errors.push(Diagnostic::at(self.name, self.source, range, message, help));
    }

    fn check_keys(&mut self, table: &Table, valid: &[&str], what: &str) {
        for (key, _) in table.iter() {
            if !valid.contains(&key) {
                let span = key_span(table, key);
                self.error(span, format!("unknown {what} `{key}`"), Some(format!("valid keys: {}", valid.join(", "))));
            }
        }
    }

    fn table<'t>(&mut self, item: &'t Item, what: &str) -> Option<&'t Table> {
        match item.as_table() {
            Some(table) => Some(table),
            None => {
                self.error(
                    item.span().unwrap_or(0..0),
                    format!("`{what}` must be a table"),
                    Some(format!("write it as [{what}]")),
                );
                None
            }
        }
    }

    fn string_choice<'t>(&mut self, table: &'t Table, key: &str, choices: &[&str]) -> Option<&'t str> {
        let item = table.get(key)?;
        match item.as_str() {
            Some(value) if choices.contains(&value) => Some(value),
            _ => {
                let shown = item.as_value().map_or_else(|| "a table".to_owned(), |v| v.to_string().trim().to_owned());
                self.error(
                    item.span().unwrap_or(0..0),
                    format!("invalid value {shown} for `{key}`"),
                    Some(format!("valid values: {}", quoted(choices))),
                );
                None
            }
        }
    }

    fn output(&mut self, item: &Item) -> OutputOptions {
        let mut output = OutputOptions::default();
        let Some(table) = self.table(item, "output") else { return output };
        self.check_keys(table, &["format", "offsets", "text"], "key in [output]");
        if let Some(format) = self.string_choice(table, "format", Format::NAMES) {
            output.format = Format::parse(format).unwrap_or_default();
        }
        if let Some(unit) = self.string_choice(table, "offsets", &["byte", "char"]) {
            output.offsets = if unit == "char" { OffsetUnit::Char } else { OffsetUnit::Byte };
        }
        if let Some(text) = table.get("text") {
            match text.as_bool() {
                Some(text) => output.text = text,
                None => self.error(text.span().unwrap_or(0..0), "`text` must be true or false", None),
            }
        }
        output
    }

    fn input(&mut self, item: &Item) -> InputOptions {
        let mut input = InputOptions::default();
        let Some(table) = self.table(item, "input") else { return input };
        let fields = InputOptions::FIELD_KEYS;
        let mut valid: Vec<&str> = fields.to_vec();
        valid.push("max_document_bytes");
        self.check_keys(table, &valid, "key in [input]");
        for key in fields {
            let Some(item) = table.get(key) else { continue };
            match item.as_str() {
                Some(name) if !name.is_empty() => input.set_field(key, name),
                _ => self.error(
                    item.span().unwrap_or(0..0),
                    format!("`{key}` must name a JSON Lines field"),
                    Some(format!("for example {key} = \"{key}\"")),
                ),
            }
        }
        if let Some(item) = table.get("max_document_bytes") {
            match item.as_integer() {
                Some(n) if n > 0 => input.max_document_bytes = n as u64,
                _ => self.error(item.span().unwrap_or(0..0), "`max_document_bytes` must be a positive integer", None),
            }
        }
        input
    }

    /// Loads every `[plugins.<name>]` library and registers its analyzer.
    fn plugins(&mut self, item: &Item, dir: &Path, registry: &mut Registry) {
        let Some(table) = self.table(item, "plugins") else { return };
        for (name, entry) in table.iter() {
            let key = key_span(table, name);
            let Some(entry) = entry.as_table_like() else {
                self.error(
                    key,
                    format!("[plugins.{name}] must be a table"),
                    Some("path = \"plugins/libname.so\"".into()),
                );
                continue;
            };
            for (other, _) in entry.iter().filter(|(k, _)| *k != "path") {
                let span = entry.get(other).and_then(Item::span).unwrap_or(key.clone());
                self.error(span, format!("unknown key `{other}` in [plugins.{name}]"), Some("valid keys: path".into()));
            }
            let Some(path_item) = entry.get("path") else {
                self.error(
                    key,
                    format!("[plugins.{name}] has no `path`"),
                    Some("path = \"plugins/libname.so\"".into()),
                );
                continue;
            };
            let span = path_item.span().unwrap_or(key.clone());
            let Some(path) = path_item.as_str() else {
                self.error(span, "`path` must be a string", None);
                continue;
            };
            let path = dir.join(path);
            match crate::plugins::load(&path) {
                Err(err) => self.error(span, err.to_string(), None),
                Ok(spec) if spec.name != name => self.error(
                    key,
                    format!("the plugin at {} is named `{}`, not `{name}`", path.display(), spec.name),
                    Some(format!("write [plugins.{}]", spec.name)),
                ),
                Ok(spec) => {
                    if let Err(err) = registry.register(spec) {
                        self.error(key, err.to_string(), None);
                    }
                }
            }
        }
    }

    fn fixture(&mut self, item: &Item) -> FixtureOptions {
        let mut fixture = FixtureOptions::default();
        let Some(table) = self.table(item, "fixture") else { return fixture };
        self.check_keys(table, &["published", "lang"], "key in [fixture]");
        if let Some(item) = table.get("published") {
            match item.as_str().map(parse_published) {
                Some(Ok(_)) => fixture.published = item.as_str().map(str::to_owned),
                Some(Err(message)) => self.error(item.span().unwrap_or(0..0), message, None),
                None => self.error(item.span().unwrap_or(0..0), "`published` must be a string", None),
            }
        }
        if let Some(item) = table.get("lang") {
            match item.as_str() {
                Some(lang) if !lang.is_empty() => fixture.lang = Some(lang.to_owned()),
                _ => self.error(
                    item.span().unwrap_or(0..0),
                    "`lang` must be a language code",
                    Some("lang = \"ar\"".into()),
                ),
            }
        }
        fixture
    }

    fn pipeline_names(&mut self, item: &Item) -> Vec<(String, Range<usize>)> {
        let span = item.span().unwrap_or(0..0);
        let Some(array) = item.as_array() else {
            self.error(span, "`pipeline` must be an array of analyzer names", Some("pipeline = [\"segment\"]".into()));
            return Vec::new();
        };
        let mut names = Vec::new();
        for value in array.iter() {
            let span = value.span().unwrap_or(0..0);
            match value.as_str() {
                Some(name) if names.iter().any(|(seen, _)| seen == name) => {
                    self.error(span, format!("`{name}` appears twice in the pipeline"), None);
                }
                Some(name) => names.push((name.to_owned(), span)),
                None => self.error(span, "pipeline entries must be analyzer names (strings)", None),
            }
        }
        names
    }

    fn analyzer_tables<'t>(&mut self, item: &'t Item) -> Option<Vec<AnalyzerTable<'t>>> {
        let table = self.table(item, "analyzers")?;
        let tables = table
            .iter()
            .map(|(name, item)| AnalyzerTable { name: name.to_owned(), key_span: key_span(table, name), item })
            .collect();
        Some(tables)
    }

    fn build(
        &mut self,
        steps: &[(String, Range<usize>)],
        tables: Option<Vec<AnalyzerTable<'_>>>,
        registry: &Registry,
    ) -> Pipeline {
        let tables = tables.unwrap_or_default();
        let available = || format!("available analyzers: {}", registry.names().join(", "));
        for table in &tables {
            if registry.get(&table.name).is_none() {
                self.error(table.key_span.clone(), format!("unknown analyzer `{}`", table.name), Some(available()));
            } else if !steps.iter().any(|(name, _)| *name == table.name) {
                let help = format!("add `{}` to `pipeline`, or remove [analyzers.{}]", table.name, table.name);
                self.error(
                    table.key_span.clone(),
                    format!("options for `{}`, which is not in the pipeline", table.name),
                    Some(help),
                );
            }
        }

        let mut provided: HashSet<Layer> = HashSet::new();
        let mut analyzers = Vec::new();
        for (position, (name, span)) in steps.iter().enumerate() {
            let Some(spec) = registry.get(name) else {
                self.error(span.clone(), format!("unknown analyzer `{name}`"), Some(available()));
                continue;
            };
            for layer in &spec.requires {
                if provided.contains(layer) {
                    continue;
                }
                let later = steps[position + 1..]
                    .iter()
                    .find(|(other, _)| registry.get(other).is_some_and(|s| s.provides.contains(layer)));
                let (message, help) = match later {
                    Some((other, _)) => (
                        format!("`{name}` requires `{layer}`, which `{other}` provides, but `{other}` comes later"),
                        format!("move `{other}` before `{name}` in the pipeline"),
                    ),
                    None => {
                        let providers: Vec<&str> = registry
                            .specs()
                            .iter()
                            .filter(|s| s.provides.contains(layer))
                            .map(|s| s.name.as_str())
                            .collect();
                        let help = if providers.is_empty() {
                            "no registered analyzer provides it".to_owned()
                        } else {
                            format!("add {} before `{name}` in the pipeline", quoted(&providers))
                        };
                        (format!("`{name}` requires `{layer}`, which no earlier analyzer provides"), help)
                    }
                };
                self.error(span.clone(), message, Some(help));
            }
            provided.extend(spec.provides.iter().cloned());

            let table = tables.iter().find(|t| t.name == *name);
            let options = table.map_or(Options::Null, |t| item_to_json(t.item));
            match (spec.factory)(&options) {
                Ok(analyzer) => analyzers.push(analyzer),
                Err(err) => {
                    let (range, help) = self.options_error_place(&err, table, span, spec);
                    self.error(range, format!("analyzer `{name}`: {}", err.message), help);
                }
            }
        }
        Pipeline::new(analyzers)
    }

    fn options_error_place(
        &self,
        err: &OptionsError,
        table: Option<&AnalyzerTable<'_>>,
        step_span: &Range<usize>,
        spec: &khabar_core::AnalyzerSpec,
    ) -> (Range<usize>, Option<String>) {
        let valid = (!spec.options.is_empty()).then(|| {
            let names: Vec<&str> = spec.options.iter().map(|o| o.name.as_str()).collect();
            format!("valid options of `{}`: {}", spec.name, names.join(", "))
        });
        let Some(table) = table else { return (step_span.clone(), valid) };
        let range = match err.unknown_key() {
            Some(key) => find_key(table.item, &err.path, key),
            None => find_item(table.item, &err.path),
        };
        (range.unwrap_or_else(|| table.key_span.clone()), valid)
    }
}

fn quoted(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

fn key_span(table: &Table, key: &str) -> Range<usize> {
    table.get_key_value(key).and_then(|(k, _)| k.span()).unwrap_or(0..0)
}

/// Where the key `key` of the table at `path` is.
fn find_key(item: &Item, path: &[String], key: &str) -> Option<Range<usize>> {
    let mut current = item;
    for segment in path {
        current = child(current, segment)?;
    }
    match current {
        Item::Table(table) => table.get_key_value(key).and_then(|(k, _)| k.span()),
        Item::Value(Value::InlineTable(table)) => table.get_key_value(key).and_then(|(k, _)| k.span()),
        _ => None,
    }
}

/// Where the value at `path` is.
fn find_item(item: &Item, path: &[String]) -> Option<Range<usize>> {
    let mut current = item;
    for segment in path {
        current = child(current, segment)?;
    }
    current.span()
}

fn child<'a>(item: &'a Item, segment: &str) -> Option<&'a Item> {
    match item {
        Item::Value(Value::Array(_)) => segment.parse::<usize>().ok().and_then(|i| item.get(i)),
        _ => item.get(segment),
    }
}

/// The neutral JSON value analyzers read their options from.
fn item_to_json(item: &Item) -> serde_json::Value {
    match item {
        Item::None => serde_json::Value::Null,
        Item::Value(value) => value_to_json(value),
        Item::Table(table) => {
            serde_json::Value::Object(table.iter().map(|(k, v)| (k.to_owned(), item_to_json(v))).collect())
        }
        Item::ArrayOfTables(tables) => serde_json::Value::Array(
            tables
                .iter()
                .map(|t| serde_json::Value::Object(t.iter().map(|(k, v)| (k.to_owned(), item_to_json(v))).collect()))
                .collect(),
        ),
    }
}

fn value_to_json(value: &Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        Value::String(s) => J::String(s.value().clone()),
        Value::Integer(i) => J::from(*i.value()),
        Value::Float(f) => serde_json::Number::from_f64(*f.value()).map_or(J::Null, J::Number),
        Value::Boolean(b) => J::Bool(*b.value()),
        Value::Datetime(d) => J::String(d.value().to_string()),
        Value::Array(array) => J::Array(array.iter().map(value_to_json).collect()),
        Value::InlineTable(table) => J::Object(table.iter().map(|(k, v)| (k.to_owned(), value_to_json(v))).collect()),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use khabar_core::{AnalyzeError, Analyzer, AnalyzerSpec, Document, Layer, parse_options};

    use super::*;

    struct Fake(&'static str, Vec<Layer>, Vec<Layer>);

    impl Analyzer for Fake {
        fn name(&self) -> &str {
            self.0
        }
        fn requires(&self) -> &[Layer] {
            &self.1
        }
        fn provides(&self) -> &[Layer] {
            &self.2
        }
        fn analyze(&self, _: &mut Document) -> Result<(), AnalyzeError> {
            Ok(())
        }
    }

    #[derive(Default, serde::Deserialize)]
    #[serde(default, deny_unknown_fields)]
    struct Opts {
        #[serde(rename = "year")]
        _year: String,
    }

    fn spec(name: &'static str, requires: Vec<Layer>, provides: Vec<Layer>) -> AnalyzerSpec {
        let (r, p) = (requires.clone(), provides.clone());
        AnalyzerSpec {
            name: name.into(),
            summary: String::new(),
            requires,
            provides,
            options: Vec::new(),
            origin: "test".into(),
            factory: Arc::new(move |options| {
                parse_options::<Opts>(options)?;
                Ok(Box::new(Fake(name, r.clone(), p.clone())))
            }),
        }
    }

    fn registry() -> Registry {
        let mut registry = Registry::new();
        registry.register(spec("segment", vec![], vec![Layer::Zones])).unwrap();
        registry.register(spec("dates", vec![Layer::Zones], vec![Layer::Dates])).unwrap();
        registry.register(spec("orphan", vec![Layer::Quotes], vec![])).unwrap();
        registry
    }

    fn errors(source: &str) -> Vec<String> {
        match Config::parse("k.toml", source, PathBuf::new(), &registry()) {
            Ok(_) => Vec::new(),
            Err(ConfigErrors(list)) => list.iter().map(|d| format!("{}:{} {}", d.line, d.column, d.message)).collect(),
        }
    }

    #[test]
    fn a_requirement_must_be_met_by_an_earlier_analyzer() {
        let got = errors("pipeline = [\"dates\", \"segment\"]");
        assert_eq!(got, ["1:13 `dates` requires `zones`, which `segment` provides, but `segment` comes later"]);
        let got = errors("pipeline = [\"dates\"]");
        assert_eq!(got, ["1:13 `dates` requires `zones`, which no earlier analyzer provides"]);
        assert!(errors("pipeline = [\"segment\", \"dates\"]").is_empty());
    }

    #[test]
    fn every_error_is_collected() {
        let source = "pipeline = [\"dates\", \"segment\", \"nope\"]\nextra = 1\n[analyzers.dates]\nyaer = \"x\"\n[analyzers.orphan]\n[analyzers.ghost]\n[output]\ntext = \"yes\"\n";
        let got = errors(source);
        assert_eq!(got.len(), 7, "{got:#?}");
        assert!(got.contains(&"2:1 unknown top-level key `extra`".to_owned()), "{got:#?}");
        assert!(got.iter().any(|e| e.starts_with("4:1 analyzer `dates`: unknown field `yaer`")), "{got:#?}");
        assert!(got.contains(&"5:12 options for `orphan`, which is not in the pipeline".to_owned()), "{got:#?}");
        assert!(got.contains(&"6:12 unknown analyzer `ghost`".to_owned()), "{got:#?}");
        assert!(got.contains(&"1:33 unknown analyzer `nope`".to_owned()), "{got:#?}");
        assert!(got.contains(&"8:8 `text` must be true or false".to_owned()), "{got:#?}");
    }

    #[test]
    fn wrong_option_types_point_at_the_value() {
        let got = errors("pipeline = [\"segment\"]\n[analyzers.segment]\nyear = 3\n");
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("3:8 analyzer `segment`: invalid type: integer `3`"), "{got:?}");
    }

    #[test]
    fn broken_toml_is_reported_with_its_place() {
        let got = errors("pipeline = [\"segment\"\n");
        assert_eq!(got.len(), 1);
        assert!(got[0].starts_with("2:1 invalid TOML") || got[0].starts_with("1:"), "{got:?}");
    }

    #[test]
    fn no_pipeline_means_the_default_pipeline() {
        let registry = crate::builtin::registry();
        let config = Config::parse("k.toml", "[output]\nformat = \"jsonl\"\n", PathBuf::new(), &registry).unwrap();
        assert_eq!(config.pipeline.analyzers().len(), registry.names().len());
        assert_eq!(config.output.format, Format::Jsonl);
    }
}
