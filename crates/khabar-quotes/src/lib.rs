//! `quotes`: who said what. Direct and reported speech in Arabic and English news, each quote
//! with its cue (the reporting verb or phrase), the mention of its speaker, and the speakers
//! clustered into entities with their names, aliases and roles.
//!
//! How: each paragraph is cut into words (folded, the clitics و/ف set aside) and marks, and
//! its quotations are paired (" " « » “ ” „ “ ‘ ’; one left open by scraping runs to the
//! paragraph's end). Only around cue words (see `lexicon.rs`: reporting verbs in perfect,
//! imperfect and participle forms, gender and number marked; "بحسب"/"according to") does the
//! grammar run:
//!
//! - cue + subject + ":" + quotation, cue + subject + قائلا: + quotation, quotation + "،" + cue
//!   + subject: direct speech;
//! - cue + subject + أن/إن/بأن/إلى/على/عن/that + clause, or a cue whose subject is a known speaker
//!   followed by its object ("وأكد لافروف استمرارية ..."): reported speech to the clause's end
//!   (the sentence, or a following participle cue, which starts a quote of its own); mixed when
//!   it holds a quotation of four words or more;
//! - بحسب/حسب/وفقا لـ + source, "على حد تعبير" + source: reported speech of that source ("فإن"
//!   after the source opens the content); in "بحسب ما نقلت صحيفة X" / "وفقا لما ذكره X" the
//!   source is the relative clause's subject, "حسب قوله" is the latest speaker, and a medium keeps
//!   its quoted name ("لموقع "سكاي سبورتس""); when a reporting verb follows ("ووفقا لموقع X، قال
//!   الطبيب إن"), the verb reports and the medium only relays;
//! - نقل/نقلت + relayer + عن + source (+ قوله): the source is the speaker;
//! - an English quote running over paragraphs (each opening with the mark, the last one closed
//!   and attributed) is attributed whole.
//!
//! The subject is read after an Arabic verb (verb-subject order) and before an English one: a
//! title opened by a role noun (وزير، المتحدث، minister, ...) and a name, either order, with
//! appositions between commas ("سيرجي لافروف، وزير الخارجية الروسي،") and date words skipped
//! ("، اليوم الثلاثاء،"). A subject never opens with a preposition or a demonstrative ("كتب
//! فيها:", "تابع هذه الانتخابات"), a name holds none, and a speech-event adverbial ends it ("قال
//! الوزير في كلمته إن"); adverbs and intensifiers are never names ("وأضاف أيضا", "المصدر ذاته");
//! a title keeps its لـ-genitive ("الاتحاد الدولي لكرة القدم"); an organization's name ends with
//! its definite words, before the verb's object ("أعلنت وزارة الداخلية الفرنسية إصابة ..."). After
//! an auxiliary (تم، يتم، جرى) a cue's form is a verbal noun, not a report. In the pluperfect
//! ("وكانت وزارة الصحة قد أعلنت أن") the subject is read between كان and قد; in subject-verb
//! order at a sentence's start ("لكن الهيئة شددت على") it is read before the verb.
//!
//! A cue with no subject (pro-drop: "وقال:", "وأضاف قائلا:"; "he said") belongs to the most
//! recent speaker of the same zone whose gender the verb allows (قالت needs a feminine speaker).
//! Mentions are one speaker when their last names agree ("لافروف" = "سيرجي لافروف").
//!
//! Not speech: quotations with no cue (scare quotes such as قرار "أجوف", titles, names), a
//! one-word quotation before a cue, a medium's name (صحيفة "ديلي ميل"), the impersonal "يُذكر أن"
//! (its verb is not a cue), titles after بعنوان/titled, and a feminine participle written with ه
//! and no comma before it ("هزم مضيفه": its host).
//!
//! Speakers have a type: `document` for sources such as "وفقا للمذكرة", `organization` when the
//! head noun names one (الوزارة، الشرطة، المنظمة، the company), `person` otherwise.
//!
//! Known limits: epithets ("كبير الدبلوماسيين الروس") are not linked to names; the
//! English grammar covers "X said (that)", "“…,” X said", "X said: “…”", "X, a title, said",
//! "X told reporters", and "according to X"; a floating quote with no cue at all is not
//! attributed.

mod lexicon;
mod scan;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use khabar_core::text::fold_str;
use khabar_core::{
    AnalyzeError, Analyzer, AnalyzerSpec, Cue, Document, Layer, Quote, QuoteKind, Span, Speaker, ZoneKind,
    describe_options, parse_options,
};
use serde::{Deserialize, Serialize};

use crate::lexicon::{
    ADDRESSEES, AUXILIARIES, BI_VERBS, CLAUSE_WORDS, COMPLEMENTIZERS, CONJUNCTIONS, CUES, CueKind, DEMONSTRATIVES,
    EVENT_PREPOSITIONS, Gender, LAM_GENITIVES, NOT_CUE_BEFORE, NOT_NAMES, PREPOSITIONS, PRONOUN_SUFFIXES, ROLE_NOUNS,
    SPEECH_EVENTS, SPEECH_NOUNS, TITLE_INTRODUCERS,
};
use crate::scan::{Quotation, Tok, Token};

/// The analyzer's name in configs.
pub const NAME: &str = "quotes";

/// Options of `quotes` (`[analyzers.quotes]`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuotesOptions {
    /// More reporting verbs (masculine singular forms count for any gender).
    pub cues: Vec<String>,
    /// More role nouns that open a speaker's title.
    pub roles: Vec<String>,
}

/// Date words that sit between a subject and its complement ("، اليوم الثلاثاء،").
const TIME_WORDS: &[&str] = &[
    "اليوم",
    "أمس",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
    "الاثنين",
    "مساء",
    "صباح",
    "الماضي",
    "المقبل",
    "الجاري",
    "الأسبوع",
    "الشهر",
    "ليلة",
    "فجر",
    "today",
    "yesterday",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// English pronoun subjects that continue the last speaker.
const PRONOUNS: &[(&str, Gender)] =
    &[("he", Gender::Masculine), ("she", Gender::Feminine), ("they", Gender::Plural), ("it", Gender::Any)];

/// What a cue reports, if anything: the kind and the content's document byte range.
type Content = Option<(QuoteKind, (usize, usize))>;

/// The `quotes` analyzer.
pub struct Quotes {
    cues: HashMap<String, CueKind>,
    roles: HashSet<String>,
    titles: HashSet<String>,
    complementizers: HashSet<String>,
    time_words: HashSet<String>,
    bi_verbs: HashSet<String>,
    addressees: HashSet<String>,
    prepositions: HashSet<String>,
    demonstratives: HashSet<String>,
    speech_events: HashSet<String>,
    event_prepositions: HashSet<String>,
    not_names: HashSet<String>,
    auxiliaries: HashSet<String>,
    lam_genitives: HashSet<String>,
    conjunctions: HashSet<String>,
}

const REQUIRES: &[Layer] = &[Layer::Zones, Layer::Paragraphs, Layer::Sentences];
const PROVIDES: &[Layer] = &[Layer::Quotes, Layer::Speakers];

fn folded_set<'a>(words: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    words.into_iter().map(fold_str).collect()
}

/// A speaker being built.
struct Entity {
    name: String,
    kind: &'static str,
    last: String,
    aliases: Vec<String>,
    role: Option<String>,
    gender: Gender,
    mentions: Vec<Span>,
}

