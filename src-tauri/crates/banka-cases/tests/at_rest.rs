//! A copy of the data folder gives nothing away: no ID number, name, phone, address or photo
//! byte can be found in any file the store writes, during use (WAL) or after closing.

mod common;

use banka_cases::Store;
use common::*;

fn assert_nothing_readable(dir: &std::path::Path, photo: &[u8], when: &str) {
    let files = files_under(dir);
    assert!(files.iter().any(|(p, _)| p.ends_with("banka.db")), "{when}: the database is there");
    // A 64-byte run of the photo's compressed data, well past the PNG header.
    let photo_sample = &photo[photo.len() / 2..photo.len() / 2 + 64];
    for (path, bytes) in &files {
        for (what, needle) in [
            ("ID number", ID_NUMBER.as_bytes()),
            ("ID digits", &ID_NUMBER.as_bytes()[..17]),
            ("name", NAME.as_bytes()),
            ("phone", MOBILE.as_bytes()),
            ("address", ADDRESS.as_bytes()),
            ("photo", photo_sample),
            ("SQLite header", b"SQLite format 3"),
        ] {
            assert!(!contains(bytes, needle), "{when}: the {what} is readable in {}", path.display());
        }
    }
}

#[tokio::test]
async fn no_personal_value_or_photo_byte_is_readable_in_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path()).await;
    let id = complete_case(&store).await;
    let photo = png(358, 441, 99);
    store.attach_document(&id, "card_photo", "王小明.png", &photo, None, &operator()).await.unwrap();
    // While the app runs, recent writes sit in the WAL.
    assert!(dir.path().join("banka.db-wal").exists());
    assert_nothing_readable(dir.path(), &photo, "while open");

    // A bundle is sealed too.
    let bundle = dir.path().join("export.banka");
    store
        .export(
            std::slice::from_ref(&id),
            &bundle,
            &banka_cases::Passphrase::new("bundle passphrase"),
            banka_cases::KdfParams::MINIMUM,
        )
        .await
        .unwrap();
    assert_nothing_readable(dir.path(), &photo, "with a bundle");
    store.close().await;
    assert_nothing_readable(dir.path(), &photo, "after closing");

    // The values really were stored: the right passphrase reads them back.
    let store = Store::open(dir.path(), &banka_cases::Passphrase::new(PASSPHRASE)).await.unwrap();
    assert_eq!(store.case(&id).await.unwrap().answers["applicant.id_number"], ID_NUMBER);
    assert_eq!(store.document_bytes(&id, "card_photo").await.unwrap(), photo);
}
