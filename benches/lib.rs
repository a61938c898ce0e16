//! Inputs for the benches: real articles from `../shared` when it is beside the project
//! (the fixture article, the dev articles, the bench corpus), else the project's own fixture.

use std::path::{Path, PathBuf};

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared")
}

/// The fixture article.
pub fn fixture_article() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/ar-lavrov-middle-east.txt");
    std::fs::read_to_string(path).expect("the fixture article")
}

/// Real articles: (name, text). The fixture article and, when present, the dev articles.
pub fn articles() -> Vec<(String, String)> {
    let mut articles = vec![("ar-lavrov-middle-east".to_owned(), fixture_article())];
    if let Ok(entries) = std::fs::read_dir(shared().join("corpus/dev")) {
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.extension().is_some_and(|e| e == "txt")) {
            if let Ok(text) = std::fs::read_to_string(&path) {
                let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                articles.push((name, text));
            }
        }
    }
    articles
}

/// About `bytes` of JSON Lines: the head of the bench corpus, or the fixture article
/// repeated when the corpus is not there. Returns the data and its number of records.
pub fn jsonl(bytes: usize) -> (Vec<u8>, usize) {
    let mut data = Vec::with_capacity(bytes + (1 << 20));
    let mut records = 0;
    if let Ok(corpus) = std::fs::read(shared().join("bench/ar-news.jsonl")) {
        for line in corpus.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
            data.extend_from_slice(line);
            data.push(b'\n');
            records += 1;
            if data.len() >= bytes {
                break;
            }
        }
    }
    if records == 0 {
        let text = fixture_article();
        while data.len() < bytes {
            let record = format!("{{\"id\": \"doc-{records}\", \"published\": \"2024-02-13\", \"text\": {text:?}}}\n");
            data.extend_from_slice(record.as_bytes());
            records += 1;
        }
    }
    (data, records)
}
