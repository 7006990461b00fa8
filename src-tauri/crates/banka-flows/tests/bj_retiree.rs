//! B4 退休人员申领 (seed 003), table by table.

mod common;

use banka_flows::vocabulary::DocumentKind::*;
use banka_rules::codes::RETIRED;
use common::*;
use serde_json::{json, Value};

const FLOW: &str = "bj-retiree";

/// A retiree born 1958-04-12 (female), card mailed, the pension paid by 工商银行 海淀支行.
fn complete() -> banka_flows::Answers {
    let a = answers(json!({
        "notice.agreed": true,
        "agency.eligibility": "eligible",
        "applicant.name": "王秀英",
        "applicant.id_type": "resident_id",
        "applicant.id_number": id("19580412", "224"),
        "eligibility.authorized": true,
        "applicant.id_valid_from": "2015-03-01",
        "applicant.mobile": "13800138000",
        "applicant.ethnicity": "01",
        "residence.district": "110108",
        "residence.address": "海淀区学院路30号",
        "collection.method": "mail",
        "collection.recipient_name": "王秀英",
        "collection.recipient_mobile": "13800138000",
        "collection.district": "110108",
        "collection.address": "海淀区学院路30号2单元301",
        "collection.postal_code": "100083",
        "agency.pension_bank": "中国工商银行",
        "agency.pension_branch": "中国工商银行北京海淀支行",
        "commitment.agreed": true,
    }));
    with_documents(FLOW, &a)
}

#[test]
fn a_complete_retiree_case_walks_every_step_to_ready() {
    let e = eval(FLOW, &complete());
    assert!(e.errors.is_empty(), "{:#?}", e.errors);
    assert!(e.ready);
    assert_eq!(
        visible_steps(&e),
        ["notice", "eligibility", "basic-info", "residence", "collection", "uploads", "check-answers", "commitment"]
    );
    assert!(e.steps.iter().all(|s| s.complete && !s.blocked));
    assert_eq!(value(&e, "applicant.birth_date"), Some(json!("1958-04-12")));
    assert_eq!(value(&e, "applicant.gender"), Some(json!("female")));
}

#[test]
fn seed_003_occupation_defaults_to_retired_and_can_be_changed() {
    // §一 补录信息, §二 第六步, §三 第四步(2): 职业（系统默认为“离退休人员”，可进行修改）.
    // (answer, value that counts, defaulted, errors)
    let cases: [(Value, &str, bool, &[&str]); 4] = [
        (Value::Null, RETIRED, true, &[]),
        (json!(""), RETIRED, true, &[]),
        (json!("2"), "2", false, &[]),
        (json!("9"), "9", false, &["not_an_option"]),
    ];
    for (answer, counts, defaulted, errors) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ "applicant.occupation": answer.clone() })));
        let f = e.fields.iter().find(|f| f.path == "applicant.occupation").unwrap();
        assert_eq!(f.value, Some(json!(counts)), "{answer}");
        assert_eq!(f.defaulted, defaulted, "{answer}");
        assert_eq!(status(&e, "applicant.occupation"), "required", "{answer}: changeable, not locked");
        assert_eq!(error_codes(&e, "applicant.occupation"), errors, "{answer}");
    }
}

#[test]
fn seed_003_bank_is_locked_to_the_pension_bank() {
    // §一, §二 第七步, §三 第四步(3): 发卡行名称及办卡网点与当前养老金代发行一致，无法修改.
    // Whatever the draft says, the value is the agency's.
    let typed = with(&complete(), json!({"bank.name": "中国银行", "bank.branch": "中关村支行"}));
    for a in [complete(), typed] {
        let e = eval(FLOW, &a);
        assert!(e.ready, "{:#?}", e.errors);
        for (field, expected) in [("bank.name", "中国工商银行"), ("bank.branch", "中国工商银行北京海淀支行")]
        {
            assert_eq!(status(&e, field), "locked", "{field}");
            assert!(e.locked_fields.contains(&field.to_owned()), "{field}");
            assert_eq!(value(&e, field), Some(json!(expected)), "{field}");
            let f = e.fields.iter().find(|f| f.path == field).unwrap();
            assert!(f
                .reason
                .as_ref()
                .map(|r| r.zh.as_str())
                .is_some_and(|r| r.contains("养老金代发") && r.contains("无法修改")));
            assert!(f.reason.as_ref().map(|r| r.en.as_str()).is_some_and(|r| r.contains("pension")));
        }
    }
}

