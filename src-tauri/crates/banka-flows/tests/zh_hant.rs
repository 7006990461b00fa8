//! The flows' 繁體中文 catalog (`flows/zh-Hant.toml`, reviewed; seeded by
//! `scripts/seed-zh-hant.mjs --flows`) keeps up with the flows: every Chinese text of a flow has
//! its entry, and no entry is left over from a text that changed (`traditional.rs` reads it; a
//! text without an entry would fall back to the unreviewed conversion).

use std::collections::BTreeSet;
use std::path::Path;

use toml::Value;

/// The 简体 words of a flow file: values of keys ending `_zh`, and `zh` in option tables and
/// `[words.*]`; never data (defaults, option values, paths).
fn words(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Table(table) => {
            for (key, v) in table {
                match v {
                    Value::String(text) if key == "zh" || key.ends_with("_zh") => {
                        out.insert(text.clone());
                    }
                    other => words(other, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| words(v, out)),
        _ => {}
    }
}

#[test]
fn every_flow_text_has_its_reviewed_traditional_entry_and_no_entry_is_stale() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("flows");
    let mut texts = BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".toml") && !name.starts_with("zh-Hant") {
            let flow: Value = toml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            words(&flow, &mut texts);
        }
    }
    let catalog: Value = toml::from_str(&std::fs::read_to_string(dir.join("zh-Hant.toml")).unwrap()).unwrap();
    let entries = catalog["text"].as_table().expect("a [text] table");
    let missing: Vec<_> = texts.iter().filter(|t| !entries.contains_key(t.as_str())).collect();
    let stale: Vec<_> = entries.keys().filter(|k| !texts.contains(k.as_str())).collect();
    assert!(missing.is_empty(), "flow texts with no 繁體 entry (node scripts/seed-zh-hant.mjs --flows): {missing:?}");
    assert!(stale.is_empty(), "entries no flow uses any more: {stale:?}");
    assert!(entries.values().all(|v| v.as_str().is_some_and(|s| !s.trim().is_empty())), "an empty entry");
    assert!(texts.len() > 100, "the flows' words were found ({})", texts.len());
}
