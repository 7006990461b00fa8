//! The OpenAPI document (`docs/agency-api.yaml`) is well-formed, names exactly the wire types of
//! `api.rs`, and the reference server answers as it says.

use std::collections::{BTreeMap, BTreeSet};

use jsonschema::{Draft, Validator};
use serde_json::{json, Value};

const DOC: &str = include_str!("../../../../docs/agency-api.yaml");
const API_RS: &str = include_str!("../src/api.rs");
const METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

fn document() -> Value {
    serde_norway::from_str(DOC).expect("docs/agency-api.yaml is YAML")
}

/// A validator for `schema` (a schema object from the document, usually a `$ref` into
/// `components/schemas`): the document's components go into the root, so every
/// `#/components/...` pointer resolves inside it and nothing is fetched.
fn validator(doc: &Value, schema: &Value) -> Validator {
    let mut root = schema.clone();
    root.as_object_mut().expect("a schema is an object").insert("components".into(), doc["components"].clone());
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .should_validate_formats(true)
        .build(&root)
        .unwrap_or_else(|e| panic!("schema {schema} does not compile: {e}"))
}

/// Every violation of `schema` by `instance`, one per line.
fn violations(doc: &Value, schema: &Value, instance: &Value) -> Option<String> {
    let v = validator(doc, schema);
    let errors: Vec<String> = v.iter_errors(instance).map(|e| format!("  {}: {e}", e.instance_path())).collect();
    (!errors.is_empty()).then(|| errors.join("\n"))
}

/// Follows a `$ref` to a reusable response, parameter or header.
fn deref<'a>(doc: &'a Value, v: &'a Value) -> &'a Value {
    match v.get("$ref").and_then(Value::as_str) {
        Some(r) => deref(doc, doc.pointer(r.strip_prefix('#').expect("a local $ref")).expect("$ref resolves")),
        None => v,
    }
}

