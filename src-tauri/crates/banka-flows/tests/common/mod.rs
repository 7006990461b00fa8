//! Helpers for the flow tests: real ID numbers, answer sets, evaluation on a fixed date.

#![allow(dead_code)] // each test file uses its own part

use banka_flows::engine::document_path;
use banka_flows::vocabulary::DocumentKind;
use banka_flows::{catalog, evaluate, Answers, Evaluation, Situation};
use banka_rules::id_number::check_character;
use chrono::NaiveDate;
use serde_json::{json, Value};

pub const TODAY: (i32, u32, u32) = (2026, 11, 21);

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap()
}

/// A valid citizen ID number for someone born on `birth` (YYYYMMDD) in 朝阳区.
pub fn id(birth: &str, seq: &str) -> String {
    let mut s = format!("110105{birth}{seq}");
    let check = check_character(s.as_bytes());
    s.push(check);
    s
}

/// A valid GB 11643 number issued in `region` (e.g. 440106 天河区, 810000 for a Hong Kong
/// residence permit) for someone born on `birth` (YYYYMMDD).
pub fn id_in(region: &str, birth: &str, seq: &str) -> String {
    let mut s = format!("{region}{birth}{seq}");
    let check = check_character(s.as_bytes());
    s.push(check);
    s
}

pub fn answers(v: Value) -> Answers {
    serde_json::from_value(v).expect("answers are a JSON object")
}

/// `base` with `changes` laid over it (a `null` removes the answer).
pub fn with(base: &Answers, changes: Value) -> Answers {
    let mut a = base.clone();
    for (k, v) in answers(changes) {
        if v.is_null() {
            a.remove(&k);
        } else {
            a.insert(k, v);
        }
    }
    a
}

pub fn eval(flow: &str, a: &Answers) -> Evaluation {
    let flow = catalog::get(flow).unwrap_or_else(|| panic!("flow {flow} ships"));
    evaluate(flow, a, &Situation { today: today(), started_version: None })
}

/// Marks each document as uploaded (the engine only needs to know it is there).
pub fn uploaded(kinds: &[DocumentKind]) -> Answers {
    kinds.iter().map(|k| (document_path(*k), json!("sha256:0123"))).collect()
}

pub fn error_codes(e: &Evaluation, field: &str) -> Vec<String> {
    e.errors.iter().filter(|x| x.field == field).map(|x| x.finding.code.clone()).collect()
}

pub fn status(e: &Evaluation, field: &str) -> String {
    let f = e.fields.iter().find(|f| f.path == field).unwrap_or_else(|| panic!("{field} in the flow"));
    serde_json::to_value(f.status).unwrap().as_str().unwrap().to_owned()
}

pub fn value(e: &Evaluation, field: &str) -> Option<Value> {
    e.fields.iter().find(|f| f.path == field).and_then(|f| f.value.clone())
}

/// Answers every required document of `e`, then evaluates again until nothing is missing.
pub fn with_documents(flow: &str, a: &Answers) -> Answers {
    let e = eval(flow, a);
    let mut all = a.clone();
    all.extend(uploaded(&e.required_documents));
    all
}

/// The values of the options a choice field offers now.
pub fn options(e: &Evaluation, field: &str) -> Vec<Value> {
    let f = e.fields.iter().find(|f| f.path == field).unwrap_or_else(|| panic!("{field} in the flow"));
    f.options.iter().map(|o| o.value.clone()).collect()
}

/// The ids of the visible steps, in order.
pub fn visible_steps(e: &Evaluation) -> Vec<String> {
    e.steps.iter().filter(|s| s.visible).map(|s| s.id.clone()).collect()
}

/// Guangdong's answers to 【资格校验】 (004 §1.3.2, §1.4.2): (`agency.eligibility`, the error code
/// it puts on the checked number, the flow it sends the user to).
pub const GD_ELIGIBILITY_ANSWERS: &[(&str, Option<&str>, Option<&str>)] = &[
    ("eligible", None, None),
    ("one_person_one_card", Some("one_person_one_card"), Some("gd-card-cleanup")),
    ("already_applied", Some("already_applied"), None),
    ("not_eligible", Some("not_eligible"), None),
];

/// Each (field, answer, code) laid over the complete case `base`: exactly that error code on
/// that field, and the case is no longer ready.
pub fn each_answer_fails(flow: &str, base: &Answers, cases: &[(&str, Value, &str)]) {
    for (field, answer, code) in cases {
        let e = eval(flow, &with(base, json!({ *field: answer })));
        assert_eq!(error_codes(&e, field), [*code], "{field} = {answer}");
        assert!(!e.ready, "{field} = {answer}");
    }
}

/// A complete B1 (bj-individual) case with its documents, before the agency has been asked.
pub fn b1_complete() -> Answers {
    let a = answers(json!({
        "notice.agreed": true,
        "applicant.name": "张三",
        "applicant.id_type": "resident_id",
        "applicant.id_number": id("19800315", "123"),
        "eligibility.authorized": true,
        "applicant.id_valid_from": "2016-05-01",
        "applicant.mobile": "13800138000",
        "applicant.ethnicity": "01",
        "applicant.occupation": "2",
        "residence.district": "110105",
        "residence.address": "朝阳区建国路1号",
        "collection.method": "branch_pickup",
        "bank.name": "中国工商银行",
        "bank.branch": "建国路支行",
        "commitment.agreed": true,
    }));
    with_documents("bj-individual", &a)
}
