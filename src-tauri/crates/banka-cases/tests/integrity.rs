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
            assert_eq!(explained.code, banka_cases::Code::StoreDamaged);
            assert!(explained.message.en.contains("banka check") && !explained.message.en.contains("is safe"));
        }
        other => panic!("{:?}", other.map(|b| b.len())),
    }
}

/// The page number where `name` (a table or index) starts, read through the store's key.
async fn root_page(dir: &std::path::Path, name: &str) -> u64 {
    let key = banka_cases::keys::unlock(dir, &Passphrase::new(PASSPHRASE)).unwrap();
    let pool = banka_cases::open_pool(&dir.join("banka.db"), &key, 1).await.unwrap();
    let page: i64 = sqlx::query_scalar("SELECT rootpage FROM sqlite_master WHERE name = ?")
        .bind(name)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    page as u64
}

/// Flips one byte in the middle of page `page` (SQLCipher's pages are 4,096 bytes, from 1).
fn flip_in_page(dir: &std::path::Path, page: u64) {
    let file = dir.join("banka.db");
    let mut bytes = std::fs::read(&file).unwrap();
    bytes[((page - 1) * 4096 + 2048) as usize] ^= 0x01;
    std::fs::write(&file, bytes).unwrap();
}

#[tokio::test]
async fn a_damaged_list_index_still_lists_every_case_read_one_by_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path()).await;
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(complete_case(&store).await);
    }
    store.close().await;
    let index = root_page(dir.path(), "cases_by_updated").await;
    flip_in_page(dir.path(), index);

    let store = Store::open(dir.path(), &Passphrase::new(PASSPHRASE)).await.unwrap();
    let page = store.search(&banka_cases::Query::default()).await.unwrap();
    let salvaged = page.salvaged.expect("the list says it was read back one by one");
    assert_eq!(salvaged.unreadable, 0, "the cases themselves are whole");
    assert_eq!(page.total, 3);
    let mut listed: Vec<_> = page.cases.iter().map(|c| c.id.clone()).collect();
    listed.sort();
    ids.sort();
    assert_eq!(listed, ids);
    assert!(page.cases.windows(2).all(|w| w[0].updated_at >= w[1].updated_at), "newest first");
    // A page at a time, as the window asks.
    let second = store.search(&banka_cases::Query { limit: Some(2), offset: Some(2), ..Default::default() }).await;
    assert_eq!(second.unwrap().cases.len(), 1);
}

#[tokio::test]
async fn a_damaged_case_table_says_how_many_records_are_lost() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path()).await;
    complete_case(&store).await;
    store.close().await;
    // One case: its table is one page, which is also where max(rowid) is read.
    let table = root_page(dir.path(), "cases").await;
    flip_in_page(dir.path(), table);

    let store = Store::open(dir.path(), &Passphrase::new(PASSPHRASE)).await.unwrap();
    let e = store.search(&banka_cases::Query::default()).await.expect_err("nothing can be listed");
    assert_eq!(e.explain().code, banka_cases::Code::StoreDamaged);
}
