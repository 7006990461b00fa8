//! The UI tests' fake backend answers with what this engine says, not with hand-written
//! evaluations: `ui/src/test/engine/evaluations.json` holds, for the UI tests' small flows
//! (`ui/src/test/engine/flows/*.toml`) and each set of answers the UI tests reach, the engine's
//! evaluation on the tests' date. This test fails when one is stale (the engine, a flow or the
//! words changed). Refresh them with `UPDATE_FIXTURES=1 cargo test -p banka-flows --test
//! ui_fixtures`; `make ui-fixtures` also records the answers the UI tests reach now.

use std::path::{Path, PathBuf};

use banka_flows::{catalog, evaluate, Situation};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

#[derive(Deserialize, Serialize)]
struct Fixtures {
    /// The application date every evaluation is made on.
    on: NaiveDate,
    evaluations: Vec<Entry>,
}

#[derive(Deserialize, Serialize)]
struct Entry {
    flow: String,
    started_version: Option<u32>,
    answers: Map<String, Value>,
    evaluation: Value,
}

fn engine_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/test/engine")
}

#[test]
fn the_ui_tests_answer_with_the_engines_evaluations() {
    let path = engine_dir().join("evaluations.json");
    let text = std::fs::read_to_string(&path).expect("the UI tests' evaluations");
    let mut fixtures: Fixtures = serde_json::from_str(&text).expect("evaluations.json has its shape");
    assert!(!fixtures.evaluations.is_empty(), "no evaluations: run make ui-fixtures");
    let mut stale = Vec::new();
    for entry in &mut fixtures.evaluations {
        let flow = catalog::draft(&engine_dir().join("flows").join(format!("{}.toml", entry.flow)))
            .unwrap_or_else(|e| panic!("the UI tests' flow {}: {e}", entry.flow));
        let answers = entry.answers.clone().into_iter().collect();
        let now = evaluate(&flow, &answers, &Situation { today: fixtures.on, started_version: entry.started_version });
        let now = serde_json::to_value(now).expect("an evaluation serialises");
        if now != entry.evaluation {
            stale.push(format!("{} {}", entry.flow, Value::Object(entry.answers.clone())));
            entry.evaluation = now;
        }
    }
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        // Keys sorted (through a Value) as the UI's recording writes them, so either writer
        // leaves the same file.
        let sorted = serde_json::to_value(&fixtures).expect("fixtures serialise");
        std::fs::write(&path, serde_json::to_string_pretty(&sorted).unwrap() + "\n").expect("write the evaluations");
    } else {
        assert!(
            stale.is_empty(),
            "stale UI evaluations (run UPDATE_FIXTURES=1 cargo test -p banka-flows --test ui_fixtures): {stale:#?}"
        );
    }
}

/// Every flow of the UI tests is well-formed and used by them.
#[test]
fn the_ui_tests_flows_are_well_formed_and_used() {
    let text = std::fs::read_to_string(engine_dir().join("evaluations.json")).expect("the UI tests' evaluations");
    let fixtures: Fixtures = serde_json::from_str(&text).expect("evaluations.json has its shape");
    for file in std::fs::read_dir(engine_dir().join("flows")).expect("the UI tests' flows") {
        let path = file.expect("a flow file").path();
        let Some(name) = path.file_stem().and_then(|s| s.to_str()).filter(|s| *s != "shared") else { continue };
        let flow = catalog::draft(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(flow.id, name, "{} is named for its flow", path.display());
        assert!(fixtures.evaluations.iter().any(|e| e.flow == name), "no UI test uses {name}: remove it");
    }
}
