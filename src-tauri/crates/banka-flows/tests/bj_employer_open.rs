//! B3.1 单位开通集体申请 (seed 002 §一), table by table.

mod common;

use common::*;
use serde_json::{json, Value};

const FLOW: &str = "bj-employer-open";

/// A published, valid Unified Social Credit Code.
const USCC: &str = "91110108551385082Q";

fn agency_banks() -> Value {
    json!([
        {"value": "icbc", "label": "中国工商银行"},
        {"value": "boc", "label": "中国银行"},
        {"value": "bob", "label": "北京银行"},
    ])
}

fn agency_branches() -> Value {
    json!([
        {"value": "icbc-haidian", "label": "中国工商银行北京海淀支行"},
        {"value": "icbc-zhongguancun", "label": "中国工商银行北京中关村支行"},
        {"value": "boc-haidian", "label": "中国银行北京海淀支行"},
    ])
}

fn complete() -> banka_flows::Answers {
    answers(json!({
        "notice.agreed": true,
        "entity.name": "北京示例科技有限公司",
        "entity.uscc": USCC,
        "entity.contact_name": "赵六",
        "entity.contact_mobile": "13911112222",
        "entity.collective": "open",
        "entity.collects_cards": false,
        "agency.banks": agency_banks(),
        "agency.branches": agency_branches(),
        "entity.banks": ["icbc", "boc"],
        "entity.branches": ["icbc-haidian", "boc-haidian"],
        "commitment.agreed": true,
    }))
}

#[test]
fn a_complete_opening_walks_every_step_to_ready() {
    for collects in [true, false] {
        let e = eval(FLOW, &with(&complete(), json!({ "entity.collects_cards": collects })));
        assert!(e.errors.is_empty(), "{:#?}", e.errors);
        assert!(e.ready);
        assert_eq!(visible_steps(&e), ["notice", "entity", "collective", "banks", "check-answers", "commitment"]);
        assert!(e.steps.iter().all(|s| s.complete && !s.blocked));
        // The entity uploads nothing and chooses no collection method of its own.
        assert!(e.required_documents.is_empty());
        assert!(e.allowed_collection_methods.is_empty());
        assert!(e.locked_fields.is_empty());
    }
}

#[test]
fn seed_002_entity_basic_information_is_required() {
    // §一 第四步: 填写相关单位基础信息 — name, USCC, contact person and mobile.
    for field in ["entity.name", "entity.uscc", "entity.contact_name", "entity.contact_mobile"] {
        let e = eval(FLOW, &with(&complete(), json!({ field: null })));
        assert_eq!(error_codes(&e, field), ["required"], "{field}");
        assert!(!e.ready);
        assert!(!e.steps.iter().find(|s| s.id == "entity").unwrap().complete);
    }
}

#[test]
fn seed_002_the_unified_social_credit_code_is_checked() {
    // SPEC §3: GB 32100-2015. (answer, errors, value that counts)
    let cases: [(&str, &[&str], &str); 6] = [
        (USCC, &[], USCC),
        ("91110108551385082q", &[], USCC),
        ("9111 0108 5513 8508 2Q", &[], USCC),
        ("91110108551385082A", &["check_character"], "91110108551385082A"),
        ("9111010855138508", &["length"], "9111010855138508"),
        ("91110108551385082I", &["character"], "91110108551385082I"),
    ];
    for (answer, errors, counts) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ "entity.uscc": answer })));
        assert_eq!(error_codes(&e, "entity.uscc"), errors, "{answer}");
        assert_eq!(value(&e, "entity.uscc"), Some(json!(counts)), "{answer}");
        assert_eq!(e.ready, errors.is_empty(), "{answer}");
    }
}

#[test]
fn seed_002_the_contact_mobile_is_checked() {
    let cases: [(&str, &[&str]); 3] =
        [("13911112222", &[]), ("1391111222", &["length"]), ("23911112222", &["mobile_prefix"])];
    for (answer, errors) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ "entity.contact_mobile": answer })));
        assert_eq!(error_codes(&e, "entity.contact_mobile"), errors, "{answer}");
    }
}

