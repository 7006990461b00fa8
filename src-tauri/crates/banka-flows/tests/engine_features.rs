//! Engine features on small inline definitions: options from the agency's data, multiple
//! choices, regions, agency refusals that lead to another flow, and version changes.

mod common;

use banka_flows::definition::{Flow, Shared};
use banka_flows::{evaluate, Answers, Evaluation, Situation};
use common::{answers, today};
use serde_json::json;

fn flow(body: &str) -> Flow {
    let text = format!(
        "id = \"t\"\nversion = 3\ntitle_zh = \"t\"\ntitle_en = \"t\"\njurisdiction = \"guangdong\"\nsource = \"test\"\nwords = {{ confirm = {{ zh = \"t\", en = \"t\" }}, done = {{ zh = \"t\", en = \"t\" }} }}\n{body}"
    );
    let flow = Flow::parse("t.toml", &text, &Shared::default()).expect("parses");
    banka_flows::wellformed::check(&flow).expect("well-formed");
    flow
}

fn run(flow: &Flow, a: &Answers, started_version: Option<u32>) -> Evaluation {
    evaluate(flow, a, &Situation { today: today(), started_version })
}

fn codes(e: &Evaluation, field: &str) -> Vec<String> {
    e.errors.iter().filter(|x| x.field == field).map(|x| x.finding.code.clone()).collect()
}

const EMPLOYEES: &str = r#"steps = [{ id = "s", title_zh = "s", title_en = "s", fields = [
  { path = "submit.employees", type = "multi-choice", label_zh = "提交的职工", label_en = "employees to submit",
    options_from = { path = "agency.employees", value = "id", label = "name", only = { key = "status", is = "confirmed" } } },
] }]"#;

#[test]
fn options_from_the_agency_keep_only_matching_items() {
    let f = flow(EMPLOYEES);
    let agency = json!([
        {"id": "e1", "name": "张三", "status": "confirmed"},
        {"id": "e2", "name": "李四", "status": "unconfirmed"},
        {"id": "e3", "name": "王五", "status": "confirmed"},
    ]);
    let e = run(&f, &answers(json!({"agency.employees": agency, "submit.employees": ["e1", "e3"]})), None);
    assert!(e.ready, "{:#?}", e.errors);
    let options: Vec<_> = e.fields[0].options.iter().map(|o| o.label.zh.as_str()).collect();
    assert_eq!(options, ["张三", "王五"]);
    let e = run(&f, &answers(json!({"agency.employees": agency, "submit.employees": ["e1", "e2"]})), None);
    assert_eq!(codes(&e, "submit.employees"), ["not_an_option"], "unconfirmed employees cannot be submitted");
    let e = run(&f, &answers(json!({"agency.employees": agency, "submit.employees": []})), None);
    assert_eq!(codes(&e, "submit.employees"), ["required"]);
}

#[test]
fn regions_must_be_current_county_level_codes() {
    let f = flow(
        r#"steps = [{ id = "s", title_zh = "s", title_en = "s", fields = [
  { path = "collection.area", type = "region", label_zh = "所在地区", label_en = "area" },
] }]"#,
    );
    assert!(run(&f, &answers(json!({"collection.area": "440106"})), None).ready);
    assert!(run(&f, &answers(json!({"collection.area": 440106})), None).ready);
    for stale in ["110103", "440100", "999999", "abc"] {
        let e = run(&f, &answers(json!({"collection.area": stale})), None);
        assert_eq!(codes(&e, "collection.area"), ["region_not_current"], "{stale}");
    }
}

#[test]
fn an_agency_refusal_stops_the_flow_and_names_the_next() {
    let f = flow(
        r#"steps = [{ id = "s", title_zh = "s", title_en = "s", fields = [
  { path = "applicant.social_security_number", type = "social-security-number", label_zh = "社会保障号", label_en = "social security number" },
] }]
rules = [{ kind = "agency-refusal", field = "applicant.social_security_number", when = { field = "agency.eligibility", is = "one_person_one_card" }, refusal = "one_person_one_card", next_flow = "gd-card-cleanup" }]"#,
    );
    let base = json!({"applicant.social_security_number": "11010519491231002X"});
    assert!(run(&f, &answers(base.clone()), None).ready);
    let mut refused = base;
    refused["agency.eligibility"] = json!("one_person_one_card");
    let e = run(&f, &answers(refused), None);
    assert!(!e.ready);
    assert_eq!(codes(&e, "applicant.social_security_number"), ["one_person_one_card"]);
    assert!(e.errors[0].finding.message.zh.contains("一人一卡"));
    assert_eq!(e.next_flow.as_deref(), Some("gd-card-cleanup"));
}

#[test]
fn a_newer_definition_lists_the_answers_to_revisit() {
    let f = flow(
        r#"steps = [{ id = "s", title_zh = "s", title_en = "s", fields = [
  { path = "a", type = "text", label_zh = "a", label_en = "a" },
  { path = "b", type = "text", label_zh = "b", label_en = "b" },
] }]
changes = [
  { version = 2, fields = ["a"], why_zh = "说明已修改", why_en = "wording changed" },
  { version = 3, fields = ["b"], why_zh = "新增选项", why_en = "new options" },
]"#,
    );
    let a = answers(json!({"a": "x", "b": "y"}));
    assert_eq!(run(&f, &a, Some(1)).revisit, ["a", "b"]);
    assert_eq!(run(&f, &a, Some(2)).revisit, ["b"]);
    assert!(run(&f, &a, Some(3)).revisit.is_empty());
    assert!(run(&f, &a, None).revisit.is_empty());
}
