//! The agency's check of a submitted case: the client's `agency.*` values are replaced by the
//! server's own, uploads and SMS codes must be real, then the flow engine judges it as the app did.

use axum::http::StatusCode;
use banka_flows::definition::{Flow, Question};
use banka_flows::vocabulary::DocumentKind;
use banka_flows::{catalog, evaluate, Answers, Situation};
use banka_rules::{Field, Problem};
use chrono::{Days, NaiveDate};
use serde_json::{json, Value};

use super::banks::{self, Province};
use super::eligibility::{self, Assessment};
use super::entities;
use super::failure::Failure;
use super::{cards, documents, photos, AppState};
use crate::agency_data::{from_cards, from_directory, from_eligibility, from_employees};
use crate::answers::{list, text};
use crate::api::{Cards, Eligibility, Employees, FieldProblem, Submission, APPLIED_WITHIN_DAYS};
use crate::lookup::{eligibility_request, receipt_number};

/// A case that passed: what to store, and whom its effects are for.
pub struct Accepted {
    pub answers: Answers,
    /// The applicant's normalised number (applicant flows).
    pub applicant: Option<String>,
    /// The employer a confirmation or submission is for.
    pub entity: Option<String>,
}

/// The agency's data for the case, and the subject it found.
#[derive(Default)]
struct Subject {
    agency: Vec<(String, Value)>,
    applicant: Option<(String, String)>,
    entity: Option<String>,
    assessment: Option<Assessment>,
}

fn problem(field: &str, code: &str, zh: &str, en: &str) -> FieldProblem {
    FieldProblem {
        field: field.to_owned(),
        code: code.to_owned(),
        message_zh: zh.to_owned(),
        message_en: en.to_owned(),
    }
}

pub async fn check(state: &AppState, case_id: &str, sub: &Submission) -> Result<Accepted, Failure> {
    let flow = catalog::get(&sub.flow_id).filter(|f| (1..=f.version).contains(&sub.flow_version)).ok_or_else(|| {
        Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_flow",
            "机构不受理这个业务或业务版本，请更新 Banka 后重试。",
            "The agency does not take this flow or flow version. Update Banka and try again.",
        )
        .field("flow_id")
    })?;
    let on = applied_on(sub.applied_on, chrono::Utc::now().date_naive())?;
    // What the client says the agency said does not count; nor do documents it did not list.
    let mut answers: Answers = sub
        .answers
        .iter()
        .filter(|(k, _)| !k.starts_with("agency.") && !k.starts_with("documents."))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut problems = Vec::new();
    for (name, sha) in &sub.documents {
        let path = format!("documents.{name}");
        let Some(kind) = DocumentKind::from_name(name) else {
            problems.push(problem(
                &path,
                "unknown_document_kind",
                "不是已知的材料类型。",
                "Not a known kind of document.",
            ));
            continue;
        };
        let sha = sha.to_ascii_lowercase();
        let doc = documents::stored(&state.pool, &sha).await?;
        if doc.is_some_and(|d| d.complete && d.kinds.iter().any(|k| k == kind.name())) {
            answers.insert(path, json!(sha));
        } else {
            let (zh, en) = kind.label();
            let finding = Problem::DocumentMissing.describe(&Field::new(zh, en));
            problems.push(problem(&path, &finding.code, &finding.message.zh, &finding.message.en));
        }
    }

    let subject = subject(state, flow, &answers, case_id, on).await?;
    answers.extend(subject.agency);
    // 【获取图片】 as the app asks it: what this agency knows of the receipt number.
    let receipt = flow.asks(Question::PhotoReceipt).and(receipt_number(flow, &answers)).map(|r| match r {
        r if !photos::receipt_exists(r) => "not_found",
        r if photos::receipt_expired(r) => "expired",
        _ => "found",
    });
    if let Some(receipt) = receipt {
        answers.insert("agency.photo_receipt".into(), json!(receipt));
    }
    let situation =
        Situation { today: on, started_version: (sub.flow_version != flow.version).then_some(sub.flow_version) };
    let evaluation = evaluate(flow, &answers, &situation);
    let mut found: Vec<FieldProblem> = evaluation
        .errors
        .iter()
        .map(|e| problem(&e.field, &e.finding.code, &e.finding.message.zh, &e.finding.message.en))
        .collect();
    let submitted = &evaluation.answers_to_submit;
    // Each SMS code field and the mobile number it was sent to, as the flow says.
    for (code_path, mobile_path) in flow.fields().filter_map(|(_, f)| Some((f.path.as_str(), f.sms_to.as_deref()?))) {
        let (Some(code), Some(mobile)) = (text(submitted, code_path), text(submitted, mobile_path)) else { continue };
        if !state.sms.accepts(mobile, code) {
            found.push(problem(
                code_path,
                "sms_code_wrong",
                "短信验证码不正确或已过期，请重新获取验证码并填写。",
                "The SMS code is wrong or has expired. Ask for a new code and enter it.",
            ));
        }
    }
    // Flows without a refusal rule of their own still cannot go past the agency's answer.
    if let (Some(a), Some((id_path, _))) = (&subject.assessment, &subject.applicant) {
        let code = serde_json::to_value(a.answer.eligibility)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let (zh, en) = (&a.answer.reason_zh, &a.answer.reason_en);
        if a.about_name {
            found.push(problem("applicant.name", "name_mismatch", zh, en));
        } else if a.answer.eligibility != Eligibility::Eligible && !found.iter().any(|p| p.code == code) {
            found.push(problem(id_path, &code, zh, en));
        }
    }
    for p in found {
        if !problems.iter().any(|q| q.field == p.field && q.code == p.code) {
            problems.push(p);
        }
    }
    if !problems.is_empty() || !evaluation.ready {
        return Err(Failure::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid_case",
            "申请未通过机构校验，请按提示修改后重新提交。",
            "The application did not pass the agency's checks. Correct what is listed and submit it again.",
        )
        .problems(problems));
    }
    Ok(Accepted {
        answers: evaluation.answers_to_submit,
        applicant: subject.applicant.map(|(_, number)| number),
        entity: subject.entity,
    })
}

