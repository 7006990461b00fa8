//! A stored upload's check (banka-photos' findings, kept with the document and shown by
//! `banka_photos::shown`) as the flow engine sees it: what the agency would refuse blocks the
//! case; advisory findings are shown until the person chooses to use the picture anyway.

use banka_rules::Localized;
use serde::Deserialize;
use serde_json::{json, Value};

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
    /// Reads a document's check as shown (`{problems: [{code, message, blocks}], accepted?}`);
    /// anything unreadable counts as no finding.
    pub fn of(checks: &Value) -> Findings {
        let mut found =
            Findings { accepted: checks.get("accepted") == Some(&Value::Bool(true)), ..Findings::default() };
        for p in checks.get("problems").and_then(Value::as_array).into_iter().flatten() {
            let code = p.get("code").and_then(Value::as_str).unwrap_or_default().to_owned();
            let message = p.get("message").and_then(|m| Localized::deserialize(m).ok());
            let finding = Finding { code, message: message.unwrap_or_else(|| Localized::same("")) };
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
}
