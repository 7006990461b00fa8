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