/// A subject as read after (or before) a cue.
#[derive(Debug, Default, Clone)]
struct Subject {
    name: Option<(usize, usize)>,
    role: Option<(usize, usize)>,
    pronoun: Option<Gender>,
    /// Named after "بحسب"/"وفقا لـ": its first word may carry the preposition لـ.
    source: bool,
    /// Named after "وفقا"/"طبقا", whose source always carries the preposition لـ ("وفقا لبيانات").
    lam: bool,
}

/// Head nouns of speakers that are organizations.
const ORGANIZATIONS: &[&str] = &[
    "وزاره",
    "حكومه",
    "شرطه",
    "جيش",
    "منظمه",
    "امم",
    "شركه",
    "بنك",
    "مجلس",
    "هيئه",
    "وكاله",
    "اتحاد",
    "حزب",
    "نقابه",
    "محكمه",
    "جامعه",
    "قوات",
    "بلديه",
    "صحيفه",
    "مجله",
    "موقع",
    "قناه",
    "اذاعه",
    "شبكه",
    "تلفزيون",
    "كتله",
    "نيابه",
    "لجنه",
    "company",
    "police",
    "army",
    "ministry",
    "government",
    "bank",
    "organization",
    "agency",
    "union",
    "council",
    "court",
    "nations",
    "cross",
];

/// Head nouns of sources that are documents, not people.
const DOCUMENTS: &[&str] = &[
    "مذكره",
    "بيان",
    "تقرير",
    "وثيقه",
    "رساله",
    "دراسه",
    "مسوده",
    "قرار",
    "بيانات",
    "تقارير",
    "ارقام",
    "احصاءات",
    "احصائيات",
    "معطيات",
    "statement",
    "report",
    "document",
    "study",
    "data",
    "figures",
];

impl Quotes {
    /// Builds the analyzer.
    pub fn new(options: QuotesOptions) -> Quotes {
        let mut cues: HashMap<String, CueKind> = CUES.iter().map(|(w, k)| (fold_str(w), *k)).collect();
        for extra in &options.cues {
            cues.insert(fold_str(extra), CueKind::Verb(Gender::Any));
        }
        let roles = folded_set(ROLE_NOUNS.iter().copied().chain(options.roles.iter().map(String::as_str)));
        Quotes {
            cues,
            roles,
            titles: folded_set(TITLE_INTRODUCERS.iter().copied()),
            complementizers: folded_set(COMPLEMENTIZERS.iter().copied()),
            time_words: folded_set(TIME_WORDS.iter().copied()),
            bi_verbs: folded_set(BI_VERBS.iter().copied()),
            addressees: folded_set(ADDRESSEES.iter().copied()),
            prepositions: folded_set(PREPOSITIONS.iter().copied()),
            demonstratives: folded_set(DEMONSTRATIVES.iter().copied()),
            speech_events: folded_set(SPEECH_EVENTS.iter().copied()),
            event_prepositions: folded_set(EVENT_PREPOSITIONS.iter().copied()),
            not_names: folded_set(NOT_NAMES.iter().copied()),
            auxiliaries: folded_set(AUXILIARIES.iter().copied()),
            lam_genitives: folded_set(LAM_GENITIVES.iter().copied()),
            conjunctions: folded_set(CONJUNCTIONS.iter().copied()),
        }
    }

    fn cue(&self, t: &Token) -> Option<CueKind> {
        if !t.is_word() {
            return None;
        }
        let Tok::Word { folded, .. } = &t.tok else { return None };
        self.cues.get(t.base()).or_else(|| self.cues.get(folded.as_str())).copied()
    }

    fn is_role(&self, t: &Token) -> bool {
        let Tok::Word { folded, .. } = &t.tok else { return false };
        [folded.as_str(), t.base()]
            .iter()
            .any(|w| self.roles.contains(*w) || self.roles.contains(w.trim_start_matches("ال")))
    }

    fn is_complementizer(&self, t: &Token) -> bool {
        // The word as written: "والي" (governor) is not و + "إلى".
        let Tok::Word { folded, .. } = &t.tok else { return false };
        // "بحسب الشحي فإن ...": ف before إن is the answer of the attribution.
        if folded.starts_with('ف') && matches!(t.base(), "ان" | "انه" | "انها") {
            return true;
        }
        if !self.complementizers.contains(folded.as_str()) {
            return false;
        }
        // Folding makes على and the name علي one word: only the former (ending ى) opens a clause.
        folded != "علي" || t.maqsura
    }

    fn is_time(&self, t: &Token) -> bool {
        t.is_word() && (self.time_words.contains(t.base()) || t.base().chars().all(|c| c.is_ascii_digit()))
    }

    /// "لوكالة", "للصحفيين", "لـ": the one a statement was made to.
    fn is_addressee(&self, t: &Token) -> bool {
        let b = t.base();
        b == "ل"
            || b.strip_prefix('ل')
                .is_some_and(|rest| self.addressees.contains(rest) || self.addressees.contains(&format!("ا{rest}")))
    }

    /// Strong complementizers: only these end the search for a colon ("على تويتر:" does not).
    fn is_strong_complementizer(&self, t: &Token) -> bool {
        matches!(t.base(), "ان" | "انه" | "انها" | "بان" | "that")
    }

    /// A complementizer at `k`, including the two-word "من أن" (حذر من أن).
    fn opens_clause(&self, toks: &[Token], k: usize) -> bool {
        k < toks.len()
            && (self.is_complementizer(&toks[k])
                || (toks[k].base() == "من"
                    && toks.get(k + 1).is_some_and(|t| matches!(t.base(), "ان" | "انه" | "انها"))))
    }

    /// Words from `j` up to a mark, a complementizer or a cue (at most `max`): `[j, end)`.
    fn words_until_stop(&self, toks: &[Token], j: usize, max: usize) -> usize {
        let mut k = j;
        while k < toks.len()
            && k - j < max
            && toks[k].is_word()
            && !self.opens_clause(toks, k)
            && !self.is_addressee(&toks[k])
            && self.cue(&toks[k]).is_none()
            && toks[k].sentence == toks[j].sentence
            && !(k > j && self.is_event_adverbial(toks, k))
        {
            k += 1;
        }
        k
    }

    /// "في كلمته", "خلال مؤتمر صحفي", "عبر تغريدة": where and how something was said, at `k`.
    fn is_event_adverbial(&self, toks: &[Token], k: usize) -> bool {
        let Some(Tok::Word { folded, .. }) = toks.get(k).map(|t| &t.tok) else { return false };
        if !self.event_prepositions.contains(folded.as_str()) {
            return false;
        }
        let Some(Tok::Word { folded: noun, .. }) = toks.get(k + 1).map(|t| &t.tok) else { return false };
        let noun = noun.strip_prefix("ال").unwrap_or(noun);
        // Folded, "كلمة" is "كلمه" and "كلمته" is its possessed form.
        let unsuffixed = PRONOUN_SUFFIXES
            .iter()
            .find_map(|p| noun.strip_suffix(p))
            .map(|stem| stem.strip_suffix('ت').map_or_else(|| stem.to_owned(), |s| format!("{s}ه")));
        self.speech_events.contains(noun) || unsuffixed.is_some_and(|n| self.speech_events.contains(&n))
    }