#[test]
fn seed_003_without_the_pension_bank_from_the_agency_the_case_is_not_ready() {
    // The lock reads the agency's answer; a typed bank never stands in for it.
    for (missing, field) in [("agency.pension_bank", "bank.name"), ("agency.pension_branch", "bank.branch")] {
        let a = with(&complete(), json!({ missing: null, field: "中国银行" }));
        let e = eval(FLOW, &a);
        assert!(!e.ready, "{missing}");
        assert_eq!(status(&e, field), "locked", "{field}");
        assert_eq!(value(&e, field), None, "{field}");
        assert!(error_codes(&e, field).is_empty(), "nothing for the person to correct: {field}");
        assert!(e.waiting.iter().any(|w| w.field == field), "it waits for the agency: {field}");
    }
}

#[test]
fn seed_003_collection_is_bank_mail_unless_the_agency_allows_pickup() {
    // §一, §三 第四步(4): 只支持银行邮寄; §二 第七步 (Jingtong): 个人网点领卡 or 银行邮寄.
    // SPEC §2 B4: the stricter rule unless the agency's eligibility answer says otherwise.
    // (agency.pickup_allowed, allowed methods)
    let cases: [(Value, &[&str]); 3] =
        [(Value::Null, &["mail"]), (json!(false), &["mail"]), (json!(true), &["branch_pickup", "mail"])];
    for (allowed, methods) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ "agency.pickup_allowed": allowed.clone() })));
        assert_eq!(e.allowed_collection_methods, methods, "pickup_allowed = {allowed}");
        assert!(e.ready, "{allowed}: mail is always fine");
    }
    // Choosing pickup needs the agency's allowance. (pickup_allowed, errors on collection.method)
    let cases: [(Value, &[&str]); 3] =
        [(Value::Null, &["not_an_option"]), (json!(false), &["not_an_option"]), (json!(true), &[])];
    for (allowed, errors) in cases {
        let a =
            with(&complete(), json!({"collection.method": "branch_pickup", "agency.pickup_allowed": allowed.clone()}));
        let e = eval(FLOW, &a);
        assert_eq!(error_codes(&e, "collection.method"), errors, "pickup_allowed = {allowed}");
        assert_eq!(e.ready, errors.is_empty(), "pickup_allowed = {allowed}");
    }
}

#[test]
fn seed_003_mail_needs_recipient_mobile_district_address_and_postal_code() {
    // §一: 邮寄接收人、接收人联系电话、邮寄接收地址; §二 第七步: 收件人姓名、联系电话、收件地所在区、
    // 邮政编码、收件详细地址.
    // (field, bad answer, error on a bad answer)
    let cases = [
        ("collection.recipient_name", json!(" "), "required"),
        ("collection.recipient_mobile", json!("1380013800"), "length"),
        ("collection.district", json!("110103"), "not_an_option"),
        ("collection.address", json!(""), "required"),
        ("collection.postal_code", json!("10008"), "length"),
    ];
    for (field, bad, code) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ field: null })));
        assert_eq!(error_codes(&e, field), ["required"], "{field} missing");
        assert!(!e.ready);
        let e = eval(FLOW, &with(&complete(), json!({ field: bad })));
        assert_eq!(error_codes(&e, field), [code], "{field} = {bad}");
    }
}

