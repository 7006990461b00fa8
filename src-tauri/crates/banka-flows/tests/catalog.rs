//! Every shipped definition is well-formed, and the checker catches broken ones.

use banka_flows::catalog;
use banka_flows::definition::{Flow, Shared};
use banka_flows::wellformed;

#[test]
fn every_shipped_flow_loads_and_is_well_formed() {
    let flows = catalog::load().expect("well-formed");
    assert!(flows.len() >= 2);
    for f in &flows {
        assert!(
            f.steps
                .first()
                .is_some_and(|s| s.fields.iter().any(|x| x.input == banka_flows::definition::Input::Consent)),
            "{}: starts with a notice",
            f.id
        );
        let notice = &f.steps[0];
        assert!(
            notice.text_zh.as_deref().is_some_and(|t| t.len() > 40) && notice.text_en.is_some(),
            "{}: the notice says what is agreed to, in both languages",
            f.id
        );
        assert!(f.steps.iter().any(|s| s.id == "check-answers"), "{}: has check-answers", f.id);
    }
}

fn problems(steps: &str) -> Vec<String> {
    let text = format!(
        "id = \"t\"\nversion = 1\ntitle_zh = \"t\"\ntitle_en = \"t\"\njurisdiction = \"beijing\"\nsource = \"test\"\nwords = {{ confirm = {{ zh = \"t\", en = \"t\" }}, done = {{ zh = \"t\", en = \"t\" }} }}\n{steps}"
    );
    let flow = Flow::parse("t.toml", &text, &Shared::default()).expect("parses");
    wellformed::check(&flow).err().unwrap_or_default()
}

#[test]
fn conditions_may_only_read_earlier_fields() {
    let p = problems(
        r#"steps = [
  { id = "a", title_zh = "a", title_en = "a", fields = [
    { path = "x", type = "text", label_zh = "x", label_en = "x", when = { field = "y", answered = true } },
    { path = "y", type = "text", label_zh = "y", label_en = "y" },
  ] },
]"#,
    );
    assert!(p.iter().any(|m| m.contains("reads \"y\"")), "{p:?}");
}

#[test]
fn conditions_must_compare_with_a_possible_value() {
    let p = problems(
        r#"steps = [
  { id = "a", title_zh = "a", title_en = "a", fields = [
    { path = "t", type = "choice", label_zh = "t", label_en = "t", options = [{ value = "resident_id", zh = "居民身份证", en = "ID" }] },
    { path = "u", type = "text", label_zh = "u", label_en = "u", when = { field = "t", is = "hukuo" } },
  ] },
]"#,
    );
    assert!(p.iter().any(|m| m.contains("can never be")), "{p:?}");
}

#[test]
fn duplicates_documents_and_collection_methods_are_checked() {
    let p = problems(
        r#"steps = [
  { id = "a", title_zh = "a", title_en = "a", fields = [
    { path = "collection.method", type = "choice", label_zh = "m", label_en = "m", options = [{ value = "drone", zh = "无人机", en = "drone" }] },
    { path = "collection.method", type = "text", label_zh = "m", label_en = "m" },
  ] },
  { id = "a", title_zh = "a", title_en = "a" },
]
documents = [{ kind = "card_photo", step = "a" }]"#,
    );
    for needle in ["step \"a\" is defined twice", "defined twice", "collection methods", "not a documents step"] {
        assert!(p.iter().any(|m| m.contains(needle)), "{needle}: {p:?}");
    }
}

#[test]
fn unknown_keys_and_shapes_are_refused_when_parsing() {
    let bad = "id = \"t\"\nversion = 1\ntitle_zh = \"t\"\ntitle_en = \"t\"\njurisdiction = \"beijing\"\nsource = \"s\"\nwords = { confirm = { zh = \"t\", en = \"t\" }, done = { zh = \"t\", en = \"t\" } }\nsteps = []\ncolour = \"red\"";
    assert!(Flow::parse("t.toml", bad, &Shared::default()).unwrap_err().contains("t.toml"));
    let missing_use = "id = \"t\"\nversion = 1\ntitle_zh = \"t\"\ntitle_en = \"t\"\njurisdiction = \"beijing\"\nsource = \"s\"\nwords = { confirm = { zh = \"t\", en = \"t\" }, done = { zh = \"t\", en = \"t\" } }\nsteps = [{ use = \"nope\" }]";
    assert!(Flow::parse("t.toml", missing_use, &Shared::default()).unwrap_err().contains("no shared step"));
}

