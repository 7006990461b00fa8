//! Case bundles between two machines: sealed, checked, imported whole, never duplicating a case
//! or overwriting newer work.

mod common;

use banka_cases::{Actor, Error, KdfParams, Passphrase, Store};
use common::*;
use serde_json::json;

const BUNDLE_PASS: &str = "home to center";

async fn export(store: &Store, ids: &[String], to: &std::path::Path) {
    store.export(ids, to, &Passphrase::new(BUNDLE_PASS), KdfParams::MINIMUM).await.unwrap();
}

async fn import(store: &Store, from: &std::path::Path) -> banka_cases::Result<banka_cases::ImportReport> {
    store.import(from, &Passphrase::new(BUNDLE_PASS), &operator()).await
}

#[tokio::test]
async fn cases_move_whole_from_home_to_the_center() {
    let (home_dir, center_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (home, center) = (store(home_dir.path()).await, store(center_dir.path()).await);
    let a = complete_case(&home).await;
    let b = home.new_case("gd-minor", &Actor::Resident).await.unwrap().id;
    // The same photo in two cases travels once and lands once.
    let photo = png(100, 120, 5);
    home.attach_document(&a, "card_photo", "photo.png", &photo, None, &Actor::Resident).await.unwrap();
    let file = home_dir.path().join("cases.banka");
    export(&home, &[a.clone(), b.clone(), a.clone()], &file).await;

    let report = import(&center, &file).await.unwrap();
    assert_eq!(report.added.len(), 2, "{report:?}");
    assert!(report.updated.is_empty() && report.skipped.is_empty());
    for id in [&a, &b] {
        let (there, here) = (home.case(id).await.unwrap(), center.case(id).await.unwrap());
        assert_eq!(here.answers, there.answers);
        assert_eq!(here.documents, there.documents);
        assert_eq!(here.summary.status, there.summary.status);
        assert_eq!(&here.audit[..there.audit.len()], &there.audit[..], "the trail comes along");
        assert_eq!(here.audit.last().unwrap().action, banka_cases::Action::Imported);
    }
    assert_eq!(center.document_bytes(&a, "card_photo").await.unwrap(), photo);
    assert!(center.evaluate(&a, today()).await.unwrap().ready);

    // Importing the same bundle again changes nothing.
    let again = import(&center, &file).await.unwrap();
    assert!(again.added.is_empty() && again.updated.is_empty());
    assert_eq!(again.skipped.len(), 2);
    assert_eq!(center.usage().await.unwrap().cases, 2);
}

#[tokio::test]
async fn a_newer_copy_replaces_an_older_one_but_never_overwrites_work_done_here() {
    let (home_dir, center_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (home, center) = (store(home_dir.path()).await, store(center_dir.path()).await);
    let id = home.new_case("bj-individual", &Actor::Resident).await.unwrap().id;
    home.set_answer(&id, "applicant.name", Some(json!("张")), &Actor::Resident, today()).await.unwrap();
    let first = home_dir.path().join("first.banka");
    export(&home, std::slice::from_ref(&id), &first).await;
    import(&center, &first).await.unwrap();

    // The center adds to it and sends it back: home takes the newer copy.
    center.set_answer(&id, "applicant.name", Some(json!("张三")), &operator(), today()).await.unwrap();
    let back = center_dir.path().join("back.banka");
    export(&center, std::slice::from_ref(&id), &back).await;
    let report = import(&home, &back).await.unwrap();
    assert_eq!(report.updated, std::slice::from_ref(&id));
    assert_eq!(home.case(&id).await.unwrap().answers["applicant.name"], "张三");

    // The old bundle, imported again at home, is older: kept as is.
    let report = import(&home, &first).await.unwrap();
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(home.case(&id).await.unwrap().answers["applicant.name"], "张三");

    // Both change it: neither copy overwrites the other.
    home.set_answer(&id, "applicant.mobile", Some(json!("13800138000")), &Actor::Resident, today()).await.unwrap();
    center.set_answer(&id, "applicant.mobile", Some(json!("13900139000")), &operator(), today()).await.unwrap();
    let diverged = center_dir.path().join("diverged.banka");
    export(&center, std::slice::from_ref(&id), &diverged).await;
    let report = import(&home, &diverged).await.unwrap();
    assert_eq!(report.skipped.len(), 1);
    assert!(report.skipped[0].reason.en.contains("both machines"), "{:?}", report.skipped);
    assert_eq!(home.case(&id).await.unwrap().answers["applicant.mobile"], "13800138000");
}

#[tokio::test]
async fn a_wrong_passphrase_a_changed_byte_or_a_cut_file_imports_nothing() {
    let (home_dir, center_dir) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (home, center) = (store(home_dir.path()).await, store(center_dir.path()).await);
    let id = complete_case(&home).await;
    let file = home_dir.path().join("case.banka");
    export(&home, &[id], &file).await;
    let sealed = std::fs::read(&file).unwrap();

    let wrong = center.import(&file, &Passphrase::new("not the passphrase"), &operator()).await.unwrap_err();
    assert!(matches!(wrong, Error::BadBundle(_)));
    let explained = wrong.explain();
    assert!(
        explained.message.zh.contains("口令不对") && explained.message.en.contains("wrong passphrase"),
        "{explained}"
    );

    let bad = center_dir.path().join("bad.banka");
    for (what, bytes) in [
        ("a flipped bit", {
            let mut b = sealed.clone();
            let n = b.len() / 2;
            b[n] ^= 0x40;
            b
        }),
        ("a cut file", sealed[..sealed.len() - 100].to_vec()),
        ("an empty file", Vec::new()),
        ("a photo", png(10, 10, 1)),
    ] {
        std::fs::write(&bad, &bytes).unwrap();
        let err = import(&center, &bad).await.unwrap_err();
        assert!(matches!(err, Error::BadBundle(_)), "{what}: {err:?}");
        assert_eq!(center.usage().await.unwrap().cases, 0, "{what}: nothing imported");
    }
    let before: Vec<_> = files_under(center_dir.path()).into_iter().map(|(p, _)| p).collect();
    assert!(before.iter().all(|p| p.starts_with(center_dir.path())));
}
