//! Loading plugin analyzers (`[plugins.<name>] path = "..."`) and calling them across the C ABI
//! of `khabar-plugin`.
//!
//! A library is loaded once and never unloaded (its code may be running on another thread, and
//! unloading is where dynamic loading goes wrong). Its description becomes an `AnalyzerSpec`, so
//! a plugin is validated and listed like a built-in analyzer. Each call sends the document as
//! JSON and takes back the plugin's layer, which is checked (valid JSON; every `span`, `*_span`
//! and `mentions` value a span of the text on char boundaries) before it is merged under
//! `plugins.<name>`. A plugin error or panic fails that document only.

use std::ffi::c_void;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use khabar_core::{AnalyzeError, Analyzer, AnalyzerSpec, Document, Layer, OptionDoc, Options, OptionsError, Span};
use khabar_plugin::{ABI_VERSION, Buffer, ENTRY_SYMBOL, EntryFn, OK, PANICKED, PluginTable};
use serde::Deserialize;

/// Why a plugin could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PluginError {
    /// No file at the path.
    #[error("plugin file not found: {}", .0.display())]
    Missing(PathBuf),
    /// The file is not a loadable library.
    #[error("cannot load plugin {}: not a dynamic library ({reason})", path.display())]
    NotALibrary {
        /// The file.
        path: PathBuf,
        /// What the loader said.
        reason: String,
    },
    /// The library has no khabar entry point.
    #[error("{} is not a khabar plugin: no `khabar_plugin_v1` symbol", .0.display())]
    NoEntry(PathBuf),
    /// The library speaks another ABI version.
    #[error("plugin {} speaks khabar plugin ABI v{plugin}; this khabar speaks v{host}", path.display())]
    AbiMismatch {
        /// The file.
        path: PathBuf,
        /// The plugin's version.
        plugin: u32,
        /// The host's version.
        host: u32,
    },
    /// `describe` failed or said something unreadable.
    #[error("plugin {}: describe failed: {reason}", path.display())]
    Describe {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

/// What `describe` returns.
#[derive(Debug, Deserialize)]
struct Description {
    name: String,
    #[serde(default)]
    version: String,
    #[serde(default)]
    summary: String,
    #[serde(default)]
    requires: Vec<String>,
    #[serde(default)]
    provides: Vec<String>,
    #[serde(default)]
    options: Vec<OptionDocIn>,
}

#[derive(Debug, Deserialize)]
struct OptionDocIn {
    name: String,
    #[serde(default)]
    default: serde_json::Value,
    #[serde(default)]
    doc: String,
}

/// A loaded library's table, valid for the life of the process (the library is never unloaded).
#[derive(Clone, Copy)]
struct Table(&'static PluginTable);

/// Calls one of the plugin's functions that fill a buffer, copying the bytes and giving the
/// buffer back to the plugin's allocator.
fn call(table: Table, f: impl FnOnce(*mut Buffer) -> i32) -> (i32, Vec<u8>) {
    let mut out = Buffer::empty();
    let code = f(&mut out);
    // SAFETY: the plugin filled `out` with a buffer it allocated (or left it empty).
    let bytes = unsafe { out.as_slice() }.to_vec();
    if !out.ptr.is_null() {
        // SAFETY: the buffer came from this plugin and is returned to it once.
        unsafe { (table.0.free_buffer)(out) };
    }
    (code, bytes)
}

/// Loads the plugin at `path` and describes it as an analyzer spec.
pub fn load(path: &Path) -> Result<AnalyzerSpec, PluginError> {
    if !path.is_file() {
        return Err(PluginError::Missing(path.to_owned()));
    }
    // SAFETY: loading runs the library's initializers; a khabar plugin is trusted code the
    // user named in their config, as a built-in analyzer would be.
    let library = unsafe { libloading::Library::new(path) }
        .map_err(|e| PluginError::NotALibrary { path: path.to_owned(), reason: e.to_string() })?;
    // Never unloaded: analyzers built from it live as long as the process.
    let library: &'static libloading::Library = Box::leak(Box::new(library));

    // SAFETY: the symbol, if present, has the ABI v1 entry signature.
    let entry = unsafe { library.get::<EntryFn>(ENTRY_SYMBOL) };
    let Ok(entry) = entry else {
        for version in 2..10u32 {
            let name = format!("khabar_plugin_v{version}\0");
            // SAFETY: only the symbol's presence is checked; it is not called.
            if unsafe { library.get::<*const c_void>(name.as_bytes()) }.is_ok() {
                return Err(PluginError::AbiMismatch { path: path.to_owned(), plugin: version, host: ABI_VERSION });
            }
        }
        return Err(PluginError::NoEntry(path.to_owned()));
    };
    // SAFETY: the entry point returns a pointer to a static table (or null).
    let table = unsafe { entry() };
    if table.is_null() {
        return Err(PluginError::Describe {
            path: path.to_owned(),
            reason: "the entry point returned no table".into(),
        });
    }
    // The version is the first field in every ABI version, so it can be read before trusting
    // the rest of the table.
    // SAFETY: the table is at least as large as its first field.
    let version = unsafe { *table.cast::<u32>() };
    if version != ABI_VERSION {
        return Err(PluginError::AbiMismatch { path: path.to_owned(), plugin: version, host: ABI_VERSION });
    }
    // SAFETY: a v1 table; it lives in the never-unloaded library.
    let table = Table(unsafe { &*table });
    if (table.0.size as usize) < std::mem::size_of::<PluginTable>() {
        return Err(PluginError::Describe {
            path: path.to_owned(),
            reason: format!("its table is too small ({} bytes)", table.0.size),
        });
    }

    // SAFETY: describe writes a buffer into `out`.
    let (code, bytes) = call(table, |out| unsafe { (table.0.describe)(out) });
    let describe_error = |reason: String| PluginError::Describe { path: path.to_owned(), reason };
    if code != OK {
        return Err(describe_error(String::from_utf8_lossy(&bytes).into_owned()));
    }
    let description: Description = serde_json::from_slice(&bytes)
        .map_err(|e| describe_error(format!("its description is not valid JSON: {e}")))?;
    let own_layer = Layer::Plugin(description.name.clone());
    let mut requires = Vec::new();
    for name in &description.requires {
        requires
            .push(Layer::parse(name).ok_or_else(|| describe_error(format!("it requires an unknown layer `{name}`")))?);
    }
    if description.provides.iter().any(|p| Layer::parse(p).as_ref() != Some(&own_layer)) {
        return Err(describe_error(format!("a plugin provides only its own layer `{own_layer}`")));
    }
    let options =
        description.options.into_iter().map(|o| OptionDoc { name: o.name, default: o.default, doc: o.doc }).collect();
    let name = description.name.clone();
    let origin = format!("plugin {} {}", path.display(), description.version).trim_end().to_owned();
    let factory_name = name.clone();
    Ok(AnalyzerSpec {
        name,
        summary: description.summary,
        requires: requires.clone(),
        provides: vec![own_layer.clone()],
        options,
        origin,
        factory: Arc::new(move |options: &Options| {
            PluginAnalyzer::create(table, factory_name.clone(), requires.clone(), own_layer.clone(), options)
                .map(|a| Box::new(a) as Box<dyn Analyzer>)
        }),
    })
}

/// One instance of a plugin analyzer.
struct PluginAnalyzer {
    table: Table,
    instance: *mut c_void,
    name: String,
    requires: Vec<Layer>,
    provides: Vec<Layer>,
}

// SAFETY: the ABI requires `analyze` to be callable from several threads at once on one
// instance (the Rust export macro guarantees it: analyzers are `Send + Sync`).
unsafe impl Send for PluginAnalyzer {}
// SAFETY: as above.
unsafe impl Sync for PluginAnalyzer {}

impl PluginAnalyzer {
    fn create(
        table: Table,
        name: String,
        requires: Vec<Layer>,
        own: Layer,
        options: &Options,
    ) -> Result<PluginAnalyzer, OptionsError> {
        let bytes = serde_json::to_vec(options).map_err(|e| OptionsError::new(Vec::new(), e.to_string()))?;
        let mut instance: *mut c_void = std::ptr::null_mut();
        // SAFETY: create reads `bytes` and writes the instance pointer and a buffer.
        let (code, message) =
            call(table, |out| unsafe { (table.0.create)(bytes.as_ptr(), bytes.len(), &mut instance, out) });
        if code != OK || instance.is_null() {
            let message = String::from_utf8_lossy(&message).into_owned();
            let message =
                if code == PANICKED { format!("the plugin panicked while starting: {message}") } else { message };
            return Err(OptionsError::new(Vec::new(), message));
        }
        Ok(PluginAnalyzer { table, instance, name, requires, provides: vec![own] })
    }
}

impl Drop for PluginAnalyzer {
    fn drop(&mut self) {
        // SAFETY: the instance came from this plugin's create and is destroyed once.
        unsafe { (self.table.0.destroy)(self.instance) };
    }
}

impl Analyzer for PluginAnalyzer {
    fn name(&self) -> &str {
        &self.name
    }

    fn requires(&self) -> &[Layer] {
        &self.requires
    }

    fn provides(&self) -> &[Layer] {
        &self.provides
    }

    fn analyze(&self, doc: &mut Document) -> Result<(), AnalyzeError> {
        let mut json = Vec::with_capacity(doc.text().len() * 2 + 1024);
        serde_json::to_writer(&mut json, &PluginInput::new(doc, &self.requires))
            .map_err(|e| AnalyzeError::Failed(e.to_string()))?;
        let table = self.table;
        // SAFETY: analyze reads the document bytes and writes a buffer; the instance is live.
        let (code, bytes) =
            call(table, |out| unsafe { (table.0.analyze)(self.instance, json.as_ptr(), json.len(), out) });
        let said = || String::from_utf8_lossy(&bytes).into_owned();
        match code {
            OK => {}
            PANICKED => return Err(AnalyzeError::Failed(format!("the plugin panicked: {}", said()))),
            _ => return Err(AnalyzeError::Failed(format!("the plugin failed: {}", said()))),
        }
        let layer: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| AnalyzeError::Failed(format!("the plugin returned invalid JSON: {e}")))?;
        check_spans(&layer, doc.text(), false)
            .map_err(|e| AnalyzeError::Failed(format!("the plugin returned a bad span: {e}")))?;
        doc.layers.plugins.insert(self.name.clone(), layer);
        Ok(())
    }
}

/// What a plugin is sent: the document with only the layers it requires (less to encode and
/// decode at the boundary, and nothing it did not ask for), borrowed, never copied.
#[derive(serde::Serialize)]
struct PluginInput<'a> {
    id: &'a str,
    lang: &'a str,
    text: &'a str,
    meta: &'a khabar_core::Meta,
    #[serde(skip_serializing_if = "Option::is_none")]
    zones: Option<&'a [khabar_core::Zone]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraphs: Option<&'a [khabar_core::Paragraph]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentences: Option<&'a [khabar_core::Sentence]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    dates: Option<&'a [khabar_core::DateMention]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speakers: Option<&'a [khabar_core::Speaker]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quotes: Option<&'a [khabar_core::Quote]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicates: Option<&'a [khabar_core::Duplicate]>,
    plugins: std::collections::BTreeMap<&'a str, &'a serde_json::Value>,
}

