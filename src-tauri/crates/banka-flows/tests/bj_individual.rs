//! B1 个人参保人员本人申领 (seed 001), table by table.

mod common;

use banka_flows::vocabulary::DocumentKind::*;
use common::*;
use serde_json::json;

const FLOW: &str = "bj-individual";

fn complete() -> banka_flows::Answers {
    with(&b1_complete(), json!({"agency.eligibility": "eligible"}))
}

#[test]
fn a_complete_case_is_ready() {
    let e = eval(FLOW, &complete());
    assert!(e.errors.is_empty(), "{:#?}", e.errors);
    assert!(e.ready);
    assert!(e.steps.iter().all(|s| s.visible && s.complete && !s.blocked));
}

#[test]
fn seed_001_uploads_are_the_card_photo_and_both_id_card_sides() {
    let e = eval(FLOW, &complete());
    assert_eq!(e.required_documents, [CardPhoto, IdCardFront, IdCardBack]);
}

#[test]
fn seed_001_collection_is_branch_pickup_or_bank_mail() {
    let e = eval(FLOW, &complete());
    assert_eq!(e.allowed_collection_methods, ["branch_pickup", "mail"]);
}

#[test]
fn seed_001_mail_needs_recipient_mobile_address_and_postal_code() {
    let mail = with(&complete(), json!({"collection.method": "mail"}));
    let e = eval(FLOW, &mail);
    assert!(!e.ready);
    for field in [
        "collection.recipient_name",
        "collection.recipient_mobile",
        "collection.district",
        "collection.address",
        "collection.postal_code",
    ] {
        assert_eq!(error_codes(&e, field), ["required"], "{field}");
    }
    let filled = with(
        &mail,
        json!({
            "collection.recipient_name": "张三", "collection.recipient_mobile": "13900139000",
            "collection.district": "110108", "collection.address": "海淀区中关村大街1号",
            "collection.postal_code": "100080",
        }),
    );
    assert!(eval(FLOW, &filled).ready);
}

#[test]
fn a_non_beijing_postal_code_is_a_warning_only() {
    let a = with(
        &complete(),
        json!({
            "collection.method": "mail", "collection.recipient_name": "张三",
            "collection.recipient_mobile": "13900139000", "collection.district": "110108",
            "collection.address": "海淀区中关村大街1号", "collection.postal_code": "200000",
        }),
    );
    let e = eval(FLOW, &a);
    assert!(e.ready);
    assert_eq!(e.warnings[0].field, "collection.postal_code");
    assert_eq!(e.warnings[0].finding.code, "postal_code_not_beijing");
}

#[test]
fn mail_answers_kept_when_switching_back_are_not_validated_or_submitted() {
    // A half-filled mail address stays in the draft but pickup does not need it.
    let a = with(&complete(), json!({"collection.recipient_mobile": "123"}));
    let e = eval(FLOW, &a);
    assert!(e.ready, "{:#?}", e.errors);
    assert_eq!(status(&e, "collection.recipient_mobile"), "hidden");
    assert_eq!(value(&e, "collection.recipient_mobile"), None);
    assert!(!e.answers_to_submit.contains_key("collection.recipient_mobile"));
    // What is submitted: normalised answers, defaults and derived facts of the visible fields.
    assert_eq!(e.answers_to_submit["collection.method"], json!("branch_pickup"));
    assert_eq!(e.answers_to_submit["applicant.nationality"], json!("中国"));
    assert_eq!(e.answers_to_submit["applicant.birth_date"], json!("1980-03-15"));
    let formatted_mobile = with(&complete(), json!({"applicant.mobile": "+86 138-0013-8000"}));
    assert_eq!(eval(FLOW, &formatted_mobile).answers_to_submit["applicant.mobile"], json!("13800138000"));
}

#[test]
fn birth_date_and_gender_come_from_the_id_number() {
    let e = eval(FLOW, &complete());
    assert_eq!(status(&e, "applicant.birth_date"), "derived");
    assert_eq!(value(&e, "applicant.birth_date"), Some(json!("1980-03-15")));
    assert_eq!(value(&e, "applicant.gender"), Some(json!("male")));
    let typed_wrong = with(&complete(), json!({"applicant.gender": "female"}));
    assert_eq!(error_codes(&eval(FLOW, &typed_wrong), "applicant.gender"), ["differs_from_id_number"]);
}

