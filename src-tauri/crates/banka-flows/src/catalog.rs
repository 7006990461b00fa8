//! The flows Banka ships: the TOML files in `flows/`, embedded in the binary, parsed and
//! checked once. A broken definition fails the tests, so `all()` may trust them.

use std::path::Path;
use std::sync::LazyLock;

use crate::definition::{Flow, Rule, Shared};
use crate::wellformed;

/// Each flow file, by name. Adding a flow = adding its file here.
const FILES: &[(&str, &str)] = &[
    ("bj-individual.toml", include_str!("../flows/bj-individual.toml")),
    ("bj-minor.toml", include_str!("../flows/bj-minor.toml")),
    ("bj-employer-open.toml", include_str!("../flows/bj-employer-open.toml")),
    ("bj-employee-confirm.toml", include_str!("../flows/bj-employee-confirm.toml")),
    ("bj-employer-submit.toml", include_str!("../flows/bj-employer-submit.toml")),
    ("bj-retiree.toml", include_str!("../flows/bj-retiree.toml")),
    ("gd-individual.toml", include_str!("../flows/gd-individual.toml")),
    ("gd-minor.toml", include_str!("../flows/gd-minor.toml")),
    ("gd-card-cleanup.toml", include_str!("../flows/gd-card-cleanup.toml")),
];

const SHARED: &str = include_str!("../flows/shared.toml");

/// Parses and checks every flow; the first problem found names the file.
pub fn load() -> Result<Vec<Flow>, String> {
    let shared = Shared::parse(SHARED)?;
    let flows = FILES.iter().map(|(name, text)| checked(name, text, &shared)).collect::<Result<Vec<_>, String>>()?;
    // A flow may send the user to another: that flow must ship too.
    for flow in &flows {
        for rule in &flow.rules {
            if let Rule::AgencyRefusal { next_flow: Some(next), .. } = rule {
                if !flows.iter().any(|f| &f.id == next) {
                    return Err(format!("{}: next_flow \"{next}\" is not a shipped flow", flow.id));
                }
            }
        }
    }
    Ok(flows)
}

/// A flow file parsed with `shared` and checked as every shipped flow is.
fn checked(name: &str, text: &str, shared: &Shared) -> Result<Flow, String> {
    let flow = Flow::parse(name, text, shared)?;
    wellformed::check(&flow).map_err(|problems| format!("{name}: {}", problems.join("; ")))?;
    Ok(flow)
}

/// A flow file that does not ship (an author's draft, the UI tests' small flows), checked as the
/// shipped ones are; its `use` entries come from the `shared.toml` beside it, else from the
/// shipped one. A flow it sends on to (`next_flow`) is not looked for.
pub fn draft(path: &Path) -> Result<Flow, String> {
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let beside = path.with_file_name("shared.toml");
    let shared =
        if beside.is_file() && beside != path { Shared::parse(&read(&beside)?)? } else { Shared::parse(SHARED)? };
    checked(&path.display().to_string(), &read(path)?, &shared)
}

static FLOWS: LazyLock<Vec<Flow>> = LazyLock::new(|| load().expect("the shipped flow definitions are well-formed"));

pub fn all() -> &'static [Flow] {
    &FLOWS
}

pub fn get(id: &str) -> Option<&'static Flow> {
    all().iter().find(|f| f.id == id)
}

/// The flows an agency refusal sends on to `flow` (G1, G2 → the G3 clean-up): where 【继续申领】
/// goes back to once it is done.
pub fn leading_to(flow: &str) -> Vec<&'static Flow> {
    all()
        .iter()
        .filter(|f| {
            f.rules.iter().any(|r| matches!(r, Rule::AgencyRefusal { next_flow: Some(next), .. } if next == flow))
        })
        .collect()
}
