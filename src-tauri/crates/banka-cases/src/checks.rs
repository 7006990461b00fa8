//! A stored upload's check (banka-photos' findings, kept with the document) as the flow engine
//! sees it: what the agency would refuse blocks the case; advisory findings are shown until the
//! person chooses to use the picture anyway.

use banka_rules::Localized;
use serde_json::{json, Value};

/// A document's stored check, read from its column: as the check now shapes it, whichever
/// version stored it (earlier ones kept each problem's words as `message_zh`/`message_en`).
pub(crate) fn stored(text: &str) -> Option<Value> {
    let mut checks: Value = serde_json::from_str(text).ok()?;
    for p in checks.get_mut("problems").and_then(Value::as_array_mut).into_iter().flatten() {
        let Some(p) = p.as_object_mut() else { continue };
        if let (Some(zh), Some(en)) = (p.remove("message_zh"), p.remove("message_en")) {
            p.insert("message".into(), json!({"zh": zh, "en": en}));
        }
    }
    Some(checks)
}

/// One finding of a stored check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: String,
    pub message: Localized,
}

/// A stored check's findings, by what they mean for the case.
#[derive(Debug, Default)]
pub struct Findings {
    /// The agency would refuse the picture: it blocks the case until fixed or replaced.
    pub refused: Vec<Finding>,
    /// Worth a look; the person may use the picture anyway.
    pub advisory: Vec<Finding>,
    /// The person chose to use it despite the advisory findings.
    pub accepted: bool,
}

impl Findings {
    /// Reads the check JSON stored with a document (`{problems: [{code, message: {zh, en},
    /// blocks}], accepted?}`); anything unreadable counts as no finding.
    pub fn of(checks: &Value) -> Findings {
        let mut found =
            Findings { accepted: checks.get("accepted") == Some(&Value::Bool(true)), ..Findings::default() };
        for p in checks.get("problems").and_then(Value::as_array).into_iter().flatten() {
            let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_owned();
            let words = |lang: &str| text(p.get("message").and_then(|m| m.get(lang)));
            let finding = Finding { code: text(p.get("code")), message: Localized::new(words("zh"), words("en")) };
            if p.get("blocks") == Some(&Value::Bool(true)) {
                found.refused.push(finding);
            } else {
                found.advisory.push(finding);
            }
        }
        found
    }

    /// The answers the engine reads for the document at `path` (`documents.<kind>`):
    /// `<path>.refused` and, unless accepted, `<path>.advisory`, each a list of messages.
    pub fn as_answers(&self, path: &str) -> Vec<(String, Value)> {
        let words = |list: &[Finding]| {
            Value::Array(list.iter().map(|f| json!({"code": f.code, "zh": f.message.zh, "en": f.message.en})).collect())
        };
        let mut out = Vec::new();
        if !self.refused.is_empty() {
            out.push((format!("{path}.refused"), words(&self.refused)));
        }
        if !self.advisory.is_empty() && !self.accepted {
            out.push((format!("{path}.advisory"), words(&self.advisory)));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocking_findings_are_refused_and_advisory_ones_wait_for_acceptance() {
        let checks = json!({"ok": false, "problems": [
            {"code": "wrong_dimensions", "message": {"zh": "尺寸不对", "en": "wrong size"}, "fixable": true, "blocks": true},
            {"code": "too_dark", "message": {"zh": "太暗", "en": "too dark"}, "fixable": true, "blocks": false},
        ]});
        let found = Findings::of(&checks);
        assert_eq!(found.refused.len(), 1);
        assert_eq!(found.advisory[0].code, "too_dark");
        let answers = found.as_answers("documents.card_photo");
        assert_eq!(answers[0].0, "documents.card_photo.refused");
        assert_eq!(answers[0].1[0]["zh"], json!("尺寸不对"));
        assert_eq!(answers[1].0, "documents.card_photo.advisory");

        let mut accepted = checks.clone();
        accepted["accepted"] = json!(true);
        let answers = Findings::of(&accepted).as_answers("documents.card_photo");
        assert_eq!(answers.len(), 1, "accepted: only what the agency would refuse is left");
        assert!(Findings::of(&json!("not a check")).as_answers("documents.x").is_empty());
    }

    #[test]
    fn a_check_stored_by_an_earlier_version_reads_the_same() {
        let old = json!({"ok": false, "problems": [
            {"code": "wrong_dimensions", "message_zh": "尺寸不对", "message_en": "wrong size", "fixable": true, "blocks": true},
        ]});
        let current = stored(&old.to_string()).unwrap();
        assert_eq!(current["problems"][0]["message"], json!({"zh": "尺寸不对", "en": "wrong size"}));
        assert!(current["problems"][0].get("message_zh").is_none());
        assert_eq!(Findings::of(&current).refused[0].message, Localized::new("尺寸不对", "wrong size"));
    }
}
