//! The `banka` binary as a script would use it: JSON on stdout, exit status 0 / 1 / 2.

use std::process::{Command, Output};

fn banka(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_banka")).args(args).output().expect("banka runs")
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON value")
}

#[test]
fn valid_id_number_prints_what_it_says() {
    let out = banka(&["validate", "id-number", "11010519491231002x", "--on", "2026-11-21"]);
    assert_eq!(out.status.code(), Some(0));
    let j = json(&out);
    assert_eq!(j["valid"], true);
    assert_eq!(j["normalized"], "11010519491231002X");
    assert_eq!(j["birth_date"], "1949-12-31");
    assert_eq!(j["gender"], "female");
    assert_eq!(j["region"], "北京市朝阳区");
    assert_eq!(j["kind"], "citizen_id");
    assert_eq!(j["age"], 76);
}

#[test]
fn invalid_value_exits_1_with_bilingual_errors() {
    let out = banka(&["validate", "uscc", "91110000600037341M"]);
    assert_eq!(out.status.code(), Some(1));
    let j = json(&out);
    assert_eq!(j["valid"], false);
    let e = &j["errors"][0];
    assert_eq!(e["code"], "check_character");
    assert!(e["message"]["zh"].as_str().unwrap().contains("统一社会信用代码"));
    assert!(e["message"]["en"].as_str().unwrap().contains("Unified Social Credit Code"));
}

