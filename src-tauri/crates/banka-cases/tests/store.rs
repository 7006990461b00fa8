//! The case store end to end on a real SQLCipher file: autosave, audit, documents, lifecycle,
//! deletion, search.

mod common;

use banka_cases::{Action, Actor, Error, Passphrase, Query, Status, Store};
use banka_rules::Localized;
use common::*;
use serde_json::json;

#[tokio::test]
async fn an_acknowledged_answer_is_there_after_reopening_with_its_audit_entry() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path()).await;
    let case = store.new_case("bj-individual", &operator()).await.unwrap();
    assert_eq!(case.status, Status::Draft);
    assert_eq!(case.operator.as_deref(), Some("李娟"));
    let saved =
        store.set_answer(&case.id, "applicant.name", Some(json!("王")), &Actor::Resident, today()).await.unwrap();
    assert!(saved.changed);
    store.set_answer(&case.id, "applicant.name", Some(json!(NAME)), &operator(), today()).await.unwrap();
    let again = store.set_answer(&case.id, "applicant.name", Some(json!(NAME)), &operator(), today()).await.unwrap();
    assert!(!again.changed, "the same value twice is one change");
    drop(store);

    let store = Store::open(dir.path(), &Passphrase::new(PASSPHRASE)).await.unwrap();
    let case = store.case(&case.id).await.unwrap();
    assert_eq!(case.answers["applicant.name"], json!(NAME));
    let answered: Vec<_> = case.audit.iter().filter(|e| e.action == Action::Answered).collect();
    assert_eq!(answered.len(), 2);
    assert_eq!(answered[0].actor, Actor::Resident);
    assert_eq!((answered[0].old_value.clone(), answered[0].new_value.clone()), (None, Some(json!("王"))));
    assert_eq!((answered[1].old_value.clone(), answered[1].new_value.clone()), (Some(json!("王")), Some(json!(NAME))));
    assert_eq!(answered[1].actor, operator());
    assert_eq!(case.audit[0].action, Action::Created);
    // The trail as shown masks the values.
    let shown = banka_cases::audit::masked("bj-individual", &case.audit);
    assert_eq!(shown.iter().filter(|e| e.action == Action::Answered).nth(1).unwrap().new_value, Some(json!("王**")));
}

#[tokio::test]
async fn the_wrong_passphrase_or_a_lost_key_file_opens_nothing() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path()).await.close().await;
    let err = Store::open(dir.path(), &Passphrase::new("not the passphrase")).await.unwrap_err();
    assert!(matches!(err, Error::WrongPassphrase));
    assert!(
        err.explain().message.zh.contains("口令不正确") && err.explain().message.en.contains("passphrase is wrong")
    );
    std::fs::remove_file(dir.path().join("key.json")).unwrap();
    assert!(matches!(Store::open(dir.path(), &Passphrase::new(PASSPHRASE)).await, Err(Error::KeyFile(_))));
    // Creating one anew must not pair a fresh key with the old database.
    let again = Store::create(dir.path(), &Passphrase::new(PASSPHRASE), banka_cases::KdfParams::MINIMUM).await;
    assert!(matches!(again, Err(Error::KeyFile(_))));
    assert!(!dir.path().join("key.json").exists());
}

#[tokio::test]
async fn a_bad_answer_is_kept_and_reported_and_a_wrong_field_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path()).await;
    let id = store.new_case("bj-individual", &Actor::Resident).await.unwrap().id;
    store.set_answer(&id, "applicant.id_type", Some(json!("resident_id")), &Actor::Resident, today()).await.unwrap();
    let saved = store
        .set_answer(&id, "applicant.id_number", Some(json!("110105194912310021")), &Actor::Resident, today())
        .await
        .unwrap();
    assert!(saved.changed, "a half-right draft is never lost");
    assert_eq!(saved.errors.len(), 1, "{:?}", saved.errors);
    assert_eq!(saved.errors[0].field, "applicant.id_number");
    let err =
        store.set_answer(&id, "applicant.nickname", Some(json!("x")), &Actor::Resident, today()).await.unwrap_err();
    assert_eq!(err.explain().field.as_deref(), Some("applicant.nickname"));
    let err = store.set_answer(&id, "notice.agreed", Some(json!("yes")), &Actor::Resident, today()).await.unwrap_err();
    assert_eq!(err.code(), banka_cases::Code::BadValue);
    // Clearing removes the answer and says so in the trail.
    store.set_answer(&id, "applicant.id_number", None, &Actor::Resident, today()).await.unwrap();
    let case = store.case(&id).await.unwrap();
    assert!(!case.answers.contains_key("applicant.id_number"));
    assert_eq!(case.audit.last().unwrap().action, Action::Cleared);
    assert!(matches!(
        store.set_answer("no-such-case", "applicant.name", Some(json!("x")), &Actor::Resident, today()).await,
        Err(Error::NoCase(_))
    ));
}

