//! G2 代未成年子女办理 (seed 004 §1.4), table by table.

mod common;

use banka_flows::vocabulary::DocumentKind::{self, *};
use banka_flows::Answers;
use common::*;
use serde_json::{json, Value};

const FLOW: &str = "gd-minor";

/// A child of 天河区 born 2015-06-01 (11 on the application date) with a resident ID card,
/// applied for by the father.
fn child_with_id_card() -> Answers {
    answers(json!({
        "notice.agreed": true,
        "identity.verified_by": "agency_face_check",
        "proxy.name": "陈大文", "proxy.social_security_number": id_in("440106", "19850101", "111"),
        "proxy.relationship": "father",
        "applicant.name": "陈小文", "applicant.id_type": "resident_id",
        "applicant.id_number": id_in("440106", "20150601", "123"), "card.city": "4401",
        "photo.source": "receipt_number", "photo.receipt_number": "440100230801002",
        "applicant.ethnicity": "01",
        "applicant.id_valid_from": "2020-08-01", "applicant.id_valid_to": "2025-08-01",
        "proxy.mobile": "13800138000", "proxy.sms_code": "864209",
        "residence.district": "440106", "residence.address": "天河路1号1栋101房",
        "bank.name": "中国建设银行", "card.insurance_type": "resident",
        "collection.method": "branch_pickup", "bank.branch": "花地大道北支行",
        "submit.confirmed": true,
        "agency.eligibility": "eligible",
    }))
}

/// The same child with a household register (户口簿) as ID, registered on 2015-07-10.
fn child_with_hukou() -> Answers {
    with(
        &child_with_id_card(),
        json!({"applicant.id_type": "hukou", "applicant.id_valid_from": "2015-07-10", "applicant.id_valid_to": null}),
    )
}

fn docs(a: &Answers) -> Vec<DocumentKind> {
    eval(FLOW, a).required_documents
}

#[test]
fn both_kinds_of_case_walk_every_step_to_ready() {
    for a in [child_with_id_card(), child_with_hukou()] {
        let e = eval(FLOW, &with_documents(FLOW, &a));
        assert!(e.ready, "{:#?}", e.errors);
        assert!(e.steps.iter().all(|s| s.visible && s.complete && !s.blocked));
        assert_eq!(
            visible_steps(&e),
            [
                "guide",
                "identity-check",
                "eligibility",
                "uploads",
                "photo",
                "application-info",
                "collection",
                "check-answers",
                "submit"
            ]
        );
        assert_eq!(e.next_flow, None);
    }
}

#[test]
fn seed_004_1_4_3_documents_depend_on_the_childs_id_type() {
    // 户口簿: 法定监护人身份证国徽跟人像面, 户口本主页, 户口本户主页, 户口本子女页.
    assert_eq!(
        docs(&child_with_hukou()),
        [ProxyIdCardFront, ProxyIdCardBack, HukouMainPage, HukouHouseholderPage, HukouApplicantPage]
    );
    // 居民身份证: 法定监护人身份证国徽跟人像面, 申领人身份证国徽面、人像面, 出生医学证明.
    assert_eq!(
        docs(&child_with_id_card()),
        [ProxyIdCardFront, ProxyIdCardBack, IdCardFront, IdCardBack, BirthCertificate]
    );
}

#[test]
fn seed_004_1_4_3_uploads_of_the_other_id_type_do_not_count() {
    // 上传材料的附件与用户证件类型需保持一致: register pages do not stand in for the ID card.
    let mut a = child_with_id_card();
    a.extend(uploaded(&[ProxyIdCardFront, ProxyIdCardBack, HukouMainPage, HukouHouseholderPage, HukouApplicantPage]));
    let e = eval(FLOW, &a);
    assert!(!e.ready);
    assert_eq!(e.missing_documents, [IdCardFront, IdCardBack, BirthCertificate]);
    for path in ["documents.id_card_front", "documents.id_card_back", "documents.birth_certificate"] {
        assert_eq!(error_codes(&e, path), ["document_missing"], "{path}");
    }
}

#[test]
fn seed_004_1_4_2_the_child_has_a_household_register_or_an_id_card() {
    let e = eval(FLOW, &child_with_id_card());
    assert_eq!(options(&e, "applicant.id_type"), [json!("hukou"), json!("resident_id")]);
    let permit = with(&child_with_id_card(), json!({"applicant.id_type": "hk_macau_travel_permit"}));
    assert_eq!(error_codes(&eval(FLOW, &permit), "applicant.id_type"), ["not_an_option"]);
}

#[test]
fn seed_004_1_4_the_child_must_be_under_18() {
    let cases = [
        ("20081121", vec!["age_not_below"]), // 18 today
        ("20081122", vec![]),                // 18 tomorrow
        ("20260101", vec![]),                // a baby
    ];
    for (birth, codes) in cases {
        let a = with(&child_with_hukou(), json!({"applicant.id_number": id_in("440106", birth, "123")}));
        let e = eval(FLOW, &with_documents(FLOW, &a));
        assert_eq!(error_codes(&e, "applicant.id_number"), codes, "{birth}");
        assert_eq!(e.ready, codes.is_empty(), "{birth}");
    }
}

