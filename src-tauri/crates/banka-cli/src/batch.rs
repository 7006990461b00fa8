//! Batch validation: one column of a CSV file (a spreadsheet export) checked row by row, with a
//! report that points at each row by its line in the spreadsheet.

use std::borrow::Cow;

use banka_rules::{validate, Context, ValidationReport, ValueKind};
use serde::Serialize;

/// Which column holds the values: a header name, or a 1-based number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Column {
    Name(String),
    Number(usize),
}

impl Column {
    /// A number is taken as a position, anything else as a header name.
    pub fn parse(s: &str) -> Self {
        match s.parse::<usize>() {
            Ok(n) => Column::Number(n),
            Err(_) => Column::Name(s.to_owned()),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct RowReport {
    /// The row's number as a spreadsheet shows it (the header is row 1).
    pub row: u64,
    pub value: String,
    #[serde(flatten)]
    pub report: ValidationReport,
}

#[derive(Debug, Serialize)]
pub struct BatchReport {
    pub kind: &'static str,
    pub column: String,
    pub total: usize,
    pub valid: usize,
    pub invalid: usize,
    pub rows: Vec<RowReport>,
}

/// Why a file could not be checked at all (as opposed to rows that are invalid).
#[derive(Debug, PartialEq, Eq)]
pub enum BatchError {
    NoSuchColumn {
        column: String,
        headers: Vec<String>,
    },
    Malformed {
        line: u64,
        reason: String,
    },
    /// Not a text file a spreadsheet exports as CSV: UTF-16 ("Unicode text") or binary.
    NotText {
        what: &'static str,
    },
}

impl std::fmt::Display for BatchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BatchError::NoSuchColumn { column, headers } => write!(
                f,
                "找不到列“{column}”；表头为：{h} / no column \"{column}\"; the header row has: {h}",
                h = headers.join(", ")
            ),
            BatchError::Malformed { line, reason } => {
                write!(f, "CSV 第{line}行格式有误：{reason} / malformed CSV at line {line}: {reason}")
            }
            BatchError::NotText { what: "UTF-16" } => write!(
                f,
                "文件是 UTF-16（“Unicode 文本”）格式：请在表格软件中另存为“CSV UTF-8” / the file is UTF-16 (\"Unicode text\"): save it from the spreadsheet as \"CSV UTF-8\""
            ),
            BatchError::NotText { what } => write!(
                f,
                "文件不是文本（{what}）：请从表格软件导出 CSV / the file is not text ({what}): export a CSV from the spreadsheet"
            ),
        }
    }
}

/// Text of a CSV file: UTF-8 (with or without a BOM), else GB18030, the superset of the GBK
/// that Chinese Excel writes. UTF-16 (Excel's "Unicode text") and binary files (a NUL byte:
/// an .xlsx, a picture) are named as such rather than read as rows of noise.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, BatchError> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(BatchError::NotText { what: "UTF-16" });
    }
    if bytes.contains(&0) {
        let what = if bytes.starts_with(b"PK\x03\x04") { "xlsx/zip" } else { "binary" };
        return Err(BatchError::NotText { what });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    Ok(match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => encoding_rs::GB18030.decode(bytes).0,
    })
}

/// Checks every row's value in `column` of `text`, whose first row is a header.
pub fn validate_csv(text: &str, kind: ValueKind, column: &Column, ctx: &Context) -> Result<BatchReport, BatchError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let malformed =
        |e: csv::Error| BatchError::Malformed { line: e.position().map_or(0, |p| p.line()), reason: e.to_string() };
    let headers: Vec<String> = reader.headers().map_err(malformed)?.iter().map(str::to_owned).collect();
    let index = match column {
        Column::Number(n) if (1..=headers.len()).contains(n) => Some(n - 1),
        Column::Number(_) => None,
        Column::Name(name) => headers.iter().position(|h| h.trim() == name.trim()),
    }
    .ok_or_else(|| BatchError::NoSuchColumn {
        column: match column {
            Column::Name(n) => n.clone(),
            Column::Number(n) => n.to_string(),
        },
        headers: headers.clone(),
    })?;

    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(malformed)?;
        let value = record.get(index).unwrap_or("").to_owned();
        let row = record.position().map_or(0, |p| p.line());
        rows.push(RowReport { row, report: validate(kind, &value, ctx), value });
    }
    let valid = rows.iter().filter(|r| r.report.valid).count();
    Ok(BatchReport {
        kind: kind.name(),
        column: headers[index].clone(),
        total: rows.len(),
        valid,
        invalid: rows.len() - valid,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn ctx() -> Context {
        Context { today: NaiveDate::from_ymd_opt(2026, 11, 21).unwrap(), beijing_address: false }
    }

    const CSV: &str = "姓名,身份证号码\n张三,11010519491231002X\n李四,110105194912310021\n\"王,五\",\n";

    #[test]
    fn reports_each_row_by_its_spreadsheet_line() {
        let r = validate_csv(CSV, ValueKind::IdNumber, &Column::parse("身份证号码"), &ctx()).unwrap();
        assert_eq!((r.total, r.valid, r.invalid), (3, 1, 2));
        assert_eq!(r.rows.iter().map(|r| r.row).collect::<Vec<_>>(), [2, 3, 4]);
        assert_eq!(r.rows[1].report.errors[0].code, "check_character");
        assert_eq!(r.rows[2].report.errors[0].code, "required");
        let by_number = validate_csv(CSV, ValueKind::IdNumber, &Column::parse("2"), &ctx()).unwrap();
        assert_eq!(by_number.column, "身份证号码");
    }

    #[test]
    fn unknown_columns_name_the_headers() {
        let e = validate_csv(CSV, ValueKind::IdNumber, &Column::parse("证件"), &ctx()).unwrap_err();
        assert!(e.to_string().contains("姓名, 身份证号码"), "{e}");
        assert!(validate_csv(CSV, ValueKind::IdNumber, &Column::Number(3), &ctx()).is_err());
        assert!(validate_csv(CSV, ValueKind::IdNumber, &Column::Number(0), &ctx()).is_err());
    }

    #[test]
    fn decodes_utf8_bom_and_gbk() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").unwrap(), "a,b");
        let (gbk, _, _) = encoding_rs::GBK.encode("姓名,身份证号码");
        assert_eq!(decode(&gbk).unwrap(), "姓名,身份证号码");
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("姓名".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&utf16), Err(BatchError::NotText { what: "UTF-16" }));
        assert!(decode(&utf16).unwrap_err().to_string().contains("CSV UTF-8"));
        assert_eq!(decode(b"PK\x03\x04\x14\x00\x06\x00"), Err(BatchError::NotText { what: "xlsx/zip" }));
        assert_eq!(decode(b"\x89PNG\r\n\x1a\n\x00\x00"), Err(BatchError::NotText { what: "binary" }));
    }
}
