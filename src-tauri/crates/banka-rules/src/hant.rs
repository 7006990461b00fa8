//! 繁體中文 from 简体 for the words Rust makes as it goes (findings, errors, photo problems, labels):
//! OpenCC's s2tw (ferrous-opencc, the same data and algorithm as the opencc-js that seeded the UI's
//! and the flows' reviewed catalogs), then the reviewed glossary (`docs/zh-hant/glossary.tsv`), so
//! 身份證, 戶口簿, 港澳居民來往內地通行證 and 郵寄到付 come out as those readers write them, not as a
//! character-by-character conversion would. Texts that have a reviewed catalog entry (the flows')
//! use it instead; see `Localized::reviewed`.
//!
//! Also the other way: a search typed in 繁體 is folded to 简体 before it meets data that is kept
//! in 简体 (the agency's bank and branch names).

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;

/// The reviewed terms: `simplified` → `chosen_zh_hant`, one row each (`a / b` cells pair term by term).
const GLOSSARY: &str = include_str!("../../../../docs/zh-hant/glossary.tsv");

/// Character shapes this app writes whatever the term: 台 (not 臺), 發 (it has no "hair"), and the
/// corner quotes Hong Kong, Macau and Taiwan use.
const SHAPES: &[(&str, &str)] = &[("臺", "台"), ("髮", "發"), ("“", "「"), ("”", "」"), ("‘", "『"), ("’", "』")];

struct Converter {
    s2tw: OpenCC,
    /// What s2tw makes of each glossary term → the term the glossary chose (longest match wins).
    terms: AhoCorasick,
    chosen: Vec<String>,
    shapes: AhoCorasick,
}

static CONVERTER: LazyLock<Converter> = LazyLock::new(|| {
    let s2tw = OpenCC::from_config(BuiltinConfig::S2tw).expect("OpenCC's built-in s2tw");
    // Terms s2tw already gets right stay in too: as the longer match they keep 小程序 and 手機號碼
    // whole against the shorter 程序 → 程式 and 手機號 → 手機號碼.
    let (seeds, chosen): (Vec<String>, Vec<String>) =
        glossary_pairs().into_iter().map(|(simplified, chosen)| (s2tw.convert(&simplified), chosen)).unzip();
    let longest = |patterns: &[String]| {
        AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(patterns).expect("glossary terms")
    };
    let terms = longest(&seeds);
    let shapes = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(SHAPES.iter().map(|(from, _)| from))
        .expect("shape fixes");
    Converter { s2tw, terms, chosen, shapes }
});

/// The other way, for searches only: loaded by the first search typed, not with the words (a
/// window that never searches in 繁體 never holds its tables).
static T2S: LazyLock<OpenCC> =
    LazyLock::new(|| OpenCC::from_config(BuiltinConfig::T2s).expect("OpenCC's built-in t2s"));

/// The glossary's (简体 term, chosen 繁體 term) pairs. A cell may list terms (`a / b`, each with an
/// optional note in brackets); they pair in order, or all with the one chosen term. A row whose
/// choice depends on the sentence (信息 → 資料 or 資訊) has no pairing and is left to s2tw.
fn glossary_pairs() -> Vec<(String, String)> {
    let terms = |cell: &str| -> Vec<String> {
        cell.split('/').map(|t| strip_note(t).trim().to_owned()).filter(|t| !t.is_empty()).collect()
    };
    let mut lines = GLOSSARY.lines().filter(|l| !l.trim().is_empty());
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    let column = |name| header.iter().position(|h| *h == name).expect("glossary.tsv columns");
    let (simplified, chosen) = (column("simplified"), column("chosen_zh_hant"));
    let mut pairs = Vec::new();
    for line in lines {
        let cells: Vec<&str> = line.split('\t').collect();
        let (from, to) = (terms(cells[simplified]), terms(cells[chosen]));
        if from.len() == to.len() {
            pairs.extend(from.into_iter().zip(to));
        } else if to.len() == 1 {
            pairs.extend(from.into_iter().map(|f| (f, to[0].clone())));
        }
    }
    pairs
}

fn strip_note(term: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in term.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// `zh` in 繁體中文. The agency's button names in 【】 keep their words (only the shapes change), as
/// the person will see them on the agency's own pages.
pub fn traditional(zh: &str) -> String {
    // Letters, digits and punctuation have no other form: the tables are not loaded for them.
    if zh.is_ascii() {
        return zh.to_owned();
    }
    let c = &*CONVERTER;
    let mut out = String::with_capacity(zh.len() + zh.len() / 2);
    let mut rest = zh;
    while !rest.is_empty() {
        let (words, name) = match rest.find('【') {
            Some(open) => {
                let close = rest[open..].find('】').map_or(rest.len(), |i| open + i + '】'.len_utf8());
                (&rest[..open], &rest[open..close])
            }
            None => (rest, ""),
        };
        let seeded = c.s2tw.convert(words);
        let mut chosen = String::with_capacity(seeded.len());
        c.terms.replace_all_with(&seeded, &mut chosen, |m, _, dst| {
            dst.push_str(&c.chosen[m.pattern().as_usize()]);
            true
        });
        out.push_str(&chosen);
        out.push_str(&c.s2tw.convert(name));
        rest = &rest[words.len() + name.len()..];
    }
    c.shapes.replace_all(&out, &SHAPES.iter().map(|(_, to)| *to).collect::<Vec<_>>())
}

/// `text` with its 繁體 characters in 简体: what a search typed in either finds in 简体 data.
pub fn simplified(text: &str) -> String {
    // A search in letters or digits (pinyin, a number) is as it is: no tables loaded for it.
    if text.is_ascii() {
        return text.to_owned();
    }
    T2S.convert(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terms_those_readers_use() {
        assert_eq!(traditional("请上传居民身份证和户口簿"), "請上傳居民身份證和戶口簿");
        assert_eq!(traditional("港澳居民来往内地通行证"), "港澳居民來往內地通行證");
        assert_eq!(traditional("领卡方式：邮寄到付"), "領卡方式：郵寄到付");
        assert_eq!(traditional("台湾居民来往大陆通行证"), "台灣居民來往大陸通行證", "台, never 臺");
        assert_eq!(traditional("制卡进度"), "製卡進度", "the glossary, not s2tw's 制卡");
        assert_eq!(traditional("请在“设置”里填写"), "請在「設定」裡填寫");
    }

    #[test]
    fn every_glossary_term_comes_out_as_chosen() {
        let wrong: Vec<_> = glossary_pairs()
            .into_iter()
            .filter(|(simplified, chosen)| &traditional(simplified) != chosen)
            .map(|(simplified, chosen)| format!("{simplified} → {} (chosen: {chosen})", traditional(&simplified)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
        assert!(glossary_pairs().len() > 150, "the glossary was read");
    }

    #[test]
    fn the_agency_s_button_names_keep_their_words() {
        assert_eq!(traditional("点【获取图片】后"), "點【獲取圖片】後");
        assert_eq!(traditional("先【获取】再获取"), "先【獲取】再取得");
    }

    #[test]
    fn data_and_other_scripts_pass_through() {
        assert_eq!(traditional("110101199003071234 Banka.banka"), "110101199003071234 Banka.banka");
        assert_eq!(traditional(""), "");
    }

    #[test]
    fn a_search_in_traditional_is_folded_to_simplified() {
        assert_eq!(simplified("招商銀行廣州分行"), "招商银行广州分行");
        assert_eq!(simplified("站前路 zql"), "站前路 zql");
    }
}
