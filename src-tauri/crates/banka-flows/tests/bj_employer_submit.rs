//! B3.3 职工申请信息提交 (seed 002 §三), table by table.

mod common;

use common::*;
use serde_json::{json, Value};

const FLOW: &str = "bj-employer-submit";

/// The agency's 职工申请情况查询: each employee with their 办卡状态.
fn employees() -> Value {
    json!([
        {"id": "e1", "name": "孙七", "status": "confirmed"},
        {"id": "e2", "name": "周八", "status": "unconfirmed"},
        {"id": "e3", "name": "吴九", "status": "confirmed"},
        {"id": "e4", "name": "郑十", "status": "submitted"},
    ])
}

fn complete() -> banka_flows::Answers {
    answers(json!({
        "notice.agreed": true,
        "entity.uscc": "91110105MA01XK3T5N",
        "agency.employees": employees(),
        "submit.employees": ["e1", "e3"],
        "commitment.agreed": true,
    }))
}

#[test]
fn a_complete_submission_walks_every_step_to_ready() {
    let e = eval(FLOW, &complete());
    assert!(e.errors.is_empty(), "{:#?}", e.errors);
    assert!(e.ready);
    assert_eq!(visible_steps(&e), ["notice", "entity", "employees", "check-answers", "commitment"]);
    assert!(e.steps.iter().all(|s| s.complete && !s.blocked));
    assert!(e.required_documents.is_empty());
    assert_eq!(value(&e, "submit.employees"), Some(json!(["e1", "e3"])));
}

#[test]
fn seed_002_only_employees_whose_information_is_confirmed_are_offered() {
    // §三: 勾选信息已确认的员工 — 职工申请情况查询 shows 办卡状态 “信息已确认”.
    let e = eval(FLOW, &complete());
    assert_eq!(options(&e, "submit.employees"), [json!("e1"), json!("e3")]);
    let names: Vec<_> = e
        .fields
        .iter()
        .find(|f| f.path == "submit.employees")
        .unwrap()
        .options
        .iter()
        .map(|o| o.label.zh.clone())
        .collect();
    assert_eq!(names, ["孙七", "吴九"]);
    // The whole list, with each one's 办卡状态, is shown with the question.
    let field = e.fields.iter().find(|f| f.path == "submit.employees").unwrap();
    assert_eq!(field.roster.as_deref(), Some("agency.employees"));
}

#[test]
fn seed_002_unconfirmed_employees_cannot_be_submitted() {
    // (selection, errors on submit.employees)
    let cases: [(Value, &[&str]); 8] = [
        (json!(["e1"]), &[]),
        (json!(["e3", "e1"]), &[]),
        (json!(["e1", "e2"]), &["not_an_option"]),
        (json!(["e4"]), &["not_an_option"]),
        (json!(["e9"]), &["not_an_option"]),
        (json!("e1"), &["not_an_option"]),
        (json!([]), &["required"]),
        (Value::Null, &["required"]),
    ];
    for (selection, errors) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ "submit.employees": selection.clone() })));
        assert_eq!(error_codes(&e, "submit.employees"), errors, "{selection}");
        assert_eq!(e.ready, errors.is_empty(), "{selection}");
    }
}

#[test]
fn seed_002_an_employee_who_confirms_later_can_then_be_submitted() {
    // The status query changes: e2 confirms later and can then be chosen too.
    let mut list = employees();
    list[1]["status"] = json!("confirmed");
    let a = with(&complete(), json!({"agency.employees": list, "submit.employees": ["e1", "e2", "e3"]}));
    let e = eval(FLOW, &a);
    assert!(e.ready, "{:#?}", e.errors);
    assert_eq!(options(&e, "submit.employees"), [json!("e1"), json!("e2"), json!("e3")]);
}

#[test]
fn seed_002_nobody_confirmed_means_nothing_to_submit() {
    for list in [json!([]), json!([{"id": "e2", "name": "周八", "status": "unconfirmed"}]), Value::Null] {
        let e = eval(FLOW, &with(&complete(), json!({ "agency.employees": list.clone(), "submit.employees": [] })));
        assert!(options(&e, "submit.employees").is_empty(), "{list}");
        assert_eq!(error_codes(&e, "submit.employees"), ["required"], "{list}");
        assert!(!e.ready);
    }
}

#[test]
fn spec_2_notice_and_declaration_must_be_agreed() {
    for consent in ["notice.agreed", "commitment.agreed"] {
        let e = eval(FLOW, &with(&complete(), json!({ consent: false })));
        assert_eq!(error_codes(&e, consent), ["consent_required"], "{consent}");
        assert!(!e.ready);
    }
}