    /// A subject that opens the sentence before the verb at `i` (subject-verb order): a short
    /// noun phrase, after a conjunction at most, that starts with a definite word, a title or an
    /// organization and holds no clause, preposition, time word or other cue.
    fn subject_before(&self, toks: &[Token], i: usize) -> Option<(usize, usize)> {
        let sentence = toks[i].sentence;
        let mut a = toks.iter().position(|t| t.sentence == sentence)?;
        if a < i && self.conjunctions.contains(folded_word(&toks[a])) {
            a += 1;
        }
        if a >= i || i - a > 4 {
            return None;
        }
        let plain = (a..i).all(|x| {
            toks[x].is_word()
                && !self.is_time(&toks[x])
                && !self.opens_clause(toks, x)
                && !self.opens_no_subject(&toks[x])
                && !self.not_names.contains(folded_word(&toks[x]))
                && self.cue(&toks[x]).is_none()
                && !CLAUSE_WORDS.contains(&toks[x].base())
        });
        let head = [folded_word(&toks[a]), toks[a].base()];
        let nominal = head.iter().any(|w| w.starts_with("ال") && *w != "ال" || ORGANIZATIONS.contains(w))
            || self.is_role(&toks[a]);
        (plain && nominal).then_some((a, i))
    }

    /// Past an event adverbial at `k` to the content's complementizer or colon, if one follows
    /// within a few words ("قال الوزير في كلمته إن ..."); else `k`.
    fn skip_event_adverbial(&self, toks: &[Token], k: usize) -> usize {
        if !self.is_event_adverbial(toks, k) {
            return k;
        }
        (k + 2..(k + 8).min(toks.len()))
            .take_while(|&c| toks[c].sentence == toks[k].sentence)
            .find(|&c| self.opens_clause(toks, c) || toks[c].is_mark(&[':']))
            .unwrap_or(k)
    }

    /// A word that cannot open a subject: a preposition ("كتب فيها") or a demonstrative
    /// ("تابع هذه الانتخابات" has an object, not a subject).
    fn opens_no_subject(&self, t: &Token) -> bool {
        let Tok::Word { folded, .. } = &t.tok else { return true };
        // Folding makes "على" the name "علي"; only the former (written with ى) is a preposition.
        (self.prepositions.contains(folded.as_str()) && (folded != "علي" || t.maqsura))
            || self.demonstratives.contains(folded.as_str())
    }

    /// Reads an Arabic subject after a verb at `j`; returns it and the next token.
    fn subject_after(&self, toks: &[Token], j: usize, known: &[Entity], bi: bool) -> (Subject, usize) {
        let mut subject = Subject::default();
        if j >= toks.len() || !toks[j].is_word() {
            return (subject, j);
        }
        if self.opens_no_subject(&toks[j]) {
            return (subject, self.skip_event_adverbial(toks, j));
        }
        if self.not_names.contains(folded_word(&toks[j])) {
            return self.subject_after(toks, j + 1, known, bi);
        }
        // A known speaker's name right after the cue is the subject, whatever follows it.
        if let Some(end) = known_name_at(toks, j, known) {
            subject.name = Some((j, end));
            return self.appositions(toks, end, subject);
        }
        const MAX_SUBJECT: usize = 9;
        let mut end = self.words_until_stop(toks, j, MAX_SUBJECT);
        // "طالب المحتجون بإطلاق ...": the verb's own preposition opens the content.
        if bi && let Some(b) = (j + 1..end).find(|&x| toks[x].base().starts_with('ب')) {
            end = b;
        }
        // Trailing date words are not part of the subject ("لافروف اليوم الثلاثاء أن").
        while end > j && self.is_time(&toks[end - 1]) {
            end -= 1;
        }
        if end == j {
            return (subject, j);
        }
        self.split_role_name(toks, j, end, &mut subject);
        // Nothing ended the words (a direct quote without a colon: "يقول المبتعث محمد الدوسري
        // قمت ..."): keep a name's usual two words, not the quote's opening.
        let unterminated = end == j + MAX_SUBJECT
            && toks.get(end).is_some_and(|t| t.is_word() && self.cue(t).is_none())
            && !self.opens_clause(toks, end);
        if unterminated
            && let Some((a, b)) = subject.name
            && b - a > 2
        {
            subject.name = Some((a, a + 2));
        }
        let after = if end < toks.len() && self.is_time(&toks[end]) { self.skip_time(toks, end) } else { end };
        let after = self.skip_event_adverbial(toks, after);
        self.appositions(toks, after, subject)
    }

    fn skip_time(&self, toks: &[Token], mut k: usize) -> usize {
        while k < toks.len() && self.is_time(&toks[k]) {
            k += 1;
        }
        k
    }

    /// A title then a name within one span of words. A role noun takes the word after it (its
    /// genitive: "وزير الخارجية", "سفير فرنسا") and then every definite word or tie ("باسم",
    /// "في"); a span that opens with definite words ("الخبير الاقتصادي محمد علي") has those as its
    /// title. The rest is the name. English titles are the capitalized words up to the last role
    /// noun ("Prime Minister John Smith").
    fn split_role_name(&self, toks: &[Token], j: usize, end: usize, subject: &mut Subject) {
        let folded = |k: usize| folded_word(&toks[k]);
        let definite = |k: usize| {
            let w = folded(k);
            // "آل" (the family of: "آل الشيخ") folds to "ال" and opens a name, not a title.
            (w.starts_with("ال") && w != "ال") || (w.starts_with("لل") && w.chars().count() > 3)
        };
        if toks[j].base().is_ascii() {
            let mut start = j;
            while start < end && matches!(folded(start), "the" | "a" | "an") {
                start += 1;
            }
            match (start..end).rev().find(|&k| self.is_role(&toks[k])) {
                Some(r) if r + 1 < end => {
                    subject.role = Some((start, r + 1));
                    subject.name = Some((r + 1, end));
                }
                Some(_) => subject.role = Some((start, end)),
                None if start < end => subject.name = Some((start, end)),
                None => {}
            }
            return;
        }
        let role_noun = self.is_role(&toks[j]);
        let ties = ["باسم", "وزاره", "مجلس", "شوون"];
        let places = ["في", "لدي"];
        // A name holds no adverbial: "مصادر قضائية في وقت سابق" ends before "في"; a place
        // stays ("مصدر في الوزارة").
        let name_end = |from: usize| {
            (from + 1..end)
                .find(|&x| {
                    let place = places.contains(&folded(x)) && x + 1 < end && definite(x + 1);
                    toks[x].is_word()
                        && (self.not_names.contains(folded(x)) || (self.opens_no_subject(&toks[x]) && !place))
                })
                .unwrap_or(end)
        };
        if !role_noun && !definite(j) {
            let mut stop = name_end(j);
            // An organization's name is its head noun, the word after it and the definite words
            // that follow: "أعلنت وزارة الداخلية الفرنسية إصابة ضابط" ends before the object
            // "إصابة". When the content follows right after ("وكالة فرانس برس إن"), or the name
            // is a source ("بحسب وكالة فرانس برس"), there is no object to leave out.
            let content_next = end < toks.len() && (self.opens_clause(toks, end) || toks[end].is_mark(&[':']));
            if ORGANIZATIONS.contains(&folded(j))
                && !content_next
                && !subject.source
                && j + 2 < stop
                && toks[j + 1..j + 3].iter().all(Token::is_word)
            {
                let mut k = j + 2;
                // "كتلة التنمية والتحرير": a coordinated definite word belongs to the name too.
                let joined = |k: usize| toks[k].base().starts_with("ال") && toks[k].base() != "ال";
                while k < stop && toks[k].is_word() && (definite(k) || joined(k) || ties.contains(&folded(k))) {
                    k += 1;
                }
                stop = k;
            }
            subject.name = Some((j, stop));
            return;
        }
        let mut k = if role_noun && !definite(j) { (j + 2).min(end) } else { j + 1 };
        loop {
            if k >= end {
                break;
            }
            let w = folded(k);
            // "في القاهرة" belongs to a title ("سفير فرنسا في القاهرة"); "في مؤتمر صحفي" does not.
            let place = places.contains(&w) && k + 1 < end && definite(k + 1);
            // "الاتحاد الدولي لكرة القدم", "المفوض السامي لحقوق الإنسان": لـ + a genitive pair.
            let lam_genitive = w.strip_prefix('ل').is_some_and(|rest| self.lam_genitives.contains(rest)) && k + 1 < end;
            if definite(k) || ties.contains(&w) || self.is_role(&toks[k]) {
                k += 1;
            } else if place || lam_genitive {
                k += 2;
            } else {
                break;
            }
        }
        subject.role = Some((j, k));
        // A name does not open with a definite word (that would still be the title) nor with a
        // preposition (that is an adverbial: "في مؤتمر صحفي"); surnames may be definite ("سلمان الفرج").
        let name_ok =
            k < end && !self.opens_no_subject(&toks[k]) && !definite(k) && !self.not_names.contains(folded(k));
        if name_ok {
            // Nor does a name hold one: "أعلنت الحكومة اعتقال من ..." is title and object.
            subject.name = Some((k, name_end(k)));
        }
    }

