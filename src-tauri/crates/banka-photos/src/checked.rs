//! A check as it is shown: every problem worded (in each language) with whether the fix mends it
//! and whether it blocks the case, and the marks to draw; the window's uploads, the CLI's `case
//! attach` and a document's `checks` as the case store gives it all use this one shape. And a
//! check as it is kept (the case store, bundles): codes and data only, worded again whenever it
//! is shown, so a new wording or language reaches old cases.

use banka_rules::Localized;
use serde::{Deserialize, Serialize, Serializer};
use serde_json::{json, Value};

use crate::{Marks, Problem, Report};

/// One finding about a picture, in both languages; whether the fix can mend it, and whether the
/// agency would refuse the picture for it (`blocks`; the others are advisory).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhotoProblem {
    pub code: String,
    pub message: Localized,
    pub fixable: bool,
    pub blocks: bool,
}

/// What the check found, with the places to draw on the picture (its upright pixels).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Serialize)]
pub struct PhotoCheck {
    pub ok: bool,
    pub problems: Vec<PhotoProblem>,
    pub width: u32,
    pub height: u32,
    pub marks: Marks,
}

impl PhotoCheck {
    /// Whether any problem is one the agency would refuse the picture for.
    pub fn blocks(&self) -> bool {
        self.problems.iter().any(|p| p.blocks)
    }

    /// What the case store keeps of a check: each problem's code and data, the picture's size and
    /// the marks; no words.
    pub fn kept(report: &Report) -> Value {
        json!({"problems": report.problems, "width": report.width, "height": report.height, "marks": report.marks})
    }
}

/// A kept check as it is shown: the `PhotoCheck` shape (and `accepted`, as kept), each problem
/// worded now. Earlier versions kept each problem's words (`message: {zh, en}`, before that
/// `message_zh`/`message_en`) and not always its data: such a problem is worded again when its code
/// says all (too dark), and keeps its stored words when its data is missing (the size it had).
pub fn shown(kept: &Value) -> Value {
    let mut shown = kept.clone();
    let problems = shown.get_mut("problems").and_then(Value::as_array_mut);
    let ok = problems.as_ref().is_none_or(|p| p.is_empty());
    for problem in problems.into_iter().flatten() {
        *problem = match Problem::deserialize(&*problem) {
            Ok(p) => serde_json::to_value(PhotoProblem::from(&p)).expect("a problem serialises"),
            Err(_) => with_stored_words(problem.take()),
        };
    }
    if let Some(check) = shown.as_object_mut() {
        check.insert("ok".into(), Value::Bool(ok));
    }
    shown
}

/// A problem kept with its words by an earlier version, in today's shape (`message` in every
/// language, the 繁體 following from the 简体).
fn with_stored_words(mut problem: Value) -> Value {
    let Some(p) = problem.as_object_mut() else { return problem };
    if let (Some(zh), Some(en)) = (p.remove("message_zh"), p.remove("message_en")) {
        p.insert("message".into(), json!({"zh": zh, "en": en}));
    }
    if let Some(message) = p.get("message").and_then(|m| Localized::deserialize(m).ok()) {
        p.insert("message".into(), serde_json::to_value(message).expect("words serialise"));
    }
    problem
}

/// A report's problems as the CLI prints them: worded.
pub(crate) fn worded<S: Serializer>(problems: &[Problem], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(problems.iter().map(PhotoProblem::from))
}

impl From<&Problem> for PhotoProblem {
    fn from(p: &Problem) -> Self {
        PhotoProblem { code: p.code().into(), message: p.message(), fixable: p.fixable(), blocks: p.blocks() }
    }
}

impl From<&Report> for PhotoCheck {
    fn from(r: &Report) -> Self {
        PhotoCheck {
            ok: r.ok,
            problems: r.problems.iter().map(PhotoProblem::from).collect(),
            width: r.width,
            height: r.height,
            marks: r.marks.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use banka_flows::vocabulary::DocumentKind;

    use super::*;

    #[test]
    fn a_check_carries_each_problem_worded_and_whether_it_blocks() {
        let checked = PhotoCheck::from(&crate::check(DocumentKind::CardPhoto, b"not a picture"));
        assert!(!checked.ok && checked.blocks());
        let unreadable = PhotoProblem {
            code: "unreadable".into(),
            message: Problem::Unreadable.message(),
            fixable: false,
            blocks: true,
        };
        assert_eq!(checked.problems, [unreadable]);
        let advisory = PhotoCheck { problems: vec![PhotoProblem::from(&Problem::Blurry)], ..checked };
        assert!(!advisory.blocks(), "blurry is shown, not refused");
        let json = serde_json::to_value(&advisory).unwrap();
        assert_eq!(json["problems"][0]["blocks"], false);
    }

    #[test]
    fn a_check_is_kept_without_words_and_worded_when_shown() {
        let report = crate::check(DocumentKind::CardPhoto, b"not a picture");
        let kept = PhotoCheck::kept(&report);
        assert_eq!(kept["problems"], json!([{"code": "unreadable"}]), "codes and data, no words");
        let unreadable = shown(&kept);
        assert_eq!(unreadable["ok"], false);
        assert_eq!(unreadable["problems"][0], serde_json::to_value(PhotoProblem::from(&Problem::Unreadable)).unwrap());
        assert_eq!(unreadable["problems"][0]["message"]["zh-Hant"], json!(Problem::Unreadable.message().zh_hant));
        let sized =
            shown(&json!({"problems": [{"code": "wrong_dimensions", "width": 716, "height": 882}], "accepted": true}));
        assert!(sized["problems"][0]["message"]["zh"].as_str().unwrap().contains("716×882"));
        assert_eq!((sized["problems"][0]["blocks"].as_bool(), sized["accepted"].as_bool()), (Some(true), Some(true)));
    }

    #[test]
    fn checks_kept_with_their_words_by_earlier_versions_are_shown_too() {
        // The size was not kept: its words are; too dark says all, so it is worded again.
        let v1 = json!({"ok": false, "problems": [
            {"code": "wrong_dimensions", "message_zh": "尺寸不对", "message_en": "wrong size", "fixable": true, "blocks": true},
            {"code": "too_dark", "message_zh": "太暗", "message_en": "too dark", "fixable": true, "blocks": false},
        ]});
        let v1_shown = shown(&v1);
        let kept_words = &v1_shown["problems"][0];
        assert_eq!(kept_words["message"], json!({"zh": "尺寸不对", "zh-Hant": "尺寸不對", "en": "wrong size"}));
        assert!(kept_words.get("message_zh").is_none());
        assert_eq!(v1_shown["problems"][1]["message"], serde_json::to_value(Problem::TooDark.message()).unwrap());
        let v2 = json!({"ok": false, "problems": [
            {"code": "low_resolution", "message": {"zh": "太小", "en": "too small"}, "fixable": false, "blocks": true},
        ]});
        assert_eq!(shown(&v2)["problems"][0]["message"]["zh-Hant"], "太小");
    }
}
