//! What is done to one case: open it, autosave an answer, ask the agency what the flow needs,
//! fetch the agency's photo for an answer, submit (finalize and queue), reopen, follow the agency
//! to the next flow and back, delete.

use std::collections::BTreeMap;

use banka_agency::client::Client;
use banka_cases::{Actor, CaseSummary, Query, Status, Store};
use banka_flows::definition::{AgencyPhoto, Question};
use banka_flows::{catalog, Flow};
use serde_json::Value;

pub use banka_cases::CaseView;

use crate::{today, Agency, Code, Error};

/// The case as the wizard shows it, judged on its application date once it has one, else today.
pub async fn open(store: &Store, id: &str) -> Result<CaseView, Error> {
    Ok(store.view(id, today()).await?)
}

/// Autosaves one answer (`None` clears it): on disk before this returns, and the case as it now
/// is, evaluated once, in the same transaction.
pub async fn answer(
    store: &Store,
    id: &str,
    path: &str,
    value: Option<Value>,
    actor: &Actor,
) -> Result<CaseView, Error> {
    let answers = [(path.to_owned(), value.unwrap_or(Value::Null))].into_iter().collect();
    Ok(store.autosave(id, answers, actor, today()).await?.view)
}

/// Asks the agency the questions of the case's flow that are due (eligibility once the
/// applicant is known, an employer's banks or employees, a person's cards) and saves the answers
/// into the draft, each with what it was asked about.
pub async fn ask(store: &Store, client: &Client, id: &str) -> Result<CaseView, Error> {
    let shown = open(store, id).await?;
    let due: Vec<_> = shown.evaluation.agency.iter().filter(|a| a.due).map(|a| a.ask).collect();
    if due.is_empty() {
        return Ok(shown);
    }
    let found = banka_agency::lookup::fetch(client, flow_of(&shown.summary)?, &shown.answers, &due, today()).await?;
    if found.is_empty() {
        return Ok(shown);
    }
    // The agency's answers are recorded as the system's.
    Ok(store.autosave(id, found.into_iter().collect(), &Actor::System, today()).await?.view)
}

/// Asks the case's due questions if the agency can be asked now; the case is shown either way
/// (one that waits is asked again when the wizard opens it).
async fn ask_when_reachable(store: &Store, agency: &Agency, id: &str) -> Result<CaseView, Error> {
    if let Ok(client) = agency.client().await {
        if let Ok(shown) = ask(store, &client, id).await {
            return Ok(shown);
        }
    }
    open(store, id).await
}

/// The agency's photo that goes with the answer at `path` (004 §1.3.4): the photo under the
/// receipt number (【获取图片】) or the person's photo on file (使用本人社保相片), as bytes to show
/// (kept in memory only). The flow says which (`agency_photo`).
pub async fn agency_photo(store: &Store, client: &Client, id: &str, path: &str) -> Result<Vec<u8>, Error> {
    let shown = open(store, id).await?;
    let field =
        shown.evaluation.fields.iter().find(|f| f.path == path && f.status != banka_flows::engine::Status::Hidden);
    let bytes = match field.and_then(|f| Some((f.agency_photo?, f))) {
        Some((AgencyPhoto::Receipt, f)) => {
            let receipt =
                f.value.as_ref().and_then(Value::as_str).filter(|r| !r.trim().is_empty()).ok_or_else(|| {
                    Error::new(Code::NoReceipt, "请先填写社保卡相片回执号。", "Enter the photo receipt number first.")
                })?;
            client.photo_by_receipt(receipt).await
        }
        Some((AgencyPhoto::OnFile, _)) => {
            let person =
                banka_agency::lookup::person(flow_of(&shown.summary)?, &shown.answers, today()).ok_or_else(|| {
                    Error::new(Code::NoPerson, "请先填写姓名和证件号码。", "Enter the name and ID number first.")
                })?;
            client.photo_on_file_image(&person).await
        }
        None => return Err(Error::new(Code::NoPhoto, "这一项没有可显示的相片。", "This answer has no photo to show.")),
    };
    Ok(bytes?)
}

/// Finalizes a draft whose every check passes and puts it in the outbox; the sender sends it
/// at once when the agency is reachable. A failed case is tried again now.
pub async fn submit(store: &Store, agency: &Agency, id: &str, actor: &Actor) -> Result<CaseSummary, Error> {
    if store.summary(id).await?.status == Status::Draft {
        store.finalize(id, actor, today()).await?;
    }
    let summary = store.enqueue(id, actor).await?;
    agency.wake();
    Ok(summary)
}