#[tokio::test]
async fn a_photo_used_by_two_cases_is_stored_once_and_goes_with_its_last_use() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path()).await;
    let a = store.new_case("bj-individual", &operator()).await.unwrap().id;
    let b = store.new_case("bj-individual", &operator()).await.unwrap().id;
    let photo = png(358, 441, 7);
    let doc = store.attach_document(&a, "id_card_front", "front.png", &photo, None, &operator()).await.unwrap();
    assert_eq!((doc.width, doc.height, doc.size), (Some(358), Some(441), photo.len() as u64));
    // One picture cannot be two documents of a case (both sides of an ID card): said plainly.
    let twice = store.attach_document(&a, "id_card_back", "same.png", &photo, None, &operator()).await;
    let Err(e @ Error::SamePicture { .. }) = twice else { panic!("{twice:?}") };
    assert!(e.explain().message.zh.contains("身份证国徽面"), "{}", e.explain());
    assert_eq!(store.case(&a).await.unwrap().documents.len(), 1, "nothing stored");
    store.attach_document(&a, "id_card_front", "front-again.png", &photo, None, &operator()).await.unwrap();
    // Another case may use it.
    store.attach_document(&b, "id_card_front", "again.png", &photo, None, &operator()).await.unwrap();
    assert_eq!(store.usage().await.unwrap().files, 1);
    assert_eq!(store.document_bytes(&b, "id_card_front").await.unwrap(), photo);

    store.detach_document(&a, "id_card_front", &operator()).await.unwrap();
    assert_eq!(store.usage().await.unwrap().files, 1, "case b still uses it");
    // Replacing b's photo releases the old one.
    store.attach_document(&b, "id_card_front", "new.png", &png(358, 441, 8), None, &operator()).await.unwrap();
    let usage = store.usage().await.unwrap();
    assert_eq!(usage.files, 1);
    assert_ne!(store.document_bytes(&b, "id_card_front").await.unwrap(), photo);

    let not_a_picture = store.attach_document(&b, "id_card_back", "notes.txt", b"hello", None, &operator()).await;
    assert!(matches!(not_a_picture, Err(Error::BadDocument(_))));
    let wrong_kind = store.attach_document(&b, "birth_certificate", "b.png", &photo, None, &operator()).await;
    assert!(matches!(wrong_kind, Err(Error::BadDocument(_))), "B1 takes no birth certificate");
    let kinds: Vec<_> = store.case(&b).await.unwrap().audit.iter().map(|e| e.action).collect();
    assert_eq!(kinds, [Action::Created, Action::DocumentAdded, Action::DocumentAdded]);
}

