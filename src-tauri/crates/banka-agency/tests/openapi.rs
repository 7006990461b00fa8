//! The OpenAPI document (`docs/agency-api.yaml`) is well-formed, names exactly the wire types of
//! `api.rs`, and the reference server answers as it says.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use banka_agency::agency_data::{self, AgencyAnswers};
use banka_agency::api::Directory;
use banka_agency::server::{self, demo, Config, Faults, Running};
use banka_flows::{catalog, evaluate, Answers, Situation};
use chrono::Utc;
use jsonschema::{Draft, Validator};
use reqwest::header::{HeaderMap, CONTENT_TYPE};
use reqwest::Method;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

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
            // Doc comments, and the TypeScript bindings' attributes (not part of the JSON).
            if body.starts_with("///") || body.is_empty() || body.starts_with("#[cfg_attr(feature = \"ts\"") {
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
    assert_eq!(
        doc["security"],
        json!([{"bearerAuth": []}]),
        "every operation needs the token unless it says otherwise"
    );

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
            assert!(
                status.len() == 3 && status.parse::<u16>().is_ok(),
                "{at}: response {status:?} is not a status code"
            );
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
        let security = op.get("security").unwrap_or_else(|| panic!("{at}: no security of its own"));
        assert!(
            [json!([]), json!([{"bearerAuth": []}])].contains(security),
            "{at}: security is neither none nor bearerAuth"
        );
        let needs_token = security != &json!([]);
        assert_eq!(
            needs_token,
            responses.contains_key("401"),
            "{at}: 401 is documented exactly when a token is needed"
        );
        assert_eq!(!needs_token, path == "/v1/health", "{at}: only health goes without a token");
        // Every call but health may meet the made-up or real trouble of a busy agency.
        for common in ["429", "500"] {
            assert_eq!(
                responses.contains_key(common),
                needs_token,
                "{at}: {common} is documented exactly when a token is needed"
            );
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
            assert!(
                p.get("schema").is_some() && p.get("description").is_some(),
                "{at}: parameter {} lacks a schema or description",
                p["name"]
            );
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
                assert_eq!(
                    properties.keys().map(String::as_str).collect::<BTreeSet<_>>(),
                    names,
                    "{name}: the fields differ"
                );
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
    let problem =
        json!({"field": "applicant.name", "code": "required", "message_zh": "请填写", "message_en": "fill in"});
    assert_eq!(
        violations(
            &doc,
            &error,
            &json!({"code": "invalid_case", "message_zh": "x", "message_en": "x", "problems": [problem]})
        ),
        None
    );
    let missing = json!({"code": "invalid_case", "message_zh": "x", "message_en": "x", "problems": [{"field": "a"}]});
    assert!(violations(&doc, &error, &missing).is_some(), "a nested $ref (FieldProblem) is checked");
}

// ---- The reference server, called for real ----

const TOKEN: &str = "openapi-test-token";
/// A card photo that passes the checks, and another JPEG for the ID card's sides.
const PORTRAIT: &[u8] = include_bytes!("../../banka-photos/tests/images/portrait-ok.jpg");
const ID_CARD: &[u8] = include_bytes!("../../banka-photos/tests/images/portrait-backdrop.jpg");

#[derive(Clone, Copy, Debug)]
enum Auth {
    Token,
    Missing,
    Wrong,
}

enum Body {
    None,
    /// Checked against the documented request schema before it is sent.
    Json(Value),
    /// Sent as JSON on purpose unlike the document (to see the 400).
    Raw(String),
    /// `application/octet-stream` with headers (each must be a documented header parameter).
    Bytes(Vec<u8>, Vec<(&'static str, String)>),
}

/// A `PATCH /v1/documents/{sha256}` body.
fn chunk(bytes: &[u8], offset: u64, length: u64, kind: &str) -> Body {
    Body::Bytes(
        bytes.to_vec(),
        vec![
            ("Upload-Offset", offset.to_string()),
            ("Upload-Length", length.to_string()),
            ("Document-Kind", kind.to_owned()),
        ],
    )
}

fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn new_case_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

struct Answer {
    at: String,
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
    json: Value,
}

impl Answer {
    fn expect(self, status: u16) -> Answer {
        assert_eq!(self.status, status, "{}: {}", self.at, String::from_utf8_lossy(&self.body));
        self
    }

    /// An `ApiError` with this status and code.
    fn refused(self, status: u16, code: &str) -> Answer {
        let a = self.expect(status);
        assert_eq!(a.json["code"], code, "{}: {}", a.at, a.json);
        a
    }
}

/// Calls the server, checking each call against the document, and remembers what was called
/// and answered.
struct Api {
    doc: Value,
    base: String,
    http: reqwest::Client,
    validators: BTreeMap<String, Validator>,
    /// (METHOD, path template) → the statuses seen.
    seen: BTreeMap<(String, String), BTreeSet<u16>>,
}

fn matches_template(template: &str, path: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let p: Vec<&str> = path.split('/').collect();
    t.len() == p.len() && t.iter().zip(&p).all(|(t, p)| t == p || (t.starts_with('{') && !p.is_empty()))
}

impl Api {
    fn new(doc: Value, base: String) -> Api {
        Api { doc, base, http: reqwest::Client::new(), validators: BTreeMap::new(), seen: BTreeMap::new() }
    }

    fn check(&mut self, schema: &Value, instance: &Value) -> Option<String> {
        let key = schema.to_string();
        if !self.validators.contains_key(&key) {
            let v = validator(&self.doc, schema);
            self.validators.insert(key.clone(), v);
        }
        let errors: Vec<String> =
            self.validators[&key].iter_errors(instance).map(|e| format!("  {}: {e}", e.instance_path())).collect();
        (!errors.is_empty()).then(|| errors.join("\n"))
    }

    fn parameters(&self, template: &str, op: &Value) -> Vec<Value> {
        let item = &self.doc["paths"][template];
        item.get("parameters")
            .into_iter()
            .chain(op.get("parameters"))
            .flat_map(|p| p.as_array().cloned().unwrap_or_default())
            .map(|p| deref(&self.doc, &p).clone())
            .collect()
    }

    /// `path` may carry a query string.
    async fn call(&mut self, method: &str, template: &str, path: &str, auth: Auth, body: Body) -> Answer {
        let at = format!("{method} {path} ({auth:?})");
        let op = self.doc["paths"]
            .get(template)
            .and_then(|item| item.get(method.to_lowercase()))
            .unwrap_or_else(|| panic!("{at}: {method} {template} is not in the document"))
            .clone();
        let (bare, query) = path.split_once('?').unwrap_or((path, ""));
        assert!(matches_template(template, bare), "{at}: the path is not an instance of {template}");
        let params = self.parameters(template, &op);
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let name = pair.split('=').next().unwrap_or_default();
            assert!(
                params.iter().any(|p| p["in"] == "query" && p["name"] == name),
                "{at}: query parameter {name} is not documented"
            );
        }

        let url = format!("{}{path}", self.base);
        let mut request = self.http.request(Method::from_bytes(method.as_bytes()).expect("a method"), url);
        request = match auth {
            Auth::Token => request.bearer_auth(TOKEN),
            Auth::Wrong => request.bearer_auth("not-the-token"),
            Auth::Missing => request,
        };
        request =
            match body {
                Body::None => request,
                Body::Json(value) => {
                    let schema = op["requestBody"]["content"]["application/json"]["schema"].clone();
                    assert!(!schema.is_null(), "{at}: the document takes no JSON body here");
                    if let Some(e) = self.check(&schema, &value) {
                        panic!("{at}: the test sends a body the document does not describe:\n{e}\n{value}");
                    }
                    request.json(&value)
                }
                Body::Raw(text) => request.header(CONTENT_TYPE, "application/json").body(text),
                Body::Bytes(bytes, headers) => {
                    assert!(
                        op["requestBody"]["content"].get("application/octet-stream").is_some(),
                        "{at}: the document takes no bytes here"
                    );
                    for (name, value) in headers {
                        assert!(
                            params.iter().any(|p| p["in"] == "header"
                                && p["name"].as_str().is_some_and(|n| n.eq_ignore_ascii_case(name))),
                            "{at}: header {name} is not documented"
                        );
                        request = request.header(name, value);
                    }
                    request.header(CONTENT_TYPE, "application/octet-stream").body(bytes)
                }
            };
        let response = request.send().await.unwrap_or_else(|e| panic!("{at}: no answer: {e}"));
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response.bytes().await.unwrap_or_else(|e| panic!("{at}: {e}")).to_vec();
        self.seen.entry((method.to_owned(), template.to_owned())).or_default().insert(status);

        let documented = op["responses"].get(status.to_string()).unwrap_or_else(|| {
            panic!(
                "{at}: status {status} is not documented for {method} {template}: {}",
                String::from_utf8_lossy(&body)
            )
        });
        let documented = deref(&self.doc, documented).clone();
        for (name, header) in documented["headers"].as_object().into_iter().flatten() {
            let header = deref(&self.doc, header).clone();
            let value = headers.get(name.as_str()).and_then(|v| v.to_str().ok());
            assert!(value.is_some() || header["required"] != true, "{at} {status}: no {name} header");
            if let Some(value) = value {
                let instance = match header["schema"]["type"].as_str() {
                    Some("integer") => value.parse::<i64>().map_or(json!(value), |n| json!(n)),
                    _ => json!(value),
                };
                if let Some(e) = self.check(&header["schema"], &instance) {
                    panic!("{at} {status}: header {name}: {value:?}:\n{e}");
                }
            }
        }
        let content_type = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
        let media = content_type.split(';').next().unwrap_or_default().trim().to_owned();
        let described = documented["content"]
            .get(&media)
            .unwrap_or_else(|| panic!("{at} {status}: content type {content_type:?} is not documented"))
            .clone();
        let json = match media.as_str() {
            "application/json" => {
                let value: Value = serde_json::from_slice(&body)
                    .unwrap_or_else(|e| panic!("{at} {status}: not JSON ({e}): {}", String::from_utf8_lossy(&body)));
                if let Some(e) = self.check(&described["schema"], &value) {
                    panic!("{at} {status}: the body does not match the document:\n{e}\n{value}");
                }
                value
            }
            "image/jpeg" => {
                assert!(body.starts_with(&[0xFF, 0xD8, 0xFF]), "{at} {status}: not a JPEG");
                Value::Null
            }
            other => panic!("{at}: the test does not know how to check {other}"),
        };
        Answer { at, status, headers, body, json }
    }

    async fn get(&mut self, template: &str, path: &str) -> Answer {
        self.call("GET", template, path, Auth::Token, Body::None).await
    }

    async fn post(&mut self, path: &str, body: Value) -> Answer {
        self.call("POST", path, path, Auth::Token, Body::Json(body)).await
    }

    async fn post_raw(&mut self, path: &str, body: &str) -> Answer {
        self.call("POST", path, path, Auth::Token, Body::Raw(body.to_owned())).await
    }

    async fn patch(&mut self, sha: &str, body: Body) -> Answer {
        self.call("PATCH", "/v1/documents/{sha256}", &format!("/v1/documents/{sha}"), Auth::Token, body).await
    }

    async fn put_case(&mut self, case_id: &str, submission: Value) -> Answer {
        self.call("PUT", "/v1/cases/{case_id}", &format!("/v1/cases/{case_id}"), Auth::Token, Body::Json(submission))
            .await
    }

    /// Uploads `bytes` whole as `kind`; it must be accepted.
    async fn upload(&mut self, bytes: &[u8], kind: &str) -> String {
        let sha = sha256(bytes);
        let state = self.patch(&sha, chunk(bytes, 0, bytes.len() as u64, kind)).await.expect(200);
        assert_eq!(state.json["complete"], true, "{}", state.json);
        sha
    }
}

/// The answers a flow submits, after checking with the flow engine (as the app does before
/// it queues a case) that they are complete, given the agency's data and the uploads.
fn submit_answers(flow_id: &str, answers: Value, agency: AgencyAnswers, documents: &Value) -> Value {
    let flow = catalog::get(flow_id).unwrap_or_else(|| panic!("no flow {flow_id}"));
    let mut all: Answers = serde_json::from_value(answers).expect("answers keyed by path");
    all.extend(agency);
    for (kind, sha) in documents.as_object().expect("documents") {
        all.insert(format!("documents.{kind}"), sha.clone());
    }
    let evaluation = evaluate(flow, &all, &Situation { today: Utc::now().date_naive(), started_version: None });
    assert!(evaluation.ready, "{flow_id}: the test's answers are not complete: {}", json!(evaluation.errors));
    json!(evaluation.answers_to_submit)
}

fn submission(flow_id: &str, revision: u32, answers: Value, documents: Value) -> Value {
    let version = catalog::get(flow_id).expect("a flow").version;
    let applied_on = chrono::Utc::now().date_naive().to_string();
    json!({"flow_id": flow_id, "flow_version": version, "revision": revision, "answers": answers, "documents": documents,
           "operator": "窗口 3 号", "applied_on": applied_on})
}

/// A citizen ID number (GB 11643) from its first 17 digits.
fn with_check_character(first17: &str) -> String {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    let sum: u32 = first17.chars().zip(WEIGHTS).map(|(c, w)| c.to_digit(10).expect("digits") * w).sum();
    let check = b"10X98765432"[(sum % 11) as usize] as char;
    format!("{first17}{check}")
}

/// What a Beijing applicant types in `bj-individual` and `bj-employee-confirm` (born on the
/// date in the number; odd 17th digit: male).
fn beijing_applicant(name: &str, id_number: &str) -> Value {
    let birth = format!("{}-{}-{}", &id_number[6..10], &id_number[10..12], &id_number[12..14]);
    json!({
        "notice.agreed": true,
        "applicant.name": name,
        "applicant.id_type": "resident_id",
        "applicant.id_number": id_number,
        "eligibility.authorized": true,
        "applicant.gender": "male",
        "applicant.birth_date": birth,
        "applicant.id_valid_from": "2016-03-01",
        "applicant.nationality": "中国",
        "applicant.mobile": "13800138000",
        "applicant.ethnicity": "01",
        "applicant.occupation": "1",
        "residence.district": "110105",
        "residence.address": "北京市朝阳区示例路1号院2号楼301",
        "collection.method": "branch_pickup",
        "bank.name": "中国工商银行",
        "bank.branch": "中国工商银行北京朝阳支行（示例）",
        "commitment.agreed": true,
    })
}

fn merge(mut a: Value, b: Value) -> Value {
    a.as_object_mut().expect("an object").extend(b.as_object().expect("an object").clone());
    a
}

async fn start_server(dir: &std::path::Path, status_step: Duration, faults: Faults) -> Running {
    let mut config = Config::new(dir, TOKEN);
    config.status_step = status_step;
    config.faults = faults;
    server::start(config, "127.0.0.1:0".parse().expect("an address")).await.expect("the server starts")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_answers_as_documented() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // Statuses move on every second, so a rejection (重新提交) can be seen within the test.
    let server = start_server(dir.path(), Duration::from_secs(1), Faults::default()).await;
    let mut api = Api::new(document(), server.url());
    let person = |p: &demo::DemoPerson| json!({"name": p.name, "id_number": p.id_number});
    let eligibility = |flow: &str, p: &demo::DemoPerson| json!({"flow_id": flow, "name": p.name, "id_type": "resident_id", "id_number": p.id_number});

    // ---- health, without a token ----
    let health = api.call("GET", "/v1/health", "/v1/health", Auth::Missing, Body::None).await.expect(200);
    assert_eq!(health.json["training"], true);

    // ---- every other operation refuses a missing or unknown token (before looking at the body) ----
    for (method, template) in operations(&api.doc) {
        if api.doc["paths"][&template][method.to_lowercase()].get("security") == Some(&json!([])) {
            continue;
        }
        let path = template
            .replace("{uscc}", demo::ENTITY_USCC)
            .replace("{sha256}", &"0".repeat(64))
            .replace("{case_id}", &new_case_id());
        let path = if template == "/v1/banks" { format!("{path}?region=110105") } else { path };
        for auth in [Auth::Missing, Auth::Wrong] {
            let body = match method.as_str() {
                "GET" => Body::None,
                "PATCH" => chunk(b"x", 0, 1, "card_photo"),
                _ => Body::Raw("{}".into()),
            };
            let answer = api.call(&method, &template, &path, auth, body).await.refused(401, "unauthorized");
            assert_eq!(answer.headers.get("www-authenticate").map(|v| v.as_bytes()), Some(&b"Bearer"[..]));
        }
    }

    // ---- eligibility (资格校验) ----
    let a = api.post("/v1/eligibility", eligibility("bj-individual", &demo::RESIDENT)).await.expect(200);
    assert_eq!((&a.json["eligibility"], &a.json["has_system_photo"]), (&json!("eligible"), &json!(true)));
    let resident_agency = agency_data::from_eligibility(&serde_json::from_value(a.json).expect("an EligibilityAnswer"));
    let a = api.post("/v1/eligibility", eligibility("bj-individual", &demo::ALREADY_APPLIED)).await.expect(200);
    assert_eq!(a.json["eligibility"], "already_applied");
    let a = api.post("/v1/eligibility", eligibility("bj-individual", &demo::NOT_ELIGIBLE)).await.expect(200);
    assert_eq!(a.json["eligibility"], "not_eligible");
    let a = api
        .post("/v1/eligibility", merge(eligibility("gd-individual", &demo::TWO_CARDS), json!({"city": "4401"})))
        .await
        .expect(200);
    assert_eq!(
        (&a.json["eligibility"], &a.json["next_flow"]),
        (&json!("one_person_one_card"), &json!("gd-card-cleanup"))
    );
    let a = api.post("/v1/eligibility", eligibility("bj-retiree", &demo::RETIREE)).await.expect(200);
    assert!(a.json["pension"]["bank"].is_string(), "{}", a.json);
    let a = api
        .post("/v1/eligibility", merge(eligibility("bj-individual", &demo::RESIDENT), json!({"name": "王小明"})))
        .await
        .expect(200);
    assert_eq!(a.json["eligibility"], "name_mismatch", "a name that is not the number's");
    let a = api
        .post(
            "/v1/eligibility",
            merge(eligibility("bj-employee-confirm", &demo::EMPLOYEES[0]), json!({"entity_uscc": demo::ENTITY_USCC})),
        )
        .await
        .expect(200);
    assert_eq!(a.json["eligibility"], "entity_not_open", "the employer has not opened its collective application");
    let mut wrong = demo::RESIDENT.id_number.to_owned();
    wrong.replace_range(17.., if wrong.ends_with('0') { "1" } else { "0" });
    let a = api
        .post(
            "/v1/eligibility",
            json!({"flow_id": "bj-individual", "name": "王晓明", "id_type": "resident_id", "id_number": wrong}),
        )
        .await;
    assert_eq!(
        (a.status, &a.json["code"], &a.json["field"]),
        (422, &json!("check_character"), &json!("id_number")),
        "{}",
        a.json
    );
    api.post_raw("/v1/eligibility", r#"{"flow_id": "bj-employer-open", "name": "王晓明", "id_type": "resident_id", "id_number": "110105198803150010"}"#)
        .await
        .refused(422, "unknown_flow");
    api.post_raw("/v1/eligibility", "{\"flow_id\": ").await.refused(400, "bad_request");
    api.post_raw("/v1/eligibility", r#"{"flow_id": "bj-individual", "name": "王晓明"}"#)
        .await
        .refused(400, "bad_request");

    // ---- SMS codes ----
    let sent = api.post("/v1/sms", json!({"mobile": "13900139000"})).await.expect(200);
    let code = sent.json["training_code"].as_str().expect("the training server returns the code").to_owned();
    let again = api.post("/v1/sms", json!({"mobile": "13900139000"})).await.refused(429, "too_soon");
    assert!(again.headers.contains_key("retry-after"));
    let other = if code == "000000" { "111111" } else { "000000" };
    api.post("/v1/sms/verify", json!({"mobile": "13900139000", "code": other})).await.refused(422, "sms_code_wrong");
    let v = api.post("/v1/sms/verify", json!({"mobile": "13900139000", "code": code})).await.expect(200);
    assert_eq!(v.json["verified"], true);
    let bad = api.post("/v1/sms", json!({"mobile": "12345"})).await.expect(422);
    assert_eq!(bad.json["field"], "mobile", "{}", bad.json);
    api.post_raw("/v1/sms/verify", r#"{"mobile": "13900139000"}"#).await.refused(400, "bad_request");

    // ---- card photos ----
    let photo = api.post("/v1/photos/receipt", json!({"receipt_number": demo::PHOTO_RECEIPT})).await.expect(200);
    assert_eq!(photo.body, demo::SAMPLE_PHOTO);
    api.post("/v1/photos/receipt", json!({"receipt_number": "440100209912319999"})).await.refused(404, "not_found");
    api.post("/v1/photos/receipt", json!({"receipt_number": demo::EXPIRED_RECEIPT}))
        .await
        .refused(422, "receipt_expired");
    let empty = api.post("/v1/photos/receipt", json!({"receipt_number": " "})).await.refused(422, "required");
    assert_eq!(empty.json["field"], "receipt_number");
    let on_file = api.post("/v1/photos/on-file", person(&demo::RESIDENT)).await.expect(200);
    assert_eq!(on_file.json, json!({"on_file": true, "taken_on": "2021-05-10"}));
    let none = api.post("/v1/photos/on-file", person(&demo::NOT_ELIGIBLE)).await.expect(200);
    assert_eq!(none.json, json!({"on_file": false}));
    api.post("/v1/photos/on-file", json!({"name": "王晓明", "id_number": wrong})).await.refused(422, "check_character");
    let image = api.post("/v1/photos/on-file/image", person(&demo::RESIDENT)).await.expect(200);
    assert_eq!(image.body, demo::SAMPLE_PHOTO);
    api.post("/v1/photos/on-file/image", person(&demo::NOT_ELIGIBLE)).await.refused(404, "not_found");
    api.post("/v1/photos/on-file/image", json!({"name": " ", "id_number": demo::RESIDENT.id_number}))
        .await
        .refused(422, "required");
    api.post("/v1/photos/on-file/image", json!({"name": "王晓明", "id_number": wrong}))
        .await
        .refused(422, "check_character");

    // ---- banks and branches ----
    let chaoyang = api.get("/v1/banks", "/v1/banks?region=110105").await.expect(200);
    let directory: Directory = serde_json::from_value(chaoyang.json.clone()).expect("a Directory");
    assert!(directory.sample && !directory.banks.is_empty() && directory.branches.iter().all(|b| b.region == "110105"));
    let first = directory.branches[0].clone();
    let found = api.get("/v1/banks", &format!("/v1/banks?region=110105&q={}", first.name)).await.expect(200);
    let names: Vec<&str> =
        found.json["branches"].as_array().expect("branches").iter().filter_map(|b| b["name"].as_str()).collect();
    assert!(names.contains(&first.name.as_str()) && names.len() < directory.branches.len(), "{names:?}");
    let guangzhou = api.get("/v1/banks", "/v1/banks?region=4401").await.expect(200);
    assert_eq!(
        guangzhou.json["branches"],
        api.get("/v1/banks", "/v1/banks?region=440100").await.expect(200).json["branches"]
    );
    api.get("/v1/banks", "/v1/banks").await.refused(400, "bad_request");
    api.get("/v1/banks", "/v1/banks?region=999999").await.refused(422, "unknown_region");

    // ---- one person, one card ----
    let cards = api.post("/v1/cards", person(&demo::TWO_CARDS)).await.expect(200);
    let card_ids: Vec<String> = cards.json["cards"]
        .as_array()
        .expect("cards")
        .iter()
        .map(|c| c["id"].as_str().expect("an id").to_owned())
        .collect();
    assert_eq!(card_ids.len(), 2);
    assert_eq!(api.post("/v1/cards", person(&demo::RESIDENT)).await.expect(200).json, json!({"cards": []}));
    api.post("/v1/cards", json!({"name": "王晓明", "id_number": wrong})).await.refused(422, "check_character");

    // ---- an employer's collective application, before it is opened ----
    let collective_path = format!("/v1/entities/{}/collective", demo::ENTITY_USCC);
    let employees_path = format!("/v1/entities/{}/employees", demo::ENTITY_USCC);
    api.get("/v1/entities/{uscc}/collective", &collective_path).await.refused(404, "not_opened");
    api.get("/v1/entities/{uscc}/employees", &employees_path).await.refused(404, "not_opened");
    let mut bad_uscc = demo::ENTITY_USCC.to_owned();
    bad_uscc.replace_range(17.., if bad_uscc.ends_with('0') { "1" } else { "0" });
    let bad =
        api.get("/v1/entities/{uscc}/collective", &format!("/v1/entities/{bad_uscc}/collective")).await.expect(422);
    assert_eq!(bad.json["field"], "uscc");
    api.get("/v1/entities/{uscc}/employees", &format!("/v1/entities/{bad_uscc}/employees"))
        .await
        .refused(422, "check_character");

    // ---- documents: resumable, content-addressed ----
    let photo_sha = sha256(PORTRAIT);
    let photo_path = format!("/v1/documents/{photo_sha}");
    let total = PORTRAIT.len() as u64;
    api.get("/v1/documents/{sha256}", &photo_path).await.refused(404, "not_found");
    // An empty chunk first (found by the agency fuzz target: it was stored, and the next chunk
    // at the same offset then failed with a 500): nothing changes.
    let empty = api.patch(&photo_sha, chunk(&[], 0, total, "card_photo")).await.expect(200);
    assert_eq!((&empty.json["offset"], &empty.json["complete"]), (&json!(0), &json!(false)));
    let part = api.patch(&photo_sha, chunk(&PORTRAIT[..10_000], 0, total, "card_photo")).await.expect(200);
    assert_eq!((&part.json["offset"], &part.json["complete"]), (&json!(10_000), &json!(false)));
    // Interrupted: ask where to go on, and a stale chunk is refused.
    let state = api.get("/v1/documents/{sha256}", &photo_path).await.expect(200);
    assert_eq!(
        state.json,
        json!({"sha256": photo_sha, "kind": "card_photo", "length": total, "offset": 10_000, "complete": false})
    );
    api.patch(&photo_sha, chunk(PORTRAIT, 0, total, "card_photo")).await.refused(409, "offset_mismatch");
    let done = api.patch(&photo_sha, chunk(&PORTRAIT[10_000..], 10_000, total, "card_photo")).await.expect(200);
    assert_eq!((&done.json["offset"], &done.json["complete"]), (&json!(total), &json!(true)));
    let again = api.patch(&photo_sha, chunk(&PORTRAIT[10_000..], 10_000, total, "card_photo")).await.expect(200);
    assert_eq!(again.json["complete"], true, "sending a complete upload again is harmless");
    assert_eq!(server.document_bytes(&photo_sha).await.as_deref(), Some(PORTRAIT));
    // One picture as both sides of the ID card.
    let id_sha = api.upload(ID_CARD, "id_card_front").await;
    assert_eq!(api.upload(ID_CARD, "id_card_back").await, id_sha);
    // Refusals.
    let other_sha = sha256(b"other bytes");
    api.patch(&other_sha, chunk(b"hello", 0, 5, "id_card_front")).await.refused(422, "hash_mismatch");
    api.get("/v1/documents/{sha256}", &format!("/v1/documents/{other_sha}")).await.refused(404, "not_found");
    let pdf = b"%PDF-1.4\n% not a picture\n".to_vec();
    let rejected = api
        .patch(&sha256(&pdf), chunk(&pdf, 0, pdf.len() as u64, "id_card_front"))
        .await
        .refused(422, "document_rejected");
    assert_eq!(rejected.json["problems"][0]["field"], "documents.id_card_front");
    api.patch(&other_sha, chunk(b"x", 0, 11 << 20, "id_card_front")).await.refused(413, "too_large");
    let no_kind = Body::Bytes(b"x".to_vec(), vec![("Upload-Offset", "0".into()), ("Upload-Length", "1".into())]);
    api.patch(&other_sha, no_kind).await.refused(400, "bad_request");
    api.patch(&photo_sha, chunk(PORTRAIT, 0, total + 1, "card_photo")).await.refused(400, "bad_request");
    api.get("/v1/documents/{sha256}", "/v1/documents/not-a-hash").await.refused(400, "bad_request");

    // ---- cases ----
    let documents = json!({"card_photo": photo_sha, "id_card_front": id_sha, "id_card_back": id_sha});
    let resident = beijing_applicant(demo::RESIDENT.name, demo::RESIDENT.id_number);
    let answers = submit_answers("bj-individual", resident.clone(), resident_agency.clone(), &documents);
    let case_id = new_case_id();
    let first =
        api.put_case(&case_id, submission("bj-individual", 1, answers.clone(), documents.clone())).await.expect(201);
    assert_eq!(
        (&first.json["case_id"], &first.json["revision"], &first.json["replayed"]),
        (&json!(case_id), &json!(1), &json!(false))
    );
    assert_eq!(first.json["status"], "submitted");
    let submissions = server.submissions_created().await;
    let replay =
        api.put_case(&case_id, submission("bj-individual", 1, answers.clone(), documents.clone())).await.expect(200);
    assert_eq!((&replay.json["reference"], &replay.json["replayed"]), (&first.json["reference"], &json!(true)));
    assert_eq!(replay.json["received_at"], first.json["received_at"]);
    assert_eq!(server.submissions_created().await, submissions, "a replay creates nothing");
    // The same person again, as another case: refused, and the eligibility check says so.
    let twice = api
        .put_case(&new_case_id(), submission("bj-individual", 1, answers.clone(), documents.clone()))
        .await
        .refused(422, "invalid_case");
    assert!(
        twice.json["problems"].as_array().expect("problems").iter().any(|p| p["code"] == "already_applied"),
        "{}",
        twice.json
    );
    let a = api.post("/v1/eligibility", eligibility("bj-individual", &demo::RESIDENT)).await.expect(200);
    assert_eq!(a.json["eligibility"], "already_applied");
    // Incomplete: a document never uploaded, an answer left out.
    let mut incomplete = answers.clone();
    incomplete.as_object_mut().expect("answers").remove("residence.address");
    let missing_doc = merge(documents.clone(), json!({"card_photo": sha256(b"never uploaded")}));
    let refused = api
        .put_case(&new_case_id(), submission("bj-individual", 1, incomplete, missing_doc))
        .await
        .refused(422, "invalid_case");
    let fields: BTreeSet<&str> =
        refused.json["problems"].as_array().expect("problems").iter().filter_map(|p| p["field"].as_str()).collect();
    assert!(fields.contains("residence.address") && fields.contains("documents.card_photo"), "{fields:?}");
    let unknown_version =
        merge(submission("bj-individual", 1, answers.clone(), documents.clone()), json!({"flow_version": 99}));
    api.put_case(&new_case_id(), unknown_version).await.refused(422, "unknown_flow");
    let long_ago =
        merge(submission("bj-individual", 1, answers.clone(), documents.clone()), json!({"applied_on": "2020-01-01"}));
    api.put_case(&new_case_id(), long_ago).await.refused(422, "applied_on_out_of_range");
    let revision_zero =
        merge(submission("bj-individual", 1, answers.clone(), documents.clone()), json!({"revision": 0})).to_string();
    let path = format!("/v1/cases/{}", new_case_id());
    api.call("PUT", "/v1/cases/{case_id}", &path, Auth::Token, Body::Raw(revision_zero))
        .await
        .refused(400, "bad_request");
    let body = submission("bj-individual", 1, answers.clone(), documents.clone());
    api.call("PUT", "/v1/cases/{case_id}", "/v1/cases/bad!id", Auth::Token, Body::Json(body))
        .await
        .refused(400, "bad_request");

    // 重新提交: the demo name is rejected at the accepted stage; revision 2 goes through.
    let practice_number = with_check_character("11010519900101001");
    let practice =
        merge(beijing_applicant(demo::REJECTED_NAME, &practice_number), json!({"applicant.birth_date": "1990-01-01"}));
    let answers2 = submit_answers("bj-individual", practice, agency_data::from_eligibility(&serde_json::from_value(
        api.post("/v1/eligibility", json!({"flow_id": "bj-individual", "name": demo::REJECTED_NAME, "id_type": "resident_id", "id_number": practice_number})).await.expect(200).json,
    ).expect("an EligibilityAnswer")), &documents);
    let practice_case = new_case_id();
    api.put_case(&practice_case, submission("bj-individual", 1, answers2.clone(), documents.clone())).await.expect(201);
    let mut rejected = None;
    for _ in 0..50 {
        let s = api.post("/v1/cases/status", json!({"case_ids": [practice_case]})).await.expect(200);
        if s.json["statuses"][0]["status"] == "rejected" {
            rejected = Some(s.json["statuses"][0].clone());
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let rejected = rejected.expect("the practice case is rejected within seconds");
    assert_eq!(
        (&rejected["reason_zh"], &rejected["reason_en"]),
        (&json!(demo::REJECTION_ZH), &json!(demo::REJECTION_EN))
    );
    let resubmitted = api
        .put_case(&practice_case, submission("bj-individual", 2, answers2.clone(), documents.clone()))
        .await
        .expect(201);
    assert_eq!((&resubmitted.json["revision"], &resubmitted.json["replayed"]), (&json!(2), &json!(false)));
    let replayed =
        api.put_case(&practice_case, submission("bj-individual", 2, answers2, documents.clone())).await.expect(200);
    assert_eq!(replayed.json["replayed"], true);

    // Statuses: known cases only.
    let unknown = new_case_id();
    let statuses =
        api.post("/v1/cases/status", json!({"case_ids": [case_id, practice_case, unknown]})).await.expect(200);
    let listed: BTreeMap<&str, &Value> = statuses.json["statuses"]
        .as_array()
        .expect("statuses")
        .iter()
        .map(|s| (s["case_id"].as_str().unwrap_or_default(), &s["revision"]))
        .collect();
    assert_eq!(listed, BTreeMap::from([(case_id.as_str(), &json!(1)), (practice_case.as_str(), &json!(2))]));
    api.post_raw("/v1/cases/status", r#"{"case_ids": "all"}"#).await.refused(400, "bad_request");

    // ---- the employer's collective application (B3), end to end ----
    let icbc: Vec<&str> =
        directory.branches.iter().filter(|b| b.bank == "中国工商银行").map(|b| b.name.as_str()).collect();
    let open = json!({
        "notice.agreed": true,
        "entity.name": demo::ENTITY_NAME,
        "entity.uscc": demo::ENTITY_USCC,
        "entity.contact_name": "钱经办",
        "entity.contact_mobile": "13700137000",
        "entity.collective": "open",
        "entity.collects_cards": true,
        "entity.banks": ["中国工商银行"],
        "entity.branches": icbc,
        "commitment.agreed": true,
    });
    let open = submit_answers("bj-employer-open", open, agency_data::from_directory(&directory), &json!({}));
    api.put_case(&new_case_id(), submission("bj-employer-open", 1, open, json!({}))).await.expect(201);
    let collective = api.get("/v1/entities/{uscc}/collective", &collective_path).await.expect(200);
    assert_eq!(
        (&collective.json["entity_collects"], &collective.json["banks"]),
        (&json!(true), &json!(["中国工商银行"]))
    );
    let employees = api.get("/v1/entities/{uscc}/employees", &employees_path).await.expect(200);
    assert!(employees.json["employees"].as_array().expect("employees").iter().all(|e| e["status"] == "registered"));

    let employee = &demo::EMPLOYEES[0];
    let request = merge(eligibility("bj-employee-confirm", employee), json!({"entity_uscc": demo::ENTITY_USCC}));
    let a = api.post("/v1/eligibility", request).await.expect(200);
    assert_eq!((&a.json["eligibility"], &a.json["employee"]["name"]), (&json!("eligible"), &json!(employee.name)));
    let employee_agency = agency_data::from_eligibility(&serde_json::from_value(a.json).expect("an EligibilityAnswer"));
    let confirm = merge(
        beijing_applicant(employee.name, employee.id_number),
        json!({"entity.uscc": demo::ENTITY_USCC, "collection.method": "entity", "bank.name": "中国工商银行", "bank.branch": icbc[0]}),
    );
    let confirm = submit_answers("bj-employee-confirm", confirm, employee_agency, &documents);
    api.put_case(&new_case_id(), submission("bj-employee-confirm", 1, confirm, documents.clone())).await.expect(201);
    let employees = api.get("/v1/entities/{uscc}/employees", &employees_path).await.expect(200);
    assert_eq!(employees.json["employees"][0]["status"], "confirmed");
    let employees_agency = agency_data::from_employees(&serde_json::from_value(employees.json).expect("Employees"));
    let chosen = json!({"notice.agreed": true, "entity.uscc": demo::ENTITY_USCC, "submit.employees": [demo_employee_id(0)], "commitment.agreed": true});
    let chosen = submit_answers("bj-employer-submit", chosen, employees_agency, &json!({}));
    api.put_case(&new_case_id(), submission("bj-employer-submit", 1, chosen, json!({}))).await.expect(201);
    let employees = api.get("/v1/entities/{uscc}/employees", &employees_path).await.expect(200);
    assert_eq!(employees.json["employees"][0]["status"], "submitted");

    // ---- outside the documented operations, errors are ApiErrors too ----
    for (method, path, status) in [("GET", "/v1/no-such-thing", 404), ("DELETE", "/v1/health", 405), ("GET", "/", 404)]
    {
        let response = reqwest::Client::new()
            .request(Method::from_bytes(method.as_bytes()).expect("a method"), format!("{}{path}", server.url()))
            .bearer_auth(TOKEN)
            .send()
            .await
            .expect("an answer");
        assert_eq!(response.status().as_u16(), status, "{method} {path}");
        let body: Value = response.json().await.expect("JSON");
        assert_eq!(
            api.check(&json!({"$ref": "#/components/schemas/ApiError"}), &body),
            None,
            "{method} {path}: {body}"
        );
    }

    // ---- a busy or failing agency: 500 and 429 as documented ----
    for (faults, status, code) in [
        (Faults { error_rate: 1.0, ..Faults::default() }, 500, "server_error"),
        (Faults { throttle_rate: 1.0, ..Faults::default() }, 429, "throttled"),
    ] {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let troubled = start_server(dir.path(), Duration::from_secs(60), faults).await;
        let mut other = Api::new(api.doc.clone(), troubled.url());
        other.post("/v1/cases/status", json!({"case_ids": []})).await.refused(status, code);
        other.get("/v1/documents/{sha256}", &photo_path).await.refused(status, code);
        for (op, statuses) in other.seen {
            api.seen.entry(op).or_default().extend(statuses);
        }
        troubled.shutdown().await;
    }

    // ---- every documented operation was called, answered with a 2xx and (with a token) refused ----
    let documented = operations(&api.doc);
    let called: BTreeSet<(String, String)> = api.seen.keys().cloned().collect();
    let never: Vec<_> = documented.difference(&called).collect();
    assert!(never.is_empty(), "documented operations the test never called: {never:?}");
    assert!(called.is_subset(&documented), "the test called operations the document does not have");
    for ((method, path), statuses) in &api.seen {
        assert!(statuses.iter().any(|s| (200..300).contains(s)), "{method} {path}: never succeeded ({statuses:?})");
        if path != "/v1/health" {
            let refused = statuses.iter().filter(|s| ![401, 429, 500].contains(*s) && **s >= 400).count();
            assert!(refused > 0, "{method} {path}: no refusal of its own was tested ({statuses:?})");
        }
    }
    server.shutdown().await;
}

/// The stable id of the `n`th demo employee (as the server numbers them).
fn demo_employee_id(n: usize) -> String {
    format!("emp-{:04}", n + 1)
}

/// G3 end to end: cleaning up the other cities' cards lets the person apply.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cleaning_up_cards_lets_the_person_apply() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let server = start_server(dir.path(), Duration::from_secs(60), Faults::default()).await;
    let mut api = Api::new(document(), server.url());
    let person = json!({"name": demo::TWO_CARDS.name, "id_number": demo::TWO_CARDS.id_number});
    let cards = api.post("/v1/cards", person.clone()).await.expect(200);
    let card_ids: Vec<Value> = cards.json["cards"].as_array().expect("cards").iter().map(|c| c["id"].clone()).collect();
    let agency = agency_data::from_cards(&serde_json::from_value(cards.json).expect("Cards"));
    let cleanup = json!({"notice.agreed": true, "applicant.name": demo::TWO_CARDS.name, "applicant.social_security_number": demo::TWO_CARDS.id_number, "cleanup.cards": card_ids, "cleanup.confirmed": true});
    let cleanup = submit_answers("gd-card-cleanup", cleanup, agency, &json!({}));
    api.put_case(&new_case_id(), submission("gd-card-cleanup", 1, cleanup, json!({}))).await.expect(201);
    assert_eq!(api.post("/v1/cards", person).await.expect(200).json, json!({"cards": []}));
    let request = json!({"flow_id": "gd-individual", "name": demo::TWO_CARDS.name, "id_type": "resident_id",
        "id_number": demo::TWO_CARDS.id_number, "city": "4401"});
    assert_eq!(api.post("/v1/eligibility", request).await.expect(200).json["eligibility"], "eligible");
    server.shutdown().await;
}
