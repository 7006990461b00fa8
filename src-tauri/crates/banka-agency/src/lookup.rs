//! The questions a flow asks the agency (its `agency` list: eligibility, the province's banks,
//! an employer's employees, a person's cards), turned into requests from a case's answers and
//! their answers into `agency.` case data. The app asks through the client; the reference
//! server builds the same eligibility request when it re-validates a submitted case.

use banka_flows::definition::{AgencyPhoto, Flow, Question};
use banka_flows::engine::asked_about;
use banka_flows::Answers;
use banka_rules::{validate, Context, ValueKind};
use chrono::NaiveDate;
use serde_json::json;

use crate::agency_data::{from_cards, from_directory, from_eligibility, from_employees, AgencyAnswers};
use crate::answers::text;
use crate::api::{EligibilityRequest, PersonRequest};
use crate::client::{Client, Error};

/// The applicant's eligibility question, if the flow asks it and the case has a name and a
/// usable number (otherwise the engine reports what is missing, and there is nobody to ask
/// about yet). Returns the answer path the number came from, too.
pub fn eligibility_request(
    flow: &Flow,
    answers: &Answers,
    today: NaiveDate,
) -> Option<(EligibilityRequest, &'static str)> {
    flow.asks(Question::Eligibility)?;
    let (id_number, id_path) = person_number(flow, answers, today)?;
    let request = EligibilityRequest {
        flow_id: flow.id.clone(),
        name: text(answers, "applicant.name")?.to_owned(),
        id_type: text(answers, "applicant.id_type").unwrap_or("resident_id").to_owned(),
        id_number,
        city: text(answers, "card.city").map(str::to_owned),
        entity_uscc: text(answers, "entity.uscc").map(str::to_owned),
        proxy_id_number: usable(ValueKind::IdNumber, text(answers, "proxy.id_number"), today),
    };
    Some((request, id_path))
}

/// The applicant's number, normalised, and where it came from. A Guangdong mainland applicant
/// is known by their social security number.
fn person_number(flow: &Flow, answers: &Answers, today: NaiveDate) -> Option<(String, &'static str)> {
    let id_path =
        ["applicant.social_security_number", "applicant.id_number"].into_iter().find(|p| text(answers, p).is_some())?;
    let kind = match id_path {
        "applicant.social_security_number" => ValueKind::SocialSecurityNumber,
        _ => flow.jurisdiction.number_kind(text(answers, "applicant.id_type").unwrap_or("resident_id"))?,
    };
    Some((usable(kind, text(answers, id_path), today)?, id_path))
}

fn usable(kind: ValueKind, value: Option<&str>, today: NaiveDate) -> Option<String> {
    let report = validate(kind, value?, &Context { today, beijing_address: false });
    report.valid.then_some(report.normalized)
}

/// The person a case is about, as the agency's person requests name them.
pub fn person(flow: &Flow, answers: &Answers, today: NaiveDate) -> Option<PersonRequest> {
    let (id_number, _) = person_number(flow, answers, today)?;
    Some(PersonRequest { name: text(answers, "applicant.name")?.to_owned(), id_number })
}

/// The answers that make the agency's answer to `question` as if never given (it is asked
/// again): its record and what it gave, cleared.
pub fn forget(flow: &Flow, answers: &Answers, question: Question) -> AgencyAnswers {
    let Some(ask) = flow.asks(question) else { return Vec::new() };
    let record = ask.ask.record_path();
    let mut paths: Vec<String> = answers
        .get(&record)
        .and_then(|r| r.get("gave"))
        .and_then(serde_json::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|p| p.as_str().map(str::to_owned))
        .collect();
    paths.push(ask.ask.answer_path().to_owned());
    paths.push(record);
    paths.sort();
    paths.dedup();
    paths.into_iter().filter(|p| answers.contains_key(p)).map(|p| (p, serde_json::Value::Null)).collect()
}

/// Asks the agency the flow's questions that are due for these answers (`due`, from the
/// engine's evaluation), and returns the answers to save: only the names the flow reads, each
/// question with its record (what it was asked about and which answers it gave), so a change to
/// those answers makes it due again. Nothing to ask about yet is an empty list.
pub async fn fetch(
    client: &Client,
    flow: &Flow,
    answers: &Answers,
    due: &[Question],
    today: NaiveDate,
) -> Result<AgencyAnswers, Error> {
    let reads = flow.agency_inputs();
    let mut out = AgencyAnswers::new();
    for ask in flow.agency.iter().filter(|a| due.contains(&a.ask)) {
        // Nothing to ask about (no receipt number: the photo in the system is used) is recorded
        // too, so the question is not due again until those answers change. The eligibility
        // gate is never closed that way: it waits for a real answer.
        let found = ask_one(client, ask.ask, flow, answers, today).await?;
        let Some(mut found) = found.or_else(|| (ask.ask != Question::Eligibility).then(Vec::new)) else { continue };
        found.retain(|(path, _)| reads.contains(path));
        let gave: Vec<&str> = found.iter().map(|(path, _)| path.as_str()).collect();
        let record = json!({"about": asked_about(flow, ask, answers), "gave": gave});
        out.extend(found.clone());
        out.push((ask.ask.record_path(), record));
    }
    Ok(out)
}

async fn ask_one(
    client: &Client,
    question: Question,
    flow: &Flow,
    answers: &Answers,
    today: NaiveDate,
) -> Result<Option<AgencyAnswers>, Error> {
    Ok(match question {
        Question::Eligibility => match eligibility_request(flow, answers, today) {
            Some((request, _)) => Some(from_eligibility(&client.eligibility(&request).await?)),
            None => None,
        },
        Question::Banks => Some(from_directory(&client.banks(flow.jurisdiction.province_code(), None).await?)),
        Question::Employees => match text(answers, "entity.uscc") {
            Some(uscc) => Some(from_employees(&client.employees(uscc).await?)),
            None => None,
        },
        Question::Cards => match person(flow, answers, today) {
            Some(person) => Some(from_cards(&client.cards(&person).await?)),
            None => None,
        },
        Question::PhotoReceipt => match receipt_number(flow, answers) {
            Some(receipt) => Some(vec![("agency.photo_receipt".into(), json!(receipt_state(client, receipt).await?))]),
            None => None,
        },
    })
}

/// The receipt number to look up (【获取图片】): the answer of the flow's field that shows a
/// receipt's photo, while that field is asked.
pub fn receipt_number<'a>(flow: &Flow, answers: &'a Answers) -> Option<&'a str> {
    let (_, field) = flow.fields().find(|(_, f)| f.agency_photo == Some(AgencyPhoto::Receipt))?;
    field.when.as_ref().is_none_or(|c| c.holds(answers)).then(|| text(answers, &field.path)).flatten()
}

/// `found`, `not_found` or `expired`: what the agency says of a receipt number.
async fn receipt_state(client: &Client, receipt: &str) -> Result<&'static str, Error> {
    match client.photo_by_receipt(receipt).await {
        Ok(_) => Ok("found"),
        Err(Error::Refused { status: 404, .. }) => Ok("not_found"),
        Err(Error::Refused { error, .. }) if error.code == "receipt_expired" => Ok("expired"),
        Err(e) => Err(e),
    }
}