    /// Appositions between commas after a subject: a title, a name, date words, or another
    /// phrase closed by a comma before the complement ("، في مؤتمر فالداي، على ...").
    fn appositions(&self, toks: &[Token], mut k: usize, mut subject: Subject) -> (Subject, usize) {
        let comma = |i: usize| i < toks.len() && toks[i].is_mark(&['،', ',']);
        let mut after_comma = false;
        for _ in 0..4 {
            let start = if comma(k) {
                k + 1
            } else if after_comma {
                k
            } else {
                break;
            };
            let end = self.words_until_stop(toks, start, 9);
            if end == start {
                break;
            }
            let closed = comma(end);
            let then = if closed { end + 1 } else { end };
            let complement_next =
                then < toks.len() && (self.is_complementizer(&toks[then]) || toks[then].is_mark(&[':']));
            if (start..end).all(|i| self.is_time(&toks[i])) && (closed || complement_next) {
                (k, after_comma) = (then, closed);
                continue;
            }
            if !(closed || complement_next) {
                break;
            }
            // "، في بيان صحافي،": an adverbial, never a title or a name.
            if self.opens_no_subject(&toks[start]) {
                (k, after_comma) = (then, closed);
                continue;
            }
            if self.is_role(&toks[start]) && subject.role.is_none() {
                subject.role = Some((start, end));
            } else if subject.name.is_none() && subject.role.is_some() {
                subject.name = Some((start, end));
            } else if closed && then < toks.len() && self.is_complementizer(&toks[then]) {
                // An adverbial between commas, right before the complement: skip it.
            } else {
                break;
            }
            (k, after_comma) = (then, closed);
        }
        (subject, k)
    }

    /// The subject before an English verb, and where it starts: a pronoun ("he said"), a name
    /// in apposition ("A spokeswoman, Grace Eze, said"; "Ahmed Khan, a spokesman, said"),
    /// capitalized words with their title ("Prime Minister John Smith said"), or a noun after a
    /// determiner ("the minister said").
    fn english_subject_before(&self, toks: &[Token], i: usize, text: &str) -> (Subject, usize) {
        let mut subject = Subject::default();
        if i == 0 {
            return (subject, i);
        }
        if let Some((_, g)) = PRONOUNS.iter().find(|(p, _)| toks[i - 1].base() == *p) {
            subject.pronoun = Some(*g);
            return (subject, i - 1);
        }
        let capitalized_run_before = |end: usize| {
            let mut a = end;
            while a > 0 && a + 5 > end && toks[a - 1].is_word() && capitalized(text, &toks[a - 1]) {
                a -= 1;
            }
            a
        };
        if toks[i - 1].is_mark(&[',']) {
            // The chunk between this comma and the one before it.
            let open = (i.saturating_sub(7)..i - 1).rev().find(|&k| toks[k].is_mark(&[',']));
            if let Some(open) = open {
                let a = capitalized_run_before(i - 1);
                if a == open + 1 && a < i - 1 {
                    subject.name = Some((a, i - 1));
                    return (subject, a);
                }
                // ", a spokesman," after the name.
                let b = capitalized_run_before(open);
                if b < open {
                    subject.name = Some((b, open));
                    return (subject, b);
                }
            }
        }
        let a = capitalized_run_before(i);
        if a < i {
            self.split_role_name(toks, a, i, &mut subject);
            // "economist Sara Kim wrote": a lowercase title before the name.
            if a >= 2
                && toks[a - 1].is_word()
                && !capitalized(text, &toks[a - 1])
                && toks[a - 2].is_mark(&[',', '"', '”'])
            {
                subject.role = Some((a - 1, a));
                return (subject, a - 1);
            }
            return (subject, a);
        }
        // "the minister said", "a senior official said".
        let mut d = i;
        while d > 0
            && d + 4 > i
            && toks[d - 1].is_word()
            && !capitalized(text, &toks[d - 1])
            && !matches!(toks[d - 1].base(), "the" | "a" | "an")
        {
            d -= 1;
        }
        if d < i && d > 0 && matches!(toks[d - 1].base(), "the" | "a" | "an") {
            subject.role = Some((d, i));
            return (subject, d - 1);
        }
        (subject, i)
    }

    /// A reported clause from token `k` to its end: indirect, or mixed when it holds a quotation
    /// of four words or more that is not a title.
    fn reported_clause(&self, para: &Paragraph<'_>, k: usize) -> (Content, usize) {
        let toks = &para.toks;
        let end = self.clause_end(toks, k);
        let speech =
            |q: &Quotation| q.open >= k && q.open < end && para.words_in(*q) >= 4 && !self.is_title_quote(toks, *q);
        let kind = if para.quotations.iter().any(speech) { QuoteKind::Mixed } else { QuoteKind::Indirect };
        (covered(toks, k, end).map(|c| (kind, c)), end)
    }

    /// A quotation right after a title word ("بعنوان", "titled") names something; it is not speech.
    /// So does one after a medium: "صحيفة "ديلي ميل"", "لـ"سكاي سبورتس"".
    fn is_title_quote(&self, toks: &[Token], q: Quotation) -> bool {
        q.open > 0
            && toks[q.open - 1].is_word()
            && (self.titles.contains(toks[q.open - 1].base()) || self.is_medium(&toks[q.open - 1]))
    }

    /// A news medium, bare, definite or after لـ: "صحيفة", "الوكالة", "لموقع".
    fn is_medium(&self, t: &Token) -> bool {
        // As written too: "وكالة" is not و + "كالة".
        self.is_addressee(t)
            || [t.base(), folded_word(t)].iter().any(|w| {
                self.addressees.contains(*w) || w.strip_prefix("ال").is_some_and(|r| self.addressees.contains(r))
            })
    }

