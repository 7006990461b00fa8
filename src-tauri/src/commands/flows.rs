//! Commands over `banka-flows`: which application flows there are.

use serde::Serialize;

/// A flow as a chooser lists it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct FlowTitle {
    pub id: String,
    pub title: banka_rules::Localized,
    // Where it applies: the start screen offers each jurisdiction's flows together.
    pub jurisdiction: banka_flows::Jurisdiction,
    /// The flow opens in elderly mode (the retiree flow).
    pub elderly: bool,
    /// The channel's second confirmation and success page, in its words.
    pub words: banka_flows::definition::Words,
    /// Once a case of this flow has gone, 【继续申领】 goes back to an application of this flow
    /// (the G3 clean-up → G1).
    pub continues: Option<String>,
}

#[tauri::command]
pub fn flow_list() -> Vec<FlowTitle> {
    banka_flows::catalog::all()
        .iter()
        .map(|f| FlowTitle {
            id: f.id.clone(),
            title: banka_flows::traditional::words(&f.title_zh, &f.title_en),
            jurisdiction: f.jurisdiction,
            elderly: f.elderly,
            words: f.words.clone(),
            continues: banka_flows::catalog::leading_to(&f.id).first().map(|back| back.id.clone()),
        })
        .collect()
}