impl<'a> PluginInput<'a> {
    fn new(doc: &'a Document, requires: &[Layer]) -> PluginInput<'a> {
        let l = &doc.layers;
        let pick = |layer: Layer| requires.contains(&layer);
        PluginInput {
            id: &doc.id,
            lang: &doc.lang,
            text: doc.text(),
            meta: &doc.meta,
            zones: l.zones.as_deref().filter(|_| pick(Layer::Zones)),
            paragraphs: l.paragraphs.as_deref().filter(|_| pick(Layer::Paragraphs)),
            sentences: l.sentences.as_deref().filter(|_| pick(Layer::Sentences)),
            dates: l.dates.as_deref().filter(|_| pick(Layer::Dates)),
            speakers: l.speakers.as_deref().filter(|_| pick(Layer::Speakers)),
            quotes: l.quotes.as_deref().filter(|_| pick(Layer::Quotes)),
            duplicates: l.duplicates.as_deref().filter(|_| pick(Layer::Duplicates)),
            plugins: l
                .plugins
                .iter()
                .filter(|(name, _)| pick(Layer::Plugin((*name).clone())))
                .map(|(name, value)| (name.as_str(), value))
                .collect(),
        }
    }
}

/// Checks every span-valued field (`span`, `*_span`; lists in `mentions`, `*_spans`).
fn check_spans(value: &serde_json::Value, text: &str, is_list: bool) -> Result<(), String> {
    use serde_json::Value;
    let check = |v: &Value| -> Result<(), String> {
        let pair = v.as_array().filter(|a| a.len() == 2).and_then(|a| Some((a[0].as_u64()?, a[1].as_u64()?)));
        let (start, end) = pair.ok_or_else(|| format!("{v} is not a [start, end] pair"))?;
        Span::new(text, start as usize, end as usize).map(|_| ()).map_err(|e| e.to_string())
    };
    match value {
        Value::Array(items) if is_list => items.iter().try_for_each(check),
        Value::Array(items) => items.iter().try_for_each(|v| check_spans(v, text, false)),
        Value::Object(map) => map.iter().try_for_each(|(key, v)| {
            if key == "span" || key.ends_with("_span") {
                if v.is_null() { Ok(()) } else { check(v) }
            } else if key == "mentions" || key.ends_with("_spans") {
                check_spans(v, text, true)
            } else {
                check_spans(v, text, false)
            }
        }),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_in_plugin_layers_are_checked() {
        let text = "قال";
        assert!(
            check_spans(&serde_json::json!({"hits": [{"span": [0, 6]}], "mentions": [[0, 2]]}), text, false).is_ok()
        );
        let err = check_spans(&serde_json::json!({"hits": [{"span": [0, 1]}]}), text, false).unwrap_err();
        assert!(err.contains("not on a char boundary"), "{err}");
        assert!(check_spans(&serde_json::json!({"cue_span": [0, 99]}), text, false).is_err());
        assert!(check_spans(&serde_json::json!({"mentions": [[0, 2], "x"]}), text, false).is_err());
    }
}
