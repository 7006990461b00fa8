//! `banka case …` on a real encrypted store in a temporary folder, as a script runs it: no
//! terminal (stdin is null), the passphrase in the environment, JSON on stdout.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::{json, Value};

const PASSPHRASE: &str = "center machine 7";
const ID_NUMBER: &str = "11010519491231002X";
const ON: &str = "2026-11-21";

/// `banka case --data <data> …` with the store's passphrase and nothing else from this
/// environment that would change what it does.
fn case(data: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_banka"));
    command
        .arg("case")
        .arg("--data")
        .arg(data)
        .env("BANKA_PASSPHRASE", PASSPHRASE)
        .env_remove("BANKA_BUNDLE_PASSPHRASE")
        .env_remove("BANKA_OPERATOR")
        .env_remove("BANKA_AGENCY_URL")
        .env_remove("BANKA_AGENCY_TOKEN")
        .stdin(Stdio::null());
    command
}

fn run(command: &mut Command, args: &[&str]) -> Output {
    command.args(args).output().expect("banka runs")
}

fn banka(data: &Path, args: &[&str]) -> Output {
    run(&mut case(data), args)
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!("stdout is one JSON value ({e}): {}\n{}", String::from_utf8_lossy(&out.stdout), stderr(out))
    })
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A new bj-individual draft with a name and an ID type; returns its id.
fn new_case(data: &Path) -> String {
    let answers = data.with_extension("answers.json");
    let first = json!({"notice.agreed": true, "applicant.name": "王小明", "applicant.id_type": "resident_id"});
    std::fs::write(&answers, first.to_string()).unwrap();
    let out = banka(data, &["new", "--flow", "bj-individual", "--answers", answers.to_str().unwrap(), "--on", ON]);
    assert_eq!(out.status.code(), Some(0), "{}", json(&out));
    let report = json(&out);
    assert_eq!(report["saved"].as_array().unwrap().len(), 3);
    assert_eq!(report["case"]["applicant_name"], "王小明");
    report["case"]["id"].as_str().unwrap().to_owned()
}

