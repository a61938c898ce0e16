//! The binary starts and shows its help. (Its presence here also makes `cargo test` build
//! the `khabar` binary that the end-to-end suite in `tests/` runs.)

use std::process::Command;

#[test]
fn help_lists_the_commands_and_examples() {
    let out = Command::new(env!("CARGO_BIN_EXE_khabar")).arg("--help").output().unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    for needle in ["analyze", "analyzers", "config", "Examples:", "Exit status"] {
        assert!(help.contains(needle), "{needle} missing from:\n{help}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let out = Command::new(env!("CARGO_BIN_EXE_khabar")).args(["analyze"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(["analyze", "--published", "someday", "x.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--published"));
}
