//! docs/flows.md is generated from the definitions; this fails when it is stale.
//! Regenerate: `make reference` (UPDATE_REFERENCE=1 cargo test -p banka-flows --test reference).

use banka_flows::{catalog, reference};

#[test]
fn flow_reference_is_current() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../docs/flows.md");
    let text = reference::markdown(catalog::all());
    if std::env::var_os("UPDATE_REFERENCE").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &text).unwrap();
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(on_disk == text, "docs/flows.md is stale: run `make reference`");
    for flow in catalog::all() {
        assert!(text.contains(&format!("## `{}`", flow.id)));
        for (_, field) in flow.fields() {
            assert!(text.contains(&format!("`{}`", field.path)), "{} documented", field.path);
        }
    }
}
