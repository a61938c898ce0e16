//! `khabar test` end to end: a team's fixture folder, its snapshots, and what CI sees.

use std::fs;
use std::path::Path;

use khabar_tests::{Run, fixtures, khabar, khabar_with_env};

const FIXTURES: [&str; 2] = ["ar-lavrov-middle-east.txt", "ar-agency-dateline.txt"];

/// A folder with two fixtures (one from this suite, one from segment's) and their snapshots.
fn team_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sources =
        [fixtures().join(FIXTURES[0]), fixtures().join("../../crates/khabar-segment/tests/fixtures").join(FIXTURES[1])];
    fs::create_dir(dir.path().join("fixtures")).unwrap();
    for source in sources {
        fs::copy(&source, dir.path().join("fixtures").join(source.file_name().unwrap())).unwrap();
    }
    let run = test(dir.path(), &["--update"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    dir
}

fn test(dir: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["test", "--fixtures", "fixtures"];
    args.extend_from_slice(extra);
    khabar(dir, &args, b"")
}

fn snap(dir: &Path, name: &str) -> std::path::PathBuf {
    dir.join("fixtures/snapshots").join(format!("khabar__{name}.snap"))
}

#[test]
fn all_fixtures_match() {
    let dir = team_folder();
    let run = test(dir.path(), &[]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("ok        ar-lavrov-middle-east"), "{}", run.stdout);
    assert!(run.stdout.contains("2 fixtures, 2 ok, 0 changed"), "{}", run.stdout);
}

#[test]
fn a_changed_fixture_fails_with_a_diff_and_a_pending_snapshot() {
    let dir = team_folder();
    let path = dir.path().join("fixtures/ar-agency-dateline.txt");
    let text = fs::read_to_string(&path).unwrap().replace(" // انتهى //\n", " المصدر: واس\n");
    fs::write(&path, text).unwrap();

    let run = test(dir.path(), &[]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(run.stdout.contains("CHANGED   ar-agency-dateline"), "{}", run.stdout);
    assert!(run.stdout.contains("-  z2 boilerplate"), "{}", run.stdout);
    assert!(run.stdout.contains("+  z2 source [580..600) \"المصدر: واس\""), "{}", run.stdout);
    assert!(run.stdout.contains("+meta.source: \"واس\""), "{}", run.stdout);
    let pending = snap(dir.path(), "ar-agency-dateline").with_extension("snap.new");
    assert!(pending.exists());

    // CI sees the same failure, and nothing is written.
    fs::remove_file(&pending).unwrap();
    let run = khabar_with_env(dir.path(), &["test", "--fixtures", "fixtures"], b"", &[("CI", "true")]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("CHANGED   ar-agency-dateline"));
    assert!(!pending.exists());

    // Accepting rewrites the snapshot; then all match.
    let run = test(dir.path(), &["--update"]);
    assert_eq!(run.code, 0);
    assert!(fs::read_to_string(snap(dir.path(), "ar-agency-dateline")).unwrap().contains("meta.source: \"واس\""));
    assert_eq!(test(dir.path(), &[]).code, 0);
}

#[test]
fn a_fixture_without_a_snapshot_fails() {
    let dir = team_folder();
    fs::write(dir.path().join("fixtures/new-story.txt"), "عنوان جديد\nنص الخبر الجديد.").unwrap();
    let run = test(dir.path(), &[]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("MISSING   new-story"), "{}", run.stdout);
    assert!(snap(dir.path(), "new-story").with_extension("snap.new").exists());
}

#[test]
fn snapshots_without_a_fixture_are_reported_and_can_be_rejected() {
    let dir = team_folder();
    fs::remove_file(dir.path().join("fixtures/ar-agency-dateline.txt")).unwrap();
    let run = test(dir.path(), &[]);
    assert_eq!(run.code, 0, "warn is the default");
    assert!(run.stdout.contains("UNREFERENCED no fixture for"), "{}", run.stdout);
    let run = test(dir.path(), &["--unreferenced", "reject"]);
    assert_eq!(run.code, 1);
    let run = test(dir.path(), &["--unreferenced", "delete"]);
    assert_eq!(run.code, 0);
    assert!(!snap(dir.path(), "ar-agency-dateline").exists());
}

#[test]
fn a_fixture_can_carry_its_own_config_and_publication_date() {
    let dir = team_folder();
    let config = "pipeline = [\"segment\"]\n[analyzers.segment]\ntitle = false\n[fixture]\npublished = \"2024-02-13\"\nlang = \"ar\"\n";
    fs::write(dir.path().join("fixtures/ar-lavrov-middle-east.toml"), config).unwrap();
    let run = test(dir.path(), &[]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("+meta.published: 2024-02-13 from input \"2024-02-13\""), "{}", run.stdout);
    assert!(run.stdout.contains("-  z0 title"), "{}", run.stdout);
}

#[test]
fn insta_reads_the_snapshots_khabar_writes() {
    let dir = team_folder();
    let path = snap(dir.path(), "ar-lavrov-middle-east");
    let snapshot = insta::Snapshot::from_file(&path).unwrap();
    let insta::internals::SnapshotContents::Text(contents) = snapshot.contents() else {
        panic!("a text snapshot");
    };
    let written = fs::read_to_string(&path).unwrap();
    assert_eq!(contents.to_string(), khabar_runner::snapshot::snapshot_contents(&written).trim_end());
    assert!(contents.to_string().contains("z2 body"));
}
