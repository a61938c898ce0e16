//! The plugin side: what [`export_plugin!`](crate::export_plugin) expands to.

use std::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};

use khabar_core::{Analyzer, Document, OptionDoc, Options, OptionsError};
use serde::Serialize;

use crate::{ABI_VERSION, Buffer, ERROR, OK, PANICKED, PluginTable};

/// What a plugin says about itself.
#[derive(Debug, Clone, Serialize)]
pub struct Description {
    /// The analyzer's name (its layer is `plugins.<name>`).
    pub name: String,
    /// The plugin's version.
    pub version: String,
    /// One line on what it finds.
    pub summary: String,
    /// Layers it needs.
    pub requires: Vec<String>,
    /// Layers it writes: `plugins.<name>`.
    pub provides: Vec<String>,
    /// Its options.
    pub options: Vec<OptionDoc>,
}

/// Implemented by a plugin crate, once, for [`export_plugin!`](crate::export_plugin).
pub trait Plugin {
    /// Describes the analyzer.
    fn describe() -> Description;
    /// Builds the analyzer from its options.
    fn create(options: &Options) -> Result<Box<dyn Analyzer>, OptionsError>;
}

/// The instance behind the opaque pointer.
struct Instance {
    name: String,
    analyzer: Box<dyn Analyzer>,
}

fn panic_text(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".to_owned())
}

/// Runs `body`, writing its bytes or its error to `out`, and turning a panic into [`PANICKED`].
fn guard(out: *mut Buffer, body: impl FnOnce() -> Result<Vec<u8>, String>) -> i32 {
    let (code, bytes) = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(bytes)) => (OK, bytes),
        Ok(Err(message)) => (ERROR, message.into_bytes()),
        Err(panic) => (PANICKED, panic_text(&panic).into_bytes()),
    };
    if !out.is_null() {
        // SAFETY: the host passes a valid pointer to a Buffer it owns.
        unsafe { out.write(Buffer::from_vec(bytes)) };
    }
    code
}

/// # Safety
/// `out` must be null or point to a writable `Buffer`.
unsafe extern "C" fn describe<P: Plugin>(out: *mut Buffer) -> i32 {
    guard(out, || serde_json::to_vec(&P::describe()).map_err(|e| e.to_string()))
}

/// # Safety
/// `options` must point to `len` readable bytes; `instance` and `out` to writable slots.
unsafe extern "C" fn create<P: Plugin>(
    options: *const u8,
    len: usize,
    instance: *mut *mut c_void,
    out: *mut Buffer,
) -> i32 {
    guard(out, || {
        // SAFETY: the host passes its own options bytes.
        let bytes = if options.is_null() { &[][..] } else { unsafe { std::slice::from_raw_parts(options, len) } };
        let options: Options = if bytes.is_empty() {
            Options::Null
        } else {
            serde_json::from_slice(bytes).map_err(|e| format!("options are not JSON: {e}"))?
        };
        let analyzer = P::create(&options)
            .map_err(|e| if e.path.is_empty() { e.message } else { format!("{}: {}", e.path.join("."), e.message) })?;
        let boxed = Box::new(Instance { name: P::describe().name, analyzer });
        // SAFETY: the host passes a writable slot for the instance pointer.
        unsafe { instance.write(Box::into_raw(boxed).cast()) };
        Ok(Vec::new())
    })
}

/// # Safety
/// `instance` must come from `create` and not be destroyed; `document` must point to `len`
/// readable bytes; `out` to a writable `Buffer`.
unsafe extern "C" fn analyze(instance: *mut c_void, document: *const u8, len: usize, out: *mut Buffer) -> i32 {
    guard(out, || {
        // SAFETY: the host passes an instance from `create`, shared read-only across threads.
        let instance = unsafe { &*instance.cast::<Instance>() };
        // SAFETY: the host passes the document bytes it owns for the call's duration.
        let bytes = unsafe { std::slice::from_raw_parts(document, len) };
        // Validated once, with SIMD (the document's text is most of it), then parsed as a str so
        // that serde_json does not check the UTF-8 again.
        let json = simdutf8::basic::from_utf8(bytes).map_err(|_| "document is not UTF-8".to_owned())?;
        let mut doc: Document = serde_json::from_str(json).map_err(|e| format!("document is not valid JSON: {e}"))?;
        instance.analyzer.analyze(&mut doc).map_err(|e| e.to_string())?;
        let layer = doc.layers.plugins.remove(&instance.name).unwrap_or(serde_json::Value::Null);
        serde_json::to_vec(&layer).map_err(|e| e.to_string())
    })
}

/// # Safety
/// `instance` must come from `create`, once.
unsafe extern "C" fn destroy(instance: *mut c_void) {
    if !instance.is_null() {
        let _ = catch_unwind(AssertUnwindSafe(|| {
            // SAFETY: the pointer came from Box::into_raw in `create`.
            drop(unsafe { Box::from_raw(instance.cast::<Instance>()) });
        }));
    }
}

/// # Safety
/// `buffer` must have been returned by this library, once.
unsafe extern "C" fn free_buffer(buffer: Buffer) {
    // SAFETY: the buffer came from Buffer::from_vec in this library.
    drop(unsafe { buffer.into_vec() });
}

/// The table for plugin `P`.
pub const fn table<P: Plugin>() -> PluginTable {
    PluginTable {
        abi_version: ABI_VERSION,
        size: std::mem::size_of::<PluginTable>() as u32,
        describe: describe::<P>,
        create: create::<P>,
        analyze,
        destroy,
        free_buffer,
    }
}

/// Exports plugin `$plugin` (a type implementing [`Plugin`]) as the library's khabar entry point.
#[macro_export]
macro_rules! export_plugin {
    ($plugin:ty) => {
        /// The khabar plugin entry point (ABI v1).
        #[unsafe(no_mangle)]
        pub extern "C" fn khabar_plugin_v1() -> *const $crate::PluginTable {
            static TABLE: $crate::PluginTable = $crate::guest::table::<$plugin>();
            &TABLE
        }
    };
}
