//! The corpus index: fingerprints of every paragraph of the run (and of an archive read from a
//! file), compared once all documents were observed.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use khabar_core::{CorpusMatch, Duplicate, DuplicateKind};

use crate::DedupOptions;
use crate::fingerprint::{band_keys, estimate};

/// What is kept of one paragraph: no text.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub(crate) paragraph: u32,
    pub(crate) exact: u64,
    pub(crate) signature: Vec<u32>,
}

/// A document's fingerprints. `seq` is `None` for documents of an archive index.
#[derive(Debug, Clone)]
struct Record {
    seq: Option<u64>,
    id: String,
    entries: Vec<Entry>,
}

/// The most matches listed for one paragraph (a boilerplate line recurs in thousands).
const MAX_MATCHES: usize = 20;

/// An LSH bucket with more members than this holds a family of near copies (a footer with a
/// changing date, a syndicated lead): each member is compared with the first `PIVOTS` members
/// only, not with every other, so that time and memory grow linearly with the family.
const LARGE_BUCKET: usize = 64;
const PIVOTS: usize = 16;

const MAGIC: &[u8] = b"khabar-dedup-index 1\n";

pub(crate) struct CorpusIndex {
    near_threshold: f32,
    bands: usize,
    rows: usize,
    minhash_size: usize,
    boilerplate_documents: usize,
    index_out: Option<PathBuf>,
    archived: Vec<Record>,
    observed: Mutex<Vec<Record>>,
    results: Mutex<HashMap<u64, Vec<Duplicate>>>,
}

impl CorpusIndex {
    pub(crate) fn new(options: &DedupOptions) -> Result<CorpusIndex, String> {
        let archived = match &options.index_in {
            Some(path) => read_index(path, options.minhash_size)?,
            None => Vec::new(),
        };
        Ok(CorpusIndex {
            near_threshold: options.near_threshold,
            bands: options.bands,
            rows: options.minhash_size / options.bands,
            minhash_size: options.minhash_size,
            boilerplate_documents: options.boilerplate_documents,
            index_out: options.index_out.clone(),
            archived,
            observed: Mutex::new(Vec::new()),
            results: Mutex::new(HashMap::new()),
        })
    }

    pub(crate) fn observe(&self, seq: u64, id: &str, entries: Vec<Entry>) {
        let record = Record { seq: Some(seq), id: id.to_owned(), entries };
        self.observed.lock().unwrap_or_else(|e| e.into_inner()).push(record);
    }

    /// The cross-document duplicates of the document at `seq` (taken: asked once per document).
    pub(crate) fn duplicates_of(&self, seq: u64) -> Vec<Duplicate> {
        self.results.lock().unwrap_or_else(|e| e.into_inner()).remove(&seq).unwrap_or_default()
    }

    pub(crate) fn seal(&self) -> Result<(), String> {
        let mut observed = std::mem::take(&mut *self.observed.lock().unwrap_or_else(|e| e.into_inner()));
        observed.sort_by_key(|r| r.seq);
        let records: Vec<&Record> = self.archived.iter().chain(observed.iter()).collect();

        // Every paragraph, as (record, entry).
        let items: Vec<(usize, usize)> =
            records.iter().enumerate().flat_map(|(r, rec)| (0..rec.entries.len()).map(move |e| (r, e))).collect();
        let entry = |&(r, e): &(usize, usize)| &records[r].entries[e];

        // Exact: items by hash; the number of documents each hash is in.
        let mut by_hash: HashMap<u64, Vec<usize>> = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            by_hash.entry(entry(item).exact).or_default().push(i);
        }
        let documents_of = |group: &[usize]| group.iter().map(|&i| items[i].0).collect::<HashSet<_>>().len();

        // Near: one representative per exact hash (in corpus order, so that buckets list their
        // members in one order on every run), bucketed by LSH bands; candidates verified once.
        let mut representatives: Vec<usize> = by_hash.values().map(|g| g[0]).collect();
        representatives.sort_unstable();
        let mut near: HashMap<u64, Vec<(u64, f32)>> = HashMap::new();
        let mut compared: HashSet<(u64, u64)> = HashSet::new();
        for band in 0..self.bands {
            let mut buckets: HashMap<u64, Vec<usize>> = HashMap::new();
            for &i in &representatives {
                let key = band_keys(&entry(&items[i]).signature, self.bands, self.rows).nth(band).unwrap_or(0);
                buckets.entry(key).or_default().push(i);
            }
            for bucket in buckets.values().filter(|b| b.len() > 1) {
                let partners = if bucket.len() > LARGE_BUCKET { PIVOTS } else { bucket.len() };
                for (x, &b) in bucket.iter().enumerate().skip(1) {
                    for &a in &bucket[..x.min(partners)] {
                        let (ea, eb) = (entry(&items[a]), entry(&items[b]));
                        let pair = (ea.exact.min(eb.exact), ea.exact.max(eb.exact));
                        if !compared.insert(pair) {
                            continue;
                        }
                        let similarity = estimate(&ea.signature, &eb.signature);
                        if similarity >= self.near_threshold {
                            near.entry(ea.exact).or_default().push((eb.exact, similarity));
                            near.entry(eb.exact).or_default().push((ea.exact, similarity));
                        }
                    }
                }
            }
        }

