//! The TypeScript types in ui/src/bindings are generated from the Rust types that cross IPC;
//! this test fails when one is stale. Regenerate: `UPDATE_BINDINGS=1 cargo test --test bindings`.

use banka_agency::api::{Bank, Branch, Directory, SmsSent, SmsVerified};
use banka_app::{
    AgencyChange, AgencyEvent, AgencySettings, CaseView, CodeItem, Exported, FlowTitle, IpcError, Lang, OutboxState,
    RegionChoices, SenderState, Settings, StoreState, StoreStatus, Upload,
};
use banka_cases::{
    CasePlace, CaseSummary, DocumentInfo, ImportReport, Page, Query, Salvaged, Skipped, Status, StatusFacts,
};
use banka_flows::definition::{AgencyPhoto, CodeList, Input, Question, StepKind, Words};
use banka_flows::engine::{AskState, FieldError, FieldState, OptionState, Status as FieldStatus, StepState};
use banka_flows::summary::{Row, Section};
use banka_flows::vocabulary::DocumentKind;
use banka_flows::{Evaluation, Jurisdiction};
use banka_photos::{PhotoCheck, PhotoProblem};
use banka_rules::finding::{Finding, Severity};
use banka_rules::id_number::{Gender, IdDocument};
use banka_rules::{Localized, ValidationReport, ValueKind};
use ts_rs::{Config, TS};

fn check<T: TS + 'static>(stale: &mut Vec<String>) {
    let cfg = Config::default();
    let text = T::export_to_string(&cfg).expect("ts-rs renders the type");
    // Types from other crates (serde_json's Value) live in their own folder, as imports expect.
    let file = T::output_path().unwrap_or_else(|| format!("{}.ts", T::name(&cfg)).into());
    current(&format!("ui/src/bindings/{}", file.display()), &text, stale);
}

/// Writes `text` to `path` (from the repository root) with UPDATE_BINDINGS; otherwise notes the
/// file as stale when it differs.
fn current(path: &str, text: &str, stale: &mut Vec<String>) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().expect("in a folder")).expect("the folder");
        std::fs::write(&path, text).expect("write the generated file");
    } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
        stale.push(path.display().to_string());
    }
}

/// The statuses in the order of a case's life, each with what it allows, as Rust says it: the
/// status filter offers them in this order, and the UI tests' fake backend answers with the facts
/// Rust would give, not a copy of the rule.
fn statuses(stale: &mut Vec<String>) {
    let all: Vec<_> =
        Status::ALL.iter().map(|s| serde_json::json!({ "status": s.name(), "facts": s.facts() })).collect();
    current("ui/src/bindings/statuses.json", &(serde_json::to_string_pretty(&all).unwrap() + "\n"), stale);
}

/// Each document kind's words, as Rust names it everywhere (findings, check answers, the CLI), for
/// the upload page to name it the same way.
fn document_labels(stale: &mut Vec<String>) {
    let labels: serde_json::Map<String, serde_json::Value> = DocumentKind::ALL
        .iter()
        .map(|k| {
            let (zh, en) = k.label();
            (k.name().to_owned(), serde_json::to_value(Localized::new(zh, en)).unwrap())
        })
        .collect();
    current("ui/src/bindings/document-labels.json", &(serde_json::to_string_pretty(&labels).unwrap() + "\n"), stale);
}

#[test]
fn typescript_bindings_are_current() {
    let mut stale = Vec::new();
    check::<ValidationReport>(&mut stale);
    check::<Finding>(&mut stale);
    check::<Severity>(&mut stale);
    check::<ValueKind>(&mut stale);
    check::<IdDocument>(&mut stale);
    check::<Gender>(&mut stale);
    check::<IpcError>(&mut stale);
    check::<banka_service::Code>(&mut stale);
    check::<banka_cases::Code>(&mut stale);
    check::<AgencyEvent>(&mut stale);
    check::<FlowTitle>(&mut stale);
    check::<Settings>(&mut stale);
    check::<Lang>(&mut stale);
    check::<StoreStatus>(&mut stale);
    check::<StoreState>(&mut stale);
    check::<CaseSummary>(&mut stale);
    check::<Status>(&mut stale);
    check::<StatusFacts>(&mut stale);
    check::<CasePlace>(&mut stale);
    check::<Localized>(&mut stale);
    check::<Page>(&mut stale);
    check::<Salvaged>(&mut stale);
    check::<Query>(&mut stale);
    check::<CaseView>(&mut stale);
    check::<DocumentInfo>(&mut stale);
    check::<Evaluation>(&mut stale);
    check::<StepState>(&mut stale);
    check::<AskState>(&mut stale);
    check::<Question>(&mut stale);
    check::<Words>(&mut stale);
    check::<StepKind>(&mut stale);
    check::<AgencyPhoto>(&mut stale);
    check::<FieldState>(&mut stale);
    check::<FieldStatus>(&mut stale);
    check::<Input>(&mut stale);
    check::<OptionState>(&mut stale);
    check::<FieldError>(&mut stale);
    check::<CodeList>(&mut stale);
    check::<Jurisdiction>(&mut stale);
    check::<Section>(&mut stale);
    check::<Row>(&mut stale);
    check::<DocumentKind>(&mut stale);
    check::<CodeItem>(&mut stale);
    check::<AgencySettings>(&mut stale);
    check::<AgencyChange>(&mut stale);
    check::<OutboxState>(&mut stale);
    check::<SenderState>(&mut stale);
    check::<SmsSent>(&mut stale);
    check::<SmsVerified>(&mut stale);
    check::<serde_json::Value>(&mut stale);
    check::<Upload>(&mut stale);
    check::<PhotoCheck>(&mut stale);
    check::<PhotoProblem>(&mut stale);
    check::<banka_photos::Marks>(&mut stale);
    check::<banka_photos::Rect>(&mut stale);
    check::<RegionChoices>(&mut stale);
    check::<banka_rules::regions::Place>(&mut stale);
    check::<Directory>(&mut stale);
    check::<Bank>(&mut stale);
    check::<Branch>(&mut stale);
    check::<Exported>(&mut stale);
    check::<ImportReport>(&mut stale);
    check::<Skipped>(&mut stale);
    statuses(&mut stale);
    document_labels(&mut stale);
    assert!(stale.is_empty(), "stale bindings (run UPDATE_BINDINGS=1 cargo test --test bindings): {stale:?}");
}
