//! B3.2 单位集体申请社会保障卡-个人信息确认 (seed 002 §二), table by table.

mod common;

use banka_flows::vocabulary::DocumentKind::*;
use common::*;
use serde_json::{json, Value};

const FLOW: &str = "bj-employee-confirm";

fn roster_id() -> String {
    id("19900520", "135")
}

/// An employee (born 1990-05-20, male) of an entity that does not collect cards, picking the
/// card up at a branch the entity listed.
fn complete() -> banka_flows::Answers {
    let a = answers(json!({
        "agency.employee_name": "孙七",
        "agency.employee_id_type": "resident_id",
        "agency.employee_id_number": roster_id(),
        "agency.entity_collects": false,
        "agency.entity_banks": [{"value": "icbc", "label": "中国工商银行"}, {"value": "boc", "label": "中国银行"}],
        "agency.entity_branches": [
            {"value": "icbc-haidian", "label": "中国工商银行北京海淀支行", "bank": "icbc"},
            {"value": "boc-haidian", "label": "中国银行北京海淀支行", "bank": "boc"},
        ],
        "notice.agreed": true,
        "agency.eligibility": "eligible",
        "entity.uscc": "91110105MA01XK3T5N",
        "applicant.id_valid_from": "2018-07-01",
        "applicant.mobile": "13700137000",
        "applicant.ethnicity": "03",
        "applicant.occupation": "2",
        "residence.district": "110108",
        "residence.address": "海淀区中关村南大街5号",
        "collection.method": "branch_pickup",
        "bank.name": "icbc",
        "bank.branch": "icbc-haidian",
        "commitment.agreed": true,
    }));
    with_documents(FLOW, &a)
}

fn mail_details() -> Value {
    json!({
        "collection.method": "mail",
        "collection.recipient_name": "孙七",
        "collection.recipient_mobile": "13700137000",
        "collection.district": "110108",
        "collection.address": "海淀区中关村南大街5号",
        "collection.postal_code": "100081",
    })
}

fn entity_collects() -> banka_flows::Answers {
    with(&complete(), json!({"agency.entity_collects": true, "collection.method": "entity"}))
}

#[test]
fn seed_002_the_employee_types_their_details_until_the_agency_answers_then_they_are_locked() {
    let before = with(
        &complete(),
        json!({"agency.employee_name": null, "agency.employee_id_type": null, "agency.employee_id_number": null,
               "applicant.name": "孙七", "applicant.id_type": "resident_id", "applicant.id_number": roster_id()}),
    );
    let e = eval(FLOW, &before);
    for field in ["applicant.name", "applicant.id_type", "applicant.id_number"] {
        assert_eq!(status(&e, field), "required", "{field} is answered by the employee");
    }
    assert_eq!(value(&e, "applicant.name"), Some(json!("孙七")));
    // Once the agency has answered, its registration counts and cannot be changed.
    let after = with(&complete(), json!({"applicant.name": "孙 七"}));
    let e = eval(FLOW, &after);
    assert_eq!(status(&e, "applicant.name"), "locked");
    assert_eq!(value(&e, "applicant.name"), Some(json!("孙七")));
}

#[test]
fn every_collection_case_walks_every_step_to_ready() {
    for a in [complete(), with(&complete(), mail_details()), entity_collects()] {
        let e = eval(FLOW, &a);
        assert!(e.errors.is_empty(), "{:#?}", e.errors);
        assert!(e.ready);
        assert_eq!(
            visible_steps(&e),
            ["notice", "basic-info", "residence", "collection", "uploads", "check-answers", "commitment"]
        );
        assert!(e.steps.iter().all(|s| s.complete && !s.blocked));
    }
}

#[test]
fn seed_002_collection_methods_follow_the_entitys_choice() {
    // §二（一）第四步, （二）第六步: 是否支持单位代领 “是” → 单位代领; “否” → 本人网点领取 or 银行邮寄.
    // (agency.entity_collects, allowed methods)
    let cases: [(Value, &[&str]); 3] = [
        (json!(true), &["entity"]),
        (json!(false), &["branch_pickup", "mail"]),
        (Value::Null, &["branch_pickup", "mail"]),
    ];
    for (collects, methods) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ "agency.entity_collects": collects.clone() })));
        assert_eq!(e.allowed_collection_methods, methods, "entity_collects = {collects}");
    }
}

