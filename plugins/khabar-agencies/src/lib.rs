//! `agencies`: which news agencies an article credits, and where.
//!
//! This crate is a complete khabar plugin and the template for writing one. It is an ordinary
//! [`Analyzer`] (so it can also be linked in statically, as the benches do) that writes its
//! result under `doc.layers.plugins["agencies"]`; [`AgenciesPlugin`] describes and builds it,
//! and one line, `khabar_plugin::export_plugin!(AgenciesPlugin)`, exports it as a `cdylib`.
//!
//! It finds agency names (رويترز، فرانس برس، أ ف ب، الأناضول، سبوتنيك، وام، واس، سانا، قنا،
//! كونا، بترا، و م ع، "وكالات", Reuters, AP, AFP, ...: see [`AGENCIES`]) as whole words in the
//! folded text (so hamza, alef and tanween variants match), and site/agency credits such as
//! "الثورة نت/وكالات", where the site's name before the slash is kept too. The layer:
//!
//! ```json
//! {"agencies": ["AFP", "Reuters"],
//!  "credits": [{"agency": "Reuters", "text": "رويترز", "span": [120, 132]},
//!              {"agency": "agencies", "site": "الثورة نت", "text": "الثورة نت/وكالات", "span": [7220, 7250]}]}
//! ```
//!
//! Options (`[analyzers.agencies]`): `extra`, more names to find (each credited as written),
//! e.g. `extra = ["وكالة سبأ"]`.

use std::sync::Arc;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use khabar_core::text::{Normalized, fold_str};
use khabar_core::{
    AnalyzeError, Analyzer, AnalyzerSpec, Document, Layer, Options, OptionsError, describe_options, parse_options,
};
use khabar_plugin::{Description, Plugin};
use serde::{Deserialize, Serialize};

/// The analyzer's name, and its layer's.
pub const NAME: &str = "agencies";

/// Agency names as articles write them, and the name they are credited under.
pub const AGENCIES: &[(&str, &str)] = &[
    ("رويترز", "Reuters"),
    ("وكالة رويترز", "Reuters"),
    ("فرانس برس", "AFP"),
    ("فرانس بريس", "AFP"),
    ("وكالة الصحافة الفرنسية", "AFP"),
    ("أ ف ب", "AFP"),
    ("أ.ف.ب", "AFP"),
    ("ا ف ب", "AFP"),
    ("أسوشيتد برس", "AP"),
    ("أسوشيتيد برس", "AP"),
    ("أ ب", "AP"),
    ("الأناضول", "Anadolu"),
    ("وكالة الأناضول", "Anadolu"),
    ("سبوتنيك", "Sputnik"),
    ("وام", "WAM"),
    ("واس", "SPA"),
    ("وكالة الأنباء السعودية", "SPA"),
    ("سانا", "SANA"),
    ("قنا", "QNA"),
    ("كونا", "KUNA"),
    ("بترا", "Petra"),
    ("و م ع", "MAP"),
    ("و.م.ع", "MAP"),
    ("وكالة المغرب العربي للأنباء", "MAP"),
    ("واج", "APS"),
    ("وات", "TAP"),
    ("أ ش أ", "MENA"),
    ("وكالة أنباء الشرق الأوسط", "MENA"),
    ("د ب أ", "dpa"),
    ("شينخوا", "Xinhua"),
    ("تاس", "TASS"),
    ("ريا نوفوستي", "RIA Novosti"),
    ("إرنا", "IRNA"),
    ("وكالات", "agencies"),
    ("reuters", "Reuters"),
    ("associated press", "AP"),
    ("ap", "AP"),
    ("afp", "AFP"),
    ("agence france-presse", "AFP"),
    ("anadolu", "Anadolu"),
    ("sputnik", "Sputnik"),
    ("dpa", "dpa"),
    ("xinhua", "Xinhua"),
    ("tass", "TASS"),
    ("kuna", "KUNA"),
    ("bloomberg", "Bloomberg"),
];

/// Options of `agencies`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AgenciesOptions {
    /// More agency names to find, each credited as written.
    pub extra: Vec<String>,
}

/// One credit found in the text.
#[derive(Debug, Clone, PartialEq, Serialize)]
struct Credit {
    agency: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    site: Option<String>,
    text: String,
    span: khabar_core::Span,
}

/// The `agencies` analyzer.
pub struct Agencies {
    matcher: AhoCorasick,
    credited: Vec<String>,
    provides: Vec<Layer>,
}

