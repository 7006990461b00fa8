//! Words in every language the app speaks, as one value: whoever makes words makes them in each
//! language at once, and a language added is a field the compiler asks for wherever words are made.
//! It crosses IPC (and the CLI's JSON) as `{"zh": …, "en": …}`, keyed like the UI's `Lang`, so the
//! UI picks a language with `text[lang]` and keeps no pairs of its own.

/// The same words in each language, each complete on its own (never one language inside another).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Localized {
    pub zh: String,
    pub en: String,
}

impl Localized {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Localized { zh: zh.into(), en: en.into() }
    }

    /// The same text in every language: what a person typed, or a value with no words in it.
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Localized { zh: text.clone(), en: text }
    }
}

/// One line for the audit trail and logs of words: each language once, `zh / en` when they differ.
impl std::fmt::Display for Localized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.zh == self.en {
            f.write_str(&self.zh)
        } else {
            write!(f, "{} / {}", self.zh, self.en)
        }
    }
}
