//! Any bytes as an upload: the decoders (JPEG, PNG, WebP, BMP, TIFF, with EXIF), the checks and
//! the fix never panic, and a report keeps its invariants (ok exactly when there is no problem;
//! a fixed picture is a JPEG that reads back).

#![no_main]

use banka_flows::vocabulary::DocumentKind;
use banka_photos::{check, fix, FixOptions, Format};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for kind in [DocumentKind::CardPhoto, DocumentKind::IdCardFront] {
        let report = check(kind, data);
        assert_eq!(report.ok, report.problems.is_empty());
        assert_eq!(report.bytes, data.len() as u64);
        if let Ok(fixed) = fix(kind, data, FixOptions { quarter_turns: data.len() as u8 }) {
            assert_eq!(fixed.report.format, Format::Jpeg);
            assert!(!fixed.report.problems.iter().any(|p| p.code() == "unreadable"));
        }
    }
});