/// Every documented operation: (METHOD, path template).
fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut ops = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in METHODS {
            if item.get(method).is_some() {
                ops.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    ops
}

fn all_refs<'a>(v: &'a Value, at: String, out: &mut Vec<(String, &'a str)>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                if k == "$ref" {
                    out.push((at.clone(), child.as_str().unwrap_or("(not a string)")));
                } else {
                    all_refs(child, format!("{at}/{k}"), out);
                }
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                all_refs(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

// ---- api.rs, read as text ----

/// A `pub struct` or `pub enum` of api.rs: its fields (name, Rust type, optional on the wire) or
/// its variants (as snake_case).
#[derive(Debug)]
enum RustType {
    Struct(Vec<(String, String, bool)>),
    Enum(Vec<String>),
}

fn snake_case(camel: &str) -> String {
    let mut out = String::new();
    for (i, c) in camel.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

fn api_types() -> BTreeMap<String, RustType> {
    let mut types = BTreeMap::new();
    let mut lines = API_RS.lines();
    while let Some(line) = lines.next() {
        let (is_struct, rest) = match line.strip_prefix("pub struct ") {
            Some(rest) => (true, rest),
            None => match line.strip_prefix("pub enum ") {
                Some(rest) => (false, rest),
                None => continue,
            },
        };
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        let mut fields = Vec::new();
        let mut variants = Vec::new();
        let mut optional_attr = false;
        for body in lines.by_ref() {
            let body = body.trim();
            if body == "}" {
                break;
            }
            if body.starts_with("///") || body.is_empty() {
                continue;
            }
            if body.starts_with("#[serde(") {
                optional_attr |= body.contains("default") || body.contains("skip_serializing_if");
                continue;
            }
            if is_struct {
                let (field, ty) = body
                    .strip_prefix("pub ")
                    .and_then(|f| f.split_once(": "))
                    .unwrap_or_else(|| panic!("api.rs {name}: cannot read the field line {body:?}"));
                let ty = ty.trim_end_matches(',').to_owned();
                let optional = optional_attr || ty.starts_with("Option<");
                fields.push((field.to_owned(), ty, optional));
            } else {
                variants.push(snake_case(body.trim_end_matches(',')));
            }
            optional_attr = false;
        }
        types.insert(name, if is_struct { RustType::Struct(fields) } else { RustType::Enum(variants) });
    }
    types
}

/// Whether a property schema fits a Rust field type (the JSON serde makes of it).
fn fits(ty: &str, schema: &Value) -> Result<(), String> {
    let inner = |prefix: &str| ty.strip_prefix(prefix).and_then(|t| t.strip_suffix('>'));
    let ty = inner("Option<").unwrap_or(ty);
    let reference = schema.get("$ref").and_then(Value::as_str);
    let kind = schema.get("type").and_then(Value::as_str);
    let format = schema.get("format").and_then(Value::as_str);
    let ok = match ty {
        "String" => kind == Some("string"),
        "bool" => kind == Some("boolean"),
        "u32" | "u64" => kind == Some("integer") && schema["minimum"].as_u64().is_some(),
        "DateTime<Utc>" => kind == Some("string") && format == Some("date-time"),
        "NaiveDate" => kind == Some("string") && format == Some("date"),
        "Value" => true,
        _ if ty.starts_with("BTreeMap<String, ") => {
            let value = &ty["BTreeMap<String, ".len()..ty.len() - 1];
            kind == Some("object") && schema.get("additionalProperties").is_none_or(|a| fits(value, a).is_ok())
        }
        _ => match inner("Vec<") {
            Some(item) => kind == Some("array") && fits(item, &schema["items"]).is_ok(),
            None => reference == Some(&format!("#/components/schemas/{ty}")),
        },
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{ty} is not described by {schema}"))
    }
}

#[test]
fn the_document_is_well_formed() {
    let doc = document();
    assert_eq!(doc["openapi"], "3.1.0");
    for key in ["title", "version", "description"] {
        assert!(doc["info"][key].as_str().is_some_and(|s| !s.is_empty()), "info.{key} is missing");
    }
    let bearer = &doc["components"]["securitySchemes"]["bearerAuth"];
    assert_eq!((&bearer["type"], &bearer["scheme"]), (&json!("http"), &json!("bearer")), "bearerAuth");
    assert_eq!(doc["security"], json!([{"bearerAuth": []}]), "every operation needs the token unless it says otherwise");

    // Every $ref points inside the document, at something that is there.
    let mut refs = Vec::new();
    all_refs(&doc, String::new(), &mut refs);
    assert!(refs.len() > 50, "the document uses $ref throughout");
    for (at, r) in &refs {
        let pointer = r.strip_prefix('#').unwrap_or_else(|| panic!("{at}: $ref {r} is not inside the document"));
        assert!(doc.pointer(pointer).is_some(), "{at}: $ref {r} does not resolve");
    }

    // Every operation: an id (unique), a summary in Chinese and English, tags, a 2xx answer,
    // every answer described (with a schema for each media type), every path parameter declared.
    let mut ids = BTreeSet::new();
    for (method, path) in operations(&doc) {
        let item = &doc["paths"][&path];
        let op = &item[method.to_lowercase()];
        let at = format!("{method} {path}");
        let id = op["operationId"].as_str().unwrap_or_else(|| panic!("{at}: no operationId"));
        assert!(ids.insert(id.to_owned()), "{at}: operationId {id} is used twice");
        let summary = op["summary"].as_str().unwrap_or_else(|| panic!("{at}: no summary"));
        let (zh, en) = summary.split_once(" / ").unwrap_or_else(|| panic!("{at}: summary is not \"zh / en\""));
        assert!(zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{at}: summary has no Chinese");
        assert!(en.is_ascii(), "{at}: the English summary is not after the Chinese");
        assert!(op["tags"].as_array().is_some_and(|t| !t.is_empty()), "{at}: no tags");
        let responses = op["responses"].as_object().unwrap_or_else(|| panic!("{at}: no responses"));
        assert!(responses.keys().any(|s| s.starts_with('2')), "{at}: no 2xx response");
        for (status, response) in responses {
            assert!(status.len() == 3 && status.parse::<u16>().is_ok(), "{at}: response {status:?} is not a status code");
            let response = deref(&doc, response);
            assert!(response["description"].as_str().is_some_and(|d| !d.is_empty()), "{at} {status}: no description");
            let content = response["content"].as_object().unwrap_or_else(|| panic!("{at} {status}: no content"));
            for (media, body) in content {
                assert!(body.get("schema").is_some(), "{at} {status} {media}: no schema");
            }
            if !status.starts_with('2') {
                assert_eq!(
                    content.get("application/json").map(|c| &c["schema"]),
                    Some(&json!({"$ref": "#/components/schemas/ApiError"})),
                    "{at} {status}: every answer that is not 2xx is an ApiError"
                );
            }
        }
        let needs_token = op.get("security").is_none_or(|s| s != &json!([]));
        assert_eq!(needs_token, responses.contains_key("401"), "{at}: 401 is documented exactly when a token is needed");
        assert_eq!(!needs_token, path == "/v1/health", "{at}: only health goes without a token");
        for common in ["429", "500"] {
            assert!(responses.contains_key(common), "{at}: {common} is not documented");
        }
        if let Some(body) = op.get("requestBody") {
            assert_eq!(body["required"], true, "{at}: the request body is required");
        }
        let params: Vec<&Value> = item
            .get("parameters")
            .into_iter()
            .chain(op.get("parameters"))
            .flat_map(|p| p.as_array().expect("parameters is a list"))
            .map(|p| deref(&doc, p))
            .collect();
        for segment in path.split('/').filter(|s| s.starts_with('{')) {
            let name = segment.trim_matches(['{', '}']);
            assert!(
                params.iter().any(|p| p["in"] == "path" && p["name"] == name && p["required"] == true),
                "{at}: path parameter {name} is not declared"
            );
        }
        for p in &params {
            assert!(p.get("schema").is_some() && p.get("description").is_some(), "{at}: parameter {} lacks a schema or description", p["name"]);
            if p["in"] == "query" {
                let name = p["name"].as_str().unwrap_or_default();
                assert!(!["id_number", "name", "mobile"].contains(&name), "{at}: personal data in the query string");
            }
        }
    }

    // Every schema compiles, and the components name exactly api.rs's types.
    let schemas = doc["components"]["schemas"].as_object().expect("components.schemas");
    for name in schemas.keys() {
        validator(&doc, &json!({"$ref": format!("#/components/schemas/{name}")}));
    }
    let types = api_types();
    let documented: BTreeSet<&String> = schemas.keys().collect();
    let defined: BTreeSet<&String> = types.keys().collect();
    assert!(defined.len() > 25, "api.rs was read: {defined:?}");
    assert_eq!(documented, defined, "components.schemas and api.rs's pub structs and enums differ");

    // Field by field: the same names, required-ness and JSON types; enums with the same values.
    for (name, ty) in &types {
        let schema = &schemas[name];
        match ty {
            RustType::Enum(variants) => {
                assert_eq!(schema["type"], "string", "{name}");
                assert_eq!(schema["enum"], json!(variants), "{name}: the values differ from api.rs's variants");
            }
            RustType::Struct(fields) => {
                assert_eq!(schema["type"], "object", "{name}");
                assert_eq!(schema["additionalProperties"], false, "{name}: the schema lists every field");
                let properties = schema["properties"].as_object().unwrap_or_else(|| panic!("{name}: no properties"));
                let names: BTreeSet<&str> = fields.iter().map(|f| f.0.as_str()).collect();
                assert_eq!(properties.keys().map(String::as_str).collect::<BTreeSet<_>>(), names, "{name}: the fields differ");
                let required: BTreeSet<&str> = fields.iter().filter(|f| !f.2).map(|f| f.0.as_str()).collect();
                let documented_required: BTreeSet<&str> =
                    schema["required"].as_array().into_iter().flatten().filter_map(Value::as_str).collect();
                assert_eq!(documented_required, required, "{name}: required fields differ from api.rs");
                for (field, rust, _) in fields {
                    if let Err(e) = fits(rust, &properties[field]) {
                        panic!("{name}.{field}: {e}");
                    }
                }
            }
        }
    }
}

#[test]
fn the_schemas_judge_json_as_expected() {
    // The root-with-components construction resolves nested $refs and checks formats.
    let doc = document();
    let receipt = json!({"$ref": "#/components/schemas/Receipt"});
    let good = json!({"case_id": "c", "revision": 1, "reference": "BJ1", "status": "submitted",
        "received_at": "2026-11-21T08:00:00.123456Z", "replayed": false});
    assert_eq!(violations(&doc, &receipt, &good), None);
    for (bad, why) in [
        (json!({"status": "lost"}), "an unknown enum value"),
        (json!({"received_at": "yesterday"}), "a date-time that is not one"),
        (json!({"extra": 1}), "a field the document does not list"),
        (json!({"revision": 0}), "a revision below 1"),
    ] {
        let mut instance = good.clone();
        instance.as_object_mut().unwrap().extend(bad.as_object().unwrap().clone());
        assert!(violations(&doc, &receipt, &instance).is_some(), "{why} passed");
    }
    let error = json!({"$ref": "#/components/schemas/ApiError"});
    let problem = json!({"field": "applicant.name", "code": "required", "message_zh": "请填写", "message_en": "fill in"});
    assert_eq!(violations(&doc, &error, &json!({"code": "invalid_case", "message_zh": "x", "message_en": "x", "problems": [problem]})), None);
    let missing = json!({"code": "invalid_case", "message_zh": "x", "message_en": "x", "problems": [{"field": "a"}]});
    assert!(violations(&doc, &error, &missing).is_some(), "a nested $ref (FieldProblem) is checked");
}
