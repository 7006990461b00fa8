//! The official channels' gates, as the engine keeps them: 资格校验 before anything is finished
//! (seeds 000/001/002/003 "勾选【访问授权】，点击【开始资格校验】按钮，校验人员是否可以进行申领";
//! 004 §1.3.2, §1.4.2), answers asked about again when they change, 单位代领 fixed by the
//! employer's choice (002 §二 第四步), the minor's relationship stated by the agency and fixed once
//! confirmed (000 §一), uploads the agency would refuse (001/002/003 "大小为20KB-8.75M以内，尺寸为
//! 358*441"), and the clean-up that finds the person's cards on its own (004 §1.3.10).

mod common;

use banka_flows::definition::{AgencyPhoto, Question};
use banka_flows::engine::asked_about;
use banka_flows::{catalog, Answers, Evaluation};
use common::*;
use serde_json::{json, Value};

/// `a` with the agency's eligibility answer recorded as the app records it: what it was asked
/// about (the answers as they are now) and what it gave.
fn answered(flow: &str, a: &Answers, eligibility: &str) -> Answers {
    let f = catalog::get(flow).unwrap();
    let ask = f.asks(Question::Eligibility).unwrap();
    let record = json!({"about": asked_about(f, ask, a), "gave": ["agency.eligibility"]});
    with(a, json!({"agency.eligibility": eligibility, "agency.asked.eligibility": record}))
}

fn due(e: &Evaluation, q: Question) -> bool {
    e.agency.iter().any(|a| a.ask == q && a.due)
}

#[test]
fn seed_001_without_the_agencys_yes_the_draft_goes_on_but_cannot_be_finished() {
    let a = b1_complete();
    let e = eval("bj-individual", &a);
    assert!(e.errors.is_empty(), "nothing to correct: {:#?}", e.errors);
    assert!(e.steps.iter().all(|s| s.complete), "every step can be done offline");
    assert!(!e.ready, "but not finished before the agency has said yes");
    let waiting: Vec<_> = e.waiting.iter().map(|w| (w.field.as_str(), w.finding.code.as_str())).collect();
    assert_eq!(waiting, [("agency.eligibility", "agency_pending")]);
    assert!(e.waiting[0].finding.message.zh.contains("资格校验") && e.waiting[0].finding.message.en.contains("agency"));
    assert!(due(&e, Question::Eligibility), "and the question is due");

    let yes = answered("bj-individual", &a, "eligible");
    let e = eval("bj-individual", &yes);
    assert!(e.ready, "{:#?} {:#?}", e.errors, e.waiting);
    assert!(!due(&e, Question::Eligibility));
}

#[test]
fn every_eligibility_refusal_keeps_the_person_at_the_step_with_the_reason() {
    // (flow, answers that identify the applicant, refusal code, the field it is shown at)
    let gd = answers(
        json!({"applicant.name": "陈志强", "applicant.id_type": "resident_id", "applicant.resident_type": "mainland",
        "applicant.id_number": id_in("440106", "19850721", "001"), "applicant.social_security_number": id_in("440106", "19850721", "001"), "card.city": "4401"}),
    );
    let bj = answers(
        json!({"applicant.name": "张三", "applicant.id_type": "resident_id", "applicant.id_number": id("19800315", "123"), "eligibility.authorized": true, "entity.uscc": "91110105MA01XK3T5N"}),
    );
    let cases: &[(&str, &Answers, &str, &str)] = &[
        ("bj-individual", &bj, "already_applied", "applicant.id_number"),
        ("bj-individual", &bj, "not_eligible", "applicant.id_number"),
        ("bj-retiree", &bj, "already_applied", "applicant.id_number"),
        ("bj-retiree", &bj, "not_eligible", "applicant.id_number"),
        ("bj-employee-confirm", &bj, "entity_not_open", "entity.uscc"),
        ("bj-employee-confirm", &bj, "not_on_entity_list", "applicant.id_number"),
        ("bj-employee-confirm", &bj, "already_applied", "applicant.id_number"),
        ("gd-individual", &gd, "one_person_one_card", "applicant.social_security_number"),
        ("gd-individual", &gd, "already_applied", "applicant.social_security_number"),
        ("gd-individual", &gd, "not_eligible", "applicant.social_security_number"),
    ];
    for (flow, a, code, field) in cases {
        let e = eval(flow, &answered(flow, a, code));
        assert_eq!(error_codes(&e, field), [*code], "{flow} {code}");
        assert_eq!(e.refusals.len(), 1, "{flow} {code}: the refusal is told");
        let f = &e.refusals[0].finding;
        assert!(!f.message.zh.is_empty() && !f.message.en.is_empty() && f.message.zh != f.message.en);
        let step = &e.fields.iter().find(|s| s.path == *field).unwrap().step;
        let step = e.steps.iter().find(|s| &s.id == step).unwrap();
        assert!(!step.complete, "{flow} {code}: the person stays at {}", step.id);
        assert!(!e.ready);
        assert!(!due(&e, Question::Eligibility), "{flow} {code}: answered, not asked again");
    }
}

