//! Banka's photo and document checks: every problem the agency would reject an upload for,
//! found at once and worded for a person (zh + en), and the one-click fix for those a machine
//! can put right. Tauri-free; used by the app, the CLI and the fuzz target.
//!
//! `check` never panics and never allocates without bound, whatever the bytes: decoding is
//! limited (`decode`), and a picture that cannot be read is a problem, not an error.

mod card_photo;
mod change;
mod checked;
mod decode;
mod document;
mod encode;
mod face;
mod measure;
mod problem;

use banka_flows::vocabulary::DocumentKind;
use serde::Serialize;

pub use change::Change;
pub use checked::{shown, PhotoCheck, PhotoProblem};
pub use decode::{Format, MAX_PIXELS};
pub use measure::Rect;
pub use problem::{spec, Problem, MAX_DOCUMENT_BYTES};

/// The default cartoon card photo a child under 7 may use (SPEC §3; drawn by
/// `scripts/gen-test-photos.py`, it meets the card photo spec — a test says so).
pub static DEFAULT_CHILD_PHOTO: &[u8] = include_bytes!("../assets/default-child.jpg");

/// What a check found: `ok` when there is nothing to fix.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub kind: DocumentKind,
    pub ok: bool,
    /// Worded, as the CLI prints a report (`PhotoProblem`).
    #[serde(serialize_with = "checked::worded")]
    pub problems: Vec<Problem>,
    /// Upright, after the EXIF orientation; 0 when the picture could not be read.
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub format: Format,
    /// Places worth drawing on the picture, in its upright pixels.
    pub marks: Marks,
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Default, Serialize)]
pub struct Marks {
    pub face: Option<Rect>,
    /// Where the card photo fix would crop.
    pub crop: Option<Rect>,
    pub glare: Option<Rect>,
    pub document: Option<Rect>,
}

/// A fixed upload: the new file, its report, what was done, and the report before.
#[derive(Debug, Clone, Serialize)]
pub struct Fixed {
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub report: Report,
    pub changes: Vec<Change>,
    pub before: Report,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct FixOptions {
    /// Extra clockwise quarter turns for a document on its side (the card photo is turned by its
    /// EXIF orientation only).
    pub quarter_turns: u8,
}

enum Analysis {
    CardPhoto(card_photo::Analysis),
    Document(document::Analysis),
}

struct Inspection {
    report: Report,
    /// The picture and what was found in it, when it could be read.
    read: Option<(decode::Decoded, Analysis)>,
}

fn inspect(kind: DocumentKind, bytes: &[u8]) -> Inspection {
    let format = Format::sniff(bytes);
    let size = bytes.len() as u64;
    let is_card_photo = kind == DocumentKind::CardPhoto;
    let mut problems = Vec::new();
    // The file as it is: format and size, known before decoding.
    let accepted = if is_card_photo { &[Format::Jpeg][..] } else { &[Format::Jpeg, Format::Png][..] };
    let (min, max) = if is_card_photo { (spec::MIN_BYTES, spec::MAX_BYTES) } else { (1, MAX_DOCUMENT_BYTES) };
    if size < min {
        problems.push(Problem::FileTooSmall { bytes: size });
    } else if size > max {
        problems.push(Problem::FileTooLarge { bytes: size });
    }
    let mut report = Report {
        kind,
        ok: false,
        problems: Vec::new(),
        width: 0,
        height: 0,
        bytes: size,
        format,
        marks: Marks::default(),
    };
    let decoded = match decode::decode(bytes) {
        Ok(d) => d,
        Err(p) => {
            report.problems = vec![p];
            return Inspection { report, read: None };
        }
    };
    if !accepted.contains(&format) {
        problems.insert(0, Problem::WrongFormat { format });
    }
    (report.width, report.height) = decoded.image.dimensions();
    let analysis = if is_card_photo {
        if (report.width, report.height) != (spec::WIDTH, spec::HEIGHT) {
            problems.push(Problem::WrongDimensions { width: report.width, height: report.height });
        }
        let a = card_photo::analyse(&decoded);
        problems.extend(a.problems.iter().cloned());
        report.marks.face = a.face;
        report.marks.crop = a.crop;
        Analysis::CardPhoto(a)
    } else {
        let a = document::analyse(kind, &decoded);
        problems.extend(a.problems.iter().cloned());
        report.marks.glare = a.glare;
        report.marks.document = a.document;
        Analysis::Document(a)
    };
    report.ok = problems.is_empty();
    report.problems = problems;
    Inspection { report, read: Some((decoded, analysis)) }
}

/// Everything wrong with `bytes` as an upload of `kind`.
pub fn check(kind: DocumentKind, bytes: &[u8]) -> Report {
    inspect(kind, bytes).report
}

/// The upload made right where a machine can: upright, cropped and sized (the card photo),
/// brightened when dark, JPEG within the size window, no metadata. `Err` with the report when
/// the picture cannot be read at all.
pub fn fix(kind: DocumentKind, bytes: &[u8], options: FixOptions) -> Result<Fixed, Box<Report>> {
    let Inspection { report: before, read } = inspect(kind, bytes);
    let Some((decoded, analysis)) = read else { return Err(Box::new(before)) };
    let mut changes = Vec::new();
    if decoded.orientation != image::metadata::Orientation::NoTransforms {
        changes.push(Change::Rotated);
    }
    let (image, made, (min, max)) = match analysis {
        Analysis::CardPhoto(a) => {
            let (image, made) = card_photo::render(&decoded, &a);
            (std::borrow::Cow::Owned(image), made, (spec::MIN_BYTES, spec::MAX_BYTES))
        }
        Analysis::Document(a) => {
            let (image, made) = document::render(&decoded, &a, options.quarter_turns);
            (image, made, (1, MAX_DOCUMENT_BYTES))
        }
    };
    changes.extend(made);
    if decoded.format != Format::Jpeg {
        changes.push(Change::Converted { from: decoded.format });
    }
    if decoded.has_exif {
        changes.push(Change::MetadataRemoved);
    }
    let (bytes, quality) = encode::jpeg(&image, min, max);
    changes.push(Change::Encoded { quality, bytes: bytes.len() as u64 });
    let report = check(kind, &bytes);
    Ok(Fixed { bytes, report, changes, before })
}