    /// The source after a verbless cue at `i`, and the token after it: "بحسب الوزير", "وفقا
    /// للمذكرة", "according to the report". In "بحسب ما نقلت صحيفة X" and "وفقا لما ذكرته هايلي"
    /// the source is the subject of the relative clause; "حسب قوله" is whoever spoke last; a
    /// medium keeps its quoted name ("وفقا لموقع "سكاي سبورتس"").
    fn source_after(&self, para: &Paragraph<'_>, i: usize) -> Option<(Subject, usize)> {
        let toks = &para.toks;
        let lam = matches!(toks[i].base(), "وفقا" | "طبقا") || matches!(folded_word(&toks[i]), "وفقا" | "طبقا");
        let mut subject = Subject { source: true, lam, ..Subject::default() };
        let mut k = i + 1;
        if toks.get(k).is_some_and(|t| t.base() == "to") {
            k += 1;
        }
        if toks.get(k).is_some_and(|t| matches!(folded_word(t), "ما" | "لما")) {
            subject.lam = false;
            k += 2;
            if toks.get(k).is_some_and(|t| matches!(folded_word(t), "به" | "بها")) {
                k += 1;
            }
            // "بحسب ما جاء في موقع X": the source is where it was said.
            if toks.get(k).is_some_and(|t| matches!(folded_word(t), "في" | "علي" | "عبر")) {
                k += 1;
            }
        }
        let first = toks.get(k).filter(|t| t.is_word())?;
        if let Some(g) = speech_of_pronoun(folded_word(first)) {
            subject.pronoun = Some(g);
            return Some((subject, k + 1));
        }
        // "بحسب ما أفاد به لمراسل الجوهرة": the medium told it; named without its لـ.
        let told = self.is_addressee(first) && first.base() != "ل";
        subject.lam |= told;
        let from = k + usize::from(told);
        let mut end = self.words_until_stop(toks, from, 6).max(from);
        if end == k {
            return None;
        }
        if let Some(close) = para.quotations.iter().find(|q| q.open == end).and_then(|q| q.close)
            && self.is_medium(&toks[end - 1])
        {
            end = close + 1;
        }
        self.split_role_name(toks, k, end, &mut subject);
        Some((subject, end))
    }

    /// Where a reported clause starting at `j` ends (exclusive token index): the sentence's
    /// end, or a participle cue that starts a quote of its own.
    fn clause_end(&self, toks: &[Token], j: usize) -> usize {
        let sentence = toks.get(j).map_or(0, |t| t.sentence);
        let mut k = j;
        while k < toks.len() && toks[k].sentence == sentence {
            if k > j + 1 && matches!(self.cue(&toks[k]), Some(CueKind::Participle(_))) {
                let mut end = k;
                while end > j && toks[end - 1].is_mark(&['،', ',']) {
                    end -= 1;
                }
                return end;
            }
            k += 1;
        }
        k
    }
}

/// A word's folded form as written (with its clitics); "" for a mark.
fn folded_word(t: &Token) -> &str {
    match &t.tok {
        Tok::Word { folded, .. } => folded,
        Tok::Mark(_) => "",
    }
}

/// "قوله", "تعبيرها": a speech noun whose pronoun suffix is the speaker, and its gender.
fn speech_of_pronoun(folded: &str) -> Option<Gender> {
    let suffix = SPEECH_NOUNS.iter().find_map(|n| folded.strip_prefix(n))?;
    match suffix {
        "ه" => Some(Gender::Masculine),
        "ها" => Some(Gender::Feminine),
        "هم" => Some(Gender::Plural),
        _ => None,
    }
}

/// The end of a known speaker's name starting at token `j`.
fn known_name_at(toks: &[Token], j: usize, known: &[Entity]) -> Option<usize> {
    let first = toks.get(j)?.base();
    for e in known {
        let words: Vec<&str> = e.name.split_whitespace().collect();
        let folded: Vec<String> = words.iter().map(|w| fold_str(w)).collect();
        if folded.last().is_some_and(|l| l == first) {
            return Some(j + 1);
        }
        if folded.first().is_some_and(|f| f == first) {
            let n = folded.len();
            if (0..n).all(|i| toks.get(j + i).is_some_and(|t| t.base() == folded[i])) {
                return Some(j + n);
            }
        }
    }
    None
}

/// The document range of tokens `[a, b)`. A subject or a clause keeps its first letter even
/// when it looks like a clitic ("وزير" is not و + "زير"); only cue words drop theirs.
fn covered(toks: &[Token], a: usize, b: usize) -> Option<(usize, usize)> {
    if a >= b || b > toks.len() {
        return None;
    }
    Some((toks[a].start, toks[b - 1].end))
}

struct Paragraph<'a> {
    text: &'a str,
    toks: Vec<Token>,
    quotations: Vec<Quotation>,
}

impl Paragraph<'_> {
    /// The quotation opening within two tokens after `k`.
    fn opening_near(&self, k: usize) -> Option<Quotation> {
        self.quotations.iter().copied().find(|q| q.open >= k && q.open <= k + 1)
    }

    /// The quotation that closes just before `k` (a comma between allowed).
    fn closing_before(&self, k: usize) -> Option<Quotation> {
        self.quotations
            .iter()
            .copied()
            .find(|q| q.close.is_some_and(|c| c + 1 == k || (c + 2 == k && self.toks[c + 1].is_mark(&['،', ',']))))
    }

    /// The content range of a quotation.
    fn content(&self, q: Quotation) -> Option<(usize, usize)> {
        let start = self.toks[q.open].end;
        let end = match q.close {
            Some(c) => self.toks[c].start,
            None => self.toks.last()?.end,
        };
        let slice = self.text.get(start..end)?;
        let trimmed = slice.trim();
        let lead = slice.len() - slice.trim_start().len();
        (!trimmed.is_empty()).then_some((start + lead, start + lead + trimmed.len()))
    }

    fn words_in(&self, q: Quotation) -> usize {
        let end = q.close.unwrap_or(self.toks.len());
        self.toks[q.open + 1..end].iter().filter(|t| t.is_word()).count()
    }
}

impl Analyzer for Quotes {
    fn name(&self) -> &str {
        NAME
    }

    fn requires(&self) -> &[Layer] {
        REQUIRES
    }

    fn provides(&self) -> &[Layer] {
        PROVIDES
    }

