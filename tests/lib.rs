//! Helpers for the end-to-end suite: run the `khabar` binary and read what it wrote.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The `khabar` binary cargo built for this test run (beside the test executable's `deps/`).
pub fn khabar_bin() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let dir = exe.parent().and_then(Path::parent).expect("target directory");
    let bin = dir.join(format!("khabar{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} is missing: run the suite with `cargo test --workspace`", bin.display());
    bin
}

/// A plugin library cargo built for this test run (`cargo test --workspace` builds the
/// workspace's plugin crates; this package depends on them for that).
pub fn plugin_library(crate_name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    let deps = exe.parent().expect("deps directory");
    let file = format!("{}{crate_name}{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX);
    let candidates = [deps.join(&file), deps.parent().map(|d| d.join(&file)).unwrap_or_default()];
    candidates.into_iter().find(|p| p.is_file()).unwrap_or_else(|| panic!("{file} was not built"))
}

/// Compiles a C plugin source into `dir` with the system C compiler and the khabar header.
pub fn compile_c(dir: &Path, name: &str, source: &str) -> PathBuf {
    let include = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/khabar-plugin/include");
    let src = dir.join(format!("{name}.c"));
    std::fs::write(&src, source).expect("write C source");
    let out = dir.join(format!("{}{name}{}", std::env::consts::DLL_PREFIX, std::env::consts::DLL_SUFFIX));
    let status = Command::new(std::env::var("CC").unwrap_or_else(|_| "cc".into()))
        .args(["-shared", "-fPIC", "-Wall", "-o"])
        .arg(&out)
        .arg("-I")
        .arg(&include)
        .arg(&src)
        .status()
        .expect("a C compiler (cc) is installed");
    assert!(status.success(), "compiling {name}.c failed");
    out
}

/// The directory of the project's fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// What one run printed and how it ended.
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Standard output as JSON Lines.
    pub fn json_lines(&self) -> Vec<serde_json::Value> {
        self.stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect()
    }
}

/// Runs `khabar` with `args` in `dir`, feeding `stdin`.
pub fn khabar(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    khabar_with_env(dir, args, stdin, &[])
}

/// Runs `khabar` with extra environment variables.
pub fn khabar_with_env(dir: &Path, args: &[&str], stdin: &[u8], env: &[(&str, &str)]) -> Run {
    let mut child = Command::new(khabar_bin())
        .args(args)
        .current_dir(dir)
        .env_remove("CI")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("khabar starts");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin).expect("write stdin");
    drop(input);
    let out = child.wait_with_output().expect("khabar ends");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