#[test]
fn every_kind_is_accepted() {
    for (kind, value) in [
        ("hk-macau-travel-permit", "H12345678"),
        ("taiwan-travel-permit", "12345678"),
        ("foreign-pr-id", "911840198503150120"),
        ("mobile", "+86 138 0013 8000"),
        ("postal-code", "100010"),
        ("social-security-number", "11010519491231002X"),
    ] {
        let out = banka(&["validate", kind, value]);
        assert_eq!(out.status.code(), Some(0), "{kind} {value}: {}", String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn beijing_postal_warning_keeps_exit_0() {
    let out = banka(&["validate", "postal-code", "200000", "--beijing-address"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["warnings"][0]["code"], "postal_code_not_beijing");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(banka(&["validate", "passport", "E123"]).status.code(), Some(2));
    assert_eq!(banka(&["validate", "mobile"]).status.code(), Some(2));
    assert_eq!(banka(&["validate", "mobile", "--batch", "/nonexistent.csv"]).status.code(), Some(2));
    assert_eq!(banka(&[]).status.code(), Some(2));
    // The tester's --on 9999-12-31 (an age of 8011): refused, saying which dates are taken.
    let far = banka(&["validate", "id-number", "11010519491231002X", "--on", "9999-12-31"]);
    assert_eq!(far.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&far.stderr).contains("give one from 2000-01-01"), "{far:?}");
    assert_eq!(banka(&["validate", "id-number", "11010519491231002X", "--on", "1899-01-01"]).status.code(), Some(2));
    assert_eq!(banka(&["validate", "id-number", "11010519491231002X", "--on", "2024-02-30"]).status.code(), Some(2));
    assert_eq!(banka(&["validate", "id-number", "11010519491231002X", "--on", "2024-02-29"]).status.code(), Some(0));
}

#[test]
fn batch_reports_rows_and_exits_1_when_any_is_invalid() {
    let dir = std::env::temp_dir().join(format!("banka-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("staff.csv");
    let (gbk, _, _) = encoding_rs::GBK.encode("姓名,手机\n张三,13800138000\n李四,12800138000\n");
    std::fs::write(&file, &gbk).unwrap();
    let out = banka(&["validate", "mobile", "--batch", file.to_str().unwrap(), "--column", "手机"]);
    assert_eq!(out.status.code(), Some(1));
    let j = json(&out);
    assert_eq!((j["total"].as_u64(), j["valid"].as_u64(), j["invalid"].as_u64()), (Some(2), Some(1), Some(1)));
    assert_eq!(j["rows"][1]["row"], 3);
    assert_eq!(j["rows"][1]["errors"][0]["code"], "mobile_prefix");
    let missing = banka(&["validate", "mobile", "--batch", file.to_str().unwrap(), "--column", "电话"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("姓名, 手机"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn flow_list_shows_every_flow_with_its_version() {
    let out = banka(&["flow", "list"]);
    assert_eq!(out.status.code(), Some(0));
    let list = json(&out);
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(|f| f["id"].as_str().unwrap()).collect();
    assert!(ids.contains(&"bj-individual") && ids.contains(&"bj-minor"), "{ids:?}");
    assert!(list[0]["title"]["zh"].is_string() && list[0]["title"]["en"].is_string() && list[0]["version"].is_u64());
}

#[test]
fn flow_show_prints_the_definition() {
    let out = banka(&["flow", "show", "bj-minor"]);
    assert_eq!(out.status.code(), Some(0));
    let def = json(&out);
    assert_eq!(def["id"], "bj-minor");
    assert!(def["steps"].as_array().unwrap().iter().any(|s| s["id"] == "relationship"));
    assert_eq!(banka(&["flow", "show", "bj-nothing"]).status.code(), Some(2));
}

#[test]
fn flow_evaluate_reports_documents_methods_errors_and_readiness() {
    let dir = std::env::temp_dir().join(format!("banka-flow-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("answers.json");
    std::fs::write(&file, r#"{"applicant.id_type": "hukou", "proxy.is_householder": false}"#).unwrap();
    let out = banka(&["flow", "evaluate", "bj-minor", file.to_str().unwrap(), "--on", "2026-11-21"]);
    assert_eq!(out.status.code(), Some(1), "not ready");
    let e = json(&out);
    assert_eq!(e["ready"], false);
    assert_eq!(e["allowed_collection_methods"], serde_json::json!(["branch_pickup"]));
    let docs = e["required_documents"].as_array().unwrap();
    assert!(docs.contains(&serde_json::json!("birth_certificate")));
    assert!(docs.contains(&serde_json::json!("hukou_main_page")));
    assert!(!docs.contains(&serde_json::json!("hukou_householder_page")));
    let error = &e["errors"][0];
    for text in [&error["field"], &error["code"], &error["message"]["zh"], &error["message"]["en"]] {
        assert!(text.is_string(), "{error}");
    }
    assert!(e["steps"].is_array() && e["locked_fields"].is_array());
    std::fs::write(&file, "[1, 2]").unwrap();
    assert_eq!(banka(&["flow", "evaluate", "bj-minor", file.to_str().unwrap()]).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn flow_evaluate_tries_a_draft_file_with_the_shared_pieces_beside_it_and_answers_from_stdin() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("shared.toml"),
        "[fields]\nwho = [{ path = \"applicant.name\", type = \"person-name\", label_zh = \"姓名\", label_en = \"name\" }]\n",
    )
    .unwrap();
    let draft = dir.path().join("draft.toml");
    std::fs::write(
        &draft,
        r#"id = "draft"
version = 1
title_zh = "草稿"
title_en = "Draft"
jurisdiction = "beijing"
source = "a test"
words = { confirm = { zh = "确认？", en = "Sure?" }, done = { zh = "好了", en = "Done" } }
steps = [{ id = "s", title_zh = "第一步", title_en = "First", fields = [{ use = "who" }] }]
"#,
    )
    .unwrap();
    let evaluate = |answers: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_banka"))
            .args(["flow", "evaluate", draft.to_str().unwrap(), "-", "--on", "2026-11-21"])
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(answers.as_bytes()).unwrap();
        child.wait_with_output().unwrap()
    };
    let out = evaluate("{}");
    assert_eq!(out.status.code(), Some(1), "not ready: {}", String::from_utf8_lossy(&out.stderr));
    let e = json(&out);
    assert_eq!((e["flow"].as_str(), e["errors"][0]["field"].as_str()), (Some("draft"), Some("applicant.name")));
    assert_eq!(evaluate(r#"{"applicant.name": "张三"}"#).status.code(), Some(0), "ready");
    // A draft that is not well formed is refused, naming the file.
    std::fs::write(&draft, "id = 1").unwrap();
    let out = evaluate("{}");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("draft.toml"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[cfg(unix)]
#[test]
fn endless_or_binary_files_are_refused_with_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let answers_json = dir.path().join("answers.json");
    std::fs::write(&answers_json, "{}").unwrap();
    let answers = answers_json.to_str().unwrap();
    for args in [
        vec!["flow", "evaluate", "bj-individual", "/dev/zero"],
        vec!["validate", "id-number", "--batch", "/dev/zero"],
        vec!["photo", "check", "/dev/zero", "--kind", "card_photo"],
    ] {
        let out = banka(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("MB limit"),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert_eq!(banka(&["flow", "evaluate", "bj-individual", answers]).status.code(), Some(1), "a small file is read");

    let utf16 = dir.path().join("roster.csv");
    let bytes: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("身份证号码\n".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(&utf16, bytes).unwrap();
    let out = banka(&["validate", "id-number", "--batch", utf16.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-16"));
}