    fn analyze(&self, doc: &mut Document) -> Result<(), AnalyzeError> {
        let text = doc.text();
        let paragraphs = doc.layers.paragraphs.as_deref().ok_or(AnalyzeError::MissingLayer(Layer::Paragraphs))?;
        let sentences = doc.layers.sentences.as_deref().ok_or(AnalyzeError::MissingLayer(Layer::Sentences))?;
        let mut entities: Vec<Entity> = Vec::new();
        let mut last_in_zone: HashMap<usize, usize> = HashMap::new();
        let mut quotes = Vec::new();
        let mut attributions: Vec<Option<usize>> = Vec::new();

        let zones = doc.layers.zones.as_deref().unwrap_or(&[]);
        // Paragraphs of a quote that runs over several paragraphs, waiting for its attribution.
        let mut chain: Vec<(usize, (usize, usize))> = Vec::new();
        for (index, p) in paragraphs.iter().enumerate() {
            // Speech is reported in the story (and its headline), and in related teasers; tag
            // lines, sources, datelines and furniture only name people.
            let zone_kind = zones.get(p.zone).map(|z| z.kind);
            if !matches!(zone_kind, None | Some(ZoneKind::Body | ZoneKind::Title | ZoneKind::Related)) {
                continue;
            }
            let starts: Vec<usize> =
                sentences.iter().filter(|s| s.paragraph == index).map(|s| s.span.start()).collect();
            let toks = scan::tokens(text, p.span.start(), p.span.end(), &starts);
            let quotations = scan::quotations(&toks);
            // A paragraph that opens a quotation it does not close, with no cue: in English news
            // the quote goes on in the next paragraph, which opens with the mark again.
            let opens_unclosed = quotations.first().is_some_and(|q| q.open == 0 && q.close.is_none());
            if !toks.iter().any(|t| self.cue(t).is_some()) {
                if opens_unclosed && chain.last().is_none_or(|(last, _)| *last + 1 == index) {
                    let para = Paragraph { text, toks, quotations };
                    chain.extend(para.content(para.quotations[0]).map(|c| (index, c)));
                } else {
                    chain.clear();
                }
                continue;
            }
            let para = Paragraph { text, toks, quotations };
            let toks = &para.toks;
            let continued = std::mem::take(&mut chain);
            let continues = para.quotations.first().is_some_and(|q| q.open == 0)
                && continued.last().is_some_and(|(last, _)| *last + 1 == index);
            let mut sentence_speaker: Option<(usize, Option<usize>)> = None;
            // The subject of a cue that reported nothing itself, for a participle that follows
            // ("وأعلنت الشركة زيادة الأرباح، موضحة أن ...").
            let mut pending: Option<(Subject, Gender)> = None;
            let mut i = 0;
            while i < toks.len() {
                let Some(kind) = self.cue(&toks[i]) else {
                    i += 1;
                    continue;
                };
                // "تم نقل الجثة": after an auxiliary the verb's form is a verbal noun.
                let other_word = NOT_CUE_BEFORE.iter().any(|(cue, prefix)| {
                    toks[i].base() == *cue
                        && toks.get(i + 1).is_some_and(|t| t.is_word() && t.base().starts_with(prefix))
                });
                if other_word || (i > 0 && self.auxiliaries.contains(toks[i - 1].base())) {
                    i += 1;
                    continue;
                }
                // Written with ه, a feminine participle is also a noun with a pronoun suffix
                // ("هزم مضيفه" is "beat its host"): it is a cue only after a comma.
                if kind == CueKind::Participle(Gender::Feminine)
                    && toks[i].heh
                    && !(i > 0 && toks[i - 1].is_mark(&['،', ',']))
                {
                    i += 1;
                    continue;
                }
                // Inside a quotation a cue word is quoted speech, not a report.
                if para.quotations.iter().any(|q| q.open < i && q.close.is_none_or(|c| i < c)) {
                    i += 1;
                    continue;
                }
                let english = toks[i].base().is_ascii();
                // "وفقا" is a cue as written; "وقال" is و + the cue "قال".
                let cue_start = if self.cues.contains_key(toks[i].base()) { toks[i].base_start } else { toks[i].start };
                let cue_span = Span::new(text, cue_start, toks[i].end)?;
                let mut resolved: Option<(Subject, usize)> = None;
                let mut content: Content = None;
                let mut next = i + 1;
                // A quotation taken after the cue is consumed: cues inside it are not reports.
                let mut consumed: Option<Quotation> = None;

                match kind {
                    CueKind::Verb(_) | CueKind::Participle(_) if english => {
                        let (mut subject, subject_start) = self.english_subject_before(toks, i, text);
                        if let Some(q) = para.closing_before(subject_start).filter(|q| !self.is_title_quote(toks, *q)) {
                            content = para.content(q).map(|c| (QuoteKind::Direct, c));
                        }
                        let mut k = i + 1;
                        if subject.name.is_none() && subject.role.is_none() && subject.pronoun.is_none() {
                            // "said John Brown, the mayor".
                            let (after, end) = english_subject_after(toks, k, text);
                            if let Some((a, b)) = after.name {
                                self.split_role_name(toks, a, b, &mut subject);
                            } else {
                                subject.pronoun = after.pronoun;
                            }
                            k = end;
                        }
                        // "told reporters:", "told Reuters that": the addressee is not the content.
                        if toks[i].base() == "told" {
                            let mut a = k;
                            while a < toks.len() && a < k + 3 && toks[a].is_word() && toks[a].base() != "that" {
                                a += 1;
                            }
                            if a < toks.len() && (toks[a].is_mark(&[':']) || toks[a].base() == "that") {
                                k = a;
                            } else if k < toks.len() && toks[k].is_word() {
                                // "told reporters the army ...": "told" always has its addressee.
                                k += 1;
                            }
                        }
                        if content.is_none() {
                            k = self.skip_time(toks, k);
                            // "said in a statement that": a short adverbial before "that".
                            if let Some(t) = (k..(k + 5).min(toks.len())).find(|&t| toks[t].base() == "that")
                                && (k..t).all(|w| toks[w].is_word())
                            {
                                k = t;
                            }
                            if k < toks.len() && toks[k].base() == "that" {
                                k += 1;
                            }
                            if k < toks.len() && toks[k].is_mark(&[':', ',']) {
                                k += 1;
                            }
                            if let Some(q) = para.opening_near(k) {
                                content = para.content(q).map(|c| (QuoteKind::Direct, c));
                                consumed = Some(q);
                            } else if k < toks.len() && toks[k].sentence == toks[i].sentence && toks[k].is_word() {
                                let (clause, end) = self.reported_clause(&para, k);
                                content = clause;
                                next = end;
                            }
                        }
                        resolved = Some((subject, i));
                    }
                    CueKind::Verb(_) => {
                        // "..."، قال الوزير: the quotation before the cue.
                        // A one-word quotation is a scare quote ("وصفتهم بـ"الإرهابيين""), not a report.
                        let before =
                            para.closing_before(i).filter(|q| !self.is_title_quote(toks, *q) && para.words_in(*q) >= 2);
                        let (mut subject, mut k) =
                            self.subject_after(toks, i + 1, &entities, self.bi_verbs.contains(toks[i].base()));
                        // "وكان الشواشي قد أكد": the pluperfect puts the subject between كان and قد.
                        if subject.name.is_none() && subject.role.is_none() && i >= 3 && toks[i - 1].base() == "قد" {
                            let kana =
                                (i.saturating_sub(8)..i - 1).rev().find(|&x| matches!(toks[x].base(), "كان" | "كانت"));
                            if let Some(kana) =
                                kana.filter(|&x| x + 1 < i - 1 && (x + 1..i - 1).all(|w| toks[w].is_word()))
                            {
                                self.split_role_name(toks, kana + 1, i - 1, &mut subject);
                            }
                        }
                        // "لكن الهيئة شددت على", "وزارة الداخلية تؤكد أن": the subject before the verb.
                        if subject.name.is_none()
                            && subject.role.is_none()
                            && subject.pronoun.is_none()
                            && let Some((a, b)) = self.subject_before(toks, i)
                        {
                            self.split_role_name(toks, a, b, &mut subject);
                        }
                        // "نقلت الوكالة عن مسؤول قوله إن ...": the one relayed is the speaker.
                        let relays = matches!(toks[i].base(), "نقل" | "نقلت" | "ينقل" | "تنقل");
                        if relays && k < toks.len() && toks[k].base() == "عن" {
                            let start = k + 1;
                            let end = self.words_until_stop(toks, start, 8);
                            let mut name_end = end;
                            if name_end > start && toks[name_end - 1].base().starts_with("قول") {
                                name_end -= 1;
                            }
                            if name_end > start {
                                subject = Subject::default();
                                self.split_role_name(toks, start, name_end, &mut subject);
                                k = end;
                            }
                        }
                        if let Some(q) = before {
                            content = para.content(q).map(|c| (QuoteKind::Direct, c));
                        } else {
                            if k < toks.len() && matches!(self.cue(&toks[k]), Some(CueKind::Participle(_))) {
                                k += 1;
                            }
                            // "وقالت زايد في مؤتمر صحفي: «...»": a short adverbial before the colon.
                            // ... and an addressee or a medium ("لوكالة فرانس برس:", "على تويتر:").
                            let colon = (k..(k + 8).min(toks.len()))
                                .take_while(|&c| {
                                    !self.is_strong_complementizer(&toks[c])
                                        && toks[c].sentence == toks[i].sentence
                                        && self.cue(&toks[c]).is_none()
                                })
                                .find(|&c| toks[c].is_mark(&[':']));
                            if let Some(c) = colon.filter(|&c| para.opening_near(c + 1).is_some()) {
                                k = c;
                            }
                            if k < toks.len() && toks[k].is_mark(&[':']) {
                                match para.opening_near(k + 1) {
                                    Some(q) => {
                                        content = para.content(q).map(|c| (QuoteKind::Direct, c));
                                        consumed = Some(q);
                                    }
                                    None => {
                                        let end = self.clause_end(toks, k + 1);
                                        content = covered(toks, k + 1, end).map(|c| (QuoteKind::Indirect, c));
                                    }
                                }
                            } else if let Some(q) =
                                para.opening_near(k).filter(|q| q.open == k && para.words_in(*q) >= 4)
                            {
                                content = para.content(q).map(|c| (QuoteKind::Direct, c));
                                consumed = Some(q);
                            } else if k < toks.len() && toks[k].sentence == toks[i].sentence && toks[k].is_word() {
                                // "طالب بها": ب with a pronoun refers back; it opens no content.
                                let bi = toks[k].base().starts_with('ب')
                                    && !toks[k]
                                        .base()
                                        .strip_prefix('ب')
                                        .is_some_and(|rest| PRONOUN_SUFFIXES.contains(&rest))
                                    && self.bi_verbs.contains(toks[i].base());
                                // "نقل سفارتها إلى القدس": to relay is "نقل عن"; "نقل إلى" moves.
                                let moved = relays && toks[k].base() == "الي";
                                let opens = (self.opens_clause(toks, k) && !moved) || bi;
                                let named = subject.name.is_some() && known_name_at(toks, i + 1, &entities).is_some();
                                let impersonal =
                                    subject.name.is_none() && subject.role.is_none() && k == i + 1 && i > 0 && !opens;
                                if (opens || named) && !impersonal {
                                    let (clause, end) = self.reported_clause(&para, k);
                                    content = clause;
                                    next = end;
                                }
                            }
                        }
                        resolved = Some((subject, i));
                    }
                    CueKind::Participle(_) => {
                        // "، مشيرا إلى أن ..." continues the sentence's speaker.
                        let k = i + 1;
                        if k < toks.len() && toks[k].is_mark(&[':']) {
                            if let Some(q) = para.opening_near(k + 1) {
                                content = para.content(q).map(|c| (QuoteKind::Direct, c));
                                consumed = Some(q);
                            }
                        } else if k < toks.len() && toks[k].is_word() {
                            let end = self.clause_end(toks, k);
                            content = covered(toks, k, end).map(|c| (QuoteKind::Indirect, c));
                            next = end;
                        }
                        resolved = Some((Subject::default(), i));
                    }
                    CueKind::According => {
                        // بحسب/وفقا لـ + source، content | content ... بحسب source.
                        if let Some((subject, end)) = self.source_after(&para, i) {
                            let sentence = toks[i].sentence;
                            let first = toks.iter().position(|t| t.sentence == sentence).unwrap_or(i);
                            let mut after =
                                if end < toks.len() && toks[end].is_mark(&['،', ',']) { end + 1 } else { end };
                            if after < toks.len() && toks[after].base() == "ان" && self.is_complementizer(&toks[after])
                            {
                                after += 1;
                            }
                            let clause = if i <= first + 1 {
                                // "ووفقا لموقع X، قال الطبيب ...": the verb reports; the source relays.
                                if matches!(toks.get(after).and_then(|t| self.cue(t)), Some(CueKind::Verb(_))) {
                                    None
                                } else {
                                    let stop = self.clause_end(toks, after);
                                    covered(toks, after, stop)
                                }
                            } else {
                                let mut stop = i;
                                // "... على حد تعبير الوزير": the content ends before "على حد".
                                if toks[i].base() == "تعبير" && i >= 2 && toks[i - 1].base() == "حد" {
                                    stop = i - 2;
                                }
                                while stop > first && toks[stop - 1].is_mark(&['،', ',']) {
                                    stop -= 1;
                                }
                                covered(toks, first, stop)
                            };
                            content = clause.map(|c| (QuoteKind::Indirect, c));
                            resolved = Some((subject, i));
                            next = end;
                        }
                    }
                }

                if content.is_none()
                    && let (Some((subject, _)), Some(CueKind::Verb(g))) = (&resolved, self.cue(&toks[i]))
                    && (subject.name.is_some() || subject.role.is_some())
                {
                    pending = Some((subject.clone(), g));
                    // The subject of "أعلن الرئيس استقالته" is who a following "وقال:" continues.
                    let (speaker, mention) =
                        resolve(text, toks, subject, g, &mut entities, last_in_zone.get(&p.zone).copied())?;
                    if let (Some(e), Some(m)) = (speaker, mention) {
                        entities[e].mentions.push(m);
                        last_in_zone.insert(p.zone, e);
                    }
                }
                if let (Some((kind, (start, end))), Some((subject, _))) = (content, resolved) {
                    let end = trim_end_punct(text, start, end);
                    if end > start {
                        let gender = match self.cue(&toks[i]) {
                            Some(CueKind::Verb(g) | CueKind::Participle(g)) => g,
                            _ => Gender::Any,
                        };
                        let participle = matches!(self.cue(&toks[i]), Some(CueKind::Participle(_)));
                        let (speaker, mention) = if let Some((earlier, g)) =
                            pending.take().filter(|_| participle && subject.name.is_none())
                        {
                            let (speaker, _) =
                                resolve(text, toks, &earlier, g, &mut entities, last_in_zone.get(&p.zone).copied())?;
                            (speaker, None)
                        } else if participle && subject.name.is_none() {
                            (sentence_speaker.and_then(|(_, e)| e).or_else(|| last_in_zone.get(&p.zone).copied()), None)
                        } else {
                            resolve(text, toks, &subject, gender, &mut entities, last_in_zone.get(&p.zone).copied())?
                        };
                        if let Some(e) = speaker {
                            last_in_zone.insert(p.zone, e);
                        }
                        sentence_speaker = Some((i, speaker));
                        if continues
                            && kind == QuoteKind::Direct
                            && para.quotations.first().and_then(|q| para.content(*q)).is_some_and(|c| c.0 == start)
                        {
                            for &(_, (cs, ce)) in &continued {
                                let span = Span::new(text, cs, ce)?;
                                quotes.push(Quote {
                                    kind: QuoteKind::Direct,
                                    span,
                                    text: span.of(text).to_owned(),
                                    speaker: None,
                                    speaker_span: None,
                                    cue: Some(Cue { text: cue_span.of(text).to_owned(), span: cue_span }),
                                    confidence: 0.8,
                                });
                                attributions.push(speaker);
                            }
                        }
                        let span = Span::new(text, start, end)?;
                        let confidence = match (kind, mention.is_some(), speaker.is_some()) {
                            (QuoteKind::Direct, true, _) => 0.95,
                            (_, true, _) => 0.85,
                            (_, false, true) => 0.7,
                            _ => 0.4,
                        };
                        quotes.push(Quote {
                            kind,
                            span,
                            text: span.of(text).to_owned(),
                            speaker: None,
                            speaker_span: mention,
                            cue: Some(Cue { text: cue_span.of(text).to_owned(), span: cue_span }),
                            confidence,
                        });
                        attributions.push(speaker);
                        if let Some(m) = mention {
                            if let Some(e) = speaker {
                                entities[e].mentions.push(m);
                            }
                        }
                    }
                }
                if let Some(q) = consumed {
                    next = next.max(q.close.map_or(toks.len(), |c| c + 1));
                }
                i = next.max(i + 1);
            }
        }

        // Speakers are those who were quoted; a subject that only announced or did something
        // was kept for pro-drop continuations, not for the output.
        let quoted: HashSet<usize> = attributions.iter().flatten().copied().collect();
        let mut ids: Vec<Option<String>> = vec![None; entities.len()];
        let mut n = 0;
        for (e, id) in ids.iter_mut().enumerate() {
            if quoted.contains(&e) {
                n += 1;
                *id = Some(format!("s{n}"));
            }
        }
        for (quote, speaker) in quotes.iter_mut().zip(&attributions) {
            quote.speaker = speaker.and_then(|e| ids[e].clone());
        }
        let speakers = entities
            .into_iter()
            .zip(ids)
            .filter_map(|(e, id)| id.map(|id| (e, id)))
            .map(|(e, id)| Speaker {
                id,
                name: e.name,
                aliases: e.aliases,
                role: e.role,
                kind: Some(e.kind.into()),
                mentions: e.mentions,
            })
            .collect();
        doc.layers.quotes = Some(quotes);
        doc.layers.speakers = Some(speakers);
        Ok(())
    }
}