#[test]
fn seed_003_mail_details_are_hidden_and_unchecked_when_picking_up() {
    let a = with(
        &complete(),
        json!({"agency.pickup_allowed": true, "collection.method": "branch_pickup", "collection.postal_code": "abc"}),
    );
    let e = eval(FLOW, &a);
    assert!(e.ready, "{:#?}", e.errors);
    for field in ["collection.recipient_name", "collection.recipient_mobile", "collection.postal_code"] {
        assert_eq!(status(&e, field), "hidden", "{field}");
        assert!(error_codes(&e, field).is_empty(), "{field}");
    }
}

#[test]
fn seed_003_uploads_are_the_card_photo_and_both_id_card_sides() {
    // §一: 制卡照片、身份证正面原件照片、身份证背面原件照片; §二 第八步.
    let e = eval(FLOW, &complete());
    assert_eq!(e.required_documents, [CardPhoto, IdCardFront, IdCardBack]);
    for (kind, path) in [
        (CardPhoto, "documents.card_photo"),
        (IdCardFront, "documents.id_card_front"),
        (IdCardBack, "documents.id_card_back"),
    ] {
        let e = eval(FLOW, &with(&complete(), json!({ path: null })));
        assert_eq!(e.missing_documents, [kind]);
        assert_eq!(error_codes(&e, path), ["document_missing"], "{path}");
        assert!(!e.steps.iter().find(|s| s.id == "uploads").unwrap().complete);
    }
}

#[test]
fn seed_003_notice_authorisation_and_commitment_must_be_agreed() {
    // §一 【我同意】, §二 第四步 【访问授权】, §一 / §二 第九步 【我已阅读并同意】.
    for consent in ["notice.agreed", "eligibility.authorized", "commitment.agreed"] {
        for answer in [json!(false), Value::Null] {
            let e = eval(FLOW, &with(&complete(), json!({ consent: answer.clone() })));
            assert_eq!(error_codes(&e, consent), ["consent_required"], "{consent} = {answer}");
            assert!(!e.ready);
        }
    }
}

#[test]
fn seed_003_an_ineligible_person_is_stopped_at_the_eligibility_check() {
    // §二 第四步: 开始资格校验，校验人员是否可以进行申领. (agency.eligibility, errors)
    // (agency.eligibility, errors, ready): no answer yet is no error, but no yes either (a gate).
    let cases: [(Value, &[&str], bool); 4] = [
        (Value::Null, &[], false),
        (json!("eligible"), &[], true),
        (json!("not_eligible"), &["not_eligible"], false),
        (json!("already_applied"), &["already_applied"], false),
    ];
    for (answer, errors, ready) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ "agency.eligibility": answer.clone() })));
        assert_eq!(error_codes(&e, "applicant.id_number"), errors, "{answer}");
        assert_eq!(e.ready, ready, "{answer}");
        assert_eq!(e.next_flow, None);
    }
}

#[test]
fn seed_003_basic_information_is_checked_like_b1() {
    // §二 第五步: the details shown back; a wrong ID number or mobile is named on its field.
    let cases = [
        ("applicant.id_number", json!("11010519580412224X"), "check_character"),
        ("applicant.mobile", json!("12800138000"), "mobile_prefix"),
        ("applicant.gender", json!("male"), "differs_from_id_number"),
        ("residence.district", json!("440106"), "not_an_option"),
        ("applicant.id_valid_from", json!("2015-02-30"), "date_invalid"),
    ];
    for (field, bad, code) in cases {
        let e = eval(FLOW, &with(&complete(), json!({ field: bad })));
        assert!(error_codes(&e, field).contains(&code.to_owned()), "{field} = {bad}: {:?}", error_codes(&e, field));
        assert!(!e.ready);
    }
}

#[test]
fn seed_003_the_retiree_flow_opens_in_elderly_mode() {
    // 003 §二: 长者版专区; SPEC §2 B4: the natural default here.
    assert!(banka_flows::catalog::get(FLOW).unwrap().elderly);
    assert!(!banka_flows::catalog::get("bj-individual").unwrap().elderly);
}
