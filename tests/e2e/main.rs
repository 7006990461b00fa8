//! End to end: the real app (built with `custom-protocol`, assets embedded) in a real window,
//! driven through tauri-driver + WebKitWebDriver. Needs a display (xvfb-run) and tauri-driver
//! on PATH, so it is compiled only with the `custom-protocol` feature (without it the window
//! would load the dev server): `make e2e`, part of `make test`. Screenshots go to tests/screenshots/
//! (every step of every flow: tests/screenshots/flows/).

#![cfg(feature = "custom-protocol")]

mod driver;
mod walk;

use std::path::Path;
use std::time::{Duration, Instant};

use driver::*;
use fantoccini::Locator;

#[tokio::test]
async fn id_number_check_in_the_real_window() {
    let driver = start_driver();
    let client = open_app(&driver).await;
    // The number check needs no unlocked data: it is one click from the start screen.
    click(&client, "#nav-check").await;
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("#value-input"))
        .await
        .expect("the number check is on screen");
    screenshot(&client, "01-start").await;

    // The ISO/GB 11643 example, typed the way people do: lower-case x.
    let result = type_value(&client, "11010519491231002x").await;
    assert_eq!(result.attr("data-valid").await.unwrap().as_deref(), Some("true"));
    assert_eq!(text(&client, "#result-normalized").await, "11010519491231002X");
    assert!(text(&client, "#result-birth-date").await.contains("1949年12月31日"));
    assert!(text(&client, "#result-gender").await.contains('女'));
    assert!(text(&client, "#result-region").await.contains("北京市朝阳区"));
    screenshot(&client, "02-valid-id").await;

    // One digit off: the check character no longer matches.
    let result = type_value(&client, "110105194912310021").await;
    assert_eq!(result.attr("data-valid").await.unwrap().as_deref(), Some("false"));
    assert!(text(&client, "#result-errors").await.contains("校验码"));
    let input = client.find(Locator::Css("#value-input")).await.unwrap();
    assert_eq!(input.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    screenshot(&client, "03-invalid-id").await;

    // English, without losing what was typed.
    client.find(Locator::Css("#lang-en")).await.unwrap().click().await.unwrap();
    client
        .wait()
        .for_element(Locator::XPath("//*[@id='result-errors'][contains(., 'check character')]"))
        .await
        .expect("the error in English");
    assert_eq!(input.prop("value").await.unwrap().as_deref(), Some("110105194912310021"));
    screenshot(&client, "04-english").await;

    // 繁體中文: Rust's finding (校驗碼) and the UI's own words (號碼核驗), still what was typed.
    client.find(Locator::Css("#lang-zh-Hant")).await.unwrap().click().await.unwrap();
    client
        .wait()
        .for_element(Locator::XPath("//*[@id='result-errors'][contains(., '校驗碼')]"))
        .await
        .expect("the error in 繁體中文");
    assert_eq!(text(&client, "h1").await, "號碼核驗");
    let lang = client.execute("return document.documentElement.lang", vec![]).await.unwrap();
    assert_eq!(lang.as_str(), Some("zh-Hant"));
    assert_eq!(input.prop("value").await.unwrap().as_deref(), Some("110105194912310021"));
    screenshot(&client, "04-traditional").await;

    // Elderly mode: large text, large targets.
    client.find(Locator::Css("#elderly-toggle")).await.unwrap().click().await.unwrap();
    let size: f64 = client
        .execute("return parseFloat(getComputedStyle(document.body).fontSize)", vec![])
        .await
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(size >= 24.0, "elderly body text is at least 18pt (24px), got {size}px");
    screenshot(&client, "05-elderly").await;

    client.close().await.unwrap();
}