#[test]
fn a_refusal_without_a_rule_of_its_own_is_still_a_refusal() {
    let e = eval("bj-individual", &answered("bj-individual", &b1_complete(), "one_person_one_card"));
    assert_eq!(e.refusals.len(), 1);
    assert_eq!(e.refusals[0].finding.code, "not_eligible");
    assert!(!e.ready);
}

#[test]
fn changing_the_identity_answers_asks_again() {
    let refused = answered("bj-individual", &b1_complete(), "already_applied");
    assert!(!eval("bj-individual", &refused).errors.is_empty());
    let corrected = with(&refused, json!({"applicant.id_number": id("19800315", "145")}));
    let e = eval("bj-individual", &corrected);
    assert!(e.refusals.is_empty(), "the answer was about another number: {:#?}", e.refusals);
    assert!(due(&e, Question::Eligibility), "so it is asked again");
    assert_eq!(e.waiting.len(), 1);
    assert!(!e.ready);
    // Ticking an agreement, or a later answer (the mobile), changes nothing it was about.
    let untick = with(&answered("bj-individual", &b1_complete(), "eligible"), json!({"eligibility.authorized": null}));
    assert!(!due(&eval("bj-individual", &untick), Question::Eligibility));
    let e = eval(
        "bj-individual",
        &with(&answered("bj-individual", &b1_complete(), "eligible"), json!({"applicant.mobile": "13900139000"})),
    );
    assert!(e.ready, "{:#?}", e.waiting);
}

#[test]
fn the_cli_may_give_the_agencys_answer_directly() {
    // `banka flow evaluate … {"agency.eligibility": "eligible"}`: no record, taken as it is.
    let e = eval("bj-individual", &with(&b1_complete(), json!({"agency.eligibility": "eligible"})));
    assert!(e.ready, "{:#?}", e.waiting);
}

#[test]
fn seed_002_entity_collection_is_set_and_locked_when_the_employer_collects() {
    let a = answers(json!({"applicant.name": "孙立伟", "agency.entity_collects": true}));
    let e = eval("bj-employee-confirm", &a);
    assert_eq!(status(&e, "collection.method"), "locked");
    assert_eq!(value(&e, "collection.method"), Some(json!("entity")));
    assert!(error_codes(&e, "collection.method").is_empty(), "nothing to choose, nothing missing");
    assert_eq!(e.allowed_collection_methods, ["entity"]);
    let e = eval("bj-employee-confirm", &with(&a, json!({"agency.entity_collects": false})));
    assert_eq!(status(&e, "collection.method"), "required");
}

