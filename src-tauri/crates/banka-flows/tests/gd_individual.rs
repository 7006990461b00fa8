//! G1 社保卡申领（本人申领） (seed 004 §1.1–§1.3.8), table by table.

mod common;

use banka_flows::vocabulary::DocumentKind::{self, *};
use banka_flows::Answers;
use common::*;
use serde_json::{json, Value};

const FLOW: &str = "gd-individual";

/// A mainland resident of 天河区, born 1990-03-15, whose social security number is the ID number.
fn mainland() -> Answers {
    let number = id_in("440106", "19900315", "123");
    answers(json!({
        "notice.agreed": true,
        "applicant.resident_type": "mainland", "applicant.id_type": "resident_id", "applicant.id_number": number,
        "identity.verified_by": "operator_in_person", "identity.operator_name": "王芳",
        "applicant.name": "陈小明", "applicant.social_security_number": number, "card.city": "4401",
        "photo.source": "receipt_number", "photo.receipt_number": "440100230731001",
        "applicant.ethnicity": "01", "applicant.id_valid_long_term": false,
        "applicant.id_valid_from": "2016-05-01", "applicant.id_valid_to": "2036-05-01",
        "applicant.mobile": "13800138000", "applicant.sms_code": "246810",
        "applicant.occupation": "2", "residence.district": "440106", "residence.address": "天河路1号1栋101房",
        "bank.name": "中国工商银行", "card.insurance_type": "employee",
        "collection.method": "branch_pickup", "bank.branch": "站前路支行",
        "bank.branch_phone": "020-83528957", "bank.branch_address": "广州市荔湾区站前路58号首层西侧04-06铺",
        "submit.confirmed": true,
        // The agency's answers: eligible, and it holds a photo of the person.
        "agency.eligibility": "eligible", "agency.has_system_photo": true,
    }))
}

/// `mainland()` as someone of `resident_type` holding `id_type` number `number`.
fn resident(resident_type: &str, id_type: &str, number: &str) -> Answers {
    with(
        &mainland(),
        json!({"applicant.resident_type": resident_type, "applicant.id_type": id_type, "applicant.id_number": number}),
    )
}

/// `number` with a check character that does not fit.
fn wrong_check(number: &str) -> String {
    let (body, check) = number.split_at(17);
    format!("{body}{}", if check == "0" { "1" } else { "0" })
}

fn hk_residence_permit() -> String {
    id_in("810000", "19850101", "234")
}

fn taiwan_residence_permit() -> String {
    id_in("830000", "19850101", "234")
}

/// The mail case: reminder read, recipient, area and address; the applicant's own mobile.
fn by_mail() -> Answers {
    with(
        &mainland(),
        json!({
            "collection.method": "mail_cod", "collection.mail_notice_read": true,
            "collection.recipient_name": "陈小明", "collection.district": "440103",
            "collection.address": "荔湾区站前路1号2栋302房",
        }),
    )
}

fn ready_with_documents(a: &Answers) -> banka_flows::Evaluation {
    eval(FLOW, &with_documents(FLOW, a))
}

