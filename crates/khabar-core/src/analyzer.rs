use crate::document::{Document, Layer};
use crate::span::SpanError;

/// Why an analyzer could not annotate a document. The runner reports it with the
/// document's place and the analyzer's name, and goes on with the other documents.
#[derive(Debug, thiserror::Error)]
pub enum AnalyzeError {
    /// A layer the analyzer requires is absent (the pipeline was built by hand, not validated).
    #[error("the `{0}` layer is missing")]
    MissingLayer(Layer),
    /// The analyzer computed a span that does not fit the text.
    #[error(transparent)]
    Span(#[from] SpanError),
    /// Anything else, in words.
    #[error("{0}")]
    Failed(String),
}

/// One step of a pipeline: reads some layers of a document and adds others.
///
/// An analyzer is built once from its options and then shared by every worker thread, so
/// `analyze` takes `&self`; per-document state lives on the stack.
pub trait Analyzer: Send + Sync {
    /// The name configs use for it.
    fn name(&self) -> &str;

    /// Layers that must be present before it runs (provided by an earlier analyzer).
    fn requires(&self) -> &[Layer];

    /// Layers it writes; it must write no others (the runner checks).
    fn provides(&self) -> &[Layer];

    /// Annotates one document.
    fn analyze(&self, doc: &mut Document) -> Result<(), AnalyzeError>;

    /// For an analyzer that needs to see the whole corpus before it annotates any document
    /// (duplicates across documents): its observation pass. See [`CorpusAnalyzer`].
    fn corpus(&self) -> Option<&dyn CorpusAnalyzer> {
        None
    }
}

/// The corpus-level lifecycle.
///
/// When any analyzer of a pipeline returns `Some` from [`Analyzer::corpus`], the runner reads
/// the inputs twice:
///
/// 1. **observe**: every document is run through the analyzers *before* this one, then handed
///    to [`CorpusAnalyzer::observe`]. Calls come from many threads and in any order; the
///    document's `seq` (its position in the input) identifies it. The analyzer keeps only
///    what it needs to compare (fingerprints), never the text.
/// 2. **seal**: called once, after every document was observed: build the index.
/// 3. **annotate**: the inputs are read again and the whole pipeline runs as usual;
///    [`Analyzer::analyze`] now consults the sealed index.
///
/// Memory thus grows with the fingerprints, not the text, and outputs keep input order.
pub trait CorpusAnalyzer: Send + Sync {
    /// Records what the analyzer needs of one document.
    fn observe(&self, doc: &Document) -> Result<(), AnalyzeError>;

    /// Ends the observation pass.
    fn seal(&self) -> Result<(), AnalyzeError>;
}
