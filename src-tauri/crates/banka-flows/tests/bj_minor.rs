//! B2 18岁以下未成年人代办 (seed 000), table by table.

mod common;

use banka_flows::vocabulary::DocumentKind::{self, *};
use common::*;
use serde_json::json;

const FLOW: &str = "bj-minor";

/// A child born 2015-06-01 (11 on the application date) with a resident ID card.
fn child_with_id_card() -> banka_flows::Answers {
    answers(json!({
        "notice.agreed": true,
        "agency.eligibility": "eligible", "agency.relationship": "father",
        "proxy.name": "李四", "proxy.id_number": id("19850101", "111"), "proxy.mobile": "13800138000",
        "applicant.name": "李小明", "applicant.id_type": "resident_id",
        "applicant.id_number": id("20150601", "123"), "eligibility.authorized": true,
        "proxy.relationship": "father", "proxy.relationship_confirmed": true,
        "applicant.id_valid_from": "2020-01-01", "applicant.id_valid_to": "2030-01-01",
        "applicant.mobile": "13800138000",
        "applicant.ethnicity": "01", "applicant.occupation": "8",
        "residence.district": "110105", "residence.address": "朝阳区建国路1号",
        "collection.method": "branch_pickup", "bank.name": "中国银行", "bank.branch": "建国门支行",
        "commitment.agreed": true,
    }))
}

fn hukou(is_householder: bool) -> banka_flows::Answers {
    with(
        &child_with_id_card(),
        json!({
            "applicant.id_type": "hukou", "proxy.is_householder": is_householder,
            "proxy.same_register": true, "applicant.id_valid_to": null,
        }),
    )
}

fn docs(a: &banka_flows::Answers) -> Vec<DocumentKind> {
    eval(FLOW, a).required_documents
}

#[test]
fn seed_000_documents_depend_on_id_type_and_householder() {
    // 第十一步 (1): 居民身份证 → ID card both sides and the birth certificate.
    assert_eq!(
        docs(&child_with_id_card()),
        [ProxyIdCardFront, ProxyIdCardBack, IdCardFront, IdCardBack, BirthCertificate, CardPhoto]
    );
    // 第十一步 (3) / §一 1.: 户口本, proxy is the householder → main page, child's page and back,
    // the householder's own page and back.
    assert_eq!(
        docs(&hukou(true)),
        [
            ProxyIdCardFront,
            ProxyIdCardBack,
            HukouMainPage,
            HukouApplicantPage,
            HukouApplicantPageBack,
            HukouHouseholderPage,
            HukouHouseholderPageBack,
            CardPhoto
        ]
    );
    // 第十一步 (2) / §一 2.: 户口本, proxy not the householder → main page, child's page and
    // back, birth certificate.
    assert_eq!(
        docs(&hukou(false)),
        [
            ProxyIdCardFront,
            ProxyIdCardBack,
            BirthCertificate,
            HukouMainPage,
            HukouApplicantPage,
            HukouApplicantPageBack,
            CardPhoto
        ]
    );
}

#[test]
fn every_case_walks_to_ready() {
    for a in [child_with_id_card(), hukou(true), hukou(false)] {
        let e = eval(FLOW, &with_documents(FLOW, &a));
        assert!(e.ready, "{:#?}", e.errors);
    }
}

#[test]
fn seed_000_collection_is_only_branch_pickup_by_the_proxy() {
    let e = eval(FLOW, &child_with_id_card());
    assert_eq!(e.allowed_collection_methods, ["branch_pickup"]);
    let mail = with(&child_with_id_card(), json!({"collection.method": "mail"}));
    assert_eq!(error_codes(&eval(FLOW, &mail), "collection.method"), ["not_an_option"]);
}

#[test]
fn seed_000_the_applicant_must_be_under_18() {
    let adult = with(&child_with_id_card(), json!({"applicant.id_number": id("20081121", "123")}));
    assert_eq!(error_codes(&eval(FLOW, &adult), "applicant.id_number"), ["age_not_below"]);
    let day_before = with(&child_with_id_card(), json!({"applicant.id_number": id("20081122", "123")}));
    assert!(error_codes(&eval(FLOW, &day_before), "applicant.id_number").is_empty(), "17 until the birthday");
}

#[test]
fn seed_000_the_relationship_is_stated_by_the_agency_and_confirmed() {
    // "弹出提示：您与被代办人的关系是XX，请确认。点击【确认】后……不允许修改".
    let e = eval(FLOW, &child_with_id_card());
    assert_eq!(status(&e, "proxy.relationship"), "locked");
    assert_eq!(value(&e, "proxy.relationship"), Some(json!("father")));
    assert!(e.locked_fields.contains(&"proxy.relationship".to_owned()));
    assert_eq!(status(&e, "proxy.relationship_confirmed"), "locked", "confirmed: not to be unticked");
    let unconfirmed = with(&child_with_id_card(), json!({"proxy.relationship_confirmed": null}));
    let e = eval(FLOW, &unconfirmed);
    assert_eq!(status(&e, "proxy.relationship"), "locked", "the agency's, not the proxy's to choose");
    assert_eq!(error_codes(&e, "proxy.relationship_confirmed"), ["consent_required"]);
}