impl Agencies {
    /// Builds the matcher over the built-in names and `options.extra`.
    pub fn new(options: AgenciesOptions) -> Result<Agencies, OptionsError> {
        let mut patterns = Vec::new();
        let mut credited = Vec::new();
        for (written, agency) in AGENCIES
            .iter()
            .map(|(w, a)| (w.to_string(), a.to_string()))
            .chain(options.extra.iter().map(|e| (e.clone(), e.clone())))
        {
            let folded = fold_str(written.trim());
            if folded.is_empty() {
                return Err(OptionsError::new(vec!["extra".into()], "agency names must not be empty"));
            }
            patterns.push(folded);
            credited.push(agency);
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .map_err(|e| OptionsError::new(vec!["extra".into()], e.to_string()))?;
        Ok(Agencies { matcher, credited, provides: vec![Layer::Plugin(NAME.into())] })
    }

    fn credits(&self, text: &str) -> Vec<Credit> {
        let folded = Normalized::new(text);
        let f = folded.as_str();
        let mut credits = Vec::new();
        for m in self.matcher.find_iter(f) {
            let mut before = f.get(..m.start()).unwrap_or("").chars().rev();
            let after = f.get(m.end()..).and_then(|s| s.chars().next());
            // Whole words only, but Arabic clitics (و ب ل ف ك) glue to the word they precede:
            // "لوكالة رويترز" credits Reuters.
            let open = match (before.next(), before.next()) {
                (None, _) => true,
                (Some(c), _) if !c.is_alphanumeric() => true,
                (Some('و' | 'ب' | 'ل' | 'ف' | 'ك'), next) => next.is_none_or(|c| !c.is_alphanumeric()),
                _ => false,
            };
            if !open || after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let (mut start, end) = folded.original_range(m.start(), m.end());
            let agency = self.credited[m.pattern().as_usize()].clone();
            let mut site = None;
            // "الثورة نت/وكالات": the site before the slash is part of the credit.
            if text.get(..start).is_some_and(|s| s.ends_with('/')) {
                let head = text.get(..start - 1).unwrap_or("");
                let clause_start = head.rfind(['\n', '.', '،', ',', ':']).map_or(0, |i| i + 1);
                let clause = head.get(clause_start..).unwrap_or("");
                let name = clause.trim();
                if !name.is_empty() && name.split_whitespace().count() <= 3 {
                    site = Some(name.to_owned());
                    start = clause_start + (clause.len() - clause.trim_start().len());
                }
            }
            let Ok(span) = khabar_core::Span::new(text, start, end) else { continue };
            credits.push(Credit { agency, site, text: span.of(text).to_owned(), span });
        }
        credits
    }
}

impl Analyzer for Agencies {
    fn name(&self) -> &str {
        NAME
    }

    fn requires(&self) -> &[Layer] {
        &[]
    }

    fn provides(&self) -> &[Layer] {
        &self.provides
    }

    fn analyze(&self, doc: &mut Document) -> Result<(), AnalyzeError> {
        let credits = self.credits(doc.text());
        let mut agencies: Vec<&str> = credits.iter().map(|c| c.agency.as_str()).collect();
        agencies.sort_unstable();
        agencies.dedup();
        let layer = serde_json::json!({ "agencies": agencies, "credits": credits });
        doc.layers.plugins.insert(NAME.into(), layer);
        Ok(())
    }
}

const OPTION_DOCS: &[(&str, &str)] = &[("extra", "more agency names to find, each credited as written")];

/// The plugin: describes and builds [`Agencies`].
pub struct AgenciesPlugin;

impl Plugin for AgenciesPlugin {
    fn describe() -> Description {
        Description {
            name: NAME.into(),
            version: env!("CARGO_PKG_VERSION").into(),
            summary: "news-agency credits (رويترز، أ ف ب، واس، Reuters, AFP, ...)".into(),
            requires: Vec::new(),
            provides: vec![format!("plugins.{NAME}")],
            options: describe_options::<AgenciesOptions>(OPTION_DOCS),
        }
    }

    fn create(options: &Options) -> Result<Box<dyn Analyzer>, OptionsError> {
        Ok(Box::new(Agencies::new(parse_options(options)?)?))
    }
}

khabar_plugin::export_plugin!(AgenciesPlugin);

/// The registry entry for linking `agencies` in statically.
pub fn spec() -> AnalyzerSpec {
    AnalyzerSpec {
        name: NAME.into(),
        summary: AgenciesPlugin::describe().summary,
        requires: Vec::new(),
        provides: vec![Layer::Plugin(NAME.into())],
        options: describe_options::<AgenciesOptions>(OPTION_DOCS),
        origin: "built-in".into(),
        factory: Arc::new(AgenciesPlugin::create),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn credits(text: &str) -> Vec<(String, String)> {
        let agencies = Agencies::new(AgenciesOptions { extra: vec!["وكالة سبأ".into()] }).unwrap();
        agencies.credits(text).into_iter().map(|c| (c.agency, c.text)).collect()
    }

    #[test]
    fn finds_credits_as_whole_words() {
        assert_eq!(credits("قال مصدر لوكالة رويترز إن"), vec![("Reuters".into(), "وكالة رويترز".into())]);
        assert_eq!(credits("(أ ف ب) - أعلن"), vec![("AFP".into(), "أ ف ب".into())]);
        assert_eq!(credits("الرياض واس"), vec![("SPA".into(), "واس".into())]);
        assert!(credits("اقتراح واسع النطاق").is_empty(), "واسع is not واس");
        assert_eq!(credits("نقلت وكالة سبأ"), vec![("وكالة سبأ".into(), "وكالة سبأ".into())]);
        assert_eq!(credits("LONDON (Reuters) - Oil"), vec![("Reuters".into(), "Reuters".into())]);
    }

    #[test]
    fn keeps_the_site_of_a_site_agency_credit() {
        let text = "جلسة الاثنين.\nالثورة نت/وكالات يعقد مجلس الأمن";
        let agencies = Agencies::new(AgenciesOptions::default()).unwrap();
        let found = agencies.credits(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].site.as_deref(), Some("الثورة نت"));
        assert_eq!(found[0].text, "الثورة نت/وكالات");
    }
}
