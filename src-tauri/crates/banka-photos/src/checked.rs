//! A check as it is shown and stored: every problem worded (zh + en) with whether the fix mends
//! it and whether it blocks the case, and the marks to draw. The window's uploads, the CLI's
//! `case attach` and a document's `checks` in the case store all use this one shape.

use banka_rules::Localized;
use serde::Serialize;

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
}
