//! A plugin that misbehaves on purpose, so the host's tests can watch it cope: it panics on a
//! document containing `panic_on`, and with `bad_span` it returns a span that splits a
//! character. Otherwise it reports the document's length.

use khabar_core::{AnalyzeError, Analyzer, Document, Layer, Options, OptionsError, parse_options};
use khabar_plugin::{Description, Plugin};
use serde::Deserialize;

#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct FaultyOptions {
    panic_on: Option<String>,
    bad_span: bool,
}

struct Faulty {
    options: FaultyOptions,
    provides: Vec<Layer>,
}

impl Analyzer for Faulty {
    fn name(&self) -> &str {
        "faulty"
    }

    fn requires(&self) -> &[Layer] {
        &[]
    }

    fn provides(&self) -> &[Layer] {
        &self.provides
    }

    fn analyze(&self, doc: &mut Document) -> Result<(), AnalyzeError> {
        if let Some(marker) = &self.options.panic_on {
            assert!(!doc.text().contains(marker.as_str()), "found the marker {marker}");
        }
        let layer = if self.options.bad_span {
            serde_json::json!({ "hits": [{ "span": [0, 1] }] })
        } else {
            serde_json::json!({ "bytes": doc.text().len() })
        };
        doc.layers.plugins.insert("faulty".into(), layer);
        Ok(())
    }
}

struct FaultyPlugin;

impl Plugin for FaultyPlugin {
    fn describe() -> Description {
        Description {
            name: "faulty".into(),
            version: "0".into(),
            summary: "misbehaves on purpose".into(),
            requires: Vec::new(),
            provides: vec!["plugins.faulty".into()],
            options: Vec::new(),
        }
    }

    fn create(options: &Options) -> Result<Box<dyn Analyzer>, OptionsError> {
        let options = parse_options(options)?;
        Ok(Box::new(Faulty { options, provides: vec![Layer::Plugin("faulty".into())] }))
    }
}

khabar_plugin::export_plugin!(FaultyPlugin);