#[test]
fn seed_000_the_relationship_is_the_agencys_and_fixed_once_confirmed() {
    let a = answers(json!({"agency.relationship": "mother"}));
    let e = eval("bj-minor", &a);
    assert_eq!(status(&e, "proxy.relationship"), "locked");
    assert_eq!(value(&e, "proxy.relationship"), Some(json!("mother")));
    // The proxy's own choice does not count.
    let e = eval("bj-minor", &with(&a, json!({"proxy.relationship": "father"})));
    assert_eq!(value(&e, "proxy.relationship"), Some(json!("mother")));
    // Confirmed: the confirmation itself is locked (the store refuses to untick it).
    let e = eval("bj-minor", &with(&a, json!({"proxy.relationship_confirmed": true})));
    assert_eq!(status(&e, "proxy.relationship_confirmed"), "locked");
    // Before the agency has answered there is nothing to confirm yet: it waits, nothing to fix.
    let e = eval("bj-minor", &Answers::new());
    assert!(e.waiting.iter().any(|w| w.field == "proxy.relationship"), "{:#?}", e.waiting);
    assert!(error_codes(&e, "proxy.relationship").is_empty());
}

#[test]
fn seed_001_an_upload_the_agency_would_refuse_blocks_the_case_and_advice_does_not() {
    let yes = answered("bj-individual", &b1_complete(), "eligible");
    let refused = with(
        &yes,
        json!({"documents.card_photo.refused": [{"code": "wrong_dimensions", "zh": "照片尺寸是 400×500 像素，须为 358×441 像素。", "en": "The photo is 400×500 pixels; it must be 358×441."}]}),
    );
    let e = eval("bj-individual", &refused);
    assert_eq!(error_codes(&e, "documents.card_photo"), ["upload_refused"]);
    let f = &e.errors.iter().find(|x| x.field == "documents.card_photo").unwrap().finding;
    assert!(f.message.zh.contains("制卡照片") && f.message.zh.contains("358×441"), "{}", f.message.zh);
    assert!(f.message.en.contains("358×441"), "{}", f.message.en);
    assert!(!e.ready);
    assert!(!e.steps.iter().find(|s| s.id == "uploads").unwrap().complete, "the person stays at the upload");

    let advisory = with(
        &yes,
        json!({"documents.card_photo.advisory": [{"code": "too_dark", "zh": "照片太暗。", "en": "Too dark."}]}),
    );
    let e = eval("bj-individual", &advisory);
    assert!(e.ready, "{:#?}", e.errors);
    assert!(e.warnings.iter().any(|w| w.field == "documents.card_photo" && w.finding.code == "upload_advisory"));
}

#[test]
fn seed_004_the_clean_up_started_on_its_own_asks_for_the_persons_cards() {
    let a = answers(
        json!({"notice.agreed": true, "applicant.name": "陈志强", "applicant.social_security_number": id_in("440106", "19850721", "001")}),
    );
    let e = eval("gd-card-cleanup", &a);
    assert!(due(&e, Question::Cards), "{:#?}", e.agency);
    assert!(e.waiting.iter().any(|w| w.field == "cleanup.cards"), "the cards are waited for: {:#?}", e.waiting);
    let cards: Value = json!([{"value": "c1", "label": "深圳 中国银行 6217********1234"}]);
    let with_cards = with(&a, json!({"agency.cards": cards}));
    let e = eval("gd-card-cleanup", &with_cards);
    assert!(!due(&e, Question::Cards));
    assert_eq!(value(&e, "cleanup.cards"), Some(json!(["c1"])));
    assert_eq!(status(&e, "applicant.name"), "locked", "the cards listed are this person's");
}

#[test]
fn seed_004_1_3_4_an_unknown_or_expired_receipt_number_is_refused_at_the_photo_step() {
    let a = answers(json!({"photo.source": "receipt_number", "photo.receipt_number": "440100202411210123"}));
    let e = eval("gd-individual", &a);
    assert!(due(&e, Question::PhotoReceipt), "【获取图片】 is due once the number is given");
    for (state, code) in
        [("not_found", Some("receipt_not_found")), ("expired", Some("receipt_expired")), ("found", None)]
    {
        let e = eval("gd-individual", &with(&a, json!({"agency.photo_receipt": state})));
        assert_eq!(error_codes(&e, "photo.receipt_number"), code.into_iter().collect::<Vec<_>>(), "{state}");
        assert!(!due(&e, Question::PhotoReceipt));
        if code.is_some() {
            assert!(!e.steps.iter().find(|s| s.id == "photo").unwrap().complete, "{state}: the person stays there");
        }
    }
    let photo = e.fields.iter().find(|f| f.path == "photo.receipt_number").unwrap();
    assert_eq!(photo.agency_photo, Some(AgencyPhoto::Receipt), "the page shows the agency's photo with it");
    // The photo in the system instead: nothing to look up, recorded as asked.
    let system = answers(json!({"photo.source": "system_photo",
        "agency.asked.photo_receipt": {"about": {"photo.source": "system_photo"}, "gave": []}}));
    assert!(!due(&eval("gd-individual", &system), Question::PhotoReceipt));
}

