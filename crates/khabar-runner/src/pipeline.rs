//! A validated sequence of analyzers, and running it on one document.

use std::panic::{AssertUnwindSafe, catch_unwind};

use khabar_core::{Analyzer, Document, Layer};

/// The analyzers of a run, in order.
pub struct Pipeline {
    analyzers: Vec<Box<dyn Analyzer>>,
}

/// Why a document's analysis failed.
#[derive(Debug, thiserror::Error)]
#[error("analyzer `{analyzer}` {problem}")]
pub struct PipelineError {
    /// The analyzer that failed.
    pub analyzer: String,
    /// What went wrong.
    pub problem: String,
}

impl Pipeline {
    /// A pipeline of `analyzers`, already validated (see `Config`).
    pub fn new(analyzers: Vec<Box<dyn Analyzer>>) -> Pipeline {
        Pipeline { analyzers }
    }

    /// The analyzers.
    pub fn analyzers(&self) -> &[Box<dyn Analyzer>] {
        &self.analyzers
    }

    /// Positions of the analyzers that need an observation pass over the corpus.
    pub fn corpus_positions(&self) -> Vec<usize> {
        (0..self.analyzers.len()).filter(|&i| self.analyzers[i].corpus().is_some()).collect()
    }

    /// Runs every analyzer on `doc`.
    pub fn analyze(&self, doc: &mut Document) -> Result<(), PipelineError> {
        self.analyze_prefix(doc, self.analyzers.len())
    }

    /// Runs the first `count` analyzers on `doc`. A panic inside an analyzer fails this
    /// document only; an analyzer that writes a layer it did not declare fails it too.
    pub fn analyze_prefix(&self, doc: &mut Document, count: usize) -> Result<(), PipelineError> {
        for analyzer in self.analyzers.iter().take(count) {
            let before = Footprint::of(doc);
            let outcome = catch_unwind(AssertUnwindSafe(|| analyzer.analyze(doc)));
            let fail = |problem: String| PipelineError { analyzer: analyzer.name().to_owned(), problem };
            match outcome {
                Ok(Ok(())) => {}
                Ok(Err(err)) => return Err(fail(format!("failed: {err}"))),
                Err(panic) => return Err(fail(format!("panicked: {}", panic_message(&panic)))),
            }
            if let Some(layer) = before.undeclared_change(doc, analyzer.provides()) {
                return Err(fail(format!("wrote the `{layer}` layer, which it does not declare in `provides`")));
            }
        }
        Ok(())
    }

    /// Observes `doc` for the corpus analyzer at `position`, after running those before it.
    pub fn observe(&self, doc: &mut Document, position: usize) -> Result<(), PipelineError> {
        self.analyze_prefix(doc, position)?;
        let analyzer = &self.analyzers[position];
        let Some(corpus) = analyzer.corpus() else { return Ok(()) };
        let fail = |problem: String| PipelineError { analyzer: analyzer.name().to_owned(), problem };
        match catch_unwind(AssertUnwindSafe(|| corpus.observe(doc))) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(err)) => Err(fail(format!("failed to observe: {err}"))),
            Err(panic) => Err(fail(format!("panicked: {}", panic_message(&panic)))),
        }
    }

    /// Ends the observation pass of the corpus analyzer at `position`.
    pub fn seal(&self, position: usize) -> Result<(), PipelineError> {
        let analyzer = &self.analyzers[position];
        let Some(corpus) = analyzer.corpus() else { return Ok(()) };
        corpus.seal().map_err(|err| PipelineError {
            analyzer: analyzer.name().to_owned(),
            problem: format!("failed to seal: {err}"),
        })
    }
}

/// Presence and size of every typed and plugin layer, to see what an analyzer changed.
struct Footprint {
    typed: [Option<usize>; Layer::TYPED.len()],
    plugins: Vec<String>,
}

impl Footprint {
    fn of(doc: &Document) -> Footprint {
        Footprint {
            typed: Layer::TYPED.map(|layer| doc.layer_state(&layer)),
            plugins: doc.layers.plugins.keys().cloned().collect(),
        }
    }

    fn undeclared_change(&self, doc: &Document, provides: &[Layer]) -> Option<Layer> {
        for (layer, before) in Layer::TYPED.iter().zip(&self.typed) {
            if doc.layer_state(layer) != *before && !provides.contains(layer) {
                return Some(layer.clone());
            }
        }
        doc.layers
            .plugins
            .keys()
            .filter(|name| !self.plugins.contains(name))
            .map(|name| Layer::Plugin(name.clone()))
            .find(|layer| !provides.contains(layer))
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = panic.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = panic.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic payload".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use khabar_core::AnalyzeError;

    use super::*;

    struct Sneaky {
        declared: Vec<Layer>,
        panics: bool,
    }

    impl Analyzer for Sneaky {
        fn name(&self) -> &str {
            "sneaky"
        }
        fn requires(&self) -> &[Layer] {
            &[]
        }
        fn provides(&self) -> &[Layer] {
            &self.declared
        }
        fn analyze(&self, doc: &mut Document) -> Result<(), AnalyzeError> {
            assert!(!self.panics, "boom");
            doc.meta.title = Some("x".into());
            Ok(())
        }
    }

    #[test]
    fn rejects_undeclared_layers_and_contains_panics() {
        let mut doc = Document::new("d", "en", "text");
        let honest = Pipeline::new(vec![Box::new(Sneaky { declared: vec![Layer::Title], panics: false })]);
        honest.analyze(&mut doc).unwrap();

        let mut doc = Document::new("d", "en", "text");
        let sneaky = Pipeline::new(vec![Box::new(Sneaky { declared: vec![], panics: false })]);
        let err = sneaky.analyze(&mut doc).unwrap_err();
        assert!(err.to_string().contains("`meta.title`"), "{err}");

        let panicky = Pipeline::new(vec![Box::new(Sneaky { declared: vec![], panics: true })]);
        let err = panicky.analyze(&mut doc).unwrap_err();
        assert!(err.to_string().contains("panicked: boom"), "{err}");
    }
}
