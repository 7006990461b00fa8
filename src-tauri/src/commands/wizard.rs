//! Commands the wizard uses: a case with its evaluation (what the flow engine says about every
//! step and field), autosaving an answer, the agency's answers for the case, submitting
//! (finalize and queue), reopening, and following the agency to the next flow.

use std::collections::BTreeMap;

use banka_cases::{Actor, CaseSummary, DocumentInfo, Query, Status, Store};
use banka_flows::definition::{AgencyPhoto, Question};
use banka_flows::{catalog, Evaluation};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;
use tauri::{AppHandle, Runtime, State};

use crate::commands::agency::{from_client, Agency};
use crate::commands::cases::{actor, CaseStore};
use crate::IpcError;

/// A case as the wizard shows it: its answers as saved and what the engine says about them.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CaseView {
    pub summary: CaseSummary,
    pub answers: BTreeMap<String, Value>,
    pub documents: Vec<DocumentInfo>,
    pub evaluation: Evaluation,
}

/// A draft's application date: ages and "not in the future" are judged on this machine's today.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The case as the wizard shows it, judged on its application date once it has one (the day
/// it was finalized, which the agency judges it on too), else on today.
pub async fn view(store: &Store, id: &str) -> Result<CaseView, IpcError> {
    let case = store.case(id).await?;
    let evaluation = store.evaluate(id, case.summary.applied_on.unwrap_or_else(today)).await?;
    Ok(CaseView { summary: case.summary, answers: case.answers, documents: case.documents, evaluation })
}

#[tauri::command]
pub async fn case_open(id: String, cases: State<'_, CaseStore>) -> Result<CaseView, IpcError> {
    view(&cases.unlocked().await?, &id).await
}