#[test]
fn spec_3_a_permit_number_belongs_to_the_resident_type() {
    // (resident type, ID type, number, the error on the number)
    let cases = [
        ("hong_kong", "residence_permit", id_in("810000", "19900101", "001"), None),
        ("hong_kong", "residence_permit", id("19900101", "001"), Some("not_held_by")),
        ("macau", "residence_permit", id_in("810000", "19900101", "001"), Some("not_held_by")),
        ("macau", "residence_permit", id_in("820000", "19900101", "001"), None),
        ("taiwan", "residence_permit", id_in("830000", "19900101", "001"), None),
        ("taiwan", "residence_permit", id_in("820000", "19900101", "001"), Some("not_held_by")),
        ("hong_kong", "hk_macau_travel_permit", "H12345678".to_owned(), None),
        ("hong_kong", "hk_macau_travel_permit", "M12345678".to_owned(), Some("not_held_by")),
        ("macau", "hk_macau_travel_permit", "M12345678".to_owned(), None),
    ];
    for (resident, id_type, number, error) in cases {
        let a = answers(
            json!({"applicant.resident_type": resident, "applicant.id_type": id_type, "applicant.id_number": number}),
        );
        let e = eval("gd-individual", &a);
        let codes = error_codes(&e, "applicant.id_number");
        assert_eq!(codes, error.into_iter().collect::<Vec<_>>(), "{resident} {id_type} {number}");
        if error.is_some() {
            let f = &e.errors.iter().find(|x| x.field == "applicant.id_number").unwrap().finding;
            assert!(f.message.zh.contains("810000") && f.message.en.contains("810000"), "{}", f.message.zh);
        }
    }
}

#[test]
fn seed_004_1_3_7_check_answers_offers_no_change_on_what_the_agency_has_checked() {
    let yes = answered("bj-individual", &b1_complete(), "eligible");
    let e = eval("bj-individual", &yes);
    let change = |path: &str| e.check_answers.iter().flat_map(|s| &s.rows).find(|r| r.path == path).map(|r| r.change);
    assert_eq!(change("applicant.name"), Some(false), "the agency checked the name");
    assert_eq!(change("applicant.id_number"), Some(false));
    assert_eq!(change("applicant.mobile"), Some(true), "the rest can be changed");
    assert_eq!(change("documents.card_photo"), Some(true));
    // Before the agency has answered, everything can still be changed.
    let e = eval("bj-individual", &b1_complete());
    let rows: Vec<_> = e.check_answers.iter().flat_map(|s| &s.rows).collect();
    for path in ["applicant.name", "applicant.id_number"] {
        assert!(rows.iter().any(|r| r.path == path && r.change), "{path}");
    }
}

#[test]
fn an_eligibility_code_no_rule_words_is_refused_even_beside_another_refusal() {
    // G1 with an unknown receipt (its own refusal) and an eligibility code the flow has no rule for.
    let a = answers(json!({"photo.source": "receipt_number", "photo.receipt_number": "1",
        "agency.photo_receipt": "not_found", "agency.eligibility": "entity_not_open"}));
    let e = eval("gd-individual", &a);
    let codes: Vec<&str> = e.refusals.iter().map(|r| r.finding.code.as_str()).collect();
    assert!(codes.contains(&"receipt_not_found") && codes.contains(&"not_eligible"), "{codes:?}");
}
