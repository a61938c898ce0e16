//! Plugins end to end: the Rust example (`agencies`) and a C plugin loaded from configs, every
//! host error, a plugin that panics on one document, and one whose spans break the rules.

use std::fs;
use std::path::Path;

use khabar_tests::{Run, compile_c, khabar, plugin_library};
use serde_json::Value;

const MINIMAL_C: &str = include_str!("../plugins/c-minimal/minimal.c");

/// A config folder with `plugins/<file>` copied from `library`, and a config naming it.
fn folder_with(library: &Path, name: &str, extra: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("plugins")).unwrap();
    let file = library.file_name().unwrap().to_string_lossy().into_owned();
    fs::copy(library, dir.path().join("plugins").join(&file)).unwrap();
    let config =
        format!("pipeline = [\"segment\", \"{name}\"]\n\n[plugins.{name}]\npath = \"plugins/{file}\"\n{extra}");
    fs::write(dir.path().join("khabar.toml"), config).unwrap();
    dir
}

fn analyze(dir: &Path, input: &str, stdin: &[u8]) -> Run {
    khabar(dir, &["analyze", "-q", "-c", "khabar.toml", "--format", "jsonl", input], stdin)
}

#[test]
fn the_agencies_plugin_writes_its_layer() {
    let dir = folder_with(
        &plugin_library("khabar_agencies"),
        "agencies",
        "\n[analyzers.agencies]\nextra = [\"وكالة سبأ\"]\n",
    );
    fs::write(
        dir.path().join("a.txt"),
        "عدن (أ ف ب) - قال مسؤول لوكالة رويترز، بحسب ما نقلت وكالة سبأ، إن الهدنة صامدة.",
    )
    .unwrap();
    let run = analyze(dir.path(), "a.txt", b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = &run.json_lines()[0];
    assert_eq!(doc["plugins"]["agencies"]["agencies"], serde_json::json!(["AFP", "Reuters", "وكالة سبأ"]));
    let credit = &doc["plugins"]["agencies"]["credits"][0];
    assert_eq!(credit["text"], "أ ف ب");

    let listed = khabar(dir.path(), &["analyzers", "-c", "khabar.toml"], b"");
    assert!(listed.stdout.contains("agencies (plugin "), "{}", listed.stdout);
    assert!(listed.stdout.contains("provides: plugins.agencies"), "{}", listed.stdout);
}

#[test]
fn a_plugin_written_in_c_loads_and_runs() {
    let build = tempfile::tempdir().unwrap();
    let library = compile_c(build.path(), "minimal", MINIMAL_C);
    let dir = folder_with(&library, "minimal", "");
    let run = analyze(dir.path(), "-", "سطر أول.\nسطر ثان.".as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let layer = &run.json_lines()[0]["plugins"]["minimal"];
    assert_eq!(layer["lines"], 2);
    assert!(layer["document_json_bytes"].as_u64().unwrap() > 20);
}

fn config_error(dir: &Path) -> String {
    let run = khabar(dir, &["config", "check", "khabar.toml"], b"");
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    run.stderr
}

#[test]
fn host_errors_name_the_plugin_file() {
    // Missing file.
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("khabar.toml"),
        "pipeline = [\"segment\"]\n[plugins.gone]\npath = \"plugins/libgone.so\"\n",
    )
    .unwrap();
    let err = config_error(dir.path());
    assert!(err.contains("plugin file not found:") && err.contains("libgone.so"), "{err}");
    assert!(err.contains("--> khabar.toml:3:8"), "{err}");

    // Not a dynamic library.
    let fake = dir.path().join("libfake.so");
    fs::write(&fake, "not a library").unwrap();
    let err = config_error(folder_with(&fake, "fake", "").path());
    assert!(err.contains("not a dynamic library") && err.contains("libfake.so"), "{err}");

    let build = tempfile::tempdir().unwrap();
    // A library without the entry symbol.
    let none = compile_c(build.path(), "none", "int khabar_nothing(void) { return 0; }\n");
    let err = config_error(folder_with(&none, "none", "").path());
    assert!(err.contains("is not a khabar plugin: no `khabar_plugin_v1` symbol"), "{err}");

    // A plugin of a later ABI, by symbol name and by table version.
    let v2 = compile_c(build.path(), "v2", "int khabar_plugin_v2(void) { return 0; }\n");
    let err = config_error(folder_with(&v2, "v2", "").path());
    assert!(err.contains("speaks khabar plugin ABI v2; this khabar speaks v1"), "{err}");
    let table_v2 = compile_c(build.path(), "tablev2", &MINIMAL_C.replace("KHABAR_ABI_VERSION, sizeof", "2, sizeof"));
    let err = config_error(folder_with(&table_v2, "tablev2", "").path());
    assert!(err.contains("speaks khabar plugin ABI v2; this khabar speaks v1"), "{err}");

    // describe fails.
    let broken = MINIMAL_C.replace(
        "*out = make_buffer(description, strlen(description));\n    return KHABAR_OK;",
        "*out = make_buffer(\"out of paper\", 12);\n    return KHABAR_ERROR;",
    );
    let broken = compile_c(build.path(), "broken", &broken);
    let err = config_error(folder_with(&broken, "broken", "").path());
    assert!(err.contains("describe failed: out of paper"), "{err}");

    // create fails: options the plugin rejects, reported at the options table.
    let dir = folder_with(&plugin_library("khabar_agencies"), "agencies", "\n[analyzers.agencies]\nextras = []\n");
    let err = config_error(dir.path());
    assert!(err.contains("analyzer `agencies`: unknown field `extras`"), "{err}");
    assert!(err.contains("--> khabar.toml:7:1"), "{err}");
}

#[test]
fn a_panicking_plugin_fails_one_document_and_the_run_goes_on() {
    let dir =
        folder_with(&plugin_library("khabar_faulty_plugin"), "faulty", "\n[analyzers.faulty]\npanic_on = \"BOOM\"\n");
    let lines = "{\"id\": \"a\", \"text\": \"one.\"}\n{\"id\": \"b\", \"text\": \"BOOM.\"}\n{\"id\": \"c\", \"text\": \"three.\"}\n";
    fs::write(dir.path().join("docs.jsonl"), lines).unwrap();
    let run = khabar(dir.path(), &["analyze", "-c", "khabar.toml", "--format", "jsonl", "docs.jsonl"], b"");
    assert_eq!(run.code, 1);
    let ids: Vec<Value> = run.json_lines().iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert!(
        run.stderr.contains(
            "error: docs.jsonl:2 (id b): analyzer `faulty` failed: the plugin panicked: found the marker BOOM"
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("3 documents") && run.stderr.contains("1 error"), "{}", run.stderr);
}

#[test]
fn a_plugin_whose_spans_break_the_rules_fails_the_document() {
    let dir = folder_with(&plugin_library("khabar_faulty_plugin"), "faulty", "\n[analyzers.faulty]\nbad_span = true\n");
    let run = analyze(dir.path(), "-", "قال الوزير.".as_bytes());
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert!(
        run.stderr.contains("the plugin returned a bad span: span 0..1: offset 1 is not on a char boundary"),
        "{}",
        run.stderr
    );
}
