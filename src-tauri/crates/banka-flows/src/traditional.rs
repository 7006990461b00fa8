//! The flows' words in 繁體中文, from their reviewed catalog (`flows/zh-Hant.toml`: each 简体 text
//! of a flow file → its 繁體, read by people; `tests/zh_hant.rs` keeps it complete). A text with no
//! entry (a flow being written) falls back to `banka_rules::hant::traditional`.

use std::collections::HashMap;
use std::sync::LazyLock;

use banka_rules::{hant, Localized};

static CATALOG: LazyLock<HashMap<String, String>> = LazyLock::new(|| {
    #[derive(serde::Deserialize)]
    struct Catalog {
        text: HashMap<String, String>,
    }
    toml::from_str::<Catalog>(include_str!("../flows/zh-Hant.toml")).expect("flows/zh-Hant.toml is a [text] table").text
});

/// The reviewed 繁體 of a flow's 简体 text.
pub fn traditional(zh: &str) -> String {
    CATALOG.get(zh).cloned().unwrap_or_else(|| hant::traditional(zh))
}

/// A flow's words (`*_zh` and `*_en` of one thing) in every language.
pub fn words(zh: &str, en: &str) -> Localized {
    Localized::reviewed(zh, traditional(zh), en)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reviewed_entry_wins_over_the_conversion() {
        // The catalog chose 資料 for this 信息, which s2tw leaves as it is.
        assert_eq!(traditional("基本信息"), "基本資料");
        assert_eq!(words("基本信息", "Basic details").en, "Basic details");
        assert_eq!(traditional("一段还没有条目的新文字"), hant::traditional("一段还没有条目的新文字"));
    }
}
