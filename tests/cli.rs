//! The `khabar` binary end to end: the main job, every input kind, bad input, configs.

use std::fs;

use khabar_tests::{fixtures, khabar};
use serde_json::Value;

const LAVROV: &str = "ar-lavrov-middle-east.txt";

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn analyzes_the_fixture_article_with_the_default_pipeline() {
    let run = khabar(&fixtures(), &["analyze", LAVROV], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["schema"], "khabar/1");
    assert_eq!(doc["id"], "ar-lavrov-middle-east");
    assert_eq!(doc["lang"], "ar");
    assert_eq!(doc["text"], fs::read_to_string(fixtures().join(LAVROV)).unwrap());
    assert_eq!(doc["meta"]["source"], "البوابة نيوز");
    let kinds: Vec<&str> = doc["zones"].as_array().unwrap().iter().map(|z| z["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["title", "dateline", "body", "source", "keywords", "related"]);
    assert!(run.stderr.contains("khabar: 1 document, "), "{}", run.stderr);
}

#[test]
fn dates_are_resolved_against_the_dateline() {
    let run = khabar(&fixtures(), &["analyze", "-q", LAVROV], b"");
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["meta"]["published"]["value"], "2024-02-13");
    assert_eq!(doc["meta"]["published"]["source"], "text");
    let dates = doc["dates"].as_array().unwrap();
    let october = dates.iter().find(|d| d["text"] == "15 أكتوبر الماضي").unwrap();
    assert_eq!(october["value"], "2023-10-15");
    assert_eq!(october["year_from"], "past");
}

#[test]
fn publication_dates_from_the_command_line_in_feed_formats() {
    let run = khabar(&fixtures(), &["analyze", "-q", "--published", "Tue, 13 Feb 2024 09:30:00 +0300", LAVROV], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    let published = &doc["meta"]["published"];
    assert_eq!(published["value"], "2024-02-13T09:30:00+03:00");
    assert_eq!(published["source"], "input");
    assert!(run.stderr.is_empty(), "quiet run printed {}", run.stderr);
}

#[test]
fn invalid_utf8_file_is_reported_and_the_others_are_written() {
    let dir = temp();
    fs::write(dir.path().join("a.txt"), "خبر أول.").unwrap();
    fs::write(dir.path().join("b.txt"), b"abc\xff\xfedef").unwrap();
    fs::write(dir.path().join("c.txt"), "Second story.").unwrap();
    let run = khabar(dir.path(), &["analyze", "--format", "jsonl", "a.txt", "b.txt", "c.txt"], b"");
    assert_eq!(run.code, 1);
    let ids: Vec<String> = run.json_lines().iter().map(|d| d["id"].as_str().unwrap().to_owned()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert!(
        run.stderr.contains("error: b.txt: not valid UTF-8: invalid byte sequence at byte offset 3"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("2 documents") || run.stderr.contains("3 documents"), "{}", run.stderr);
}

#[test]
fn binary_files_and_missing_inputs_are_reported() {
    let dir = temp();
    fs::write(dir.path().join("image.txt"), b"PNG\0\0\x01").unwrap();
    fs::write(dir.path().join("ok.txt"), "نص").unwrap();
    let run = khabar(dir.path(), &["analyze", "--format", "jsonl", "image.txt", "missing.txt", "ok.txt"], b"");
    assert_eq!(run.code, 1);
    assert_eq!(run.json_lines().len(), 1);
    assert!(run.stderr.contains("image.txt: binary file: NUL byte at byte offset 3"), "{}", run.stderr);
    assert!(run.stderr.contains("missing.txt: cannot read"), "{}", run.stderr);
}

#[test]
fn malformed_json_lines_are_reported_with_their_line() {
    let dir = temp();
    let data = concat!(
        "{\"id\": \"one\", \"text\": \"الخبر الأول.\"}\n",
        "{\"id\": \"two\", \"text\": \"\"}\n",
        "{\"id\": \"three\", \"text\": \"broken\n",
        "{\"id\": \"four\", \"title\": \"no text\"}\n",
        "{\"id\": \"five\", \"text\": \"The last one.\", \"lang\": \"en\"}\n",
    );
    fs::write(dir.path().join("corpus.jsonl"), data).unwrap();
    let run = khabar(dir.path(), &["analyze", "--format", "jsonl", "corpus.jsonl"], b"");
    assert_eq!(run.code, 1);
    let docs = run.json_lines();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["one", "two", "five"]);
    assert_eq!(docs[1]["zones"], serde_json::json!([]), "an empty text is a valid document");
    assert_eq!(docs[2]["lang"], "en");
    assert!(run.stderr.contains("error: corpus.jsonl:3: invalid JSON Lines record"), "{}", run.stderr);
    assert!(run.stderr.contains("error: corpus.jsonl:4: missing field `text`"), "{}", run.stderr);
    assert!(run.stderr.contains("5 documents, "), "{}", run.stderr);
    assert!(run.stderr.contains("2 errors"), "{}", run.stderr);
}

#[test]
fn empty_files_are_valid_documents() {
    let dir = temp();
    fs::write(dir.path().join("empty.txt"), "").unwrap();
    fs::write(dir.path().join("empty.jsonl"), "").unwrap();
    let run = khabar(dir.path(), &["analyze", "--format", "jsonl", "empty.txt", "empty.jsonl"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docs = run.json_lines();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["text"], "");
    assert_eq!(docs[0]["lang"], "und");
}

#[test]
fn directories_are_walked_in_order_and_output_keeps_input_order() {
    let dir = temp();
    fs::create_dir_all(dir.path().join("in/b")).unwrap();
    fs::write(dir.path().join("in/b/z.txt"), "ثالث.").unwrap();
    fs::write(dir.path().join("in/a.txt"), "أول.").unwrap();
    fs::write(dir.path().join("in/notes.md"), "skipped").unwrap();
    let lines: String = (0..300).map(|i| format!("{{\"id\": \"j{i}\", \"text\": \"خبر رقم {i}.\"}}\n")).collect();
    fs::write(dir.path().join("in/b/feed.jsonl"), lines).unwrap();
    let run = khabar(dir.path(), &["analyze", "-j", "2", "--format", "jsonl", "in"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<String> = run.json_lines().iter().map(|d| d["id"].as_str().unwrap().to_owned()).collect();
    let mut expected = vec!["a".to_owned()];
    expected.extend((0..300).map(|i| format!("j{i}")));
    expected.push("b/z".to_owned());
    assert_eq!(ids, expected);
}

#[test]
fn standard_input_as_text_or_json_lines() {
    let dir = temp();
    let run = khabar(dir.path(), &["analyze", "-q", "-"], "عنوان\nنص الخبر.".as_bytes());
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(doc["id"], "stdin");

    let run =
        khabar(dir.path(), &["analyze", "-q", "--format", "jsonl", "-"], b"{\"text\": \"a.\"}\n{\"text\": \"b.\"}\n");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ids: Vec<Value> = run.json_lines().iter().map(|d| d["id"].clone()).collect();
    assert_eq!(ids, ["stdin:1", "stdin:2"]);
}

#[test]
fn output_options_char_offsets_no_text_and_output_file() {
    let dir = temp();
    fs::write(dir.path().join("doc.txt"), "عنوان الخبر\nنص.").unwrap();
    let config = "pipeline = [\"segment\"]\n[output]\nformat = \"jsonl\"\noffsets = \"char\"\ntext = false\n";
    fs::write(dir.path().join("khabar.toml"), config).unwrap();
    let run = khabar(dir.path(), &["analyze", "-q", "-c", "khabar.toml", "-o", "out.jsonl", "doc.txt"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let written = fs::read_to_string(dir.path().join("out.jsonl")).unwrap();
    let doc: Value = serde_json::from_str(written.trim()).unwrap();
    assert!(doc.get("text").is_none());
    assert_eq!(doc["zones"][0]["span"], serde_json::json!([0, 11]), "char offsets");
    assert_eq!(doc["paragraphs"][1]["span"], serde_json::json!([12, 15]));
}

#[test]
fn json_lines_field_names_come_from_the_config() {
    let dir = temp();
    fs::write(dir.path().join("khabar.toml"), "[input]\nid = \"uid\"\ntext = \"body\"\npublished = \"time\"\n")
        .unwrap();
    fs::write(dir.path().join("feed.jsonl"), "{\"uid\": 42, \"body\": \"نص.\", \"time\": \"2015-08-11 14:15:21\"}\n")
        .unwrap();
    let run = khabar(dir.path(), &["analyze", "-q", "-c", "khabar.toml", "--format", "jsonl", "feed.jsonl"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = &run.json_lines()[0];
    assert_eq!(doc["id"], "42");
    assert_eq!(doc["meta"]["published"]["value"], "2015-08-11T14:15:21");
}

#[test]
fn an_unreadable_publication_date_is_a_warning_not_a_loss() {
    let dir = temp();
    fs::write(dir.path().join("feed.jsonl"), "{\"id\": \"x\", \"text\": \"نص.\", \"published\": \"yesterday\"}\n")
        .unwrap();
    let run = khabar(dir.path(), &["analyze", "--format", "jsonl", "feed.jsonl"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.json_lines()[0]["meta"]["published"], Value::Null);
    assert!(run.stderr.contains("warning: feed.jsonl:1 (id x): cannot read publication date"), "{}", run.stderr);
}

#[test]
fn config_errors_are_all_reported_at_once_with_their_place() {
    let dir = temp();
    let config = "pipeline = [\"dates\", \"segment\", \"sentiment\"]\n\n[analyzers.segment]\ntitle_max_word = 20\n\n[output]\nformat = \"xml\"\n";
    fs::write(dir.path().join("bad.toml"), config).unwrap();
    let run = khabar(dir.path(), &["analyze", "-c", "bad.toml", "x.txt"], b"");
    assert_eq!(run.code, 2);
    let err = &run.stderr;
    assert!(
        err.contains(
            "error: `dates` requires `zones`, which `segment` provides, but `segment` comes later\n --> bad.toml:1:13"
        ),
        "{err}"
    );
    assert!(err.contains("help: move `segment` before `dates` in the pipeline"), "{err}");
    assert!(err.contains("error: unknown analyzer `sentiment`\n --> bad.toml:1:33"), "{err}");
    assert!(err.contains("available analyzers: segment, dates, quotes, dedup"), "{err}");
    assert!(err.contains("unknown field `title_max_word`"), "{err}");
    assert!(err.contains("--> bad.toml:4:1"), "{err}");
    assert!(err.contains("valid options of `segment`: "), "{err}");
    assert!(err.contains("invalid value \"xml\" for `format`\n --> bad.toml:7:10"), "{err}");
    assert!(err.contains("5 errors in config"), "{err}");

    let run = khabar(dir.path(), &["config", "check", "bad.toml"], b"");
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("5 errors in config"));
}

#[test]
fn config_default_round_trips_through_config_check() {
    let dir = temp();
    let run = khabar(dir.path(), &["config", "default"], b"");
    assert_eq!(run.code, 0);
    fs::write(dir.path().join("khabar.toml"), &run.stdout).unwrap();
    let run = khabar(dir.path(), &["config", "check", "khabar.toml"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("khabar.toml: ok (pipeline: segment -> dates -> quotes -> dedup)"), "{}", run.stdout);
}

#[test]
fn analyzers_lists_layers_and_options() {
    let run = khabar(&fixtures(), &["analyzers"], b"");
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("segment (built-in)"), "{}", run.stdout);
    assert!(run.stdout.contains("provides: zones, paragraphs, sentences, meta.title, meta.source"), "{}", run.stdout);
    assert!(run.stdout.contains("title_max_words = 25"), "{}", run.stdout);
    let run = khabar(&fixtures(), &["analyzers", "--json"], b"");
    let specs: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(specs[0]["name"], "segment");
    assert_eq!(specs[1]["name"], "dates");
    assert_eq!(specs[1]["requires"], serde_json::json!(["zones", "sentences"]));
}

#[test]
fn corpus_scope_dedup_across_documents() {
    let dir = temp();
    let story = "قالت الشرطة إن حريقا كبيرا اندلع في مستودع للأخشاب بالمنطقة الصناعية مساء أمس دون تسجيل إصابات.";
    let lines = format!(
        "{{\"id\": \"a\", \"text\": \"{story}\"}}\n{{\"id\": \"b\", \"text\": \"أخبار محلية\\n{}\"}}\n{{\"id\": \"c\", \"text\": \"افتتح وزير التعليم مدرسة جديدة في القرية بحضور عدد من الأهالي والطلاب والمعلمين.\"}}\n",
        story.replace("مساء أمس", "مساء الأمس")
    );
    fs::write(dir.path().join("feed.jsonl"), lines).unwrap();
    fs::write(
        dir.path().join("khabar.toml"),
        "pipeline = [\"segment\", \"dedup\"]\n[analyzers.dedup]\nscope = \"corpus\"\n",
    )
    .unwrap();
    let run = khabar(
        dir.path(),
        &["analyze", "-q", "-c", "khabar.toml", "--format", "jsonl", "-"],
        fs::read(dir.path().join("feed.jsonl")).unwrap().as_slice(),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let docs = run.json_lines();
    let near = &docs[0]["duplicates"][0];
    assert_eq!(near["kind"], "near");
    assert_eq!(near["matches"], serde_json::json!([{"document": "b", "paragraph": 1}]));
    assert_eq!(docs[2]["duplicates"], serde_json::json!([]));
}

#[test]
fn html_pages_escape_the_article_text() {
    let dir = temp();
    let text = "Breaking <script>alert(\"x\")</script> news\nThe minister said \"prices & rents will fall\" </style><b>bold</b>.";
    fs::write(dir.path().join("evil.txt"), text).unwrap();
    let run = khabar(dir.path(), &["analyze", "-q", "--format", "html", "evil.txt", "-o", "evil.html"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = fs::read_to_string(dir.path().join("evil.html")).unwrap();
    assert!(!page.contains("<script>"), "a script element in the page");
    assert!(!page.contains("<b>bold</b>"));
    assert_eq!(page.matches("</style>").count(), 1, "only the page's own style closes");
    assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(page.contains("prices &amp; rents"));
}

#[test]
fn html_for_many_documents_is_a_folder_with_an_index() {
    let dir = temp();
    let lines: String = (0..10_000)
        .map(|i| format!("{{\"id\": \"doc/{i}\", \"text\": \"قال الوزير إن الخبر رقم {i} صحيح.\"}}\n"))
        .collect();
    fs::write(dir.path().join("feed.jsonl"), lines).unwrap();
    let run = khabar(dir.path(), &["analyze", "-q", "--format", "html", "feed.jsonl", "-o", "pages/"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let pages = fs::read_dir(dir.path().join("pages")).unwrap().count();
    assert_eq!(pages, 10_001, "one page per document and the index");
    let index = fs::read_to_string(dir.path().join("pages/index.html")).unwrap();
    assert_eq!(index.matches("<tr><td><a href=").count(), 10_000);
    assert!(index.contains("href=\"doc_9999.html\""));

    // Without a folder, an HTML run holds one document.
    let run = khabar(dir.path(), &["analyze", "--format", "html", "-"], b"{\"text\": \"a.\"}\n{\"text\": \"b.\"}\n");
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("an HTML page holds one document: write many with -o DIR/"), "{}", run.stderr);
}

/// Opens the fixture's page in headless Chromium and reads the rendered DOM. Chromium is
/// installed by `.ci/run`; elsewhere the test needs it too, unless it says why it cannot run.
#[test]
fn the_reading_view_renders_in_chromium() {
    let chromium = ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|c| std::process::Command::new(c).arg("--version").output().is_ok_and(|o| o.status.success()));
    let Some(chromium) = chromium else {
        assert!(std::env::var_os("CI").is_none(), "CI must have chromium (.ci/run installs it)");
        eprintln!("skipped: no chromium on this machine");
        return;
    };
    let dir = temp();
    let page = dir.path().join("lavrov.html");
    let run = khabar(&fixtures(), &["analyze", "-q", "--format", "html", LAVROV, "-o", page.to_str().unwrap()], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let profile = dir.path().join("profile");
    let out = std::process::Command::new(chromium)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run"])
        .args(["--disable-background-networking", "--disable-component-update", "--disable-sync"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&out.stdout);
    assert!(dom.contains("<article>"), "no DOM from chromium: {}", String::from_utf8_lossy(&out.stderr));
    assert!(dom.matches("class=\"quote direct\"").count() >= 4, "the four direct quotes");
    assert!(dom.matches("class=\"quote indirect\"").count() >= 13);
    assert!(dom.contains("class=\"speaker\"") && dom.contains("سيرجي لافروف") && dom.contains("أيبك سمادياروف"));
    assert!(dom.contains("class=\"date\"") && dom.contains("2023-10-15"));
    for zone in ["title", "dateline", "body", "source", "keywords", "related"] {
        assert!(dom.contains(&format!("para zone-{zone}")), "zone {zone}");
    }
}
