//! Matching what people type into a search box against Chinese names: parts of the name, or
//! its pinyin, whole or by initials ("zql", "zhanqianlu" and "站前" all find 站前路支行), in 简体 or
//! 繁體 ("站前路" and "銀行" find 站前路支行 of a 银行: the names are kept in 简体).

use pinyin::ToPinyinMulti;

/// A name prepared for searching: lower case, and each character's readings.
#[derive(Debug, Clone)]
pub struct Searchable {
    text: String,
    /// Per character, the pinyin of every reading (a Latin letter or digit stands for itself):
    /// 行 is both "xing" and "hang", and people type either.
    readings: Vec<Vec<String>>,
}

impl Searchable {
    pub fn new(text: &str) -> Self {
        let text = text.to_lowercase();
        let readings = text
            .chars()
            .zip(text.as_str().to_pinyin_multi())
            .filter_map(|(c, multi)| match multi {
                Some(multi) => Some(multi.into_iter().map(|p| p.plain().to_owned()).collect()),
                None if c.is_alphanumeric() => Some(vec![c.to_string()]),
                None => None,
            })
            .collect();
        Searchable { text, readings }
    }

    /// Whether every word of `query` is part of the name, or spells a run of its characters in
    /// pinyin, each character by its initial or in full. An empty query matches everything.
    pub fn matches(&self, query: &str) -> bool {
        crate::hant::simplified(&query.to_lowercase())
            .split_whitespace()
            .all(|word| self.text.contains(word) || (0..self.readings.len()).any(|start| self.spells(start, word)))
    }

    /// Whether `word` spells the characters from `start` on: each by its initial or by a whole
    /// reading; the word may end inside the last one ("zhanqianl").
    fn spells(&self, start: usize, word: &str) -> bool {
        if word.is_empty() {
            return true;
        }
        let Some(readings) = self.readings.get(start) else { return false };
        readings.iter().any(|r| {
            if r.starts_with(word) {
                return true;
            }
            let initial = &r[..r.chars().next().map_or(0, char::len_utf8)];
            [r.as_str(), initial]
                .into_iter()
                .any(|prefix| word.strip_prefix(prefix).is_some_and(|rest| self.spells(start + 1, rest)))
        })
    }
}

/// `Searchable::new(text).matches(query)`, for a one-off match.
pub fn matches(text: &str, query: &str) -> bool {
    Searchable::new(text).matches(query)
}

#[cfg(test)]
mod tests {
    use super::*;

    const BRANCH: &str = "中国工商银行北京朝阳站前路支行（示例）";

    #[test]
    fn finds_by_part_of_the_name_by_initials_and_by_pinyin() {
        assert!(matches(BRANCH, "站前路"));
        assert!(matches(BRANCH, "zql"));
        assert!(matches(BRANCH, "ZQL"));
        assert!(matches(BRANCH, "zhanqianlu"));
        assert!(matches(BRANCH, "zhanql"), "full syllables and initials mixed");
        assert!(matches(BRANCH, "工商 站前"), "words in any order, each somewhere");
        assert!(matches(BRANCH, "gsyh zql"), "银行 read yinhang");
        assert!(matches(BRANCH, "  "), "nothing typed: everything");
        assert!(matches(BRANCH, "工商銀行 站前路"), "typed in 繁體");
    }

    #[test]
    fn does_not_find_other_names() {
        assert!(!matches(BRANCH, "人民路"));
        assert!(!matches(BRANCH, "rml"));
        assert!(!matches(BRANCH, "站前 rml"), "every word has to match");
        assert!(!matches(BRANCH, "zqx"), "initials in a run, not scattered");
    }

    #[test]
    fn keeps_latin_letters_and_digits() {
        assert!(matches("ICBC 1号网点", "icbc"));
        assert!(matches("ICBC 1号网点", "1hwd"));
    }
}