#[test]
fn errors_name_the_field_in_both_languages() {
    let a = with(&complete(), json!({"applicant.id_number": "11010519800315123X", "applicant.mobile": "1380013800"}));
    let e = eval(FLOW, &a);
    let id = e.errors.iter().find(|x| x.field == "applicant.id_number").unwrap();
    assert_eq!(id.finding.code, "check_character");
    assert!(id.finding.message.zh.contains("证件号码") && id.finding.message.en.contains("ID number"));
    let mobile = e.errors.iter().find(|x| x.field == "applicant.mobile").unwrap();
    assert!(mobile.finding.message.zh.contains("卡预留手机号"));
}

#[test]
fn seed_001_notice_authorisation_and_commitment_must_be_agreed() {
    for consent in ["notice.agreed", "eligibility.authorized", "commitment.agreed"] {
        let e = eval(FLOW, &with(&complete(), json!({ consent: false })));
        assert_eq!(error_codes(&e, consent), ["consent_required"], "{consent}");
        assert!(!e.ready);
    }
}

#[test]
fn nationality_defaults_to_china() {
    let e = eval(FLOW, &complete());
    let f = e.fields.iter().find(|f| f.path == "applicant.nationality").unwrap();
    assert!(f.defaulted);
    assert_eq!(f.value, Some(json!("中国")));
}

#[test]
fn steps_after_an_incomplete_one_are_blocked() {
    let e = eval(FLOW, &with(&complete(), json!({"applicant.name": null})));
    let eligibility = e.steps.iter().find(|s| s.id == "eligibility").unwrap();
    assert!(!eligibility.complete && !eligibility.blocked);
    assert!(e.steps.iter().skip_while(|s| s.id != "basic-info").all(|s| s.blocked));
}

#[test]
fn missing_documents_are_errors_on_their_own_path() {
    let a = with(&complete(), json!({"documents.id_card_back": null}));
    let e = eval(FLOW, &a);
    assert_eq!(e.missing_documents, [IdCardBack]);
    assert_eq!(error_codes(&e, "documents.id_card_back"), ["document_missing"]);
    assert!(!e.steps.iter().find(|s| s.id == "uploads").unwrap().complete);
}

#[test]
fn seed_001_validity_start_cannot_be_after_the_application_date() {
    let e = eval(FLOW, &with(&complete(), json!({"applicant.id_valid_from": "2027-01-01"})));
    assert_eq!(error_codes(&e, "applicant.id_valid_from"), ["date_in_future"]);
    assert!(!e.ready);
}

#[test]
fn spec_names_and_text_are_what_a_document_and_an_address_can_hold() {
    // (answers, field, the error): the tester's NUL byte, emoji and 5-million-character name.
    let huge = "王".repeat(5_000_000);
    let cases = [
        (json!({"applicant.name": "王\u{0}明"}), "applicant.name", "character"),
        (json!({"applicant.name": "王😀明"}), "applicant.name", "character"),
        (json!({"applicant.name": huge}), "applicant.name", "too_long"),
        (json!({"residence.address": "建国路\n88号"}), "residence.address", "character"),
        (json!({"residence.address": "路".repeat(201)}), "residence.address", "too_long"),
    ];
    for (change, field, code) in cases {
        let e = eval(FLOW, &with(&complete(), change));
        assert_eq!(error_codes(&e, field), [code], "{field}");
        assert!(!e.ready);
        let finding = &e.errors.iter().find(|x| x.field == field).unwrap().finding;
        assert!(!finding.message.zh.is_empty() && !finding.message.en.is_empty());
        assert!(!finding.message.zh.contains('\u{0}'), "an invisible character is named, not printed");
    }
    // A minority name as typed on a phone: the dot made the ID card's "·".
    let e = eval(FLOW, &with(&complete(), json!({"applicant.name": "买买提•艾力"})));
    assert!(error_codes(&e, "applicant.name").is_empty());
    assert_eq!(value(&e, "applicant.name"), Some(json!("买买提·艾力")));
}