#[tokio::test]
async fn a_case_is_finalized_only_when_ready_and_reopened_only_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path()).await;
    let draft = store.new_case("bj-individual", &operator()).await.unwrap().id;
    assert!(matches!(store.finalize(&draft, &operator(), today()).await, Err(Error::NotReady { .. })));

    let id = complete_case(&store).await;
    let ready = store.finalize(&id, &operator(), today()).await.unwrap();
    assert_eq!(ready.status, Status::Ready);
    assert_eq!(ready.applied_on, Some(today()), "the application date is the day it was finalized");
    let err = store.set_answer(&id, "applicant.name", Some(json!("改名")), &operator(), today()).await.unwrap_err();
    assert!(matches!(err, Error::NotEditable { .. }));
    assert!(matches!(store.reopen(&id, &operator(), "  ").await, Err(Error::ReasonRequired)));
    let pasted = "改".repeat(banka_cases::MAX_REASON_CHARS + 1);
    assert!(
        matches!(store.reopen(&id, &operator(), &pasted).await, Err(Error::BadValue { field, .. }) if field == "reason")
    );
    store.reopen(&id, &operator(), "申请人要改领卡网点").await.unwrap();
    let last = store.case(&id).await.unwrap().audit.pop().unwrap();
    assert_eq!((last.action, last.reason.as_deref()), (Action::Reopened, Some("申请人要改领卡网点")));
    assert_eq!(last.new_value, Some(json!("draft")));
    assert_eq!(store.summary(&id).await.unwrap().applied_on, None, "a draft has no application date");
    let typed = store.summary(&id).await.unwrap().status_reason;
    assert_eq!(
        typed,
        Some(Localized::same("申请人要改领卡网点")),
        "what a person typed reads the same in both languages"
    );

    // Once the agency has it, it stays out of reach.
    store.finalize(&id, &operator(), today()).await.unwrap();
    for s in [Status::Queued, Status::Sending, Status::Submitted] {
        store.set_status(&id, s, &Actor::Resident, None).await.unwrap();
    }
    store.set_agency_reference(&id, "BJ2026112100001", &Actor::Resident).await.unwrap();
    assert!(matches!(store.reopen(&id, &operator(), "oops").await, Err(Error::BadTransition { .. })));
    assert_eq!(store.summary(&id).await.unwrap().agency_reference.as_deref(), Some("BJ2026112100001"));

    // The agency's reason is kept in both languages, and the trail keeps it as one line.
    let refused = Localized::new("照片不合格", "The photo was not accepted");
    store.set_status(&id, Status::Rejected, &Actor::System, Some(&refused)).await.unwrap();
    assert_eq!(store.summary(&id).await.unwrap().status_reason, Some(refused));
    let last = store.case(&id).await.unwrap().audit.pop().unwrap();
    assert_eq!(last.reason.as_deref(), Some("照片不合格 / The photo was not accepted"));
}

#[tokio::test]
async fn a_case_being_sent_cannot_be_deleted_until_the_sending_is_over() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path()).await;
    let id = complete_case(&store).await;
    store.finalize(&id, &operator(), today()).await.unwrap();
    for s in [Status::Queued, Status::Sending] {
        store.set_status(&id, s, &Actor::Resident, None).await.unwrap();
    }
    let refused = store.delete_case(&id).await.unwrap_err();
    assert!(matches!(refused, Error::BeingSent), "{refused:?}");
    assert_eq!(refused.explain().code, banka_cases::Code::BeingSent);
    assert_eq!(store.summary(&id).await.unwrap().status, Status::Sending);

    // Sent: the local copy may go (the application at the agency stays).
    store.set_status(&id, Status::Submitted, &Actor::Resident, None).await.unwrap();
    store.delete_case(&id).await.unwrap();
    assert!(matches!(store.case(&id).await, Err(Error::NoCase(_))));
}

#[tokio::test]
async fn deleting_a_case_removes_its_answers_trail_and_photos() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path()).await;
    let keep = complete_case(&store).await;
    let gone = complete_case(&store).await;
    let before = store.usage().await.unwrap();
    store.delete_case(&gone).await.unwrap();
    assert!(matches!(store.case(&gone).await, Err(Error::NoCase(_))));
    assert!(matches!(store.delete_case(&gone).await, Err(Error::NoCase(_))));
    let after = store.usage().await.unwrap();
    assert_eq!(after.cases, before.cases - 1);
    assert!(after.files < before.files && after.file_bytes < before.file_bytes, "{before:?} → {after:?}");
    assert!(store.case(&keep).await.is_ok());
}