/// Drops a final stop and closing marks from a reported clause.
fn trim_end_punct(text: &str, start: usize, end: usize) -> usize {
    let slice = text.get(start..end).unwrap_or("");
    let trimmed = slice.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | '،' | ',' | '؛' | ';'));
    start + trimmed.len()
}

/// Finds or makes the speaker of a subject; a subject-less cue takes the zone's last speaker
/// if the verb's gender allows. Returns the speaker and the mention's span (the name when the
/// subject has one, else its title).
fn resolve(
    text: &str,
    toks: &[Token],
    subject: &Subject,
    gender: Gender,
    entities: &mut Vec<Entity>,
    last: Option<usize>,
) -> Result<(Option<usize>, Option<Span>), AnalyzeError> {
    let agrees = |g: Gender| gender == Gender::Any || g == Gender::Any || g == gender;
    let Some((a, b)) = subject.name.or(subject.role) else {
        let wanted = subject.pronoun.unwrap_or(gender);
        let speaker = last.filter(|&e| agrees(entities[e].gender) && (wanted == Gender::Any || agrees(wanted)));
        return Ok((speaker, None));
    };
    let (start, end) = covered(toks, a, b).unwrap_or((toks[a].start, toks[b - 1].end));
    let span = Span::new(text, start, end)?;
    let mut mention = span.of(text).to_owned();
    if subject.source && toks[a].base().starts_with("لل") {
        // "للمذكرة" is ل + "المذكرة": name the source without the preposition.
        mention = format!("ا{}", mention.chars().skip(1).collect::<String>());
    } else if subject.lam && toks[a].base().starts_with('ل') {
        // "وفقا لبيانات": the source is "بيانات".
        mention = mention.chars().skip(1).collect();
    }
    let last_word = toks[b - 1].base().to_owned();
    let role =
        subject.role.and_then(|(ra, rb)| covered(toks, ra, rb)).and_then(|(s, e)| text.get(s..e)).map(str::to_owned);
    let head_word =
        if mention.is_ascii() { mention.split_whitespace().last() } else { mention.split_whitespace().next() };
    let head = fold_str(head_word.unwrap_or("")).trim_start_matches("ال").to_owned();
    let kind = if subject.source && DOCUMENTS.iter().any(|d| fold_str(d) == head) {
        "document"
    } else if ORGANIZATIONS.iter().any(|o| fold_str(o) == head) {
        "organization"
    } else {
        "person"
    };
    // "الوزير" after "وزير الطاقة": a bare title is the latest speaker with that title.
    let bare_title = subject.name.is_none() && b - a == 1;
    let head_of = |s: &str| fold_str(s.split_whitespace().next().unwrap_or("")).trim_start_matches("ال").to_owned();
    let same = |e: &Entity| {
        if subject.name.is_some() {
            e.last == last_word
        } else {
            e.role.as_deref() == Some(mention.as_str())
                || e.name == mention
                || (b - a == 1 && e.last == last_word)
                || (bare_title && e.role.as_deref().is_some_and(|r| head_of(r) == head_of(&mention)))
        }
    };
    let index = match entities.iter().rposition(same) {
        Some(index) => {
            let entity = &mut entities[index];
            let longer = mention.split_whitespace().count() > entity.name.split_whitespace().count();
            if subject.name.is_some() && longer {
                let old = std::mem::replace(&mut entity.name, mention.clone());
                if !entity.aliases.contains(&old) {
                    entity.aliases.push(old);
                }
            } else if mention != entity.name && !entity.aliases.contains(&mention) {
                entity.aliases.push(mention.clone());
            }
            if entity.role.is_none() {
                entity.role = role;
            }
            index
        }
        None => {
            entities.push(Entity {
                name: mention,
                kind,
                last: last_word,
                aliases: Vec::new(),
                role,
                gender,
                mentions: Vec::new(),
            });
            entities.len() - 1
        }
    };
    Ok((Some(index), Some(span)))
}

