//! Whatever the answers, every shipped flow evaluates without panicking, and its verdict is
//! consistent: ready means no error and nothing missing; hidden fields carry no value.

use banka_flows::engine::Status;
use banka_flows::{catalog, evaluate, Answers, Situation};
use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{json, Value};

fn any_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        "\\PC{0,20}".prop_map(Value::String),
        prop::sample::select(vec!["resident_id", "hukou", "mail", "branch_pickup", "01", "110105", "2020-02-29"])
            .prop_map(|s| json!(s)),
        Just(json!("11010519491231002X")),
        Just(json!(["e1", 3])),
        Just(json!({"nested": true})),
    ]
}

/// Answers under the flow's own field paths (and a few outside them), with values of any shape.
fn any_answers(paths: Vec<String>) -> impl Strategy<Value = Answers> {
    let keys = prop::sample::select(
        paths
            .into_iter()
            .chain(["agency.eligibility".into(), "documents.card_photo".into(), "x".into()])
            .collect::<Vec<_>>(),
    );
    prop::collection::btree_map(keys, any_value(), 0..30)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn evaluation_never_panics_and_is_consistent(
        (flow_index, answers) in (0..catalog::all().len()).prop_flat_map(|i| {
            let paths = catalog::all()[i].fields().map(|(_, f)| f.path.clone()).collect();
            (Just(i), any_answers(paths))
        })
    ) {
        let flow = &catalog::all()[flow_index];
        let situation = Situation { today: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(), started_version: Some(0) };
        let e = evaluate(flow, &answers, &situation);
        if e.ready {
            prop_assert!(e.errors.is_empty() && e.missing_documents.is_empty());
        }
        for f in e.fields.iter().filter(|f| f.status == Status::Hidden) {
            prop_assert!(f.value.is_none(), "{} is hidden but has a value", f.path);
            prop_assert!(!e.answers_to_submit.contains_key(&f.path), "{} is hidden but submitted", f.path);
        }
        prop_assert!(e.errors.iter().all(|x| !x.finding.message.zh.is_empty() && !x.finding.message.en.is_empty()));
    }
}