#[tokio::test]
async fn the_list_finds_cases_by_name_id_tail_phone_status_flow_and_date_with_numbers_masked() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path()).await;
    let b1 = complete_case(&store).await;
    let other = store.new_case("gd-individual", &Actor::Resident).await.unwrap().id;
    store.set_answer(&other, "applicant.name", Some(json!("陈_%")), &Actor::Resident, today()).await.unwrap();
    let find = |text: &str| Query { text: Some(text.into()), ..Query::default() };

    let hits = store.search(&find("小明")).await.unwrap();
    assert_eq!((hits.total, hits.cases[0].id.as_str()), (1, b1.as_str()));
    assert_eq!(hits.cases[0].applicant_id_number_masked, "1101**********002X");
    assert_eq!(hits.cases[0].applicant_mobile_masked, "139****5678");
    assert_eq!(store.search(&find("002x")).await.unwrap().total, 1, "last digits, any case");
    assert_eq!(store.search(&find("1101")).await.unwrap().total, 0, "ID numbers match from the end");
    assert_eq!(store.search(&find("1234")).await.unwrap().total, 1, "part of the phone");
    assert_eq!(store.search(&find("_%")).await.unwrap().cases[0].id, other, "wildcards are literal");
    assert_eq!(store.search(&find("%")).await.unwrap().total, 1);
    let store = &store;
    let by = |q: Query| async move { store.search(&q).await.unwrap().total };
    assert_eq!(by(Query { status: Some(Status::Draft), ..Query::default() }).await, 2);
    assert_eq!(by(Query { status: Some(Status::Ready), ..Query::default() }).await, 0);
    assert_eq!(by(Query { flow: Some("gd-individual".into()), ..Query::default() }).await, 1);
    let today = chrono::Local::now().date_naive();
    assert_eq!(by(Query { from: Some(today), until: Some(today), ..Query::default() }).await, 2);
    assert_eq!(by(Query { until: today.pred_opt(), ..Query::default() }).await, 0);
    let page = store.search(&Query { limit: Some(1), ..Query::default() }).await.unwrap();
    assert_eq!((page.total, page.cases.len(), page.cases[0].id.as_str()), (2, 1, other.as_str()), "newest first");
}

/// The app and the CLI (or two windows) starting on a new data folder at the same moment: one
/// key is made, both use it, and nothing is locked away under a key that was overwritten.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_first_starts_at_once_make_one_store() {
    for _ in 0..3 {
        let dir = tempfile::tempdir().unwrap();
        let starts: Vec<_> = (0..4)
            .map(|_| {
                let dir = dir.path().to_owned();
                tokio::spawn(async move {
                    Store::create(&dir, &Passphrase::new(PASSPHRASE), banka_cases::KdfParams::default()).await
                })
            })
            .collect();
        let mut stores = Vec::new();
        for start in starts {
            stores.push(start.await.unwrap().expect("every start opens the one store"));
        }
        let case = stores[0].new_case("bj-individual", &operator()).await.unwrap();
        for store in &stores {
            assert!(store.case(&case.id).await.is_ok(), "each start sees the same store");
        }
        for store in stores {
            store.close().await;
        }
        let reopened = Store::open(dir.path(), &Passphrase::new(PASSPHRASE)).await.expect("the key on disk opens it");
        assert!(reopened.case(&case.id).await.is_ok());
    }
}

/// Two first starts with different passphrases: the first one's is the store's; the other is
/// told the passphrase is wrong, and the store is unharmed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_first_start_with_another_passphrase_is_refused_not_destructive() {
    let dir = tempfile::tempdir().unwrap();
    let start = |p: &'static str| {
        let dir = dir.path().to_owned();
        tokio::spawn(async move { Store::create(&dir, &Passphrase::new(p), banka_cases::KdfParams::default()).await })
    };
    let (a, b) = (start("first passphrase 1"), start("second passphrase 2"));
    let (a, b) = (a.await.unwrap(), b.await.unwrap());
    let (winner, refused) = match (&a, &b) {
        (Ok(_), Err(e)) => ("first passphrase 1", e),
        (Err(e), Ok(_)) => ("second passphrase 2", e),
        _ => panic!("exactly one start makes the store: {:?} / {:?}", a.is_ok(), b.is_ok()),
    };
    assert!(matches!(refused, Error::WrongPassphrase), "{refused:?}");
    let store = a.or(b).unwrap();
    let case = store.new_case("bj-individual", &operator()).await.unwrap();
    store.close().await;
    let reopened = Store::open(dir.path(), &Passphrase::new(winner)).await.expect("the winner's passphrase opens it");
    assert!(reopened.case(&case.id).await.is_ok());
}
