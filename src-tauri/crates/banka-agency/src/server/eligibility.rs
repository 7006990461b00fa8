//! 资格校验: what the agency knows about a person for a flow (sample records, cases submitted
//! here, cards not cleaned up, an employer's registration), for `POST /v1/eligibility` and for
//! re-validating a submitted case.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use banka_flows::catalog;
use banka_flows::definition::Question;
use banka_rules::codes::guangdong_cities;
use banka_rules::{validate, validate_field, Context, Field, Problem, ValueKind};

use super::failure::{Api, Failure};
use super::{banks, cards, demo, entities, status, AppState};
use crate::api::{Eligibility, EligibilityAnswer, EligibilityRequest, EmployeeStatus};

/// The answer, and whether it is about the name (which then is the field to correct).
pub struct Assessment {
    pub answer: EligibilityAnswer,
    pub about_name: bool,
}

fn context() -> Context {
    Context { today: chrono::Utc::now().date_naive(), beijing_address: false }
}

/// The number, normalised, or the rules' first finding about it (as the `field` of the request).
pub fn checked_number(kind: ValueKind, value: &str, field: &str) -> Result<String, Failure> {
    let report = validate(kind, value, &context());
    match report.errors.first() {
        Some(finding) => Err(Failure::invalid(field, finding)),
        None => Ok(report.normalized),
    }
}

pub fn required(value: &str, field: &str, label: Field) -> Result<(), Failure> {
    if value.trim().is_empty() {
        return Err(Failure::invalid(field, &Problem::Empty.describe(&label)));
    }
    Ok(())
}

fn unprocessable(code: &str, field: &str, zh: &str, en: &str) -> Failure {
    Failure::new(StatusCode::UNPROCESSABLE_ENTITY, code, zh, en).field(field)
}

/// `POST /v1/eligibility`.
pub async fn check(
    State(state): State<AppState>,
    Api(Json(mut req)): Api<Json<EligibilityRequest>>,
) -> Result<Json<EligibilityAnswer>, Failure> {
    let flow = catalog::get(&req.flow_id).filter(|f| f.asks(Question::Eligibility).is_some()).ok_or_else(|| {
        unprocessable(
            "unknown_flow",
            "flow_id",
            "该业务没有资格校验，请核对业务代码（如 bj-individual）。",
            "This flow has no eligibility check. Check the flow id (e.g. bj-individual).",
        )
    })?;
    required(&req.name, "name", Field::new("姓名", "name"))?;
    let kind = flow.jurisdiction.number_kind(&req.id_type).ok_or_else(|| {
        unprocessable(
            "unknown_id_type",
            "id_type",
            "证件类型不正确，请选择居民身份证、户口本、通行证或居住证。",
            "The type of ID is not one the agency knows: choose a resident ID card, household register, travel permit or residence permit.",
        )
    })?;
    req.id_number = checked_number(kind, &req.id_number, "id_number")?;
    if let Some(city) = &req.city {
        if !guangdong_cities().iter().any(|c| c.code == city) {
            return Err(unprocessable(
                "unknown_city",
                "city",
                "意向发卡地不是广东省的地市，请从列表中选择。",
                "The city to issue the card is not a Guangdong city. Choose one from the list.",
            ));
        }
    }
    if flow.id == "bj-employee-confirm" {
        let label = ValueKind::Uscc.field();
        let uscc = req.entity_uscc.as_deref().unwrap_or_default();
        required(uscc, "entity_uscc", label.clone())?;
        let report = validate_field(ValueKind::Uscc, uscc, &context(), &label);
        if let Some(finding) = report.errors.first() {
            return Err(Failure::invalid("entity_uscc", finding));
        }
        req.entity_uscc = Some(report.normalized);
    }
    if let Some(proxy) = &req.proxy_id_number {
        req.proxy_id_number = Some(checked_number(ValueKind::IdNumber, proxy, "proxy_id_number")?);
    }
    Ok(Json(assess(&state, &req, None).await?.answer))
}

fn answer(eligibility: Eligibility, zh: &str, en: &str) -> EligibilityAnswer {
    EligibilityAnswer {
        eligibility,
        reason_zh: zh.to_owned(),
        reason_en: en.to_owned(),
        next_flow: None,
        has_system_photo: false,
        pension: None,
        employee: None,
        collective: None,
        relationship: None,
    }
}

fn already_applied() -> EligibilityAnswer {
    answer(
        Eligibility::AlreadyApplied,
        "已有正在办理的申请或已制发的第三代社会保障卡，无需重复申领。请在“我的办事”中查看办理进度。",
        "An application is already in progress or a third-generation card has been issued, so there is no need to apply again. Check its progress under My applications.",
    )
}