/// Autosaves one answer (`null` clears it); the answer is on disk before this returns.
#[tauri::command]
pub async fn case_answer<R: Runtime>(
    id: String,
    path: String,
    value: Option<Value>,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<CaseView, IpcError> {
    let store = cases.unlocked().await?;
    store.set_answer(&id, &path, value, &actor(&app), today()).await?;
    view(&store, &id).await
}

/// Asks the agency the questions of the case's flow that are due (eligibility once the
/// applicant is known, an employer's banks or employees, a person's cards) and saves the answers
/// into the draft, each with what it was asked about.
#[tauri::command]
pub async fn case_ask_agency(
    id: String,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<CaseView, IpcError> {
    let store = cases.unlocked().await?;
    let client = agency.client().await?;
    ask_due(&store, &client, &id).await
}

/// The agency's photo that goes with the answer at `path` (004 §1.3.4): the photo under the
/// receipt number (【获取图片】) or the person's photo on file (使用本人社保相片), as raw bytes for
/// the page to show (kept in memory only). The flow says which (`agency_photo`).
#[tauri::command]
pub async fn case_agency_photo(
    id: String,
    path: String,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<tauri::ipc::Response, IpcError> {
    let store = cases.unlocked().await?;
    let shown = view(&store, &id).await?;
    let field =
        shown.evaluation.fields.iter().find(|f| f.path == path && f.status != banka_flows::engine::Status::Hidden);
    let client = agency.client().await?;
    let bytes = match field.and_then(|f| Some((f.agency_photo?, f))) {
        Some((AgencyPhoto::Receipt, f)) => {
            let receipt =
                f.value.as_ref().and_then(Value::as_str).filter(|r| !r.trim().is_empty()).ok_or_else(|| {
                    IpcError::new("no_receipt", "请先填写社保卡相片回执号。", "Enter the photo receipt number first.")
                })?;
            client.photo_by_receipt(receipt).await
        }
        Some((AgencyPhoto::OnFile, _)) => {
            let person =
                banka_agency::lookup::person(flow_of(&shown.summary)?, &shown.answers, today()).ok_or_else(|| {
                    IpcError::new("no_person", "请先填写姓名和证件号码。", "Enter the name and ID number first.")
                })?;
            client.photo_on_file_image(&person).await
        }
        None => return Err(IpcError::new("no_photo", "这一项没有可显示的相片。", "This answer has no photo to show.")),
    }
    .map_err(from_client)?;
    Ok(tauri::ipc::Response::new(bytes))
}

async fn ask_due(store: &Store, client: &banka_agency::client::Client, id: &str) -> Result<CaseView, IpcError> {
    let shown = view(store, id).await?;
    let due: Vec<_> = shown.evaluation.agency.iter().filter(|a| a.due).map(|a| a.ask).collect();
    if due.is_empty() {
        return Ok(shown);
    }
    let found = banka_agency::lookup::fetch(client, flow_of(&shown.summary)?, &shown.answers, &due, today())
        .await
        .map_err(from_client)?;
    save_from_agency(store, id, found).await
}

/// Finalizes a draft whose every check passes and puts it in the outbox; the sender sends it
/// at once when the agency is reachable. A failed case is tried again now.
#[tauri::command]
pub async fn case_submit<R: Runtime>(
    id: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<CaseSummary, IpcError> {
    let store = cases.unlocked().await?;
    let who = actor(&app);
    if store.summary(&id).await?.status == Status::Draft {
        store.finalize(&id, &who, today()).await?;
    }
    let summary = store.enqueue(&id, &who).await?;
    agency.wake();
    Ok(summary)
}

/// Back to a draft to change it (a rejected or failed case, or one not sent yet), saying why.
#[tauri::command]
pub async fn case_reopen<R: Runtime>(
    id: String,
    reason: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
) -> Result<CaseView, IpcError> {
    let store = cases.unlocked().await?;
    store.reopen(&id, &actor(&app), &reason).await?;
    view(&store, &id).await
}

/// Starts the flow the agency sent this case to (G1/G2 → the G3 clean-up) for the case's
/// applicant, asks the agency what the new case needs (the person's cards) when it can, and
/// returns it.
#[tauri::command]
pub async fn case_follow<R: Runtime>(
    id: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<CaseView, IpcError> {
    let store = cases.unlocked().await?;
    let from = view(&store, &id).await?;
    let next = from.evaluation.next_flow.clone().ok_or_else(|| {
        IpcError::new("no_next_flow", "这个申请无需转到其他事项。", "This application does not lead to another one.")
    })?;
    let person = banka_agency::lookup::person(flow_of(&from.summary)?, &from.answers, today()).ok_or_else(|| {
        IpcError::new("no_applicant", "请先填写申请人的证件号码。", "Enter the applicant's ID number first.")
    })?;
    let created = store.new_case(&next, &actor(&app)).await?;
    let carried = carried_applicant(&next, &from.answers, &person.id_number);
    store.set_answers(&created.id, carried.into_iter().collect(), &Actor::System, today()).await?;
    ask_when_reachable(&store, &agency, &created.id).await
}

/// Asks the case's due questions if the agency can be asked now; the case is shown either way
/// (one that waits is asked again when the wizard opens it).
async fn ask_when_reachable(store: &Store, agency: &Agency, id: &str) -> Result<CaseView, IpcError> {
    if let Ok(client) = agency.client().await {
        if let Ok(shown) = ask_due(store, &client, id).await {
            return Ok(shown);
        }
    }
    view(store, id).await
}

/// 【继续申领】 once a clean-up has gone to the agency (seed 004 §1.3.12 → §1.3.2): the
/// application the agency refused for the same person, its eligibility asked again now that the
/// other cards are cleaned up; for a clean-up started on its own, a new application for them.
#[tauri::command]
pub async fn case_continue<R: Runtime>(
    id: String,
    app: AppHandle<R>,
    cases: State<'_, CaseStore>,
    agency: State<'_, Agency>,
) -> Result<CaseView, IpcError> {
    let store = cases.unlocked().await?;
    let done = view(&store, &id).await?;
    let flow = flow_of(&done.summary)?;
    let no_way_back = || {
        IpcError::new(
            "no_next_flow",
            "这个事项之后没有要继续的申请。",
            "There is no application to continue after this one.",
        )
    };
    let back = banka_flows::catalog::leading_to(&flow.id);
    let first = back.first().ok_or_else(no_way_back)?;
    let person = banka_agency::lookup::person(flow, &done.answers, today()).ok_or_else(no_way_back)?;
    let refused = refused_application(&store, &back, &flow.id, &person.id_number, &person.name).await?;
    let target = match refused {
        Some(refused) => refused,
        None => {
            let created = store.new_case(&first.id, &actor(&app)).await?;
            let carried = carried_applicant(&first.id, &done.answers, &person.id_number);
            store.set_answers(&created.id, carried.into_iter().collect(), &Actor::System, today()).await?;
            created.id
        }
    };
    // What the agency said before the clean-up no longer holds: it is asked again.
    let stale = view(&store, &target).await?;
    let forgotten = banka_agency::lookup::forget(flow_of(&stale.summary)?, &stale.answers, Question::Eligibility);
    if !forgotten.is_empty() {
        store.set_answers(&target, forgotten.into_iter().collect(), &Actor::System, today()).await?;
    }
    ask_when_reachable(&store, &agency, &target).await
}

/// The person's draft of one of `flows` that the agency sent to `to` (one person, one card).
async fn refused_application(
    store: &Store,
    flows: &[&'static banka_flows::Flow],
    to: &str,
    number: &str,
    name: &str,
) -> Result<Option<String>, IpcError> {
    for flow in flows {
        let query = Query {
            text: Some(name.to_owned()),
            status: Some(Status::Draft),
            flow: Some(flow.id.clone()),
            limit: Some(100),
            ..Query::default()
        };
        for case in store.search(&query).await?.cases {
            let shown = view(store, &case.id).await?;
            let same =
                banka_agency::lookup::person(flow, &shown.answers, today()).is_some_and(|p| p.id_number == number);
            if same && shown.evaluation.next_flow.as_deref() == Some(to) {
                return Ok(Some(case.id));
            }
        }
    }
    Ok(None)
}

/// The applicant's answers that the next flow asks for too (who the clean-up is for): the
/// person is the same, so they are not asked again; their number is the one the agency was
/// asked about. Agreements are never carried.
fn carried_applicant(next: &str, answers: &BTreeMap<String, Value>, number: &str) -> Vec<(String, Value)> {
    let Some(flow) = catalog::get(next) else { return Vec::new() };
    let mut carried: Vec<(String, Value)> = answers
        .iter()
        .filter(|(path, _)| path.starts_with("applicant.") && flow.field(path).is_some())
        .map(|(path, value)| (path.clone(), value.clone()))
        .collect();
    if flow.field("applicant.social_security_number").is_some() {
        carried.retain(|(path, _)| path != "applicant.social_security_number");
        carried.push(("applicant.social_security_number".into(), Value::String(number.to_owned())));
    }
    carried
}

fn flow_of(case: &CaseSummary) -> Result<&'static banka_flows::Flow, IpcError> {
    catalog::get(&case.flow_id).ok_or_else(|| IpcError::from(banka_cases::Error::UnknownFlow(case.flow_id.clone())))
}

/// Saves the agency's answers into the draft (recorded as the system's), and shows the case.
async fn save_from_agency(
    store: &Store,
    id: &str,
    found: banka_agency::agency_data::AgencyAnswers,
) -> Result<CaseView, IpcError> {
    if !found.is_empty() {
        store.set_answers(id, found.into_iter().collect(), &Actor::System, today()).await?;
    }
    view(store, id).await
}

/// One entry of a code list (ethnic groups, occupations, districts, cities) for a picker.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct CodeItem {
    pub code: String,
    pub zh: String,
    pub en: String,
}

#[tauri::command]
pub fn code_list(list: banka_flows::definition::CodeList) -> Vec<CodeItem> {
    banka_flows::engine::code_list(list)
        .iter()
        .map(|c| CodeItem { code: c.code.into(), zh: c.zh.into(), en: c.en.into() })
        .collect()
}
