//! Checks a flow definition can work: ids are unique, every condition reads a field that comes
//! earlier (so there is no cycle and every step can be reached), compares it with a value that
//! field can take, and every document, rule and lock points at something real.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::condition::Condition;
use crate::definition::{CodeList, Field, Flow, Input, Rule, StepKind};
use crate::summary::answer_to_check;
use crate::vocabulary::{DocumentKind, COLLECTION_METHODS, ID_TYPES};

/// Every problem in `flow`, or `Ok` when there is none.
pub fn check(flow: &Flow) -> Result<(), Vec<String>> {
    let mut problems = Vec::new();
    let mut step_ids = BTreeSet::new();
    for step in &flow.steps {
        if !step_ids.insert(step.id.as_str()) {
            problems.push(format!("step \"{}\" is defined twice", step.id));
        }
    }

    // Paths a condition may read at each point: fields seen so far, facts derived from them,
    // and what is not typed into a field (`agency.`, `documents.`).
    let mut known: Vec<&Field> = Vec::new();
    let mut facts: BTreeSet<String> = BTreeSet::new();
    for step in &flow.steps {
        if let Some(c) = &step.when {
            check_condition(c, &known, &facts, &format!("step \"{}\"", step.id), &mut problems);
        }
        for field in &step.fields {
            let place = format!("field \"{}\"", field.path);
            if known.iter().any(|f| f.path == field.path) {
                problems.push(format!("{place} is defined twice"));
            }
            for c in field.when.iter().chain(field.options.iter().filter_map(|o| o.when.as_ref())) {
                check_condition(c, &known, &facts, &place, &mut problems);
            }
            if let Some(c) = field.derive.as_ref().and_then(|d| d.when.as_ref()) {
                check_condition(c, &known, &facts, &place, &mut problems);
            }
            if let Some(only) = field.options_from.as_ref().and_then(|f| f.only.as_ref()) {
                match (&only.is, &only.same_as) {
                    (Some(_), None) => {}
                    (None, Some(path)) if known.iter().any(|f| &f.path == path) => {}
                    (None, Some(path)) => {
                        problems.push(format!("{place}: `same_as` reads \"{path}\", not an earlier field"))
                    }
                    _ => problems.push(format!("{place}: `only` needs exactly one of `is` and `same_as`")),
                }
            }
            check_field(field, &known, &mut problems);
            known.push(field);
            if matches!(field.input, Input::IdNumber | Input::SocialSecurityNumber | Input::DocumentNumber)
                || (field.input == Input::Date && field.path.ends_with(".birth_date"))
            {
                let holder = field.path.rsplit_once('.').map_or("", |(p, _)| p);
                facts.extend(["birth_date", "gender", "age"].map(|f| format!("{holder}.{f}")));
            }
        }
    }

    // Documents, locks and rules are judged on the whole case, so any field may be read.
    for doc in &flow.documents {
        let place = format!("document {:?}", doc.kind);
        match flow.steps.iter().find(|s| s.id == doc.step) {
            Some(s) if s.kind == StepKind::Documents => {}
            _ => problems.push(format!("{place} names \"{}\", which is not a documents step", doc.step)),
        }
        if let Some(c) = &doc.when {
            check_condition(c, &known, &facts, &place, &mut problems);
        }
    }
    for field in &known {
        if let Some(lock) = &field.locked {
            if let Some(c) = &lock.when {
                check_condition(c, &known, &facts, &format!("lock of \"{}\"", field.path), &mut problems);
            }
            if lock.when.is_none() == lock.from.is_none() {
                problems.push(format!("lock of \"{}\" needs exactly one of `when` and `from`", field.path));
            }
            if lock.value.is_some() && lock.from.is_some() {
                problems.push(format!("lock of \"{}\" has both `value` and `from`", field.path));
            }
            let options = &field.options;
            if lock.value.as_ref().is_some_and(|v| !options.is_empty() && !options.iter().any(|o| &o.value == v)) {
                problems.push(format!("lock of \"{}\": `value` is not one of its options", field.path));
            }
            if lock.from.as_ref().is_some_and(|p| !p.starts_with("agency.")) {
                problems.push(format!("lock of \"{}\" takes its value from outside `agency.`", field.path));
            }
        }
    }
    for rule in &flow.rules {
        let field = match rule {
            Rule::AgeBelow { field, .. } | Rule::NotFuture { field } => field,
            Rule::SameAs { field, other, when } => {
                if let Some(c) = when {
                    check_condition(c, &known, &facts, &format!("rule on \"{field}\""), &mut problems);
                }
                if !known.iter().any(|f| &f.path == other) {
                    problems.push(format!("rule on \"{field}\": no field \"{other}\""));
                }
                field
            }
            Rule::HeldBy { field, resident } => {
                if !known.iter().any(|f| &f.path == resident) {
                    problems.push(format!("rule on \"{field}\": no field \"{resident}\""));
                }
                field
            }
            Rule::DateOrder { earlier, later } => {
                if !known.iter().any(|f| &f.path == earlier) {
                    problems.push(format!("rule on \"{later}\": no field \"{earlier}\""));
                }
                later
            }
            Rule::AgencyRefusal { field, when, .. } => {
                check_condition(when, &known, &facts, &format!("rule on \"{field}\""), &mut problems);
                field
            }
        };
        if !known.iter().any(|f| &f.path == field) {
            problems.push(format!("rule on \"{field}\": no such field"));
        }
    }
    for (i, ask) in flow.agency.iter().enumerate() {
        if !flow.steps.iter().any(|s| s.id == ask.after) {
            problems.push(format!("question {:?} is asked after \"{}\", which is not a step", ask.ask, ask.after));
        }
        if flow.agency[..i].iter().any(|a| a.ask == ask.ask) {
            problems.push(format!("question {:?} is asked twice", ask.ask));
        }
    }
    check_sections(flow, &mut problems);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// A flow's own check-answers layout shows every answer once: nothing a person gave is left off
/// the page they confirm.
fn check_sections(flow: &Flow, problems: &mut Vec<String>) {
    if flow.check_answers.is_empty() {
        return;
    }
    let mut ids = BTreeSet::new();
    let mut listed = BTreeSet::new();
    for section in &flow.check_answers {
        if !ids.insert(section.id.as_str()) {
            problems.push(format!("check-answers section \"{}\" is defined twice", section.id));
        }
        for path in &section.fields {
            match flow.field(path) {
                None => problems.push(format!("check-answers section \"{}\": no field \"{path}\"", section.id)),
                Some(f) if !answer_to_check(f.input, f.sms_to.is_some()) => problems.push(format!(
                    "check-answers section \"{}\": \"{path}\" is a consent or an SMS code, not an answer to check",
                    section.id
                )),
                Some(_) if !listed.insert(path.as_str()) => {
                    problems.push(format!("check-answers: \"{path}\" is in more than one section"))
                }
                Some(_) => {}
            }
        }
    }
    for (_, field) in flow.fields() {
        if answer_to_check(field.input, field.sms_to.is_some()) && !listed.contains(field.path.as_str()) {
            problems.push(format!("check-answers: \"{}\" is in no section", field.path));
        }
    }
    let with_documents = flow.check_answers.iter().filter(|s| s.documents).count();
    if !flow.documents.is_empty() && with_documents != 1 {
        problems.push(format!("check-answers: the uploads must be in exactly one section, not {with_documents}"));
    }
}

fn check_field(field: &Field, earlier: &[&Field], problems: &mut Vec<String>) {
    let place = format!("field \"{}\"", field.path);
    if field.max_length.is_some() && field.input != Input::Text {
        problems.push(format!("{place}: `max_length` is for text fields"));
    }
    if field.roster && field.options_from.is_none() {
        problems.push(format!("{place}: `roster` shows the list of `options_from`, which it has not"));
    }
    match field.default_document {
        Some(_) if field.input != Input::YesNo => {
            problems.push(format!("{place}: `default_document` needs a yes/no question"))
        }
        // The one default picture there is: the cartoon card photo (banka-photos).
        Some(kind) if kind != DocumentKind::CardPhoto => {
            problems.push(format!("{place}: only `card_photo` has a default picture, not `{}`", kind.name()))
        }
        _ => {}
    }
    if field.options_from.as_ref().is_some_and(|from| !from.path.starts_with("agency.")) {
        problems.push(format!("{place}: `options_from` must read the agency's data (`agency.`)"));
    }
    match field.input {
        Input::Choice | Input::MultiChoice if field.options.is_empty() && field.options_from.is_none() => {
            problems.push(format!("{place}: a choice needs options or options_from"))
        }
        Input::CodeList if field.list.is_none() => problems.push(format!("{place}: a code-list needs `list`")),
        Input::Branch if !matches!(field.list, Some(CodeList::BeijingDistricts | CodeList::GuangdongCities)) => {
            problems.push(format!("{place}: a branch needs `list`, the districts or cities the directory is by"))
        }
        Input::DocumentNumber => {
            let id_type = field.id_type_field.as_ref().and_then(|p| earlier.iter().find(|f| &f.path == p));
            match id_type {
                Some(f) if f.options.iter().all(|o| o.value.as_str().is_some_and(|v| ID_TYPES.contains(&v))) => {}
                _ => problems.push(format!("{place}: `id_type_field` must name an earlier choice of ID types")),
            }
        }
        _ => {}
    }
    if field.sms_to.as_ref().is_some_and(|to| !earlier.iter().any(|f| &f.path == to && f.input == Input::Mobile)) {
        problems.push(format!("{place}: `sms_to` must name an earlier mobile number field"));
    }
    if field.path == "collection.method"
        && !field.options.iter().all(|o| o.value.as_str().is_some_and(|v| COLLECTION_METHODS.contains(&v)))
    {
        problems.push(format!("{place}: options must be collection methods {COLLECTION_METHODS:?}"));
    }
}

fn check_condition(c: &Condition, known: &[&Field], facts: &BTreeSet<String>, place: &str, problems: &mut Vec<String>) {
    for path in c.fields() {
        let external = path.starts_with("agency.") || path.starts_with("documents.");
        if !external && !facts.contains(path) && !known.iter().any(|f| f.path == path) {
            problems.push(format!("{place}: condition reads \"{path}\", which is not an earlier field"));
        }
    }
    for (path, value) in c.compared_values() {
        let Some(field) = known.iter().find(|f| f.path == path) else {
            continue;
        };
        let possible = match field.input {
            Input::Choice if field.options_from.is_none() => field.options.iter().any(|o| &o.value == value),
            Input::YesNo | Input::Consent => value.is_boolean(),
            _ => !matches!(value, Value::Null),
        };
        if !possible {
            problems.push(format!("{place}: \"{path}\" can never be {value}, so this never holds"));
        }
    }
}