#[test]
fn seed_002_collective_application_must_be_enabled() {
    // §一 第四步: 是否开通单位集中办卡选择“开通”.
    let e = eval(FLOW, &complete());
    assert_eq!(options(&e, "entity.collective"), [json!("open")]);
    let cases: [(Value, &[&str]); 4] = [
        (json!("open"), &[]),
        (json!("closed"), &["not_an_option"]),
        (json!(true), &["not_an_option"]),
        (Value::Null, &["required"]),
    ];
    for (answer, errors) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ "entity.collective": answer.clone() })));
        assert_eq!(error_codes(&e, "entity.collective"), errors, "{answer}");
        assert_eq!(e.ready, errors.is_empty(), "{answer}");
    }
}

#[test]
fn seed_002_entity_collection_is_a_yes_or_no_answer() {
    // §一 第四步: 选择是否支持单位代领 (§二 第四步 reads it back: 是 / 否).
    let cases: [(Value, &[&str]); 5] = [
        (json!(true), &[]),
        (json!(false), &[]),
        (json!("是"), &["not_an_option"]),
        (json!("yes"), &["not_an_option"]),
        (Value::Null, &["required"]),
    ];
    for (answer, errors) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ "entity.collects_cards": answer.clone() })));
        assert_eq!(error_codes(&e, "entity.collects_cards"), errors, "{answer}");
    }
}

#[test]
fn seed_002_banks_and_branches_for_employees_come_from_the_agency() {
    // §一 第四步: 填写职工办卡的开户银行及办卡网点 — at least one of each, among the agency's.
    let e = eval(FLOW, &complete());
    assert_eq!(options(&e, "entity.banks"), [json!("icbc"), json!("boc"), json!("bob")]);
    let labels: Vec<_> = e
        .fields
        .iter()
        .find(|f| f.path == "entity.branches")
        .unwrap()
        .options
        .iter()
        .map(|o| o.label.zh.clone())
        .collect();
    assert_eq!(labels, ["中国工商银行北京海淀支行", "中国工商银行北京中关村支行", "中国银行北京海淀支行"]);
    // (field, answer, errors)
    let cases: [(&str, Value, &[&str]); 8] = [
        ("entity.banks", json!(["bob"]), &[]),
        ("entity.banks", json!(["icbc", "boc", "bob"]), &[]),
        ("entity.banks", json!(["icbc", "ccb"]), &["not_an_option"]),
        ("entity.banks", json!([]), &["required"]),
        ("entity.banks", json!("icbc"), &["not_an_option"]),
        ("entity.branches", json!(["icbc-zhongguancun"]), &[]),
        ("entity.branches", json!(["中国银行北京海淀支行"]), &["not_an_option"]),
        ("entity.branches", Value::Null, &["required"]),
    ];
    for (field, answer, errors) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ field: answer.clone() })));
        assert_eq!(error_codes(&e, field), errors, "{field} = {answer}");
        assert_eq!(e.ready, errors.is_empty(), "{field} = {answer}");
    }
}

#[test]
fn seed_002_without_the_agency_lists_no_bank_can_be_chosen() {
    let a = with(&complete(), json!({"agency.banks": null, "agency.branches": null}));
    let e = eval(FLOW, &a);
    assert!(options(&e, "entity.banks").is_empty());
    assert_eq!(error_codes(&e, "entity.banks"), ["not_an_option"]);
    assert_eq!(error_codes(&e, "entity.branches"), ["not_an_option"]);
    assert!(!e.ready);
}

#[test]
fn spec_2_notice_and_declaration_must_be_agreed() {
    for consent in ["notice.agreed", "commitment.agreed"] {
        let e = eval(FLOW, &with(&complete(), json!({ consent: false })));
        assert_eq!(error_codes(&e, consent), ["consent_required"], "{consent}");
        assert!(!e.ready);
    }
    let e = eval(FLOW, &complete());
    let commitment = e.fields.iter().find(|f| f.path == "commitment.agreed").unwrap();
    assert!(commitment.label.zh.contains("单位经办人"));
}