#[test]
fn option_filters_need_one_value_or_an_earlier_field() {
    let p = problems(
        r#"steps = [
  { id = "a", title_zh = "a", title_en = "a", fields = [
    { path = "bank.branch", type = "choice", label_zh = "b", label_en = "b", options_from = { path = "agency.branches", only = { key = "bank", same_as = "bank.name" } } },
    { path = "bank.name", type = "choice", label_zh = "n", label_en = "n", options_from = { path = "agency.banks", only = { key = "k" } } },
    { path = "x", type = "choice", label_zh = "x", label_en = "x", options_from = { path = "answers.x" } },
  ] },
]"#,
    );
    for needle in ["`same_as` reads \"bank.name\"", "exactly one of `is` and `same_as`", "must read the agency's data"]
    {
        assert!(p.iter().any(|m| m.contains(needle)), "{needle}: {p:?}");
    }
}

#[test]
fn each_flow_names_the_agency_data_it_reads() {
    let inputs = |id: &str| banka_flows::catalog::get(id).unwrap().agency_inputs();
    assert!(inputs("gd-individual").contains("agency.eligibility"));
    assert!(inputs("bj-retiree").contains("agency.pension_bank"));
    assert!(inputs("bj-employer-submit").contains("agency.employees"));
    assert!(!inputs("bj-individual").contains("agency.employees"));
    for flow in banka_flows::catalog::all() {
        assert!(flow.agency_inputs().iter().all(|p| p.starts_with("agency.") && p.len() > 7), "{}", flow.id);
    }
}

#[test]
fn an_sms_code_is_sent_to_an_earlier_mobile_number() {
    let p = problems(
        r#"steps = [
  { id = "a", title_zh = "a", title_en = "a", fields = [
    { path = "x.sms_code", type = "text", sms_to = "x.mobile", label_zh = "x", label_en = "x" },
    { path = "x.mobile", type = "mobile", label_zh = "m", label_en = "m" },
    { path = "y.sms_code", type = "text", sms_to = "x.mobile", label_zh = "y", label_en = "y" },
  ] },
]"#,
    );
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].contains("x.sms_code") && p[0].contains("sms_to"), "{p:?}");
}

#[test]
fn a_check_answers_layout_shows_every_answer_exactly_once() {
    let p = problems(
        r#"steps = [
  { id = "a", title_zh = "a", title_en = "a", fields = [
    { path = "x", type = "text", label_zh = "x", label_en = "x" },
    { path = "y", type = "text", label_zh = "y", label_en = "y" },
    { path = "z", type = "text", label_zh = "z", label_en = "z" },
    { path = "ok", type = "consent", label_zh = "ok", label_en = "ok" },
  ] },
  { id = "u", title_zh = "u", title_en = "u", kind = "documents" },
]
documents = [{ kind = "card_photo", step = "u" }]
check_answers = [
  { id = "s", title_zh = "s", title_en = "s", fields = ["x", "y", "nowhere"] },
  { id = "s", title_zh = "t", title_en = "t", fields = ["y", "ok"] },
]"#,
    );
    for needle in [
        "section \"s\" is defined twice",
        "no field \"nowhere\"",
        "\"y\" is in more than one section",
        "\"ok\" is a consent or an SMS code",
        "\"z\" is in no section",
        "uploads must be in exactly one section, not 0",
    ] {
        assert!(p.iter().any(|m| m.contains(needle)), "{needle}: {p:?}");
    }
    assert_eq!(p.len(), 6, "{p:?}");
}

#[test]
fn a_roster_needs_an_agency_list_and_a_default_picture_a_yes_no() {
    let p = problems(
        r#"steps = [
  { id = "a", title_zh = "a", title_en = "a", fields = [
    { path = "x", type = "multi-choice", roster = true, label_zh = "x", label_en = "x", options = [{ value = "1", zh = "一", en = "one" }] },
    { path = "y", type = "text", default_document = "card_photo", label_zh = "y", label_en = "y" },
  ] },
]"#,
    );
    assert_eq!(p.len(), 2, "{p:?}");
    assert!(p[0].contains("\"x\"") && p[0].contains("roster"), "{p:?}");
    assert!(p[1].contains("\"y\"") && p[1].contains("yes/no"), "{p:?}");
}