#[test]
fn householder_questions_only_for_a_household_register() {
    let e = eval(FLOW, &child_with_id_card());
    assert_eq!(status(&e, "proxy.is_householder"), "hidden");
    let e = eval(FLOW, &with(&hukou(true), json!({"proxy.is_householder": null})));
    assert_eq!(error_codes(&e, "proxy.is_householder"), ["required"]);
}

#[test]
fn seed_004_hukou_validity_ends_on_the_16th_birthday() {
    let e = eval(FLOW, &hukou(true));
    assert_eq!(status(&e, "applicant.id_valid_to"), "derived");
    assert_eq!(value(&e, "applicant.id_valid_to"), Some(json!("2031-06-01")));
    // With an ID card the end date is typed.
    let e = eval(FLOW, &child_with_id_card());
    assert_eq!(status(&e, "applicant.id_valid_to"), "required");
}

#[test]
fn seed_000_a_child_under_7_may_use_the_default_cartoon_photo() {
    let five = with(&child_with_id_card(), json!({"applicant.id_number": id("20210601", "123")}));
    let e = eval(FLOW, &five);
    assert!(e.steps.iter().find(|s| s.id == "photo").unwrap().visible);
    assert!(e.required_documents.contains(&CardPhoto));
    // The upload offers the default picture while the question is asked.
    let offers = |e: &banka_flows::Evaluation| {
        e.fields
            .iter()
            .any(|f| f.default_document == Some(CardPhoto) && f.status != banka_flows::engine::Status::Hidden)
    };
    assert!(offers(&e));
    let cartoon = with(&five, json!({"photo.use_default_cartoon": true}));
    assert!(!eval(FLOW, &cartoon).required_documents.contains(&CardPhoto));
    // Seven and over: no cartoon, even if the answer lingers in the draft.
    let eight = with(&cartoon, json!({"applicant.id_number": id("20180601", "123")}));
    let e = eval(FLOW, &eight);
    assert!(!e.steps.iter().find(|s| s.id == "photo").unwrap().visible);
    assert!(e.required_documents.contains(&CardPhoto));
    assert!(!offers(&e), "no default picture at eight");
}

#[test]
fn check_answers_shows_each_section_in_plain_words_with_its_step() {
    let e = eval(FLOW, &with_documents(FLOW, &hukou(true)));
    let section = |step: &str| e.check_answers.iter().find(|s| s.id == step).unwrap_or_else(|| panic!("{step}"));
    let row = |step: &str, path: &str| {
        section(step).rows.iter().find(|r| r.path == path).unwrap_or_else(|| panic!("{path}")).clone()
    };
    let id_type = row("child", "applicant.id_type");
    assert_eq!((id_type.answer.zh.as_str(), id_type.answer.en.as_str()), ("户口本", "Household register (hukou)"));
    let householder = row("relationship", "proxy.is_householder");
    assert_eq!((householder.answer.zh.as_str(), householder.answer.en.as_str()), ("是", "Yes"));
    let ethnicity = row("residence", "applicant.ethnicity");
    assert_eq!((ethnicity.answer.zh.as_str(), ethnicity.answer.en.as_str()), ("汉族", "Han"));
    let valid_to = row("basic-info", "applicant.id_valid_to");
    assert_eq!((valid_to.answer.zh.as_str(), valid_to.answer.en.as_str()), ("2031年6月1日", "1 June 2031"));
    let uploads = section("uploads");
    assert!(uploads.rows.iter().all(|r| r.answer.zh == "已上传"));
    assert!(uploads.rows.iter().any(|r| r.path == "documents.hukou_householder_page"));
    // Agreements are not answers; hidden branches are not shown.
    assert!(e.check_answers.iter().all(|s| s.id != "notice" && s.id != "photo"));
}

#[test]
fn seed_000_validity_end_must_follow_its_start_and_the_start_is_not_in_the_future() {
    // 第七步: 证件有效期开始日期 and 结束日期 — read from the ID card, so a real range.
    let backwards = with(&child_with_id_card(), json!({"applicant.id_valid_to": "2019-12-31"}));
    let e = eval(FLOW, &backwards);
    assert_eq!(error_codes(&e, "applicant.id_valid_to"), ["date_not_after"]);
    let message = &e.errors.iter().find(|x| x.field == "applicant.id_valid_to").unwrap().finding;
    assert!(message.message.zh.contains("证件有效期开始日期"), "{}", message.message.zh);
    assert!(message.message.en.contains("ID valid from"), "{}", message.message.en);
    let future = with(&child_with_id_card(), json!({"applicant.id_valid_from": "2026-11-22"}));
    assert_eq!(error_codes(&eval(FLOW, &future), "applicant.id_valid_from"), ["date_in_future"]);
    let today = with(&child_with_id_card(), json!({"applicant.id_valid_from": "2026-11-21"}));
    assert!(error_codes(&eval(FLOW, &today), "applicant.id_valid_from").is_empty());
}
