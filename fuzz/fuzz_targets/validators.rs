//! Any bytes into every validator and the batch CSV reader: no panic, and the reports keep
//! their invariants (valid exactly when there are no errors; normalising is idempotent).

#![no_main]

use banka_cli::batch::{decode, validate_csv, Column};
use banka_rules::{validate, Context, ValueKind};
use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A file that is not text is refused as a whole; its bytes still reach the validators.
    let text = decode(data).unwrap_or_else(|_| String::from_utf8_lossy(data));
    let today = NaiveDate::from_ymd_opt(2026, 11, 21).unwrap();
    for beijing_address in [false, true] {
        let ctx = Context { today, beijing_address };
        for kind in ValueKind::ALL {
            let report = validate(kind, &text, &ctx);
            assert_eq!(report.valid, report.errors.is_empty(), "{kind:?} {text:?}");
            if report.valid {
                let again = validate(kind, &report.normalized, &ctx);
                assert!(again.valid, "{kind:?}: normalised {:?} must stay valid", report.normalized);
                assert_eq!(again.normalized, report.normalized);
            }
        }
        let _ = validate_csv(&text, ValueKind::IdNumber, &Column::Number(1), &ctx);
    }
});
