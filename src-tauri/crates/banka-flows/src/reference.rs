//! The flow reference (docs/flows.md): every flow's steps, field paths, documents and rules,
//! generated from the definitions so it cannot drift from them.

use std::fmt::Write;

use crate::definition::{AgencyPhoto, Field, Flow, Question, Rule};

pub fn markdown(flows: &[Flow]) -> String {
    let mut out = String::from(
        "# Flow reference\n\nGenerated from `src-tauri/crates/banka-flows/flows/` by `make reference`; do not edit.\n\
         Answers are a JSON object keyed by these field paths (`banka flow evaluate <id> answers.json`);\n\
         uploads are recorded as `documents.<kind>` and the agency's answers as `agency.<name>`.\n",
    );
    for flow in flows {
        let _ = writeln!(out, "\n## `{}` — {} / {}\n", flow.id, flow.title_zh, flow.title_en);
        let elderly = if flow.elderly { " Opens in elderly mode (长者版)." } else { "" };
        let _ = writeln!(out, "Version {}. Source: {}.{elderly}\n", flow.version, flow.source);
        for (n, step) in flow.steps.iter().enumerate() {
            let when = step.when.as_ref().map(|c| format!(" — only when `{c}`")).unwrap_or_default();
            let _ = writeln!(out, "{}. **{}** {} / {}{when}", n + 1, step.id, step.title_zh, step.title_en);
        }
        out.push_str("\n| field | type | label | required | shown when | notes |\n|---|---|---|---|---|---|\n");
        for (_, field) in flow.fields() {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} / {} | {} | {} | {} |",
                field.path,
                serde_json::to_value(field.input).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default(),
                field.label_zh,
                field.label_en,
                if field.required { "yes" } else { "no" },
                field.when.as_ref().map(|c| format!("`{c}`")).unwrap_or_default(),
                notes(field),
            );
        }
        if !flow.documents.is_empty() {
            out.push_str("\n| document | required when |\n|---|---|\n");
            for doc in &flow.documents {
                let (zh, en) = doc.kind.label();
                let when = doc.when.as_ref().map(|c| format!("`{c}`")).unwrap_or_else(|| "always".into());
                let when = if doc.required { when } else { format!("optional; {when}") };
                let _ = writeln!(out, "| `{}` {zh} / {en} | {when} |", doc.kind.name());
            }
        }
        if !flow.agency.is_empty() {
            let _ = writeln!(out, "\nAsks the agency:\n");
            for ask in &flow.agency {
                let gate = if ask.ask == Question::Eligibility {
                    "; a gate: the case cannot be finished until the agency says yes"
                } else {
                    ""
                };
                let _ = writeln!(
                    out,
                    "- `{}` once step `{}` is complete, and again when an answer up to it changes{gate}.",
                    ask.ask.name(),
                    ask.after
                );
            }
        }
        if !flow.check_answers.is_empty() {
            let _ = writeln!(out, "\nCheck answers, in sections of its own:\n");
            for section in &flow.check_answers {
                let mut shown: Vec<String> = section.fields.iter().map(|f| format!("`{f}`")).collect();
                if section.documents {
                    shown.push("the uploads".into());
                }
                let _ = writeln!(out, "- {} / {}: {}", section.title_zh, section.title_en, shown.join(", "));
            }
        }
        for rule in &flow.rules {
            let _ = match rule {
                Rule::AgeBelow { field, years } => {
                    writeln!(out, "\n- Rule: the person of `{field}` must be under {years} on the application date.")
                }
                Rule::SameAs { field, other, when } => writeln!(
                    out,
                    "\n- Rule: `{field}` must equal `{other}`{}.",
                    when.as_ref().map(|c| format!(" when `{c}`")).unwrap_or_default()
                ),
                Rule::NotFuture { field } => {
                    writeln!(out, "\n- Rule: `{field}` may not be after the application date.")
                }
                Rule::DateOrder { earlier, later } => writeln!(out, "\n- Rule: `{later}` must be after `{earlier}`."),
                Rule::HeldBy { field, resident } => {
                    writeln!(
                        out,
                        "\n- Rule: `{field}` must be a document a resident of the type in `{resident}` holds."
                    )
                }
                Rule::AgencyRefusal { field, when, refusal, next_flow } => writeln!(
                    out,
                    "\n- Rule: when `{when}`, the agency refuses ({refusal:?}) at `{field}`{}.",
                    next_flow.as_ref().map(|n| format!("; the user continues with `{n}`")).unwrap_or_default()
                ),
            };
        }
    }
    out
}

fn notes(field: &Field) -> String {
    let mut notes = Vec::new();
    let values: Vec<String> = field
        .options
        .iter()
        .map(|o| match &o.when {
            Some(c) => format!("{} (when `{c}`)", o.value),
            None => o.value.to_string(),
        })
        .collect();
    if !values.is_empty() {
        notes.push(format!("options {}", values.join(", ")));
    }
    if let Some(from) = &field.options_from {
        let only = from.only.as_ref().map(|o| match (&o.is, &o.same_as) {
            (Some(v), _) => format!(" whose `{}` is {v}", o.key),
            (None, Some(p)) => format!(" whose `{}` is the answer to `{p}`", o.key),
            (None, None) => String::new(),
        });
        notes.push(format!("options from `{}`{}", from.path, only.unwrap_or_default()));
    }
    if let Some(list) = field.list {
        notes.push(format!(
            "list `{}`",
            serde_json::to_value(list).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default()
        ));
    }
    if let Some(to) = &field.sms_to {
        notes.push(format!("SMS code sent to `{to}`"));
    }
    if let Some(default) = &field.default {
        notes.push(format!("default {default}"));
    }
    match field.agency_photo {
        Some(AgencyPhoto::Receipt) => notes.push("the agency's photo under it shown with it".into()),
        Some(AgencyPhoto::OnFile) => notes.push("the person's photo on file shown with it".into()),
        None => {}
    }
    if field.roster {
        notes.push("the whole list shown with it".into());
    }
    if let Some(kind) = field.default_document {
        notes.push(format!("yes = the default `{}`, offered at the upload", kind.name()));
    }
    if let Some(lock) = &field.locked {
        notes.push(match (&lock.from, &lock.when) {
            (Some(from), _) if lock.open_until_known => format!("locked to `{from}` once known"),
            (Some(from), _) => format!("locked to `{from}`"),
            (None, Some(when)) if lock.value.is_some() => {
                format!(
                    "set to {} and locked while `{when}`",
                    lock.value.as_ref().map(|v| v.to_string()).unwrap_or_default()
                )
            }
            (None, Some(when)) => format!("locked once `{when}`"),
            (None, None) => "locked".into(),
        });
    }
    if let Some(d) = &field.derive {
        let when = d.when.as_ref().map(|c| format!(" when `{c}`")).unwrap_or_default();
        notes.push(format!("derived: {}th birthday of `{}`{when}", d.years, d.birthday_of));
    }
    notes.join("; ")
}