/// The subject after an English verb ("said Lavrov").
fn english_subject_after(toks: &[Token], k: usize, text: &str) -> (Subject, usize) {
    let mut subject = Subject::default();
    let mut b = k;
    while b < toks.len() && b < k + 4 && toks[b].is_word() && capitalized(text, &toks[b]) {
        b += 1;
    }
    if b > k {
        subject.name = Some((k, b));
    } else if let Some((_, g)) = toks.get(k).and_then(|t| PRONOUNS.iter().find(|(p, _)| t.base() == *p)) {
        subject.pronoun = Some(*g);
        b = k + 1;
    }
    (subject, b)
}

fn capitalized(text: &str, t: &Token) -> bool {
    text.get(t.start..).and_then(|s| s.chars().next()).is_some_and(char::is_uppercase)
}

/// The registry entry for `quotes`.
pub fn spec() -> AnalyzerSpec {
    AnalyzerSpec {
        name: NAME.into(),
        summary: "direct and reported speech, cues, speakers and their roles".into(),
        requires: REQUIRES.to_vec(),
        provides: PROVIDES.to_vec(),
        options: describe_options::<QuotesOptions>(&[
            ("cues", "more reporting verbs"),
            ("roles", "more role nouns that open a speaker's title"),
        ]),
        origin: "built-in".into(),
        factory: Arc::new(|options| Ok(Box::new(Quotes::new(parse_options(options)?)))),
    }
}

#[cfg(test)]
mod tests;