#[test]
fn seed_004_1_3_5_household_register_validity_is_registration_date_to_16th_birthday() {
    let e = eval(FLOW, &child_with_hukou());
    assert_eq!(status(&e, "applicant.id_valid_to"), "derived");
    assert_eq!(value(&e, "applicant.id_valid_to"), Some(json!("2031-06-01")));
    assert_eq!(value(&e, "applicant.id_valid_from"), Some(json!("2015-07-10")));
    // A typed end date that is not the 16th birthday is flagged.
    let typed = with(&child_with_hukou(), json!({"applicant.id_valid_to": "2035-06-01"}));
    assert_eq!(error_codes(&eval(FLOW, &typed), "applicant.id_valid_to"), ["differs_from_id_number"]);
    // The registration date is still asked.
    let no_start = with(&child_with_hukou(), json!({"applicant.id_valid_from": null}));
    assert_eq!(error_codes(&eval(FLOW, &no_start), "applicant.id_valid_from"), ["required"]);
    // With an ID card both dates are typed as on the card.
    let e = eval(FLOW, &child_with_id_card());
    assert_eq!(status(&e, "applicant.id_valid_to"), "required");
    assert_eq!(value(&e, "applicant.id_valid_to"), Some(json!("2025-08-01")));
    let e = eval(FLOW, &with(&child_with_id_card(), json!({"applicant.id_valid_to": null})));
    assert_eq!(error_codes(&e, "applicant.id_valid_to"), ["required"]);
}

#[test]
fn seed_004_1_4_2_one_person_one_card_sends_the_guardian_to_the_clean_up() {
    for &(answer, code, next) in GD_ELIGIBILITY_ANSWERS {
        let a = with(&child_with_hukou(), json!({"agency.eligibility": answer}));
        let e = eval(FLOW, &with_documents(FLOW, &a));
        assert_eq!(error_codes(&e, "applicant.id_number"), code.into_iter().collect::<Vec<_>>(), "{answer}");
        assert_eq!(e.next_flow.as_deref(), next, "{answer}");
        assert_eq!(e.ready, code.is_none(), "{answer}");
    }
}

#[test]
fn seed_004_1_4_2_eligibility_checks_guardian_and_child() {
    let cases = [
        ("proxy.name", Value::Null, "required"),
        ("proxy.social_security_number", json!("44010619850101111"), "length"),
        ("proxy.relationship", json!("uncle"), "not_an_option"),
        ("applicant.name", json!(" "), "required"),
        ("applicant.id_number", Value::Null, "required"),
        ("card.city", json!("1101"), "not_an_option"),
    ];
    each_answer_fails(FLOW, &child_with_id_card(), &cases);
}

#[test]
fn seed_004_1_4_1_the_guardians_identity_is_verified_first() {
    let e = eval(FLOW, &with(&child_with_id_card(), json!({"identity.verified_by": null})));
    assert_eq!(error_codes(&e, "identity.verified_by"), ["required"]);
    let eligibility = e.steps.iter().find(|s| s.id == "eligibility").unwrap();
    assert!(eligibility.blocked, "eligibility waits for the identity check");
    let by_operator = with(&child_with_id_card(), json!({"identity.verified_by": "operator_in_person"}));
    assert_eq!(error_codes(&eval(FLOW, &by_operator), "identity.operator_name"), ["required"]);
}

#[test]
fn seed_004_1_3_5_the_guardians_mobile_and_sms_code_are_asked() {
    let e = eval(FLOW, &with(&child_with_id_card(), json!({"proxy.mobile": "23800138000", "proxy.sms_code": null})));
    assert_eq!(error_codes(&e, "proxy.mobile"), ["mobile_prefix"]);
    assert_eq!(error_codes(&e, "proxy.sms_code"), ["required"]);
    let e = eval(FLOW, &child_with_id_card());
    assert!(e.fields.iter().all(|f| f.path != "applicant.mobile"), "the child has no mobile of its own");
}

#[test]
fn seed_004_1_3_5_occupation_defaults_to_other_personnel() {
    let e = eval(FLOW, &child_with_id_card());
    let f = e.fields.iter().find(|f| f.path == "applicant.occupation").unwrap();
    assert!(f.defaulted);
    assert_eq!(f.value, Some(json!("8")));
}

#[test]
fn seed_004_1_3_6_a_minors_card_is_collected_at_a_branch_or_mailed_cod() {
    let e = eval(FLOW, &child_with_id_card());
    assert_eq!(e.allowed_collection_methods, ["branch_pickup", "mail_cod"]);
    let mailed = with(
        &child_with_hukou(),
        json!({
            "collection.method": "mail_cod", "collection.mail_notice_read": true, "collection.recipient_name": "陈大文",
            "collection.district": "440103", "collection.address": "荔湾区站前路1号2栋302房",
        }),
    );
    assert!(eval(FLOW, &with_documents(FLOW, &mailed)).ready);
    let unread = with(&mailed, json!({"collection.mail_notice_read": null}));
    assert_eq!(error_codes(&eval(FLOW, &unread), "collection.mail_notice_read"), ["consent_required"]);
    let bank_mail = with(&child_with_id_card(), json!({"collection.method": "mail"}));
    assert_eq!(error_codes(&eval(FLOW, &bank_mail), "collection.method"), ["not_an_option"]);
}

#[test]
fn birth_date_and_gender_come_from_the_childs_number_not_the_guardians() {
    let e = eval(FLOW, &child_with_id_card());
    assert_eq!(value(&e, "applicant.birth_date"), Some(json!("2015-06-01")));
    assert_eq!(value(&e, "applicant.gender"), Some(json!("male")));
    assert_eq!(status(&e, "applicant.birth_date"), "derived");
}