/// Back to a draft to change it (a rejected or failed case, or one not sent yet), saying why.
pub async fn reopen(store: &Store, id: &str, actor: &Actor, reason: &str) -> Result<CaseView, Error> {
    store.reopen(id, actor, reason).await?;
    open(store, id).await
}

/// Deletes a case and its personal data for good, from the practice agency too.
pub async fn delete(store: &Store, agency: &Agency, id: &str) -> Result<(), Error> {
    store.delete_case(id).await?;
    agency.forget_case(id).await
}

/// Starts the flow the agency sent this case to (G1/G2 → the G3 clean-up) for the case's
/// applicant, asks the agency what the new case needs (the person's cards) when it can, and
/// returns it.
pub async fn follow(store: &Store, agency: &Agency, id: &str, actor: &Actor) -> Result<CaseView, Error> {
    let from = open(store, id).await?;
    let next = from.evaluation.next_flow.clone().ok_or_else(|| {
        Error::new(Code::NoNextFlow, "这个申请无需转到其他事项。", "This application does not lead to another one.")
    })?;
    let person = banka_agency::lookup::person(flow_of(&from.summary)?, &from.answers, today()).ok_or_else(|| {
        Error::new(Code::NoApplicant, "请先填写申请人的证件号码。", "Enter the applicant's ID number first.")
    })?;
    let created = store.new_case(&next, actor).await?;
    let carried = carried_applicant(&next, &from.answers, &person.id_number);
    store.set_answers(&created.id, carried.into_iter().collect(), &Actor::System, today()).await?;
    ask_when_reachable(store, agency, &created.id).await
}

/// 【继续申领】 once a clean-up has gone to the agency (seed 004 §1.3.12 → §1.3.2): the
/// application the agency refused for the same person, its eligibility asked again now that the
/// other cards are cleaned up; for a clean-up started on its own, a new application for them.
pub async fn continue_after(store: &Store, agency: &Agency, id: &str, actor: &Actor) -> Result<CaseView, Error> {
    let done = open(store, id).await?;
    let flow = flow_of(&done.summary)?;
    let no_way_back = || {
        Error::new(
            Code::NoNextFlow,
            "这个事项之后没有要继续的申请。",
            "There is no application to continue after this one.",
        )
    };
    let back = catalog::leading_to(&flow.id);
    let first = back.first().ok_or_else(no_way_back)?;
    let person = banka_agency::lookup::person(flow, &done.answers, today()).ok_or_else(no_way_back)?;
    let refused = refused_application(store, &back, &flow.id, &person.id_number, &person.name).await?;
    let target = match refused {
        Some(refused) => refused,
        None => {
            let created = store.new_case(&first.id, actor).await?;
            let carried = carried_applicant(&first.id, &done.answers, &person.id_number);
            store.set_answers(&created.id, carried.into_iter().collect(), &Actor::System, today()).await?;
            created.id
        }
    };
    // What the agency said before the clean-up no longer holds: it is asked again.
    let stale = open(store, &target).await?;
    let forgotten = banka_agency::lookup::forget(flow_of(&stale.summary)?, &stale.answers, Question::Eligibility);
    if !forgotten.is_empty() {
        store.set_answers(&target, forgotten.into_iter().collect(), &Actor::System, today()).await?;
    }
    ask_when_reachable(store, agency, &target).await
}

/// The person's draft of one of `flows` that the agency sent to `to` (one person, one card).
async fn refused_application(
    store: &Store,
    flows: &[&'static Flow],
    to: &str,
    number: &str,
    name: &str,
) -> Result<Option<String>, Error> {
    for flow in flows {
        let query = Query {
            text: Some(name.to_owned()),
            status: Some(Status::Draft),
            flow: Some(flow.id.clone()),
            limit: Some(100),
            ..Query::default()
        };
        for case in store.search(&query).await?.cases {
            let shown = open(store, &case.id).await?;
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

fn flow_of(case: &CaseSummary) -> Result<&'static Flow, Error> {
    catalog::get(&case.flow_id).ok_or_else(|| banka_cases::Error::UnknownFlow(case.flow_id.clone()).into())
}