#[tokio::test]
async fn cases_in_the_real_window_survive_a_restart_and_stay_locked_without_the_passphrase() {
    let driver = start_driver();
    let client = open_app(&driver).await;

    // First start: the store is created with a passphrase typed twice.
    wait_for(&client, "#unlock-confirm").await;
    screenshot(&client, "10-set-passphrase").await;
    fill(&client, "#unlock-passphrase", PASSPHRASE).await;
    fill(&client, "#unlock-confirm", "center machine 8").await;
    click(&client, "#unlock-submit").await;
    // The error summary links to the field to fix, and the field says what is wrong.
    wait_for(&client, "#error-summary a[href='#unlock-confirm']").await;
    let confirm = client.find(Locator::Css("#unlock-confirm")).await.unwrap();
    assert_eq!(confirm.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    screenshot(&client, "11-passphrases-differ").await;
    fill(&client, "#unlock-confirm", PASSPHRASE).await;
    click(&client, "#unlock-submit").await;
    wait_for(&client, "#case-search").await;
    screenshot(&client, "12-empty-case-list").await;

    // A new draft opens in the wizard. Continue without an answer: the error summary links to
    // the field and the field says what is wrong. Each answer is saved as it is given.
    click(&client, "#new-case").await;
    click(&client, "input[name='new-flow'][value='bj-individual']").await;
    click(&client, "#new-case-start").await;
    wait_for(&client, "#wizard-continue").await;
    screenshot(&client, "20-wizard-first-step").await;
    click(&client, "#wizard-continue").await;
    wait_for(&client, "#error-summary a[href='#f-notice-agreed']").await;
    let notice = client.find(Locator::Css("#f-notice-agreed")).await.unwrap();
    assert_eq!(notice.attr("aria-invalid").await.unwrap().as_deref(), Some("true"));
    screenshot(&client, "21-wizard-error-summary").await;
    notice.click().await.unwrap();
    wait_for(&client, "#save-status[data-state='saved']").await;
    click(&client, "#wizard-continue").await;
    fill(&client, "#f-applicant-name", "Wang Xiaoming").await;
    wait_for(&client, "#save-status[data-state='saved']").await;
    screenshot(&client, "22-wizard-saved").await;
    click(&client, "#back-to-list").await;
    wait_for(&client, "#case-table").await;

    // A second draft: both are listed, newest first.
    click(&client, "#new-case").await;
    click(&client, "input[name='new-flow'][value='bj-retiree']").await;
    click(&client, "#new-case-start").await;
    wait_for(&client, "#back-to-list").await;
    click(&client, "#back-to-list").await;
    client.wait().at_most(Duration::from_secs(10)).for_element(Locator::Css("#case-table")).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    while rows(&client).await < 2 {
        assert!(Instant::now() < deadline, "two drafts listed");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    screenshot(&client, "13-two-drafts").await;

    // Deleting asks first; cancelling keeps the case.
    client
        .find(Locator::Css("#case-table tbody tr[data-case-id] button.delete-case"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&client, "#confirm-delete").await;
    screenshot(&client, "14-confirm-delete").await;
    click(&client, "#cancel-delete").await;
    assert_eq!(rows(&client).await, 2);
    client
        .find(Locator::Css("#case-table tbody tr[data-case-id] button.delete-case"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    click(&client, "#confirm-delete").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while rows(&client).await != 1 {
        assert!(Instant::now() < deadline, "one case left after deleting");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // English is a setting that outlives the window.
    click(&client, "#lang-en").await;
    client.wait().for_element(Locator::XPath("//h1[contains(., 'Applications')]")).await.expect("the list in English");
    screenshot(&client, "15-one-case-english").await;
    client.close().await.unwrap();

    // Restart: locked until the passphrase is given; the wrong one is refused.
    let client = open_app(&driver).await;
    wait_for(&client, "#unlock-passphrase").await;
    assert!(client.find(Locator::Css("#unlock-confirm")).await.is_err(), "unlocking asks once");
    client.wait().for_element(Locator::XPath("//h1[contains(., 'passphrase')]")).await.expect("still in English");
    fill(&client, "#unlock-passphrase", "not the passphrase").await;
    click(&client, "#unlock-submit").await;
    let summary = wait_for(&client, "#error-summary").await.text().await.unwrap();
    assert!(summary.contains("passphrase is wrong"), "{summary}");
    screenshot(&client, "16-wrong-passphrase").await;
    fill(&client, "#unlock-passphrase", PASSPHRASE).await;
    click(&client, "#unlock-submit").await;
    wait_for(&client, "#case-table").await;
    assert_eq!(rows(&client).await, 1, "the remaining draft is still there");
    screenshot(&client, "17-unlocked-again").await;
    // The draft kept its answers across the restart.
    click(&client, "#case-table tbody tr[data-case-id] button.open-case").await;
    let name = wait_for(&client, "#f-applicant-name").await;
    assert_eq!(name.prop("value").await.unwrap().as_deref(), Some("Wang Xiaoming"));
    screenshot(&client, "18-draft-after-restart").await;
    client.close().await.unwrap();
}

// ---- Every flow, end to end, against the reference agency ----

use walk::{End, Stop, Walk, A};

const RESIDENT: &str = "110105198803150010"; // the reference agency's 王晓明, eligible, photo on file
const MOBILE: &str = "13912345678";

const BJ_INDIVIDUAL: Walk = Walk {
    flow: "bj-individual",
    name: "bj-individual",
    answers: &[
        ("notice.agreed", A::Tick),
        ("applicant.name", A::Text("王晓明")),
        ("applicant.id_type", A::Choose("\"resident_id\"")),
        ("applicant.id_number", A::Text(RESIDENT)),
        ("eligibility.authorized", A::Tick),
        ("applicant.gender", A::Choose("\"male\"")),
        ("applicant.birth_date", A::Date("1988-03-15")),
        ("applicant.id_valid_from", A::Date("2016-05-01")),
        ("applicant.mobile", A::Text(MOBILE)),
        ("applicant.ethnicity", A::Code("01")),
        ("applicant.occupation", A::Code("2")),
        ("residence.district", A::Code("110105")),
        ("residence.address", A::Text("朝阳区建国路88号院3号楼")),
        ("collection.method", A::Choose("\"branch_pickup\"")),
        // By pinyin initials: 站前路 in 朝阳区. Choosing it fills in the bank, too.
        ("bank.branch", A::Branch("110105", "zql")),
        ("commitment.agreed", A::Tick),
    ],
};

const BJ_MINOR: Walk = Walk {
    flow: "bj-minor",
    name: "bj-minor",
    answers: &[
        ("notice.agreed", A::Tick),
        ("proxy.name", A::Text("王晓明")),
        ("proxy.id_number", A::Text(RESIDENT)),
        ("proxy.mobile", A::Text(MOBILE)),
        ("applicant.name", A::Text("王小宝")),
        ("applicant.id_type", A::Choose("\"resident_id\"")),
        ("applicant.id_number", A::Text("110105201606010013")),
        ("eligibility.authorized", A::Tick),
        ("proxy.relationship", A::Choose("\"father\"")),
        ("proxy.relationship_confirmed", A::Tick),
        ("applicant.gender", A::Choose("\"male\"")),
        ("applicant.birth_date", A::Date("2016-06-01")),
        ("applicant.id_valid_from", A::Date("2022-06-01")),
        ("applicant.id_valid_to", A::Date("2027-06-01")),
        ("applicant.mobile", A::Text(MOBILE)),
        ("applicant.ethnicity", A::Code("01")),
        ("applicant.occupation", A::Code("8")),
        ("residence.district", A::Code("110105")),
        ("residence.address", A::Text("朝阳区建国路88号院3号楼")),
        ("collection.method", A::Choose("\"branch_pickup\"")),
        ("bank.branch", A::Branch("110105", "人民")),
        ("commitment.agreed", A::Tick),
    ],
};

/// The retiree flow opens in elderly mode (one question per page); the bank is the pension's.
const BJ_RETIREE: Walk = Walk {
    flow: "bj-retiree",
    name: "bj-retiree-elderly",
    answers: &[
        ("notice.agreed", A::Tick),
        ("applicant.name", A::Text("刘桂兰")),
        ("applicant.id_type", A::Choose("\"resident_id\"")),
        ("applicant.id_number", A::Text("110102195403120020")),
        ("eligibility.authorized", A::Tick),
        ("applicant.gender", A::Choose("\"female\"")),
        ("applicant.birth_date", A::Date("1954-03-12")),
        ("applicant.id_valid_from", A::Date("2015-03-01")),
        ("applicant.mobile", A::Text(MOBILE)),
        ("applicant.ethnicity", A::Code("01")),
        ("residence.district", A::Code("110102")),
        ("residence.address", A::Text("西城区月坛南街1号")),
        ("collection.method", A::Choose("\"mail\"")),
        ("collection.recipient_name", A::Text("刘桂兰")),
        ("collection.recipient_mobile", A::Text(MOBILE)),
        ("collection.district", A::Code("110102")),
        ("collection.address", A::Text("西城区月坛南街1号")),
        ("collection.postal_code", A::Text("100045")),
        ("commitment.agreed", A::Tick),
    ],
};

const ENTITY_USCC: &str = "91110105MA01XK3T5N"; // the reference agency's demo employer

const BJ_EMPLOYER_OPEN: Walk = Walk {
    flow: "bj-employer-open",
    name: "bj-employer-open",
    answers: &[
        ("notice.agreed", A::Tick),
        ("entity.name", A::Text("北京示例科技有限公司（示例）")),
        ("entity.uscc", A::Text(ENTITY_USCC)),
        ("entity.contact_name", A::Text("赵经办")),
        ("entity.contact_mobile", A::Text("13800138000")),
        ("entity.collective", A::Choose("\"open\"")),
        ("entity.collects_cards", A::Choose("false")),
        ("entity.banks", A::FirstOptions(1)),
        ("entity.branches", A::FirstOptions(2)),
        ("commitment.agreed", A::Tick),
    ],
};

/// One of the employees the demo employer registered, once the collective is open.
const BJ_EMPLOYEE_CONFIRM: Walk = Walk {
    flow: "bj-employee-confirm",
    name: "bj-employee-confirm",
    answers: &[
        ("notice.agreed", A::Tick),
        ("entity.uscc", A::Text(ENTITY_USCC)),
        ("applicant.name", A::Text("孙立伟")),
        ("applicant.id_type", A::Choose("\"resident_id\"")),
        ("applicant.id_number", A::Text("110105199201010015")),
        ("applicant.gender", A::Choose("\"male\"")),
        ("applicant.birth_date", A::Date("1992-01-01")),
        ("applicant.id_valid_from", A::Date("2015-01-01")),
        ("applicant.mobile", A::Text("13700137000")),
        ("applicant.ethnicity", A::Code("01")),
        ("applicant.occupation", A::Code("2")),
        ("residence.district", A::Code("110105")),
        ("residence.address", A::Text("朝阳区示例路2号")),
        ("collection.method", A::Choose("\"branch_pickup\"")),
        ("bank.name", A::FirstRadio),
        ("bank.branch", A::FirstRadio),
        ("commitment.agreed", A::Tick),
    ],
};

const BJ_EMPLOYER_SUBMIT: Walk = Walk {
    flow: "bj-employer-submit",
    name: "bj-employer-submit",
    answers: &[
        ("notice.agreed", A::Tick),
        ("entity.uscc", A::Text(ENTITY_USCC)),
        ("submit.employees", A::FirstOptions(1)),
        ("commitment.agreed", A::Tick),
    ],
};

/// Walked in English.
const GUANGZHOU: &str = "440106199003071231"; // unknown to the agency: eligible, no photo on file
const PHOTO_RECEIPT: &str = "440100202411210123"; // a studio's receipt the agency knows

const GD_INDIVIDUAL: Walk = Walk {
    flow: "gd-individual",
    name: "gd-individual-english",
    answers: &[
        ("notice.agreed", A::Tick),
        ("applicant.resident_type", A::Choose("\"mainland\"")),
        ("applicant.id_type", A::Choose("\"resident_id\"")),
        ("applicant.id_number", A::Text(GUANGZHOU)),
        ("identity.verified_by", A::Choose("\"operator_in_person\"")),
        ("identity.operator_name", A::Text("Li Operator")),
        ("applicant.name", A::Text("林志明")),
        ("applicant.social_security_number", A::Text(GUANGZHOU)),
        ("card.city", A::Code("4401")),
        ("photo.source", A::Choose("\"receipt_number\"")),
        ("photo.receipt_number", A::Text(PHOTO_RECEIPT)),
        ("applicant.gender", A::Choose("\"male\"")),
        ("applicant.birth_date", A::Date("1990-03-07")),
        ("applicant.ethnicity", A::Code("01")),
        ("applicant.id_valid_long_term", A::Choose("false")),
        ("applicant.id_valid_from", A::Date("2016-05-01")),
        ("applicant.id_valid_to", A::Date("2036-05-01")),
        ("applicant.mobile", A::Text(MOBILE)),
        ("applicant.sms_code", A::Sms),
        ("applicant.occupation", A::Code("2")),
        ("residence.district", A::Region("440000", "440100", "440106")),
        ("residence.address", A::Text("天河区天河路1号")),
        ("bank.name", A::Text("中国工商银行")),
        ("card.insurance_type", A::Choose("\"employee\"")),
        ("collection.method", A::Choose("\"branch_pickup\"")),
        // 工商 by its initials; only the service bank's branches are offered.
        ("bank.branch", A::Branch("4401", "gs")),
        ("submit.confirmed", A::Tick),
    ],
};

const GD_MINOR: Walk = Walk {
    flow: "gd-minor",
    name: "gd-minor",
    answers: &[
        ("notice.agreed", A::Tick),
        ("identity.verified_by", A::Choose("\"operator_in_person\"")),
        ("identity.operator_name", A::Text("李工作人员")),
        ("proxy.name", A::Text("王晓明")),
        ("proxy.social_security_number", A::Text(RESIDENT)),
        ("proxy.relationship", A::Choose("\"father\"")),
        ("applicant.name", A::Text("王小花")),
        ("applicant.id_type", A::Choose("\"resident_id\"")),
        ("applicant.id_number", A::Text("440106201503010021")),
        ("card.city", A::Code("4401")),
        ("photo.source", A::Choose("\"receipt_number\"")),
        ("photo.receipt_number", A::Text(PHOTO_RECEIPT)),
        ("applicant.gender", A::Choose("\"female\"")),
        ("applicant.birth_date", A::Date("2015-03-01")),
        ("applicant.ethnicity", A::Code("01")),
        ("applicant.id_valid_from", A::Date("2020-03-01")),
        ("applicant.id_valid_to", A::Date("2030-03-01")),
        ("proxy.mobile", A::Text(MOBILE)),
        ("proxy.sms_code", A::Sms),
        ("residence.district", A::Region("440000", "440100", "440106")),
        ("residence.address", A::Text("天河区天河路1号")),
        ("bank.name", A::Text("中国银行")),
        ("card.insurance_type", A::Choose("\"resident\"")),
        ("collection.method", A::Choose("\"branch_pickup\"")),
        ("bank.branch", A::Branch("4401", "zgyh")),
        ("submit.confirmed", A::Tick),
    ],
};

/// A Guangzhou resident with cards from two other cities: the agency refuses the application
/// until they are cleaned up, and the wizard goes on with the clean-up.
const GD_TWO_CARDS: Walk = Walk {
    flow: "gd-individual",
    name: "gd-individual-two-cards",
    answers: &[
        ("notice.agreed", A::Tick),
        ("applicant.resident_type", A::Choose("\"mainland\"")),
        ("applicant.id_type", A::Choose("\"resident_id\"")),
        ("applicant.id_number", A::Text("440106198507210018")),
        ("identity.verified_by", A::Choose("\"operator_in_person\"")),
        ("identity.operator_name", A::Text("李工作人员")),
        ("applicant.name", A::Text("陈志强")),
        ("applicant.social_security_number", A::Text("440106198507210018")),
        ("card.city", A::Code("4401")),
        // Once the cards are cleaned up (the gates test), the photo on file.
        ("photo.source", A::Choose("\"system_photo\"")),
    ],
};

const GD_CARD_CLEANUP: Walk = Walk {
    flow: "gd-card-cleanup",
    name: "gd-card-cleanup",
    answers: &[("notice.agreed", A::Tick), ("cleanup.confirmed", A::Tick)],
};

const PASSPHRASE: &str = "center machine 7";

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

/// The element that has focus, as a CSS-like name (`tag#id`).
async fn focused(client: &fantoccini::Client) -> String {
    let name = client
        .execute("const e = document.activeElement; return e ? `${e.tagName.toLowerCase()}#${e.id}` : ''", vec![])
        .await
        .unwrap();
    name.as_str().unwrap_or_default().to_owned()
}

/// Presses keys on whatever has focus, as a keyboard does.
async fn press(client: &fantoccini::Client, keys: &str) {
    client.active_element().await.unwrap().send_keys(keys).await.unwrap();
}

/// Tab, as often as it takes (at most 60 times), until `id` has focus.
async fn tab_to(client: &fantoccini::Client, id: &str) {
    for _ in 0..60 {
        if focused(client).await.ends_with(&format!("#{id}")) {
            return;
        }
        press(client, TAB).await;
    }
    panic!("Tab never reached #{id} (focus is on {})", focused(client).await);
}

#[tokio::test]
async fn a_person_with_only_a_keyboard_starts_an_application_and_fixes_what_the_summary_names() {
    let driver = start_driver();
    let client = open_app(&driver).await;
    wait_for(&client, "#unlock-passphrase").await;
    // Tab to each field, type, Enter submits.
    tab_to(&client, "unlock-passphrase").await;
    press(&client, PASSPHRASE).await;
    tab_to(&client, "unlock-confirm").await;
    press(&client, PASSPHRASE).await;
    press(&client, ENTER).await;
    wait_for(&client, "#case-search").await;

    // New application: the situations are radios, chosen with the arrow keys.
    tab_to(&client, "new-case").await;
    press(&client, ENTER).await;
    wait_for(&client, "#new-case-panel").await;
    tab_to(&client, "new-flow-bj-individual").await;
    press(&client, " ").await;
    tab_to(&client, "new-case-start").await;
    press(&client, ENTER).await;
    wait_for(&client, "#wizard-continue").await;

    // Continue without agreeing: focus moves to the error summary, whose link leads to the box.
    tab_to(&client, "wizard-continue").await;
    press(&client, ENTER).await;
    wait_for(&client, "#error-summary").await;
    assert_eq!(focused(&client).await, "div#error-summary", "focus on the summary");
    press(&client, TAB).await;
    press(&client, ENTER).await;
    assert_eq!(focused(&client).await, "input#f-notice-agreed", "the link puts focus on the field to fix");
    press(&client, " ").await;
    wait_for(&client, "#save-status[data-state='saved']").await;
    tab_to(&client, "wizard-continue").await;
    press(&client, ENTER).await;

    // The next page: focus on its heading, and its first question answered by typing.
    client.wait().for_element(Locator::Css("#f-applicant-name")).await.expect("the second page");
    assert_eq!(focused(&client).await, "h1#wizard-heading", "focus on the new page's heading");
    tab_to(&client, "f-applicant-name").await;
    press(&client, "Keyboard Person").await;
    wait_for(&client, "#save-status[data-state='saved']").await;
    screenshot(&client, "40-keyboard-only").await;
    let name = client.find(Locator::Css("#f-applicant-name")).await.unwrap().prop("value").await.unwrap();
    assert_eq!(name.as_deref(), Some("Keyboard Person"));
    client.close().await.unwrap();
}

/// Answers a system file dialog (GTK's, opened by rfd) as a person would: the dialog titled
/// `title` takes a whole path typed into its location field, then Enter.
async fn choose_in_native_dialog(title: &str, path: &Path, screenshot_as: &str, client: &fantoccini::Client) {
    let dialog = native_window(title).await;
    screenshot(client, screenshot_as).await;
    xdotool(&["windowfocus", "--sync", &dialog]);
    // In an open dialog Ctrl+L shows the location field; in a save dialog the name field has
    // focus already and takes a whole path the same way.
    // The field opens a moment after the key: each step waits for the dialog to keep up.
    for keys in [["key", "--clearmodifiers", "ctrl+l"], ["key", "--clearmodifiers", "ctrl+a"]] {
        xdotool(&keys);
        tokio::time::sleep(Duration::from_millis(400)).await;
    }
    xdotool(&["type", "--delay", "20", path.to_str().expect("a UTF-8 path")]);
    tokio::time::sleep(Duration::from_millis(400)).await;
    xdotool(&["key", "--clearmodifiers", "Return"]);
}

async fn result_text(client: &fantoccini::Client, contains: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let text = wait_for(client, "#bundle-result").await.text().await.unwrap();
        if text.contains(contains) {
            return text;
        }
        assert!(Instant::now() < deadline, "#bundle-result never said {contains:?}: {text:?}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn a_case_goes_out_in_a_bundle_and_back_through_the_system_dialogs_and_the_passphrase_changes() {
    let driver = start_driver();
    let client = open_app(&driver).await;
    let folder = tempfile::tempdir().unwrap();
    let bundle = folder.path().join("handover.banka");
    unlock_new_store(&client).await;

    // A draft with a name.
    start_case(&client, "bj-individual").await;
    click(&client, "#f-notice-agreed").await;
    wait_for(&client, "#save-status[data-state='saved']").await;
    click(&client, "#wizard-continue").await;
    fill(&client, "#f-applicant-name", "Zhao Handover").await;
    wait_for(&client, "#save-status[data-state='saved']").await;
    click(&client, "#back-to-list").await;
    wait_for(&client, "#case-table tbody tr[data-case-id]").await;

    // Export: chosen in the list, a bundle passphrase twice, the file named in the system's dialog.
    click(&client, "input.select-case").await;
    click(&client, "#export-selected").await;
    fill(&client, "#bundle-passphrase", "handover phrase 1").await;
    fill(&client, "#bundle-passphrase-confirm", "handover phrase 1").await;
    click(&client, "#confirm-export").await;
    choose_in_native_dialog(banka_app::EXPORT_TITLE, &bundle, "30-export-save-dialog", &client).await;
    result_text(&client, "handover.banka").await;
    screenshot(&client, "31-exported").await;
    let sealed = std::fs::read(&bundle).expect("the bundle was written where the dialog said");
    assert!(!sealed.windows(7).any(|w| w == b"Handove"), "the bundle is sealed, not plain text");

    // The case is deleted here, then comes back from the bundle.
    click(&client, "#case-table tbody tr[data-case-id] button.delete-case").await;
    click(&client, "#confirm-delete").await;
    wait_for(&client, "#case-empty").await;
    click(&client, "#import-bundle").await;
    fill(&client, "#bundle-passphrase", "handover phrase 1").await;
    click(&client, "#confirm-import").await;
    choose_in_native_dialog(banka_app::IMPORT_TITLE, &bundle, "32-import-open-dialog", &client).await;
    result_text(&client, "新增 1 份").await;
    let row = wait_for(&client, "#case-table tbody tr[data-case-id]").await.text().await.unwrap();
    assert!(row.contains("Zhao Handover"), "the imported case is listed: {row}");
    screenshot(&client, "33-imported").await;

    // The store's passphrase changes in Settings; after a restart only the new one opens it.
    click(&client, "#nav-settings").await;
    fill(&client, "#passphrase-current", PASSPHRASE).await;
    fill(&client, "#passphrase-new", "a newer passphrase 2").await;
    fill(&client, "#passphrase-confirm", "a newer passphrase 2").await;
    click(&client, "#passphrase-change").await;
    client
        .wait()
        .for_element(Locator::XPath("//p[@id='passphrase-message'][contains(., '口令已更改')]"))
        .await
        .expect("the change is announced");
    screenshot(&client, "34-passphrase-changed").await;
    client.close().await.unwrap();

    let client = open_app(&driver).await;
    fill(&client, "#unlock-passphrase", PASSPHRASE).await;
    click(&client, "#unlock-submit").await;
    wait_for(&client, "#error-summary a[href='#unlock-passphrase']").await;
    fill(&client, "#unlock-passphrase", "a newer passphrase 2").await;
    click(&client, "#unlock-submit").await;
    let row = wait_for(&client, "#case-table tbody tr[data-case-id]").await.text().await.unwrap();
    assert!(row.contains("Zhao Handover"), "{row}");
    client.close().await.unwrap();
}

fn xdotool(args: &[&str]) -> String {
    let out = std::process::Command::new("xdotool").args(args).output().expect("xdotool on PATH");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// The X window id of a native (not web) window with this title, once it is there.
async fn native_window(title: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let found = xdotool(&["search", "--name", title]);
        if let Some(id) = found.lines().next() {
            return id.to_owned();
        }
        assert!(Instant::now() < deadline, "no window called {title}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

async fn unlock_new_store(client: &fantoccini::Client) {
    fill(client, "#unlock-passphrase", PASSPHRASE).await;
    fill(client, "#unlock-confirm", PASSPHRASE).await;
    click(client, "#unlock-submit").await;
    wait_for(client, "#case-search").await;
}

/// Starts a new case by the situation's radio and waits for the wizard.
async fn start_case(client: &fantoccini::Client, flow: &str) {
    click(client, "#nav-cases").await;
    click(client, "#new-case").await;
    click(client, &format!("input[name='new-flow'][value='{flow}']")).await;
    screenshot(client, &format!("flows/00-start-{flow}")).await;
    click(client, "#new-case-start").await;
    wait_for(client, "#wizard-continue").await;
}

#[tokio::test]
async fn every_flow_end_to_end_against_the_training_agency() {
    let driver = start_driver();
    let client = open_app(&driver).await;
    let pictures = tempfile::tempdir().unwrap();
    unlock_new_store(&client).await;

    // Training mode: the reference agency inside the app, on loopback.
    click(&client, "#nav-settings").await;
    click(&client, "#agency-training").await;
    click(&client, "#agency-save").await;
    wait_for(&client, "#agency-training-url").await;
    screenshot(&client, "flows/00-training-mode").await;

    // At the confirmation, back to the uploads: a picture is removed, the system's file dialog
    // opens over the window (and is cancelled: nothing changes), the file input takes another.
    start_case(&client, BJ_INDIVIDUAL.flow).await;
    let end = walk::walk(&client, &BJ_INDIVIDUAL, pictures.path(), Stop::AtConfirm).await;
    assert_eq!(end, End::Confirming);
    click(&client, "#cancel-submit").await;
    click(&client, "nav.steps a[href='#step-uploads']").await;
    // Once in four runs the uploads page was drawn again just as the button was clicked.
    click_until(&client, "#doc-card_photo-remove", "#confirm-remove").await;
    click(&client, "#confirm-remove").await;
    wait_for(&client, "li.document[data-kind='card_photo'][data-done=false]").await;
    click(&client, "#doc-card_photo-pick").await;
    let dialog = native_window(banka_app::PICK_TITLE).await;
    screenshot(&client, "flows/bj-individual/30-native-file-dialog").await;
    xdotool(&["windowfocus", "--sync", &dialog]);
    xdotool(&["key", "--clearmodifiers", "Escape"]);
    client
        .wait()
        .for_element(Locator::Css("#doc-card_photo-pick:not([disabled])"))
        .await
        .expect("the page takes input again once the dialog is cancelled");
    assert!(client.find(Locator::Css("li.document[data-kind='card_photo'][data-done=false]")).await.is_ok());
    let rest = Walk { name: "bj-individual-changed", ..BJ_INDIVIDUAL };
    let end = walk::walk(&client, &rest, pictures.path(), Stop::WhenSent).await;
    assert!(matches!(&end, End::Sent(r) if !r.trim().is_empty()), "bj-individual: {end:?}");

    start_case(&client, BJ_MINOR.flow).await;
    let end = walk::walk(&client, &BJ_MINOR, pictures.path(), Stop::WhenSent).await;
    assert!(matches!(&end, End::Sent(r) if !r.trim().is_empty()), "bj-minor: {end:?}");

    // The retiree's flow opens in elderly mode: large text, one question per page.
    start_case(&client, BJ_RETIREE.flow).await;
    wait_for(&client, ".wizard[data-elderly='true']").await;
    walk::walk(&client, &BJ_RETIREE, pictures.path(), Stop::WhenSent).await;
    click(&client, "#elderly-toggle").await;

    // An employer opens its collective application, an employee confirms, the employer submits.
    for walk in [&BJ_EMPLOYER_OPEN, &BJ_EMPLOYEE_CONFIRM] {
        start_case(&client, walk.flow).await;
        walk::walk(&client, walk, pictures.path(), Stop::WhenSent).await;
    }
    start_case(&client, BJ_EMPLOYER_SUBMIT.flow).await;
    let end = walk::walk(&client, &BJ_EMPLOYER_SUBMIT, pictures.path(), Stop::AtConfirm).await;
    assert_eq!(end, End::Confirming);
    // Before sending, the employees page shows all three employees and who has confirmed.
    click(&client, "#cancel-submit").await;
    click(&client, "nav.steps a[href='#step-employees']").await;
    wait_for(&client, "#employee-roster").await;
    let statuses: Vec<String> = client
        .execute(
            "return [...document.querySelectorAll('#employee-roster tbody tr')].map(r => r.dataset.status)",
            vec![],
        )
        .await
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(statuses, ["confirmed", "registered", "registered"], "the roster");
    // Each employee's ID number as the agency gives it: masked, never whole.
    let ids = client
        .execute(
            "return [...document.querySelectorAll('#employee-roster tbody td.id-number')].map(c => c.textContent)",
            vec![],
        )
        .await
        .unwrap();
    let ids: Vec<&str> = ids.as_array().unwrap().iter().filter_map(|c| c.as_str()).collect();
    assert_eq!(ids.len(), 3, "an ID number column: {ids:?}");
    assert!(ids.iter().all(|id| id.len() == 18 && id[4..14].chars().all(|c| c == '*')), "masked: {ids:?}");
    screenshot(&client, "flows/bj-employer-submit/20-roster").await;
    let rest = Walk { name: "bj-employer-submit-sent", ..BJ_EMPLOYER_SUBMIT };
    walk::walk(&client, &rest, pictures.path(), Stop::WhenSent).await;

    // Guangdong, in English.
    click(&client, "#lang-en").await;
    start_case(&client, GD_INDIVIDUAL.flow).await;
    // 【获取图片】 (004 §1.3.4): past the photo step the receipt number has been looked up; back on
    // it, the agency's photo is shown.
    let end = walk::walk(&client, &GD_INDIVIDUAL, pictures.path(), Stop::AtStep("application-info")).await;
    assert_eq!(end, End::AtStep);
    click(&client, "nav.steps a[href='#step-photo']").await;
    wait_for(&client, "img#agency-photo").await;
    client.execute("document.getElementById('agency-photo')?.scrollIntoView({block: 'center'})", vec![]).await.unwrap();
    screenshot(&client, "flows/gd-individual-english/40-receipt-photo").await;
    // 使用本人社保相片 for someone the system has no photo of: the page says so, at the choice.
    click(&client, "#wizard-form [data-field='photo.source'] input[value='\"system_photo\"']").await;
    let none = text_of(&client, "#photo-on-file-problem").await;
    assert!(none.contains("no photo of this person"), "{none}");
    screenshot(&client, "flows/gd-individual-english/41-no-photo-on-file").await;
    click(&client, "#wizard-form [data-field='photo.source'] input[value='\"receipt_number\"']").await;
    walk::walk(&client, &GD_INDIVIDUAL, pictures.path(), Stop::WhenSent).await;
    click(&client, "#lang-zh").await;
    start_case(&client, GD_MINOR.flow).await;
    walk::walk(&client, &GD_MINOR, pictures.path(), Stop::WhenSent).await;

    // One person, one card: refused, then on to the clean-up, which is sent.
    start_case(&client, GD_TWO_CARDS.flow).await;
    let end = walk::walk(&client, &GD_TWO_CARDS, pictures.path(), Stop::WhenSent).await;
    assert_eq!(end, End::NextFlow);
    click(&client, "#follow-flow").await;
    client
        .wait()
        .for_element(Locator::XPath("//h1[@id='wizard-heading'][contains(., '办事指南')]"))
        .await
        .expect("the clean-up's first page");
    walk::walk(&client, &GD_CARD_CLEANUP, pictures.path(), Stop::WhenSent).await;

    // Every case is in the list, sent.
    click(&client, "#nav-cases").await;
    wait_for(&client, "#case-table").await;
    screenshot(&client, "flows/99-every-case-sent").await;
    // The clean-up is listed under the name of the person whose application was refused.
    let cleanup = client
        .execute(
            "return [...document.querySelectorAll('#case-table tbody tr')].map(r => r.textContent).find(t => t.includes('一人一卡清理'))",
            vec![],
        )
        .await
        .unwrap();
    assert!(cleanup.as_str().is_some_and(|row| row.contains("陈志强")), "the clean-up's row: {cleanup}");
    client.close().await.unwrap();
}

/// The agency is down when the case is finished: it waits in the outbox, and goes out by itself
/// when the agency is back.
#[tokio::test]
async fn a_case_finished_while_the_agency_is_down_is_sent_when_it_is_back() {
    use banka_agency::server;
    let agency_dir = tempfile::tempdir().unwrap();
    let addr: std::net::SocketAddr = ([127, 0, 0, 1], free_port()).into();
    let config = || server::Config::new(agency_dir.path(), "e2e-token");
    let agency = server::start(config(), addr).await.expect("the reference agency");

    let driver = start_driver();
    let client = open_app(&driver).await;
    let pictures = tempfile::tempdir().unwrap();
    unlock_new_store(&client).await;
    click(&client, "#nav-settings").await;
    fill(&client, "#agency-endpoint", &agency.url()).await;
    fill(&client, "#agency-token", "e2e-token").await;
    click(&client, "#agency-save").await;
    wait_for(&client, "#outbox-sender[data-sender='running']").await;

    // The agency answers while the case is filled in (the bank branches), and goes down just
    // before it is submitted.
    start_case(&client, BJ_INDIVIDUAL.flow).await;
    let walk = Walk { name: "agency-down", ..BJ_INDIVIDUAL };
    assert_eq!(walk::walk(&client, &walk, pictures.path(), Stop::AtConfirm).await, End::Confirming);
    agency.shutdown().await;
    click(&client, "#confirm-submit").await;
    let outcome = wait_for(&client, "#case-outcome").await;
    let status = outcome.attr("data-status").await.unwrap().unwrap_or_default();
    // Queued, or already tried once and waiting for the next attempt.
    assert!(["queued", "sending", "failed"].contains(&status.as_str()), "{status}");
    // Queued or retrying: 已排队，联网后自动发送; being sent: 联网后会自动接着发送.
    let said = outcome.text().await.unwrap();
    assert!(said.contains("联网后") && said.contains("自动"), "says it will be sent by itself: {said}");
    screenshot(&client, "flows/agency-down/20-waiting").await;

    let agency = server::start(config(), addr).await.expect("the agency back on the same address");
    let reference = client
        .wait()
        .at_most(Duration::from_secs(120))
        .for_element(Locator::Css("#agency-reference"))
        .await
        .expect("sent once the agency is back");
    assert!(!reference.text().await.unwrap().is_empty());
    screenshot(&client, "flows/agency-down/99-sent-when-back").await;

    // 立即发送: a second case finished while the agency is down waits; once it is back, Settings
    // sends it at once instead of after its backoff.
    // Another person (the agency refuses a second application from the first one).
    start_case(&client, BJ_RETIREE.flow).await;
    let walk = Walk { name: "agency-down-send-now", ..BJ_RETIREE };
    walk::walk(&client, &walk, pictures.path(), Stop::AtConfirm).await;
    agency.shutdown().await;
    click(&client, "#confirm-submit").await;
    wait_for(&client, "#case-outcome").await;
    click(&client, "#nav-settings").await;
    wait_for(&client, "#outbox-failed[data-count='1']").await;
    wait_for(&client, "#outbox-send-now").await;
    client
        .execute("document.getElementById('outbox-send-now')?.scrollIntoView({block: 'center'})", vec![])
        .await
        .unwrap();
    screenshot(&client, "flows/agency-down/30-send-now").await;
    let agency = server::start(config(), addr).await.expect("the agency back again");
    // The sender may have tried by itself in the moment since (its backoff is random): then the
    // case is already on its way and there is nothing to send now.
    let button = client.find(Locator::Css("#outbox-send-now")).await;
    if let Ok(true) = match button {
        Ok(button) => Ok(button.click().await.is_ok()),
        Err(e) => Err(e),
    } {
        let done = text(&client, "#outbox-send-now-done").await;
        assert!(done.contains("已开始发送"), "{done}");
    }
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("#outbox-failed[data-count='0']"))
        .await
        .expect("sent at once, well before its next try");
    click(&client, "#nav-cases").await;
    wait_for(&client, "#case-table").await;
    let waiting = client.find_all(Locator::Css("#case-table tr[data-status='failed']")).await.unwrap();
    assert!(waiting.is_empty(), "nothing waits");
    client.close().await.unwrap();
    agency.shutdown().await;
}

/// Training mode on: the reference agency inside the app, on loopback.
async fn training_on(client: &fantoccini::Client) {
    click(client, "#nav-settings").await;
    click(client, "#agency-training").await;
    click(client, "#agency-save").await;
    wait_for(client, "#agency-training-url").await;
}

const ALREADY_APPLIED: Walk = Walk {
    flow: "bj-individual",
    name: "gates-already-applied",
    answers: &[
        ("notice.agreed", A::Tick),
        ("applicant.name", A::Text("李建国")),
        ("applicant.id_type", A::Choose("\"resident_id\"")),
        ("applicant.id_number", A::Text("110108197512040035")), // the reference agency: already applied
        ("eligibility.authorized", A::Tick),
    ],
};

const CLEANUP_ON_ITS_OWN: Walk = Walk {
    flow: "gd-card-cleanup",
    name: "gates-cleanup-on-its-own",
    answers: &[
        ("notice.agreed", A::Tick),
        ("applicant.name", A::Text("陈志强")),
        ("applicant.social_security_number", A::Text("440106198507210018")), // cards in two other cities
        ("cleanup.confirmed", A::Tick),
    ],
};

/// The official channels' gates in the real window: 资格校验 refuses at its step and the same
/// case goes on once the agency says yes (seed 001 §二 第四步); a card photo of the wrong size
/// blocks until the one-click fix (seed 001 "尺寸为358*441"); the clean-up started on its own
/// finds the person's cards, and 【继续申领】 goes on to the application (seed 004 §1.3.10–§1.3.12),
/// where the photo on file shows (§1.3.4).
#[tokio::test]
async fn the_channels_gates_stop_and_let_through_in_the_real_window() {
    let driver = start_driver();
    let client = open_app(&driver).await;
    let pictures = tempfile::tempdir().unwrap();
    unlock_new_store(&client).await;
    training_on(&client).await;

    // A person who already applied is stopped at the eligibility step, with the reason.
    start_case(&client, "bj-individual").await;
    let end = walk::walk(&client, &ALREADY_APPLIED, pictures.path(), Stop::AtErrors).await;
    let End::Errors(text) = end else { panic!("the agency's refusal was not shown: {end:?}") };
    assert!(text.contains("已有正在办理的申请"), "{text}");
    assert_eq!(walk::current_step(&client).await, "eligibility");
    screenshot(&client, "gates/01-eligibility-refused").await;

    // The same case, with the right person's details, is asked about again and goes on; at the
    // uploads a phone photo as the card photo (1360×1680) is refused until it is fixed.
    let end = walk::walk(&client, &BJ_INDIVIDUAL, pictures.path(), Stop::AtStep("uploads")).await;
    assert_eq!(end, End::AtStep);
    let phone = pictures.path().join("phone-photo.jpg");
    std::fs::write(&phone, include_bytes!("../../src-tauri/crates/banka-photos/tests/images/portrait-phone.jpg"))
        .unwrap();
    wait_for(&client, "#doc-card_photo").await.send_keys(phone.to_str().unwrap()).await.unwrap();
    let refused = text_of(&client, "#doc-card_photo-refused").await;
    assert!(refused.contains("经办机构不会受理"), "{refused}");
    let problems = text_of(&client, "li.document[data-kind='card_photo'] .problems[data-blocks='true']").await;
    assert!(problems.contains("358×441"), "{problems}");
    click(&client, "#wizard-continue").await;
    let summary = text_of(&client, "#error-summary").await;
    assert!(summary.contains("制卡照片") && summary.contains("358×441"), "{summary}");
    client
        .execute("document.getElementById('doc-card_photo-fix')?.scrollIntoView({block: 'center'})", vec![])
        .await
        .unwrap();
    screenshot(&client, "gates/02-card-photo-refused").await;
    click(&client, "#doc-card_photo-fix").await;
    wait_for(&client, "li.document[data-kind='card_photo'][data-done='true']").await;
    screenshot(&client, "gates/03-card-photo-fixed").await;
    let end = walk::walk(&client, &BJ_INDIVIDUAL, pictures.path(), Stop::AtConfirm).await;
    assert_eq!(end, End::Confirming, "with the agency's yes and the fixed photo the case can be sent");
    let question = text_of(&client, "#submit-dialog h2").await;
    assert_eq!(question, "是否确认提交个人申领？", "the channel's own second confirmation");
    click(&client, "#cancel-submit").await;

    // The clean-up started on its own asks whose cards, lists them from the agency, and once it
    // has gone 继续申领 starts the application for the same person.
    start_case(&client, CLEANUP_ON_ITS_OWN.flow).await;
    let end = walk::walk(&client, &CLEANUP_ON_ITS_OWN, pictures.path(), Stop::WhenSent).await;
    assert!(matches!(&end, End::Sent(r) if !r.trim().is_empty()), "{end:?}");
    let done = text_of(&client, "#done-words").await;
    assert!(done.contains("清理"), "{done}");
    click(&client, "#continue-application").await;
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css("#wizard-form"))
        .await
        .expect("继续申领 opens the application");
    let caption = text_of(&client, ".content .caption").await;
    assert!(caption.contains("社保卡申领"), "{caption}");
    screenshot(&client, "gates/04-continue-to-the-application").await;
    // 使用本人社保相片 (004 §1.3.4 "搜索结果会自动展示"): the photo on file shows by itself.
    let on_file = Walk { name: "gates-photo-on-file", ..GD_TWO_CARDS };
    let end = walk::walk(&client, &on_file, pictures.path(), Stop::AtStep("application-info")).await;
    assert_eq!(end, End::AtStep);
    click(&client, "nav.steps a[href='#step-photo']").await;
    wait_for(&client, "img#agency-photo").await;
    client.execute("document.getElementById('agency-photo')?.scrollIntoView({block: 'center'})", vec![]).await.unwrap();
    screenshot(&client, "gates/05-photo-on-file").await;
}

/// The text of `selector` once it is shown.
async fn text_of(client: &fantoccini::Client, selector: &str) -> String {
    wait_for(client, selector).await.text().await.unwrap()
}
