//! What a case needs to hear from the agency before it can be finished, by flow: the
//! eligibility answer for an applicant, the province's banks for an employer opening a
//! collective application, an entity's employees. The app asks
//! through the client; the reference server computes the same from its own records.

use banka_flows::definition::{Flow, Jurisdiction};
use banka_flows::Answers;
use banka_rules::{validate, Context, ValueKind};
use chrono::NaiveDate;

use crate::agency_data::{from_directory, from_eligibility, from_employees, AgencyAnswers};
use crate::answers::text;
use crate::api::EligibilityRequest;
use crate::client::{Client, Error};

/// Flows about one applicant, whom the agency checks (资格校验).
pub const APPLICANT_FLOWS: [&str; 6] =
    ["bj-individual", "bj-minor", "bj-retiree", "bj-employee-confirm", "gd-individual", "gd-minor"];

/// The kind of number an ID type is checked as in `flow`.
pub fn number_kind(flow: &Flow, id_type: &str) -> Option<ValueKind> {
    Some(match id_type {
        "resident_id" if flow.jurisdiction == Jurisdiction::Guangdong => ValueKind::SocialSecurityNumber,
        "resident_id" | "hukou" | "residence_permit" => ValueKind::IdNumber,
        "hk_macau_travel_permit" => ValueKind::HkMacauTravelPermit,
        "taiwan_travel_permit" => ValueKind::TaiwanTravelPermit,
        _ => return None,
    })
}

/// The applicant's eligibility question, once the case has a name and a usable number
/// (otherwise the engine reports what is missing, and there is nobody to ask about yet). Returns the answer path
/// the number came from, too.
pub fn eligibility_request(
    flow: &Flow,
    answers: &Answers,
    today: NaiveDate,
) -> Option<(EligibilityRequest, &'static str)> {
    if !APPLICANT_FLOWS.contains(&flow.id.as_str()) {
        return None;
    }
    // A Guangdong mainland applicant is checked by social security number.
    let id_path = ["applicant.social_security_number", "applicant.id_number"]
        .into_iter()
        .find(|p| text(answers, p).is_some())
        .unwrap_or("applicant.id_number");
    let id_type = text(answers, "applicant.id_type").unwrap_or("resident_id");
    let kind = match id_path {
        "applicant.social_security_number" => ValueKind::SocialSecurityNumber,
        _ => number_kind(flow, id_type)?,
    };
    // The agency asks for the name with the number: without it there is nobody to ask about yet.
    let name = text(answers, "applicant.name")?;
    let ctx = Context { today, beijing_address: false };
    let report = validate(kind, text(answers, id_path)?, &ctx);
    report.valid.then(|| {
        let request = EligibilityRequest {
            flow_id: flow.id.clone(),
            name: name.to_owned(),
            id_type: id_type.to_owned(),
            id_number: report.normalized,
            city: text(answers, "card.city").map(str::to_owned),
            entity_uscc: text(answers, "entity.uscc").filter(|_| flow.id == "bj-employee-confirm").map(str::to_owned),
        };
        (request, id_path)
    })
}

/// Asks the agency what `flow` reads under `agency.` for these answers. Nothing to ask yet
/// (no usable number, no entity) is an empty list; only the names the flow reads are kept.
/// The clean-up flow's cards are the person's
/// of the case that led there, asked for when it starts (`Client::cards`).
pub async fn fetch(client: &Client, flow: &Flow, answers: &Answers, today: NaiveDate) -> Result<AgencyAnswers, Error> {
    let mut found = ask(client, flow, answers, today).await?;
    // Only what the flow reads: a case takes no other `agency.` answers.
    let reads = flow.agency_inputs();
    found.retain(|(path, _)| reads.contains(path));
    Ok(found)
}

async fn ask(client: &Client, flow: &Flow, answers: &Answers, today: NaiveDate) -> Result<AgencyAnswers, Error> {
    if let Some((request, _)) = eligibility_request(flow, answers, today) {
        return Ok(from_eligibility(&client.eligibility(&request).await?));
    }
    Ok(match flow.id.as_str() {
        "bj-employer-open" => from_directory(&client.banks(BEIJING, None).await?),
        "bj-employer-submit" => match text(answers, "entity.uscc") {
            Some(uscc) => from_employees(&client.employees(uscc).await?),
            None => Vec::new(),
        },
        _ => Vec::new(),
    })
}

/// The province code the directory answers with every branch of Beijing.
pub const BEIJING: &str = "110000";
