use serde::Serialize;
use serde::de::DeserializeOwned;

/// Options arrive as a neutral JSON value, whether they were written in a TOML config or
/// sent to a plugin, so one `Deserialize` implementation serves both.
pub type Options = serde_json::Value;

/// Why options could not be read into an analyzer's options struct.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct OptionsError {
    /// Keys from the analyzer's table down to the offending value; for an unknown key, down to
    /// the table that holds it (empty: the analyzer's table itself).
    pub path: Vec<String>,
    /// What is wrong, with the valid choices where serde knows them.
    pub message: String,
}

impl OptionsError {
    /// An error about the option at `path`.
    pub fn new(path: Vec<String>, message: impl Into<String>) -> Self {
        OptionsError { path, message: message.into() }
    }

    /// The unknown key named by a serde "unknown field" message, if that is the error.
    pub fn unknown_key(&self) -> Option<&str> {
        let rest = self.message.strip_prefix("unknown field `")?;
        rest.split('`').next()
    }
}

/// Reads options into `T`; absent options (`null`) read as an empty table.
///
/// `T` should be `#[serde(default, deny_unknown_fields)]`, so that a typo is an error that
/// lists the valid keys.
pub fn parse_options<T: DeserializeOwned>(options: &Options) -> Result<T, OptionsError> {
    let empty = Options::Object(Default::default());
    let options = if options.is_null() { &empty } else { options };
    serde_path_to_error::deserialize(options).map_err(|err| {
        let path = err
            .path()
            .iter()
            .filter_map(|segment| match segment {
                serde_path_to_error::Segment::Map { key } => Some(key.clone()),
                serde_path_to_error::Segment::Seq { index } => Some(index.to_string()),
                _ => None,
            })
            .collect();
        let mut error = OptionsError::new(path, err.into_inner().to_string());
        // The path of an unknown key ends at the key itself; point at the table holding it.
        if let Some(key) = error.unknown_key().map(str::to_owned) {
            if error.path.last() == Some(&key) {
                error.path.pop();
            }
        }
        error
    })
}

/// One option as `khabar analyzers` shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionDoc {
    /// The key.
    pub name: String,
    /// Its default value.
    pub default: serde_json::Value,
    /// What it does.
    pub doc: String,
}

/// Documents an options struct: the defaults come from `T::default()`, the words from `docs`
/// (key, description); keys `docs` does not describe are listed with an empty description.
pub fn describe_options<T: Serialize + Default>(docs: &[(&str, &str)]) -> Vec<OptionDoc> {
    let defaults = match serde_json::to_value(T::default()) {
        Ok(serde_json::Value::Object(map)) => map,
        _ => Default::default(),
    };
    defaults
        .into_iter()
        .map(|(name, default)| {
            let doc = docs.iter().find(|(key, _)| *key == name).map_or("", |(_, doc)| doc);
            OptionDoc { name, default, doc: doc.to_owned() }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Default, Serialize, Deserialize, PartialEq)]
    #[serde(default, deny_unknown_fields)]
    struct Opts {
        year: String,
        strict: bool,
    }

    #[test]
    fn reads_and_reports() {
        let ok: Opts = parse_options(&serde_json::json!({"year": "tense"})).unwrap();
        assert_eq!(ok.year, "tense");
        let none: Opts = parse_options(&Options::Null).unwrap();
        assert_eq!(none, Opts::default());

        let typo = parse_options::<Opts>(&serde_json::json!({"yaer": "x"})).unwrap_err();
        assert_eq!(typo.unknown_key(), Some("yaer"));
        assert!(typo.path.is_empty(), "{:?}", typo.path);
        assert!(typo.message.contains("`year`"), "{}", typo.message);

        let wrong = parse_options::<Opts>(&serde_json::json!({"strict": "yes"})).unwrap_err();
        assert_eq!(wrong.path, vec!["strict".to_owned()]);
        assert_eq!(wrong.unknown_key(), None);
    }

    #[test]
    fn describes_defaults() {
        let docs = describe_options::<Opts>(&[("year", "how to pick a year")]);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[1].name, "year");
        assert_eq!(docs[1].doc, "how to pick a year");
        assert_eq!(docs[0].default, serde_json::json!(false));
    }
}
