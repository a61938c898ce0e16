//! khabar's plugin ABI: how an analyzer built as a dynamic library (`cdylib`) talks to the
//! `khabar` host, whatever compiler or language built it.
//!
//! A plugin exports one C symbol, [`ENTRY_SYMBOL`] (`khabar_plugin_v1`: the ABI major version
//! is in the name), returning a pointer to a [`PluginTable`]. The table's first fields are the
//! ABI version and the table's size, and fields are only ever appended, so a host can read
//! tables of later minor versions. Everything else crosses as UTF-8 JSON in [`Buffer`]s:
//!
//! - `describe` → `{"name", "version", "summary", "requires": [layer], "provides":
//!   ["plugins.<name>"], "options": [{"name", "default", "doc"}]}`
//! - `create(options JSON)` → an opaque instance, or an error message
//! - `analyze(instance, document JSON)` → the plugin's layer (any JSON), or an error message;
//!   the document is the output contract's object with byte offsets, and the host may call
//!   `analyze` on one instance from several threads at once
//! - `destroy(instance)`, and `free_buffer` for every buffer the plugin returned: whoever
//!   allocates frees.
//!
//! Return codes: [`OK`], [`ERROR`] (the buffer holds the message), [`PANICKED`]. The C header
//! is `include/khabar_plugin.h`.
//!
//! For plugin authors in Rust, [`export_plugin!`] does all of this: write an
//! [`Analyzer`](khabar_core::Analyzer) that puts its result under
//! `doc.layers.plugins[<name>]`, implement [`Plugin`] to describe and build it, and add one line:
//!
//! ```ignore
//! khabar_plugin::export_plugin!(MyPlugin);
//! ```
//!
//! Every exported function catches panics, so a panicking plugin fails one document, not the
//! run. `plugins/khabar-agencies` is a complete example.

#![deny(missing_docs)]

use std::ffi::c_void;

pub mod guest;

pub use guest::{Description, Plugin};

/// The ABI major version this crate speaks.
pub const ABI_VERSION: u32 = 1;

/// The entry symbol's name, NUL-terminated.
pub const ENTRY_SYMBOL: &[u8] = b"khabar_plugin_v1\0";

/// Success.
pub const OK: i32 = 0;
/// Failure; the output buffer holds a UTF-8 message.
pub const ERROR: i32 = 1;
/// The plugin panicked; the output buffer holds what it said.
pub const PANICKED: i32 = 2;

/// Bytes allocated by the plugin, handed to the host, and given back to `free_buffer`.
#[repr(C)]
#[derive(Debug)]
pub struct Buffer {
    /// Start of the bytes (null when empty).
    pub ptr: *mut u8,
    /// Number of bytes.
    pub len: usize,
    /// Allocation size, for the plugin's own bookkeeping.
    pub cap: usize,
}

impl Buffer {
    /// An empty buffer.
    pub const fn empty() -> Buffer {
        Buffer { ptr: std::ptr::null_mut(), len: 0, cap: 0 }
    }

    /// Hands a vector's allocation over (freed by [`Buffer::into_vec`] in the same library).
    pub fn from_vec(bytes: Vec<u8>) -> Buffer {
        let mut bytes = std::mem::ManuallyDrop::new(bytes);
        Buffer { ptr: bytes.as_mut_ptr(), len: bytes.len(), cap: bytes.capacity() }
    }

    /// Takes the allocation back.
    ///
    /// # Safety
    /// The buffer must come from [`Buffer::from_vec`] in this same library, once.
    pub unsafe fn into_vec(self) -> Vec<u8> {
        if self.ptr.is_null() {
            return Vec::new();
        }
        // SAFETY: the caller promises the parts came from a Vec of this allocator.
        unsafe { Vec::from_raw_parts(self.ptr, self.len, self.cap) }
    }

    /// The bytes, borrowed.
    ///
    /// # Safety
    /// `ptr` must point to `len` readable bytes (or be null).
    pub unsafe fn as_slice(&self) -> &[u8] {
        if self.ptr.is_null() {
            return &[];
        }
        // SAFETY: the caller promises ptr and len describe live bytes.
        unsafe { std::slice::from_raw_parts(self.ptr, self.len) }
    }
}

/// `describe(out)`: writes the description JSON.
pub type DescribeFn = unsafe extern "C" fn(out: *mut Buffer) -> i32;
/// `create(options, len, instance, out)`: builds an instance from options JSON.
pub type CreateFn =
    unsafe extern "C" fn(options: *const u8, len: usize, instance: *mut *mut c_void, out: *mut Buffer) -> i32;
/// `analyze(instance, document, len, out)`: returns the plugin's layer JSON.
pub type AnalyzeFn =
    unsafe extern "C" fn(instance: *mut c_void, document: *const u8, len: usize, out: *mut Buffer) -> i32;
/// `destroy(instance)`.
pub type DestroyFn = unsafe extern "C" fn(instance: *mut c_void);
/// `free_buffer(buffer)`: frees a buffer the plugin returned.
pub type FreeFn = unsafe extern "C" fn(buffer: Buffer);

/// The table a plugin's entry symbol returns. Fields are only appended in later versions.
#[repr(C)]
pub struct PluginTable {
    /// [`ABI_VERSION`] of the plugin.
    pub abi_version: u32,
    /// `size_of::<PluginTable>()` as the plugin saw it.
    pub size: u32,
    /// Describes the analyzer.
    pub describe: DescribeFn,
    /// Builds an instance.
    pub create: CreateFn,
    /// Analyses one document.
    pub analyze: AnalyzeFn,
    /// Drops an instance.
    pub destroy: DestroyFn,
    /// Frees a returned buffer.
    pub free_buffer: FreeFn,
}

/// The entry symbol's type.
pub type EntryFn = unsafe extern "C" fn() -> *const PluginTable;