#[test]
fn seed_002_a_method_the_entitys_choice_excludes_is_refused() {
    // (agency.entity_collects, collection.method, errors on collection.method)
    // 单位代领 is set by the entity's choice (seed 002 §二 第四步), whatever the draft says.
    let cases: [(bool, &str, &[&str]); 6] = [
        (true, "entity", &[]),
        (true, "branch_pickup", &[]),
        (true, "mail", &[]),
        (false, "entity", &["not_an_option"]),
        (false, "branch_pickup", &[]),
        (false, "mail", &[]),
    ];
    for (collects, method, errors) in cases {
        let mut a = with(&complete(), mail_details());
        a = with(&a, json!({"agency.entity_collects": collects, "collection.method": method}));
        let e = eval(FLOW, &a);
        assert_eq!(error_codes(&e, "collection.method"), errors, "entity_collects = {collects}, {method}");
        assert_eq!(e.ready, errors.is_empty(), "entity_collects = {collects}, {method}");
    }
}

#[test]
fn seed_002_entity_collection_is_fixed_once_chosen() {
    // SPEC §2 B3.2: 单位代领 (fixed).
    let e = eval(FLOW, &entity_collects());
    assert_eq!(status(&e, "collection.method"), "locked");
    assert!(e.locked_fields.contains(&"collection.method".to_owned()));
    assert_eq!(value(&e, "collection.method"), Some(json!("entity")));
    let f = e.fields.iter().find(|f| f.path == "collection.method").unwrap();
    assert!(f.reason.as_ref().map(|r| r.zh.as_str()).is_some_and(|r| r.contains("单位代领")));
    // 002 §二 第四步 "则单位职工对应的领卡方式为单位代领": nothing to choose, even before an answer.
    let e = eval(FLOW, &with(&entity_collects(), json!({"collection.method": null})));
    assert_eq!(status(&e, "collection.method"), "locked");
    assert_eq!(value(&e, "collection.method"), Some(json!("entity")));
    assert!(error_codes(&e, "collection.method").is_empty());
    // The entity does not collect: the employee chooses freely.
    assert_eq!(status(&eval(FLOW, &complete()), "collection.method"), "required");
}

#[test]
fn seed_002_bank_mail_needs_the_recipients_details() {
    // §二（二）第六步: 收件人姓名、收件人联系电话、收件地所在区、邮政编码、收件详细地址.
    let mail = with(&complete(), mail_details());
    for field in [
        "collection.recipient_name",
        "collection.recipient_mobile",
        "collection.district",
        "collection.address",
        "collection.postal_code",
    ] {
        let e = eval(FLOW, &with(&mail, json!({ field: null })));
        assert_eq!(error_codes(&e, field), ["required"], "{field}");
        assert!(!e.ready);
        // Entity collection or pickup: the same half-filled details are hidden and not checked.
        for other in [with(&entity_collects(), json!({ field: null })), with(&complete(), json!({ field: "x" }))] {
            let e = eval(FLOW, &other);
            assert_eq!(status(&e, field), "hidden", "{field}");
            assert!(e.ready, "{field}: {:#?}", e.errors);
        }
    }
}

#[test]
fn seed_002_the_registered_identity_is_grayed_and_the_rest_editable() {
    // §二（一）第三步: 非置灰字段可以进行编辑修改. The identity comes from the entity's roster.
    let typed = with(
        &complete(),
        json!({"applicant.name": "别人", "applicant.id_number": id("19700101", "111"), "applicant.id_type": "hukou"}),
    );
    for a in [complete(), typed] {
        let e = eval(FLOW, &a);
        assert!(e.ready, "{:#?}", e.errors);
        for (field, expected) in [
            ("applicant.name", json!("孙七")),
            ("applicant.id_type", json!("resident_id")),
            ("applicant.id_number", json!(roster_id())),
        ] {
            assert_eq!(status(&e, field), "locked", "{field}");
            assert_eq!(value(&e, field), Some(expected), "{field}");
        }
        // Birth date and gender follow the registered ID number.
        assert_eq!(value(&e, "applicant.birth_date"), Some(json!("1990-05-20")));
        assert_eq!(value(&e, "applicant.gender"), Some(json!("male")));
    }
    for field in ["applicant.id_valid_from", "applicant.nationality", "applicant.mobile", "residence.address"] {
        assert_eq!(status(&eval(FLOW, &complete()), field), "required", "{field} is editable");
    }
}

