//! `banka check`'s core: a whole store is reported whole; one flipped byte in a document's
//! pages names that case and document, leaves the other cases readable, and a read of the
//! damaged part says the store is damaged (not that everything saved is safe).

mod common;

use banka_cases::{Actor, Error, Passphrase, Store};
use common::*;

#[tokio::test]
async fn a_flipped_byte_is_found_and_named_and_the_other_cases_stay_readable() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path()).await;
    let a = complete_case(&store).await;
    let big = store.new_case("bj-individual", &Actor::Resident).await.unwrap().id;
    // Most of the file: this picture's pages.
    let picture = png(700, 700, 42);
    store.attach_document(&big, "card_photo", "photo.png", &picture, None, &Actor::Resident).await.unwrap();
    let c = complete_case(&store).await;
    let whole = store.check_integrity().await.unwrap();
    assert!(whole.ok, "{whole:?}");
    assert_eq!((whole.cases_checked, whole.damaged.len()), (3, 0));
    store.close().await;

    // One byte, in the middle of the file: inside the picture.
    let file = dir.path().join("banka.db");
    let mut bytes = std::fs::read(&file).unwrap();
    assert!(picture.len() * 2 > bytes.len(), "the picture is most of the file");
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&file, bytes).unwrap();

    let store = Store::open(dir.path(), &Passphrase::new(PASSPHRASE)).await.unwrap();
    let report = store.check_integrity().await.unwrap();
    assert!(!report.ok);
    assert!(!report.pages.is_empty(), "SQLCipher names the page: {report:?}");
    assert!(
        report.damaged.iter().any(|d| d.case_id == big && d.document.as_deref() == Some("card_photo")),
        "{report:?}"
    );
    assert!(report.damaged.iter().all(|d| d.case_id == big), "only that case: {report:?}");
    for id in [&a, &c] {
        assert!(store.case(id).await.is_ok(), "the other cases open");
    }
    match store.document_bytes(&big, "card_photo").await {
        Err(e @ Error::Database(_)) => {
            let explained = e.explain();
            assert_eq!(explained.code, "store_damaged");
            assert!(explained.message_en.contains("banka check") && !explained.message_en.contains("is safe"));
        }
        other => panic!("{:?}", other.map(|b| b.len())),
    }
}