#[test]
fn a_case_goes_from_new_to_another_machine_and_is_deleted() {
    let here = tempfile::tempdir().unwrap();
    let data = here.path().join("data");
    let id = new_case(&data);

    let out = banka(&data, &["set", &id, "applicant.id_number", ID_NUMBER, "--on", ON, "--operator", "李娟"]);
    assert_eq!(out.status.code(), Some(0), "{}", json(&out));
    assert_eq!(json(&out)["changed"], true);
    let out = banka(&data, &["set", &id, "notice.agreed", "是"]);
    assert_eq!((out.status.code(), json(&out)["changed"].clone()), (Some(0), json!(false)), "是 is true");

    let out = banka(&data, &["show", &id, "--on", ON]);
    assert_eq!(out.status.code(), Some(0));
    let shown = json(&out);
    assert_eq!(shown["answers"]["applicant.id_number"], ID_NUMBER);
    let trail = shown["audit"].to_string();
    assert!(!trail.contains(ID_NUMBER) && trail.contains("1101**********002X"), "masked trail: {trail}");
    assert_eq!(
        shown["audit"].as_array().unwrap().last().unwrap()["actor"],
        json!({"kind": "operator", "name": "李娟"})
    );
    assert_eq!(shown["evaluation"]["ready"], false);
    assert!(!shown["evaluation"]["missing_documents"].as_array().unwrap().is_empty());

    for query in ["王小明", "002X", "002x"] {
        let page = json(&banka(&data, &["list", "--query", query]));
        assert_eq!(page["total"], 1, "{query}");
        assert_eq!(page["cases"][0]["id"], id.as_str());
        assert_eq!(page["cases"][0]["applicant_id_number_masked"], "1101**********002X");
    }
    assert_eq!(json(&banka(&data, &["list", "--query", "张"]))["total"], 0);
    assert_eq!(json(&banka(&data, &["list", "--status", "ready"]))["total"], 0);

    let bundle = here.path().join("cases.banka");
    let out = banka(&data, &["export", &id, "--out", bundle.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", json(&out));
    assert_eq!(json(&out)["exported"], json!([id]));
    assert!(bundle.exists());

    let there = here.path().join("there");
    let out = banka(&there, &["import", bundle.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", json(&out));
    assert_eq!(json(&out)["added"], json!([id]));
    assert_eq!(json(&banka(&there, &["show", &id]))["answers"]["applicant.id_number"], ID_NUMBER);

    let out = banka(&data, &["delete", &id, "--yes"]);
    assert_eq!((out.status.code(), json(&out)), (Some(0), json!({"deleted": id})));
    let out = banka(&data, &["show", &id]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["error"]["code"], "no_case");
    assert!(stderr(&out).starts_with("banka: 找不到案件"), "{}", stderr(&out));
}

#[test]
fn without_a_passphrase_and_a_terminal_nothing_is_asked_and_nothing_unlocked() {
    let here = tempfile::tempdir().unwrap();
    let data = here.path().join("data");
    let out = run(case(&data).env_remove("BANKA_PASSPHRASE"), &["new", "--flow", "bj-individual"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(json(&out)["error"]["code"], "no_key");
    assert!(stderr(&out).starts_with("banka: ") && !stderr(&out).contains("Passphrase:"), "{}", stderr(&out));
    assert!(!data.exists(), "no store is created without a key");

    new_case(&data);
    let out = run(case(&data).env_remove("BANKA_PASSPHRASE"), &["list"]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("no_key")));
    let out = run(case(&data).env("BANKA_PASSPHRASE", "not the passphrase"), &["list"]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("wrong_passphrase")));
}

#[test]
fn a_bad_id_number_is_saved_and_reported_and_a_wrong_field_refused() {
    let here = tempfile::tempdir().unwrap();
    let data = here.path().join("data");
    let id = new_case(&data);
    let out = banka(&data, &["set", &id, "applicant.id_number", "110105194912310021", "--on", ON]);
    assert_eq!(out.status.code(), Some(1));
    let saved = json(&out);
    assert_eq!(saved["changed"], true, "a half-right draft is never lost");
    assert_eq!(saved["errors"][0]["field"], "applicant.id_number");
    assert_eq!(json(&banka(&data, &["show", &id]))["answers"]["applicant.id_number"], "110105194912310021");

    let out = banka(&data, &["set", &id, "applicant.nickname", "小明"]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("unknown_field")));
    let out = banka(&data, &["finalize", &id, "--on", ON]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("not_ready")));
    let out = banka(&data, &["reopen", &id, "--reason", "typo"]);
    assert_eq!(json(&out)["error"]["code"], "bad_transition", "a draft is already a draft");
    let wrong = here.path().join("wrong.json");
    std::fs::write(&wrong, r#"{"applicant.name": "李四", "applicant.nickname": "小明"}"#).unwrap();
    let out = banka(&data, &["new", "--flow", "bj-individual", "--answers", wrong.to_str().unwrap()]);
    assert_eq!((out.status.code(), json(&out)["error"]["field"].clone()), (Some(1), json!("applicant.nickname")));
    assert_eq!(json(&banka(&data, &["list"]))["total"], 1, "a refused file leaves no case behind");
    let out = banka(&data, &["set", &id, "notice.agreed", "maybe"]);
    assert_eq!(json(&out)["error"]["field"], "notice.agreed");
    // Empty clears, and a required field is then reported missing.
    let out = banka(&data, &["set", &id, "applicant.id_number", ""]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        (json(&out)["changed"].clone(), json(&out)["errors"][0]["code"].clone()),
        (json!(true), json!("required"))
    );
    assert!(json(&banka(&data, &["show", &id]))["answers"].get("applicant.id_number").is_none());
}

#[test]
fn deleting_without_yes_and_without_a_terminal_is_a_usage_error() {
    let here = tempfile::tempdir().unwrap();
    let data = here.path().join("data");
    let id = new_case(&data);
    let out = banka(&data, &["delete", &id]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--yes"), "{}", stderr(&out));
    assert_eq!(banka(&data, &["show", &id]).status.code(), Some(0), "still there");
}

#[test]
fn an_empty_folder_has_no_cases_and_an_unknown_flow_is_refused() {
    let here = tempfile::tempdir().unwrap();
    let data = here.path().join("data");
    let out = banka(&data, &["list"]);
    assert_eq!((out.status.code(), json(&out)), (Some(0), json!({"total": 0, "cases": []})));
    assert_eq!(json(&banka(&data, &["show", "nope"]))["error"]["code"], "no_case");
    let out = banka(&data, &["new", "--flow", "xx-nothing"]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("unknown_flow")));
    let out = banka(&data, &["new", "--flow", "bj-individual", "--answers", "/nonexistent.json"]);
    assert_eq!(out.status.code(), Some(2), "a missing answers file is a usage error");
    assert!(!data.exists());
}

fn images() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../banka-photos/tests/images"))
}

fn codes(check: &Value) -> Vec<&str> {
    check["problems"].as_array().unwrap().iter().map(|p| p["code"].as_str().unwrap()).collect()
}

/// The good portrait saved again at low quality: under the card photo's 20 KB.
fn too_small_photo(dir: &Path) -> std::path::PathBuf {
    let portrait = image::open(images().join("portrait-ok.jpg")).unwrap().to_rgb8();
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 15).encode_image(&portrait).unwrap();
    assert!(bytes.len() < 20 * 1024);
    let path = dir.join("small.jpg");
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn pictures_are_attached_checked_and_detached() {
    let here = tempfile::tempdir().unwrap();
    let data = here.path().join("data");
    let id = new_case(&data);
    let ok = images().join("portrait-ok.jpg");

    let out = banka(&data, &["attach", &id, "card_photo", ok.to_str().unwrap(), "--operator", "李娟"]);
    assert_eq!(out.status.code(), Some(0), "{}", json(&out));
    let attached = json(&out);
    assert_eq!(attached["blocked"], false);
    assert_eq!((attached["check"]["ok"].clone(), codes(&attached["check"])), (json!(true), vec![]));
    assert_eq!(attached["check"]["width"], 358);
    let document = &attached["document"];
    assert_eq!(
        (document["kind"].as_str(), document["file_name"].as_str()),
        (Some("card_photo"), Some("portrait-ok.jpg"))
    );
    assert_eq!(document["size"].as_u64(), Some(std::fs::metadata(&ok).unwrap().len()));
    assert_eq!(document["checks"], attached["check"], "the check is stored with the document");
    let shown = json(&banka(&data, &["show", &id, "--on", ON]));
    assert_eq!(shown["documents"][0]["sha256"], document["sha256"]);
    let last = shown["audit"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["actor"], json!({"kind": "operator", "name": "李娟"}));
    let missing = shown["evaluation"]["missing_documents"].as_array().unwrap();
    assert!(!missing.contains(&json!("card_photo")), "{missing:?}");

    // Stored, but the agency would refuse it: exit 1, and the output says why.
    let small = too_small_photo(here.path());
    let out = banka(&data, &["attach", &id, "card_photo", small.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", json(&out));
    let attached = json(&out);
    assert_eq!(attached["blocked"], true);
    assert!(attached["message"]["en"].as_str().unwrap().contains("file_too_small"), "{attached}");
    assert!(attached["message"]["zh"].as_str().unwrap().contains("拒收"));
    assert!(stderr(&out).contains("file_too_small"), "{}", stderr(&out));
    let problem = attached["check"]["problems"].as_array().unwrap().iter().find(|p| p["code"] == "file_too_small");
    let problem = problem.unwrap_or_else(|| panic!("{attached}"));
    assert_eq!((problem["blocks"].clone(), problem["fixable"].clone()), (json!(true), json!(true)));
    assert!(problem["message"]["zh"].as_str().unwrap().contains("20 KB"));
    assert!(problem["message"]["en"].as_str().unwrap().contains("20 KB"));
    let shown = json(&banka(&data, &["show", &id]));
    assert_eq!(shown["documents"][0]["file_name"], "small.jpg", "it replaced the good one");
    assert_eq!(shown["documents"][0]["checks"]["problems"], attached["check"]["problems"]);

    // What the agency would refuse cannot be used anyway; the stored picture is fixed in place
    // (the window's 一键修正), its fix's own report stored with it.
    let out = banka(&data, &["accept", &id, "card_photo"]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("bad_document")));
    let out = banka(&data, &["fix", &id, "card_photo"]);
    assert_eq!(out.status.code(), Some(0), "{}", json(&out));
    let fixed = json(&out);
    assert_eq!(
        (fixed["blocked"].clone(), fixed["document"]["file_name"].clone()),
        (json!(false), json!("small-fixed.jpg"))
    );
    assert!(fixed["changes"].as_array().unwrap().iter().any(|c| c["code"] == "encoded"), "{fixed}");
    let shown = json(&banka(&data, &["show", &id]));
    assert_eq!(shown["documents"][0]["checks"], fixed["check"], "{shown}");
    // The cartoon photo is for children under 7 only.
    let out = banka(&data, &["default-photo", &id]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("not_offered")));

    // --fix stores the fixed picture, as the window's fix does.
    let out = banka(&data, &["attach", &id, "card_photo", small.to_str().unwrap(), "--fix"]);
    assert_eq!(out.status.code(), Some(0), "{}", json(&out));
    let fixed = json(&out);
    assert_eq!(fixed["blocked"], false);
    assert!(!codes(&fixed["check"]).contains(&"file_too_small"));
    assert_eq!(fixed["document"]["file_name"], "small-fixed.jpg");
    assert!(fixed["changes"].as_array().unwrap().iter().any(|c| c["code"] == "encoded"), "{fixed}");

    let out = banka(&data, &["detach", &id, "card_photo"]);
    assert_eq!(
        (out.status.code(), json(&out)),
        (Some(0), json!({"case": id, "detached": "card_photo", "removed": true}))
    );
    let shown = json(&banka(&data, &["show", &id, "--on", ON]));
    assert_eq!(shown["documents"], json!([]));
    assert!(shown["evaluation"]["missing_documents"].as_array().unwrap().contains(&json!("card_photo")));
    let out = banka(&data, &["detach", &id, "card_photo"]);
    assert_eq!((out.status.code(), json(&out)["removed"].clone()), (Some(0), json!(false)));
}

#[test]
fn attach_refuses_unknown_kinds_missing_files_and_endless_ones() {
    let here = tempfile::tempdir().unwrap();
    let data = here.path().join("data");
    let id = new_case(&data);
    let ok = images().join("portrait-ok.jpg");

    let out = banka(&data, &["attach", &id, "passport", ok.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("card_photo") && stderr(&out).contains("id_card_front"), "{}", stderr(&out));
    assert_eq!(banka(&data, &["detach", &id, "passport"]).status.code(), Some(2));

    let missing = here.path().join("missing.jpg");
    let out = banka(&data, &["attach", &id, "card_photo", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("missing.jpg"), "{}", stderr(&out));

    // Read up to the store's limit and no further.
    if Path::new("/dev/zero").exists() {
        let out = banka(&data, &["attach", &id, "card_photo", "/dev/zero"]);
        assert_eq!(out.status.code(), Some(1));
        let error = &json(&out)["error"];
        assert_eq!(
            (error["code"].as_str(), error["field"].as_str()),
            (Some("file_too_large"), Some("documents.card_photo"))
        );
        assert!(error["message"]["en"].as_str().unwrap().contains("/dev/zero"), "{error}");
        assert!(error["message"]["zh"].as_str().unwrap().contains("30 MB"), "{error}");
    }

    // A kind this flow does not take, and a file that is no picture.
    let out = banka(&data, &["attach", &id, "birth_certificate", ok.to_str().unwrap()]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("bad_document")));
    let junk = here.path().join("junk.jpg");
    std::fs::write(&junk, "not a picture").unwrap();
    let out = banka(&data, &["attach", &id, "card_photo", junk.to_str().unwrap(), "--fix"]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("unreadable")));
    assert_eq!(json(&banka(&data, &["show", &id]))["documents"], json!([]), "nothing was stored");

    let elsewhere = here.path().join("elsewhere");
    let out = banka(&elsewhere, &["attach", &id, "card_photo", ok.to_str().unwrap()]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("no_case")));
}

#[test]
fn finalize_names_every_problem_in_both_languages() {
    let here = tempfile::tempdir().unwrap();
    let data = here.path().join("data");
    let id = new_case(&data);
    let ok = images().join("portrait-ok.jpg");
    assert_eq!(banka(&data, &["attach", &id, "card_photo", ok.to_str().unwrap()]).status.code(), Some(0));

    let out = banka(&data, &["finalize", &id, "--on", ON]);
    assert_eq!(out.status.code(), Some(1));
    let error = &json(&out)["error"];
    assert_eq!(error["code"], "not_ready");
    let problems = error["problems"].as_array().unwrap();
    assert!(error["message"]["en"].as_str().unwrap().contains(&problems.len().to_string()), "{error}");
    for p in problems {
        for text in [&p["field"], &p["code"], &p["message"]["zh"], &p["message"]["en"]] {
            assert!(!text.as_str().unwrap_or_default().is_empty(), "{p}");
        }
    }
    let find =
        |field: &str| problems.iter().find(|p| p["field"] == field).unwrap_or_else(|| panic!("{field}: {error}"));
    assert_eq!(find("applicant.id_number")["code"], "required");
    let front = find("documents.id_card_front");
    assert_eq!(front["code"], "document_missing");
    assert!(front["message"]["zh"].as_str().unwrap().contains("身份证"));
    assert!(front["message"]["en"].as_str().unwrap().contains("ID card"));
    assert!(problems.iter().all(|p| p["field"] != "documents.card_photo"), "the photo is there");
    assert!(stderr(&out).contains("applicant.id_number: 请填写证件号码。 / Enter the ID number."), "{}", stderr(&out));
    assert_eq!(json(&banka(&data, &["show", &id]))["status"], "draft");
}

#[test]
fn check_reports_a_whole_store_and_exits_0() {
    let data = tempfile::tempdir().unwrap();
    let made = banka(data.path(), &["new", "--flow", "bj-individual"]);
    assert_eq!(made.status.code(), Some(0), "{}", String::from_utf8_lossy(&made.stderr));
    let out = Command::new(env!("CARGO_BIN_EXE_banka"))
        .args(["check", "--data"])
        .arg(data.path())
        .env("BANKA_PASSPHRASE", PASSPHRASE)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!((report["ok"].as_bool(), report["cases_checked"].as_u64()), (Some(true), Some(1)), "{report}");
    assert_eq!(report["damaged"], serde_json::json!([]));
}

/// `banka agency settings --data <data> …`.
fn agency_settings(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banka"))
        .args(["agency", "settings", "--data"])
        .arg(data)
        .args(args)
        .env("BANKA_PASSPHRASE", PASSPHRASE)
        .stdin(Stdio::null())
        .output()
        .expect("banka runs")
}

/// One person, one card, from the command line with the agency saved in the store (training
/// mode): G1 for someone holding two other cities' cards is refused at eligibility (`ask`); the
/// clean-up is started for the same person (`follow`), submitted and sent; `continue` goes back
/// to the refused application and asks again. The window's walk, without the window.
#[test]
fn the_command_line_asks_follows_submits_and_continues_with_the_saved_agency() {
    let here = tempfile::tempdir().unwrap();
    let data = here.path().join("data");
    let two_cards = "440106198507210018";
    let answers = here.path().join("g1.json");
    let g1_answers = json!({
        "notice.agreed": true, "applicant.resident_type": "mainland", "applicant.id_type": "resident_id",
        "applicant.id_number": two_cards, "identity.verified_by": "agency_face_check", "applicant.name": "陈志强",
        "applicant.social_security_number": two_cards, "card.city": "4401",
    });
    std::fs::write(&answers, g1_answers.to_string()).unwrap();
    let out = banka(&data, &["new", "--flow", "gd-individual", "--answers", answers.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", json(&out));
    let g1 = json(&out)["case"]["id"].as_str().unwrap().to_owned();

    // No agency set up yet: asking is refused, saying what to do.
    let out = banka(&data, &["ask", &g1]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("agency_not_configured")));
    let out = agency_settings(&data, &["--endpoint", "http://agency.example.cn", "--token", "t"]);
    let error = &json(&out)["error"];
    assert_eq!((out.status.code(), error["field"].as_str()), (Some(1), Some("endpoint")), "{error}");
    let settings = json(&agency_settings(&data, &[]));
    assert_eq!(
        (settings["endpoint"].clone(), settings["training"].clone()),
        (Value::Null, json!(false)),
        "nothing saved"
    );
    let out = agency_settings(&data, &["--training", "on"]);
    assert_eq!((out.status.code(), json(&out)["training"].clone()), (Some(0), json!(true)), "{}", stderr(&out));

    let saved = |args: &[&str]| banka(&data, args);
    let out = saved(&["ask", &g1]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let refused = json(&out);
    assert_eq!(refused["evaluation"]["next_flow"], "gd-card-cleanup", "{refused}");

    let out = saved(&["follow", &g1]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let cleanup = json(&out);
    let cleanup_id = cleanup["id"].as_str().unwrap().to_owned();
    assert_eq!(cleanup["flow_id"], "gd-card-cleanup");
    assert_eq!(cleanup["answers"]["applicant.social_security_number"], two_cards, "the same person");
    assert_eq!(cleanup["answers"]["agency.cards"].as_array().map(Vec::len), Some(2), "{}", cleanup["answers"]);
    let out = saved(&["submit", &cleanup_id]);
    assert_eq!((out.status.code(), json(&out)["error"]["code"].clone()), (Some(1), json!("not_ready")));
    for (field, value) in [("notice.agreed", "yes"), ("cleanup.confirmed", "yes")] {
        assert_eq!(saved(&["set", &cleanup_id, field, value]).status.code(), Some(0));
    }
    let out = saved(&["submit", &cleanup_id]);
    assert_eq!((out.status.code(), json(&out)["status"].clone()), (Some(0), json!("queued")), "{}", stderr(&out));

    // `outbox send` with no address sends to the saved (training) agency.
    let out = Command::new(env!("CARGO_BIN_EXE_banka"))
        .args(["outbox", "send", "--once", "--data"])
        .arg(&data)
        .env("BANKA_PASSPHRASE", PASSPHRASE)
        .env_remove("BANKA_AGENCY_URL")
        .env_remove("BANKA_AGENCY_TOKEN")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json(&out)["sent"]["submitted"], 1, "{}", json(&out));

    let out = saved(&["continue", &cleanup_id]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let again = json(&out);
    assert_eq!(again["id"], g1.as_str(), "the application that was refused");
    assert_eq!(again["answers"]["agency.eligibility"], "eligible", "asked again: {}", again["answers"]);
    assert_eq!(again["evaluation"]["next_flow"], Value::Null);
}