        // Per observed document: its paragraphs' matches in other documents.
        let mut results: HashMap<u64, Vec<Duplicate>> = HashMap::new();
        for (r, record) in records.iter().enumerate() {
            let Some(seq) = record.seq else { continue };
            let mut found = Vec::new();
            for e in &record.entries {
                let group = &by_hash[&e.exact];
                let others = |hash: u64| {
                    by_hash[&hash]
                        .iter()
                        .map(|&i| items[i])
                        .filter(|&(other, _)| other != r)
                        .map(|(other, oe)| CorpusMatch {
                            document: records[other].id.clone(),
                            paragraph: records[other].entries[oe].paragraph as usize,
                        })
                        .collect::<Vec<_>>()
                };
                let mut exact = others(e.exact);
                if !exact.is_empty() {
                    exact.truncate(MAX_MATCHES);
                    found.push(Duplicate {
                        kind: DuplicateKind::Exact,
                        paragraphs: vec![e.paragraph as usize],
                        similarity: 1.0,
                        matches: Some(exact),
                        boilerplate: documents_of(group) >= self.boilerplate_documents,
                    });
                }
                if let Some(similar) = near.get(&e.exact) {
                    let mut matches = Vec::new();
                    let mut best = 0.0f32;
                    for &(hash, similarity) in similar {
                        let found_here = others(hash);
                        if !found_here.is_empty() {
                            best = best.max(similarity);
                            matches.extend(found_here);
                        }
                    }
                    if !matches.is_empty() {
                        // Buckets come out of hash maps: sort so that runs agree.
                        matches.sort_by(|a, b| (&a.document, a.paragraph).cmp(&(&b.document, b.paragraph)));
                        matches.truncate(MAX_MATCHES);
                        found.push(Duplicate {
                            kind: DuplicateKind::Near,
                            paragraphs: vec![e.paragraph as usize],
                            similarity: best,
                            matches: Some(matches),
                            boilerplate: false,
                        });
                    }
                }
            }
            results.insert(seq, found);
        }
        *self.results.lock().unwrap_or_else(|e| e.into_inner()) = results;

        if let Some(path) = &self.index_out {
            write_index(path, &records, self.minhash_size)
                .map_err(|e| format!("cannot write index {}: {e}", path.display()))?;
        }
        Ok(())
    }
}

fn write_index(path: &Path, records: &[&Record], minhash_size: usize) -> std::io::Result<()> {
    let mut out = BufWriter::new(std::fs::File::create(path)?);
    out.write_all(MAGIC)?;
    out.write_all(&(minhash_size as u32).to_le_bytes())?;
    out.write_all(&(records.len() as u64).to_le_bytes())?;
    for record in records {
        out.write_all(&(record.id.len() as u32).to_le_bytes())?;
        out.write_all(record.id.as_bytes())?;
        out.write_all(&(record.entries.len() as u32).to_le_bytes())?;
        for e in &record.entries {
            out.write_all(&e.paragraph.to_le_bytes())?;
            out.write_all(&e.exact.to_le_bytes())?;
            for v in &e.signature {
                out.write_all(&v.to_le_bytes())?;
            }
        }
    }
    out.flush()
}

/// Little-endian reads that report a truncated file.
struct IndexReader<R: Read> {
    input: R,
    path: PathBuf,
}

impl<R: Read> IndexReader<R> {
    fn fail(&self, what: &str) -> String {
        format!("cannot read index {}: {what}", self.path.display())
    }

    fn bytes(&mut self, n: usize) -> Result<Vec<u8>, String> {
        let mut buf = vec![0u8; n];
        self.input.read_exact(&mut buf).map_err(|_| self.fail("truncated"))?;
        Ok(buf)
    }

    fn u32(&mut self) -> Result<u32, String> {
        let mut b = [0u8; 4];
        self.input.read_exact(&mut b).map_err(|_| self.fail("truncated"))?;
        Ok(u32::from_le_bytes(b))
    }

    fn u64(&mut self) -> Result<u64, String> {
        let mut b = [0u8; 8];
        self.input.read_exact(&mut b).map_err(|_| self.fail("truncated"))?;
        Ok(u64::from_le_bytes(b))
    }
}

fn read_index(path: &Path, minhash_size: usize) -> Result<Vec<Record>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read index {}: {e}", path.display()))?;
    let mut r = IndexReader { input: BufReader::new(file), path: path.to_owned() };
    let mut magic = Vec::with_capacity(MAGIC.len());
    (&mut r.input).take(MAGIC.len() as u64).read_to_end(&mut magic).map_err(|e| r.fail(&e.to_string()))?;
    if magic != MAGIC {
        return Err(r.fail("not a khabar dedup index"));
    }
    let size = r.u32()? as usize;
    if size != minhash_size {
        return Err(r.fail(&format!("it was built with minhash_size {size}, not {minhash_size}")));
    }
    let count = r.u64()?;
    let mut records = Vec::new();
    for _ in 0..count {
        let id_len = r.u32()? as usize;
        let id = String::from_utf8(r.bytes(id_len)?).map_err(|_| r.fail("a document id is not UTF-8"))?;
        let n = r.u32()? as usize;
        let mut entries = Vec::with_capacity(n);
        for _ in 0..n {
            let paragraph = r.u32()?;
            let exact = r.u64()?;
            let signature =
                r.bytes(4 * size)?.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect();
            entries.push(Entry { paragraph, exact, signature });
        }
        records.push(Record { seq: None, id, entries });
    }
    Ok(records)
}