fn not_eligible(zh: &str, en: &str) -> EligibilityAnswer {
    answer(Eligibility::NotEligible, zh, en)
}

/// What the agency says about `req` (its number already normalised). `exclude_case` is the
/// case being submitted, whose earlier revisions do not count as another application.
pub async fn assess(
    state: &AppState,
    req: &EligibilityRequest,
    exclude_case: Option<&str>,
) -> Result<Assessment, Failure> {
    let pool = &state.pool;
    let record = demo::find(&req.id_number);
    let registration = match (&req.entity_uscc, req.flow_id == "bj-employee-confirm") {
        (Some(uscc), true) => entities::registration(pool, uscc, &req.id_number).await?,
        _ => None,
    };
    let registered_name =
        record.map(|r| r.person.name.to_owned()).or(registration.as_ref().map(|(p, _)| p.name.clone()));
    let has_system_photo = record.is_some_and(|r| r.photo_taken_on.is_some());
    let refuse = |answer: EligibilityAnswer, about_name: bool| {
        Ok(Assessment { answer: EligibilityAnswer { has_system_photo, ..answer }, about_name })
    };

    if registered_name.is_some_and(|n| n != req.name.trim()) {
        return refuse(
            answer(
                Eligibility::NameMismatch,
                "姓名与该证件号码登记的姓名不一致，请核对姓名（应与证件上的一致）。",
                "The name does not match the name registered for this ID number. Check the name (as on the ID document).",
            ),
            true,
        );
    }
    match record.map(|r| r.standing) {
        Some(demo::Standing::AlreadyApplied) => return refuse(already_applied(), false),
        Some(demo::Standing::NotEligible) => {
            return refuse(
                not_eligible(
                    "暂无可网上申领的参保记录，请携带身份证件到社保经办机构或合作银行网点办理。",
                    "There is no insurance record that allows an online application. Apply in person at a social security office or a partner bank branch, with the ID document.",
                ),
                false,
            )
        }
        _ => {}
    }
    if status::has_applied(state, &req.id_number, exclude_case).await? {
        return refuse(already_applied(), false);
    }
    if req.flow_id.starts_with("gd-") {
        let open = cards::open_cards(pool, &req.id_number).await?;
        if open.iter().any(|c| req.city.as_ref() != Some(&c.city)) {
            let mut a = answer(
                Eligibility::OnePersonOneCard,
                "您在省内其他城市已有社会保障卡。根据“一人一卡”规定，请先办理“一人一卡清理”，再继续申领。",
                "You already hold a social security card from another city in the province. Under the one-person-one-card rule, clean up the other cards first, then continue.",
            );
            a.next_flow = Some("gd-card-cleanup".into());
            return refuse(a, false);
        }
    }
    let mut eligible = answer(Eligibility::Eligible, "符合申领条件，可以继续办理。", "The person may apply; continue.");
    eligible.has_system_photo = has_system_photo;
    if req.flow_id == "bj-retiree" {
        eligible.pension = Some(banks::pension(&req.id_number));
    }
    eligible.relationship = req.proxy_id_number.as_deref().map(relationship);
    if req.flow_id == "bj-employee-confirm" {
        let collective = match &req.entity_uscc {
            Some(uscc) => entities::collective(pool, uscc).await?,
            None => None,
        };
        let Some(collective) = collective else {
            return refuse(
                answer(
                    Eligibility::EntityNotOpen,
                    "该单位尚未开通集体申请，请联系单位经办人先开通。",
                    "The employer has not opened a collective application yet. Ask its designated person to open it first.",
                ),
                false,
            );
        };
        let Some((person, employee_status)) = registration else {
            return refuse(
                answer(
                    Eligibility::NotOnEntityList,
                    "您不在该单位集体申请登记的职工名单中，请联系单位经办人核对。",
                    "You are not on the employer's list of employees for the collective application. Ask its designated person to check.",
                ),
                false,
            );
        };
        if employee_status == EmployeeStatus::Submitted {
            return refuse(already_applied(), false);
        }
        eligible.employee = Some(person);
        eligible.collective = Some(collective);
    }
    Ok(Assessment { answer: eligible, about_name: false })
}

/// The proxy's relationship to the child as the agency's records state it. The reference agency
/// has no household records: a parent, by the gender digit of the proxy's ID number (GB 11643
/// digit 17, odd for men).
fn relationship(proxy_id_number: &str) -> String {
    let odd = proxy_id_number.chars().nth(16).and_then(|c| c.to_digit(10)).is_some_and(|d| d % 2 == 1);
    (if odd { "father" } else { "mother" }).to_owned()
}
