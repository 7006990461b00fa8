//! `banka photo check|fix` on real files: JSON on stdout, exit 0 when ok, 1 when not, 2 on
//! usage errors; a fix writes a JPEG that passes.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn images() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../banka-photos/tests/images"))
}

fn banka(args: &[&str]) -> (Output, Value) {
    let out = Command::new(env!("CARGO_BIN_EXE_banka")).arg("photo").args(args).output().expect("banka runs");
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out, json)
}

fn codes(report: &Value) -> Vec<&str> {
    report["problems"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect()
}

#[test]
fn check_a_good_and_a_bad_card_photo() {
    let ok = images().join("portrait-ok.jpg");
    let (out, report) = banka(&["check", ok.to_str().unwrap(), "--kind", "card_photo"]);
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert_eq!(report["ok"], true);
    assert_eq!((report["width"].as_u64(), report["height"].as_u64()), (Some(358), Some(441)));
    assert_eq!(report["format"], "jpeg");
    assert_eq!(report["bytes"].as_u64(), Some(std::fs::metadata(&ok).unwrap().len()));

    let backdrop = images().join("portrait-backdrop.jpg");
    let (out, report) = banka(&["check", backdrop.to_str().unwrap(), "--kind", "card_photo"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(codes(&report), ["background_not_plain"]);
    let problem = &report["problems"][0];
    assert!(problem["message"]["zh"].as_str().unwrap().contains("白"));
    assert!(problem["message"]["en"].as_str().unwrap().contains("white"));
}

#[test]
fn fix_writes_a_photo_that_passes() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("fixed.jpg");
    let phone = images().join("portrait-phone.jpg");
    let (out, report) = banka(&["fix", phone.to_str().unwrap(), out_path.to_str().unwrap(), "--kind", "card_photo"]);
    assert_eq!(out.status.code(), Some(0), "{report}");
    assert_eq!(report["ok"], true);
    let changes: Vec<_> = report["changes"].as_array().unwrap().iter().map(|c| c["code"].as_str().unwrap()).collect();
    assert!(changes.contains(&"cropped_to_face") && changes.contains(&"metadata_removed"), "{changes:?}");
    let (out, again) = banka(&["check", out_path.to_str().unwrap(), "--kind", "card_photo"]);
    assert_eq!(out.status.code(), Some(0), "{again}");
    assert_eq!(again["bytes"].as_u64(), Some(std::fs::metadata(&out_path).unwrap().len()));
}

#[cfg(unix)]
#[test]
fn fix_writes_where_a_person_says_and_replaces_only_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let phone = images().join("portrait-phone.jpg");
    let fix_into = |out: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_banka"))
            .current_dir(dir.path())
            .args(["photo", "fix", phone.to_str().unwrap(), out, "--kind", "card_photo"])
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
    };
    // A bare name is the current folder: written, and said so with exit 0.
    assert_eq!(fix_into("fixed.jpg").0, Some(0));
    assert!(dir.path().join("fixed.jpg").is_file());
    // No folder is made for it, and what is not a regular file is not replaced.
    let (code, said) = fix_into("new/fixed.jpg");
    assert_eq!(code, Some(2));
    assert!(said.contains("the folder does not exist"), "{said}");
    assert!(!dir.path().join("new").exists());
    std::os::unix::fs::symlink(dir.path().join("fixed.jpg"), dir.path().join("link.jpg")).unwrap();
    let (code, said) = fix_into("link.jpg");
    assert_eq!(code, Some(2));
    assert!(said.contains("not a regular file"), "{said}");
    assert!(std::fs::symlink_metadata(dir.path().join("link.jpg")).unwrap().file_type().is_symlink());
}

#[test]
fn unreadable_files_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.jpg");
    std::fs::write(&junk, b"no picture here").unwrap();
    let out_path = dir.path().join("out.jpg");
    let (out, report) = banka(&["fix", junk.to_str().unwrap(), out_path.to_str().unwrap(), "--kind", "id_card_front"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(codes(&report), ["unreadable"]);
    assert!(!out_path.exists(), "nothing written");
    let (out, _) = banka(&["check", junk.to_str().unwrap(), "--kind", "selfie"]);
    assert_eq!(out.status.code(), Some(2));
    let (out, _) = banka(&["check", "/no/such/file.jpg", "--kind", "card_photo"]);
    assert_eq!(out.status.code(), Some(2));
}
