//! Words in every language the app speaks, as one value: whoever makes words makes them in each
//! language at once, and a language added is a field the compiler asks for wherever words are made.

/// The same words in each language, each complete on its own (never one language inside another).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Localized {
    pub zh: String,
    pub en: String,
}

impl Localized {
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Localized { zh: zh.into(), en: en.into() }
    }
}