#[test]
fn seed_002_without_the_roster_the_identity_is_missing() {
    // (agency path removed, field that then has no value)
    for (missing, field) in [
        ("agency.employee_name", "applicant.name"),
        ("agency.employee_id_type", "applicant.id_type"),
        ("agency.employee_id_number", "applicant.id_number"),
    ] {
        let e = eval(FLOW, &with(&complete(), json!({ missing: null })));
        assert_eq!(error_codes(&e, field), ["required"], "{missing}");
        assert!(!e.ready);
    }
    // A roster number that fails its check is reported on the field it fills.
    let e = eval(FLOW, &with(&complete(), json!({"agency.employee_id_number": "11010519900520135X"})));
    assert!(error_codes(&e, "applicant.id_number").contains(&"check_character".to_owned()));
}

#[test]
fn seed_002_bank_and_branch_only_from_the_entitys_list() {
    // §一 第四步 lists them; §二（二）第七步, （三）第八步: 发卡行名称、办卡网点.
    let e = eval(FLOW, &complete());
    assert_eq!(options(&e, "bank.name"), [json!("icbc"), json!("boc")]);
    // Only the branches of the chosen bank.
    assert_eq!(options(&e, "bank.branch"), [json!("icbc-haidian")]);
    let boc = eval(FLOW, &with(&complete(), json!({"bank.name": "boc", "bank.branch": "boc-haidian"})));
    assert_eq!(options(&boc, "bank.branch"), [json!("boc-haidian")]);
    assert!(boc.ready);
    // (field, answer, errors)
    let cases: [(&str, Value, &[&str]); 6] = [
        ("bank.name", json!("boc"), &[]), // the icbc branch then no longer fits: see below
        ("bank.name", json!("ccb"), &["not_an_option"]),
        ("bank.name", json!("中国工商银行"), &["not_an_option"]),
        ("bank.name", Value::Null, &["required"]),
        ("bank.branch", json!("boc-haidian"), &["not_an_option"]),
        ("bank.branch", json!("ccb-chaoyang"), &["not_an_option"]),
    ];
    for (field, answer, errors) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ field: answer.clone() })));
        assert_eq!(error_codes(&e, field), errors, "{field} = {answer}");
    }
    let switched_bank = eval(FLOW, &with(&complete(), json!({"bank.name": "boc"})));
    assert_eq!(error_codes(&switched_bank, "bank.branch"), ["not_an_option"], "a branch of another bank");
}

#[test]
fn seed_002_ethnicity_occupation_and_district_are_required() {
    // §二（二）第五步: 补充民族、职业、常住地所在区.
    for field in ["applicant.ethnicity", "applicant.occupation", "residence.district", "residence.address"] {
        let e = eval(FLOW, &with(&complete(), json!({ field: null })));
        assert_eq!(error_codes(&e, field), ["required"], "{field}");
        assert!(!e.steps.iter().find(|s| s.id == "residence").unwrap().complete);
    }
    let e = eval(FLOW, &with(&complete(), json!({"residence.district": "440106"})));
    assert_eq!(error_codes(&e, "residence.district"), ["not_an_option"]);
}

#[test]
fn seed_002_uploads_are_both_id_card_sides_and_the_card_photo() {
    // §二（一）第三步: 上传公民身份证正面、反面; （二）第八步: and 制卡照片.
    let e = eval(FLOW, &complete());
    assert_eq!(e.required_documents, [IdCardFront, IdCardBack, CardPhoto]);
    for (kind, path) in [
        (IdCardFront, "documents.id_card_front"),
        (IdCardBack, "documents.id_card_back"),
        (CardPhoto, "documents.card_photo"),
    ] {
        let e = eval(FLOW, &with(&complete(), json!({ path: null })));
        assert_eq!(e.missing_documents, [kind]);
        assert_eq!(error_codes(&e, path), ["document_missing"], "{path}");
        assert!(!e.ready);
    }
}

#[test]
fn seed_002_disclaimer_and_commitment_must_be_agreed() {
    // §二（一）第二步 【我同意】, 第五步 【申请人郑重承诺】.
    for consent in ["notice.agreed", "commitment.agreed"] {
        let e = eval(FLOW, &with(&complete(), json!({ consent: false })));
        assert_eq!(error_codes(&e, consent), ["consent_required"], "{consent}");
        assert!(!e.ready);
    }
}
