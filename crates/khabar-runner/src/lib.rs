//! khabar's runner: everything between the command line and the analyzers.
//!
//! - [`config`]: the TOML config, validated as a whole (every error with its line and column
//!   and what would be valid), and the embedded default.
//! - [`input`]: `.txt`, JSON Lines, directories and standard input, streamed, each bad
//!   document reported with its place.
//! - [`run`]: parallel analysis with output in input order, the corpus-level passes, the
//!   progress bar and the summary.
//! - [`output`]: JSON and JSON Lines, byte or char offsets; [`html`]: the reading view.
//! - [`builtin`]: the registry of built-in analyzers; [`plugins`]: loading plugin analyzers.
//! - [`snapshot`]: `khabar test`, fixtures compared with insta snapshots.
//!
//! The `khabar` binary (`src/main.rs`) is a thin clap front end over these.

pub mod builtin;
pub mod config;
pub mod diagnostic;
pub mod html;
pub mod input;
pub mod output;
pub mod pipeline;
pub mod plugins;
pub mod published;
pub mod run;
pub mod snapshot;
