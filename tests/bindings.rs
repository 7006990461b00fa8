//! The TypeScript types in ui/src/bindings are generated from the Rust types that cross IPC;
//! this test fails when one is stale. Regenerate: `UPDATE_BINDINGS=1 cargo test --test bindings`.

use banka_app::{FlowTitle, IpcError, Lang, Settings, StoreState, StoreStatus};
use banka_cases::{CaseSummary, Page, Query, Status};
use banka_rules::finding::{Finding, Severity};
use banka_rules::id_number::{Gender, IdDocument};
use banka_rules::{ValidationReport, ValueKind};
use ts_rs::{Config, TS};

fn check<T: TS + 'static>(stale: &mut Vec<String>) {
    let cfg = Config::default();
    let text = T::export_to_string(&cfg).expect("ts-rs renders the type");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("ui/src/bindings/{}.ts", T::name(&cfg)));
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &text).expect("write binding");
    } else if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        stale.push(path.display().to_string());
    }
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
    check::<FlowTitle>(&mut stale);
    check::<Settings>(&mut stale);
    check::<Lang>(&mut stale);
    check::<StoreStatus>(&mut stale);
    check::<StoreState>(&mut stale);
    check::<CaseSummary>(&mut stale);
    check::<Status>(&mut stale);
    check::<Page>(&mut stale);
    check::<Query>(&mut stale);
    assert!(stale.is_empty(), "stale bindings (run UPDATE_BINDINGS=1 cargo test --test bindings): {stale:?}");
}