/// The case's application date, when it is one the agency takes: up to `APPLIED_WITHIN_DAYS`
/// back (it waited in an outbox) and one day ahead (the app's local date).
fn applied_on(on: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Failure> {
    let earliest = today - Days::new(APPLIED_WITHIN_DAYS as u64);
    if (earliest..=today + Days::new(1)).contains(&on) {
        return Ok(on);
    }
    Err(Failure::new(
        StatusCode::UNPROCESSABLE_ENTITY,
        "applied_on_out_of_range",
        format!("申请日期 {on} 不在机构受理范围内（{earliest} 至今），请重新打开申请、核对后再次提交。"),
        format!(
            "The application date {on} is outside what the agency takes ({earliest} to today). Reopen the application, check it and submit it again."
        ),
    )
    .field("applied_on"))
}

/// Whom the case is about and the agency's data for it, computed from the server's records.
async fn subject(
    state: &AppState,
    flow: &Flow,
    answers: &Answers,
    case_id: &str,
    on: NaiveDate,
) -> Result<Subject, Failure> {
    let pool = &state.pool;
    let mut subject = Subject::default();
    match flow.id.as_str() {
        id if flow.asks(Question::Eligibility).is_some() => {
            // An unusable number is the engine's to report; there is nobody to ask about.
            let Some((mut req, id_path)) = eligibility_request(flow, answers, on) else {
                return Ok(subject);
            };
            if id == "bj-employee-confirm" {
                req.entity_uscc = match req.entity_uscc.take() {
                    Some(uscc) => entities::checked_uscc(&uscc).ok(),
                    None => entities::employer_of(pool, &req.id_number).await?,
                };
            }
            let (number, entity) = (req.id_number.clone(), req.entity_uscc.clone());
            let assessment = eligibility::assess(state, &req, Some(case_id)).await?;
            subject.agency = from_eligibility(&assessment.answer);
            subject.assessment = Some(assessment);
            subject.applicant = Some((id_path.to_owned(), number));
            subject.entity = entity;
        }
        "bj-employer-open" => subject.agency = from_directory(&banks::province(Province::Beijing)),
        "bj-employer-submit" => {
            let chosen = list(answers, "submit.employees");
            let entity = match text(answers, "entity.uscc") {
                Some(uscc) => entities::checked_uscc(uscc).ok(),
                None => entities::employer_of_employees(pool, &chosen).await?,
            };
            let employees = match &entity {
                Some(uscc) => entities::employees(pool, uscc).await?,
                None => Employees { employees: Vec::new() },
            };
            subject.agency = from_employees(&employees);
            subject.entity = entity;
        }
        "gd-card-cleanup" => {
            let owner = cards::owner_of(&list(answers, "cleanup.cards"));
            let cards = match owner {
                Some(number) => cards::open_cards(pool, number).await?,
                None => Vec::new(),
            };
            subject.agency = from_cards(&Cards { cards });
        }
        _ => {}
    }
    Ok(subject)
}