#[test]
fn a_complete_mainland_case_walks_every_step_to_ready() {
    let e = ready_with_documents(&mainland());
    assert!(e.errors.is_empty(), "{:#?}", e.errors);
    assert!(e.ready);
    assert_eq!(
        visible_steps(&e),
        [
            "guide",
            "resident-type",
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
    assert!(e.steps.iter().all(|s| s.visible && s.complete && !s.blocked));
    assert_eq!(e.next_flow, None);
    // Mail-only answers are hidden; nothing of them is asked.
    assert_eq!(status(&e, "collection.recipient_name"), "hidden");
}

#[test]
fn seed_004_1_3_3_uploads_match_the_document_type() {
    let hk_permit = "H12345678";
    let macau_permit = "M1234567801";
    let taiwan_permit = "12345678";
    let cases: [(&str, &str, String, &[DocumentKind]); 6] = [
        ("mainland", "resident_id", id_in("440106", "19900315", "123"), &[IdCardFront, IdCardBack]),
        ("hong_kong", "hk_macau_travel_permit", hk_permit.into(), &[TravelPermitFront, TravelPermitBack]),
        ("macau", "hk_macau_travel_permit", macau_permit.into(), &[TravelPermitFront, TravelPermitBack]),
        ("taiwan", "taiwan_travel_permit", taiwan_permit.into(), &[TravelPermitFront, TravelPermitBack]),
        ("hong_kong", "residence_permit", hk_residence_permit(), &[ResidencePermitFront, ResidencePermitBack]),
        ("taiwan", "residence_permit", taiwan_residence_permit(), &[ResidencePermitFront, ResidencePermitBack]),
    ];
    for (resident_type, id_type, number, documents) in cases {
        let a = resident(resident_type, id_type, &number);
        let e = eval(FLOW, &a);
        assert_eq!(e.required_documents, documents, "{resident_type} {id_type}");
        assert_eq!(e.missing_documents, documents, "{resident_type} {id_type}");
        let e = ready_with_documents(&a);
        assert!(e.ready, "{resident_type} {id_type}: {:#?}", e.errors);
    }
}

#[test]
fn seed_004_1_3_3_an_upload_of_another_document_type_does_not_count() {
    // 上传材料的附件与用户证件类型需保持一致: a travel permit is no ID card.
    let mut a = mainland();
    a.extend(uploaded(&[TravelPermitFront, TravelPermitBack]));
    let e = eval(FLOW, &a);
    assert!(!e.ready);
    assert_eq!(e.missing_documents, [IdCardFront, IdCardBack]);
    assert_eq!(error_codes(&e, "documents.id_card_front"), ["document_missing"]);
    assert_eq!(error_codes(&e, "documents.id_card_back"), ["document_missing"]);
    assert!(!e.steps.iter().find(|s| s.id == "uploads").unwrap().complete);
}

#[test]
fn seed_004_1_1_document_types_follow_the_resident_type() {
    let cases: [(&str, &[&str]); 4] = [
        ("mainland", &["resident_id"]),
        ("hong_kong", &["hk_macau_travel_permit", "residence_permit"]),
        ("macau", &["hk_macau_travel_permit", "residence_permit"]),
        ("taiwan", &["taiwan_travel_permit", "residence_permit"]),
    ];
    for (resident_type, id_types) in cases {
        let e = eval(FLOW, &with(&mainland(), json!({"applicant.resident_type": resident_type})));
        let offered: Vec<Value> = id_types.iter().map(|t| json!(t)).collect();
        assert_eq!(options(&e, "applicant.id_type"), offered, "{resident_type}");
    }
    // A document of another resident type is refused.
    let e = eval(FLOW, &resident("mainland", "hk_macau_travel_permit", "H12345678"));
    assert_eq!(error_codes(&e, "applicant.id_type"), ["not_an_option"]);
    let e = eval(FLOW, &resident("hong_kong", "taiwan_travel_permit", "12345678"));
    assert_eq!(error_codes(&e, "applicant.id_type"), ["not_an_option"]);
}

#[test]
fn seed_004_1_1_overseas_chinese_and_foreigners_cannot_apply_online() {
    let e = eval(FLOW, &mainland());
    assert_eq!(
        options(&e, "applicant.resident_type"),
        [json!("mainland"), json!("hong_kong"), json!("macau"), json!("taiwan")]
    );
    for unsupported in ["overseas_chinese", "foreigner"] {
        let e = eval(FLOW, &with(&mainland(), json!({"applicant.resident_type": unsupported})));
        assert_eq!(error_codes(&e, "applicant.resident_type"), ["not_an_option"], "{unsupported}");
        assert!(!e.ready);
    }
}

#[test]
fn document_numbers_are_checked_as_the_document_type() {
    let cases = [
        ("hong_kong", "hk_macau_travel_permit", "12345678", "character"),
        ("taiwan", "taiwan_travel_permit", "H12345678", "character"),
        ("mainland", "resident_id", &wrong_check(&id_in("440106", "19900315", "123")), "check_character"),
    ];
    for (resident_type, id_type, number, code) in cases {
        let e = eval(FLOW, &resident(resident_type, id_type, number));
        assert_eq!(error_codes(&e, "applicant.id_number"), [code], "{id_type} {number}");
    }
}

#[test]
fn seed_004_hk_macau_taiwan_residents_pick_up_at_a_branch_only() {
    // §1.3.6 注意：港澳台居民申领社保卡只允许网点领卡.
    let cases: [(&str, &str, String, &[&str]); 5] = [
        ("mainland", "resident_id", id_in("440106", "19900315", "123"), &["branch_pickup", "mail_cod"]),
        ("hong_kong", "hk_macau_travel_permit", "H12345678".into(), &["branch_pickup"]),
        ("macau", "residence_permit", id_in("820000", "19850101", "234"), &["branch_pickup"]),
        ("taiwan", "taiwan_travel_permit", "12345678".into(), &["branch_pickup"]),
        ("taiwan", "residence_permit", taiwan_residence_permit(), &["branch_pickup"]),
    ];
    for (resident_type, id_type, number, methods) in cases {
        let a = resident(resident_type, id_type, &number);
        assert_eq!(eval(FLOW, &a).allowed_collection_methods, methods, "{resident_type} {id_type}");
        let mailed = with(
            &by_mail(),
            json!({"applicant.resident_type": resident_type, "applicant.id_type": id_type, "applicant.id_number": number}),
        );
        let e = eval(FLOW, &with_documents(FLOW, &mailed));
        if methods.contains(&"mail_cod") {
            assert!(e.ready, "{resident_type}: {:#?}", e.errors);
        } else {
            assert_eq!(error_codes(&e, "collection.method"), ["not_an_option"], "{resident_type} {id_type}");
            assert!(!e.ready);
        }
    }
}

#[test]
fn seed_004_1_3_6_mail_cod_needs_the_reminder_recipient_area_and_address() {
    let bare = with(&mainland(), json!({"collection.method": "mail_cod"}));
    let e = eval(FLOW, &with_documents(FLOW, &bare));
    assert!(!e.ready);
    let expected = [
        ("collection.mail_notice_read", "consent_required"),
        ("collection.recipient_name", "required"),
        ("collection.district", "required"),
        ("collection.address", "required"),
    ];
    for (field, code) in expected {
        assert_eq!(error_codes(&e, field), [code], "{field}");
    }
    // The branch is still chosen: undeliverable cards go there.
    let no_branch = with(&by_mail(), json!({"bank.branch": null}));
    assert_eq!(error_codes(&eval(FLOW, &no_branch), "bank.branch"), ["required"]);
    // The recipient's mobile is the applicant's unless changed.
    let e = ready_with_documents(&by_mail());
    assert!(e.ready, "{:#?}", e.errors);
    assert_eq!(value(&e, "collection.recipient_mobile_changed"), Some(json!(false)));
    assert_eq!(status(&e, "collection.recipient_mobile"), "hidden");
    assert_eq!(status(&e, "collection.recipient_sms_code"), "hidden");
    // The mailing area is a current county-level division.
    let city_only = with(&by_mail(), json!({"collection.district": "440100"}));
    assert_eq!(error_codes(&eval(FLOW, &city_only), "collection.district"), ["region_not_current"]);
}

#[test]
fn seed_004_1_3_6_a_changed_recipient_mobile_needs_its_own_sms_code() {
    let changed = with(&by_mail(), json!({"collection.recipient_mobile_changed": true}));
    let e = eval(FLOW, &with_documents(FLOW, &changed));
    assert_eq!(error_codes(&e, "collection.recipient_mobile"), ["required"]);
    assert_eq!(error_codes(&e, "collection.recipient_sms_code"), ["required"]);
    let bad =
        with(&changed, json!({"collection.recipient_mobile": "12345678901", "collection.recipient_sms_code": "1357"}));
    assert_eq!(error_codes(&eval(FLOW, &bad), "collection.recipient_mobile"), ["mobile_prefix"]);
    let good =
        with(&changed, json!({"collection.recipient_mobile": "13900139000", "collection.recipient_sms_code": "1357"}));
    assert!(ready_with_documents(&good).ready);
}

#[test]
fn mail_answers_kept_after_switching_to_pickup_are_not_validated() {
    let a = with(
        &by_mail(),
        json!({"collection.method": "branch_pickup", "collection.mail_notice_read": false, "collection.district": "440100"}),
    );
    let e = ready_with_documents(&a);
    assert!(e.ready, "{:#?}", e.errors);
    for field in ["collection.mail_notice_read", "collection.district", "collection.recipient_name"] {
        assert_eq!(status(&e, field), "hidden", "{field}");
        assert_eq!(value(&e, field), None, "{field}");
    }
}

#[test]
fn seed_004_1_3_2_one_person_one_card_sends_the_user_to_the_clean_up() {
    // The agency's answer to 【资格校验】 → (error code on the social security number, next flow).
    for &(answer, code, next) in GD_ELIGIBILITY_ANSWERS {
        let a = with(&mainland(), json!({"agency.eligibility": answer}));
        let e = ready_with_documents(&a);
        let codes = error_codes(&e, "applicant.social_security_number");
        assert_eq!(codes, code.into_iter().collect::<Vec<_>>(), "{answer}");
        assert_eq!(e.next_flow.as_deref(), next, "{answer}");
        assert_eq!(e.ready, code.is_none(), "{answer}");
        // The refusal, and only it, is what the person is told instead of going on.
        let refusals: Vec<&str> = e.refusals.iter().map(|r| r.finding.code.as_str()).collect();
        assert_eq!(refusals, code.into_iter().collect::<Vec<_>>(), "{answer}");
    }
    // Offline, before the agency has answered, the draft goes on but cannot be finished (a gate).
    let offline = with(&mainland(), json!({"agency.eligibility": null, "agency.has_system_photo": null}));
    let e = ready_with_documents(&offline);
    assert!(e.errors.is_empty(), "{:#?}", e.errors);
    assert!(!e.ready);
    assert_eq!(e.waiting.len(), 1);
}

#[test]
fn seed_004_1_3_2_eligibility_needs_name_social_security_number_and_a_guangdong_city() {
    let e = eval(FLOW, &with(&mainland(), json!({"applicant.name": null, "card.city": null})));
    assert_eq!(error_codes(&e, "applicant.name"), ["required"]);
    assert_eq!(error_codes(&e, "card.city"), ["required"]);
    let beijing = with(&mainland(), json!({"card.city": "1101"}));
    assert_eq!(error_codes(&eval(FLOW, &beijing), "card.city"), ["not_an_option"]);
    for city in ["4403", "4419", "4453"] {
        assert!(ready_with_documents(&with(&mainland(), json!({"card.city": city}))).ready, "{city}");
    }
    let wrong = with(
        &mainland(),
        json!({"applicant.social_security_number": wrong_check(&id_in("440106", "19900315", "123"))}),
    );
    assert_eq!(error_codes(&eval(FLOW, &wrong), "applicant.social_security_number"), ["check_character"]);
}

#[test]
fn seed_004_1_3_1_the_identity_check_is_recorded() {
    let e = eval(FLOW, &with(&mainland(), json!({"identity.verified_by": null})));
    assert_eq!(error_codes(&e, "identity.verified_by"), ["required"]);
    let e = eval(FLOW, &with(&mainland(), json!({"identity.operator_name": " "})));
    assert_eq!(error_codes(&e, "identity.operator_name"), ["required"]);
    // A face check on the agency's channel names no operator.
    let face = with(&mainland(), json!({"identity.verified_by": "agency_face_check", "identity.operator_name": null}));
    let e = ready_with_documents(&face);
    assert!(e.ready);
    assert_eq!(status(&e, "identity.operator_name"), "hidden");
}

#[test]
fn seed_004_1_3_4_photo_is_a_receipt_number_or_the_system_photo() {
    let no_number = with(&mainland(), json!({"photo.receipt_number": null}));
    assert_eq!(error_codes(&eval(FLOW, &no_number), "photo.receipt_number"), ["required"]);
    // 默认选择"使用社保系统相片制卡": selected until the user unticks it.
    let system = with(&mainland(), json!({"photo.source": "system_photo", "photo.receipt_number": null}));
    let e = ready_with_documents(&system);
    assert!(e.ready, "{:#?}", e.errors);
    assert_eq!(value(&e, "photo.use_system_photo"), Some(json!(true)));
    assert_eq!(status(&e, "photo.receipt_number"), "hidden");
    let unticked = with(&system, json!({"photo.use_system_photo": false}));
    assert_eq!(error_codes(&eval(FLOW, &unticked), "photo.use_system_photo"), ["consent_required"]);
    // "搜索结果会自动展示": the photo on file is shown with the choice.
    let shown = e.fields.iter().find(|f| f.path == "photo.use_system_photo").unwrap();
    assert_eq!(shown.agency_photo, Some(banka_flows::definition::AgencyPhoto::OnFile));
    // 如社保系统有照片可无需社保卡相片回执号: without one, the choice is refused, saying so, and a
    // receipt number it is.
    let none = with(&system, json!({"agency.has_system_photo": false}));
    let e = eval(FLOW, &none);
    assert_eq!(options(&e, "photo.source"), [json!("receipt_number"), json!("system_photo")]);
    assert_eq!(error_codes(&e, "photo.source"), ["no_photo_on_file"]);
    let finding = &e.errors.iter().find(|x| x.field == "photo.source").unwrap().finding;
    assert!(
        finding.message.zh.contains("没有您的相片") && finding.message.en.contains("no photo of you"),
        "{finding:?}"
    );
    assert!(!e.steps.iter().find(|s| s.id == "photo").unwrap().complete, "the person stays at the photo step");
    let receipt = with(&none, json!({"photo.source": "receipt_number", "photo.receipt_number": "440100202411210123"}));
    assert!(error_codes(&eval(FLOW, &receipt), "photo.source").is_empty());
    // No card photo is uploaded in Guangdong.
    assert!(!eval(FLOW, &mainland()).required_documents.contains(&CardPhoto));
}

#[test]
fn seed_004_1_3_5_a_long_term_id_has_no_end_date() {
    let long_term =
        with(&mainland(), json!({"applicant.id_valid_long_term": true, "applicant.id_valid_to": "not a date"}));
    let e = ready_with_documents(&long_term);
    assert!(e.ready, "{:#?}", e.errors);
    assert_eq!(status(&e, "applicant.id_valid_to"), "hidden");
    let dated = with(&mainland(), json!({"applicant.id_valid_to": null}));
    assert_eq!(error_codes(&eval(FLOW, &dated), "applicant.id_valid_to"), ["required"]);
    let bad = with(&mainland(), json!({"applicant.id_valid_to": "2036-02-30"}));
    assert_eq!(error_codes(&eval(FLOW, &bad), "applicant.id_valid_to"), ["date_invalid"]);
    let unanswered = with(&mainland(), json!({"applicant.id_valid_long_term": null}));
    let e = eval(FLOW, &unanswered);
    assert_eq!(error_codes(&e, "applicant.id_valid_long_term"), ["required"]);
    assert_eq!(status(&e, "applicant.id_valid_to"), "hidden");
}

#[test]
fn seed_004_1_3_5_application_info_is_checked_field_by_field() {
    let cases = [
        ("applicant.ethnicity", json!("57"), "not_an_option"),
        ("applicant.occupation", json!("9"), "not_an_option"),
        ("applicant.mobile", json!("1380013800"), "length"),
        ("applicant.sms_code", json!(""), "required"),
        ("residence.district", json!("440100"), "region_not_current"),
        ("residence.address", Value::Null, "required"),
        ("bank.name", Value::Null, "required"),
        ("card.insurance_type", json!("farmer"), "not_an_option"),
        ("applicant.id_valid_from", json!("1 May 2016"), "date_invalid"),
    ];
    each_answer_fails(FLOW, &mainland(), &cases);
}

#[test]
fn birth_date_and_gender_come_from_the_social_security_number() {
    let e = eval(FLOW, &mainland());
    assert_eq!(status(&e, "applicant.birth_date"), "derived");
    assert_eq!(value(&e, "applicant.birth_date"), Some(json!("1990-03-15")));
    assert_eq!(value(&e, "applicant.gender"), Some(json!("male")));
    let typed_wrong = with(&mainland(), json!({"applicant.gender": "female"}));
    assert_eq!(error_codes(&eval(FLOW, &typed_wrong), "applicant.gender"), ["differs_from_id_number"]);
    assert_eq!(value(&e, "applicant.nationality"), Some(json!("中国")));
}

#[test]
fn seed_004_1_3_1_and_1_3_7_the_guide_and_the_submission_must_be_agreed() {
    for consent in ["notice.agreed", "submit.confirmed"] {
        let e = eval(FLOW, &with(&mainland(), json!({ consent: false })));
        assert_eq!(error_codes(&e, consent), ["consent_required"], "{consent}");
        assert!(!e.ready);
    }
}

#[test]
fn seed_004_1_3_7_check_answers_is_laid_out_as_the_seed_with_recipient_only_for_mail() {
    let e = ready_with_documents(&by_mail());
    let titles: Vec<&str> = e.check_answers.iter().map(|s| s.title.zh.as_str()).collect();
    // §1.3.7 1.: 个人信息、制卡相片、社保卡信息、社保卡领卡方式、领卡网点、收件人信息、上传材料 (身份核验 is Banka's own).
    assert_eq!(
        titles,
        ["身份核验", "个人信息", "制卡相片", "社保卡信息", "社保卡领卡方式", "领卡网点", "收件人信息", "上传材料"]
    );
    let section = |id: &str| e.check_answers.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("{id}"));
    let row = |id: &str, path: &str| {
        section(id).rows.iter().find(|r| r.path == path).unwrap_or_else(|| panic!("{id}: {path}")).clone()
    };
    // §1.3.7 2.: 个人信息 and 社保卡信息 → 申请信息; 制卡相片 → 获取制卡相片; the collection sections → 领卡方式.
    assert_eq!(row("personal", "applicant.ethnicity").step, "application-info");
    assert_eq!(row("card", "bank.name").step, "application-info");
    assert_eq!(row("card", "card.insurance_type").step, "application-info");
    assert_eq!(row("photo", "photo.source").step, "photo");
    for (id, path) in
        [("collection", "collection.method"), ("branch", "bank.branch"), ("recipient", "collection.address")]
    {
        let r = row(id, path);
        assert!(r.change && r.step == "collection", "{path}: {r:?}");
    }
    assert_eq!(row("collection", "collection.method").answer.zh, "邮寄到付");
    assert_eq!(row("uploads", "documents.id_card_front").step, "uploads");
    // What the agency checked at 资格校验 is shown without 修改.
    for (id, path) in [("personal", "applicant.name"), ("personal", "applicant.id_number"), ("card", "card.city")] {
        assert!(!row(id, path).change, "{path}");
    }
    assert!(row("card", "applicant.social_security_number").answer.zh.len() > 10);
    // A one-time code is not an answer to check.
    assert!(e.check_answers.iter().flat_map(|s| &s.rows).all(|r| !r.path.ends_with("sms_code")));
    // 收件人信息 only for 邮寄到付.
    let e = ready_with_documents(&mainland());
    assert!(e.check_answers.iter().all(|s| s.id != "recipient"));
    assert!(e.check_answers.iter().flat_map(|s| &s.rows).all(|r| r.path != "collection.recipient_name"));
}

#[test]
fn spec_3_a_mainland_social_security_number_is_the_id_number() {
    // Social Insurance Law art. 58; 004 §1.3.2 asks for it, §1.3.5 shows it beside the ID.
    let other = id_in("440106", "19900315", "125");
    let e = eval(FLOW, &with(&mainland(), json!({"applicant.social_security_number": other})));
    assert_eq!(error_codes(&e, "applicant.social_security_number"), ["differs_from"]);
    let finding = &e.errors.iter().find(|x| x.field == "applicant.social_security_number").unwrap().finding;
    assert!(finding.message.zh.contains("证件号码") && finding.message.en.contains("ID document number"));
    // Written differently but the same number (lower-case x, spaces): no error.
    let spaced = with(
        &mainland(),
        json!({"applicant.social_security_number": format!(" {} ", id_in("440106", "19900315", "123"))}),
    );
    assert!(error_codes(&eval(FLOW, &spaced), "applicant.social_security_number").is_empty());
    // A Hong Kong resident's permit number is not their social security number.
    let hk = resident("hong_kong", "hk_macau_travel_permit", "H12345678");
    assert!(error_codes(&eval(FLOW, &hk), "applicant.social_security_number").is_empty());
}
