//! `banka check`, a center's routine: is the store whole? SQLCipher's page check (each page's
//! HMAC), SQLite's structure check, then every case read back whole and every document's bytes
//! against its SHA-256, so a damaged store names the cases and documents it has lost, and says
//! plainly that the others are intact.

use serde::Serialize;
use sqlx::Row;

use crate::error::Result;
use crate::store::Store;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Integrity {
    /// Nothing is damaged.
    pub ok: bool,
    /// What SQLCipher found wrong with the file's pages (their HMAC), one line each.
    pub pages: Vec<String>,
    /// What SQLite found wrong with the database's structure, one line each.
    pub structure: Vec<String>,
    /// Cases read back whole.
    pub cases_checked: u32,
    pub documents_checked: u32,
    /// The cases (and documents) that cannot be read, or whose bytes are not what was stored.
    pub damaged: Vec<Damaged>,
    /// The case list itself could not be read: the cases above are those found before it broke.
    pub list_unreadable: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Damaged {
    pub case_id: String,
    /// `None`: the case's answers, trail or status; else the document kind.
    pub document: Option<String>,
    pub what: String,
}

/// The lines a pragma check gives back, "ok" left out.
async fn pragma_lines(store: &Store, pragma: &str) -> Vec<String> {
    match sqlx::query(pragma).fetch_all(&store.pool).await {
        Ok(rows) => rows.iter().filter_map(|r| r.try_get::<String, _>(0).ok()).filter(|line| line != "ok").collect(),
        Err(e) => vec![format!("the check itself failed: {e}")],
    }
}

impl Store {
    /// Checks the whole store; reads only. A damaged part is reported, never repaired here.
    pub async fn check_integrity(&self) -> Result<Integrity> {
        let mut report = Integrity {
            pages: pragma_lines(self, "PRAGMA cipher_integrity_check").await,
            structure: pragma_lines(self, "PRAGMA integrity_check").await,
            ..Integrity::default()
        };
        let ids: Vec<String> =
            match sqlx::query_scalar("SELECT id FROM cases ORDER BY created_at").fetch_all(&self.pool).await {
                Ok(ids) => ids,
                Err(_) => {
                    report.list_unreadable = true;
                    Vec::new()
                }
            };
        for id in ids {
            let case = match self.case(&id).await {
                Ok(case) => case,
                Err(e) => {
                    report.damaged.push(Damaged { case_id: id, document: None, what: e.to_string() });
                    continue;
                }
            };
            report.cases_checked += 1;
            for doc in &case.documents {
                report.documents_checked += 1;
                let what = match self.document_bytes(&id, &doc.kind).await {
                    Ok(bytes) if crate::documents::sha256_hex(&bytes) == doc.sha256 => continue,
                    Ok(_) => "its bytes are not those stored (SHA-256 differs)".to_owned(),
                    Err(e) => e.to_string(),
                };
                report.damaged.push(Damaged { case_id: id.clone(), document: Some(doc.kind.clone()), what });
            }
        }
        report.ok = report.pages.is_empty()
            && report.structure.is_empty()
            && report.damaged.is_empty()
            && !report.list_unreadable;
        Ok(report)
    }
}
