//! The agency's answers as a case holds them: `agency.<name>` values the flows read (conditions,
//! locked values, option lists). The app stores them after asking the agency; the reference
//! server computes the same values itself before re-validating a submitted case.

use serde_json::{json, Value};

use crate::api::{Cards, Collective, Directory, EligibilityAnswer, Employees};

/// `(path, value)` pairs to save on the case.
pub type AgencyAnswers = Vec<(String, Value)>;

fn at(name: &str, value: Value) -> (String, Value) {
    (format!("agency.{name}"), value)
}

pub fn from_eligibility(a: &EligibilityAnswer) -> AgencyAnswers {
    let mut out = vec![
        at("eligibility", serde_json::to_value(a.eligibility).unwrap_or_default()),
        at("has_system_photo", Value::Bool(a.has_system_photo)),
    ];
    if let Some(p) = &a.pension {
        out.push(at("pension_bank", json!(p.bank)));
        out.push(at("pension_branch", json!(p.branch)));
        out.push(at("pickup_allowed", json!(p.pickup_allowed)));
    }
    if let Some(e) = &a.employee {
        out.push(at("employee_name", json!(e.name)));
        out.push(at("employee_id_type", json!(e.id_type)));
        out.push(at("employee_id_number", json!(e.id_number)));
    }
    if let Some(c) = &a.collective {
        out.extend(from_collective(c));
    }
    if let Some(r) = &a.relationship {
        out.push(at("relationship", json!(r)));
    }
    out
}

/// Options are `{value, label}` objects (`options_from` in the flow definitions); a branch also
/// names its bank, so the branch list follows the chosen bank.
pub fn from_directory(d: &Directory) -> AgencyAnswers {
    let banks = d.banks.iter().map(|b| json!({"value": b.name, "label": b.name})).collect();
    let branches = d.branches.iter().map(|b| json!({"value": b.name, "label": b.name, "bank": b.bank})).collect();
    vec![at("banks", Value::Array(banks)), at("branches", Value::Array(branches))]
}

pub fn from_collective(c: &Collective) -> AgencyAnswers {
    let banks = c.banks.iter().map(|b| json!({"value": b, "label": b})).collect();
    let branches = c.branches.iter().map(|b| json!({"value": b.name, "label": b.name, "bank": b.bank})).collect();
    vec![
        at("entity_collects", Value::Bool(c.entity_collects)),
        at("entity_banks", Value::Array(banks)),
        at("entity_branches", Value::Array(branches)),
    ]
}

/// The roster the employer's submit page shows: who, their masked ID number and how far along.
pub fn from_employees(e: &Employees) -> AgencyAnswers {
    let list = e
        .employees
        .iter()
        .map(|e| json!({"id": e.id, "name": e.name, "id_number_masked": e.id_number_masked, "status": e.status}))
        .collect();
    vec![at("employees", Value::Array(list))]
}

/// Every card is selected and the selection cannot change (G3), so the value is the ids.
pub fn from_cards(c: &Cards) -> AgencyAnswers {
    let list = c
        .cards
        .iter()
        .map(|card| {
            // 004 §1.3.10: 发卡城市、服务银行、社保卡号、卡状态 (the name is the person's, shown above).
            let label = format!("{} {} {}（{}）", card.city_name, card.bank, card.card_number_masked, card.status_zh);
            json!({"value": card.id, "label": label})
        })
        .collect();
    vec![at("cards", Value::Array(list))]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Employee, EmployeeStatus};

    #[test]
    fn the_roster_keeps_the_masked_id_number_and_never_the_whole_one() {
        let employees = Employees {
            employees: vec![Employee {
                id: "e1".into(),
                name: "张三".into(),
                id_number_masked: "1101**********002X".into(),
                status: EmployeeStatus::Registered,
            }],
        };
        let answers = from_employees(&employees);
        assert_eq!(answers[0].0, "agency.employees");
        assert_eq!(
            answers[0].1,
            json!([{"id": "e1", "name": "张三", "id_number_masked": "1101**********002X", "status": "registered"}])
        );
    }
}
