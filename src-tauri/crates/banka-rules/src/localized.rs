//! Words in every language the app speaks, as one value: whoever makes words makes them in each
//! language at once, and a language added is a field the compiler asks for wherever words are made.
//! It crosses IPC (and the CLI's JSON) as `{"zh": …, "zh-Hant": …, "en": …}`, keyed like the UI's
//! `Lang`, so the UI picks a language with `text[lang]` and keeps no pairs of its own.

use crate::hant;

/// The same words in each language, each complete on its own (never one language inside another).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Localized {
    pub zh: String,
    /// 繁體中文: from a reviewed catalog where there is one (the flows'), else `hant::traditional`.
    #[serde(rename = "zh-Hant")]
    pub zh_hant: String,
    pub en: String,
}

impl Localized {
    /// Words written in 简体 and English; the 繁體 follows from the 简体 (`hant::traditional`).
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        let zh = zh.into();
        Localized { zh_hant: hant::traditional(&zh), zh, en: en.into() }
    }

    /// Words whose 繁體 a person wrote (a reviewed catalog's entry).
    pub fn reviewed(zh: impl Into<String>, zh_hant: impl Into<String>, en: impl Into<String>) -> Self {
        Localized { zh: zh.into(), zh_hant: zh_hant.into(), en: en.into() }
    }

    /// A Chinese name with no English one (a place in the division codes): English shows it as
    /// written, 繁體中文 in its characters.
    pub fn chinese(name: impl Into<String>) -> Self {
        let name = name.into();
        Localized { zh_hant: hant::traditional(&name), zh: name.clone(), en: name }
    }

    /// The same text in every language: what a person typed, or a value with no words in it.
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Localized { zh: text.clone(), zh_hant: text.clone(), en: text }
    }
}

/// Words stored before 繁體中文 was offered have only `zh` and `en`: their 繁體 follows from the 简体.
impl<'de> serde::Deserialize<'de> for Localized {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        struct Stored {
            zh: String,
            #[serde(rename = "zh-Hant")]
            zh_hant: Option<String>,
            en: String,
        }
        let Stored { zh, zh_hant, en } = Stored::deserialize(deserializer)?;
        Ok(match zh_hant {
            Some(zh_hant) => Localized::reviewed(zh, zh_hant, en),
            None => Localized::new(zh, en),
        })
    }
}

/// One line for the audit trail and logs of words: 简体 and English once each, `zh / en` when they
/// differ (the 繁體 follows from the 简体, so it adds nothing to a record).
impl std::fmt::Display for Localized {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.zh == self.en {
            f.write_str(&self.zh)
        } else {
            write!(f, "{} / {}", self.zh, self.en)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_complete_and_old_words_gain_their_traditional() {
        let text = Localized::new("请上传户口簿", "Upload the household register");
        assert_eq!(text.zh_hant, "請上傳戶口簿");
        let json = serde_json::to_value(&text).unwrap();
        assert_eq!(json["zh-Hant"], "請上傳戶口簿");
        assert_eq!(serde_json::from_value::<Localized>(json).unwrap(), text);
        let old: Localized = serde_json::from_str(r#"{"zh":"照片太暗","en":"Too dark"}"#).unwrap();
        assert_eq!(old.zh_hant, "照片太暗");
        let reviewed: Localized = serde_json::from_str(r#"{"zh":"信息","zh-Hant":"資料","en":"Details"}"#).unwrap();
        assert_eq!(reviewed.zh_hant, "資料", "a reviewed 繁體 is kept as it was written");
    }
}
