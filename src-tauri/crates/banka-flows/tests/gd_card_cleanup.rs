//! G3 一人一卡清理 (seed 004 §1.3.9–§1.3.12), table by table.

mod common;

use banka_flows::Answers;
use common::*;
use serde_json::json;

const FLOW: &str = "gd-card-cleanup";

/// Two cards from other cities in the province, as the agency lists them (§1.3.10).
fn two_cards() -> Answers {
    answers(json!({
        "notice.agreed": true,
        "applicant.name": "陈志强",
        "applicant.social_security_number": "440106198507210018",
        "agency.cards": ["6217001234567890123", "6228481234567890456"],
        "cleanup.confirmed": true,
    }))
}

#[test]
fn a_complete_clean_up_walks_every_step_to_ready() {
    let e = eval(FLOW, &two_cards());
    assert!(e.errors.is_empty(), "{:#?}", e.errors);
    assert!(e.ready);
    assert_eq!(visible_steps(&e), ["guide", "person", "cards", "check-answers", "cleanup"]);
    assert!(e.steps.iter().all(|s| s.complete && !s.blocked));
    assert!(e.required_documents.is_empty());
    assert_eq!(e.next_flow, None, "继续申领 back to G1 is the UI's navigation");
}

#[test]
fn seed_004_1_3_10_every_listed_card_is_selected_and_cannot_be_changed() {
    let all = json!(["6217001234567890123", "6228481234567890456"]);
    // Whatever the draft says, the selection is the agency's whole list.
    let cases = [json!(null), json!(["6217001234567890123"]), json!([]), json!(["9999"])];
    for chosen in cases {
        let e = eval(FLOW, &with(&two_cards(), json!({"cleanup.cards": chosen})));
        assert!(e.ready, "{chosen}: {:#?}", e.errors);
        assert_eq!(status(&e, "cleanup.cards"), "locked", "{chosen}");
        assert_eq!(value(&e, "cleanup.cards"), Some(all.clone()), "{chosen}");
        assert!(e.locked_fields.contains(&"cleanup.cards".to_owned()));
        assert_eq!(options(&e, "cleanup.cards"), all.as_array().unwrap().clone());
    }
}

#[test]
fn seed_004_1_3_10_without_the_agencys_list_there_is_nothing_to_clean() {
    // Not asked yet: the list is waited for; an empty list leaves nothing to clean.
    let e = eval(FLOW, &with(&two_cards(), json!({"agency.cards": null})));
    assert!(e.waiting.iter().any(|w| w.field == "cleanup.cards"), "{:#?}", e.waiting);
    assert!(!e.ready);
    let e = eval(FLOW, &with(&two_cards(), json!({"agency.cards": []})));
    assert_eq!(error_codes(&e, "cleanup.cards"), ["required"]);
    assert!(!e.ready);
}

#[test]
fn seed_004_1_3_9_and_1_3_11_the_guide_and_the_clean_up_must_be_agreed() {
    // §1.3.9 勾选本人已认真阅读…; §1.3.11 2. 【清理】 → "是否要提交清理" → 【确认】.
    for consent in ["notice.agreed", "cleanup.confirmed"] {
        for answer in [json!(false), json!(null)] {
            let e = eval(FLOW, &with(&two_cards(), json!({ consent: answer })));
            assert_eq!(error_codes(&e, consent), ["consent_required"], "{consent} {answer}");
            assert!(!e.ready);
        }
    }
}

#[test]
fn the_applicant_carried_over_from_the_refused_application_is_locked_and_shown() {
    // A clean-up started on its own asks whose cards, before the agency lists them.
    let unnamed = eval(FLOW, &with(&two_cards(), json!({"applicant.name": null, "agency.cards": null})));
    assert_eq!(status(&unnamed, "applicant.name"), "required");
    assert_eq!(error_codes(&unnamed, "applicant.name"), ["required"]);
    let e = eval(FLOW, &two_cards());
    assert!(e.ready, "{:#?}", e.errors);
    assert_eq!(status(&e, "applicant.name"), "locked");
    assert_eq!(value(&e, "applicant.name"), Some(json!("陈志强")));
    let person = e.check_answers.iter().find(|s| s.id == "person").expect("a section for the person");
    assert!(person.rows.iter().any(|r| r.path == "applicant.name" && r.answer.zh == "陈志强"));
}

#[test]
fn seed_004_1_3_11_the_cards_are_shown_for_confirmation() {
    let e = eval(FLOW, &two_cards());
    let cards = e.check_answers.iter().find(|s| s.id == "cards").expect("a section for the cards");
    let row = cards.rows.iter().find(|r| r.path == "cleanup.cards").unwrap();
    assert_eq!(row.answer.zh, "6217001234567890123、6228481234567890456");
    assert!(e.check_answers.iter().all(|s| s.id != "guide" && s.id != "cleanup"), "agreements are not answers");
}

#[test]
fn the_agencys_card_list_as_options_locks_the_selection_to_every_card() {
    // What the app stores from the agency (`agency_data::from_cards`): options with labels.
    let listed = json!([
        {"value": "c1", "label": "深圳市 中国银行 6217********0123"},
        {"value": "c2", "label": "广州市 工商银行 6228********0456"},
    ]);
    let e = eval(FLOW, &with(&two_cards(), json!({"agency.cards": listed})));
    assert!(e.errors.is_empty(), "{:#?}", e.errors);
    assert_eq!(e.answers_to_submit["cleanup.cards"], json!(["c1", "c2"]));
}
